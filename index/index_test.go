package index

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"reportkb/index/segment"
)

func seed(t testing.TB) Source {
	t.Helper()
	data, err := os.ReadFile("../seeds/hanyang_2020_plan_report.txt")
	if err != nil {
		t.Fatal(err)
	}
	return Source{Name: "hanyang_2020_plan_report.txt", Data: data}
}

func corpusFile(t testing.TB, name string) Source {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../testdata/reports", name))
	if err != nil {
		t.Fatal(err)
	}
	return Source{Name: name, Data: data}
}

func open(t testing.TB, dir string, seeds ...Source) *Index {
	t.Helper()
	x, err := Open(Config{Dir: dir, Segmenter: segment.Bigram{}, SegmenterName: "bigram", Seeds: seeds})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func TestOpenSearchReopen(t *testing.T) {
	dir := t.TempDir()
	x := open(t, dir, seed(t))
	if x.Len() != 1 {
		t.Fatalf("%d documents, want the seed", x.Len())
	}
	res, err := x.Search("养老床位", Filter{}, 5, 0)
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || !strings.Contains(res.Hits[0].Text, "养老床位") {
		t.Fatalf("search 养老床位: %+v", res)
	}
	if f := strings.Join(res.Hits[0].Fragments, ""); !strings.Contains(f, "<mark>养老床位</mark>") && !strings.Contains(f, "<mark>养老") {
		t.Errorf("fragments %q lack marks", f)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopening finds the document without indexing it again.
	x = open(t, dir, seed(t))
	defer x.Close()
	e, ok := x.Doc("hanyang_2020_plan_report")
	if !ok || e.Gen != 0 {
		t.Fatalf("after reopening: %v, gen %d", ok, e.Gen)
	}
	hits, total, err := x.SearchTerms(Query{Terms: x.QueryTerms("方舱医院"), Sentences: true, Size: 3})
	if err != nil || total == 0 || hits[0].Sentence < 0 || !strings.Contains(hits[0].Text(), "方舱医院") {
		t.Fatalf("sentence search after reopening: %v %d %v", err, total, hits)
	}
}

func TestAddReplaceRemove(t *testing.T) {
	dir := t.TempDir()
	x := open(t, dir, seed(t))
	defer x.Close()
	sh := corpusFile(t, "shanghai_2025_gov_work_report.txt")
	if _, err := x.Add(sh.Name, sh.Data); err != nil {
		t.Fatal(err)
	}
	if x.Len() != 2 {
		t.Fatalf("%d documents after add", x.Len())
	}
	res, err := x.Search("养老床位", Filter{Doc: "shanghai_2025_gov_work_report"}, 5, 0)
	if err != nil || res.Total == 0 {
		t.Fatalf("search in the added document: %v %+v", err, res)
	}
	for _, h := range res.Hits {
		if h.Doc != "shanghai_2025_gov_work_report" {
			t.Errorf("doc filter let %s through", h.Doc)
		}
	}
	// Replacing the document leaves one version.
	cut := 200 + strings.IndexByte(string(sh.Data[200:]), '\n')
	changed := append([]byte("2025年上海市政府工作报告\n各位代表：\n今年新增独角兽企业七家。\n"), sh.Data[cut:]...)
	e, err := x.Add(sh.Name, changed)
	if err != nil {
		t.Fatal(err)
	}
	if e.Gen == 0 || x.Len() != 2 {
		t.Fatalf("replace: gen %d, %d documents", e.Gen, x.Len())
	}
	res, _ = x.Search("独角兽", Filter{}, 5, 0)
	if res.Total != 1 {
		t.Errorf("独角兽 found %d times after replacing, want once", res.Total)
	}
	// Removing it leaves no trace in search.
	if err := x.Remove("shanghai_2025_gov_work_report"); err != nil {
		t.Fatal(err)
	}
	if err := x.Remove("shanghai_2025_gov_work_report"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second remove: %v, want ErrNotFound", err)
	}
	res, _ = x.Search("独角兽", Filter{}, 5, 0)
	if res.Total != 0 {
		t.Errorf("removed document still found")
	}
	// Only the originals of live documents stay on disk.
	files, _ := os.ReadDir(filepath.Join(dir, docsDir))
	if len(files) != 1 {
		t.Errorf("%d stored files, want 1", len(files))
	}
}

func TestLocked(t *testing.T) {
	dir := t.TempDir()
	x := open(t, dir)
	defer x.Close()
	_, err := Open(Config{Dir: dir, Segmenter: segment.Bigram{}, SegmenterName: "bigram"})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open = %v, want ErrLocked", err)
	}
}

func TestRebuildOnSchemaChange(t *testing.T) {
	dir := t.TempDir()
	x := open(t, dir, seed(t))
	x.Close()
	// An index written by another schema is rebuilt from the originals.
	path := filepath.Join(dir, manifestName)
	data, _ := os.ReadFile(path)
	changed := strings.Replace(string(data), fmt.Sprintf(`"schema": %d`, Schema), `"schema": 0`, 1)
	if changed == string(data) {
		t.Fatalf("manifest %s names no schema", data)
	}
	os.WriteFile(path, []byte(changed), 0o644)
	x = open(t, dir)
	defer x.Close()
	if x.Len() != 1 {
		t.Fatalf("%d documents after rebuild", x.Len())
	}
	res, err := x.Search("方舱医院", Filter{}, 1, 0)
	if err != nil || res.Total == 0 {
		t.Fatalf("search after rebuild: %v %+v", err, res)
	}
}

// TestRebuildUnreadable: a crash while bleve wrote its metadata leaves an
// index it cannot open; the stored originals rebuild it.
func TestRebuildUnreadable(t *testing.T) {
	dir := t.TempDir()
	x := open(t, dir, seed(t))
	x.Close()
	if err := os.WriteFile(filepath.Join(dir, bleveDir, "index_meta.json"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	x = open(t, dir)
	defer x.Close()
	if x.Len() != 1 {
		t.Fatalf("%d documents after rebuild", x.Len())
	}
	res, err := x.Search("方舱医院", Filter{}, 1, 0)
	if err != nil || res.Total == 0 {
		t.Fatalf("search after rebuild: %v %+v", err, res)
	}
}

// crash closes the index as a killed process leaves it: nothing flushed
// beyond what each step made durable, and not marked clean.
func crash(x *Index) {
	x.bleve.Close()
	x.st.close()
	x.unlock()
}

func TestRecoverFromCrashBeforeCommit(t *testing.T) {
	dir := t.TempDir()
	x := open(t, dir, seed(t))
	sh := corpusFile(t, "shanghai_2025_gov_work_report.txt")
	// Crash after the bleve batch, before the commit: the store does not
	// know the document, but its file and its index entries exist.
	p, err := x.prepare(Source{Name: sh.Name, Data: sh.Data})
	if err != nil {
		t.Fatal(err)
	}
	if err := x.indexDocs([]*pending{p}); err != nil {
		t.Fatal(err)
	}
	crash(x)
	x = open(t, dir)
	defer x.Close()
	if _, ok := x.Doc("shanghai_2025_gov_work_report"); ok || x.Len() != 1 {
		t.Fatalf("uncommitted document visible after recovery (%d documents)", x.Len())
	}
	res, _ := x.Search("上海", Filter{}, 5, 0)
	for _, h := range res.Hits {
		if h.Doc != "hanyang_2020_plan_report" {
			t.Errorf("hit in uncommitted document %s", h.Doc)
		}
	}
	files, _ := os.ReadDir(filepath.Join(dir, docsDir))
	if len(files) != 1 {
		t.Errorf("%d stored files after recovery, want 1", len(files))
	}
	markers, err := x.markers()
	if err != nil || len(markers) != 1 {
		t.Errorf("markers after recovery: %v %v, want the seed's only", markers, err)
	}
}

func TestConcurrentReadsDuringAdd(t *testing.T) {
	x := open(t, t.TempDir(), seed(t))
	defer x.Close()
	sh := corpusFile(t, "shanghai_2025_gov_work_report.txt")
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := x.Search("方舱医院", Filter{}, 3, 0)
				if err != nil || res.Total == 0 {
					t.Errorf("search during add: %v %v", err, res)
					return
				}
			}
		}()
	}
	for i := 0; i < 3; i++ {
		if _, err := x.Add(sh.Name, sh.Data); err != nil {
			t.Error(err)
		}
	}
	close(stop)
	wg.Wait()
}

