package index

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"reportkb/index/report"
	"reportkb/index/segment"
)

// Bleve document ids: "ID/GEN/m" is a document's marker, "ID/GEN/p/N" its
// paragraph N and "ID/GEN/s/N" its sentence N. Document ids hold no '/'.
func markerID(id string, gen int64) string { return id + "/" + strconv.FormatInt(gen, 10) + "/m" }
func paraID(id string, gen int64, i int) string {
	return id + "/" + strconv.FormatInt(gen, 10) + "/p/" + strconv.Itoa(i)
}
func sentID(id string, gen int64, i int) string {
	return id + "/" + strconv.FormatInt(gen, 10) + "/s/" + strconv.Itoa(i)
}

// hitRef is a parsed bleve document id.
type hitRef struct {
	doc  string
	gen  int64
	kind byte // 'p', 's' or 'm'
	n    int
}

func parseHitID(s string) (hitRef, bool) {
	parts := strings.Split(s, "/")
	if len(parts) < 3 {
		return hitRef{}, false
	}
	gen, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return hitRef{}, false
	}
	r := hitRef{doc: parts[0], gen: gen, kind: parts[2][0]}
	if r.kind == 'm' {
		return r, true
	}
	if len(parts) != 4 {
		return hitRef{}, false
	}
	r.n, err = strconv.Atoi(parts[3])
	return r, err == nil
}

func deleteIDs(b *bleve.Batch, id string, gen int64, paras, sentences int) {
	b.Delete(markerID(id, gen))
	for i := 0; i < paras; i++ {
		b.Delete(paraID(id, gen, i))
	}
	for i := 0; i < sentences; i++ {
		b.Delete(sentID(id, gen, i))
	}
}

// years lists the years a document speaks of, for filtering.
func years(m report.Meta) []string {
	var out []string
	for _, y := range []int{m.Year, m.ReviewYear, m.PlanYear} {
		if y > 0 {
			out = append(out, strconv.Itoa(y))
		}
	}
	return out
}

// indexDoc writes the paragraphs and sentences of e, and removes those of
// old, in one batch: readers see the old version or the new one.
func (x *Index) indexDoc(e *Entry, old *Entry) error {
	return x.indexBatch([]*pending{{e: e, old: old}})
}

// indexBatch writes several documents, and removes their old versions, in
// one batch.
func (x *Index) indexBatch(ps []*pending) error {
	b := x.bleve.NewBatch()
	texts := map[string][]Term{}
	for _, p := range ps {
		if p.old != nil {
			deleteIDs(b, p.old.Doc.ID, p.old.Gen, len(p.old.Doc.Paragraphs), len(p.old.Doc.Sentences))
		}
		if err := addDoc(b, p.e, x.cfg.Segmenter, texts); err != nil {
			return err
		}
	}
	release := pretokenized.put(texts)
	defer release()
	if err := x.bleve.Batch(b); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

// addDoc adds the bleve documents of e to b. Each paragraph is segmented
// once, into texts; its sentences and heading take their words from it.
func addDoc(b *bleve.Batch, e *Entry, seg segment.Segmenter, texts map[string][]Term) error {
	d := e.Doc
	common := func(typ string, kind report.Kind) map[string]interface{} {
		return map[string]interface{}{
			"type":   typ,
			"doc":    d.ID,
			"kind":   string(kind),
			"region": d.Meta.Region,
			"level":  d.Meta.Level,
			"years":  years(d.Meta),
		}
	}
	for i := range d.Paragraphs {
		p := &d.Paragraphs[i]
		if !p.Kind.Searchable() {
			continue
		}
		terms, ok := texts[p.Text]
		if !ok {
			terms = Terms(seg, p.Text)
			texts[p.Text] = terms
		}
		for j := p.FirstSentence; j < p.FirstSentence+p.NumSentences; j++ {
			s := &d.Sentences[j]
			if _, ok := texts[s.Text]; !ok {
				texts[s.Text] = sliceTerms(terms, s.Off, s.Off+len(s.Text))
			}
		}
		f := common("p", p.Kind)
		f["ptext"] = p.Text
		f["heading"] = p.Heading
		if err := b.Index(paraID(d.ID, e.Gen, i), f); err != nil {
			return err
		}
		for j := p.FirstSentence; j < p.FirstSentence+p.NumSentences; j++ {
			f := common("s", p.Kind)
			f["stext"] = d.Sentences[j].Text
			if err := b.Index(sentID(d.ID, e.Gen, j), f); err != nil {
				return err
			}
		}
	}
	marker := common("m", "")
	marker["gen"] = float64(e.Gen)
	marker["paras"] = float64(len(d.Paragraphs))
	marker["sentences"] = float64(len(d.Sentences))
	return b.Index(markerID(d.ID, e.Gen), marker)
}

type markerKey struct {
	id  string
	gen int64
}

type markerVal struct {
	paras, sentences int
}

// markers lists the document generations the bleve index holds.
func (x *Index) markers() (map[markerKey]markerVal, error) {
	out := map[markerKey]markerVal{}
	q := query.NewTermQuery("m")
	q.SetField("type")
	const page = 1000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(q, page, from, false)
		req.Fields = []string{"paras", "sentences"}
		res, err := x.bleve.Search(req)
		if err != nil {
			return nil, fmt.Errorf("list documents: %w", err)
		}
		for _, h := range res.Hits {
			r, ok := parseHitID(h.ID)
			if !ok || r.kind != 'm' {
				continue
			}
			v := markerVal{}
			if f, ok := h.Fields["paras"].(float64); ok {
				v.paras = int(f)
			}
			if f, ok := h.Fields["sentences"].(float64); ok {
				v.sentences = int(f)
			}
			out[markerKey{r.doc, r.gen}] = v
		}
		if len(res.Hits) < page {
			return out, nil
		}
	}
}
