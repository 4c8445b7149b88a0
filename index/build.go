package index

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"reportkb/index/report"
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
	d := e.Doc
	b := x.bleve.NewBatch()
	if old != nil {
		deleteIDs(b, old.Doc.ID, old.Gen, len(old.Doc.Paragraphs), len(old.Doc.Sentences))
	}
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
	if err := b.Index(markerID(d.ID, e.Gen), marker); err != nil {
		return err
	}
	if err := x.bleve.Batch(b); err != nil {
		return fmt.Errorf("index %s: %w", d.ID, err)
	}
	return nil
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