func TestValidID(t *testing.T) {
	for _, id := range []string{"hanyang_2020_plan_report", "上海2024", "a-b.c", "console", "nul_2024", "com10", "lpt0", "auxiliary"} {
		if err := ValidID(id); err != nil {
			t.Errorf("ValidID(%q) = %v", id, err)
		}
	}
	for _, id := range []string{"", ".hidden", "a/b", "a b", strings.Repeat("x", 201), "a\x00b", "\xff",
		"CON", "con", "Nul", "aux", "PRN", "COM1", "com9", "LPT1", "lpt9", "nul.tar", "CON.report"} {
		if err := ValidID(id); err == nil {
			t.Errorf("ValidID(%q) = nil, want an error", id)
		}
	}
	if got := DocID("/tmp/dir/上海_2025.txt"); got != "上海_2025" {
		t.Errorf("DocID = %q", got)
	}
}

func TestFragments(t *testing.T) {
	text := "新增养老床位6341张，<b>千名老人</b>床位数达到50.46。"
	got := Fragments(text, []Span{{6, 18}}, 80, 3)
	if len(got) != 1 || !strings.Contains(got[0], "<mark>养老床位</mark>") || strings.Contains(got[0], "<b>") {
		t.Errorf("Fragments = %q", got)
	}
}

