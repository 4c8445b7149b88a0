package qa

import (
	"sort"
	"strings"
	"unicode/utf8"

	"reportkb/index/place"
	"reportkb/index/segment"
	"reportkb/internal/rx"
)

// A figure answers a question only if it measures the thing the question
// asks about. Chinese noun phrases are head-final: the question's head is
// its last subject concept (增加值 of 规上工业增加值), the figure's noun is
// what stands before it in its clause (利润 of 规模以上工业企业实现利润155.42
// 亿元). When the figure's noun names another thing — it holds none of the
// head's wordings, or holds one with a further noun after it (出口交货值 is
// not 出口) — the figure clashes with the question.

// questionHead returns the concept a question's figure must measure, or
// nil: the last subject concept that is no place, no generic head and no
// aspect verb.
func questionHead(q *Question) *Concept {
	if q.Lang == "en" {
		// English is not head-final: the noun after how many/how much
		// (passengers of "How many passengers did the airport handle").
		for i := range q.Concepts {
			if q.Concepts[i].Head {
				return &q.Concepts[i]
			}
		}
		return nil
	}
	for i := len(q.Concepts) - 1; i >= 0; i-- {
		c := &q.Concepts[i]
		if c.Aspect || genericHeads[c.Word] || c.Weight == placeWeight || isNumberWord(c.Word) || c.Guess || c.Slip || c.Optional {
			continue
		}
		return c
	}
	return nil
}

// headForms returns the folded wordings of a head concept: its
// alternatives that count for much, and the last part of a compound
// (进出口 of 外贸进出口总额, skipping generic heads like 总额).
func headForms(c *Concept) []string {
	var out []string
	for _, a := range c.Alts {
		if a.Factor >= 0.5 && a.folded != "" {
			out = append(out, a.folded)
		}
	}
	for k := len(c.Parts) - 1; k >= 0; k-- {
		p := c.foldedParts[k]
		if utf8.RuneCountInString(p) < 2 || genericHeads[c.Parts[k]] || measureWords[c.Parts[k]] {
			continue
		}
		out = append(out, p)
		break
	}
	return out
}

// figureNoun returns what a figure at [qs, qe) of text measures, folded:
// the noun its clause names, or for a rate after a figure (出口297.5亿元，增长
// 44.3%) the noun of the clause before.
func figureNoun(text string, qs, qe int) string {
	subject, _ := subjectOf(text, qs, qe)
	if utf8.RuneCountInString(subject) < 2 {
		// 增长44.3%: the rate of what the previous clause measured.
		start := strings.LastIndexAny(text[:qs], "，,；;")
		if start > 0 {
			prev := text[:start]
			if k := strings.LastIndexAny(prev, "，,；;。：:"); k >= 0 {
				_, n := utf8.DecodeRuneInString(prev[k:])
				prev = prev[k+n:]
			}
			for _, f := range ParseQuantities(prev) {
				subject, _ = subjectOf(prev, f.Start, f.End)
				break
			}
		}
	}
	folded, _ := segment.Fold(subject)
	return folded
}

// perUnitFigure reports whether a figure is an amount per person or thing:
// its clause says 每, 人均, 户均 or 标准 (每孩每年3600元, 低保标准每人每月
// 800元), or its unit is per something (元/人).
func perUnitFigure(text string, l *layout, f Quantity) bool {
	// 城镇居民人均可支配收入增长8%，达到27140元: from the clause it goes on from.
	clause := text[l.clauseBreak(l.chainStart(clauseOf(l.breaks, f.Start))):f.End]
	return strings.Contains(f.Unit, "/") || strings.ContainsAny(clause, "每均") || strings.Contains(clause, "标准") || hasAny(clause, perUnitNouns)
}

// totalNoun reports whether a figure's noun names a total: 进出口总额,
// 粮食总产量, 合计.
func totalNoun(noun string) bool {
	return strings.Contains(noun, "总") || strings.Contains(noun, "合计") || strings.Contains(noun, "共计")
}

