package qa

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"reportkb/index/report"
	"reportkb/internal/rx"
)

// Scopes of a figure or a question. Budget and final-accounts reports
// state the figures of the whole area (全市, 全省: all levels of
// government together) beside those of the government's own level (市本级,
// 省本级), often in one sentence; a question about one is not answered by
// the other.
const (
	ScopeWhole = "whole" // 全市, 全省, 全州, 全区, 全县, 全国
	ScopeOwn   = "own"   // 市本级, 省本级, 州本级, 市级 …
	// ScopeLevel is 市级 beside 市本级 in one text: the level with the
	// zones it runs (高新区, 经开区), neither the whole nor its own level.
	ScopeLevel = "level"
)

// scopeMarkers are the words that set a scope, longest first.
var scopeMarkers = []struct{ word, scope string }{
	{"中央本级", ScopeOwn}, {"市本级", ScopeOwn}, {"省本级", ScopeOwn}, {"州本级", ScopeOwn}, {"区本级", ScopeOwn},
	{"县本级", ScopeOwn}, {"盟本级", ScopeOwn}, {"旗本级", ScopeOwn}, {"地本级", ScopeOwn}, {"本级", ScopeOwn},
	{"全市", ScopeWhole}, {"全省", ScopeWhole}, {"全州", ScopeWhole}, {"全区", ScopeWhole}, {"全县", ScopeWhole},
	{"全盟", ScopeWhole}, {"全旗", ScopeWhole}, {"全地区", ScopeWhole}, {"全国", ScopeWhole}, {"全口径", ScopeWhole},
}

// levelScopeWords are 市级, 省级 …: the government's own level when a
// budget item follows (省级一般公共预算收入), not in 省级重点项目.
var levelScopeWords = []string{"省级", "市级", "州级", "区级", "县级", "盟级", "市直", "省直"}

// budgetItems follow a level word that names the government's own level.
var budgetItems = []string{"一般公共预算", "政府性基金", "国有资本", "社会保险", "社保", "财政", "预算", "收入", "支出",
	"债务", "政府债务", "地方政府", "部门", "（含", "(含", "三公", "“三公”", "一般公共", "公共预算", "决算", "税收", "非税"}

// centralBudgets are the budgets of the central government's own level.
var centralBudgets = []string{"一般公共预算", "政府性基金预算", "国有资本经营预算", "社会保险基金预算", "财政收入", "财政支出", "财政赤字"}

// scopeAt returns the scope a marker at byte i of text sets, the marker's
// length, or "", 0.
func scopeAt(text string, i int) (string, int) {
	rest := text[i:]
	if after, ok := strings.CutPrefix(rest, "本级"); ok && (strings.HasPrefix(after, "收入") || strings.HasPrefix(after, "支出") || strings.HasPrefix(after, "收支")) {
		// 一、本级收入 of a balance table: the revenue raised at the
		// level the table is of, beside the transfers (转移性收入), not the
		// government's own level; 市本级收入 is read below.
		return "", 0
	}
	for _, m := range scopeMarkers {
		if strings.HasPrefix(rest, m.word) {
			if m.word == "全区" || m.word == "全国" {
				// 全区 of an autonomous region is its whole; 全国 too.
				return ScopeWhole, len(m.word)
			}
			return m.scope, len(m.word)
		}
	}
	if after, ok := strings.CutPrefix(rest, "中央"); ok {
		// 中央一般公共预算收入 beside 全国…: the nation's own level, in a
		// national budget; 中央转移支付 in a city's is money from above.
		for _, it := range centralBudgets {
			if strings.HasPrefix(after, it) {
				return ScopeOwn, len("中央")
			}
		}
	}
	for _, w := range levelScopeWords {
		if strings.HasPrefix(rest, w) {
			after := rest[len(w):]
			for _, it := range budgetItems {
				if strings.HasPrefix(after, it) {
					return ScopeOwn, len(w)
				}
			}
		}
	}
	return "", 0
}