func TestLocate(t *testing.T) {
	x := open(t, t.TempDir(), seed(t))
	defer x.Close()
	data := seed(t).Data
	tests := []struct {
		text     string
		page     int
		original string
	}{
		// Copied from the answer, without the OCR's spaces.
		{"新增养老床位6341张", 10, "新增养老床位 6341 张"},
		// With other spaces, full-width digits and a line break.
		{"新增养老床位 ６３４１张，\n千名老人", 10, "新增养老床位 6341 张，千名老人"},
		// Across a page footer.
		{"综合收入突破590亿元", 5, "综合收\n\n\n\n— 5 —\n\n入突破 590 亿元"},
	}
	for _, tc := range tests {
		places := x.Locate(tc.text, "", 10)
		if len(places) != 1 {
			t.Errorf("Locate(%q): %d places", tc.text, len(places))
			continue
		}
		p := places[0]
		if p.Original != tc.original || string(data[p.Start:p.End]) != p.Original || p.Page != tc.page || p.Doc != "hanyang_2020_plan_report" {
			t.Errorf("Locate(%q) = %+v", tc.text, p)
		}
	}
	// A phrase that occurs several times is found each time.
	if n := len(x.Locate("方舱医院", "", 10)); n < 1 {
		t.Errorf("方舱医院 found %d times", n)
	}
	if n := len(x.Locate("汉阳", "", 3)); n != 3 {
		t.Errorf("limit: %d places, want 3", n)
	}
	if got := x.Locate("这句话报告里没有", "", 10); len(got) != 0 {
		t.Errorf("found text that is not there: %+v", got)
	}
	if got := x.Locate(" \n ", "", 10); len(got) != 0 {
		t.Errorf("empty text found: %+v", got)
	}
}

