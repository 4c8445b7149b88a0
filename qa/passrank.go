package qa

import (
	"context"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"reportkb/index"
	"reportkb/internal/rx"
)

// The sentences retrieved for a question are described by named features:
// how much of the question a sentence holds as a whole and how well its
// period fits, its retrieval score, how close together its matched words
// stand, whether it speaks of problems where the question asks about them,
// whether its paragraph's topic heading names the thing asked. Weighted by
// Model.Sentence they choose the sentence that answers a question asking
// for no figure; by Model.Passage, the order of the passages of a question
// nothing answers (both fitted by scripts/fitweights).

// Features of a retrieved sentence, for choosing the sentence that answers
// and ranking passages.
const (
	pCoverage  = iota // weighted share of the question's concepts the sentence holds, times its period fit
	pRetrieval        // retrieval score relative to the best
	pCore             // share of the subject concepts (not aspect verbs) held
	pTop              // how well the weightiest subject concept is held
	pSpread           // how far apart the matched words stand: log of the runes between the first and the last, scaled to [0, 1]
	pLength           // log of the sentence's length in runes, scaled to [0, 1]
	pOrder            // 1/(1+i) for the i-th sentence retrieved
	pProblem          // 1 when the question asks about problems and the sentence speaks of them
	pSiblings         // how many other retrieved sentences share its paragraph, log-scaled to [0, 1]
	pHeading          // weighted share of the question's things (not aspect verbs) its paragraph's topic heading names
	numPassageFeatures
)

var passageFeatureNames = [numPassageFeatures]string{
	"coverage", "retrieval", "core", "top", "spread", "length", "order", "problem",
	"siblings", "heading",
}

// PassageFeatureNames returns the names of the passage features, in the
// order of a PassageHit's Features.
func PassageFeatureNames() []string { return passageFeatureNames[:] }

type passageFeatures [numPassageFeatures]float64

// reAsksProblem asks what is wrong: 存在哪些问题, 经济上有啥毛病, 面临的困难.
var reAsksProblem = rx.MustCompile(`问题|困难|挑战|毛病|麻烦|难处|难题|短板|不足|弱项|隐患|意见|头疼|难点|堵点|症结|矛盾|problem|difficult|challenge|weakness|shortcoming|issue`)

// reSaysProblem speaks of problems: 还存在一些问题, 困难和挑战, 不足.
var reSaysProblem = rx.MustCompile(`问题|困难|挑战|不足|短板|弱项|矛盾|压力|隐患|风险|不强|不高|偏弱|偏低|滞后|不够|较多|突出|艰巨`)

// scaledLog is log(1+x) scaled so that x = top gives 1, capped at 1.
func scaledLog(x, top float64) float64 {
	return math.Min(math.Log1p(math.Max(x, 0))/math.Log1p(top), 1)
}

// passageFeaturesOf computes the features of the i-th retrieved sentence,
// which holds m of the question as a whole.
func passageFeaturesOf(q *Question, sh scoredHit, m match, i int, maxScore float64, problem bool) passageFeatures {
	var f passageFeatures
	year, plan := sh.v.startPeriod()
	rank, _ := periodFit(q, sh.v.sum.Meta, year, plan)
	f[pCoverage] = m.coverage * rank
	f[pRetrieval] = sh.h.Score / maxScore
	f[pCore] = m.core
	f[pTop] = m.top
	text := sh.v.rec.Text
	first, last := -1, -1
	for ci := range sh.occ {
		// Each concept's first occurrence in the sentence.
		at := -1
		for _, o := range sh.occ[ci] {
			if o.start >= 0 && o.end <= len(text) && (at < 0 || o.start < at) {
				at = o.start
			}
		}
		if at < 0 {
			continue
		}
		if first < 0 || at < first {
			first = at
		}
		if at > last {
			last = at
		}
	}
	if first >= 0 && last >= first && utf8.ValidString(text[first:last]) {
		f[pSpread] = scaledLog(float64(utf8.RuneCountInString(text[first:last])), 300)
	} else {
		f[pSpread] = 1
	}
	f[pLength] = scaledLog(float64(utf8.RuneCountInString(text)), 500)
	f[pOrder] = 1 / float64(1+i)
	if problem && reSaysProblem.MatchString(text) {
		f[pProblem] = 1
	}
	if h := sh.v.heading; h != "" {
		var sum, got float64
		for _, c := range q.Concepts {
			if c.Aspect {
				continue
			}
			sum += c.Weight
			for _, a := range c.Alts {
				if a.folded != "" && strings.Contains(h, a.folded) {
					got += c.Weight * a.Factor
					break
				}
			}
		}
		if sum > 0 {
			f[pHeading] = got / sum
		}
	}
	return f
}

// passageScore weighs a sentence's features by the model's passage weights.
func (m *Model) passageScore(f *passageFeatures) float64 {
	var s float64
	for i, v := range f {
		s += m.pw[i] * v
	}
	return s
}

