package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"reportkb/index/segment"
)

// TestRecordsMatchParse checks that the records read from disk say what
// the parsed document says: text, positions in the text and the file,
// pages, lines, headings, sections and table rows.
func TestRecordsMatchParse(t *testing.T) {
	x := open(t, t.TempDir(), seed(t))
	defer x.Close()
	gb := transcoded(t)
	if _, err := x.Add(gb.Name, gb.Data); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"hanyang_2020_plan_report", DocID(gb.Name)} {
		e, ok := x.Doc(id)
		if !ok {
			t.Fatalf("%s missing", id)
		}
		d := e.Doc
		refs := make([]Ref, len(d.Sentences))
		for i := range refs {
			refs[i] = Ref{Doc: id, Gen: e.Gen, N: i}
		}
		recs, err := x.Sentences(refs)
		if err != nil {
			t.Fatal(err)
		}
		orig, err := x.Original(e)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range recs {
			s := &d.Sentences[i]
			p := &d.Paragraphs[s.Para]
			if r.Text != s.Text || r.Para != s.Para || r.Off != s.Off || r.Start != s.Start || r.End != s.End ||
				r.Line != s.Line || r.Page != s.Page || r.PageInferred != s.PageInferred || r.Kind != p.Kind ||
				r.Heading != p.Heading || r.Section != p.Section || r.N != i {
				t.Fatalf("%s sentence %d: record %+v, parsed %+v", id, i, r, s)
			}
			if r.FileStart != e.FileOffset(s.Start) || r.FileEnd != e.FileOffset(s.End) {
				t.Errorf("%s sentence %d: file span %d-%d, want %d-%d", id, i, r.FileStart, r.FileEnd, e.FileOffset(s.Start), e.FileOffset(s.End))
			}
			f, offs := segment.Fold(s.Text)
			if offs != nil && r.TextOffset(len(f)) != len(s.Text) {
				t.Errorf("%s sentence %d: TextOffset of the end = %d", id, i, r.TextOffset(len(f)))
			}
			if r.Folded != f {
				t.Errorf("%s sentence %d: folded %q, want %q", id, i, r.Folded, f)
			}
			for k := range f {
				if offs != nil && r.TextOffset(k) != offs[k] {
					t.Fatalf("%s sentence %d: TextOffset(%d) = %d, want %d", id, i, k, r.TextOffset(k), offs[k])
				}
			}
			if per, year := d.ParagraphPeriod(s.Para); r.Period != per || r.Year != year {
				t.Errorf("%s sentence %d: period %s %d, want %s %d", id, i, r.Period, r.Year, per, year)
			}
			// Every span of runes maps to the file as the paragraph does.
			var bounds []int
			for k := range s.Text {
				bounds = append(bounds, k)
			}
			bounds = append(bounds, len(s.Text))
			for k := 0; k+1 < len(bounds); k++ {
				a, b := bounds[k], bounds[min(k+2, len(bounds)-1)]
				ws, we := p.OrigSpan(s.Off+a, s.Off+b)
				ws, we = e.FileOffset(ws), e.FileOffset(we)
				if gs, ge := r.Span(a, b); gs != ws || ge != we {
					t.Fatalf("%s sentence %d: Span(%d, %d) = %d-%d, want %d-%d", id, i, a, b, gs, ge, ws, we)
				}
				if line := r.LineAt(ws); line != d.LineAt(e.offsetOfFile(ws)) {
					t.Fatalf("%s sentence %d: LineAt(%d) = %d, want %d", id, i, ws, line, d.LineAt(e.offsetOfFile(ws)))
				}
			}
			if r.FileEnd > len(orig) {
				t.Fatalf("%s sentence %d ends past the file", id, i)
			}
			if p.Kind == "table_row" && r.Row == nil {
				t.Errorf("%s sentence %d: table row without its row", id, i)
			}
		}
		for i := range d.Paragraphs {
			pr, err := x.Paragraph(id, e.Gen, i)
			if err != nil {
				t.Fatal(err)
			}
			p := &d.Paragraphs[i]
			if pr.Text != p.Text || pr.Kind != p.Kind || pr.Heading != p.Heading || pr.Term != p.Term || pr.Line != p.Line ||
				pr.Page != p.Page || pr.Start != e.FileOffset(p.Start) || pr.End != e.FileOffset(p.End) ||
				pr.FirstSentence != p.FirstSentence || pr.NumSentences != p.NumSentences {
				t.Fatalf("%s paragraph %d: record %+v, parsed %+v", id, i, pr, p)
			}
		}
		sum := e.Summary
		if sum.Title != d.Title || !reflect.DeepEqual(sum.Meta, d.Meta) || sum.Paragraphs != len(d.Paragraphs) || sum.Sentences != len(d.Sentences) ||
			!reflect.DeepEqual(sum.Sections, d.Sections) {
			t.Errorf("%s summary %+v disagrees with the parse", id, sum)
		}
	}
	// A version the index does not hold is not found.
	if _, err := x.Sentences([]Ref{{Doc: "hanyang_2020_plan_report", Gen: 99, N: 0}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("sentence of an unknown version: %v", err)
	}
}