func TestAddAll(t *testing.T) {
	x := open(t, t.TempDir())
	defer x.Close()
	sh := corpusFile(t, "shanghai_2025_gov_work_report.txt")
	hb := corpusFile(t, "hubei_2025_gov_work_report.txt")
	srcs := []Source{
		seed(t), sh, hb,
		{Name: "broken.docx", Data: []byte("PK\x03\x04broken")},
		{Name: "dir/shanghai_2025_gov_work_report.txt", Data: append([]byte("2025年上海市政府工作报告\n"), sh.Data...)},
	}
	var mu sync.Mutex
	calls := 0
	err := x.AddAll(srcs, 2, func(s Source, e *Entry, err error) {
		mu.Lock()
		calls++
		mu.Unlock()
	})
	if err == nil || !strings.Contains(err.Error(), "broken") {
		t.Errorf("AddAll error = %v, want the broken file's", err)
	}
	if x.Len() != 3 || calls != 4 {
		t.Fatalf("%d documents, %d callbacks; want 3 and 4", x.Len(), calls)
	}
	// The later file of an id wins.
	e, _ := x.Doc("shanghai_2025_gov_work_report")
	if !strings.HasPrefix(string(e.Text()), "2025年上海市政府工作报告\n2025") {
		t.Errorf("the earlier file of a duplicated id won")
	}
	res, err := x.Search("养老床位", Filter{}, 10, 0)
	if err != nil || res.Total == 0 {
		t.Fatalf("search after AddAll: %v", err)
	}
}

func TestPrefixTerm(t *testing.T) {
	x := open(t, t.TempDir(), seed(t))
	defer x.Close()
	// The bigram segmenter holds 征地 but never 征 alone.
	plain, total, err := x.SearchTerms(Query{Terms: []WeightedTerm{{Text: "征", Boost: 1}}, Sentences: true, Size: 5})
	if err != nil || total != 0 {
		t.Fatalf("a single character as a term: %v %d %v", err, total, plain)
	}
	hits, total, err := x.SearchTerms(Query{Terms: []WeightedTerm{{Text: "征", Boost: 1, Prefix: true}}, Sentences: true, Size: 50})
	if err != nil || total == 0 {
		t.Fatalf("prefix 征: %v %d", err, total)
	}
	found := false
	for _, h := range hits {
		found = found || strings.Contains(h.Text(), "征地")
	}
	if !found {
		t.Errorf("prefix 征 did not find 征地 among %d hits", len(hits))
	}
}