// sentenceScore weighs a sentence's features by the model's sentence
// weights, which choose among the sentences that answer.
func (m *Model) sentenceScore(f *passageFeatures) float64 {
	var s float64
	for i, v := range f {
		s += m.sw[i] * v
	}
	return s
}

// byCoverage orders hits for passages when nothing answers, by the
// weighted sum of their passage features (see passageFeaturesOf):
// retrieval alone ranks a sentence that repeats the question's words over
// the one that says what was asked of the period asked; coverage alone, a
// long sentence that mentions everything.
//
// ph holds the hits scored (see passageHits); hits are returned as they
// are when fewer than two can be read.
func (e *Engine) byCoverage(ph scoredPassages, hits []index.Hit) []index.Hit {
	if len(ph.shs) < 2 {
		return hits
	}
	type ranked struct {
		h     index.Hit
		score float64
	}
	rs := make([]ranked, len(ph.shs))
	for i, sh := range ph.shs {
		rs[i] = ranked{sh.h, e.model.passageScore(&ph.feats[i])}
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].score != rs[j].score {
			return rs[i].score > rs[j].score
		}
		return hitBefore(rs[i].h, rs[j].h)
	})
	out := make([]index.Hit, len(rs))
	for i, r := range rs {
		out[i] = r.h
	}
	return out
}

// hitBefore orders hits of equal scores by document and position, so that
// the order the search returned them in, which the order of ingest sways,
// decides nothing.
func hitBefore(a, b index.Hit) bool {
	if a.Doc != nil && b.Doc != nil && a.Doc.ID != b.Doc.ID {
		return a.Doc.ID < b.Doc.ID
	}
	if a.Para != b.Para {
		return a.Para < b.Para
	}
	return a.Sentence < b.Sentence
}

// scoredPassages are the hits that can be read, in retrieval order, each
// with its passage features and how much of the question it holds as a
// whole (see wholeSentence).
type scoredPassages struct {
	shs   []scoredHit
	feats []passageFeatures
	whole []match
}

// passageHits scores the hits that can be read, in retrieval order.
func (e *Engine) passageHits(q *Question, vw *viewer, hits []index.Hit) scoredPassages {
	shs := e.scored(q, vw, hits)
	maxScore := 1e-9
	for _, sh := range shs {
		maxScore = math.Max(maxScore, sh.h.Score)
	}
	problem := reAsksProblem.MatchString(strings.ToLower(q.Raw))
	type para struct {
		doc string
		n   int
	}
	siblings := map[para]int{}
	for _, sh := range shs {
		siblings[para{sh.v.sum.ID, sh.h.Para}]++
	}
	ph := scoredPassages{shs: shs, feats: make([]passageFeatures, len(shs)), whole: make([]match, len(shs))}
	for i, sh := range shs {
		ph.whole[i] = wholeSentence(q, sh)
		ph.feats[i] = passageFeaturesOf(q, sh, ph.whole[i], i, maxScore, problem)
		ph.feats[i][pSiblings] = scaledLog(float64(siblings[para{sh.v.sum.ID, sh.h.Para}]-1), 4)
	}
	return ph
}

// PassageHit is a sentence retrieved for a question, with its features
// (see PassageFeatureNames), for fitting the passage and sentence weights.
type PassageHit struct {
	Doc       string
	Paragraph int
	Sentence  string
	Features  []float64
	// Answers is set when the sentence covers the question enough to
	// answer it, were it asked for a sentence (see Model.Sentence).
	Answers bool
}

// PassageHits returns the sentences retrieved for a question that asks
// for no figure, in retrieval order, with their features; answered is set
// when the engine answers the question, when its passages start from the
// answer rather than from these sentences.
func (e *Engine) PassageHits(ctx context.Context, req Request) (hits []PassageHit, answered bool, err error) {
	if err := e.checkRequest(req); err != nil {
		return nil, false, err
	}
	resp, err := e.Ask(ctx, req)
	if err != nil {
		return nil, false, err
	}
	answered = len(resp.Answers) > 0
	q, terms, filter, found, err := e.retrieve(req)
	if err != nil || q == nil || len(q.Concepts) == 0 {
		return nil, answered, err
	}
	vw := e.newViewer()
	if q.Kind == KindNumber {
		_, found = e.numberCands(q, vw, terms, filter, found)
	}
	ph := e.passageHits(q, vw, found)
	hits = make([]PassageHit, len(ph.shs))
	for i, sh := range ph.shs {
		_, ok := sentenceGate(q, sh, ph.whole[i])
		hits[i] = PassageHit{Doc: sh.v.sum.ID, Paragraph: sh.h.Para, Sentence: sh.v.rec.Text, Features: append([]float64(nil), ph.feats[i][:]...), Answers: ok}
	}
	return hits, answered, ctx.Err()
}