func encodeGB18030(data []byte) ([]byte, error) {
	return simplifiedchinese.GB18030.NewEncoder().Bytes(data)
}

// offsetOfFile maps a file offset back to the text (a test helper: a
// linear scan).
func (e *Entry) offsetOfFile(off int) int {
	if e.offsets == nil {
		return off
	}
	for i := range e.offsets {
		if int(e.offsets[i]) >= off {
			return i
		}
	}
	return len(e.text)
}

// transcoded returns a test report in GB18030, so that text and file
// offsets differ.
func transcoded(t *testing.T) Source {
	t.Helper()
	src := corpusFile(t, "shanghai_2025_gov_work_report.txt")
	enc, err := encodeGB18030(src.Data)
	if err != nil {
		t.Fatal(err)
	}
	return Source{Name: "shanghai_gbk.txt", Data: enc}
}

func TestRecordsOfTables(t *testing.T) {
	x := open(t, t.TempDir(), seed(t))
	defer x.Close()
	e, _ := x.Doc("hanyang_2020_plan_report")
	rows := 0
	for _, tb := range e.Doc.Tables {
		for _, row := range tb.Rows {
			p := &e.Doc.Paragraphs[row.Para]
			if p.NumSentences == 0 {
				continue
			}
			recs, err := x.Sentences([]Ref{{Doc: e.Summary.ID, Gen: e.Gen, N: p.FirstSentence}})
			if err != nil {
				t.Fatal(err)
			}
			r := recs[0].Row
			if r == nil || r.Name != row.Name || len(r.Cells) != len(row.Cells) || !reflect.DeepEqual(r.Columns, tb.Columns) {
				t.Fatalf("row %q: record %+v", row.Name, r)
			}
			rows++
		}
	}
	if rows == 0 {
		t.Fatal("the seed has no table rows")
	}
}

// openThreeLevels opens an index of the seed (a district), Shanghai (a
// province-level city) and Hubei (a province).
func openThreeLevels(t *testing.T) *Index {
	t.Helper()
	x := open(t, t.TempDir(), seed(t))
	for _, name := range []string{"shanghai_2025_gov_work_report.txt", "hubei_2025_gov_work_report.txt"} {
		s := corpusFile(t, name)
		if _, err := x.Add(s.Name, s.Data); err != nil {
			x.Close()
			t.Fatal(err)
		}
	}
	return x
}

