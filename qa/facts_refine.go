package qa

import (
	"strings"
	"unicode/utf8"

	"reportkb/index/report"
	"reportkb/internal/rx"
)

// This file corrects, sentence by sentence, what reading the facts figure
// by figure gets wrong about the indicators reports restate every year:
// which item of a list a figure belongs to, and whether it is a target or
// an outcome.

// clauseBreaks end the clause a figure stands in (、 does not: it joins
// the items of a list).
const clauseBreaks = "，；。：,;:！？"

// refineSentence fills in the lead and context of the facts fs of sentence
// si (one per quantity of qs, in order), pairs the figures of lists with
// their items, and corrects targets and outcomes.
func refineSentence(d *report.Doc, si int, qs []Quantity, fs []Fact) {
	text := d.Sentences[si].Text
	for i, q := range qs {
		cs := strings.LastIndexAny(text[:q.Prefix], clauseBreaks)
		if cs < 0 {
			cs = 0
		} else {
			_, n := utf8.DecodeRuneInString(text[cs:])
			cs += n
		}
		fs[i].Lead = text[cs:q.Prefix]
		fs[i].Context = text[:q.Prefix]
	}
	pairLists(text, qs, fs)
	for i, q := range qs {
		refineRole(d, si, text, q, &fs[i])
	}
}

// pairLists gives each figure of a list its own item as subject:
// 城镇、农村常住居民人均可支配收入分别增长4.4%、5.9% (the shared head goes
// with each short item), 城镇居民人均可支配收入和农村居民人均纯收入实际增长
// 8.4%和11.4%, 城乡居民人均可支配收入分别增长5%、6.5%.
func pairLists(text string, qs []Quantity, fs []Fact) {
	for i := 0; i < len(qs); {
		// The figures joined by 、 和 及 only.
		j := i + 1
		for j < len(qs) && listJoin(text[qs[j-1].End:qs[j].Prefix]) {
			j++
		}
		if j-i < 2 {
			i = j
			continue
		}
		items := listItems(fs[i].Lead)
		if len(items) == 1 && strings.HasPrefix(items[0], "城乡") && j-i == 2 {
			head := strings.TrimPrefix(items[0], "城乡")
			items = []string{"城镇" + head, "农村" + head}
		}
		if len(items) == j-i {
			for k := range items {
				if s := stripFrame(items[k]); s != "" {
					fs[i+k].Subject = clipSubject(s)
				}
			}
		}
		i = j
	}
}

// listJoin reports whether the text between two figures only joins them.
func listJoin(s string) bool {
	s = strings.TrimSpace(s)
	return s == "、" || s == "和" || s == "及" || s == "与"
}

// listVerbs end the items of a list before its figures.
var listVerbs = []string{"分别", "均", "实际", "名义", "同比", "比上年", "增长", "下降", "增速", "增幅", "达到", "为", "控制在", "降低", "减少", "提高", "上涨"}

// listItems splits the lead of a list's first figure into its items,
// without the verbs before the figures; a short item (城镇) takes the
// head of the last (农村居民人均可支配收入 → 城镇居民人均可支配收入).
func listItems(lead string) []string {
	lead = strings.TrimSpace(lead)
	for changed := true; changed; {
		changed = false
		for _, v := range listVerbs {
			if strings.HasSuffix(lead, v) {
				lead, changed = strings.TrimSuffix(lead, v), true
			}
		}
	}
	if k := strings.Index(lead, "分别"); k >= 0 {
		lead = lead[:k]
	}
	var items []string
	for _, f := range strings.FieldsFunc(lead, func(r rune) bool { return r == '、' || r == '和' || r == '及' || r == '与' }) {
		if f = strings.TrimSpace(f); f != "" {
			items = append(items, f)
		}
	}
	if len(items) < 2 {
		return items
	}
	last := []rune(items[len(items)-1])
	short := 0
	for _, it := range items[:len(items)-1] {
		short = max(short, utf8.RuneCountInString(it))
	}
	if short <= 3 && len(last) >= short+2 {
		// 城镇、农村常住居民人均可支配收入: the head after the last item's
		// own modifier, as long as the first's.
		first := utf8.RuneCountInString(items[0])
		head := string(last[first:])
		for k := range items[:len(items)-1] {
			items[k] += head
		}
	}
	return items
}

var (
	// reTargetCue opens a statement of targets: 今年经济增长预期目标为,
	// 今年计划要求, 宏观调控的主要目标是.
	reTargetCue = rx.MustCompile(`预期目标|主要目标|调控目标|计划要求|目标是|目标为|目标定为|增长预期为|预期为|计划增长|主要预期`)
	// reAchieved says a target was reached or missed: the figures after it
	// are outcomes (全面实现年初确定的主要目标，国内生产总值增长7.8%).
	reAchieved = rx.MustCompile(`(实现|完成|达到|超额完成|超过|低于|高于|好于)了?[^，。；、]{0,12}目标`)
	// reReviewOpener opens an account of the past year.
	reReviewOpener = rx.MustCompile(`^(过去一年|去年|上一年|一年来|过去的一年)`)
	// ownPlanCues in a clause make its figure a target.
	ownPlanCues = []string{"力争", "预期", "确保", "计划", "目标", "争取", "要", "将"}
	// sentencePlanCues in a sentence speak of targets.
	sentencePlanCues = []string{"力争", "预期", "确保", "计划", "目标", "争取"}
)

// refineRole corrects whether a figure is a target or an outcome, and
// its year, where the sentence says so more plainly than its section.
func refineRole(d *report.Doc, si int, text string, q Quantity, f *Fact) {
	if f.Span {
		return
	}
	before := text[:q.Prefix]
	explicitYear := reSentYear.MatchString(before)
	if loc := reAchieved.FindStringIndex(before); loc != nil && !hasAny(f.Lead, ownPlanCues) {
		// An outcome measured against its target.
		if f.Plan && !explicitYear && d.Meta.ReviewYear > 0 {
			f.Period = d.Meta.ReviewYear
		}
		f.Plan = false
		return
	}
	if reReviewOpener.MatchString(text) && !hasAny(f.Lead, ownPlanCues) {
		// 一年来，……，生产总值增长5.6%: an account of the past year.
		if f.Plan && !explicitYear && d.Meta.ReviewYear > 0 {
			f.Period = d.Meta.ReviewYear
		}
		f.Plan = false
		return
	}
	if loc := reTargetCue.FindStringIndex(before); loc != nil {
		between := before[loc[1]:]
		if !strings.Contains(between, "去年") && !strings.Contains(between, "上年") && !strings.Contains(between, "过去") {
			f.Plan = true
			if f.Period == 0 || !explicitYear && f.Period < d.Meta.PlanYear && strings.Contains(before, "今年") {
				f.Period = d.Meta.PlanYear
			}
			return
		}
	}
	if f.Plan && !explicitYear && !hasAny(text, sentencePlanCues) && d.Meta.ReviewYear > 0 && f.Period == d.Meta.PlanYear && reviewedBefore(d, si) {
		// 过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%
		f.Plan = false
		f.Period = d.Meta.ReviewYear
	}
}

// reviewedBefore reports whether an earlier sentence of the paragraph of
// sentence si opens an account of the past year, with no target stated
// since.
func reviewedBefore(d *report.Doc, si int) bool {
	p := &d.Paragraphs[d.Sentences[si].Para]
	for k := si - 1; k >= p.FirstSentence; k-- {
		t := d.Sentences[k].Text
		if reReviewOpener.MatchString(t) {
			return true
		}
		if hasAny(t, sentencePlanCues) {
			return false
		}
	}
	return false
}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
