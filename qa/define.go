package qa

import (
	"strings"
	"unicode/utf8"

	"reportkb/index"
	"reportkb/index/report"
	"reportkb/index/segment"
	"reportkb/internal/rx"
)

// defineCues are the words after a term that introduce its definition in
// running text: “六稳”即稳就业…, 五育并举是指….
// A statistical note defines by its scope: 规模以上工业统计范围包括年主营
// 业务收入2000万元及以上的工业法人单位; a list by what it includes: 市级
// 包括市本级和经济技术开发区, 中心城区(含淮阳区、川汇区).
var defineCues = []string{"是指", "指的是", "即", "就是", "统计范围包括", "统计范围为", "统计范围是", "统计口径为",
	"统计口径是", "统计范围:", "统计口径:", "包括", "包含", "涵盖", "(包括", "(含", "是", ":即", ":", "为"} // in folded text: ：is :

// A note that opens with its term defines it with 为, in words (全员劳动生产率
// 为地区生产总值与全部就业人员年平均人数的比率); a figure after 为 states
// the term's value (全员劳动生产率为24.1万元/人), and 为 deeper in a
// sentence joins other words (以改革开放为动力).
const (
	weakCue      = "为"
	maxWeakLead  = 12 // bytes before the term: a note mark or a number ([3], 16.)
	figureDigits = "0123456789"
)

// cueScore is the confidence in a definition by its defining word: 是指
// and 即 define; 是 and 为 may only say what the thing is like (第三产业是我
// 国经济的薄弱环节).
func cueScore(cue string) float64 {
	switch cue {
	case "是", "为", ":":
		return 0.6
	}
	return 0.7
}

// strongCue are the defining words that define across a few words after
// the term (see maxDefineGap).
var strongCue = map[string]bool{"是指": true, "指的是": true}

// methodCues say how a figure is reckoned (数据根据1%人口抽样进行推算): they
// answer a question of how it is had (怎么得出来的, 如何计算), a few words
// after the term allowed, as a strong cue.
var methodCues = []string{"根据", "按照", "采用", "通过"}

// asksMethod reports whether a question asks how a figure is reckoned.
func asksMethod(q string) bool {
	for _, w := range []string{"怎么算", "怎么计算", "如何计算", "怎么得", "如何得", "怎么来", "推算", "测算", "怎么统计", "如何统计", "怎么估算",
		"什么标准", "按什么", "根据什么", "依据什么", "怎么划", "如何划", "怎么确定", "如何确定"} {
		if strings.Contains(q, w) {
			return true
		}
	}
	return false
}

// reQuotedBefore is a list quoted before a term, which names its parts
// (“智造为本、双向赋能、样板示范、要素集聚”的数字经济龙华模式), at the end of
// the text before the term (quotes are dropped from folded text).
var reQuotedBefore = rx.MustCompile(`“([^“”]{2,80}[、，,+＋][^“”]{2,80})”的(\p{Han}{0,8})$`)

// quotedPartsScore is the confidence in parts quoted before a term: they
// say what it holds, in the report's words, without a defining word.
const quotedPartsScore = 0.6

// maxDefineGap is how many bytes of folded text may stand between a term
// and a strong defining word: a short aside or the word's head (人数).
const maxDefineGap = 36