func TestFiltersAsTerms(t *testing.T) {
	x := openThreeLevels(t)
	defer x.Close()
	terms := x.QueryTerms("养老床位")
	docsOf := func(f Filter) map[string]bool {
		hits, _, err := x.SearchTerms(Query{Terms: terms, Filter: f, Size: 100, Sentences: true, Records: true})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, h := range hits {
			out[h.Doc.ID] = true
			if h.SentenceRec == nil || h.Entry != nil || h.SentenceRec.Para != h.Para || !strings.ContainsAny(h.Text(), "养床") {
				t.Fatalf("hit %+v", h)
			}
		}
		return out
	}
	sh, _ := x.Summary("shanghai_2025_gov_work_report")
	tests := []struct {
		f    Filter
		want []string
	}{
		{Filter{Region: "上海"}, []string{"shanghai_2025_gov_work_report"}},
		{Filter{Region: "上海市"}, []string{"shanghai_2025_gov_work_report"}},
		{Filter{Regions: []string{sh.Meta.Region, "汉阳区"}}, []string{"shanghai_2025_gov_work_report", "hanyang_2020_plan_report"}},
		{Filter{Levels: []string{"province"}}, []string{"hubei_2025_gov_work_report"}},
		{Filter{Kinds: []string{sh.Meta.Kind}}, []string{"shanghai_2025_gov_work_report", "hubei_2025_gov_work_report"}},
		{Filter{Years: []int{2020}}, []string{"hanyang_2020_plan_report"}},
		{Filter{Year: 2024, Region: "湖北"}, []string{"hubei_2025_gov_work_report"}},
		{Filter{Region: "西藏"}, nil},
	}
	for _, tc := range tests {
		got := docsOf(tc.f)
		want := map[string]bool{}
		for _, id := range tc.want {
			want[id] = true
		}
		if tc.f.Levels != nil {
			// Shanghai is a province-level city: level province too.
			if sh.Meta.Level == "province" {
				want["shanghai_2025_gov_work_report"] = true
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("filter %+v: documents %v, want %v", tc.f, got, want)
		}
		// Select agrees with the search.
		sel := map[string]bool{}
		for _, s := range x.Select(tc.f) {
			sel[s.ID] = true
		}
		for id := range got {
			if !sel[id] {
				t.Errorf("filter %+v: Select lacks %s", tc.f, id)
			}
		}
	}
	if got := x.Spelled("Shanghai"); len(got) != 1 || got[0].ID != "shanghai_2025_gov_work_report" {
		t.Errorf("Spelled(Shanghai) = %v", got)
	}
	if rs := x.Regions(); !containsStr(rs, "汉阳区") || !containsStr(rs, sh.Meta.Region) {
		t.Errorf("Regions() = %v", rs)
	}
	// The catalog follows removals.
	if err := x.Remove("shanghai_2025_gov_work_report"); err != nil {
		t.Fatal(err)
	}
	if got := x.Select(Filter{Region: "上海"}); len(got) != 0 {
		t.Errorf("Select after removal: %v", got)
	}
	if got := x.Spelled("shanghai"); len(got) != 0 {
		t.Errorf("Spelled after removal: %v", got)
	}
}

// TestLargeDocumentInChunks adds a document of several chunks, replaces
// it, and checks that a crash in the middle of indexing its next version
// leaves the old one.
func TestLargeDocumentInChunks(t *testing.T) {
	dir := t.TempDir()
	x := open(t, dir)
	big := func(tag string) Source {
		var b strings.Builder
		b.WriteString("2024年某市统计公报\n")
		for i := 0; b.Len() < 3*chunkBytes; i++ { // three chunks and a bit
			fmt.Fprintf(&b, "第%d项：新增%s床位%d张，比上年增长%d%%。\n", i, tag, i, i%30)
		}
		return Source{Name: "big.txt", Data: []byte(b.String())}
	}
	a := big("甲版")
	if _, err := x.Add(a.Name, a.Data); err != nil {
		t.Fatal(err)
	}
	count := func(x *Index, word string) int {
		_, total, err := x.SearchTerms(Query{Terms: x.QueryTerms(word), Sentences: true, Size: 1})
		if err != nil {
			t.Fatal(err)
		}
		return total
	}
	if n := count(x, "甲版"); n < 1000 {
		t.Fatalf("%d sentences of the first version found", n)
	}
	// Crash halfway through the second version: its marker and some
	// chunks are in bleve, the store still holds the first.
	b := big("乙版")
	p, err := x.prepare(b)
	if err != nil {
		t.Fatal(err)
	}
	paras := p.e.Doc.Paragraphs
	p.e.Doc.Paragraphs = paras[:len(paras)/2] // index half of it, then stop
	if err := x.indexLarge(p); err != nil {
		t.Fatal(err)
	}
	crash(x)
	x = open(t, dir)
	if n := count(x, "乙版"); n != 0 {
		t.Errorf("%d sentences of the unfinished version found", n)
	}
	if n := count(x, "甲版"); n < 1000 {
		t.Errorf("after the crash, %d sentences of the first version found", n)
	}
	if _, err := x.Add(b.Name, b.Data); err != nil {
		t.Fatal(err)
	}
	if n := count(x, "甲版"); n != 0 {
		t.Errorf("the replaced version is still found (%d)", n)
	}
	if n := count(x, "乙版"); n < 1000 {
		t.Errorf("%d sentences of the second version found", n)
	}
	x.Close()
}

func TestMaxText(t *testing.T) {
	x, err := Open(Config{Dir: t.TempDir(), Segmenter: segment.Bigram{}, SegmenterName: "bigram", MaxText: 1000})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	_, err = x.Add("big.txt", []byte(strings.Repeat("新增养老床位。", 200)))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "-max-text") {
		t.Errorf("Add of a text over the limit: %v", err)
	}
	if x.Len() != 0 {
		t.Errorf("%d documents after a refused add", x.Len())
	}
}

