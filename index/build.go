package index

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

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

// groupBytes is about the text of the small documents that go into one
// bleve batch; chunkBytes that of a part of a large document. They bound
// the memory an add takes.
const (
	groupBytes = 512 << 10
	chunkBytes = 256 << 10
)

// indexDocs writes the paragraphs and sentences of the documents, and
// removes those of their old versions, in one batch: readers see the old
// version or the new one. A document of more than chunkBytes of text goes
// alone and in several batches (see indexLarge).
func (x *Index) indexDocs(ps []*pending) error {
	if len(ps) == 1 && len(ps[0].e.text) > chunkBytes {
		return x.indexLarge(ps[0])
	}
	b := x.bleve.NewBatch()
	var c chunk
	var recs []*records
	for _, p := range ps {
		if p.old != nil {
			deleteIDs(b, p.old.ID, p.old.Gen, p.old.Paragraphs, p.old.Sentences)
		}
		c.add(p.e, 0, len(p.e.Doc.Paragraphs))
		recs = append(recs, buildRecords(p.e, 0, len(p.e.Doc.Paragraphs)))
	}
	if err := x.st.putRecords(recs); err != nil {
		return err
	}
	recs = nil
	if err := c.index(b, x.cfg.Segmenter); err != nil {
		return err
	}
	for _, p := range ps {
		if err := addMarker(b, p.e, true); err != nil {
			return err
		}
	}
	return x.batch(b)
}

// indexLarge writes a large document in batches of about chunkBytes of
// text, so that the memory of an add stays bounded whatever the size of
// the document: first its marker, marked incomplete, then its
// paragraphs, and with the last of them the marker again, complete, and
// the removal of the old version. Until the commit, searches skip the
// new version's hits (its generation is not the document's); after a
// crash, Open removes an incomplete version.
func (x *Index) indexLarge(p *pending) error {
	b := x.bleve.NewBatch()
	if err := addMarker(b, p.e, false); err != nil {
		return err
	}
	if err := x.bleve.Batch(b); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	paras := p.e.Doc.Paragraphs
	for from := 0; from < len(paras); {
		to, size := from, 0
		for to < len(paras) && (size < chunkBytes || to == from) {
			size += len(paras[to].Text)
			to++
		}
		if err := x.st.putRecords([]*records{buildRecords(p.e, from, to)}); err != nil {
			return err
		}
		b := x.bleve.NewBatch()
		var c chunk
		c.add(p.e, from, to)
		if err := c.index(b, x.cfg.Segmenter); err != nil {
			return err
		}
		if to == len(paras) {
			if p.old != nil {
				deleteIDs(b, p.old.ID, p.old.Gen, p.old.Paragraphs, p.old.Sentences)
			}
			if err := addMarker(b, p.e, true); err != nil {
				return err
			}
		}
		if err := x.batch(b); err != nil {
			return err
		}
		from = to
	}
	if len(paras) == 0 {
		b := x.bleve.NewBatch()
		if p.old != nil {
			deleteIDs(b, p.old.ID, p.old.Gen, p.old.Paragraphs, p.old.Sentences)
		}
		if err := addMarker(b, p.e, true); err != nil {
			return err
		}
		return x.batch(b)
	}
	return nil
}

// batch runs b.
func (x *Index) batch(b *bleve.Batch) error {
	if err := x.bleve.Batch(b); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

// chunk is a run of paragraphs of documents on their way into a batch.
type chunk struct {
	parts []chunkPart
}

type chunkPart struct {
	e        *Entry
	from, to int
}

func (c *chunk) add(e *Entry, from, to int) { c.parts = append(c.parts, chunkPart{e, from, to}) }

// index segments the searchable paragraphs of the chunk, and their
// headings, on all cores, each text once, and adds the bleve documents of
// the paragraphs (their headings) and their sentences to b with their
// words counted (see field): bleve's own analysis of them does nothing.
func (c *chunk) index(b *bleve.Batch, seg segment.Segmenter) error {
	var todo []string
	texts := map[string][]Term{} // filled in once todo is segmented
	for _, pt := range c.parts {
		for i := pt.from; i < pt.to; i++ {
			p := &pt.e.Doc.Paragraphs[i]
			if !p.Kind.Searchable() {
				continue
			}
			for _, t := range []string{p.Text, p.Heading} {
				if _, ok := texts[t]; !ok {
					texts[t] = nil
					todo = append(todo, t)
				}
			}
		}
	}
	terms := make([][]Term, len(todo))
	var wg sync.WaitGroup
	var next atomic.Int64
	for w := 0; w < min(runtime.NumCPU(), len(todo)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(todo) {
					return
				}
				terms[i] = Terms(seg, todo[i])
			}
		}()
	}
	wg.Wait()
	for i, t := range todo {
		texts[t] = terms[i]
	}
	for _, pt := range c.parts {
		if err := addParagraphs(b, pt.e, pt.from, pt.to, texts); err != nil {
			return err
		}
	}
	return nil
}

// fieldOptions are the indexing options of the fields of paragraphs and
// sentences, as the mapping declares them (see Index.mapping): words
// indexed without their positions, nothing stored.
const fieldOptions = bindex.IndexField

// field is a field of a paragraph's or sentence's bleve document whose
// words were counted when it was built: it carries its word frequencies,
// and bleve's analysis of it does nothing. Fields are never changed once
// built, so the documents of a batch share those of their document
// (region, level …), which bleve's analysis and segment building read
// concurrently.
type field struct {
	name  string
	n     int // the number of words (bleve's field length)
	freqs bindex.TokenFrequencies
	plain uint64 // bytes of text
}