// totalClause reports whether the words before a figure in its clause
// count everything: 全市共有各级各类学校1597所, 新增装机1258万千瓦、总量
// 达到6437万千瓦.
func totalClause(before string) bool {
	for _, w := range []string{"共有", "共计", "合计", "总计", "各级各类", "全部", "总量", "总数", "累计"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// headTails are what may follow the head in a figure's noun without making
// it another thing: 教育 of 教育支出, 产量 of 新能源汽车产量.
var headTails = []string{"支出", "收入", "产量", "总额", "总量", "数量", "人数", "总数", "余额", "规模", "金额",
	"额", "量", "数", "率", "费", "资金", "经费", "投入", "完成", "实现", "标准", "水平", "比重", "占比", "增速",
	"增幅", "增长", "结余", "指数", "面积", "里程", "价格", "任务", "目标", "预算", "决算", "执行", "合计", "总计"}

// tailStops end what follows a head in a figure's noun.
const tailStops = "从由的为是达在于与和及至到（(、"

// headClash reports whether a figure whose noun is noun measures something
// other than the head concept: noun names none of the head's wordings, or
// one followed by a further noun. An empty noun does not clash.
func headClash(head *Concept, forms []string, noun string) bool {
	if head == nil || utf8.RuneCountInString(noun) < 2 {
		return false
	}
	for _, f := range forms {
		k := strings.LastIndex(noun, f)
		if k < 0 {
			continue
		}
		tail := noun[k+len(f):]
		// What follows a preposition or particle (国内生产总值从1997年的)
		// is no further noun.
		if i := strings.IndexAny(tail, tailStops); i >= 0 {
			tail = tail[:i]
		}
		if utf8.RuneCountInString(tail) <= 1 {
			return false
		}
		for _, t := range headTails {
			if strings.HasPrefix(tail, t) {
				return false
			}
		}
		for _, t := range aspectTerms {
			if strings.HasPrefix(tail, t) {
				return false // 经营主体净增: what happened to it
			}
		}
		if r := []rune(tail); len(r) >= 2 && (aspectWords[string(r[:2])] || strings.ContainsRune("净累新增减降提扩", r[0])) {
			return false
		}
	}
	return true
}

// contractions are words that name two or more things at once, which a
// 分别 list then gives figures for in order: 城乡居民人均可支配收入分别完成
// 37820元、28104元 — the first is 城镇's, the second 农村's.
var contractions = []struct {
	word  string
	parts [][]string
}{
	{"城乡", [][]string{{"城镇", "城市", "城里", "城区"}, {"农村", "乡村", "村里", "乡下"}}},
	{"中小学", [][]string{{"中学", "初中"}, {"小学"}}},
	{"进出口", [][]string{{"进口"}, {"出口"}}},
	{"男女", [][]string{{"男"}, {"女"}}},
	{"中外", [][]string{{"中国", "国内"}, {"外国", "国外", "境外"}}},
	{"国内外", [][]string{{"国内"}, {"国外", "境外", "入境"}}},
	{"产销", [][]string{{"产量", "生产", "产值"}, {"销量", "销售"}}},
	{"存贷款", [][]string{{"存款"}, {"贷款"}}},
	{"收支", [][]string{{"收入"}, {"支出"}}},
}

// contracted is a figure's place in a 分别 list after a contraction.
type contracted struct {
	word  string // the contraction (城乡)
	parts [][]string
	index int
	after string // the text between the contraction and 分别 (低保标准 of 城乡低保标准分别)
	// head is the list's first figure: the words before the list are as
	// near each of its figures as they are to the first.
	head Quantity
}

// contractionLists finds the figures of 分别 lists whose items are the
// parts of a contraction in the clause before: figure start → its place.
func contractionLists(text string, l *layout, figs []Quantity) map[int]contracted {
	out := joinedContractions(text, l, figs)
	for from := 0; ; {
		k := strings.Index(text[from:], "分别")
		if k < 0 {
			return out
		}
		p := from + k
		from = p + len("分别")
		c := clauseOf(l.breaks, p)
		cs, ce := 0, len(text)
		if c > 0 {
			cs = l.breaks[c-1]
		}
		if c < len(l.breaks) {
			ce = l.breaks[c]
		}
		before := text[cs:p]
		var list []Quantity
		for _, f := range figs {
			if f.Start > p && f.Start < ce {
				list = append(list, f)
			}
		}
		for _, ct := range contractions {
			k := strings.LastIndex(before, ct.word)
			// 城乡低保标准分别由A、B提高到C、D: a figure for each part
			// before the change, another after it.
			n := len(ct.parts)
			if k < 0 || len(list) != n && len(list) != 2*n {
				continue
			}
			if strings.Contains(before[:k], "、") {
				// 对东盟、共建“一带一路”国家进出口总额分别增长10.4%、
				// 12.1%: the items listed before pair with the figures,
				// not the contraction's parts.
				break
			}
			if out == nil {
				out = map[int]contracted{}
			}
			for i, f := range list {
				out[f.Start] = contracted{ct.word, ct.parts, i % n, before[k+len(ct.word):], list[0]}
			}
			if len(list) > n {
				break
			}
			// 城乡居民人均可支配收入分别达6.9万元、3.4万元，增长4.2%、5.3%:
			// a verb alone goes on with the same parts.
			next := nextList(text, l, figs, c, len(list))
			for i, f := range next {
				out[f.Start] = contracted{ct.word, ct.parts, i, before[k+len(ct.word):], next[0]}
			}
			break
		}
	}
}

// joinedContractions finds the figures of a contraction's parts given
// in order without 分别, joined by 和, 与 or 、 in its clause: 城乡居民人均
// 可支配收入完成2.57万元和1.68万元.
func joinedContractions(text string, l *layout, figs []Quantity) map[int]contracted {
	var out map[int]contracted
	for i := 0; i+1 < len(figs); i++ {
		c := clauseOf(l.breaks, figs[i].Start)
		j := i
		for j+1 < len(figs) && clauseOf(l.breaks, figs[j+1].Start) == c && isJoin(text[figs[j].End:figs[j+1].Start]) {
			j++
		}
		if j == i {
			continue
		}
		cs := 0
		if c > 0 {
			cs = l.breaks[c-1]
		}
		before := text[cs:figs[i].Start]
		if strings.Contains(before, "分别") {
			i = j
			continue
		}
		for _, ct := range contractions {
			k := strings.LastIndex(before, ct.word)
			if k < 0 || j-i+1 != len(ct.parts) {
				continue
			}
			if out == nil {
				out = map[int]contracted{}
			}
			for n := i; n <= j; n++ {
				out[figs[n].Start] = contracted{ct.word, ct.parts, n - i, before[k+len(ct.word):], figs[i]}
			}
			break
		}
		i = j
	}
	return out
}

// isJoin reports whether the text between two figures only joins them.
func isJoin(s string) bool {
	switch strings.TrimSpace(s) {
	case "和", "与", "、", "及":
		return true
	}
	return false
}

// pinContracted ties the concepts that name a part of the contraction to
// the figure of that part: fully for its own, hardly for the others. It
// reports whether any concept named a part.
func pinContracted(q *Question, occ [][]occurrence, ct contracted, at int) ([][]occurrence, bool) {
	var out [][]occurrence
	for ci, c := range q.Concepts {
		// 农村 or 农村居民 names the second part of 城乡（常住）居民; 城镇化率
		// names no part of 城乡低保标准.
		part := -1
		for i, words := range ct.parts {
			for _, w := range words {
				rest, ok := strings.CutPrefix(c.Word, w)
				if ok && (rest == "" || strings.Contains(ct.after, rest)) {
					part = i
				}
			}
		}
		if part < 0 {
			continue
		}
		if out == nil {
			out = append([][]occurrence(nil), occ...)
		}
		pinned := 0.15
		if part == ct.index {
			pinned = 1
		}
		out[ci] = []occurrence{{start: at, end: at, factor: 1, part: -1, text: c.Word, pinned: pinned}}
	}
	if out == nil {
		return occ, false
	}
	return out, true
}

// namedPart returns the part of a contraction the question names in
// words no concept holds (城里的低保标准: 城里 says a scope, no subject),
// or -1 when it names none or more than one. The contraction itself
// (城乡低保标准) names no part.
func namedPart(q *Question, ct contracted) int {
	text := strings.ReplaceAll(q.Raw+" "+q.Norm, ct.word, " ")
	named := -1
	for i, words := range ct.parts {
		for _, w := range words {
			has := strings.Contains(text, w)
			for _, c := range q.Concepts {
				for _, a := range c.Alts {
					// 农牧民 stands for 农村居民.
					has = has || a.Factor >= synonymFactor && strings.HasPrefix(a.Text, w) && !strings.Contains(c.Word, ct.word)
				}
			}
			if !has {
				continue
			}
			if named >= 0 && named != i {
				return -1
			}
			named = i
		}
	}
	return named
}

// otherPart reports whether f is the figure of another part of a
// contraction than the one the question names (see namedPart).
func otherPart(q *Question, contracts map[int]contracted, f Quantity) bool {
	ct, ok := contracts[f.Start]
	if !ok {
		return false
	}
	n := namedPart(q, ct)
	return n >= 0 && n != ct.index
}

// classNames name the firms a bound defines: 规模以上工业企业营业收入 asks of
// them, not for the bound (see thresholdFigure).
var classNames = strings.NewReplacer("规模以上", "", "限额以上", "")

// definitionWords mark a sentence that defines what a statistic covers.
var definitionWords = []string{"统计范围", "统计口径", "起点", "是指", "指年", "范围为", "标准为", "口径为", "包括"}

// containsWord reports whether s holds w other than as the start of a
// longer word of 指: 是指 in 是指年主营业务收入, not in 是指导性的 or 是指标.
func containsWord(s, w string) bool {
	for from := 0; ; {
		k := strings.Index(s[from:], w)
		if k < 0 {
			return false
		}
		rest := s[from+k+len(w):]
		if !strings.HasSuffix(w, "指") || hasPrefixAny(rest, zhiWords) == "" {
			return true
		}
		from += k + len(w)
	}
}

// zhiWords continue 指 into another word: 指导, 指标, 指出.
var zhiWords = []string{"导", "标", "挥", "示", "出", "引"}

// thresholdFigure reports whether a figure is the threshold of a
// statistical definition (规模以上工业统计范围为年主营业务收入2000万元及以上
// 的工业单位) and the question does not ask for one.
func thresholdFigure(q *Question, sentence string, f Quantity) bool {
	if tail := lastRunes(sentence[:min(f.Prefix, len(sentence))], 8); strings.Contains(tail, "每") && reEachStep.MatchString(tail) {
		// 国内生产总值每增长1个百分点的增量: a step of a rule, no outcome.
		return true
	}
	after := sentence[min(f.End, len(sentence)):]
	if heldFloor(q, sentence, f, after) {
		return true
	}
	if classBound(f.Qualifier, after) && !strings.Contains(q.Norm, "超") && !strings.Contains(q.Norm, "以上") {
		// 生产总值超200亿元县（区）达26个: the mark a class of places or
		// firms passed, whose number follows.
		return true
	}
	if !strings.Contains(f.Qualifier, "以上") && !strings.Contains(f.Qualifier, "以下") &&
		!strings.HasPrefix(after, "及以上") && !strings.HasPrefix(after, "及以下") && !strings.HasPrefix(after, "以上") {
		return false
	}
	def := false
	for _, w := range definitionWords {
		def = def || containsWord(sentence, w)
	}
	if !def {
		return false
	}
	norm := classNames.Replace(q.Norm)
	return !strings.Contains(norm, "范围") && !strings.Contains(norm, "起点") && !strings.Contains(norm, "标准") &&
		!strings.Contains(norm, "门槛") && !strings.Contains(norm, "多大") && !strings.Contains(norm, "指") &&
		!strings.Contains(norm, "以上") && !strings.Contains(norm, "threshold")
}

// heldFloor reports whether f is a floor a measure is held above
// (粮食产量稳定在800亿斤以上), which does not say what the measure was,
// asked by a question of an outcome that does not ask for the floor
// (稳定在多少以上). Of a plan the floor is the target.
func heldFloor(q *Question, sentence string, f Quantity, after string) bool {
	if q.Plan {
		return false // 今年煤炭产量计划多少: the floor is the target
	}
	if !strings.Contains(f.Qualifier, "以上") && !strings.HasPrefix(after, "以上") {
		return false
	}
	before := lastRunes(sentence[:min(f.Prefix, len(sentence))], 4)
	if !strings.Contains(before, "稳定在") && !strings.Contains(before, "保持在") && !strings.Contains(before, "稳在") {
		return false
	}
	for _, w := range []string{"稳定", "保持", "稳在", "以上", "至少", "底线", "不低于"} {
		if strings.Contains(q.Norm, w) {
			return false
		}
	}
	return true
}

// boundNouns are what a figure with 超 or 以上 right before them marks the
// class of (超200亿元县, 百亿元以上企业).
var boundNouns = []string{"县", "区", "市", "企业", "项目", "园区", "城市", "集群", "产业集群", "品牌", "景区", "乡镇", "镇", "村", "工厂", "商圈", "街区"}

// classBound reports whether a figure qualified by 超 (or followed by 以上)
// stands right before a noun of boundNouns, or before 的 and a short noun
// phrase ending in one: it bounds a class whose members are counted, and
// is no outcome itself.
func classBound(qualifier, after string) bool {
	switch {
	case strings.HasPrefix(after, "以上"):
		after = strings.TrimPrefix(after, "以上")
	case strings.HasPrefix(after, "及以上"):
		after = strings.TrimPrefix(after, "及以上")
	case !strings.Contains(qualifier, "超") && !strings.Contains(qualifier, "以上"):
		return false
	}
	of := strings.HasPrefix(after, "的")
	after = strings.TrimPrefix(after, "的")
	if hasPrefixAny(after, boundNouns) != "" {
		return true
	}
	if !of {
		return false // 实施1000个以上省重点项目: the count of them
	}
	// 3000万元以上的重点项目70个: a modifier may stand before the noun.
	run := after
	for i, r := range after {
		if !isHan(r) || i >= 6*3 {
			run = after[:i]
			break
		}
	}
	return hasSuffixAny(run, boundNouns) != ""
}

// reEachStep ends the words before a figure that is the step of a rule:
// 每增长1个百分点, 每提高1%, 每1元.
var reEachStep = rx.MustCompile(`每(?:增长|增加|提高|下降|减少|上升|降低)?\s*$`)

// placeMark is a place named in a sentence.
type placeMark struct {
	start int
	other bool // another place than the report's and the question's
}

// otherPlaces finds the places a sentence names and marks those that are
// neither the report's region (nor a place containing it) nor one the
// question names: a figure next to them is theirs (城厢区政府债务余额 in
// a provincial report). A zone word the report's title names its own
// region by (济源示范区) is no other place.
func otherPlaces(q *Question, region, title string, sp sentPlaces) []placeMark {
	var out []placeMark
	regs := regionDivisions(region)
	for _, m := range sp.mentions {
		if inAside(sp.asides, m.Start) {
			// 6个工业园区（萍乡经济技术开发区、安源工业园区、…）: what the
			// subject comprises, not a place the figure is of.
			continue
		}
		other := true
		for _, d := range m.Divisions {
			if d == place.Nation || d.Level == place.Province && len(regs) == 0 {
				other = false
			}
			for _, r := range regs {
				if d == r || r.Within(d) {
					other = false
				}
			}
		}
		for _, p := range q.Places {
			if p == m.Text || placeRelation(p, m.Divisions[0].Name) == placeSame {
				other = false
			}
		}
		if !m.Full() && aspectWords[m.Text] {
			other = false // 新建住宅: a verb of the reports, not 新建区
		}
		if !m.Full() && (len(regs) == 0 || len(regs) == 1 && regs[0] == place.Nation) {
			// A report of the whole country names counties and districts
			// in full; their short forms in its running text are words
			// (镇安 of 在城镇安排), while cities' short forms are places
			// (湛江、北海等十四个沿海港口城市).
			city := false
			for _, d := range m.Divisions {
				city = city || d.Level == place.Province || d.Level == place.City
			}
			other = other && city
		}
		if !m.Full() && len(regs) > 0 && regs[0] != place.Nation {
			// A short form (新会, 江门) inside running text is a place only
			// when the report's own divisions hold it.
			inside := false
			for _, d := range m.Divisions {
				for _, r := range regs {
					inside = inside || d.Within(r)
				}
			}
			other = other && inside
		}
		out = append(out, placeMark{m.Start, other})
	}
	// Zones within the region (高新区, 经开区) state their own figures
	// beside the whole's.
	for _, z := range sp.zones {
		if inAside(sp.asides, z.start) {
			continue
		}
		if w := zoneWords[z.word]; strings.Contains(q.Norm, w) || strings.Contains(q.Raw, w) || strings.Contains(title, w) || asksWord(q, w) {
			// Asked about, or the report's own name for its region
			// (2019年济源示范区国民经济和社会发展统计公报).
			continue
		}
		out = append(out, placeMark{z.start, true})
	}
	// 分区域看，长株潭地区…: the parts of the region, each with its own
	// figure, unless the question names the part.
	for _, a := range sp.areas {
		if !strings.Contains(q.Norm, a.name) && !strings.Contains(q.Raw, a.name) {
			out = append(out, placeMark{a.start, true})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// sentPlaces is what otherPlaces reads of a sentence, found once for it.
type sentPlaces struct {
	mentions []place.Mention // place.Find(text)
	zones    []zoneMark
	areas    []areaMark
	asides   [][]int // the bracketed asides (reAside): byte spans of （…） and (…)
}

// areaMark is a part of a region a sentence gives by area (长株潭地区 after
// 分区域看), at byte start, named name without its area word (长株潭).
type areaMark struct {
	start int
	name  string
}

// reByArea opens a sentence that gives a figure per part of the region:
// 分区域看, 分地区看, 按区域分.
var reByArea = rx.MustCompile(`^\s*(?:分区域|分地区|分片区|分板块|按区域|按地区|从区域|从地区)(?:来看|看|分)?[，,：:]`)

// reAreaName is a part of a region named at the head of a clause: 长株潭
// 地区, 湘南地区, 洞庭湖地区, 大湘西地区, 珠三角核心区.
var reAreaName = rx.MustCompile(`(?:^|[，,；;：:、])\s*(\p{Han}{2,6}?)(?:地区|片区|区域|板块|经济区|核心区|城市群)`)

// inAside reports whether byte at lies in one of the asides.
func inAside(asides [][]int, at int) bool {
	for _, a := range asides {
		if at > a[0] && at < a[1] {
			return true
		}
	}
	return false
}

// zoneMark is a zone word (zoneWords[word]) at byte start of a sentence.
type zoneMark struct{ word, start int }

// placesOf finds the places and zones text names.
func placesOf(text string) sentPlaces {
	sp := sentPlaces{mentions: place.Find(text)}
	// 新增城镇就业 holds 增城 (增城区) across 新增 and 城镇: a short form
	// whose first character ends a verb of the reports is no place.
	kept := sp.mentions[:0]
	for _, m := range sp.mentions {
		if !m.Full() && m.Start > 0 {
			prev, _ := utf8.DecodeLastRuneInString(text[:m.Start])
			first, _ := utf8.DecodeRuneInString(m.Text)
			if aspectWords[string([]rune{prev, first})] {
				continue
			}
		}
		kept = append(kept, m)
	}
	sp.mentions = kept
	if strings.ContainsAny(text, "（(") {
		sp.asides = reAside.FindAllStringIndex(text, -1)
	}
	if m := reByArea.FindStringIndex(text); m != nil {
		for _, a := range reAreaName.FindAllStringSubmatchIndex(text[m[1]:], -1) {
			sp.areas = append(sp.areas, areaMark{start: m[1] + a[2], name: text[m[1]+a[2] : m[1]+a[3]]})
		}
	}
	if !strings.Contains(text, "区") { // every zone word ends in 区
		return sp
	}
	for i, z := range zoneWords {
		for from := 0; ; {
			k := strings.Index(text[from:], z)
			if k < 0 {
				break
			}
			sp.zones = append(sp.zones, zoneMark{i, from + k})
			from += k + len(z)
		}
	}
	return sp
}

// zoneWords name zones within a region that budget reports give figures
// of apart from the whole.
var zoneWords = []string{"高新区", "经开区", "开发区", "新区", "园区", "示范区", "试验区", "自贸区", "保税区", "综试区"}

// otherPlaceBefore reports whether another place is named in the clause
// of the figure at byte at, before it, and nearer than the place asked:
// in 南山区11亿元、宝安区39.1亿元 the second figure is 宝安区's.
func otherPlaceBefore(marks []placeMark, l *layout, at int) bool {
	c := clauseOf(l.breaks, at)
	other, nearest := false, -1
	for _, m := range marks {
		if m.start < at && m.start > nearest && clauseOf(l.breaks, m.start) == c && !excludedPlace(l.text, m.start) {
			other, nearest = m.other, m.start
		}
	}
	return other
}

// excludedPlace reports whether the place named at pos of text is taken
// out of the figure by a word a few characters before it, in the same
// phrase (剔除温州湾新区基数划转因素后同口径增长7.4%: the figure is not the
// zone's).
func excludedPlace(text string, pos int) bool {
	if pos > len(text) {
		return false
	}
	before := lastRunes(text[:pos], 8)
	if k := strings.LastIndexAny(before, "，,；;。、（("); k >= 0 {
		before = before[k:]
	}
	return hasAny(before, []string{"剔除", "扣除", "除去", "不含", "不包括", "不计"})
}

var reAsksChange = rx.MustCompile(`比(?:上年|去年|前年|上一年|年初|预算|同期|(?:\d{4}|[０-９]{4})年)?.{0,12}?(?:多|少|增加|减少|增长|下降|涨|降|掉|跌|提高|降低|增收|减收|压|砍|削|缩|省|节约|节省)(?:出来|出|下)?(?:收|花|用|支出|投入|拿|\p{Han})?(?:了)?(?:百分之)?(?:多少|几)|(?:涨|降|跌|增长|下降|提高|降低|增加|减少|下滑|滑落|下跌|上涨|上升|回落|回升|多|少|调减|调增|调高|调低)了(?:百分之)?(?:多少|几)|变(?:化)?了?(?:百分之)?(?:多少|几)|变化(?:幅度)?(?:有)?多大|(?:涨|降|增长|下降|下滑|下跌|上涨|上升|回落)(?:百分之)?(?:多少|几)|\b(?:how much|how many) (?:more|less|fewer)\b|\bincrease(?:d)? by how much\b|\bby how (?:much|many)\b.*\b(?:grow|grew|rise|rose|increase|expand|fall|fell|drop|decline|shrink)|\b(?:grow|grew|rise|rose|increased?|expand(?:ed)?|fell|fall|drop(?:ped)?|declined?|shrank|shrink)\b.*\bby how (?:much|many)\b`)

// changeVerbs end the words before a figure that is a change: 增加2.5亿元.
var changeVerbs = []string{"增加", "增长", "减少", "下降", "增收", "减收", "增产", "减产", "提高", "降低", "上升", "回落", "上涨", "下跌", "下滑", "回升", "节约", "节省", "压减", "削减", "缩减", "多", "少", "增", "减", "降", "升", "涨", "跌"}

// changeFigure reports whether the figure at [start, …) of text is the
// size of a change: the verb of a change stands right before it.
func changeFigure(text string, start int) bool { return changeVerbBefore(text, start) != "" }

// reJoinedBefore is the figures listed before a figure that share its
// verb: "75元和" in 提高75元和55元, "4.4%、" in 分别增长4.4%、5.9%.
var reJoinedBefore = rx.MustCompile(`(?:[0-9０-９][0-9０-９.,．，]*[^、，,；。0-9０-９\s]{0,4}(?:和|与|及|、))+$`)

// changeVerbBefore returns the change verb that stands right before the
// figure at [start, …) of text (增加 of 增加2.5亿元), or before the figures
// listed ahead of it (提高 of 55元 in 提高75元和55元), or "".
func changeVerbBefore(text string, start int) string {
	before := strings.TrimSuffix(strings.TrimRight(dropFootnoteEnd(text[:start]), " "), "了")
	if strings.HasSuffix(before, "、") || strings.HasSuffix(before, "和") || strings.HasSuffix(before, "与") || strings.HasSuffix(before, "及") {
		before = reJoinedBefore.ReplaceAllString(before, "")
	}
	for _, v := range changeVerbs {
		if strings.HasSuffix(before, v) {
			return v
		}
	}
	// 比上一年增产二千二百万吨，即百分之七点八: the rate restates the
	// change before it.
	for _, w := range []string{"即", "也就是"} {
		if rest, ok := strings.CutSuffix(before, w); ok {
			rest = strings.TrimRight(rest, "，, ")
			if k := strings.LastIndexAny(rest, "，,；;。"); k >= 0 {
				rest = rest[k:]
			}
			for _, v := range changeVerbs {
				if strings.Contains(rest, v) {
					return v
				}
			}
		}
	}
	return ""
}

// clauseStart returns the byte offset of the break before the clause that
// holds byte pos of a sentence (0 for its first clause).
func clauseStart(l *layout, pos int) int {
	if c := clauseOf(l.breaks, pos); c > 0 {
		return l.breaks[c-1]
	}
	return 0
}

// Flows of money: what comes in and what goes out. Budget reports state
// revenue and spending side by side (收入45.6亿元，支出43.6亿元); a question
// about one is not answered by the other.
const (
	flowIn  = "in"
	flowOut = "out"
)

var (
	outWords = []string{"支出", "花", "开支", "开销", "用了", "用掉", "花费", "拨付", "spend", "spent", "expenditure", "spending"}
	inWords  = []string{"收入", "收了", "收上来", "进账", "入库", "征收", "revenue", "income", "collect"}
)

// questionFlow returns the flow a question asks about, or "".
func questionFlow(q *Question) string {
	text := strings.ToLower(q.Raw) + " " + q.Norm
	out, in := false, false
	for _, w := range outWords {
		out = out || strings.Contains(text, w)
	}
	for _, w := range inWords {
		in = in || strings.Contains(text, w)
	}
	switch {
	case out && !in:
		return flowOut
	case in && !out:
		return flowIn
	}
	return ""
}

// figureFlow returns the flow the clause of a figure at byte at names
// last before it (收入 or 支出), else the flow the sentence named last
// before that clause since its last semicolon (一般公共预算收入年初预算合计
// 2536214万元，执行中调整为2483767万元: revenue still), or "".
func figureFlow(text string, l *layout, at int) string {
	start := clauseStart(l, at)
	clause := text[start:at]
	// 调入资金 is revenue of the budget it enters, 调出资金 spending of
	// the one it leaves.
	i := max(strings.LastIndex(clause, "收入"), strings.LastIndex(clause, "调入"))
	o := max(strings.LastIndex(clause, "支出"), strings.LastIndex(clause, "调出"))
	if i < 0 && o < 0 && strings.Contains(clause, "争取") {
		// 全市共争取一般公共预算资金486.6亿元: money secured comes in.
		return flowIn
	}
	if i < 0 && o < 0 {
		// The sentence before the clause, back to a semicolon: after one
		// the sentence turns to another topic (财政收入增长7.4%；…实际使用
		// 外资1363亿美元 is no revenue).
		from := 0
		if k := strings.LastIndex(text[:start], "；"); k >= 0 {
			from = k + len("；")
		}
		before := text[from:start]
		i, o = strings.LastIndex(before, "收入"), strings.LastIndex(before, "支出")
	}
	switch {
	case i < 0 && o < 0:
		return ""
	case i > o:
		return flowIn
	}
	return flowOut
}

// asksWord reports whether a concept of the question is w or has it as a
// close alternative (Industrial Park → 产业园, 园区).
func asksWord(q *Question, w string) bool {
	for _, c := range q.Concepts {
		for _, a := range c.Alts {
			if a.Text == w && a.Factor >= 0.8 {
				return true
			}
		}
	}
	return false
}

// nextList returns the n figures of clause c+1 when they are all it
// holds, joined (、 or 和) and led by a verb alone (增长4.2%、5.3%): a
// list that goes on with the items of clause c.
func nextList(text string, l *layout, figs []Quantity, c, n int) []Quantity {
	if c >= len(l.breaks) {
		return nil
	}
	cs, _, group := clauseFigures(text, l, figs, c+1)
	if len(group) != n || n < 2 || utf8.RuneCountInString(strings.TrimSpace(text[cs:group[0].Prefix])) > 4 || !allJoined(text, group) {
		return nil
	}
	return group
}

// countsOtherNoun reports whether noun, the noun a figure counts, holds
// none of the forms of the question's head: the figure counts another
// thing. A noun of fewer than two characters says nothing.
func countsOtherNoun(head *Concept, forms []string, noun string) bool {
	if head == nil || len(forms) == 0 || utf8.RuneCountInString(noun) < 2 {
		return false
	}
	for _, f := range forms {
		if strings.Contains(noun, f) || strings.Contains(f, noun) {
			return false
		}
	}
	return true
}