// TestOpenLegacyIndex opens an index of schema 6, whose manifest listed
// its documents, and finds them rebuilt.
func TestOpenLegacyIndex(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, docsDir), 0o755)
	s := seed(t)
	os.WriteFile(filepath.Join(dir, docsDir, "hanyang_2020_plan_report.3.txt"), s.Data, 0o644)
	added := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	m := manifest{Schema: 6, Segmenter: "bigram", NextGen: 4, Docs: []manifestDoc{{
		ID: "hanyang_2020_plan_report", File: "hanyang_2020_plan_report.txt", Text: "hanyang_2020_plan_report.3.txt",
		Format: "txt", Encoding: "utf-8", Gen: 3, SHA256: hash(s.Data), Added: added}}}
	data, _ := json.Marshal(m)
	os.WriteFile(filepath.Join(dir, manifestName), data, 0o644)
	os.MkdirAll(filepath.Join(dir, bleveDir), 0o755) // an old bleve index, to be dropped
	x := open(t, dir)
	sum, ok := x.Summary("hanyang_2020_plan_report")
	if !ok || sum.Gen < 4 || !sum.Added.Equal(added) || sum.SHA256 != hash(s.Data) {
		t.Fatalf("after rebuilding: %+v %v", sum, ok)
	}
	if res, err := x.Search("方舱医院", Filter{}, 1, 0); err != nil || res.Total == 0 {
		t.Fatalf("search after rebuilding: %v %+v", err, res)
	}
	x.Close()
	data, _ = os.ReadFile(filepath.Join(dir, manifestName))
	if !strings.Contains(string(data), fmt.Sprintf(`"schema": %d`, Schema)) || strings.Contains(string(data), `"docs"`) {
		t.Errorf("manifest after rebuilding: %s", data)
	}
	files, _ := os.ReadDir(filepath.Join(dir, docsDir))
	if len(files) != 1 {
		t.Errorf("%d stored files after rebuilding, want 1", len(files))
	}
	// And it opens again without rebuilding, cleanly.
	x = open(t, dir)
	defer x.Close()
	if s2, _ := x.Summary("hanyang_2020_plan_report"); s2 == nil || s2.Gen != sum.Gen {
		t.Errorf("reopened: %+v", s2)
	}
}