// A headings search finds paragraphs by their topic headings only.
func TestSearchHeadings(t *testing.T) {
	doc := "关于预算执行情况的报告\n\n1．一般公共预算完成情况。全市收入311.8亿元。\n\n2．民生。全市一般公共预算用于民生的支出占八成。\n"
	x := open(t, t.TempDir(), Source{Name: "headings.txt", Data: []byte(doc)})
	defer x.Close()
	terms := x.QueryTerms("一般公共预算")
	hits, _, err := x.SearchTerms(Query{Terms: terms, Headings: true, Size: 5, Records: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || !strings.Contains(hits[0].ParagraphRec.Heading, "一般公共预算") {
		for _, h := range hits {
			t.Logf("hit: heading %q, text %q", h.ParagraphRec.Heading, h.ParagraphRec.Text)
		}
		t.Fatalf("%d hits, want the paragraph headed 一般公共预算", len(hits))
	}
	all, _, err := x.SearchTerms(Query{Terms: terms, Size: 5, Records: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 2 {
		t.Errorf("a text search found %d paragraphs, want both", len(all))
	}
}

// A term with words beside it (With) matches only where all of them occur.
func TestTermWith(t *testing.T) {
	doc := "关于某市预算执行情况的报告\n\n全市一般公共预算支出600.9亿元。教育事业发展良好。其中：教育支出95.5亿元，科学技术支出4.5亿元。\n"
	x := open(t, t.TempDir(), Source{Name: "mou_2025_budget_report.txt", Data: []byte(doc)})
	defer x.Close()
	hits, total, err := x.SearchTerms(Query{Terms: []WeightedTerm{{Text: "教育", With: []string{"支出"}, Boost: 2}}, Sentences: true, Size: 10, Records: true})
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || len(hits) != 1 || !strings.Contains(hits[0].Text(), "教育支出95.5亿元") {
		var got []string
		for _, h := range hits {
			got = append(got, h.Text())
		}
		t.Errorf("教育 with 支出: %d hits %q, want only the sentence holding both", total, got)
	}
}

// A new index is not reported as one left open by a crash: there is
// nothing to check.
func TestNewIndexNotRecovered(t *testing.T) {
	var logs strings.Builder
	x, err := Open(Config{Dir: t.TempDir(), Segmenter: segment.Bigram{}, SegmenterName: "bigram", Seeds: []Source{seed(t)},
		Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if strings.Contains(logs.String(), "not closed cleanly") {
		t.Errorf("a new index was checked as if after a crash:\n%s", logs.String())
	}
	if x.Len() != 1 {
		t.Errorf("%d documents, want the seed", x.Len())
	}
}

// A paragraph is found by its sentences and scores as its best one; its
// heading adds to its score with HeadingBoost; pages of a paragraph
// search hold each paragraph once.
func TestSearchParagraphs(t *testing.T) {
	doc := "某区政府工作报告\n\n" +
		"1．稳定就业。城镇新增就业1200人。举办招聘会12场。\n\n" +
		"2．养老服务。新增养老床位600张。建成养老服务站8个。养老护理员培训300人次。\n\n" +
		"3．交通建设。新建道路5公里。公交线路延伸到养老院。\n\n" +
		"4．社会保障。落实城乡居民养老保险政策。\n"
	x := open(t, t.TempDir(), Source{Name: "mou_2024_gov_work_report.txt", Data: []byte(doc)})
	defer x.Close()
	search := func(q string, size, from int, boost float64) ([]Hit, int) {
		t.Helper()
		hits, total, err := x.SearchTerms(Query{Terms: x.QueryTerms(q), Size: size, From: from, HeadingBoost: boost, Records: true})
		if err != nil {
			t.Fatal(err)
		}
		return hits, total
	}
	sents, _, err := x.SearchTerms(Query{Terms: x.QueryTerms("养老"), Size: 20, Sentences: true, Records: true})
	if err != nil {
		t.Fatal(err)
	}
	best := map[int]float64{}
	for _, h := range sents {
		best[h.Para] = max(best[h.Para], h.Score)
	}
	hits, total := search("养老", 10, 0, 0)
	if len(hits) != len(best) || total != len(best) {
		t.Fatalf("养老: %d paragraphs (total %d), want the %d its sentences are in", len(hits), total, len(best))
	}
	for i, h := range hits {
		if h.ParagraphRec == nil || h.Sentence != -1 {
			t.Fatalf("hit %d is not a paragraph: %+v", i, h)
		}
		if h.Score != best[h.Para] {
			t.Errorf("paragraph %d scores %.4f, its best sentence %.4f", h.Para, h.Score, best[h.Para])
		}
		if i > 0 && h.Score > hits[i-1].Score {
			t.Errorf("hit %d scores above hit %d", i, i-1)
		}
	}
	// Pages: each paragraph once, in the order of the whole list.
	var paged []int
	for from := 0; from < len(hits); from += 2 {
		page, _ := search("养老", 2, from, 0)
		for _, h := range page {
			paged = append(paged, h.Para)
		}
	}
	for i := range hits {
		if i >= len(paged) || paged[i] != hits[i].Para {
			t.Fatalf("pages of two: paragraphs %v, want those of one search %v", paged, hits)
		}
	}
	// 交通 is in the heading of paragraph 3 and in none of its sentences
	// but the first (the heading's own sentence): the boost adds the
	// heading's score.
	plain, _ := search("交通", 5, 0, 0)
	boosted, _ := search("交通", 5, 0, 0.5)
	if len(plain) != 1 || len(boosted) != 1 || !strings.Contains(boosted[0].ParagraphRec.Heading, "交通") {
		t.Fatalf("交通: %d and %d hits, want the paragraph headed 交通建设", len(plain), len(boosted))
	}
	if boosted[0].Score <= plain[0].Score {
		t.Errorf("a heading match adds nothing: %.4f with the boost, %.4f without", boosted[0].Score, plain[0].Score)
	}
}
