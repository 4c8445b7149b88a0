package main

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"reportkb/api"
	"reportkb/index"
	"reportkb/index/segment"
	"reportkb/qa"
	"reportkb/seeds"
)

// TestWriterAndTwoReplicas runs a writer and two replicas on one
// machine, as the README's "past one machine" describes: the writer
// publishes snapshots into a root, each replica serves HTTP from the
// snapshot CURRENT names and follows it when the writer publishes again,
// and refuses changes.
func TestWriterAndTwoReplicas(t *testing.T) {
	root := t.TempDir()
	pub := filepath.Join(root, "published")
	var srcs []index.Source
	for _, f := range seeds.Files() {
		srcs = append(srcs, index.Source{Name: f.Name, Data: f.Data})
	}
	w, err := index.Open(index.Config{Dir: filepath.Join(root, "writer"), Segmenter: segment.Bigram{}, SegmenterName: "bigram", Seeds: srcs})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	first, err := publishTo(w, pub, 2)
	if err != nil {
		t.Fatal(err)
	}
	if snap, err := currentSnapshot(pub); err != nil || snap != first {
		t.Fatalf("CURRENT names %q (%v), want %q", snap, err, first)
	}

	log := slog.New(slog.DiscardHandler)
	open := func(dir string) (*index.Index, http.Handler, error) {
		x, err := index.Open(index.Config{Dir: dir, Segmenter: segment.Bigram{}, SegmenterName: "bigram", ReadOnly: true})
		if err != nil {
			return nil, nil, err
		}
		return x, api.New(api.Config{Index: x, Engine: qa.New(qa.Config{Index: x, Home: homeIDs()}), Logger: log, Token: "t", CacheSize: -1}), nil
	}
	stop := make(chan struct{})
	defer close(stop)
	var replicas []*httptest.Server
	for range 2 {
		snap, err := currentSnapshot(pub)
		if err != nil {
			t.Fatal(err)
		}
		x, h, err := open(snap)
		if err != nil {
			t.Fatal(err)
		}
		sw := &swapHandler{}
		sw.set(h)
		go follow(pub, snap, 20*time.Millisecond, log, open, sw, x, stop)
		srv := httptest.NewServer(sw)
		defer srv.Close()
		replicas = append(replicas, srv)
	}
	docs := func(srv *httptest.Server) []string {
		t.Helper()
		resp, err := http.Get(srv.URL + "/api/v1/documents")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body struct {
			Documents []struct {
				ID string `json:"id"`
			} `json:"documents"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, d := range body.Documents {
			ids = append(ids, d.ID)
		}
		return ids
	}
	ask := func(srv *httptest.Server, q string) string {
		t.Helper()
		resp, err := http.Get(srv.URL + "/api/v1/ask?q=" + url.QueryEscape(q))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	for i, srv := range replicas {
		if ids := docs(srv); len(ids) != 1 {
			t.Fatalf("replica %d: documents %q, want the seed", i, ids)
		}
		if a := ask(srv, "新增养老床位多少张？"); !strings.Contains(a, "6341") {
			t.Errorf("replica %d: answer %s", i, a)
		}
		// Changes go to the writer, not a replica.
		req, _ := http.NewRequest(http.MethodDelete, srv.URL+"/api/v1/documents/hanyang_2020_plan_report", nil)
		req.Header.Set("Authorization", "Bearer t")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("replica %d: delete answered %d, want 403", i, resp.StatusCode)
		}
	}

	// The writer adds a report and publishes; the replicas follow.
	data, err := os.ReadFile("../../testdata/reports/shanghai_2025_gov_work_report.txt")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Add("shanghai_2025_gov_work_report.txt", data); err != nil {
		t.Fatal(err)
	}
	if _, err := publishTo(w, pub, 2); err != nil {
		t.Fatal(err)
	}
	for i, srv := range replicas {
		deadline := time.Now().Add(10 * time.Second)
		for len(docs(srv)) != 2 && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if ids := docs(srv); len(ids) != 2 {
			t.Fatalf("replica %d did not follow the new snapshot: %q", i, ids)
		}
		if a := ask(srv, "上海2025年地区生产总值增长多少"); !strings.Contains(a, "shanghai_2025_gov_work_report") {
			t.Errorf("replica %d: no answer from the new report: %s", i, a)
		}
	}
	// A third publish keeps two snapshots.
	if _, err := publishTo(w, pub, 2); err != nil {
		t.Fatal(err)
	}
	if snaps, _ := filepath.Glob(filepath.Join(pub, "snap-*")); len(snaps) != 2 {
		t.Errorf("snapshots kept: %q, want 2", snaps)
	}
}

// TestCLIPublish publishes an index from the command line and asks a
// replica of it.
func TestCLIPublish(t *testing.T) {
	dir, pub := t.TempDir(), filepath.Join(t.TempDir(), "pub")
	if code, out, errs := runCLI("publish", "-index", dir, "-to", pub); code != 0 || !strings.Contains(out, "published 1 documents") {
		t.Fatalf("publish: exit %d: %s %s", code, out, errs)
	}
	code, out, errs := runCLI("ask", "-replica", pub, "新增养老床位多少张？")
	if code != 0 || !strings.Contains(out, "6341张") {
		t.Fatalf("ask a replica: exit %d: %s %s", code, out, errs)
	}
	// A second index, of another region, published beside it: both as shards.
	dir2, pub2 := t.TempDir(), filepath.Join(t.TempDir(), "pub2")
	if code, _, errs := runCLI("add", "-index", dir2, "../../testdata/reports/shanghai_2025_gov_work_report.txt"); code != 0 {
		t.Fatalf("add: exit %d: %s", code, errs)
	}
	if code, _, errs := runCLI("rm", "-index", dir2, "hanyang_2020_plan_report"); code != 0 {
		t.Fatalf("rm: exit %d: %s", code, errs)
	}
	if code, out, errs := runCLI("publish", "-index", dir2, "-to", pub2); code != 0 || !strings.Contains(out, "published 1 documents") {
		t.Fatalf("publish: exit %d: %s %s", code, out, errs)
	}
	for q, want := range map[string]string{"新增养老床位多少张？": "6341张", "上海2025年地区生产总值增长多少": "shanghai_2025_gov_work_report"} {
		code, out, errs := runCLI("ask", "-shards", pub+","+pub2, q)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("ask %s of two shards: exit %d: %s %s", q, code, out, errs)
		}
	}
	if code, _, errs := runCLI("publish", "-index", dir); code != 2 || !strings.Contains(errs, "-to is required") {
		t.Errorf("publish without -to: exit %d: %s", code, errs)
	}
	if code, _, errs := runCLI("ask", "-replica", filepath.Join(pub, "none"), "问题"); code != 1 || !strings.Contains(errs, "no published snapshot") {
		t.Errorf("ask a replica of nothing: exit %d: %s", code, errs)
	}
}
