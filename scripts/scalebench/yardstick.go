package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
)

// yardstick runs the naive lookup: "build INDEX DIR..." indexes the text of
// the reports under the directories in plain bleve, "serve INDEX -addr
// ADDR" answers /search?q= with the ten best chunks.
//
// A chunk is a run of lines of about 300 bytes, ending at a line end: the
// size of a paragraph. Its text is analyzed with bleve's CJK analyzer
// (width folding, bigrams) and stored, and a question is one match query.
func yardstick(args []string) error {
	if len(args) < 2 {
		return errUsage
	}
	switch args[0] {
	case "build":
		if len(args) < 3 {
			return errUsage
		}
		return yardstickBuild(args[1], args[2:])
	case "serve":
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		addr := fs.String("addr", "127.0.0.1:8090", "listen address")
		if err := fs.Parse(args[2:]); err != nil {
			return err
		}
		return yardstickServe(args[1], *addr)
	}
	return errUsage
}

func yardstickBuild(dir string, srcs []string) error {
	im := bleve.NewIndexMapping()
	im.DefaultAnalyzer = cjk.AnalyzerName
	dm := bleve.NewDocumentStaticMapping()
	text := bleve.NewTextFieldMapping()
	text.Analyzer = cjk.AnalyzerName
	text.Store = true
	text.IncludeInAll = false
	text.DocValues = false
	dm.AddFieldMappingsAt("text", text)
	im.DefaultMapping = dm
	x, err := bleve.New(dir, im)
	if err != nil {
		return err
	}
	b := x.NewBatch()
	flush := func() error {
		if b.Size() == 0 {
			return nil
		}
		err := x.Batch(b)
		b.Reset()
		return err
	}
	for _, src := range srcs {
		err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
			var chunk strings.Builder
			n := 0
			emit := func() error {
				if strings.TrimSpace(chunk.String()) != "" {
					if err := b.Index(fmt.Sprintf("%s/%d", id, n), map[string]any{"text": chunk.String()}); err != nil {
						return err
					}
					n++
				}
				chunk.Reset()
				if b.Size() >= 2000 {
					return flush()
				}
				return nil
			}
			for _, line := range strings.SplitAfter(string(data), "\n") {
				chunk.WriteString(line)
				if chunk.Len() >= 300 {
					if err := emit(); err != nil {
						return err
					}
				}
			}
			return emit()
		})
		if err != nil {
			return err
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return x.Close()
}

func yardstickServe(dir, addr string) error {
	x, err := bleve.Open(dir)
	if err != nil {
		return err
	}
	defer x.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	mux.HandleFunc("/search", func(w http.ResponseWriter, r *http.Request) {
		q := bleve.NewMatchQuery(r.URL.Query().Get("q"))
		q.SetField("text")
		req := bleve.NewSearchRequestOptions(q, 10, 0, false)
		req.Fields = []string{"text"}
		res, err := x.Search(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		type hit struct {
			ID    string  `json:"id"`
			Text  any     `json:"text"`
			Score float64 `json:"score"`
		}
		out := struct {
			Total uint64 `json:"total"`
			Hits  []hit  `json:"hits"`
		}{Total: res.Total}
		for _, h := range res.Hits {
			out.Hits = append(out.Hits, hit{h.ID, h.Fields["text"], h.Score})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(out)
	})
	return http.ListenAndServe(addr, mux)
}