// define answers "what is X" from the glossary (名词解释) of the reports, or
// from a sentence of the form "X是指…"/"X即…". It reads the paragraphs and
// sentences the index finds for the term, never whole documents.
func (e *Engine) define(q *Question, f index.Filter) []Answer {
	term, _ := segment.Fold(strings.TrimSpace(q.Term))
	if term == "" {
		return nil
	}
	terms := e.x.QueryTerms(term)
	if len(terms) == 0 {
		return nil
	}
	if rs := []rune(term); len(terms) == 1 && len(rs) >= 2 && len(rs) <= 4 && isHanString(term) {
		// A short term, and above all a numbered one (“两区”, “六稳”), is
		// cut into its characters in some sentences (两/区是指): those
		// sentences are found by all its characters together.
		with := make([]string, 0, len(rs)-1)
		for _, r := range rs[1:] {
			with = append(with, string(r))
		}
		terms = append(terms, index.WeightedTerm{Text: string(rs[0]), Boost: 0.5, With: with})
	}
	vw := e.newViewer()
	var out []Answer
	// The glossary first: an entry whose term is the question's.
	paras, _, err := e.x.SearchTerms(index.Query{Terms: terms, Filter: f, Size: 30, Records: true})
	if err != nil {
		return nil
	}
	for _, h := range paras {
		p := h.ParagraphRec
		if p == nil || p.Kind != report.KindGlossary || p.Term == "" || p.NumSentences == 0 {
			continue
		}
		t, _ := segment.Fold(stripQuotes(p.Term))
		score := 0.0
		switch {
		case t == term:
			score = 1
		case strings.Contains(t, term) || strings.Contains(term, t):
			score = 0.8
		case strings.ReplaceAll(t, "的", "") == strings.ReplaceAll(term, "的", ""):
			score = 0.8 // 防汛的“1262”预警叫应机制: the asker's 的
		default:
			continue
		}
		k := strings.IndexAny(p.Text, "：:")
		if k < 0 {
			continue
		}
		def := strings.TrimSpace(p.Text[k+len("："):])
		if strings.HasPrefix(p.Text[k:], ":") {
			def = strings.TrimSpace(p.Text[k+1:])
		}
		defStart := len(p.Text) - len(def)
		def = strings.TrimRight(def, "。")
		if def == "" {
			continue
		}
		recs, err := e.x.Sentences([]index.Ref{{Doc: p.Doc, Gen: p.Gen, N: p.FirstSentence}})
		if err != nil || len(recs) == 0 || recs[0] == nil {
			continue
		}
		v := vw.viewOf(h.Doc, recs[0])
		// The definition's bytes, as far as they stand in the entry's first
		// sentence.
		ds, de := defStart-v.rec.Off, defStart-v.rec.Off+len(def)
		ds, de = max(0, min(ds, len(v.rec.Text))), max(0, min(de, len(v.rec.Text)))
		fs, fe := v.rec.Span(ds, de)
		a := v.answerAt(fs, fe)
		a.Text, a.Kind, a.Score, a.Matched = def, "definition", score, []string{p.Term}
		a.Sentence = p.Text
		out = append(out, a)
	}
	if len(out) > 0 {
		sortAnswers(out)
		return out[:1]
	}
	// Then running text: the term followed by a defining word. The cue
	// words weigh a little, so that among many sentences naming the term
	// (三公经费) those defining it come first.
	cued := append(terms[:len(terms):len(terms)], index.WeightedTerm{Text: "是指", Boost: 0.3}, index.WeightedTerm{Text: "包括", Boost: 0.2})
	sents, _, err := e.x.SearchTerms(index.Query{Terms: cued, Filter: f, Size: 50, Sentences: true, Records: true})
	if err != nil {
		return nil
	}
	cues := defineCues
	method := asksMethod(q.Raw)
	if method {
		// 年末常住人口是怎么得出来的: 年末常住人口数据根据1%人口抽样进行推算.
		cues = append(methodCues[:len(methodCues):len(methodCues)], defineCues...)
	}
	for _, h := range sents {
		v := vw.view(h)
		if v == nil {
			continue
		}
		text := v.rec.Text
		found := false
		for _, end := range termEnds(v.folded, term) {
			if found {
				break
			}
			rest := strings.TrimLeft(v.folded[end:], "”\"’」』")
			for _, cue := range cues {
				if !strings.HasPrefix(rest, cue) {
					// A few words may come between the term and a strong cue:
					// 城镇新增就业人数是指, 国民总收入,原称国民生产总值,是指.
					k := strings.Index(rest, cue)
					// A note that opens with the term may name its kind
					// before the colon: 14.“城市管家+街区制”模式：….
					opens := cue == ":" && end <= len(term)+maxWeakLead && !hasHan(v.folded[:max(0, end-len(term))]) && !strings.Contains(rest[:max(k, 0)], "情况")
					if k <= 0 || k > maxDefineGap || !(strongCue[cue] || method && contains(methodCues, cue) || opens) || strings.ContainsAny(rest[:k], "。;；:：") {
						continue
					}
					rest = rest[k:]
				}
				// The definition starts after the cue, in the folded text; in
				// the sentence where the offsets say (full-width brackets and
				// quotes fold to fewer bytes).
				start := len(v.folded) - len(rest) + len(cue)
				if v.offs != nil {
					start = v.offs[start]
				}
				if strings.HasSuffix(text[:start], "“") {
					start -= len("“") // 即“保基本民生”: the quote opens the definition
				}
				if cue == ":" && start >= len(strings.TrimRight(text, "。 ")) {
					// 做到“五个更加注重”：| 更加注重强化战略引领…: the colon
					// ends the sentence, and the parts follow in the next.
					if a, ok := vw.nextSentenceDefines(v, q.Term); ok {
						out = append(out, a)
						found = true
					}
					break
				}
				if start >= len(text) {
					break
				}
				def := strings.TrimRight(text[start:], "。")
				if strings.HasPrefix(cue, "(") {
					// 市级（包括市本级和经济技术开发区，下同）: the aside.
					if i := strings.IndexAny(def, "）)"); i > 0 {
						def = strings.TrimSuffix(strings.TrimSuffix(def[:i], "下同"), "，")
					}
				}
				if i := strings.Index(def, "；"); i > 0 {
					def = def[:i] // 第一产业是指…；第二产业是指…: the next term's
				}
				if len([]rune(def)) < 4 {
					break
				}
				if cue == weakCue && (end > len(term)+maxWeakLead || strings.ContainsAny(def, figureDigits)) {
					continue
				}
				out = append(out, definitionAt(v, start, def, cueScore(cue), q.Term))
				found = true
				break
			}
			if !found {
				// The parts quoted before the term: 打造“智造为本、双向赋能、
				// 样板示范、要素集聚”的数字经济龙华模式.
				at := end - len(term)
				if v.offs != nil {
					at = v.offs[at]
				}
				if m := reQuotedBefore.FindStringSubmatchIndex(text[:at]); m != nil {
					score := quotedPartsScore
					if kind := text[m[4]:m[5]]; kind != "" && strings.Contains(q.Raw, kind) {
						score += 0.05 // the kind the question names: 数字经济“龙华模式”
					}
					out = append(out, definitionAt(v, m[2], text[m[2]:m[3]], score, q.Term))
					found = true
				} else if ds, de := setListedBefore(text, at, q.Term); de > ds {
					// 明确稳定、发展、生态、强边四件大事: the set's
					// members listed before its name.
					out = append(out, definitionAt(v, ds, text[ds:de], quotedPartsScore-0.05, q.Term))
					found = true
				}
			}
		}
	}
	if len(out) > 0 {
		sortAnswers(out)
		return out[:1]
	}
	return nil
}

