package qa

import (
	"strings"
	"unicode/utf8"

	"reportkb/index"
	"reportkb/internal/rx"
)

// Questions that ask why a figure changed (为什么下降了, Why did X fall) or
// what money was used for (用来干什么) are answered by the sentence that
// gives the cause or the use: reports write it right after the figure
// (……下降40%。主要是实施个人所得税专项附加扣除……) or in the same sentence
// (……增长48.9%，主要是……).

var (
	reWhyZh     = rx.MustCompile(`为什么|为啥|为何|怎么会|咋会|什么原因|啥原因|原因是什么|原因是啥|原因何在|主要原因|的原因|原因`)
	reWhyEn     = rx.MustCompile(`^why\b|\bwhat (?:was|is|were|are) the reasons?\b|\breasons? (?:for|behind|why)\b|\bwhat caused\b|\bhow come\b`)
	rePurposeZh = rx.MustCompile(`干什么用|拿去干什么|干啥用|干嘛用|做什么用|作什么用|用来干什么|用来做什么|用在哪|用到哪|花在哪|用途是什么|有什么用途|主要用途|用在了哪些|用于哪些|用于什么|主要用于`)
	// reEnPurposeCompound is an adjective made with purpose (special-purpose
	// bonds): it names a thing, and asks for no use.
	reEnPurposeCompound = rx.MustCompile(`\b(?:special|general|multi|dual|single|all)[- ]purpose\b`)
	rePurposeEn         = rx.MustCompile(`\bused for\b|\bspent on what\b|\bwhat (?:was|is|were|are) .* (?:used|spent) (?:for|on)\b|\bpurpose\b`)
	// reHowZh asks what will be done about a thing: 打算怎么办, 怎么帮,
	// 采取什么措施, 走什么路子.
	reHowZh = rx.MustCompile(`(?:打算|准备|要)?(?:怎么办|怎么帮|怎么做|怎么搞|怎么治|如何应对|如何解决)|(?:采取|有)(?:了)?(?:什么|哪些)(?:措施|办法|举措)|走什么路子`)
	// The size of a change a why-question names (掉了三成多, 涨了五成): it
	// describes the figure, it is not a word the cause stands next to.
	reChangeSize = rx.MustCompile(`(?:[一二三四五六七八九十两几]成|一半|翻番|翻了一番|[一二三四五六七八九十两几]倍)多?`)
)

// causeCues open the cause of a change; useCues the use of money.
var (
	causeCues = []string{"主要是", "主要原因", "原因是", "原因为", "主要由于", "由于", "因为", "主要受", "受", "影响", "主要系", "系", "得益于", "导致", "带动", "拉动", "因", "一次性", "故", "因此", "所以"}
	useCues   = []string{"主要用于", "用于", "用途", "安排", "支持", "保障"}
	// howCues announce what will be done: 采取以下措施, 做好以下四项工作.
	howCues = []string{"以下", "措施", "办法", "举措", "一是", "着力", "通过", "采取"}
	// weakCues say little alone, as one-character cues do (受, 因, 系).
	weakCues = map[string]bool{"影响": true, "安排": true, "支持": true, "保障": true, "着力": true, "通过": true, "采取": true}
)

// markAsk reads whether a question asks why (q.Why) or what for (q.Use),
// and returns s without the words that asked.
func markAsk(q *Question, s string) string {
	lower := strings.ToLower(s)
	switch {
	case q.Lang == "en" && reWhyEn.MatchString(lower), q.Lang != "en" && reWhyZh.MatchString(s):
		q.Why = true
	case q.Lang == "en" && rePurposeEn.MatchString(reEnPurposeCompound.ReplaceAllString(lower, " ")), q.Lang != "en" && rePurposeZh.MatchString(s):
		q.Use = true
	case q.Lang != "en" && reHowZh.MatchString(s) && !strings.Contains(s, "多少"):
		q.How = true
	default:
		return s
	}
	q.Kind = KindText
	if q.Lang != "en" {
		s = reWhyZh.ReplaceAllString(s, " ")
		s = rePurposeZh.ReplaceAllString(s, " ")
		s = reHowZh.ReplaceAllString(s, " ")
		s = reChangeSize.ReplaceAllString(s, " ")
	}
	return s
}

// cueAt reports whether text opens with, or holds near its start, a cue
// of the kind the question asks for, and how strongly.
func cueIn(q *Question, text string) float64 {
	cues := causeCues
	switch {
	case q.Use:
		cues = useCues
	case q.How:
		cues = howCues
	}
	best := 0.0
	for _, c := range cues {
		k := strings.Index(text, c)
		if k < 0 {
			continue
		}
		v := 1.0
		if utf8.RuneCountInString(c) == 1 || weakCues[c] {
			v = 0.6 // 受, 因, 系: weak alone
		}
		if best < v {
			best = v
		}
	}
	return best
}

// reasons answers a why or what-for question with the sentence that gives
// the cause or the use of what the question names: a hit sentence that
// names it and holds a cue, or the sentence right after it in the same
// paragraph that holds one.
func (e *Engine) reasons(q *Question, vw *viewer, hits []index.Hit) []Answer {
	var best *Answer
	bestScore := 0.0
	for _, sh := range e.scored(q, vw, hits) {
		v, occ := sh.v, sh.occ
		text := v.rec.Text
		for ci := range occ {
			for k := range occ[ci] {
				occ[ci][k].pinned = 1
			}
		}
		m := measure(q, occ, nil, len(text), len(text), contextMatches(q, v), nil)
		if m.core < 0.5 || m.top < 0.4 {
			continue
		}
		// 全市支出为什么少了: the reason given for 市级's is another
		// scope's, as its figure would be.
		at := 0
		if figs := v.figures(); len(figs) > 0 {
			at = figs[0].Start
		}
		sf := scopeFit(q, figureScope(v, v.scopeMarks(), at))
		if q.Year != 0 || q.HasRel {
			year, plan := v.startPeriod()
			if _, gate := periodFit(q, v.sum.Meta, year, plan); gate < 0.5 {
				continue
			}
		}
		// The cause in the sentence itself, after its figure, or in the
		// next sentence of the paragraph.
		type option struct {
			v      *sentView
			factor float64
		}
		opts := []option{{v, cueIn(q, text)}}
		if next := vw.neighbour(v, v.rec.N+1); next != nil {
			head := next.rec.Text
			if len(head) > 30 {
				head = head[:30]
			}
			if c := cueIn(q, head); c > 0 {
				opts = append(opts, option{next, 0.95 * c})
			}
		}
		for _, o := range opts {
			if o.factor == 0 {
				continue
			}
			score := m.coverage * o.factor * unknownPenalty(q) * sf
			if score <= bestScore {
				continue
			}
			a := o.v.answerAt(-1, -1)
			a.Text, a.Kind, a.Score, a.Matched = o.v.rec.Text, "text", round(score), m.matched
			best, bestScore = &a, score
		}
	}
	if best == nil || bestScore < 0.35 {
		return nil
	}
	return []Answer{*best}
}
