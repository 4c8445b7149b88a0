package qa

import (
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"

	"reportkb/index/segment"
)

// memoSeg remembers the words of short texts: the alternative wordings the
// lexicons and the thesaurus give, which most questions share, are each
// segmented once rather than once or twice a question. It is safe for
// concurrent use; callers must not change the tokens it returns.
type memoSeg struct {
	seg   segment.Segmenter
	words *lru.Cache[string, []segment.Token]
}

const (
	memoSegMax   = 36      // the longest text remembered, in bytes (12 Han)
	memoSegWords = 8 << 10 // how many texts are remembered
)

func newMemoSeg(seg segment.Segmenter) *memoSeg {
	words, _ := lru.New[string, []segment.Token](memoSegWords)
	return &memoSeg{seg: seg, words: words}
}

func (m *memoSeg) Segment(text string) []segment.Token {
	if len(text) > memoSegMax {
		return m.seg.Segment(text)
	}
	if toks, ok := m.words.Get(text); ok {
		return toks
	}
	toks := m.seg.Segment(text)
	m.words.Add(text, toks)
	return toks
}

// altSeg returns the segmenter for alternative wordings: a.Seg, with the
// words of short texts remembered.
func (a *Analyzer) altSeg() segment.Segmenter {
	a.memoOnce.Do(func() {
		if a.Seg != nil {
			a.memo = newMemoSeg(a.Seg)
		}
	})
	if a.memo == nil {
		return a.Seg
	}
	return a.memo
}

// analyzerMemo is the Analyzer's remembered segmentations.
type analyzerMemo struct {
	memoOnce sync.Once
	memo     *memoSeg
}
