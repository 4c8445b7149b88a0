package index

import (
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"reportkb/index/segment"
)

// TokenizerType is the bleve tokenizer type that segments with a
// registered Segmenter. The index mapping names the segmenter, so an index
// is always searched with the segmenter it was built with.
const TokenizerType = "reportkb_segmenter"

// AnalyzerName is the analyzer of the text fields.
const AnalyzerName = "reportkb"

var (
	segMu      sync.RWMutex
	segmenters = map[string]segment.Segmenter{}
)

// registerSegmenter makes seg available to indexes under name.
func registerSegmenter(name string, seg segment.Segmenter) {
	segMu.Lock()
	segmenters[name] = seg
	segMu.Unlock()
}

func init() {
	registry.RegisterTokenizer(TokenizerType, func(config map[string]interface{}, _ *registry.Cache) (analysis.Tokenizer, error) {
		name, _ := config["segmenter"].(string)
		segMu.RLock()
		seg, ok := segmenters[name]
		segMu.RUnlock()
		if !ok {
			return nil, fmt.Errorf("segmenter %q is not registered", name)
		}
		return &tokenizer{seg: seg}, nil
	})
}

// tokenizer adapts a Segmenter to bleve. It folds full-width characters
// and Latin case before segmenting; token offsets stay offsets into the
// original text.
type tokenizer struct {
	seg segment.Segmenter
}

func (t *tokenizer) Tokenize(input []byte) analysis.TokenStream {
	terms, ok := pretokenized.get(string(input))
	if !ok {
		terms = Terms(t.seg, string(input))
	}
	stream := make(analysis.TokenStream, len(terms))
	toks := make([]analysis.Token, len(terms))
	for i, tm := range terms {
		toks[i] = analysis.Token{
			Term:     []byte(tm.Text),
			Start:    tm.Start,
			End:      tm.End,
			Position: tm.Pos + 1,
			Type:     analysis.Ideographic,
		}
		stream[i] = &toks[i]
	}
	return stream
}

// Term is an indexed word of a text.
type Term struct {
	Text       string // the word as indexed: folded to half width and lower case
	Start, End int    // byte offsets in the text
	Pos        int    // position of the top-level word it belongs to
}

// Terms segments text as the index does.
func Terms(seg segment.Segmenter, text string) []Term {
	folded, offs := segment.Fold(text)
	toks := seg.Segment(folded)
	out := make([]Term, len(toks))
	for i, tk := range toks {
		tm := Term{Text: folded[tk.Start:tk.End], Start: tk.Start, End: tk.End, Pos: tk.Pos}
		if offs != nil {
			tm.Start, tm.End = offs[tk.Start], offs[tk.End]
		}
		out[i] = tm
	}
	return out
}

// pretok holds the words of texts segmented ahead of indexing: a document's
// paragraphs are segmented once, and the words of their sentences taken
// from them, instead of segmenting every sentence again. It is safe for
// concurrent use; entries count their users.
type pretok struct {
	mu sync.Mutex
	m  map[string]*pretokEntry
}

type pretokEntry struct {
	terms []Term
	refs  int
}

var pretokenized = &pretok{m: map[string]*pretokEntry{}}

func (p *pretok) get(text string) ([]Term, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	e, ok := p.m[text]
	if !ok {
		return nil, false
	}
	return e.terms, true
}

// put registers the words of texts and returns a func that forgets them.
func (p *pretok) put(texts map[string][]Term) (release func()) {
	p.mu.Lock()
	for t, terms := range texts {
		if e, ok := p.m[t]; ok {
			e.refs++
			continue
		}
		p.m[t] = &pretokEntry{terms: terms, refs: 1}
	}
	p.mu.Unlock()
	return func() {
		p.mu.Lock()
		for t := range texts {
			if e, ok := p.m[t]; ok {
				if e.refs--; e.refs == 0 {
					delete(p.m, t)
				}
			}
		}
		p.mu.Unlock()
	}
}

// sliceTerms returns the words of text[start:end] out of the words of
// text, with offsets and positions relative to the slice.
func sliceTerms(terms []Term, start, end int) []Term {
	var out []Term
	base := -1
	for _, t := range terms {
		if t.Start < start || t.End > end {
			continue
		}
		if base < 0 {
			base = t.Pos
		}
		out = append(out, Term{Text: t.Text, Start: t.Start - start, End: t.End - start, Pos: t.Pos - base})
	}
	return out
}