// scopeMark is a scope marker in a text.
type scopeMark struct {
	at, end int
	scope   string
	// until is where the parenthesis the mark stands in closes, or 0:
	// 三公经费0.22亿元（市本级0.09亿元）；教育支出30.58亿元 — 市本级 holds
	// inside its parenthesis only.
	until int
}

// scopeMarks returns the scope markers of text in order.
func scopeMarks(text string) []scopeMark {
	var out []scopeMark
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if strings.ContainsRune(scopeFirstRunes, r) {
			if s, m := scopeAt(text, i); m > 0 {
				// 全口径 (all items counted) right after another mark says
				// what is counted, not where: 市本级全口径债务率 is 市本级's.
				if !(len(out) > 0 && out[len(out)-1].end == i && strings.HasPrefix(text[i:], "全口径")) {
					out = append(out, scopeMark{at: i, end: i + m, scope: s})
				}
				i += m
				continue
			}
		}
		i += n
	}
	if len(out) > 0 {
		spans := asideSpans(text)
		for k := range out {
			for _, sp := range spans {
				if sp[0] < out[k].at && out[k].at < sp[1] {
					out[k].until = sp[1]
				}
			}
		}
	}
	// 市级债务限额371.1亿元，……；市本级债务限额252.3亿元: where a text names
	// both, 市级 is the city's level with its zones, not its own level.
	for k := range out {
		m := &out[k]
		w := text[m.at:m.end]
		if m.scope != ScopeOwn || !slices.Contains(levelScopeWords, w) || !strings.HasSuffix(w, "级") {
			continue
		}
		own := strings.TrimSuffix(w, "级") + "本级"
		if slices.ContainsFunc(out, func(o scopeMark) bool { return text[o.at:o.end] == own }) {
			m.scope = ScopeLevel
		}
	}
	return out
}

// scopeFirstRunes are the characters scope markers start with.
const scopeFirstRunes = "中市省州区县盟旗地本全"

// lastScope returns the scope of the last marker in text, or "".
func lastScope(text string) string {
	return scopeBefore(scopeMarks(text), len(text))
}

// scopeBefore returns the scope of the last mark before byte at that
// holds there (not one inside a parenthesis closed before at), or "".
func scopeBefore(marks []scopeMark, at int) string {
	k := sort.Search(len(marks), func(i int) bool { return marks[i].at >= at })
	for k--; k >= 0; k-- {
		if u := marks[k].until; u == 0 || u > at {
			return marks[k].scope
		}
	}
	return ""
}

// figureScope returns the scope of a figure at byte at of a view's
// sentence, whose scope marks are marks: the nearest marker before it in
// its sentence, else the scope set before the sentence (the view's).
func figureScope(v *sentView, marks []scopeMark, at int) string {
	return scopeAtFigure(v.scope, marks, at)
}

// scopeAtFigure is figureScope with the scope set before the sentence
// given.
func scopeAtFigure(before string, marks []scopeMark, at int) string {
	if sc := scopeBefore(marks, at); sc != "" {
		return sc
	}
	return before
}

// contextScopes returns, per sentence, the scope set before it: by an
// earlier sentence of its paragraph, else its paragraph's heading or the
// titles of its sections, innermost first.
func contextScopes(d *report.Doc) []string {
	out := make([]string, len(d.Sentences))
	secScope := make([]string, len(d.Sections))
	for i := range d.Sections {
		for sec := i; sec >= 0 && sec < len(d.Sections); sec = d.Sections[sec].Parent {
			if sc := titleScope(d.Sections[sec].Title, d.Meta.Region); sc != "" {
				secScope[i] = sc
				break
			}
		}
	}
	para, cur := -1, ""
	for i := range d.Sentences {
		s := &d.Sentences[i]
		if s.Para != para {
			para = s.Para
			p := &d.Paragraphs[para]
			cur = titleScope(p.Heading, d.Meta.Region)
			if cur == "" && p.Section >= 0 && p.Section < len(secScope) {
				cur = secScope[p.Section]
			}
		}
		out[i] = cur
		if sc := lastScope(s.Text); sc != "" {
			cur = sc
		}
	}
	return out
}