// nextSentenceDefines answers a term whose sentence ends in a colon with
// the sentence after it, in its paragraph or the next.
func (vw *viewer) nextSentenceDefines(v *sentView, term string) (Answer, bool) {
	next := vw.sentenceAt(v, v.rec.N+1, false)
	if next == nil {
		return Answer{}, false
	}
	def := strings.TrimRight(next.rec.Text, "。 ")
	if utf8.RuneCountInString(def) < 4 {
		return Answer{}, false
	}
	return definitionAt(next, 0, def, cueScore(":"), term), true
}

// definitionAt is the answer that def, at byte start of v's sentence,
// defines term.
func definitionAt(v *sentView, start int, def string, score float64, term string) Answer {
	fs, fe := v.rec.Span(start, start+len(def))
	a := v.answerAt(fs, fe)
	a.Text, a.Kind, a.Score, a.Matched = def, "definition", score, []string{term}
	return a
}

// termEnds finds term in s, quotes inside s not counting (“三公”经费 for
// 三公经费), and returns the byte of s after each occurrence.
func termEnds(s, term string) []int {
	var bare strings.Builder
	var at []int // at[i]: the byte of s of byte i of bare
	for i, r := range s {
		if strings.ContainsRune("“”\"‘’'「」『』", r) {
			continue
		}
		for j := 0; j < utf8.RuneLen(r); j++ {
			at = append(at, i+j)
		}
		bare.WriteRune(r)
	}
	b := bare.String()
	var out []int
	for from := 0; ; {
		k := strings.Index(b[from:], term)
		if k < 0 {
			return out
		}
		k += from
		out = append(out, at[k+len(term)-1]+1)
		from = k + len(term)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sortAnswers(as []Answer) {
	for i := 1; i < len(as); i++ {
		for j := i; j > 0 && as[j].Score > as[j-1].Score; j-- {
			as[j], as[j-1] = as[j-1], as[j]
		}
	}
}

// hasHan reports whether s holds a Chinese character: a note mark ([3],
// 16.) holds none.
func hasHan(s string) bool {
	return strings.ContainsFunc(s, isHan)
}

// setListedBefore finds the members of a numbered set listed right before its
// name at byte at of text (稳定、发展、生态、强边四件大事 for 四件大事):
// as many items as the name's number says, joined by 、, 和 or 及, in the
// clause before the name. It returns their bytes, or an empty span.
func setListedBefore(text string, at int, term string) (int, int) {
	r, _ := utf8.DecodeRuneInString(term)
	n, ok := chineseDigit(r)
	if !ok {
		n = int(r - '0')
	}
	if n < 2 || n > 10 {
		return 0, 0
	}
	cs := 0
	if k := strings.LastIndexAny(text[:at], "，。；：:,;（(“"); k >= 0 {
		_, w := utf8.DecodeRuneInString(text[k:])
		cs = k + w
	}
	clause := strings.TrimRight(text[cs:at], "等的 ")
	items := strings.FieldsFunc(clause, func(r rune) bool { return r == '、' || r == '和' || r == '及' })
	if len(items) != n {
		return 0, 0
	}
	for _, it := range items {
		if c := utf8.RuneCountInString(it); c < 1 || c > 10 {
			return 0, 0
		}
	}
	return cs, cs + len(clause)
}