func (f *field) Name() string                                      { return f.name }
func (f *field) ArrayPositions() []uint64                          { return nil }
func (f *field) Options() bindex.FieldIndexingOptions              { return fieldOptions }
func (f *field) Analyze()                                          {}
func (f *field) Value() []byte                                     { return nil } // not stored
func (f *field) NumPlainTextBytes() uint64                         { return f.plain }
func (f *field) EncodedFieldType() byte                            { return 't' }
func (f *field) AnalyzedLength() int                               { return f.n }
func (f *field) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.freqs }
func (f *field) Size() int                                         { return 64 + len(f.name) + 64*len(f.freqs) }

// keywordField is a field of whole values, each one word, as the keyword
// analyzer makes them (an empty value too).
func keywordField(name string, values ...string) *field {
	f := &field{name: name, n: len(values), freqs: make(bindex.TokenFrequencies, len(values))}
	tfs := make([]bindex.TokenFreq, len(values))
	for i, v := range values {
		f.plain += uint64(len(v))
		tf, ok := f.freqs[v]
		if !ok {
			tf = &tfs[i]
			tf.Term = []byte(v)
			f.freqs[v] = tf
		}
		tf.SetFrequency(tf.Frequency() + 1)
	}
	return f
}

// textField is a field of text, whose words are terms, or of text[from:to]
// when to > 0 (a sentence of a paragraph): of those of terms that lie in it.
func textField(name, text string, terms []Term, from, to int) *field {
	f := &field{name: name, freqs: make(bindex.TokenFrequencies, 16), plain: uint64(len(text))}
	if to > 0 {
		f.plain = uint64(to - from)
	}
	var tfs []bindex.TokenFreq
	for _, t := range terms {
		if to > 0 && (t.Start < from || t.End > to) {
			continue
		}
		f.n++
		tf, ok := f.freqs[t.Text]
		if !ok {
			if len(tfs) == 0 {
				tfs = make([]bindex.TokenFreq, 16)
			}
			tf = &tfs[0]
			tfs = tfs[1:]
			tf.Term = unsafe.Slice(unsafe.StringData(t.Text), len(t.Text)) // read only
			f.freqs[t.Text] = tf
		}
		tf.SetFrequency(tf.Frequency() + 1)
	}
	return f
}

// addParagraphs adds the bleve documents of paragraphs [from, to) of e
// and of their sentences to b, taking the sentences' words from their
// paragraph's, in texts. A paragraph's document holds its heading, not
// its text, whose words are its sentences'.
func addParagraphs(b *bleve.Batch, e *Entry, from, to int, texts map[string][]Term) error {
	d := e.Doc
	m := d.Meta
	common := []*field{
		keywordField("doc", d.ID),
		keywordField("region", m.Region),
		keywordField("level", m.Level),
		keywordField("dkind", m.Kind),
	}
	if ys := years(m); len(ys) > 0 {
		common = append(common, keywordField("years", ys...))
	}
	newDoc := func(id string, fs ...*field) *document.Document {
		doc := document.NewDocument(id)
		// One more for the _id field bleve adds.
		doc.Fields = make([]document.Field, 0, len(common)+len(fs)+1)
		for _, f := range common {
			doc.Fields = append(doc.Fields, f)
		}
		for _, f := range fs {
			doc.Fields = append(doc.Fields, f)
		}
		return doc
	}
	for i := from; i < to; i++ {
		p := &d.Paragraphs[i]
		if !p.Kind.Searchable() {
			continue
		}
		terms := texts[p.Text]
		hf := textField("heading", p.Heading, texts[p.Heading], 0, 0)
		if err := b.IndexAdvanced(newDoc(paraID(d.ID, e.Gen, i), hf)); err != nil {
			return err
		}
		for j := p.FirstSentence; j < p.FirstSentence+p.NumSentences; j++ {
			s := &d.Sentences[j]
			sf := textField("stext", p.Text, terms, s.Off, s.Off+len(s.Text))
			if err := b.IndexAdvanced(newDoc(sentID(d.ID, e.Gen, j), sf)); err != nil {
				return err
			}
		}
	}
	return nil
}

// addMarker adds the marker of e: the bleve document that says a version
// of a document is in the index, and how many paragraphs and sentences
// it has, so that they can be removed.
func addMarker(b *bleve.Batch, e *Entry, complete bool) error {
	d := e.Doc
	marker := map[string]interface{}{"type": "m", "doc": d.ID}
	marker["gen"] = float64(e.Gen)
	marker["paras"] = float64(len(d.Paragraphs))
	marker["sentences"] = float64(len(d.Sentences))
	if complete {
		marker["complete"] = float64(1)
	} else {
		marker["complete"] = float64(0)
	}
	return b.Index(markerID(d.ID, e.Gen), marker)
}

type markerKey struct {
	id  string
	gen int64
}

type markerVal struct {
	paras, sentences int
	complete         bool
}

// markers lists the document generations the bleve index holds.
func (x *Index) markers() (map[markerKey]markerVal, error) {
	out := map[markerKey]markerVal{}
	q := query.NewTermQuery("m")
	q.SetField("type")
	const page = 1000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(q, page, from, false)
		req.Fields = []string{"paras", "sentences", "complete"}
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
			if f, ok := h.Fields["complete"].(float64); ok {
				v.complete = f == 1
			}
			out[markerKey{r.doc, r.gen}] = v
		}
		if len(res.Hits) < page {
			return out, nil
		}
	}
}