// titleScope returns the scope a heading or section title sets: that of
// its last marker, else the whole area when it opens with the report's
// own region before a budget (report.RegionOpens).
func titleScope(title, region string) string {
	if sc := lastScope(title); sc != "" || !report.RegionOpens(title, region) {
		return sc
	}
	return ScopeWhole
}

// questionScope finds the scope a question asks about — 全市, 市本级, or
// an everyday wording (市里自己) — and returns it with the question
// without the words that said it.
func (a *Analyzer) questionScope(s string) (string, string) {
	scope := ""
	for _, wm := range a.Lex.scopes {
		w, term := wm.from, wm.to
		if !strings.Contains(s, w) {
			continue
		}
		if sc, n := scopeAt(term, 0); n > 0 {
			scope = sc
			s = strings.Replace(s, w, " ", 1)
		}
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if n := levelScopeAt(s, i); n > 0 {
			// In a question, 市级 and 省级 name the government's own level
			// (市级开会的经费, 海南省级), unless a rank follows (省级重点项目).
			if scope == "" {
				scope = ScopeOwn
			}
			b.WriteByte(' ')
			i += n
			continue
		}
		if sc, n := scopeAt(s, i); n > 0 {
			// 增速全省第一, 全市排名第3: where the figure ranks, not
			// whose it is.
			if scope == "" && !reRankAfterScope.MatchString(s[i+n:]) {
				scope = sc
			}
			b.WriteByte(' ')
			i += n
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+n])
		i += n
	}
	return scope, b.String()
}

// reRankAfterScope follows a scope word that places a figure in a ranking.
var reRankAfterScope = rx.MustCompile(`^(?:排名|排在|排|位居|位列|居)?(?:第[一二三四五六七八九十\d]|前[一二三四五六七八九十\d]|前列|首位|领先|倒数)`)

// rankAfterLevel are words after 省级, 市级 that make it a rank of a
// thing (省级重点项目, 市级示范园区), not a level of government.
var rankAfterLevel = []string{"以上", "重点", "示范", "绩效", "目标", "指标", "考核", "评价", "荣誉", "龙头", "文明", "非遗", "专精特新", "园区", "开发区", "高新区", "医院", "学校", "平台", "中心", "实验室"}

// levelScopeAt returns the length of a level word (市级, 省级, 级 after a
// place already read) at byte i of a question, or 0.
func levelScopeAt(s string, i int) int {
	rest := s[i:]
	for _, w := range append(levelScopeWords, "级") {
		if !strings.HasPrefix(rest, w) {
			continue
		}
		if w == "级" && (i == 0 || s[i-1] != ' ') {
			continue // 级 alone only where a place was taken out before it (海南省级)
		}
		after := rest[len(w):]
		for _, r := range rankAfterLevel {
			if strings.HasPrefix(after, r) {
				return 0
			}
		}
		return len(w)
	}
	return 0
}

// scopeFit tells how well a figure's scope fits the question's.
func scopeFit(q *Question, fig string) float64 {
	switch {
	case q.Scope == "" && fig == ScopeOwn:
		// 福建政府债务余额 with no scope named asks of the province as a
		// whole: its own level's figure (省本级) comes second.
		return 0.95
	case q.Scope == "" || fig == q.Scope:
		return 1
	case fig == ScopeLevel && q.Scope == ScopeOwn && !strings.Contains(q.Norm, "本级"):
		// 市级 asked of a report that sets 市级 beside 市本级: the asker's
		// word is the report's.
		return 1
	case fig == "":
		return 0.85
	}
	return 0.3
}