// TestCacheBounded checks that the parsed documents kept stay within the
// budget, and that documents evicted are parsed again on demand.
func TestCacheBounded(t *testing.T) {
	x, err := Open(Config{Dir: t.TempDir(), Segmenter: segment.Bigram{}, SegmenterName: "bigram", CacheBytes: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, name := range []string{"shanghai_2025_gov_work_report.txt", "hubei_2025_gov_work_report.txt"} {
		s := corpusFile(t, name)
		if _, err := x.Add(s.Name, s.Data); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 3; i++ {
		for _, e := range x.Docs() {
			if len(e.Doc.Sentences) == 0 {
				t.Fatalf("%s parsed empty", e.Summary.ID)
			}
		}
		if _, n := x.cache.stats(); n != 1 {
			t.Fatalf("%d documents kept with a budget of one byte", n)
		}
	}
}

func TestReopenFast(t *testing.T) {
	dir := t.TempDir()
	x := open(t, dir, seed(t))
	x.Close()
	x = open(t, dir, seed(t))
	defer x.Close()
	// Opening parses nothing: the cache is empty until a document is read.
	if _, n := x.cache.stats(); n != 0 {
		t.Errorf("%d documents parsed by Open", n)
	}
	if _, err := x.Search("方舱医院", Filter{}, 3, 0); err != nil {
		t.Fatal(err)
	}
	if _, n := x.cache.stats(); n != 0 {
		t.Errorf("Search parsed %d documents", n)
	}
}

// TestRebuildOnSegmenterChange rebuilds an index of this schema from the
// list of documents in its own store, keeping removed seeds removed.
func TestRebuildOnSegmenterChange(t *testing.T) {
	dir := t.TempDir()
	x := open(t, dir, seed(t))
	sh := corpusFile(t, "shanghai_2025_gov_work_report.txt")
	if _, err := x.Add(sh.Name, sh.Data); err != nil {
		t.Fatal(err)
	}
	if err := x.Remove("hanyang_2020_plan_report"); err != nil {
		t.Fatal(err)
	}
	x.Close()
	y, err := Open(Config{Dir: dir, Segmenter: segment.Bigram{}, SegmenterName: "bigram-again", Seeds: []Source{seed(t)}})
	if err != nil {
		t.Fatal(err)
	}
	defer y.Close()
	if y.Len() != 1 {
		t.Fatalf("%d documents after rebuilding, want shanghai only", y.Len())
	}
	if res, err := y.Search("养老床位", Filter{}, 1, 0); err != nil || res.Total == 0 || res.Hits[0].Doc != "shanghai_2025_gov_work_report" {
		t.Fatalf("search after rebuilding: %v %+v", err, res)
	}
	if _, err := os.Stat(filepath.Join(dir, rebuildName)); !os.IsNotExist(err) {
		t.Errorf("the old store is left: %v", err)
	}
}

func TestWeakWordsLeftOut(t *testing.T) {
	var b strings.Builder
	b.WriteString("某区2025年工作报告\n\n")
	for i := range 1500 {
		fmt.Fprintf(&b, "第%d项工作比上年增加。", i)
		if i%20 == 19 {
			b.WriteString("\n\n")
		}
	}
	b.WriteString("全区养老床位增加10张。新建床位30张。\n\n敬老院床位满员。\n")
	x := open(t, t.TempDir(), Source{Name: "weak.txt", Data: []byte(b.String())})
	defer x.Close()
	count := func(boost float64, f Filter) (total, beds int) {
		terms := []WeightedTerm{{Text: "床位", Boost: 10}, {Text: "增加", Boost: boost}}
		hits, total, err := x.SearchTerms(Query{Terms: terms, Filter: f, Size: 50, Sentences: true, Records: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			if strings.Contains(h.Text(), "床位") {
				beds++
			}
		}
		return total, beds
	}
	// 增加, in most sentences and weighing little, finds nothing alone.
	if total, beds := count(1, Filter{}); total != 3 || beds != 3 {
		t.Errorf("weak 增加: %d hits, %d with 床位; want only the 3 with 床位", total, beds)
	}
	// Weighing as much as the question's main word, it counts.
	if total, beds := count(6, Filter{}); total < 1500 || beds != 3 {
		t.Errorf("weighty 增加: %d hits, %d with 床位; want all", total, beds)
	}
	// In one document every word counts.
	if total, beds := count(1, Filter{Doc: "weak"}); total < 1500 || beds != 3 {
		t.Errorf("增加 in one document: %d hits, %d with 床位; want all", total, beds)
	}
}

func TestEqualScoresInIDOrder(t *testing.T) {
	doc := func(name string) Source {
		return Source{Name: name, Data: []byte(strings.Repeat("全区新增养老床位。\n\n", 30))}
	}
	a, b := doc("a.txt"), doc("b.txt")
	x1 := open(t, t.TempDir(), a, b)
	defer x1.Close()
	x2 := open(t, t.TempDir(), b, a)
	defer x2.Close()
	for _, size := range []int{5, 50} { // the tie reaching past the hits fetched, and not
		var got [2][]string
		for i, x := range []*Index{x1, x2} {
			hits, _, err := x.SearchTerms(Query{Terms: []WeightedTerm{{Text: "床位", Boost: 1}}, Size: size, Sentences: true, Records: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range hits {
				got[i] = append(got[i], fmt.Sprintf("%s/%d", h.Doc.ID, h.Sentence))
			}
		}
		if len(got[0]) != size || !reflect.DeepEqual(got[0], got[1]) {
			t.Errorf("size %d: hits %v and %v, want the same %d", size, got[0], got[1], size)
		}
	}
}

// TestFilterAsDocsSameHits checks that a filter searched as the documents
// it selects finds what the filter's terms find.
func TestFilterAsDocsSameHits(t *testing.T) {
	x := openThreeLevels(t)
	defer x.Close()
	terms := x.QueryTerms("养老床位增加")
	hitsOf := func(f Filter) []string {
		hits, _, err := x.SearchTerms(Query{Terms: terms, Filter: f, Size: 30, Sentences: true, Records: true})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range hits {
			out = append(out, fmt.Sprintf("%s/%d %.6f", h.Doc.ID, h.Sentence, h.Score))
		}
		return out
	}
	for _, f := range []Filter{
		{Region: "上海"}, {Levels: []string{"province"}}, {Years: []int{2020}}, {Year: 2024, Region: "湖北"},
		{Kinds: []string{"政府工作报告"}, Years: []int{2024, 2025}}, {Region: "西藏"}, {Doc: "hanyang_2020_plan_report", Years: []int{2020}},
	} {
		if g, ok := x.asDocs(f); !ok || len(g.Docs) > 3 {
			t.Errorf("filter %+v: asDocs %+v, %v; want the documents", f, g, ok)
		}
		// A background merge can land between two searches and move every
		// BM25 score a little (deleted documents leave the statistics), so
		// the pair is searched again until the index held still around it.
		var asDocs, asTerms []string
		for try := 0; try < 5; try++ {
			asDocs = hitsOf(f)
			old := maxFilterDocs
			maxFilterDocs = 0
			asTerms = hitsOf(f)
			maxFilterDocs = old
			if reflect.DeepEqual(asDocs, hitsOf(f)) {
				break
			}
		}
		if !reflect.DeepEqual(asDocs, asTerms) {
			t.Errorf("filter %+v: as documents %v, as terms %v", f, asDocs, asTerms)
		}
	}
	if _, ok := x.asDocs(Filter{}); ok {
		t.Error("no filter resolved to documents")
	}
	if _, ok := x.asDocs(Filter{Docs: []string{"a", "b"}}); ok {
		t.Error("a filter by id resolved again")
	}
}

// TestCoFreqFollowsTheDocuments checks that the counts CoFreq keeps are
// counted again when the documents change.
func TestCoFreqFollowsTheDocuments(t *testing.T) {
	x := open(t, t.TempDir())
	defer x.Close()
	words := []string{"养老", "床位"}
	if n := x.CoFreq(words); n != 0 {
		t.Fatalf("empty index: CoFreq = %d", n)
	}
	if _, err := x.Add("a.txt", []byte("全区新增养老床位100张。\n\n养老服务更好。\n\n新建床位。\n")); err != nil {
		t.Fatal(err)
	}
	if n := x.CoFreq(words); n != 1 { // the one sentence holding both
		t.Errorf("after adding: CoFreq = %d, want 1", n)
	}
	if n := x.CoFreq(words); n != 1 {
		t.Errorf("asked again: CoFreq = %d, want 1", n)
	}
	if err := x.Remove("a"); err != nil {
		t.Fatal(err)
	}
	if n := x.CoFreq(words); n != 0 {
		t.Errorf("after removing: CoFreq = %d, want 0", n)
	}
}

// A division is found by the pinyin of its names, every division a
// spelling may mean.
func TestDivisionsSpelled(t *testing.T) {
	names := func(sp string) []string {
		var out []string
		for _, d := range DivisionsSpelled(sp) {
			out = append(out, d.Name)
		}
		return out
	}
	for sp, want := range map[string][]string{
		"yanbian": {"延边朝鲜族自治州", "盐边县"},
		"Suixian": {"随县"},
		"geermu":  {"格尔木市"},
	} {
		got := names(sp)
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("DivisionsSpelled(%q) = %v, want %s among them", sp, got, w)
			}
		}
	}
}
