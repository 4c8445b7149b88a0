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
// original text. Paragraphs and sentences do not go through it: they are
// indexed with their words counted ahead (see field); it is the analyzer
// the index mapping names for text a bleve query analyses itself.
type tokenizer struct {
	seg segment.Segmenter
}

func (t *tokenizer) Tokenize(input []byte) analysis.TokenStream {
	terms := Terms(t.seg, string(input))
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
