package qa

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportkb/index"
	"reportkb/index/report"
	"reportkb/index/segment"
	"reportkb/internal/rx"
)

// Thresholds of the scorer. A figure is answered only when its score
// reaches minScore and the question's main subject is found near it.
const (
	minCore = 0.45 // share of the subject words' weight that a fit answer has matched
)

// occurrence is a question word found in a sentence.
type occurrence struct {
	start, end int // byte offsets in the sentence text
	factor     float64
	text       string
	// For a part of a concept's word: its index in Concept.Parts, or -1.
	part int
	// pinned, when positive, replaces the proximity to the figure: set
	// when a "分别" list ties the word to the figure or to another one.
	pinned float64
	// clause1 is one more than the index of the clause the word stands
	// in, when known (see withClauses); 0 otherwise.
	clause1 int
	// opposed: the word stands under a modifier opposite to the
	// question's (农村居民人均可支配收入 for 城镇居民's).
	opposed bool
}

// withClauses records in each occurrence the clause it stands in, so that
// scoring many figures of a long sentence does not search for it again.
func withClauses(occ [][]occurrence, l *layout) {
	for ci := range occ {
		for k := range occ[ci] {
			occ[ci][k].clause1 = clauseOf(l.breaks, occ[ci][k].start) + 1
		}
	}
}

// inAny reports whether s is inside one of words.
func inAny(words []string, s string) bool {
	for _, w := range words {
		if strings.Contains(w, s) {
			return true
		}
	}
	return false
}

// indexAll returns the bytes where w stands in s, left to right, not
// overlapping.
func indexAll(s, w string) []int {
	var out []int
	for from := 0; ; {
		k := strings.Index(s[from:], w)
		if k < 0 {
			return out
		}
		out = append(out, from+k)
		from += k + len(w)
	}
}

// lastRunes returns the last n runes of s.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// modifierFree reports whether the match at byte s of folded text stands
// without a modifier of its own: not right after two Han characters
// (海洋生产总值 is not 生产总值) other than a place or an aspect word.
func modifierFree(folded string, s int) bool {
	b, n := utf8.DecodeLastRuneInString(folded[:s])
	if n == 0 {
		return true
	}
	a, m := utf8.DecodeLastRuneInString(folded[:s-n])
	if m == 0 {
		return true
	}
	if !isHan(a) || !isHan(b) {
		return true
	}
	prev := string([]rune{a, b})
	return aspectWords[prev] || levelPrefixes[prev] || strings.ContainsRune("的在和与及、为是将了", b)
}

// headModifier is a word that, right before a subject, makes it another
// thing (人均地区生产总值 is no 地区生产总值) or a part of itself (城镇常住
// 人口 is some of the 常住人口, 民办普通高校 some of the 普通高校). A
// question that has the word itself asks for what it modifies.
type headModifier struct {
	mod string
	// other: the modified subject is another thing whatever the question
	// asks (a per-capita figure).
	other bool
	// opposites are the question words that make the modified subject
	// another thing: 农村 asked, 城镇居民 found.
	opposites []string
	// part: the modified subject is a part of the bare one, which a
	// question without the word asks for (see narrowed).
	part bool
}

var headModifiers = []headModifier{
	{mod: "人均", other: true},
	{mod: "城镇", opposites: []string{"农村", "乡村"}, part: true},
	{mod: "城市", opposites: []string{"农村", "乡村"}, part: true},
	{mod: "农村", opposites: []string{"城镇", "城市"}, part: true},
	{mod: "乡村", opposites: []string{"城镇", "城市"}, part: true},
	{mod: "城区", part: true}, {mod: "民办", part: true}, {mod: "公办", part: true},
	{mod: "国有", part: true}, {mod: "民营", part: true}, {mod: "私营", part: true},
	{mod: "外资", part: true}, {mod: "外商", part: true}, {mod: "私人", part: true},
	{mod: "规模以上", part: true}, {mod: "规上", part: true}, {mod: "限额以上", part: true}, {mod: "限上", part: true},
	{mod: "一般", part: true}, {mod: "专项", part: true},
	{mod: "入境", part: true}, {mod: "出境", part: true}, {mod: "境外", part: true},
	// 海洋生产总值, 县域生产总值, 民营经济增加值: a part of the economy.
	{mod: "海洋", part: true}, {mod: "县域", part: true}, {mod: "民营经济", part: true},
	// 工业固投, 民间投资, 制造业投资, 基础设施投资: a part of the investment
	// (or output, power, firms) of the whole economy.
	{mod: "工业", part: true}, {mod: "民间", part: true}, {mod: "制造业", part: true}, {mod: "基础设施", part: true},
	// 妇女选民, 女性代表: a part of the people counted.
	{mod: "妇女", part: true}, {mod: "女性", part: true},
	// 户籍人口城镇化率 is not the 常住人口's, nor the reverse.
	{mod: "户籍人口", opposites: []string{"常住"}}, {mod: "常住人口", opposites: []string{"户籍", "户口"}},
	{mod: "户籍", opposites: []string{"常住"}}, {mod: "常住", opposites: []string{"户籍", "户口"}},
	// 城镇调查失业率 is not the 登记 one, nor the reverse.
	{mod: "调查", opposites: []string{"登记"}}, {mod: "登记", opposites: []string{"调查"}},
}

// products are things whose output reports give by name (粮食产量, 钢产量).
var products = []string{"粮食", "棉花", "油料", "糖料", "烟叶", "茶叶", "水果", "蔬菜", "肉类", "猪肉", "牛奶", "水产品",
	"钢", "钢材", "生铁", "原煤", "煤炭", "原油", "天然气", "水泥", "化肥", "发电", "汽车", "棉纱", "棉布"}

// otherProduct reports whether a match of an output word w (产量, 总产量)
// after before is the output of a product the question does not name:
// 粮食总产量 for a question of 棉花总产量.
func otherProduct(question, w, before string) bool {
	if !strings.HasPrefix(w, "产") && !strings.HasPrefix(w, "总产") {
		return false
	}
	before = strings.TrimSuffix(before, "总") // 粮食总产量
	for _, p := range products {
		if strings.HasSuffix(before, p) {
			return !strings.Contains(question, p)
		}
	}
	return false
}

// reCountedNoun is the noun a count question counts: 多少个省会城市.
var reCountedNoun = rx.MustCompile(`(?:多少|几)(?:个|家|所|座|项|条|只|名|位|处|种|批|支|台|辆|艘|架)(\p{Han}{2,4})`)

// reCountedBefore is the noun a count question counts before its ask:
// 龙头企业一共几家.
var reCountedBefore = rx.MustCompile(`(\p{Han}{2,4})(?:一共|总共|共|合计|大概|大约|到底|有)*(?:多少|几)(?:个|家|所|座|项|条|只|名|位|处|种|批|支|台|辆|艘|架)[？?]?$`)

// countedNoun returns the noun a count question counts, or "".
func countedNoun(norm string) string {
	if m := reCountedNoun.FindStringSubmatch(norm); m != nil {
		return m[1]
	}
	return ""
}

// countedAny is countedNoun, or else the noun before the ask
// (reCountedBefore).
func countedAny(norm string) string {
	if n := countedNoun(norm); n != "" {
		return n
	}
	if m := reCountedBefore.FindStringSubmatch(norm); m != nil {
		return m[1]
	}
	return ""
}

// countsOther reports whether a count figure, followed by rest, counts a
// noun that shares no character with cn, the noun the question counts
// (countedNoun): 多少个省会城市 is not 34个开放口岸.
func countsOther(q *Question, cn, rest string, f Quantity) bool {
	if cn == "" || f.Unit != q.Unit || UnitClass(f.Unit) != "count" {
		return false
	}
	n := nounAfter(rest)
	return n != "" && !strings.ContainsAny(n, cn)
}

// countsSibling reports whether a count figure counts another noun than
// the question's cn where a figure beside it of the same unit counts cn
// itself: 23家重点成长型企业、38家龙头企业和110家重点企业 for 多少家重点成长型
// 企业 — the 110 count 重点企业, which share words with it and are others.
func countsSibling(q *Question, cn, text string, figs []Quantity, f Quantity) bool {
	if cn == "" || f.Unit != q.Unit || UnitClass(f.Unit) != "count" {
		return false
	}
	own := nounAfter(text[f.End:])
	if own == "" || own == cn {
		return false
	}
	for _, g := range figs {
		if g.Start != f.Start && g.Unit == f.Unit && nounAfter(text[g.End:]) == cn {
			return true
		}
	}
	return false
}

// otherMedal reports whether f counts medals of a tally (8金9银6铜) of
// another metal than the question asks, or of one metal when it asks all
// medals (多少枚奖牌).
func otherMedal(q *Question, f Quantity) bool {
	if f.Unit != "枚" {
		return false
	}
	metal, _ := utf8.DecodeLastRuneInString(f.Text)
	if !strings.ContainsRune("金银铜", metal) {
		return false
	}
	return !strings.Contains(q.Norm, string(metal)+"牌") && !strings.Contains(q.Norm, string(metal)+"奖")
}

// nounAfter returns the run of Han characters (two to four) right after a
// figure, the noun its classifier counts (20个国家: 国家), or "".
func nounAfter(rest string) string {
	n, end := 0, 0
	for i, r := range rest {
		if !unicode.Is(unicode.Han, r) || n == 4 {
			break
		}
		n, end = n+1, i+utf8.RuneLen(r)
	}
	if n < 2 {
		return ""
	}
	return rest[:end]
}

// contributionTo reports whether a word found before after is what a
// contribution is made to (对经济增长的贡献率为51.6%) where the question
// asks no contribution nor share: the figure beside it measures a part's
// share of the word's change, not the change.
func contributionTo(q *Question, after string) bool {
	if !strings.HasPrefix(after, "的贡献") && !strings.HasPrefix(after, "贡献") {
		return false
	}
	return !hasAny(strings.ToLower(q.Raw), []string{"贡献", "拉动", "带动", "来自", "靠", "占", "比重", "比例", "几成",
		"contribut", "share", "proportion", "came from", "come from", "driven", "pull"})
}

// levies are taxes whose names end in another's: 土地增值税 is no 增值税
// (a budget lists both).
var levies = map[string][]string{"增值税": {"土地"}}

// otherLevy reports whether a match of a tax's name w after before is
// the end of another tax's name the question does not ask for.
func otherLevy(question, w, before string) bool {
	for name, mods := range levies {
		if !strings.HasPrefix(w, name) {
			continue
		}
		for _, m := range mods {
			if strings.HasSuffix(before, m) && !strings.Contains(question, m+name) {
				return true
			}
		}
	}
	return false
}

// insideTrade reports whether a match of 出口 after before stands inside
// 进出口 (the total of trade, not exports) when the question does not ask
// for 进出口.
func insideTrade(question, w, before string) bool {
	return strings.HasPrefix(w, "出口") && strings.HasSuffix(before, "进") && !strings.Contains(question, "进出口")
}

// clashes reports whether a match of word w after before, in a sentence,
// names another thing than question asks about: a per-capita figure
// whatever the question says, the urban part where the question asks for
// the rural one and the reverse.
func clashes(question, w, before string) bool {
	if modifierClash(question, w, before) {
		return true
	}
	if opposed(question, w, before) {
		return true
	}
	if insideTrade(question, w, before) {
		return true
	}
	// 人均地区生产总值 for 生产总值: the modifier may stand before a word
	// of place (地区, 全市).
	for p := range levelPrefixes {
		if b, ok := strings.CutSuffix(before, p); ok {
			return modifierClash(question, w, b)
		}
	}
	return false
}

// modifierClash reports whether the head modifier that before ends in
// makes w another thing than the question asks.
func modifierClash(question, w, before string) bool {
	for _, c := range headModifiers {
		if !c.other && c.opposites == nil {
			continue
		}
		if !strings.HasSuffix(before, c.mod) || strings.Contains(w, c.mod) || strings.Contains(question, c.mod) {
			continue
		}
		if c.other {
			return true
		}
		for _, x := range c.opposites {
			if strings.Contains(question, x) {
				return true
			}
		}
	}
	return false
}

// opposed reports whether the head modifier that before ends in, or ends
// in before the people the figure is of (农村 of 农村居民人均可支配收入),
// is the opposite of one the question names.
func opposed(question, w, before string) bool {
	before = strings.TrimSuffix(before, "居民")
	for _, c := range headModifiers {
		if c.opposites == nil || !strings.HasSuffix(before, c.mod) || strings.Contains(w, c.mod) || strings.Contains(question, c.mod) {
			continue
		}
		for _, x := range c.opposites {
			if strings.Contains(question, x) {
				return true
			}
		}
	}
	return false
}

// levelPrefixes are words that name where, not what: 全省生产总值.
var levelPrefixes = map[string]bool{"全省": true, "全市": true, "全区": true, "全县": true, "全国": true, "地区": true,
	"我省": true, "我市": true, "我区": true, "我县": true, "本省": true, "本市": true, "城镇": true, "农村": true, "全年": true}

// findConcepts returns, for each concept, where its words occur in text.
// Synonyms that follow a modifier of their own count less.
// runes is the set of folded's runes.
func findConcepts(q *Question, folded string, offs []int, runes *runeSet) [][]occurrence {
	out := make([][]occurrence, len(q.Concepts))
	// 每千人口护士数: a question of an amount per so many reads the count
	// after 每万/每千 as its own.
	perAsked := q.PerUnit || strings.Contains(q.Norm, "每") || strings.Contains(strings.ToLower(q.Raw), "per ")
	// before is, for a later part of a word whose earlier parts the
	// sentence lacks, those parts.
	qualifier := "" // the town or country the concept's first part names
	find := func(w string, wr *runeSet, o occurrence, before []string, into []occurrence) []occurrence {
		if !runes.mayHold(wr) {
			return into
		}
		for from := 0; from < len(folded); {
			k := strings.Index(folded[from:], w)
			if k < 0 {
				break
			}
			s, e := from+k, from+k+len(w)
			if o.part >= 0 && inSetPhrase(folded, s, e) {
				// 价格 of 扣除价格因素 is no part of 居民消费价格.
				from = e
				continue
			}
			if negated(q.Norm, w, folded[:s]) {
				// 税收 of 非税收入, 成年人 of 未成年人: the word negated is
				// the other thing.
				from = e
				continue
			}
			oc := o
			oc.start, oc.end, oc.clause1 = s, e, 0
			if o.factor < 1 && o.part < 0 && !modifierFree(folded, s) {
				oc.factor *= 0.8
			}
			if o.part > 0 && qualifier != "" {
				if lead := lastRunes(folded[:s], 12); !strings.Contains(lead, qualifier) && !strings.Contains(lead, "城乡") {
					oc.factor *= 0.25
				}
			}
			if len(before) > 0 && !modifierFree(folded, s) && !inAny(before, lastRunes(folded[:s], 2)) {
				// 覆盖率 of 人口覆盖率 for 森林覆盖率: the later part of a
				// word under a modifier other than the word's own is
				// another measure's.
				oc.factor *= 0.6
			}
			if perUnitOf(folded[:s]) && !strings.Contains(q.Norm, "万元") && !strings.Contains(q.Norm, "单位") ||
				!perAsked && rePerBase.MatchString(lastRunes(folded[:s], 8)) {
				// 万元GDP能耗, 单位地区生产总值能耗: the word is what another
				// measure is counted per.
				oc.factor *= 0.3
			}
			if contributionTo(q, folded[e:]) {
				// 对经济增长的贡献率: the word names what another figure
				// adds to, not the figure.
				oc.factor *= 0.3
			}
			if otherProduct(q.Norm, w, folded[:s]) {
				// 粮食总产量 for 棉花总产量: another product's output.
				oc.factor *= 0.3
			}
			if otherLevy(q.Norm, w, folded[:s]) {
				// 土地增值税 for 增值税: another tax's name ends in it.
				oc.factor *= 0.3
			}
			if insideTrade(q.Norm, w, folded[:s]) {
				// 出口 of 进出口总额: the whole of trade is another
				// indicator than its exports, not a part with a modifier.
				oc.factor *= 0.25
			} else if opposed(q.Norm, w, folded[:s]) {
				// 农村居民人均可支配收入 for 城镇居民's: the modifier
				// contradicts the question's own.
				oc.factor *= 0.25
				oc.opposed = true
			} else if clashes(q.Norm, w, folded[:s]) {
				// 人均地区生产总值 is not 地区生产总值, 城镇居民人均可支配收入
				// not 农村居民's: a modifier the question lacks or contradicts.
				oc.factor *= 0.6
			}
			if offs != nil {
				oc.start, oc.end = offs[s], offs[e]
			}
			into = append(into, oc)
			from = e
		}
		return into
	}
	for ci, c := range q.Concepts {
		for _, alt := range c.Alts {
			if alt.folded != "" {
				out[ci] = find(alt.folded, &alt.runes, occurrence{factor: alt.Factor, text: alt.Text, part: -1}, nil, out[ci])
			}
		}
		// 农村居民人均可支配收入: its later parts found where the text
		// names no town or country (居民人均可支配收入45900元) are all
		// residents', another measure.
		qualifier = ""
		if len(c.Parts) > 1 && strings.Contains(c.Word, "居民") {
			if m := rePopulationPart.FindStringSubmatch(c.Parts[0]); m != nil {
				qualifier = m[1]
			}
		}
		for k, p := range c.foldedParts {
			if p != "" {
				before := c.partsBefore[k]
				if hasAny(folded, before) {
					// After a part of the word before it (亿元以上重大
					// 项目) a part is still of the word.
					before = nil
				}
				n := len(out[ci])
				out[ci] = find(p, &c.partRunes[k], occurrence{factor: 1, text: c.Parts[k], part: k}, before, out[ci])
				if k < len(c.partLatin) && c.partLatin[k] != "" {
					out[ci] = find(c.partLatin[k], &c.partLatinRunes[k], occurrence{factor: 1, text: c.Parts[k], part: k}, before, out[ci])
				}
				if k < len(c.Parts)-1 {
					otherFlow(out[ci][n:], folded, offs, c.Parts[len(c.Parts)-1])
				}
			}
		}
		if c.route != nil {
			out[ci] = append(out[ci], routeSpelled(c.route, folded, offs)...)
		}
		opposeWithin(out[ci])
		if len(out[ci]) == 0 && !c.Aspect {
			out[ci] = abbreviated(c.Word, folded, offs, runes)
		}
	}
	return out
}

// negated reports whether the word w of at least two characters, found
// right after before, stands under a negating prefix (非 of 非税收入, 未 of
// 未成年人) that the question norm does not put before it.
func negated(norm, w, before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	if r != '非' && r != '未' || utf8.RuneCountInString(w) < 2 {
		return false
	}
	return !strings.Contains(norm, string(r)+w)
}

// setPhrases are set phrases whose words name no measure: 扣除价格因素
// (in real terms) says how a growth is counted, and its 价格 is not the
// price level's.
var setPhrases = []string{"扣除价格因素", "剔除价格因素", "价格因素", "按可比价格计算", "按不变价格计算"}

// inSetPhrase reports whether folded[s:e] stands inside a set phrase.
func inSetPhrase(folded string, s, e int) bool {
	for _, p := range setPhrases {
		if e-s > len(p) {
			continue
		}
		lo := max(0, e-len(p))
		hi := min(len(folded), s+len(p))
		if k := strings.Index(folded[lo:hi], p); k >= 0 && lo+k <= s && e <= lo+k+len(p) {
			return true
		}
	}
	return false
}

// levelChars name a level, a place or a count: 省级 abbreviates nothing
// (省本级 is a level of its own).
const levelChars = "级省市县区镇乡村年月日元人个次"

// abbreviated finds the words a two-character question word abbreviates
// (特教 of 特殊教育, 基建 of 基本建设): its characters each opening one of
// two two-character words, found in folded at two-thirds of a match; offs
// maps offsets when not nil.
func abbreviated(word, folded string, offs []int, runes *runeSet) []occurrence {
	r := []rune(word)
	if len(r) != 2 || !isHan(r[0]) || !isHan(r[1]) || strings.ContainsAny(word, functionChars+levelChars) {
		return nil
	}
	if wr := runesOf(word); runes != nil && !runes.mayHold(&wr) {
		return nil
	}
	var out []occurrence
	first, second := string(r[0]), string(r[1])
	for from := 0; from < len(folded); {
		k := strings.Index(folded[from:], first)
		if k < 0 {
			break
		}
		s := from + k
		from = s + len(first)
		gap, n := utf8.DecodeRuneInString(folded[from:])
		if !isHan(gap) || !strings.HasPrefix(folded[from+n:], second) {
			continue
		}
		e := from + n + len(second)
		tail, m := utf8.DecodeRuneInString(folded[e:])
		if !isHan(tail) {
			continue // 特殊教育: the second word is whole
		}
		e += m
		oc := occurrence{start: s, end: e, factor: 0.65, text: folded[s:e], part: -1}
		if offs != nil {
			oc.start, oc.end = offs[s], offs[e]
		}
		out = append(out, oc)
		from = e
	}
	return out
}

// routeKinds are the kinds of route a question may name by its two ends'
// first characters (福平铁路, 京沪高铁), longest first.
var routeKinds = []string{"高速铁路", "城际铁路", "高速公路", "铁路", "高铁", "城际", "高速", "公路", "大道", "航线", "管道"}

// routeAsked returns the route a question names by its ends when word is
// the two characters of the ends (福平 of 福平铁路), or "".
func routeAsked(q *Question, word string) string {
	if utf8.RuneCountInString(word) != 2 || !isHanString(word) {
		return ""
	}
	for _, k := range routeKinds {
		if strings.Contains(q.Norm, word+k) {
			return word + k
		}
	}
	return ""
}

// routeRegexp returns the pattern of a route (福平铁路) whose report spells
// its ends out (福州至平潭铁路): the first end opens with the first
// character, the second with the second, joined by 至, 到 or a dash,
// before the same kind of route; nil for no route.
func routeRegexp(route string) *rx.Regexp {
	r := []rune(route)
	if len(r) < 3 {
		return nil
	}
	return rx.MustCompile(regexp.QuoteMeta(string(r[0])) + `\p{Han}{0,4}(?:至|到|—|－|-)` + regexp.QuoteMeta(string(r[1])) + `\p{Han}{0,4}?` + regexp.QuoteMeta(string(r[2:])))
}

// routeSpelled finds a route where the report spells its ends out (see
// routeRegexp). offs maps offsets when not nil.
func routeSpelled(re *rx.Regexp, folded string, offs []int) []occurrence {
	var out []occurrence
	for _, loc := range re.FindAllStringIndex(folded, -1) {
		oc := occurrence{start: loc[0], end: loc[1], factor: 0.9, text: folded[loc[0]:loc[1]], part: -1}
		if offs != nil {
			oc.start, oc.end = offs[loc[0]], offs[loc[1]]
		}
		out = append(out, oc)
	}
	return out
}

// rePopulationPart is the first part of a measure of the residents of
// town or country (农村居民 of 农村居民人均可支配收入), the place kept.
var rePopulationPart = rx.MustCompile(`^(农村|城镇|城市|乡村)(?:常住)?(?:居民)?$`)

// opposeWithin gives the words found inside a word under an opposite
// modifier its discount: 可支配收入 of 农村居民人均可支配收入 is no more
// the 城镇居民's than the whole.
func opposeWithin(occ []occurrence) {
	for _, o := range occ {
		if !o.opposed {
			continue
		}
		for i := range occ {
			if w := &occ[i]; !w.opposed && w.start >= o.start && w.end <= o.end {
				w.factor *= 0.25
				w.opposed = true
			}
		}
	}
}

// otherFlow discounts the leading parts of a word of revenue or spending
// found before the other flow: 一般公共预算 of 一般公共预算收入 in
// 占一般公共预算地方本级支出 is of the spending. occ are the parts found in
// folded, their offsets mapped by offs when not nil.
func otherFlow(occ []occurrence, folded string, offs []int, head string) {
	other := ""
	switch {
	case strings.HasSuffix(head, "收入"):
		other = "支出"
	case strings.HasSuffix(head, "支出"):
		other = "收入"
	default:
		return
	}
	for i := range occ {
		e := occ[i].end
		if offs != nil {
			e = sort.SearchInts(offs, e) // back to folded's offsets
		}
		if e > len(folded) {
			continue
		}
		after := folded[e:]
		n := 0
		for j, r := range after {
			if n == 8 || strings.ContainsRune("，。；、,;（(", r) {
				after = after[:j]
				break
			}
			n++
		}
		if strings.Contains(after, other) && !strings.Contains(after, head) {
			occ[i].factor *= 0.3
		}
	}
}

// rePerBase ends in the count an intensity is per (每万城镇常住人口拥有社区
// 工作者19.2人: 常住人口 is the base, not the thing counted).
var rePerBase = rx.MustCompile(`每(?:十|百|千|万|十万|百万)(?:名|个|户|位)?\p{Han}{0,4}$`)

// perUnitOf reports whether the text before a word makes it the base of
// an intensity: 万元 (not 5000万元) or 单位 right before it.
func perUnitOf(before string) bool {
	// 单位国内生产总值能耗, 单位地区生产总值: the place word may stand
	// between.
	for _, p := range []string{"国内", "地区", "全市", "全省", "全区"} {
		if b, ok := strings.CutSuffix(before, p); ok {
			before = b
			break
		}
	}
	if strings.HasSuffix(before, "单位") {
		return true
	}
	rest, ok := strings.CutSuffix(before, "万元")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(rest)
	return !(r >= '0' && r <= '9' || r == '.' || strings.ContainsRune("一二三四五六七八九十百千几多", r))
}

// layout is where a sentence's clauses and list items break.
type layout struct {
	breaks []int // clause breaks: ，；。 …
	joins  []int // list joins inside a clause: 、 and 和/及/与 before a figure
	// figureJoins are the joins followed by a figure: in 新建6个国家级、20个
	// 省级临床重点专科 both figures share the noun after the last one.
	figureJoins []int
	// goesOn are the joins after which a change of the item before goes
	// on (地区生产总值达到5.53万亿元、稳居全国前十强、增长4.8%).
	goesOn []int
	// parts are the bytes where 其中 (of which) stands.
	parts []int
	// shares are the bytes where a 占 of a share stands (占地区生产总值13.1%).
	shares []int
	// digits are the bytes where a run of digits starts.
	digits []int
	// continues marks, per clause, one that states a change of what the
	// clause before names (地区生产总值4770.9亿元，比上年增长5.6%).
	continues []bool
	// purpose marks, per clause, one that says what the figure before it
	// is for (拨付37亿元，支持优化教育资源配置).
	purpose []bool
	// uses are the bytes where a purpose word (用于) stands.
	uses []int
	// asides are the bracketed spans [start, end) of the text: 存款余额
	// （本外币合计，下同）33245.80亿元 keeps the figure beside its subject.
	asides [][2]int
	// excludes marks the asides that say what a figure leaves out (公路
	// 通车里程（不含高速公路）16546公里), by index.
	excludes []bool
	// fromTo are the spans of a change's start (从2010年的4.60万亿元增加到):
	// the subject before one is as near to the figure after it.
	fromTo [][2]int
	// topic says that the first clause names what the sentence's figures
	// are of: 在工业农业总产值方面：一九五三年比一九五二年增长百分之十四点四.
	topic bool
	// verbItems marks the breaks that are semicolons opening an item led
	// by a verb at most (；实现营业收入…), and the commas and semicolons
	// opening a clause that names an aspect of the subject (，增速…；总量…):
	// such an item shares the subject of the sentence's first item; lead is
	// that item's clause, past a time alone (截至目前，).
	verbItems map[int]bool
	lead      int
	text      string // the sentence
}

// reTopicClause is a first clause that names the topic of the figures
// after it: 在工业农业总产值方面, 教育方面.
var reTopicClause = rx.MustCompile(`^(?:在|关于)?[^，；：,;:]{1,20}方面$`)

// excluded reports whether the word at [ws, we) stands in an aside that
// says what the figure leaves out: it names what the figure is not.
func (l *layout) excluded(ws, we int) bool {
	if l == nil {
		return false
	}
	for i, a := range l.asides {
		if ws > a[0] && we < a[1] {
			return l.excludes[i]
		}
	}
	return false
}

// reExcludes opens an aside that leaves something out of a figure.
var reExcludes = rx.MustCompile(`^[（(]\s*(?:不含|不包括|未含|未包括|扣除|剔除|除去|除)`)

// reFromTo is the start of a change told with its old value: 从2010年的
// 4.60万亿元增加到, 由32微克每立方米下降到.
var reFromTo = rx.MustCompile(`(?:从|由)[^，；。从由到至]{0,30}?[0-9０-９〇零一二两三四五六七八九十][^，；。从由到至]{0,24}?(?:到|至)`)

// asideBytes returns how many bytes of asides stand within [from, to).
func (l *layout) asideBytes(from, to int) int {
	if l == nil {
		return 0
	}
	return spanBytes(l.asides, from, to)
}

// inAside reports whether byte pos lies in an aside.
func (l *layout) inAside(pos int) bool {
	if l == nil {
		return false
	}
	for _, a := range l.asides {
		if a[0] < pos && pos < a[1] {
			return true
		}
	}
	return false
}

// asideOpening returns where the aside holding byte pos opens, when it
// breaks a total down into two figures or more (（一般债券14.41亿元，专项
// 债券1.12亿元）), or -1.
func (l *layout) asideOpening(pos int) int {
	if l == nil {
		return -1
	}
	for _, a := range l.asides {
		if a[0] < pos && pos < a[1] {
			i, j := sort.SearchInts(l.digits, a[0]), sort.SearchInts(l.digits, a[1])
			if j-i >= 2 {
				return a[0]
			}
			return -1
		}
	}
	return -1
}

// fromToBytes returns how many bytes of [from, to) are the start of a
// change (reFromTo).
func (l *layout) fromToBytes(from, to int) int {
	if l == nil {
		return 0
	}
	return spanBytes(l.fromTo, from, to)
}

// spanBytes returns how many bytes of the spans stand within [from, to).
func spanBytes(spans [][2]int, from, to int) int {
	n := 0
	for _, a := range spans {
		if a[0] >= from && a[1] <= to {
			n += a[1] - a[0]
		}
	}
	return n
}

// reContinues opens a clause that goes on about the subject of the one
// before it: a change or a share with no noun of its own (民生支出4888.3亿
// 元，占比74%), perhaps after its year (地区生产总值连跨4个千亿台阶，2024年
// 达到1.3万亿元).
var reContinues = rx.MustCompile(`^\s*(?:(?:\d{4}|[０-９]{4})年(?:底|末)?)?(?:前三季度|第?[一二三四]季度|上半年|下半年|全年)?(?:(?:比上年|比去年|比上年同期|比(?:\d{4}|[０-９]{4})年(?:底|末)?|同比|较上年|较去年|较上年同期|较(?:\d{4}|[０-９]{4})年(?:底|末)?)(?:执行数|预计数|决算数|完成数|预算数)?(?:[0-9.,]+(?:万|亿)?元)?(?:预计|计划)?|与上年相比|按(?:可比|不变)价格?计算|扣除价格因素)?(?:分别)?(?:平均每年|年均)?(?:实际|总量|总数|总规模|累计|总计)?(?:增长|下降|增加|减少|提高|降低|上升|回落|增|降|减|持平|达到|达[0-9０-９]|为[0-9０-９]|突破[0-9０-９]|超过[0-9０-９]|占|(?:基本|新)?(?:建成|新建|开工|竣工|完成|交付|投用)(?:近|约|超)?\d)`)

// rePurposeClause opens a clause that says what the money before it is
// for, as budget reports write it: 安排6.47亿元，保障西夏陵申遗.
var rePurposeClause = rx.MustCompile(`^\s*(?:主要|重点|专项|全力|集中)?(?:用于|支持|保障|推动|助力|促进|推进|落实|实施|巩固|加快|加强|确保|办好)`)

// reBudgetShare opens a clause with the share of the budget the subject
// before came to (一般公共预算收入268.61亿元，为预算的100.28%，同比增长5.29%).
var reBudgetShare = rx.MustCompile(`^\s*(?:为|占|完成|达到|是)(?:年初|年度|调整后?的?|变动)?预算(?:数)?的`)

// reFromClause opens a clause with the start of a change of what the
// clause before names (城镇居民家庭人均可支配收入，由1997年的5160元增加到…).
var reFromClause = rx.MustCompile(`^\s*(?:由|从)(?:(?:\d{4}|[０-９]{4})年(?:底|末)?的?)?[0-9０-９]`)

// reAgainstClause weighs the figure before against another (，虽然略低于8％
// 的预定目标): it goes on about the same subject.
var reAgainstClause = rx.MustCompile(`^\s*(?:虽然|虽|但|但是)?(?:略|稍|明显)?(?:低于|高于|快于|慢于)[0-9０-９]`)

// reBasisClause is a clause that only says how a change is reckoned (按不变
// 价格计算，比上年增长2.8%): it goes on about the subject before it, like
// the change that follows it.
var reBasisClause = rx.MustCompile(`^\s*(?:按(?:不变|可比)价格?(?:计算|核算)?|按可比口径计算|按可比口径|扣除价格因素|剔除价格因素|按现价计算)\s*[，,]`)

// withoutAsides returns s without its bracketed spans (see asideSpans).
func withoutAsides(s string) string {
	spans := asideSpans(s)
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, a := range spans {
		b.WriteString(s[last:a[0]])
		last = a[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// ordinalJoin reports whether the 、 at byte i of text joins two numerals
// of one word (一、二级, 三、四季度), not two items of a list.
func ordinalJoin(text string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[i+len("、"):])
	const numerals = "一二三四五六七八九十"
	return strings.ContainsRune(numerals, before) && strings.ContainsRune(numerals, after)
}

// ratioColon reports whether the colon at byte i of text stands between
// the digits of a ratio (40.7:14.5).
func ratioColon(text string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	_, n := utf8.DecodeRuneInString(text[i:])
	after, _ := utf8.DecodeRuneInString(text[i+n:])
	return isDigit(before) && isDigit(after)
}

// clauses returns the layout of text.
func clauses(text string) *layout {
	l := &layout{text: text, asides: asideSpans(text)}
	if k := strings.IndexAny(text, "，；：,;:"); k > 0 {
		l.topic = reTopicClause.MatchString(strings.TrimSpace(text[:k]))
		if t := strings.TrimSpace(text[:k]); reTimeOnly.MatchString(t) || reUpToNow.MatchString(t) {
			l.lead = 1
		}
	}
	if strings.Contains(text, "从") || strings.Contains(text, "由") {
		for _, m := range reFromTo.FindAllStringIndex(text, -1) {
			l.fromTo = append(l.fromTo, [2]int{m[0], m[1]})
		}
	}
	for _, a := range l.asides {
		l.excludes = append(l.excludes, reExcludes.MatchString(text[a[0]:a[1]]))
	}
	inside := bracketed(text, l.asides)
	for i, r := range text {
		switch r {
		case '，', '；', '。', '：', '！', '？', ',', ';', ':', '!', '?':
			if inside[i] && r != '。' {
				// 上限15.53亿元（一般债券14.41亿元，专项债券1.12亿元）:
				// the items of the breakdown share the clause of the total.
				continue
			}
			if (r == '，' || r == ',') && thousandsComma(text, i) {
				continue // 878，631万元: one figure
			}
			if (r == ':' || r == '：') && ratioColon(text, i) {
				continue // 40.7:14.5:44.8: one ratio
			}
			next := text[i+utf8.RuneLen(r):]
			if (r == '；' || r == ';') && reVerbLed.MatchString(next) || (r == '；' || r == ';' || r == '，' || r == ',') && reBackRef.MatchString(next) {
				if l.verbItems == nil {
					l.verbItems = map[int]bool{}
				}
				l.verbItems[len(l.breaks)] = true
			}
			l.breaks = append(l.breaks, i)
		case '、':
			if reachedAfter(text[i:]) {
				// 提高62元、达到2988元: the level the change reached, not
				// another item.
				continue
			}
			if ordinalJoin(text, i) {
				// 一、二级的天数: grades run together, one item.
				continue
			}
			l.joins = append(l.joins, i)
			if next := i + len("、"); next < len(text) && text[next] >= '0' && text[next] <= '9' {
				l.figureJoins = append(l.figureJoins, i)
			}
			if m := reContinues.FindStringIndex(text[i+len("、"):]); m != nil && !strings.HasPrefix(text[i+len("、")+m[1]:], "值") {
				l.goesOn = append(l.goesOn, i)
			}
		case '和', '及', '与':
			// Only a conjunction before a figure joins two items (100个乡镇
			// 综合养老服务中心和300个村级互助幸福院); elsewhere it is part of
			// a word (和谐, 与会).
			if next := i + len(string(r)); next < len(text) && text[next] >= '0' && text[next] <= '9' {
				l.joins = append(l.joins, i)
				l.figureJoins = append(l.figureJoins, i)
			}
		}
	}
	l.parts = indexAll(text, "其中")
	for _, k := range indexAll(text, "占") {
		// 占地, 占用 are no share; 占地区生产总值, 占地方财政收入 are. In
		// 积累所占的比重 what follows is the share, not its base.
		after := text[k+len("占"):]
		r, _ := utf8.DecodeRuneInString(after)
		prev, _ := utf8.DecodeLastRuneInString(text[:k])
		if prev == '所' || r == '的' || r == '比' {
			continue
		}
		if r != '地' && r != '用' && r != '有' && r != '领' || strings.HasPrefix(after, "地区") || strings.HasPrefix(after, "地方") {
			l.shares = append(l.shares, k)
		}
	}
	prevDigit := false
	for i, r := range text {
		d := r >= '0' && r <= '9' || r >= '０' && r <= '９'
		if d && !prevDigit {
			l.digits = append(l.digits, i)
		}
		prevDigit = d || prevDigit && (r == '.' || r == '．')
	}
	l.continues = make([]bool, len(l.breaks)+1)
	l.purpose = make([]bool, len(l.breaks)+1)
	for k, b := range l.breaks {
		_, n := utf8.DecodeRuneInString(text[b:])
		rest := text[b+n:]
		if strings.Contains(rest, "（") || strings.Contains(rest, "(") {
			// 为调整预算（以下简称预算）的102.9%: an aside says nothing of
			// whether the clause goes on.
			rest = withoutAsides(rest)
		}
		l.purpose[k+1] = rePurposeClause.MatchString(rest)
		if m := reContinues.FindStringIndex(rest); m != nil && !strings.HasPrefix(rest[m[1]:], "值") || reBasisClause.MatchString(rest) || reFromClause.MatchString(rest) || reBudgetShare.MatchString(rest) || reAgainstClause.MatchString(rest) {
			l.continues[k+1] = true
		}
	}
	for _, w := range purposeWords {
		l.uses = append(l.uses, indexAll(text, w)...)
	}
	return l
}

// purposeWords say what money is for, right after it: 安排119.05亿元用于教育.
var purposeWords = []string{"用于", "用在", "投向"}

// usedFor reports whether a purpose word stands right after a figure ending
// at byte qe and before byte at: what follows it is what the money is for.
func (l *layout) usedFor(qe, at int) bool {
	for _, u := range l.uses {
		if u >= qe && u <= qe+3 && u < at {
			return true
		}
	}
	return false
}

// asideSpans returns the bracketed spans of text, brackets included: a
// pair of brackets that closes within maxBracket bytes (an unclosed
// bracket makes no span).
func asideSpans(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); i++ {
		open, closeB := "（", "）"
		switch {
		case strings.HasPrefix(text[i:], "（"):
		case text[i] == '(':
			open, closeB = "(", ")"
		case text[i] == '[' && reFootnoteAt.MatchString(text[i+1:]):
			// A note mark (生产总值[2]1349084亿元) stands aside too.
			open, closeB = "[", "]"
		default:
			continue
		}
		end := min(len(text), i+maxBracket)
		j := strings.Index(text[i+len(open):end], closeB)
		if j < 0 {
			continue
		}
		stop := i + len(open) + j + len(closeB)
		out = append(out, [2]int{i, stop})
		i = stop - 1
	}
	return out
}

// bracketed marks the bytes of the spans (asideSpans) from the opening
// bracket up to the closing one.
func bracketed(text string, spans [][2]int) map[int]bool {
	if len(spans) == 0 {
		return nil
	}
	out := map[int]bool{}
	for _, a := range spans {
		closeAt := a[1] - len("）")
		if text[a[1]-1] == ')' {
			closeAt = a[1] - 1
		}
		for k := a[0]; k < closeAt; k++ {
			out[k] = true
		}
	}
	return out
}

// maxBracket is how long a bracketed breakdown may be, in bytes.
const maxBracket = 240

func clauseOf(breaks []int, pos int) int {
	return sort.SearchInts(breaks, pos)
}

// joined reports whether a list join stands between byte offsets a and b.
func (l *layout) joined(a, b int) bool {
	if l == nil {
		return false
	}
	k := sort.SearchInts(l.joins, a)
	return k < len(l.joins) && l.joins[k] < b
}

// goesOnTo reports whether the last join between a and b is one after
// which the change of what stands before it goes on (see layout.goesOn).
func (l *layout) goesOnTo(a, b int) bool {
	k := sort.SearchInts(l.joins, b) - 1
	if k < 0 || l.joins[k] < a {
		return false
	}
	i := sort.SearchInts(l.goesOn, l.joins[k])
	return i < len(l.goesOn) && l.goesOn[i] == l.joins[k]
}

// leadsNextItem reports whether the words at [start, end), after a
// figure ending at qe, lead a later item of its list: a join stands
// between, and a figure follows them in their clause (基本建成470万套、
// 新开工630万套).
func (l *layout) leadsNextItem(qe, start, end int) bool {
	if l == nil {
		return false
	}
	if k := sort.SearchInts(l.joins, qe); k >= len(l.joins) || l.joins[k] >= start {
		return false // no join between the figure and the words
	}
	stop := math.MaxInt
	if k := sort.SearchInts(l.breaks, end); k < len(l.breaks) {
		stop = l.breaks[k]
	}
	k := sort.SearchInts(l.digits, end)
	return k < len(l.digits) && l.digits[k] < stop
}

// joinedApart reports whether a join that does not lead to another figure
// stands between a and b: the noun after 6个国家级、20个省级 is shared.
func (l *layout) joinedApart(a, b int) bool {
	if l == nil {
		return false
	}
	for k := sort.SearchInts(l.joins, a); k < len(l.joins) && l.joins[k] < b; k++ {
		if i := sort.SearchInts(l.figureJoins, l.joins[k]); i >= len(l.figureJoins) || l.figureJoins[i] != l.joins[k] {
			return true
		}
	}
	return false
}

// proximity weighs an occurrence by how close it stands to the figure at
// [qs, qe): in the same clause and next to it counts fully; a word of an
// earlier list item (A 100个、B 200个) describes its own figure, not this.
func proximity(o occurrence, l *layout, qs, qe int) float64 {
	if o.pinned > 0 {
		return o.pinned
	}
	if o.start < qe && o.end > qs {
		return 0 // the word is part of the figure itself (亿元)
	}
	if l.excluded(o.start, o.end) {
		return 0 // 公路通车里程（不含高速公路）16546公里 is not of 高速公路
	}
	var breaks []int
	if l != nil {
		breaks = l.breaks
	}
	co, cq := o.clause1-1, clauseOf(breaks, qs)
	if o.clause1 == 0 {
		co = clauseOf(breaks, o.start)
	}
	if co == cq {
		var dist int
		after := o.start >= qe
		if after {
			dist = (o.start - qe - l.asideBytes(qe, o.start)) / 3
		} else {
			to := qs
			if a := l.asideOpening(qs); a >= o.end {
				// 上限15.53亿元（一般债券14.41亿元，…）: the words before a
				// breakdown are as near its figures as the total's.
				to = a
			}
			dist = (to - o.end - l.asideBytes(o.end, to) - l.fromToBytes(o.end, to)) / 3
		}
		p := 1.0
		if dist > 4 {
			p = math.Max(0.55, 1-float64(dist-4)*0.025)
		}
		if after && !(l != nil && l.usedFor(qe, o.start)) {
			// What the money is for (119.05亿元用于教育) is no afterthought.
			p *= 0.85
			if l.joinedApart(qe, o.start) {
				p *= 0.7
			}
			if l.shareBetween(qe, o.start) {
				// 一般公共预算总收入250155万元（占地区生产总值13.1%）: the
				// base of a share after the figure is not what it counts.
				p *= 0.2
			}
			if l.leadsNextItem(qe, o.start, o.end) {
				// 基本建成470万套、新开工630万套: 新开工 is the next
				// item's, not this figure's.
				p *= 0.2
			}
		} else if l.joined(o.end, qs) {
			if l.goesOnTo(o.end, qs) {
				// The subject of the clause, whose change goes on after
				// the join: as if beside it.
				return math.Max(p, 0.85)
			}
			p *= 0.7
		}
		return p
	}
	d := co - cq
	if d < 0 && l != nil {
		if l.shareBetween(clauseStart(l, o.start), o.start) {
			// （占地区生产总值13.1%，…比上年增收67155万元: the base of an
			// earlier share sets no topic.
			return 0.1
		}
	}
	if d < 0 && l != nil && cq < len(l.continues) {
		// 地区生产总值4770.9亿元，比上年增长5.6%: the change is the
		// subject's, as if in its clause.
		k := cq
		for k > co && l.continues[k] {
			k--
		}
		if k == co {
			return 0.85
		}
	}
	if d < 0 && l != nil && o.part < 0 && l.sharedSubject(o, co, cq) {
		// 区属国企合计资产总额1,132.92亿元、同比增长3.56%；实现营业收入
		// 24.91亿元、同比增长26.38%: the subject of the first item is
		// that of the items after its semicolons (a word asked whole: a
		// part of one, 收入 of 旅游总收入, is no subject asked).
		return 0.85
	}
	if d < 0 {
		// An earlier clause sets the topic of the sentence for the
		// figures that follow ("工程设计与建造产业……，综合收入突破590亿元").
		d = -d
		if co == 0 {
			if l != nil && l.topic {
				return 0.85
			}
			return 0.5
		}
		return math.Max(0.3, 0.5-0.05*float64(d-1))
	}
	if d == 1 && l != nil && co < len(l.purpose) && l.purpose[co] {
		// 拨付37亿元，支持优化教育资源配置: what the money is for.
		return 0.75
	}
	if l != nil && l.partsAfter(qe, o.start) {
		// 公路通车里程…176万公里，其中高速公路…: a part of the figure's
		// whole, named after it, is not what the figure counts.
		return 0.05
	}
	// Words in a later clause seldom describe an earlier figure.
	return 0.3 / float64(d)
}

// sharedSubject reports whether occurrence o, in clause co, stands before
// the first figure of the sentence's first clause of words (a time alone,
// 截至目前, goes before it), and only items cut at semicolons, each opening
// with a verb at most, lie between it and clause cq: it is the subject of
// them all.
func (l *layout) sharedSubject(o occurrence, co, cq int) bool {
	if co != l.lead || co >= len(l.breaks) || cq > len(l.breaks) {
		return false
	}
	if k := sort.SearchInts(l.digits, o.end); k >= len(l.digits) || l.digits[k] >= l.breaks[co] {
		return false // no figure after the word in its clause
	}
	for c := co; c < cq; c++ {
		if !l.verbItems[c] {
			return false
		}
	}
	return true
}

// reUpToNow is a clause of the time up to now alone: 截至目前, 今年以来 (a
// year or 全年 alone is reTimeOnly's).
var reUpToNow = rx.MustCompile(`^(?:(?:截至|截止)?(?:目前|当前)|(?:今年|年初|(?:19|20)\d{2}\s*年)以来)$`)

// reBackRef is a clause that opens by naming an aspect of the subject
// before it: 全区GDP同比增长8.5%，增速连续三年…第一；总量跃升到5202.01亿元.
var reBackRef = rx.MustCompile(`^\s*(?:总量|总额|总规模|增速|增幅)`)

// reVerbLed is an item that opens with a verb of attainment before what it
// counts: 实现营业收入…, 完成投资…, 累计….
var reVerbLed = rx.MustCompile(`^\s*(?:实现|完成|达到|累计|共|新增|全年|上缴|缴纳|获得|取得|带动|吸引|引进|签约|落地)`)

// shareBetween reports whether a 占 of a share stands between a and b.
func (l *layout) shareBetween(a, b int) bool {
	if l == nil {
		return false
	}
	k := sort.SearchInts(l.shares, a)
	return k < len(l.shares) && l.shares[k] < b
}

// partsAfter reports whether a 其中 (of which) stands between a and b.
func (l *layout) partsAfter(a, b int) bool {
	k := sort.SearchInts(l.parts, a)
	return k < len(l.parts) && l.parts[k] < b
}

// span is a byte range of a sentence.
type span struct{ start, end int }

// reTimeOnly is a clause of a time alone: 2000年, 去年, 2024年末.
var reTimeOnly = rx.MustCompile(`^(?:(?:19|20)\d{2}\s*年(?:末|底)?|[０-９]{4}年(?:末|底)?|去年|今年|上年|全年|年末|年底)$`)

// respectively pairs the figures of a "分别" list with the items they
// belong to, in order: 城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内,
// or 接待游客17.52亿人次、旅游花费1.27万亿元，分别增长32.9%、41.6%. It
// returns, per figure start, the items of the list and the figure's index.
func respectively(text string, l *layout, figs []Quantity) map[int]listPlace {
	var out map[int]listPlace
	var last []span // the items of the sentence's last list
	lastEnd := 0    // where the clause of the last list ends
	for from := 0; ; {
		k := strings.Index(text[from:], "分别")
		if k < 0 {
			break
		}
		p := from + k
		from = p + len("分别")
		cs, ce, prev := 0, len(text), -1
		c := clauseOf(l.breaks, p)
		if c > 0 {
			prev = l.breaks[c-1]
			_, n := utf8.DecodeRuneInString(text[prev:])
			cs = prev + n
		}
		if c < len(l.breaks) {
			ce = l.breaks[c]
		}
		var list []Quantity
		for _, f := range figs {
			if f.Start > p && f.Start < ce {
				list = append(list, f)
			}
		}
		if len(list) < 2 {
			continue
		}
		items := splitItems(text, cs, p, false)
		if n := len(items); n >= 2 && len(list) > n && len(list)%n == 0 {
			// 分别由600元、1000元提高到1000元、1500元: a set of figures
			// for the items before the change, another after it.
			if out == nil {
				out = map[int]listPlace{}
			}
			for i, f := range list {
				out[f.Start] = listPlace{text: text, items: items, index: i % n, head: list[0]}
			}
			continue
		}
		if len(items) != len(list) && len(items) <= 1 && len(last) == len(list) {
			// 战略性新兴产业、高新技术产业、装备制造业增加值分别增长20.6%、
			// 16.9%、17.3%，占规模以上工业比重分别为27.1%、40.5%、30.9%:
			// a second list of the same items, which it does not repeat.
			items = last
		}
		if lead := strings.TrimSpace(text[cs:p]); len(items) != len(list) && prev >= 0 && (lead == "" || reTimeOnly.MatchString(lead)) {
			// 农村居民人均纯收入和城镇居民人均可支配收入，2000年分别达到
			// 2253元和6280元: the items are the clause before the year;
			// so too before a 分别 that opens its clause (…地方财政一般预算
			// 收入和全口径财政收入跃上新台阶，分别为4050亿元、…和3507亿元).
			ps := 0
			if c > 1 {
				ps = l.breaks[c-2]
				_, n := utf8.DecodeRuneInString(text[ps:])
				ps += n
			}
			if before := splitItems(text, ps, prev, false); len(before) == len(list) {
				items = before
			}
		}
		if len(items) != len(list) {
			// The items stand in the clauses before, each with its figure.
			if n := utf8.RuneCountInString(strings.TrimSpace(text[cs:p])); n > 2 || prev < 0 {
				continue
			}
			all := splitItems(text, 0, prev, true)
			if len(all) < len(list) {
				continue
			}
			items = all[len(all)-len(list):]
			ok := true
			for _, it := range items {
				has := false
				for _, f := range figs {
					has = has || f.Start >= it.start && f.End <= it.end
				}
				ok = ok && has
			}
			if !ok {
				continue
			}
		}
		if out == nil {
			out = map[int]listPlace{}
		}
		for i, f := range list {
			out[f.Start] = listPlace{text: text, items: items, index: i, head: list[0]}
		}
		last = items
		lastEnd = ce
	}
	// 农村居民人均纯收入和城镇居民人均可支配收入，2000年分别达到2253元和
	// 6280元，平均每年实际增长4.7％和5.7％: figures joined in a later
	// clause, as many as the items, are the same items' again.
	if last == nil {
		return out
	}
	for c := clauseOf(l.breaks, lastEnd); c <= len(l.breaks); c++ {
		cs, ce := 0, len(text)
		if c > 0 {
			cs = l.breaks[c-1]
		}
		if c < len(l.breaks) {
			ce = l.breaks[c]
		}
		if cs < lastEnd {
			continue
		}
		var group []Quantity
		for _, f := range figs {
			if f.Start > cs && f.Start < ce {
				group = append(group, f)
			}
		}
		joined := len(group) == len(last)
		for i := 1; joined && i < len(group); i++ {
			joined = isJoin(text[group[i-1].End:group[i].Start])
		}
		if !joined || strings.Contains(text[cs:ce], "分别") || hasAny(text[cs:group[0].Start], []string{"、", "和"}) {
			break
		}
		for i, f := range group {
			if _, done := out[f.Start]; !done {
				out[f.Start] = listPlace{text: text, items: last, index: i, head: group[0]}
			}
		}
	}
	return out
}

var reSectors = rx.MustCompile(`三次产业|一二三产|一、二、三产|第一、二、三产业|一二三次产业`)

// sectorLists finds the figures of the three sectors listed in order after
// 分别 (三次产业增加值分别增长3.5%、6%、5%): figure start → 1, 2 or 3.
func sectorLists(text string, l *layout, figs []Quantity) map[int]int {
	var out map[int]int
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
		if !reSectors.MatchString(text[cs:p]) {
			// 三次产业结构比为20.2:17.3:62.5，对经济增长的贡献率分别为
			// 16.5%、22.2%、61.3%: a clause before names the three,
			// this one no items of its own.
			if c == 0 || hasAny(text[cs:p], []string{"、", "和", "与", "及"}) || !reSectors.MatchString(text[:cs]) {
				continue
			}
		}
		var list []Quantity
		for _, f := range figs {
			if f.Start > p && f.Start < ce {
				list = append(list, f)
			}
		}
		if len(list) != 3 {
			continue
		}
		if out == nil {
			out = map[int]int{}
		}
		for i, f := range list {
			out[f.Start] = i + 1
		}
	}
}

var reSectorRatio = rx.MustCompile(`(三次产业|一二三产业?|产业)的?(结构|比例|比重|之比)`)

// reRatioTriple is a ratio of three terms: 40.7:14.5:44.8.
var reRatioTriple = rx.MustCompile(`(\d+(?:\.\d+)?)\s*[:：∶]\s*(\d+(?:\.\d+)?)\s*[:：∶]\s*(\d+(?:\.\d+)?)`)

// sectorRatios finds 三次产业结构为7.6:44.8:47.6: the whole ratio as one
// figure of unit ":", and each sector's share as a figure in %, in order;
// so too every ratio of three after the structure is named (三次产业结构比
// 由2006年的40.7:14.5:44.8调整到2007年的40.1:16.9:43).
func sectorRatios(text string) (whole, parts []Quantity) {
	if !strings.ContainsAny(text, ":：∶") {
		return nil, nil // the regexp tries every byte of a sentence
	}
	named := reSectorRatio.FindStringSubmatchIndex(text)
	if named == nil {
		return nil, nil
	}
	for _, m := range reRatioTriple.FindAllStringSubmatchIndex(text[named[2]:], -1) {
		for k := range m {
			m[k] += named[2]
		}
		w := Quantity{Text: text[m[2]:m[7]], Start: m[2], End: m[7], Prefix: m[2], Unit: ":", Scale: 1}
		w.Value, _ = strconv.ParseFloat(text[m[2]:m[3]], 64)
		w.Max = w.Value
		whole = append(whole, w)
		for g := 2; g <= 6; g += 2 {
			v, err := strconv.ParseFloat(text[m[g]:m[g+1]], 64)
			if err != nil {
				continue
			}
			parts = append(parts, Quantity{Text: text[m[g]:m[g+1]], Value: v, Max: v, Unit: "%", Scale: 1, Start: m[g], End: m[g+1], Prefix: m[g]})
		}
	}
	return whole, parts
}

// asksStructure reports whether the question asks for a structure or
// ratio as such (三次产业结构是多少), not one sector's part of it.
func asksStructure(q *Question) bool {
	if askedSector(q).sector != 0 {
		return false // 一产在三次产业结构里占多少: one sector's share
	}
	for _, c := range q.Concepts {
		if strings.Contains(c.Word, "结构") || strings.Contains(c.Word, "比例") {
			return true
		}
	}
	return false
}

// sectorAsk is the sector a question names and the concept that names it.
type sectorAsk struct{ sector, concept int }

var sectorWords = []struct {
	word   string
	sector int
}{{"第一产业", 1}, {"一产", 1}, {"第二产业", 2}, {"二产", 2}, {"第三产业", 3}, {"三产", 3}, {"服务业", 3}}

// askedSector returns the sector the question asks about, concept -1 if none.
func askedSector(q *Question) sectorAsk {
	for ci, c := range q.Concepts {
		for _, w := range sectorWords {
			if strings.Contains(c.Word, w.word) {
				return sectorAsk{w.sector, ci}
			}
		}
	}
	return sectorAsk{0, -1}
}

// listHead returns the first figure of the list f stands in (a 分别 list
// or the parts of a contraction), or f: the words before the list are its
// every figure's (城乡最低生活保障标准分别提高到每人每年7680元、5652元: both
// per person).
func (fi *figureInfo) listHead(f Quantity) Quantity {
	if lp, ok := fi.lists[f.Start]; ok {
		return lp.head
	}
	if ct, ok := fi.contracts[f.Start]; ok {
		return ct.head
	}
	return f
}

// listPlace is a figure's place in a "分别" list.
type listPlace struct {
	text  string // the sentence the items are spans of
	items []span
	index int
	// head is the list's first figure: the words before the list are as
	// near each of its figures as they are to the first (全年中央财政用于
	// 科技、教育、卫生和文化事业的支出分别为774亿元、536亿元、138亿元…).
	head Quantity
}

// pin ties the occurrences inside the list's items to the figure: fully
// for its own item, hardly for the others.
//
// The words after the last item's own may be the head of all of them:
// 城乡居民基本养老保险、城乡居民基本医疗保险补助水平分别提高至331元/人/月、
// 700元/人/年 gives both 补助水平. A concept found in the last item alone
// is read so when another of the question's concepts names the figure's
// own item and not the last.
func (lp listPlace) pin(occ [][]occurrence) [][]occurrence {
	in := func(o occurrence, i int) bool { return o.start >= lp.items[i].start && o.end <= lp.items[i].end }
	// 市民服务热线诉求解决率、满意率: the first item's lead is every item's,
	// and the last item's word is its own, no shared tail.
	lead := lp.sharedLead()
	last := len(lp.items) - 1
	ownNamed := false // a concept found in the figure's own item, not in the last
	for _, os := range occ {
		own, inLast := false, false
		for _, o := range os {
			if o.part >= 0 {
				continue // a part of the word (城乡居民 of 城乡居民基本养老保险) tells no item
			}
			own = own || lp.index != last && in(o, lp.index)
			inLast = inLast || in(o, last)
		}
		ownNamed = ownNamed || own && !inLast
	}
	out := make([][]occurrence, len(occ))
	for ci, os := range occ {
		shared := ownNamed && lead < 0
		for _, o := range os {
			for i := range lp.items {
				if i != last && in(o, i) {
					shared = false // named by an item of its own
				}
			}
		}
		out[ci] = make([]occurrence, len(os))
		for k, o := range os {
			for i := range lp.items {
				if in(o, i) {
					if i == lp.index || shared && i == last || i == 0 && o.end <= lead {
						o.pinned = 1
					} else {
						o.pinned = 0.15
					}
				}
			}
			out[ci][k] = o
		}
	}
	return out
}

// sharedLead returns where the words the first item shares with the
// others end, or -1: when every later item is short (five characters at
// most, 满意率) and the first is long (市民服务热线诉求解决率), what stands
// before the first item's own head is every item's.
func (lp listPlace) sharedLead() int {
	if len(lp.items) < 2 {
		return -1
	}
	if n := lp.levelLead(); n > 0 {
		return lp.items[0].start + n
	}
	own := 0
	for _, it := range lp.items[1:] {
		n := it.end - it.start
		if n <= 0 || n > 15 {
			return -1
		}
		own = max(own, n)
	}
	first := lp.items[0]
	if first.end-first.start < 2*own+6 {
		return -1
	}
	return first.end - own
}

// leadLevels are level words a list's first item may open with for all
// its items (国家级制造业单项冠军、专精特新“小巨人”).
var leadLevels = []string{"国家级", "省级", "市级", "自治区级", "国家", "全国"}

// levelLead returns the length of the level word the first item opens with
// when no other item names a level, or 0. It needs the items' text, which
// the list keeps as text.
func (lp listPlace) levelLead() int {
	if lp.text == "" {
		return 0
	}
	first := lp.text[lp.items[0].start:lp.items[0].end]
	for _, w := range leadLevels {
		if !strings.HasPrefix(first, w) {
			continue
		}
		for _, it := range lp.items[1:] {
			if hasAny(lp.text[it.start:it.end], leadLevels) {
				return 0
			}
		}
		return len(w)
	}
	return 0
}

// splitItems splits text[start:end) at 、 and 和 (and at clause breaks
// when clausesToo), dropping empty items.
func splitItems(text string, start, end int, clausesToo bool) []span {
	var out []span
	at := start
	add := func(i int) {
		if strings.TrimSpace(text[at:i]) != "" {
			out = append(out, span{at, i})
		}
	}
	for i, r := range text[start:end] {
		i += start
		sep := r == '、' || r == '和' || r == '及' || r == '与'
		if clausesToo {
			sep = sep || (r == '，' || r == ',') && !thousandsComma(text, i) || r == '；'
		}
		if sep {
			add(i)
			at = i + len(string(r))
		}
	}
	add(end)
	if !clausesToo && len(out) >= 2 {
		trimLead(text, &out[0], out[1:])
	}
	return out
}

// clauseFigures returns clause c of text, [cs, ce) after its break, and
// the figures wholly inside it.
func clauseFigures(text string, l *layout, figs []Quantity, c int) (cs, ce int, group []Quantity) {
	cs, ce = 0, len(text)
	if c > 0 {
		_, n := utf8.DecodeRuneInString(text[l.breaks[c-1]:])
		cs = l.breaks[c-1] + n
	}
	if c < len(l.breaks) {
		ce = l.breaks[c]
	}
	for _, f := range figs {
		if f.Start >= cs && f.End <= ce {
			group = append(group, f)
		}
	}
	return cs, ce, group
}

// allJoined reports whether each figure of group follows the one before
// it across a join alone (、 or 和).
func allJoined(text string, group []Quantity) bool {
	for i := 1; i < len(group); i++ {
		if !isJoin(text[group[i-1].End:group[i].Start]) {
			return false
		}
	}
	return true
}

// joinedLists adds to lists the lists said without 分别: the items of a
// clause joined by 和 or 、, then as many figures joined the same way
// (城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4％和11.4％).
func joinedLists(text string, l *layout, figs []Quantity, lists map[int]listPlace) map[int]listPlace {
	for c := 0; c <= len(l.breaks); c++ {
		cs, ce, group := clauseFigures(text, l, figs, c)
		if len(group) < 2 || strings.Contains(text[cs:ce], "分别") {
			continue
		}
		if _, done := lists[group[0].Start]; done {
			continue
		}
		if !allJoined(text, group) {
			continue
		}
		items := splitItems(text, cs, group[0].Prefix, false)
		if len(items) != len(group) || slices.ContainsFunc(items, func(it span) bool {
			return utf8.RuneCountInString(strings.TrimSpace(text[it.start:it.end])) < 2
		}) {
			continue
		}
		if lists == nil {
			lists = map[int]listPlace{}
		}
		for i, f := range group {
			lists[f.Start] = listPlace{text: text, items: items, index: i, head: group[0]}
		}
	}
	return lists
}

// sharedTail finds the concepts whose word is the figure's own item and
// the tail its list shares, written once after the last item (卫生事业 of
// 科技、教育、卫生和文化事业的支出分别为…: 卫生 and 事业), and gives each an
// occurrence of the whole word on the item, tied to the figure. occ are
// the pinned occurrences, one slice per concept, which it extends.
func (lp listPlace) sharedTail(q *Question, text string, occ [][]occurrence) {
	last := len(lp.items) - 1
	if lp.index == last {
		return
	}
	own := strings.TrimSpace(text[lp.items[lp.index].start:lp.items[lp.index].end])
	lastItem := text[lp.items[last].start:lp.items[last].end]
	if own == "" {
		return
	}
	for ci, c := range q.Concepts {
		w := c.Word
		rest, ok := strings.CutPrefix(w, own)
		if !ok || utf8.RuneCountInString(rest) < 1 || c.Aspect {
			continue
		}
		// The tail stands after the last item's own words, at least one
		// character in.
		_, n := utf8.DecodeRuneInString(lastItem)
		if k := strings.Index(lastItem[n:], rest); k < 0 {
			continue
		}
		it := lp.items[lp.index]
		occ[ci] = append(occ[ci], occurrence{start: it.start, end: it.end, factor: 1, text: w, part: -1, pinned: 1})
	}
}

// asksSomeOf reports whether the question names the modifier mod or two
// characters of it together (农民工 of 清付农民工).
func asksSomeOf(q *Question, mod string) bool {
	if asksModifier(q, mod) {
		return true
	}
	r := []rune(mod)
	for i := 0; i+2 <= len(r); i++ {
		if strings.Contains(q.Norm, string(r[i:i+2])) {
			return true
		}
	}
	return false
}

// partModifier returns the words between 其中 and a word at the end of
// before (发明 of 其中发明专利, 其中，发明专利): the modifier that makes
// the word a part of the whole before it; "" when there is none.
func partModifier(before string) string {
	k := strings.LastIndexAny(before, "，,；;。：:")
	mod, pre := before, ""
	if k >= 0 {
		_, n := utf8.DecodeRuneInString(before[k:])
		mod, pre = before[k+n:], before[:k]
	}
	switch {
	case strings.HasPrefix(mod, "其中"):
		mod = mod[len("其中"):]
	case strings.HasSuffix(pre, "其中"):
	default:
		return ""
	}
	if n := utf8.RuneCountInString(mod); n == 0 || n > 6 || !isHanString(mod) {
		return ""
	}
	return mod
}

// placeKinds name kinds of places a figure may count.
var placeKinds = []string{"沿海港口城市", "港口城市", "城市", "县", "市", "区", "省", "地区", "国家", "乡镇", "村"}

// countsPlaces reports whether f counts the places listed before it
// (大连、秦皇岛、…等十四个沿海港口城市): they are its items, not another
// place's.
func countsPlaces(text string, f Quantity) bool {
	before := strings.TrimRight(text[:f.Prefix], " ")
	if !strings.HasSuffix(before, "等") && !strings.HasSuffix(before, "这") {
		return false
	}
	after := strings.TrimLeft(text[f.End:], " ")
	for _, w := range []string{"沿海", "中心", "重点", "边境", "开放"} {
		after = strings.TrimPrefix(after, w)
	}
	return hasPrefixAny(after, placeKinds) != ""
}

// leadVerbs introduce the items of a list inside its first one: 全年中央
// 财政用于科技、教育、卫生和文化事业的支出分别为… lists 科技, not all
// before it.
var leadVerbs = []string{"用于", "用在", "投向", "对", "为", "在", "给", "向", "包括", "其中"}

// trimLead starts the first item of a list after the last verb that
// introduces the items, when it is longer than any of the others.
func trimLead(text string, first *span, rest []span) {
	longest := 0
	for _, it := range rest {
		longest = max(longest, utf8.RuneCountInString(text[it.start:it.end]))
	}
	item := text[first.start:first.end]
	if utf8.RuneCountInString(item) <= longest {
		return
	}
	cut := -1
	for _, v := range leadVerbs {
		if k := strings.LastIndex(item, v); k >= 0 && k+len(v) < len(item) && k+len(v) > cut {
			cut = k + len(v)
		}
	}
	// 城市环境空气中可吸入颗粒物（PM10）和细颗粒物（PM2.5）: 中 after a
	// noun (in the air) sets off the lead, unless it opens a word (中心,
	// 中小企业).
	if k := strings.LastIndex(item, "中"); k > 0 && utf8.RuneCountInString(item[:k]) >= 2 && k+len("中") > cut && k+len("中") < len(item) {
		before, _ := utf8.DecodeLastRuneInString(item[:k])
		after, _ := utf8.DecodeRuneInString(item[k+len("中"):])
		if isHan(before) && isHan(after) && !strings.ContainsRune(zhongWords, after) && !strings.ContainsRune("其当之集空", before) {
			cut = k + len("中")
		}
	}
	if cut > 0 {
		first.start += cut
	}
}

// zhongWords are the characters that make a word with 中 before them
// (中心, 中小, 中央): a 中 followed by one does not set off a lead.
const zhongWords = "心小央国学级期等型部药医外欧东亚华共老青止断标介秋转成层高低职专文西南北方间原式资"

// match is how well a question's concepts are found around a figure.
type match struct {
	coverage float64  // weighted share of all concepts
	core     float64  // weighted share of the subject concepts
	top      float64  // how well the weightiest subject concept is found
	matched  []string // words found
}

// unaskedPart returns the byte of the 其中 (of which) that opens the part
// of a whole the figure at [qs, qe) stands in, when the figure's clause
// names none of the question's concepts whole after it (其中户籍人口…
// 108.48万人, asked 实有人口); -1 otherwise (其中，…专项债务485.5亿元,
// asked 专项债务余额: the part asked).
func unaskedPart(q *Question, occ [][]occurrence, l *layout, qs, qe int) int {
	if l == nil || len(l.parts) == 0 {
		return -1
	}
	k := sort.SearchInts(l.parts, qs)
	if k == 0 {
		return -1
	}
	at := l.parts[k-1]
	for _, a := range l.asides {
		if a[0] <= at && at < a[1] && a[1] <= qs {
			return -1 // 财政收入80.04万元（其中：增值税…），比上年增长6.39%
		}
	}
	if qs <= len(l.text) && strings.Contains(l.text[at:qs], "分别") {
		return -1 // 其中出口2492亿美元，分别比1995年增长67%和…: the whole's too
	}
	if partAsked(q, l.text[at:qs]) {
		return -1 // 其中第四季度增长38%, asked 第四季度
	}
	end := math.MaxInt
	if c := clauseOf(l.breaks, qs); c < len(l.breaks) {
		end = l.breaks[c]
	}
	for ci, c := range q.Concepts {
		if c.Aspect {
			continue
		}
		for _, o := range occ[ci] {
			if o.part < 0 && o.start > at && o.start < end {
				return -1
			}
		}
	}
	return at
}

// partAsked reports whether the two characters that open a part (第四 of
// 其中第四季度增长38%, 市本 of 其中市本级完成2.4亿元) stand in the question.
func partAsked(q *Question, part string) bool {
	part = strings.TrimLeft(strings.TrimPrefix(part, "其中"), "：:，, ")
	n, end := 0, len(part)
	for i, r := range part {
		if !isHan(r) || n == 2 {
			end = i
			break
		}
		n++
	}
	return n == 2 && strings.Contains(q.Norm, part[:end])
}

// measure finds how well the concepts stand around the figure at [qs, qe):
// their occurrences weighed by proximity (see layout), context the credit
// per concept from headings (contextMatches), partCtx the credit per part
// of a concept's word from headings (partContexts; nil for none).
func measure(q *Question, occ [][]occurrence, l *layout, qs, qe int, context []float64, partCtx [][]float64) match {
	var m match
	var sum, got, coreSum, coreGot, topW float64
	// A question of verbs only (集中安置了多少人) has them for its subject.
	allAspect := true
	for _, c := range q.Concepts {
		allAspect = allAspect && c.Aspect
	}
	part := unaskedPart(q, occ, l, qs, qe)
	for ci, c := range q.Concepts {
		best, bestText := 0.0, ""
		var parts []float64 // per part of the word: how well it is found
		for _, o := range occ[ci] {
			v := o.factor * proximity(o, l, qs, qe)
			if part >= 0 && o.end <= part {
				// 实有人口…总量达537.32万，其中户籍人口…达到108.48万人:
				// the figure counts a part of what the words before 其中
				// name.
				v = math.Min(v, 0.1)
			}
			if o.part >= 0 {
				if parts == nil {
					parts = make([]float64, len(c.Parts))
				}
				parts[o.part] = math.Max(parts[o.part], v)
				continue
			}
			if v > best {
				best, bestText = v, o.text
			}
		}
		// The parts of the word found apart (粮食…总产 for 粮食总产) stand
		// for it as far as they go, the rarer parts counting more: 项目
		// alone says little of 技改项目. A part the heading holds counts
		// as context does (收入318.1亿元 under 一般公共预算).
		if partCtx != nil && partCtx[ci] != nil {
			if parts == nil {
				parts = make([]float64, len(c.Parts))
			}
			for k, v := range partCtx[ci] {
				if k < len(parts) {
					parts[k] = math.Max(parts[k], v)
				}
			}
		}
		if parts != nil {
			var sum, wsum float64
			dict := 0.0 // how well the best dictionary part is found
			for k, v := range parts {
				if k >= len(c.looseParts) || !c.looseParts[k] {
					dict = math.Max(dict, v)
				}
			}
			for k, v := range parts {
				if k < len(c.looseParts) && c.looseParts[k] {
					v = math.Min(v, dict)
				}
				w := partWeight(c, k)
				sum += w * v
				wsum += w
			}
			if v := 0.85 * sum / wsum; v > best {
				best, bestText = v, c.Word
			}
		}
		if context != nil && context[ci] > best {
			best, bestText = context[ci], c.Word
		}
		sum += c.Weight
		got += c.Weight * best
		if !c.Aspect || allAspect {
			coreSum += c.Weight
			coreGot += c.Weight * best
			if c.Weight > topW {
				topW = c.Weight
				m.top = best
			}
		}
		if best > 0.2 && bestText != "" {
			m.matched = append(m.matched, bestText)
		}
	}
	if sum > 0 {
		m.coverage = got / sum
	}
	if coreSum > 0 {
		m.core = coreGot / coreSum
	}
	return m
}

// givenIn reports whether the question itself states the figure, with its
// unit (6个 of 萍乡6个工业园区里投产的工业企业有多少家): what it gives is
// not what it asks.
func givenIn(q *Question, f Quantity) bool {
	if f.Unit == "" || q.Lang != "zh" {
		return false
	}
	k := strings.Index(q.Norm, f.Text)
	if k < 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(q.Norm[:k])
	return k == 0 || !unicode.IsDigit(r) && r != '.'
}

// reDuration is a span of years or months counted (三年, 5个月), which
// answers how long, not how much.
var reDuration = rx.MustCompile(`^[一二两三四五六七八九十百0-9０-９]+(?:个)?(?:年|月)$`)

// perHeadMoneyMax is more money than any sum per person or thing a report
// gives (人均地区生产总值 is some 10万元; 亿元 are aggregates).
const perHeadMoneyMax = 1e8

// unitFit tells how well a figure's unit fits what the question asks for;
// 0 rules the figure out.
// counterGroups are classifiers that count the same things in speech and
// in reports: trains run 趟 or 列, schools stand 所 or 座.
var counterGroups = [][]string{{"趟", "列", "班", "班次", "车次"}, {"座", "所", "处"}, {"台", "套", "部"}, {"辆", "台"}}

// sameCounter reports whether classifiers a and b, not the same, count
// the same things (see counterGroups).
func sameCounter(a, b string) bool {
	if a == b {
		return false
	}
	for _, g := range counterGroups {
		if slices.Contains(g, a) && slices.Contains(g, b) {
			return true
		}
	}
	return false
}

// currencyOf returns the currency of a unit of money, in its canonical
// form (see units): 美元 of 美元, 元 of 元/人.
func currencyOf(unit string) string {
	c, _, _ := strings.Cut(unit, "/")
	return c
}

func unitFit(q *Question, f Quantity) float64 {
	fc := f.Class()
	if q.PerUnit && fc == "money" && f.Unit == "元" && f.Value >= perHeadMoneyMax {
		// 人均地区生产总值 is never 23562亿元: a sum per person or thing
		// is no aggregate.
		return 0.05
	}
	if q.Scale >= 1e4 && (f.Unit == "%" || f.Unit == "‰" || f.Unit == "百分点") {
		return 0.1 // 有多少万 asks a magnitude, which no rate answers
	}
	switch {
	case q.Unit != "" && !q.UnitSoft:
		switch {
		case f.Unit == q.Unit:
			return 1
		case q.Unit == "个" && strings.HasSuffix(f.Unit, "次"):
			return 0 // 4928架次 counts flights, not airports
		case sameCounter(q.Unit, f.Unit):
			return 0.95 // 开了多少趟 is 开行1002列
		case q.Unit == "倍" && (f.Unit == "" || f.Unit == ":"):
			return 0.9 // 缩到几倍: a ratio is written bare (由3.27缩小至2.93, 2.31:1)
		case q.Unit == "个" && (fc == "count" || fc == "household"):
			return 0.9
		case q.Unit == "个" && fc == "people":
			// 多少个就业岗位: 2915人 — 个 counts people too, in speech.
			return 0.5
		case f.Unit == "个" && UnitClass(q.Unit) == "count":
			// 个 counts anything: 医院186个 answers 多少家医院, where
			// another classifier counts another thing (床位5.46万张).
			return 0.9
		case fc == "time" && f.Unit != q.Unit:
			return 0 // 多少天 is not answered by 五年
		case fc == "money" && UnitClass(q.Unit) == "money" && currencyOf(f.Unit) != currencyOf(q.Unit):
			return 0.2 // 按美元算 is not 84439元
		case fc == UnitClass(q.Unit) && fc != "":
			return 0.7
		case q.Unit == "人" && fc == "household":
			return 0.5
		case q.Unit == "家" && f.Unit == "户" || q.Unit == "户" && f.Unit == "家":
			// 规上工业企业多少家: 3382户 — 户 counts firms as well as
			// homes, and 家 firms.
			return 0.8
		case fc == "" && f.Scale >= 1e4 && UnitClass(q.Unit) == "money":
			// 年末滚存结余141.88亿: 亿 alone, the 元 left to the reader.
			return 0.6
		case fc == "" && f.Scale >= 1e4 && (UnitClass(q.Unit) == "people" || UnitClass(q.Unit) == "household"):
			// 33万贫困人口脱贫: the people counted are named after the figure.
			return 0.6
		}
		return 0
	case q.Unit != "":
		switch {
		case f.Unit == q.Unit:
			return 1
		case fc == "time" && UnitClass(q.Unit) == "time":
			return 0.1 // days are not years
		case sameCounter(q.Unit, f.Unit):
			return 0.95
		case f.Unit == "个" && UnitClass(q.Unit) == "count":
			// As above: 医院105个 answers how many hospitals, where
			// another classifier counts another thing (医院2.71万张).
			return 0.9
		case fc == q.Class:
			return 0.85
		case fc == q.Class2 && fc != "":
			return 0.8
		case fc == "" && f.Scale >= 1e4 && (q.Class == "people" || q.Class == "count" || q.Class == "household"):
			// 再扫除350万青壮年文盲: the people counted are named after
			// the figure, as with a class asked (below).
			return 0.75
		case fc == "":
			return 0.2
		}
		return 0.1
	case q.Class != "":
		switch {
		case fc == q.Class:
			return 1
		case fc == q.Class2 && fc != "":
			return 0.9
		case fc == "" && q.Class == "ratio":
			return 0.9
		case q.PerHead && (fc == "count" || fc == "people"):
			return 0.8 // 每千人口托位数达4.32个
		case fc == "" && q.Class == "percent":
			return 0.3
		case q.AsksChange && fc == "percent":
			// 糖料产量比1980年多出多少: a change asked with no unit is
			// answered by a rate as well as by an amount (增长10%以上).
			return 0.6
		case fc == "" && f.Scale >= 1e4 && (q.Class == "people" || q.Class == "count" || q.Class == "household" || q.Class == "money"):
			// "贫困人口减少1240万": the unit is in the subject.
			return 0.75
		case q.Class == "people" && fc == "household", q.Class == "household" && fc == "people":
			return 0.6
		case q.Class == "count" && (fc == "household" || fc == "people"):
			return 0.6
		case fc == "":
			return 0.2
		}
		return 0.05
	}
	switch fc {
	case "":
		if f.Scale >= 1e4 {
			// 再扫除350万青壮年文盲: a large count, what it counts
			// named after it.
			return 0.75
		}
		return 0.4
	case "time":
		if reDuration.MatchString(f.Text) {
			return 0.25 // 连续三年大增产: how long, not how much
		}
		return 0.5
	case "count", "people", "household":
		return 0.9
	}
	if q.Countable {
		return 0.35 // "how many" is not answered by 20亿吨 or 8亿元
	}
	return 0.9
}

var (
	reSentYear = rx.MustCompile(`((?:19|20)\d{2}|(?:１９|２０)[０-９]{2}|[一二][九〇零○][〇零○一二三四五六七八九]{2}|[12] [09] \d \d)\s*年`)
	planCues   = []string{"力争", "目标", "计划", "预期", "争取", "确保", "将", "拟", "要", "努力把", "努力使"}
	// reBudgetCue ends the words before a budgeted figure (年初预算合计
	// 1164078万元).
	reBudgetCue = rx.MustCompile(`(?:年初预算|预算数|预算安排|预算为|预算调整为|调整预算为|变动预算为)(?:数)?(?:合计|总计|总额|共)?(?:为|是)?\s*$`)
)

// openingPlanCues open a sentence that plans in all its clauses of
// change (reChangedTo).
var openingPlanCues = []string{"将", "拟", "计划", "力争", "争取"}

// reChangedTo is a level a change reaches: 提高到, 增加至.
var reChangedTo = rx.MustCompile(`(?:提高|增加|提升|调整|上调|下调|降低|扩大|增至|降至|提至|提到)(?:到|至)?\s*$|(?:提高|增加|提升|调整|上调|下调|降低|扩大)(?:到|至)`)

// planCueIn reports whether the plan cue w stands in s as a cue: 要 in 主要
// or 需要, 将 in 将近, and 争取 of money secured (累计争取地方政府债券127.46
// 亿元) are none; 争取 is a target's only before what is to be reached
// (争取实现增长6%).
func planCueIn(s, w string) bool {
	for from := 0; ; {
		k := strings.Index(s[from:], w)
		if k < 0 {
			return false
		}
		k += from
		before, after := s[:k], s[k+len(w):]
		from = k + len(w)
		switch w {
		case "要":
			if hasSuffixAny(before, []string{"主", "重", "需", "必", "只", "纲", "摘", "概", "提", "首"}) != "" || hasPrefixAny(after, []string{"素", "点", "件", "闻"}) != "" {
				continue
			}
		case "将":
			// 将近 is nearly; 将全市19.91万低收入对象纳入 puts a thing
			// somewhere (把), in no tense.
			if strings.HasPrefix(after, "近") || hasPrefixAny(after, []string{"全", "各", "所有", "其", "这", "该"}) != "" ||
				after != "" && after[0] >= '0' && after[0] <= '9' {
				continue
			}
		case "争取":
			if hasPrefixAny(after, []string{"实现", "达到", "增长", "完成", "突破", "超过", "提高", "控制", "在", "全年"}) == "" {
				continue
			}
		case "目标", "预期", "计划":
			// 超过预期目标, 完成年度计划: the target met or beaten, an
			// outcome.
			if outcomeOfTarget(before) {
				continue
			}
		}
		return true
	}
}

// outcomeOfTarget reports whether the words before a target's name say
// that it was met or beaten (超过, 完成, 实现, 好于), its modifiers (预期,
// 年度, 全年) aside.
func outcomeOfTarget(before string) bool {
	for {
		w := hasSuffixAny(before, targetModifiers)
		if w == "" {
			break
		}
		before = before[:len(before)-len(w)]
	}
	return hasSuffixAny(before, targetOutcomes) != ""
}

var (
	targetModifiers = []string{"预期", "年度", "全年", "计划", "预定", "既定", "原定", "的", "了", "各项", "主要"}
	targetOutcomes  = []string{"超过", "超额完成", "完成", "实现", "达到", "好于", "优于", "高于", "超出", "突破"}
)

// reBasisYear is a year named as the basis of a figure: 上年实际数额,
// 去年的基础, 2024年执行数.
var reBasisYear = rx.MustCompile(`^(?:上年|去年|前年|上一年|(?:19|20)\d{2}年|[０-９]{4}年|[一二][九〇零○][〇零○一二三四五六七八九]{2}年)(?:的)?(?:实际|执行|预算|决算|完成)?(?:数额|数|基数|水平|基础)`)

// ratioWord reports whether a 比 after before is a ratio's (三次产业结构比由
// 2006年的40.7:14.5:44.8…), no comparison.
func ratioWord(before string) bool {
	return strings.HasSuffix(before, "结构") || strings.HasSuffix(before, "之")
}

// isComparisonBase reports whether the year at byte at follows 比 or 较,
// or is what a figure is a multiple or share of (是2011年的1.76倍).
func isComparisonBase(text string, at int) bool {
	before := strings.TrimRight(text[:at], " ")
	if strings.HasSuffix(before, "比") || strings.HasSuffix(before, "较") || strings.HasSuffix(before, "比上年和") {
		return true
	}
	// 比五年计划原定１９５７年３，８５６亿斤的水平超过: a few words may
	// name the base's plan between 比 and its year.
	if k := strings.LastIndex(before, "比"); k >= 0 && len(before)-k <= 30 && reBaseNamed.MatchString(before[k:]) && !ratioWord(before[:k]) {
		return true
	}
	// 按不高于2019年支出控制数编制: the bound a figure is held to is a base
	// as well. (低于1985年增长44.6%的速度 compares with 1985's own figure,
	// which the year dates.)
	for _, w := range []string{"不高于", "不低于", "不超过", "不少于", "不多于"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	// 按上年实际数额核减２０％, 在上年基础上: the year of the basis a figure
	// is set against dates nothing.
	if (strings.HasSuffix(before, "按") || strings.HasSuffix(before, "按照") || strings.HasSuffix(before, "以") || strings.HasSuffix(before, "在")) &&
		reBasisYear.MatchString(text[at:]) {
		return true
	}
	// 与上年持平, 同上年相比, 和上年基本持平: a base too; so is 同一九四九年
	// 产量比较, a few words between the year and the comparison.
	if (strings.HasSuffix(before, "与") || strings.HasSuffix(before, "同") || strings.HasSuffix(before, "和") || strings.HasSuffix(before, "跟")) &&
		(reLevelWith.MatchString(text[at:]) || reBaseCompared.MatchString(text[at:])) {
		return true
	}
	// 按一九五七年不变价格计算: the year of the prices a figure is counted
	// in is a base as well.
	if rest := text[at:]; strings.Contains(rest[:min(len(rest), 40)], "价") {
		if i := strings.Index(rest, "年"); i > 0 && i <= 12 && rePriceBase.MatchString(rest[i+len("年"):]) {
			return true
		}
	}
	if strings.HasSuffix(before, "是") || strings.HasSuffix(before, "为") || strings.HasSuffix(before, "相当于") || strings.HasSuffix(before, "等于") || strings.HasSuffix(before, "等於") {
		rest := text[at:]
		i := strings.Index(rest, "年")
		return i > 0 && i <= 12 && strings.HasPrefix(rest[i+len("年"):], "的")
	}
	return false
}

// reBaseNamed ends the words before the year of a base named with a few
// words after 比 (比五年计划原定, 比计划规定的): no punctuation, figure,
// nor 比 of 比重 or 比例.
var reBaseNamed = rx.MustCompile(`比[^重例率较如赛，；。：:、,;0-9０-９\s][^，；。：:、,;0-9０-９比]{0,7}$`)

// reBaseCompared is a year compared against with a few words before the
// comparison: 一九四九年产量比较, 1978年的水平相比.
var reBaseCompared = rx.MustCompile(`^(?:\d{4}|[０-９]{4}|[一二][九〇零○][〇零○一二三四五六七八九]{2})年[^，,；;。：:0-9０-９]{0,8}?(?:相比|比较|比較|對比|对比)`)

// rePriceBase follows the year of the prices a figure is counted in:
// (按一九五二年)的不变价格, (按1990年)可比价.
var rePriceBase = rx.MustCompile(`^\s*的?(?:不变|可比|现行)?价`)

// reLevelWith follows the base of a comparison made with 与, 同 or 和: 上年
// 持平, 上年相比, 2024年基本持平, 与2020年比（下同）.
var reLevelWith = rx.MustCompile(`^(?:上年|去年|前年|上一年|(?:\d{4}|[０-９]{4}|[一二][九〇零○][〇零○一二三四五六七八九]{2})年)(?:同期)?(?:基本|大体)?(?:持平|相比|相当|一致|对比|比(?:较)?(?:[^重例率]|$))`)

// yearValue reads a year written in digits (2020, ２００１, 1 9 9 7) or in
// Chinese numerals digit by digit (一九五二); 0 when it is neither.
func yearValue(s string) int { return report.YearDigits(strings.ReplaceAll(s, " ", "")) }

// maxPeriodContext is how many bytes before a figure period reads.
const maxPeriodContext = 600

// periodCtx is what dating a figure reads: its sentence, the period and
// year of its section, and the report's years.
type periodCtx struct {
	text      string
	secPeriod report.Period
	secYear   int
	meta      report.Meta
	// years are the years text names (sentenceYears); found for each
	// figure when nil, which is slow in a sentence of many figures.
	years [][]int
	// prevYear is the year the sentence before names, for a sentence of
	// the parts of its subject (其中，第一产业增加值134.52亿元 after 2024年
	// 地区生产总值修订为1205.90亿元), which is of that year; 0 for none.
	prevYear int
}

// sentenceYears returns the years a sentence names, as periodCtx.years.
func sentenceYears(text string) [][]int {
	ms := reSentYear.FindAllStringSubmatchIndex(text, -1)
	if ms == nil {
		ms = [][]int{}
	}
	return ms
}

// namedYears returns the years the sentence names: those found once
// (pc.years), else found now.
func (pc periodCtx) namedYears() [][]int {
	if pc.years != nil {
		return pc.years
	}
	return sentenceYears(pc.text)
}

// sentencePeriod is the periodCtx of sentence si of a parsed document.
func sentencePeriod(d *report.Doc, si int) periodCtx {
	s := &d.Sentences[si]
	per, year := d.ParagraphPeriod(s.Para)
	return periodCtx{text: s.Text, secPeriod: per, secYear: year, meta: d.Meta, years: sentenceYears(s.Text)}
}

// maxCompareAhead is how many bytes after a figure period reads for the
// base year of a comparison.
const maxCompareAhead = 150

// comparedYear returns the year after the base of a comparison that
// follows the figure at byte at in its sentence (比2024年执行数增加4.6%:
// 2025), or 0. It reads the sentence's years found once (pc.years).
func comparedYear(pc periodCtx, at int) int {
	end := len(pc.text)
	if k := strings.IndexAny(pc.text[at:], "。；;"); k >= 0 {
		end = at + k
	}
	end = min(end, at+maxCompareAhead)
	years := pc.namedYears()
	for _, y := range years {
		if y[0] < at || y[1] > end {
			continue
		}
		if after, ok := yearAfterBase(pc, pc.text, y); ok {
			return after
		}
	}
	return 0
}

// yearAfterBase reads the year match y of s (reSentYear's submatch
// indexes) as the base of a comparison, 比2020年 or 较2020年 in digits:
// ok, and the year after it when that is one of the report's own years
// (全年优良天数159天，比2013年增加85天 in a review of 2017 compares with a
// base years back: 0).
func yearAfterBase(pc periodCtx, s string, y []int) (after int, ok bool) {
	digits := s[y[2]:y[3]]
	before := s[:y[0]]
	if s[y[3]:y[1]] != "年" || digits[0] < '0' || digits[0] > '9' ||
		!strings.HasSuffix(before, "比") && !strings.HasSuffix(before, "较") {
		return 0, false
	}
	if after = yearValue(digits) + 1; ownYear(pc, after) {
		return after, true
	}
	return 0, true
}

// ownYear reports whether y is a year the report or the figure's section
// speaks of, or the report's years are not known (or only guessed).
func ownYear(pc periodCtx, y int) bool {
	m := pc.meta
	if m.Year == 0 && m.ReviewYear == 0 && m.PlanYear == 0 && pc.secYear == 0 || slices.Contains(m.Inferred, "year") {
		return true
	}
	return y == m.Year || y == m.ReviewYear || y == m.PlanYear || y == pc.secYear
}

// noRel marks a relative year word that leaves the year to the section.
const noRel = 1 << 20

// period returns the year a figure at byte at of a sentence belongs to,
// and whether it is a target or plan rather than a result.
func period(pc periodCtx, at int) (year int, plan bool) {
	text := pc.text[:at]
	if len(text) > maxPeriodContext {
		// A year far back in a long run-on sentence (a flattened table)
		// dates other figures; reading it all for every figure is slow.
		k := len(text) - maxPeriodContext
		for k < len(text) && !utf8.RuneStart(text[k]) {
			k++
		}
		text = text[k:]
	}
	m := pc.meta
	var ms [][]int
	if pc.years == nil {
		ms = reSentYear.FindAllStringSubmatchIndex(text, -1)
	} else {
		// The years wholly inside the words read, offsets made theirs.
		k := at - len(text)
		for _, y := range pc.years {
			if y[0] >= k && y[1] <= at {
				ms = append(ms, []int{y[0] - k, y[1] - k, y[2] - k, y[3] - k})
			}
		}
	}
	yearEnd := -1  // where the year that dates the figure ends
	since := false // the figure is of a span from a year on (2020年以来)
	// The from-parts of changes (由…到), read once and only when a year
	// or a relative year could stand in one.
	var fromTo [][]int
	fromToRead := false
	fromParts := func() [][]int {
		if !fromToRead {
			fromToRead = true
			if strings.Contains(text, "由") || strings.Contains(text, "从") {
				fromTo = reFromTo.FindAllStringIndex(text, -1)
			}
		}
		return fromTo
	}
	if ms != nil {
		// The last year before the figure, unless it is the base of a
		// comparison: 一九七八年又比一九七七年增长 speaks of 1978.
		mt := ms[len(ms)-1]
		// Nor a year of the basis a change is told on (１９８４年，…在１９７９
		// 到１９８３年平均每年递增７．９％的基础上，比上年增长１４．２％), nor
		// the year of the start of a change (到一九八二年，积累率由一九七八年
		// 的百分之三十六点五调整到百分之二十九).
		for k := len(ms) - 1; k > 0 && (isComparisonBase(text, ms[k][0]) || strings.Contains(text[ms[k][1]:], "的基础上") || inFromPart(fromParts(), ms[k][0])); k-- {
			mt = ms[k-1]
		}
		year, yearEnd = yearValue(text[mt[2]:mt[3]]), mt[1]
		// "2020年以来" speaks of a span, not of the year; a base of
		// comparison alone (是2011年的1.75倍) of none.
		if strings.HasPrefix(text[mt[1]:], "以来") || isComparisonBase(text, mt[0]) {
			year, yearEnd = 0, -1
			since = strings.HasPrefix(text[mt[1]:], "以来")
		}
	}
	if anchorYear(m) > 0 {
		// The last word before the figure that dates it: 上年结余90.65亿元，
		// 本年收入80.06亿元 dates the first figure to the year before and
		// leaves the second to its section. A base of comparison (比上年)
		// dates nothing.
		last, rel, adverb := -1, 0, false
		// Only a word after the year read can date the figure instead;
		// every such word holds 年.
		start := max(yearEnd, 0)
		words := relativeYears
		if !strings.Contains(text[start:], "年") {
			words = nil
		}
		for _, ry := range words {
			for from := start; ; {
				k := strings.Index(text[from:], ry.word)
				if k < 0 {
					break
				}
				k += from
				if ry.word == "来年" && strings.HasSuffix(text[:k], "年") || inFromPart(fromParts(), k) ||
					ry.word == "上年" && hasPrefixAny(text[k+len(ry.word):], carriedOver) != "" {
					// 上年结余收入44亿元: a budget's revenue, the balance
					// carried into the year it plans, no date.
					// 五年来年均增长6％: 年来 and 年均, no next year; 由今年预计
					// 的３％提高到４％: this year dates the start, not the
					// level reached.
					from = k + len(ry.word)
					continue
				}
				if k > last && !isComparisonBase(text, k) {
					last, rel = k, ry.rel
					// 去年全县存款余额: a word of time; 上年结转收入 names
					// an item of the year the sentence speaks of.
					switch ry.word {
					case "前年", "去年", "今年", "明年", "来年":
						adverb = true
					default:
						adverb = false
					}
					if ry.word == "当年" || ry.word == "本年" {
						// In a report, 当年收支结余 is the year it speaks
						// of, which its section tells, not the year it was
						// delivered.
						rel = noRel
					}
				}
				from = k + len(ry.word)
			}
		}
		// A word after the year read (是2011年的1.3倍；去年全县存款余额)
		// dates the figure in its stead.
		if last > yearEnd && rel != noRel && (year == 0 || adverb) {
			year = anchorYear(m) + rel
			if rel == 0 && pc.secPeriod == report.PeriodReview && pc.secYear > 0 && pc.secYear < year && m.Kind == report.OtherReport {
				// 今年以来 in a part headed 2022年主要工作 of a report on
				// the year's work published in 2023: written late in the
				// year it reviews. A work report's review speaks of the
				// year it is delivered in as 今年 (今年第一季度工业生产…).
				year = pc.secYear
			}
		}
	}
	if year == 0 {
		// 安排119.05亿元，比2024年执行数增加4.6%: compared with a year,
		// the figure is of the year after it.
		year = comparedYear(pc, at)
	}
	if year == 0 && len(ms) > 0 {
		// 罚没收入预算数为11.5亿元，比2020年减收7.5亿元，下降39.4%: the
		// change from a year is of the year after it, as ahead of it.
		if mt := ms[len(ms)-1]; !strings.ContainsAny(text[mt[1]:], "。；;") {
			year, _ = yearAfterBase(pc, text, mt)
		}
	}
	if year == 0 {
		year = pc.prevYear
	}
	// The clause of the figure: a plan cue there makes it a target.
	clauseStart := strings.LastIndexAny(text, "，；。：,;:")
	clause := text[clauseStart+1:]
	for _, w := range planCues {
		if planCueIn(clause, w) || len(w) > 3 && planCueIn(text, w) && strings.Contains(text, "目标") && (w != "计划" || planCueIn(text, "目标")) {
			plan = true
		}
	}
	// 将A从50元提高到55元，B从450元提高到490元: a sentence that opens
	// with a plan cue plans in the clauses that carry its change on
	// (提高到); a clause of its own verb (为……配置空调) says what it says.
	if !plan && clauseStart >= 0 && !strings.ContainsAny(text, "。；;") && reChangedTo.MatchString(clause) {
		for _, w := range openingPlanCues {
			if strings.HasPrefix(text, w) && planCueIn(text[:clauseStart], w) {
				plan = true
			}
		}
	}
	// 年初预算为184.2亿元，实际完成189.3亿元: the budget is the plan.
	if reBudgetCue.MatchString(clause) {
		plan = true
	}
	// 略低于8％的预定目标: a figure named a target after it.
	if at < len(pc.text) && reTargetAfter.MatchString(pc.text[at:]) {
		plan = true
	}
	cued := plan
	if year == 0 && (pc.secPeriod == report.PeriodSpan && levelReached(clause) || movedTo(clause) && spanBefore(pc.text, yearSpans(pc.text), at)) {
		// 一般公共预算收入达到280.7亿元 in a review of five years: the level
		// the span ends at, in its last year.
		year = pc.secYear
		if year == 0 {
			year = m.ReviewYear
		}
	}
	switch pc.secPeriod {
	case report.PeriodPlan:
		// A figure dated before the year the report plans for is an
		// outcome, wherever it stands (一九五四年……增长了百分之五十三点七),
		// unless its own clause calls it a target.
		if cued || year == 0 || m.PlanYear == 0 || year >= m.PlanYear {
			plan = true
		}
		if year == 0 {
			year = pc.secYear
			if year == 0 {
				year = m.PlanYear
			}
		}
	case report.PeriodReview:
		if year == 0 {
			year = pc.secYear
			if year == 0 {
				year = m.ReviewYear
			}
		}
	}
	// A bulletin, final accounts, or a report that only looks back (克州
	// 2025年经济运行情况分析): an undated figure is of the year reviewed.
	if year == 0 && !since && pc.secPeriod != report.PeriodSpan && reviewOnly(m) {
		year = m.ReviewYear
	}
	if year > 0 && reBaseLevel.MatchString(text) {
		// 收入31751万元，较上年28899万元增长9.9%: the level compared with
		// is the year before's.
		year--
		plan = false
	}
	return year, plan
}

// reBaseLevel ends the words before a figure that is the level a change is
// told from: 较上年28899万元增长9.9%, 比上年同期的….
var reBaseLevel = rx.MustCompile(`(?:较|比|与|同)(?:上年|去年|上年同期|去年同期)(?:的)?\s*$`)

// reviewOnly reports whether a report only looks back on a year: a
// bulletin, final accounts, an audit of a year's budget, or one of no
// known kind that plans nothing.
func reviewOnly(m report.Meta) bool {
	return m.Kind == report.StatBulletin || m.Kind == report.FinalAccounts || m.Kind == report.AuditReport ||
		m.Kind == report.OtherReport && m.PlanYear == 0 && m.ReviewYear > 0 && m.ReviewYear < m.Year
}

// levelCues say that a figure is a level reached (达到, 突破, 增加到), not
// an amount over a time.
var levelCues = []string{"达", "突破", "超过", "增加到", "提高到", "增长到", "上升到", "扩大到", "总里程", "总量", "余额", "年末", "人均",
	// 由4960万人减少到2820万人: a level the fall ends at.
	"减少到", "下降到", "降低到", "降到", "缩小到", "提升到", "增加至", "提高至", "增长至", "上升至", "扩大至", "提升至",
	"减少至", "下降至", "降低至", "降至", "缩小至"}

// levelReached reports whether the clause before a figure states a level
// reached: in a review of several years, the level the span ends at.
func levelReached(clause string) bool {
	if strings.Contains(clause, "累计") {
		return false // 累计超过41万人: a sum over the years, however high
	}
	for _, w := range levelCues {
		if strings.Contains(clause, w) {
			return true
		}
	}
	return false
}

// movedTo reports whether a clause moves a figure to a new level
// (由2046万吨增加到3178万吨, 降至): the level a span of years ends at,
// where 达 or 总量 over a span may be its sum (“十四五”时期收入总量达1670亿元).
func movedTo(clause string) bool {
	for _, w := range levelCues {
		if (strings.HasSuffix(w, "到") || strings.HasSuffix(w, "至")) && strings.Contains(clause, w) {
			return !strings.Contains(clause, "累计")
		}
	}
	return false
}

// topicReach is how many sentences back a year named alone (过去一年，…)
// still dates the sentences of its paragraph outside a review part.
const topicReach = 4

// topicBefore returns the year a sentence of no figure before v names
// alone (topicYear): the sentence right before, or, outside a part that
// reviews a year, one up to topicReach sentences back in v's paragraph
// with none between naming a year of its own (过去的一年，…。国内生产总值
// 增长10.2%…。农业…粮食总产量达到4650亿公斤, in a plan part); 0 for none.
// The sentences further back are read as records, in one read, without
// their views.
func (vw *viewer) topicBefore(v *sentView) int {
	prev := vw.neighbour(v, v.rec.N-1)
	if prev == nil {
		return 0
	}
	if y := topicYear(prev.rec.Text, v.sum.Meta); y != 0 {
		return y
	}
	if v.rec.Period == report.PeriodReview || reSentYear.MatchString(prev.rec.Text) {
		return 0
	}
	var refs []index.Ref
	for n := v.rec.N - 2; n >= 0 && n >= v.rec.N-topicReach; n-- {
		refs = append(refs, index.Ref{Doc: v.rec.Doc, Gen: v.rec.Gen, N: n})
	}
	if len(refs) == 0 {
		return 0
	}
	recs, err := vw.e.x.Sentences(refs)
	if err != nil {
		return 0
	}
	for _, r := range recs {
		if r == nil || r.Para != v.rec.Para {
			return 0
		}
		if y := topicYear(r.Text, v.sum.Meta); y != 0 {
			return y
		}
		if reSentYear.MatchString(r.Text) {
			return 0
		}
	}
	return 0
}

// reTimeTopic opens a sentence with the year it speaks of: 过去一年，…
var reTimeTopic = rx.MustCompile(`^\s*(?:(过去(?:的)?一年|去年|上一年)|((?:19|20)\d{2})年)[，,]`)

// topicYear returns the year a sentence of no figure opens with (过去一年，
// 我们的各项工作取得了很大成绩), or 0.
func topicYear(text string, m report.Meta) int {
	sm := reTimeTopic.FindStringSubmatch(text)
	if sm == nil || strings.ContainsAny(text[len(sm[0]):], "0123456789０１２３４５６７８９") {
		return 0
	}
	if sm[2] != "" {
		y, _ := strconv.Atoi(sm[2])
		return y
	}
	if a := anchorYear(m); a > 0 {
		return a - 1
	}
	return 0
}

// recentYears is the first year of reports read as recent: their askers
// speak of them from after they were delivered.
const recentYears = 2000

// anchorYear is the year 今年 and 去年 count from in a report: the year
// it was delivered (a 2025 budget report, delivered early in 2026, calls
// 2025 去年), else the year after the one it reviews. A report read as
// delivered at the end of the year it reviews, planning the next (the
// 1964 report), counts from its own year even when that was inferred.
func anchorYear(m report.Meta) int {
	late := m.ReviewYear == m.Year && m.PlanYear == m.Year+1
	if m.Year > 0 && (late || !(m.IsInferred(report.InferredYear) && m.ReviewYear >= m.Year)) {
		return m.Year
	}
	if m.ReviewYear > 0 {
		return m.ReviewYear + 1
	}
	return 0
}

// periodFit tells how well a figure's period fits the question's: rank
// orders the figures, gate decides whether one may answer at all. A tense
// that does not fit (新增了 asked of a target) ranks a figure lower but
// does not silence it when it is all the report says, unless the question
// named its year: "What was X in 2019" is not answered by 2019's target.
func periodFit(q *Question, m report.Meta, year int, plan bool) (rank, gate float64) {
	qYear := q.Year
	if qYear == 0 && q.HasRel && anchorYear(m) > 0 {
		qYear = anchorYear(m) + q.Rel
		if q.Rel == 0 && q.Plan && m.PlanYear > 0 {
			// 今年的目标: the year the report plans for.
			qYear = m.PlanYear
		} else if q.Rel == 0 && m.ReviewYear > 0 && !strings.Contains(q.Raw, "今年") && (strings.Contains(q.Raw, "当年") || strings.Contains(q.Raw, "本年")) {
			// 当年新开工的项目, 当年一般公共预算支出: the year the report
			// tells of, not the asker's own.
			qYear = m.ReviewYear
		}
		if q.Rel == 1 && m.Kind == report.BudgetReport && m.PlanYear > 0 && qYear > m.PlanYear && !docSpeaksOf(m, qYear) {
			// 明年的预算 asked of a report on 2025 and the budget for
			// 2026, delivered in 2026: a budget report goes by the year
			// it reviews (the 2025 budget report), and the asker's next
			// year is the one it plans for. A work report's 明年 stays
			// the year after its own (the 1954 report's 明年 is 1955).
			qYear = m.PlanYear
		}
		if q.Rel == -1 && m.ReviewYear == m.Year && m.PlanYear == m.Year+1 && m.Year >= recentYears {
			// 去年 asked of a recent report delivered at the end of the
			// year it reviews (2022年12月24日, 一、2022年政府工作回顾): the
			// year before it, as the report says 去年, or, to an asker
			// after it, the year it reviews. A figure dated either fits.
			// An old report is read in its own time (the 1982 report's 去年
			// is 1981).
			if year == m.ReviewYear {
				qYear = year
			}
		}
	}
	f := 1.0
	if qYear == 0 && year != 0 && year < m.ReviewYear && reviewOnly(m) {
		// Asked of a bulletin without a year: the year it reports on, not
		// an earlier one it restates (2024年地区生产总值修订为…).
		f = 0.8
	}
	if qYear != 0 {
		switch {
		case year == qYear:
		case year == 0 && !docSpeaksOf(m, qYear):
			// The report covers other years: an undated figure is theirs.
			f = 0.35
		case year == 0:
			f = 0.7
		default:
			f = 0.2
		}
		// A year the report plans for is asked about as a plan; when
		// another report gives that year's outcome, the outcome comes first.
		if !q.Plan && !q.Done && year == qYear {
			if plan {
				return f * 0.92, f
			}
			return f, f
		}
		if !q.Plan && !q.Done && year == 0 && plan {
			// Asked of a year, an undated target (计划完成27.21亿元) ranks
			// below an undated outcome, and may still answer alone.
			return f * 0.92, f
		}
	}
	tense := 1.0
	switch {
	case q.Plan && !plan:
		tense = 0.6
	case q.Done && plan && q.Year != 0 && m.PlanYear > 0 && year == q.Year && q.Year >= m.PlanYear:
		// 2020年预算里预备费留了多少 of a report that plans 2020: its
		// plan is all it can say of the year; another report's outcome
		// still comes first.
		tense = 0.8
	case q.Done && plan && q.Year != 0:
		tense = 0.35
	case q.Done && plan:
		tense = 0.5
	case !q.Plan && !q.Done && qYear == 0 && plan:
		tense = 0.85
	}
	if q.Year != 0 {
		return f * tense, f * tense
	}
	return f * tense, f
}

// actionWords are verbs that make a figure a count of what was done
// (新建通航机场5个), not of what there is.
var actionWords = []string{"新建", "新增", "建成", "建造", "确定", "开工", "新开", "引进", "新设", "增加",
	"落户", "落地", "获批", "新认定", "净增", "投运", "通车"}

// stockWords say that a figure counts what there is: 共有, 拥有, 总数.
var stockWords = []string{"共有", "拥有", "现有", "总数", "达到", "累计", "年末", "总量", "数量", "保有"}

// addedFigure reports whether the clause before the figure at pos names
// an action and no total.
func addedFigure(text string, l *layout, pos int) bool {
	start := clauseStart(l, pos)
	// 增加值 is value added, not an addition.
	before := strings.ReplaceAll(text[start:pos], "增加值", "")
	if reToLevel.MatchString(before) {
		return false // 增加到1.55万家, 增加到2012年的1923亿元: the new total
	}
	for _, w := range stockWords {
		if strings.Contains(before, w) {
			return false
		}
	}
	for _, w := range actionWords {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// totalAsked reports whether a question asks for a whole (总里程, 总量)
// and not what was added to it.
func totalAsked(q *Question) bool {
	if q.Lang == "en" {
		raw := strings.ToLower(q.Raw)
		return reEnTotal.MatchString(raw) && !strings.Contains(raw, "new")
	}
	for _, c := range q.Concepts {
		if c.Aspect && c.Word == "总" {
			return !hasAny(q.Norm, newWords)
		}
	}
	return false
}

// reEnTotal asks for a whole in English: in total, the total length.
var reEnTotal = rx.MustCompile(`\b(?:in total|total|overall|altogether)\b`)

// newWords say that a figure counts what is new: unlike the other
// actionWords (通车, 建成), they never name a whole.
var newWords = []string{"新增", "新建", "净增", "新开", "新设", "新认定", "新登记"}

// newFigure reports whether the clause before pos says the figure counts
// what is new (新增高速公路通车里程1523公里).
func newFigure(text string, l *layout, pos int) bool {
	before := text[clauseStart(l, pos):pos]
	if item := lastItem(before); hasAny(item, wholeMarks) {
		// 新增境内外上市公司45家、总量达1224家: the item after the
		// join names the whole.
		before = item
	}
	return hasAny(before, newWords) && !reToLevel.MatchString(before)
}

// reToLevel ends the words before a level a figure moves to: 增加到,
// 提高至, 增加到2012年的, 增加到一九八五年的 (the year the level was
// reached).
var reToLevel = rx.MustCompile(`(?:到|至)(?:\s*(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年(?:底|末)?的?)?$`)

// wholeMarks name a whole or the level reached: 总量, 总数达, 累计.
var wholeMarks = []string{"总", "达", "累计"}

// nowWords ask for what there is now (现在一共有多少).
var nowWords = []string{"现在", "目前", "如今", "现有", "至今", "眼下"}

// asksYearsAddition reports whether q asks what was added in a year
// (去年建成的高标准农田, 新增了多少), not what there is by then.
func asksYearsAddition(q *Question) bool {
	if hasAny(strings.ToLower(q.Raw), yearOnlyWords) && !hasAny(q.Norm, sumWords) {
		return true // 当年结余多少: not 累计结余
	}
	if q.Lang == "en" || hasAny(q.Norm, []string{"累计", "一共", "合计", "目前", "现在", "现有", "总"}) {
		return false
	}
	return asksAdded(q) || strings.Contains(q.Norm, "建成") && (q.Year != 0 || q.HasRel)
}

// sumWords ask for a sum over the years (累计, 一共), not a year's own.
var sumWords = []string{"累计", "一共", "合计", "总"}

// yearOnlyWords ask for a year's own flow (当年结余, current-year
// balance), not a sum over the years.
var yearOnlyWords = []string{"当年", "本年度", "当期", "current-year", "current year", "in-year", "that year alone"}

// reYearsOwn names the year a clause speaks of: 全年累计化解隐性债务 sums
// up the year, not years.
var reYearsOwn = rx.MustCompile(`全年|当年|本年|今年|年内|[0-9０-９]{4}年`)

// reOverYears says a sentence speaks of years (较“十三五”期间增加, 五年来,
// 年均增长9.1%):
// its 累计 sums them. Alone, 累计 in a year's report (全市教育累计支出
// 126.48亿元) sums the year.
var reOverYears = rx.MustCompile(`十[一二三四五六七八九]?五|[二两三四五六七八九十]年(?:来|间|累计)|期间|以来|年均(?:增长|增速|递增)`)

// reCumulativeBefore ends the words before a cumulative figure: 累计达到,
// 累计建成.
var reCumulativeBefore = rx.MustCompile(`累计(?:达到|达|建成|完成|新增|改造|实现|超过|突破)?[^，,；;、0-9]{0,6}$`)

// cumulativeBeside reports whether another figure of f's sentence, of
// its unit, sums years (累计完成203.6亿元 beside 增加到2025年的47.5亿元).
// Only a level at either end of a change is weighed against it: the items
// of a list after 累计 (累计完成生态建设1.23亿亩、防沙治沙6688万亩) are
// sums as well.
func cumulativeBeside(text string, l *layout, figs []Quantity, f Quantity) bool {
	for _, g := range figs {
		if g.Start != f.Start && g.Unit == f.Unit && cumulativeFigure(text, l, g.Prefix) {
			return true
		}
	}
	return false
}

// cumulativeFigure reports whether the figure at pos sums years up to now
// (建成高标准农田8.9万亩、累计达到120.5万亩: the second).
func cumulativeFigure(text string, l *layout, pos int) bool {
	return reCumulativeBefore.MatchString(lastItem(text[clauseStart(l, pos):pos]))
}

// lastItem returns the last item of a list of words joined by 、, from
// the join on; all of s when it has no join.
func lastItem(s string) string {
	if k := strings.LastIndex(s, "、"); k >= 0 {
		return s[k:]
	}
	return s
}

// addedAnswers reports whether what was added answers a question of how
// much a thing grew: 新增病床6400张 for 医院多了多少张病床, where no base is
// asked (比上年多了多少 asks the difference of two years).
func addedAnswers(q *Question, text string, l *layout, pos int) bool {
	return q.Class != "percent" && !strings.Contains(q.Norm, "比") && addedFigure(text, l, pos)
}

// asksGrowth reports whether q asks by how much a thing grew, in percent
// (GDP增长多少, growth rate), rather than its share or level.
func asksGrowth(q *Question) bool {
	return q.Class == "percent" && growthWorded(q)
}

// growthWorded reports whether the question's words ask a growth (增速,
// grow) and not a share (比重, 占, share).
func growthWorded(q *Question) bool {
	raw := strings.ToLower(q.Raw)
	if strings.Contains(raw, "比重") || strings.Contains(raw, "占") || strings.Contains(raw, "贡献") || strings.Contains(raw, "share") || strings.Contains(raw, "proportion") || strings.Contains(raw, "contribut") {
		return false
	}
	for _, w := range []string{"增长", "增速", "增幅", "涨", "grow", "growth", "increase", "rise", "rose"} {
		if strings.Contains(raw, w) {
			return true
		}
	}
	return false
}

// asksShare reports whether the question asks for a share as it stands
// (高新技术产业的比重是多少, what share of…), not for a change of it.
func asksShare(q *Question) bool {
	if q.Class != "percent" || q.AsksChange {
		return false
	}
	raw := strings.ToLower(q.Raw)
	// 完成了年初预算的百分之几, 执行率: the share of the budget done.
	for _, w := range []string{"比重", "占比", "比例", "share of", "proportion", "预算的", "完成率", "执行率", "of the budget", "of its budget"} {
		if strings.Contains(raw, w) {
			for _, c := range []string{"提高", "下降", "增长", "上升", "降低", "增加", "减少", "变化", "change", "rise", "fall", "increase"} {
				if strings.Contains(raw, c) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// shareFigure reports whether the figure at pos states a share (占地区生产总值
// 的比重为70.1%) or a contribution (对经济增长的贡献率为66.0%): its clause
// says 比重, 占比 or 贡献率 before it, and no change after that.
func shareFigure(text string, l *layout, pos int) bool {
	start := clauseStart(l, pos)
	before := strings.ReplaceAll(text[start:pos], "增加值", "") // value added, no change
	at := -1
	for _, w := range []string{"比重", "占比", "贡献率", "占", "之比", "结构比", "结构为"} {
		if i := strings.LastIndex(before, w); i >= 0 && i+len(w) > at {
			at = i + len(w)
		}
	}
	if at < 0 {
		return false
	}
	// A change said after the share is a change of it (比重提高2个百分点);
	// the level it changed to is still the share (比重上升到51.6%).
	before = before[at:]
	for _, v := range []string{"增长", "下降", "提高", "降低", "上升", "回落", "增加", "减少"} {
		if i := strings.Index(before, v); i >= 0 && !strings.HasPrefix(before[i+len(v):], "到") && !strings.HasPrefix(before[i+len(v):], "至") {
			return false
		}
	}
	return true
}

// shareBefore reports whether the clause of a figure at pos, or one it
// goes on from, names a share (税收收入占一般公共预算收入比重70.4%，较上年
// 提高1.4个百分点): the points are the share's change, no growth of the
// thing shared.
func shareBefore(text string, l *layout, pos int) bool {
	return hasAny(l.chainLead(text, pos), []string{"比重", "占比", "之比"})
}

// chainLead returns the words of text before pos in its clause and in the
// clauses that clause goes on from (see layout.continues).
func (l *layout) chainLead(text string, pos int) string {
	return text[l.clauseBreak(l.chainStart(clauseOf(l.breaks, pos))):pos]
}

// laterItemAsked reports whether a concept the question asks opens a
// later item of the list f's clause makes of its figures (see
// layout.leadsNextItem), and stands nowhere before f in the clause
// (房屋签约207座、拆除211座 asked 拆了多少座: 拆 is 211's, and 207 is the
// 签约's). Words before f are its own or the list's shared head (房屋), so
// only later items count.
func laterItemAsked(q *Question, text string, occ [][]occurrence, l *layout, f Quantity) bool {
	c := clauseOf(l.breaks, f.Prefix)
	cs := clauseStart(l, f.Prefix)
	for ci, qc := range q.Concepts {
		if qc.Optional || qc.Place || ci >= len(occ) {
			continue
		}
		before, later := false, false
		for _, o := range occ[ci] {
			if o.start >= cs && o.end <= f.Prefix {
				before = true
			}
			// The asked word itself, opening the item (、拆除211座), not a
			// wording of it nor a word inside the item (、省政协提案876件).
			if o.factor >= 0.9 && o.part < 0 && l.opensItem(text, o.start) && clauseOf(l.breaks, o.start) == c && l.leadsNextItem(f.End, o.start, o.end) {
				later = true
			}
		}
		if later && !before {
			return true
		}
	}
	return false
}

// detailedNext reports whether a concept the question asks stands before
// figure f of v only in brackets, and opens an item of the next sentence
// of the paragraph that gives the parts of v's total: 主要畜禽存栏（猪牛羊
// 禽）235.86万头。其中：牛189.4万头，…, asked 牛存栏: the part's figure
// answers, not the total it lies in. Only one such concept may be asked.
func (vw *viewer) detailedNext(q *Question, v *sentView, occ [][]occurrence, l *layout, f Quantity) bool {
	var asked []int
	for ci, qc := range q.Concepts {
		if qc.Optional || qc.Place || ci >= len(occ) {
			continue
		}
		inside, outside := false, false
		for _, o := range occ[ci] {
			if o.end > f.Prefix {
				continue
			}
			if l.inAside(o.start) {
				inside = true
			} else {
				outside = true
			}
		}
		if inside && !outside {
			asked = append(asked, ci)
		}
	}
	// Two members asked (牛羊存栏, 猪牛羊禽存栏) ask for more than one part.
	if len(asked) != 1 {
		return false
	}
	next := vw.neighbour(v, v.rec.N+1)
	return next != nil && isDetail(next.rec.Text) && opensDetailItem(next.folded, q.Concepts[asked[0]])
}

// opensDetailItem reports whether a wording of c opens an item of a folded
// detail sentence (其中:牛189.4万头,增加2.01万头;羊32.23万只), a figure
// following it within a few characters.
func opensDetailItem(folded string, c Concept) bool {
	for _, alt := range c.Alts {
		w := alt.folded
		if w == "" || alt.Factor < 0.9 {
			continue
		}
		for from := 0; ; {
			k := strings.Index(folded[from:], w)
			if k < 0 {
				break
			}
			k += from
			from = k + len(w)
			if !itemOpensAt(folded, k) {
				continue
			}
			rest := folded[k+len(w):]
			if d := firstDigit(rest); d >= 0 && utf8.RuneCountInString(rest[:d]) <= 4 {
				return true
			}
		}
	}
	return false
}

// itemOpensAt reports whether an item of a folded detail sentence opens
// at byte k: right after its 其中 or a list join.
func itemOpensAt(folded string, k int) bool {
	before := strings.TrimRight(folded[:k], " ")
	if strings.HasPrefix(before, "(") || strings.HasPrefix(before, "（") {
		before = strings.TrimLeft(before, "(（0123456789一二三四五六七八九十)）、.")
	}
	switch before = strings.TrimRight(before, ",:："); {
	case before == "其中":
		return true
	case strings.HasSuffix(folded[:k], "、"), strings.HasSuffix(folded[:k], ";"):
		return true
	}
	return false
}

// opensItem reports whether a list join stands right before byte pos of
// text.
func (l *layout) opensItem(text string, pos int) bool {
	_, n := utf8.DecodeLastRuneInString(text[:pos])
	k := sort.SearchInts(l.joins, pos-n)
	return k < len(l.joins) && l.joins[k] == pos-n
}

// gapWords compare one rate with another: 高于全市…增速, 快于全国.
const gapWords = `高于|低于|快于|慢于|高出|低出|领先|落后`

// gapBases are the wholes a rate is compared with: 比全省快.
const gapBases = `全国|全省|全市|全区|全州|全县`

// reGapBefore finds, in the words of a clause before a figure in points,
// the rate it is measured against (高于全市规模以上工业增加值增速12.3个和
// 8.9个百分点): the points are a gap between two rates, no growth.
var reGapBefore = rx.MustCompile(gapWords + `|超过|比(?:` + gapBases + `|[^，。；]{0,8}(?:平均|水平|增速|增幅))[^，。；]{0,4}(?:高|低|快|慢)`)

// reAsksGap asks for the gap between two rates: 比全省快多少, 高出全国几个
// 百分点.
var reAsksGap = rx.MustCompile(gapWords + `|差距|差了|比(?:` + gapBases + `|[^，。？?]{0,8}(?:平均|水平|增速|增幅))|\b(?:than|above|below|ahead|behind|gap)\b`)

// chainStart returns the clause that clause c goes on from (see
// layout.continues): c itself when it goes on from none.
func (l *layout) chainStart(c int) int {
	for c > 0 && c < len(l.continues) && l.continues[c] {
		c--
	}
	return c
}

// clauseBreak returns the byte of the break that opens clause c, 0 for
// the first clause.
func (l *layout) clauseBreak(c int) int {
	if c > 0 {
		return l.breaks[c-1]
	}
	return 0
}

// reReachedAfter opens what a change reached: 提高62元、达到2988元.
var reReachedAfter = rx.MustCompile(`^[、，,]?\s*(?:达到|达|增至|增加到|提高到|提高至|升至|调整为|为)\s*[0-9０-９〇零一二两三四五六七八九十]`)

// reachedAfter reports whether the text after a figure gives the level a
// change reached, so that the figure is the change.
func reachedAfter(after string) bool { return reReachedAfter.MatchString(after) }

// reTotalAfter opens the total a figure adds to: 新增装机1258万千瓦、总量
// 达到6437万千瓦; 病床将增设6万张，总数达到33.9万张.
var reTotalAfter = rx.MustCompile(`^[、，,]\s*(?:总量|总数|总规模|总计|累计|总共)(?:达到|达|增至|增加到|提高到|升至|为|超过)?\s*[0-9０-９〇一二两三四五六七八九十]`)

// totalAfter reports whether the text after a figure gives the total it
// adds to, so that the figure is what was added.
func totalAfter(after string) bool { return reTotalAfter.MatchString(after) }

// sameUnitNext reports whether the figure after f in the sentence is in
// f's unit: the total a figure adds to is counted alike (新增装机1258万千瓦、
// 总量达到6437万千瓦), unlike 收入83.9亿元，累计22种药械.
func sameUnitNext(figs []Quantity, f Quantity) bool {
	for _, g := range figs {
		if g.Start >= f.End {
			return g.Unit == f.Unit
		}
	}
	return false
}

// addedWords ask for what was added, not for the total.
var addedWords = []string{"新增", "增设", "新建", "新开", "增加", "多了", "新招", "新装", "增了", "新上", "净增", "added", "new "}

// asksAdded reports whether the question asks what was added (新增装机多少).
func asksAdded(q *Question) bool { return hasAny(strings.ToLower(q.Raw), addedWords) }

// changeUnasked reports whether the figure at start follows a change verb
// the question does not use: 提高62元 for 养老金现在多少钱, but not 净增48万户
// for 净增多少户.
func changeUnasked(q *Question, text string, start int) bool {
	v := changeVerbBefore(text, start)
	return v != "" && !strings.Contains(q.Raw, v)
}

// reYearOf is a year that dates the old value of a change: 由2010年的21.6%.
var reYearOf = rx.MustCompile(`(?:(?:19|20)\d{2}\s*年(?:底|末|初)?的?)$`)

// reYearIn is a year anywhere: 2024年的.
var reYearIn = rx.MustCompile(`(?:19|20)\d{2}\s*年(?:底|末|初)?的?`)

var reToValue = rx.MustCompile(`^[^，；。]{0,8}?(?:(?:增加|提高|提升|增长|上升|下降|减少|降低|扩大|缩小|加快|放缓|回升|回落|精简|压缩|压减|缩减|增|升|降|减)?(?:到|至)|(?:调整|调|变|改|精简|压缩|压减|缩减|整合|合并|减少|增加|扩大|提高|提升|降低|下降|上升|缩小|上调|下调|减|降)为)`)

// reMonthIn is a month named before a figure (2月, 12月份).
var reMonthIn = rx.MustCompile(`(?:1[0-2]|[1-9])\s*月份?`)

// reListedBefore is the figures of a list before the last: "600元、" in
// 由600元、1000元, "46503元和" in 从46503元和16935元.
var reListedBefore = rx.MustCompile(`(?:[0-9０-９][0-9０-９.,．，]*[^、，,0-9０-９和及与]{0,4}(?:、|和|及|与))+$`)

// reListedAfter is the figures of a list after the first: "和16935元" in
// 从46503元和16935元分别提高到.
var reListedAfter = rx.MustCompile(`^(?:(?:、|和|及|与)[0-9０-９][0-9０-９.,．，]*[^、，,。；0-9０-９和及与]{0,4}?)+`)

// fromValue reports whether f is the starting value of a change: 从X增加到Y,
// 由X提高至Y, or last year's value in an aside (6759家（上年5842家）).
func fromValue(text string, l *layout, f Quantity) bool {
	if reLastYearAside.MatchString(text[:f.Prefix]) {
		return true // 总量达到6759家（上年5842家）: last year's, beside this year's
	}
	start := clauseStart(l, f.Prefix)
	before := reYearOf.ReplaceAllString(text[start:f.Prefix], "")
	k := max(strings.LastIndex(before, "从"), strings.LastIndex(before, "由"))
	if k < 0 {
		return false
	}
	// 由年初预算111.10亿元调整为195.22亿元: a few words may name the old
	// state between 由 and its figure, but no figure.
	between := before[k+len("由"):]
	// 从2024年的人均每年94元: the old state's year is no figure.
	between = reYearIn.ReplaceAllString(between, "")
	// 增速从2月增长3.0%加快至全年增长6.7%: nor is the month or quarter.
	between = reSubperiod.ReplaceAllString(reMonthIn.ReplaceAllString(between, ""), "")
	// 分别由每人每月600元、1000元提高到: the old values may be a list.
	between = reListedBefore.ReplaceAllString(between, "")
	if utf8.RuneCountInString(between) > 6 || strings.ContainsAny(between, "0123456789，,") {
		return false
	}
	return reToValue.MatchString(reListedAfter.ReplaceAllString(text[f.End:], ""))
}

// changeLevel reports whether f is the level at either end of a change:
// fromValue or toValue, or across a comma (由2021年的37.5亿元，增加到2025年的
// 47.5亿元), which they do not read as a change, so that 五十年代的50%左右，
// 上升到80%以上 still answers what the fifties had.
func changeLevel(text string, l *layout, figs []Quantity, f Quantity) bool {
	if fromValue(text, l, f) || toValue(text, l, figs, f) {
		return true
	}
	fromAcross := func(g Quantity) bool {
		rest, ok := strings.CutPrefix(text[g.End:], "，")
		before := text[clauseStart(l, g.Prefix):g.Prefix]
		return ok && reChangeTo.MatchString(rest) && (strings.Contains(before, "由") || strings.Contains(before, "从"))
	}
	if fromAcross(f) {
		return true
	}
	c := clauseOf(l.breaks, f.Start)
	for _, g := range figs {
		if g.End <= f.Prefix && clauseOf(l.breaks, g.Start) == c-1 && fromAcross(g) {
			return true
		}
	}
	return false
}

// reChangeTo opens a clause that says what a value changed to: 增加到,
// 提高至, 下降为.
var reChangeTo = rx.MustCompile(`^(?:增加|提高|提升|增长|上升|下降|减少|降低|扩大|缩小|回升|回落|压减|压缩)(?:到|至|为)`)

// asksActual reports whether q asks what was done rather than planned
// (实际花了多少, 预备费用了多少).
func asksActual(q *Question) bool {
	return !q.Plan && (q.Done || strings.Contains(q.Raw, "实际"))
}

// rePlannedBefore ends the words before a planned figure: 安排预备费,
// 计划补助企业, 年初预算 (not 预算 of 一般公共预算收入, a name), with no
// comparison (占年初预算数的74.3%, 比年初预算压减1.54亿元).
var rePlannedBefore = rx.MustCompile(`^[^占比较]*(?:安排|计划|年初预算数?|调整预算数?|预算数|(?:支出|收入)预算$)[^，,；;：:。0-9占比较的]{0,12}$`)

// reActualAfter opens the words between a planned figure and the actual
// one: ，支出, 、实际完成, ，决算数为; not a comparison (，较上年决算数增加).
var reActualAfter = rx.MustCompile(`^[^。；;比较]{0,40}?(?:实际|支出|执行数|决算数|完成)[^，,；;、比较]{0,8}$`)

// plannedBeforeActual reports whether f is what was planned where its
// sentence goes on to what was done (安排预备费10000万元，支出6790万元;
// 计划补助企业1600家、实际完成1970家).
func plannedBeforeActual(text string, l *layout, figs []Quantity, f Quantity) bool {
	if !rePlannedBefore.MatchString(text[clauseStart(l, f.Prefix):f.Prefix]) {
		return false
	}
	for _, g := range figs {
		if g.Prefix >= f.End && reActualAfter.MatchString(text[f.End:g.Prefix]) {
			return true
		}
	}
	return false
}

// toValue reports whether f is the new value of a change whose old value
// is a figure before it in its clause (29个 of 从40个减少到29个).
func toValue(text string, l *layout, figs []Quantity, f Quantity) bool {
	c := clauseOf(l.breaks, f.Start)
	for _, g := range figs {
		if g.End <= f.Prefix && clauseOf(l.breaks, g.Start) == c && fromValue(text, l, g) {
			return true
		}
	}
	return false
}

// reLastYearAside opens an aside that gives last year's value beside the
// figure before it: （上年5842家）, （去年同期为…）.
var reLastYearAside = rx.MustCompile(`[（(](?:上年|去年|上年同期|去年同期|上一年)(?:为|是|末)?\s*$`)

// docSpeaksOf reports whether a report is about year: the year it reviews
// or plans, or the report's own year.
func docSpeaksOf(m report.Meta, year int) bool {
	return year == m.ReviewYear || year == m.PlanYear || year == m.Year
}

// candidate is a scored figure.
type candidate struct {
	Answer
	value float64
	class string
	home  bool // from a home report
	feat  features
	prob  float64 // the model's probability that it answers, for ranking
	gate  float64 // the probability the threshold applies to (see Model.gate)
}

// scoredHit is a candidate sentence with where the question's concepts
// occur in it.
type scoredHit struct {
	h   index.Hit
	v   *sentView
	occ [][]occurrence
}

// absentShare is the weight share of the concepts that occur in none of
// the candidate sentences: words of the question the reports in scope do
// not use.
func absentShare(q *Question, hits []scoredHit) float64 {
	var sum, absent float64
	for ci, c := range q.Concepts {
		sum += c.Weight
		found := false
		for _, sh := range hits {
			if len(sh.occ[ci]) > 0 {
				found = true
				break
			}
		}
		if !found {
			absent += c.Weight
		}
	}
	if sum == 0 {
		return 0
	}
	return absent / sum
}

// scored returns the hits with their views and where the question's
// concepts occur in them; hits without records are left out.
func (e *Engine) scored(q *Question, vw *viewer, hits []index.Hit) []scoredHit {
	out := make([]scoredHit, 0, len(hits))
	for _, h := range hits {
		v := vw.view(h)
		if v == nil {
			continue
		}
		out = append(out, scoredHit{h: h, v: v, occ: vw.concepts(q, v)})
	}
	return out
}

// numberCandidates scores every figure in the hit sentences.
func (e *Engine) numberCandidates(q *Question, vw *viewer, hits []index.Hit) []candidate {
	return e.numberCandidatesOf(q, vw, hits, 0)
}

// numberCandidatesOf scores the figures of hits, whose retrieval scores are
// taken relative to maxScore, or to the best of theirs when it is 0.
func (e *Engine) numberCandidatesOf(q *Question, vw *viewer, hits []index.Hit, maxScore float64) []candidate {
	if len(q.Concepts) == 0 {
		return nil
	}
	var cands []candidate
	for _, h := range hits {
		if h.Score > maxScore {
			maxScore = h.Score
		}
	}
	shs := e.scored(q, vw, hits)
	absent := absentShare(q, shs)
	prior := unknownPenalty(q)
	ask := askedSector(q)
	head := questionHead(q)
	var forms []string
	if head != nil {
		forms = headForms(head)
	}
	qflow := questionFlow(q)
	balanceAsked := asksBalance(q)
	debtAsk := debtAsked(q)
	popAsked := populationAsked(q.Norm)
	stage := stageOf(q.Norm)
	sectorNo := askedSector(q).sector
	budgetStage := budgetStageAsked(q)
	// A budget asked at a stage (年初预算, 后来调到了多少) is a plan,
	// whatever tense the asking verb has (调到了).
	budgetQ := q
	if budgetStage != 0 {
		bq := *q
		bq.Done, bq.Plan = false, true
		budgetQ = &bq
	}
	// 城镇化率提高了几个百分点: a rate or share asked by its name, whose
	// change in points a share's clause may give.
	rateAsked := slices.ContainsFunc(q.Concepts, func(c Concept) bool {
		return strings.HasSuffix(c.Word, "率") && c.Word != "增长率" || hasAny(c.Word, []string{"比重", "占比", "比例"})
	})
	// 五年累计完成多少: the sum over the years, not the level at either
	// end of the change beside it (由2021年的37.5亿元增加到2025年的47.5亿元，
	// 五年累计完成203.6亿元).
	cumulativeAsked := strings.Contains(q.Norm, "累计")
	headIdx := -1
	if head != nil {
		for i := range q.Concepts {
			if &q.Concepts[i] == head {
				headIdx = i
			}
		}
	}
	oneYear := (q.Year != 0 || q.HasRel) && len(yearSpans(q.Raw)) == 0
	// 过去五年一共脱贫多少: a span asked, and no one year.
	spanAsked := q.Year == 0 && !q.HasRel && len(yearSpans(q.Raw)) > 0
	addedAsked, actualAsked := asksYearsAddition(q), asksActual(q)
	// 2025年一般公共预算收入完成多少: a year's flow of money.
	yearsFlowAsked := oneYear && q.Class == "money" && !q.Stock && !hasAny(q.Norm, sumWords)
	average, added := asksAverage(q), asksAdded(q) || addedAsked
	// 1954年比1952年增长了多少 asks against a base of its own.
	baseAsked := reAskedBase.MatchString(q.Norm)
	askedBase := askedBaseYear(q)
	qpoint := yearPoint(q.Raw)
	counted, countedBoth := countedNoun(q.Norm), countedAny(q.Norm)
	// A whole (总里程) or a level at a point of the year (年初的债务限额).
	// 地铁现在总共有多长: what there is now, not what was added.
	wholeAsked := totalAsked(q) || (qpoint != "" || q.Total && hasAny(q.Raw, nowWords)) && !hasAny(q.Norm, newWords)
	qpart := questionSubperiod(q.Raw)
	if qpart == "" {
		qpart = questionSubperiod(q.Norm) // 头一个季度, read as 第一季度
	}
	rates := ratesAsked(q)
	sector := bareSector(q)
	growth, share := asksGrowth(q), asksShare(q)
	completion := asksCompletion(q)
	// Read once: 比全省快多少 asks for a gap between rates; 每万人 and
	// per 1,000 people ask per hundred or thousand.
	gapAsked := reAsksGap.MatchString(q.Norm)
	perBaseAsked := reAsksPerBase.MatchString(q.Norm) || reAsksPerBase.MatchString(strings.ToLower(q.Raw))
	for _, sh := range shs {
		h, v, occ := sh.h, sh.v, sh.occ
		// The rules read traditional characters as simplified (從…降低到).
		text := v.simp
		if len(v.cells) == 0 && len(v.figures()) == 0 && (q.Class != "rank" || !strings.Contains(text, "第")) {
			// No figure, no cell, no place in a ranking: nothing to score.
			continue
		}
		breaks := v.layout()
		withClauses(occ, breaks)
		// A figure's concepts are found in the heading as a whole word, their
		// parts beside the figure or in the heading (partContexts); a table
		// row's name has no figure to measure parts from, so its parts count
		// where the row holds them (contextMatches).
		var ctx []float64
		var pctx [][]float64
		if len(v.cells) > 0 {
			ctx = contextMatches(q, v)
		} else {
			ctx, pctx = wholeContext(q, v), partContexts(q, v)
		}
		vw.inheritSubject(q, v, ctx)
		vw.carryOver(q, v, ctx)
		retrieval := 0.0
		if maxScore > 0 {
			retrieval = h.Score / maxScore
		}
		home := e.home[v.sum.ID]
		if len(v.cells) > 0 {
			cands = append(cands, e.tableCandidates(q, v, occ, ctx, retrieval, prior, absent, home)...)
			continue
		}
		fi := vw.figureInfo(v)
		if q.Class == "rank" {
			// 居全国第7位: only a place in a ranking answers 排名第几.
			fi = vw.figuresOf(v, ParseRanks(text), false)
		}
		figs, lists, sectors, contracts, parts := fi.figs, fi.lists, fi.sectors, fi.contracts, fi.parts
		marks := v.scopeMarks()
		var spans [][]int
		if oneYear || spanAsked {
			spans = v.yearSpans()
		}
		places := otherPlaces(q, v.sum.Meta.Region, v.sum.Title, v.places())
		// 通川区 asked of 达州's report: a sentence that names it nowhere,
		// nor its heading, gives 全市's figures, another place's.
		placeMiss := placeMissed(q, occ, ctx, v.sum.Meta.Region)
		pc := v.periodCtx()
		pc.prevYear = fi.prevYear
		for _, f := range figs {
			clause := text[clauseStart(breaks, f.Prefix):f.Prefix] // the words before f in its clause
			uf := unitFit(q, f)
			if q.Class == "rank" {
				uf = 1
			}
			if q.Scale >= 1e4 && f.Unit != "%" && f.Value < q.Scale && f.Scale != q.Scale {
				// 多少万列: 1394列 is less than the asker expects; 0.02万人,
				// in the 万 asked, is as it is asked for.
				uf *= 0.6
			} else if q.Scale >= 1e4 && f.Scale >= 1e4 && f.Scale != q.Scale {
				// 收入完成了多少万元: 254,482万元 rather than the same sum
				// as 25.4亿元 elsewhere — the figure as it is asked for.
				uf *= 0.95
			}
			if givenIn(q, f) {
				uf = 0 // 6个工业园区里…有多少家: the question gives 6个
			}
			if countsOther(q, counted, text[f.End:], f) || countsSibling(q, countedBoth, text, figs, f) {
				uf *= 0.5
			}
			if otherMedal(q, f) {
				uf = 0 // 几块银牌 is not 8金 of 8金9银6铜
			}
			if f.Unit == "个" && q.Unit != "" && q.Unit != "个" && !q.UnitSoft && UnitClass(q.Unit) == "count" {
				// 开了多少列 is not 覆盖20个国家: 个 counts the noun after it,
				// which the question does not name.
				if n := nounAfter(text[f.End:]); n != "" && !strings.Contains(q.Norm, n) {
					uf *= 0.5
				} else if n == "" && countsOtherNoun(head, forms, figureNoun(text, f.Prefix, f.End)) {
					// 医疗卫生机构一共多少张床 is not 医疗卫生机构2674个: the
					// 个 counts the noun before it, and the question counts
					// another in its own classifier.
					uf *= 0.5
				}
			}
			if f.Unit == ":" && asksStructure(q) {
				uf = 1 // 三次产业结构是多少: the ratio itself
			}
			if f.Unit == "" && uf > 0 && (q.Class == "people" || UnitClass(q.Unit) == "people") && peopleAfter(text[f.End:]) {
				uf = max(uf, 0.9) // 33万贫困人口脱贫: people, named after the figure
			}
			if uf == 0 {
				continue
			}
			uf *= rates.fit(clause, f)
			focc := occ
			listed := false
			qs, qe := f.Prefix, f.End // where the words are measured from
			// 建筑单位144家，单位数较上年增加22家: the change is of the
			// level before it, whose words it is also measured from.
			var level *Quantity
			if q.AsksChange {
				// A share's change in points is the share's own (比重(城镇化
				// 率)为40.3%，比上年提高0.79个百分点), asked of a rate; another
				// unit's is not.
				pointsOfRate := strings.HasSuffix(f.Unit, "百分点") && rateAsked
				if lv, ok := changeOfLevel(text, breaks, figs, f); ok && (!shareFigure(text, breaks, lv.Prefix) || pointsOfRate) {
					level = &lv
				}
			} else if completion {
				// 完成预算数31220万元的101.7%: the share done of the
				// level before it.
				if lv, ok := shareOfLevel(text, breaks, figs, f); ok {
					level = &lv
				}
			}
			if lp, ok := lists[f.Start]; ok {
				focc = lp.pin(occ)
				lp.sharedTail(q, text, focc)
				listed = true
				qs, qe = lp.head.Prefix, lp.head.End
			}
			if i, ok := sectors[f.Start]; ok && ask.concept >= 0 {
				// 三次产业……分别为8.3%、53.9%和37.9%: the second is 第二产业's.
				focc = append([][]occurrence(nil), focc...)
				pinned := 0.15
				if i == ask.sector {
					pinned = 1
				}
				focc[ask.concept] = []occurrence{{start: f.Start, end: f.Start, factor: 1, part: -1, text: q.Concepts[ask.concept].Word, pinned: pinned}}
				listed = true
				if _, inList := lists[f.Start]; !inList {
					// The words before the list are as near the third
					// sector's figure as the first's.
					first := -1
					for k, g := range figs {
						if sectors[g.Start] == 1 && g.Start <= f.Start && (first < 0 || g.Start > figs[first].Start) {
							first = k
						}
					}
					if first >= 0 {
						qs, qe = figs[first].Prefix, figs[first].End
					}
				}
			}
			if ct, ok := contracts[f.Start]; ok {
				var pinned bool
				if focc, pinned = pinContracted(q, focc, ct, f.Start); pinned || namedPart(q, ct) >= 0 {
					listed = true
					qs, qe = ct.head.Prefix, ct.head.End
				}
			}
			m := measure(q, focc, breaks, qs, qe, ctx, pctx)
			if level != nil && !listed {
				if ml := measure(q, focc, breaks, level.Prefix, level.End, ctx, pctx); ml.coverage > m.coverage {
					m = ml
				}
			}
			if m.core < minCore*0.5 {
				continue
			}
			year, plan := period(pc, f.Start)
			plan = plan || fi.leadPlan
			pf, pg := periodFit(budgetQ, v.sum.Meta, year, plan)
			var ft features
			ft[fCoverage] = logf(m.coverage)
			ft[fCore] = logf(m.core)
			ft[fTop] = logf(m.top)
			ft[fUnit] = logf(uf)
			ft[fPeriod] = logf(pf)
			ft[fGate] = logf(pg)
			ft[fScope] = logf(scopeFit(q, figureScope(v, marks, f.Start)))
			ft[fPrior] = logf(prior)
			ft[fRetrieval] = retrieval
			// 从0.94万家增加到1.55万家: the first is the old value.
			ft[fFromValue] = boolf(fromValue(text, breaks, f))
			if q.Before {
				// 改革之前有多少个: the old value answers, the new one not.
				ft[fFromValue] = boolf(ft[fFromValue] == 0 && toValue(text, breaks, figs, f))
			} else if actualAsked && plannedBeforeActual(text, breaks, figs, f) {
				// 预备费实际花了多少: not the 安排 of 安排预备费10000万元，
				// 支出6790万元, the other end of the pair.
				ft[fFromValue] = 1
			}
			// 新建通航机场5个 does not say how many airports there are.
			// 新增高速公路通车里程1523公里 is not the 总里程 asked either,
			// nor 新增债务限额 the 年初 债务限额.
			// Nor is a sum over years (累计完成911亿元, the five years') a
			// year's revenue or spending.
			ft[fStockAdded] = boolf(q.Stock && addedFigure(text, breaks, f.Prefix) || wholeAsked && newFigure(text, breaks, f.Prefix) ||
				(addedAsked || yearsFlowAsked && !reYearsOwn.MatchString(clause) && reOverYears.MatchString(text)) && cumulativeFigure(text, breaks, f.Prefix) ||
				cumulativeAsked && changeLevel(text, breaks, figs, f) && cumulativeBeside(text, breaks, figs, f))
			// A change, where the question asks for the level: 0.9个百分点,
			// or 下降14% for 浓度降到了多少.
			// A change in percentage points answers only a change: 城镇化率
			// 现在是多少 is not 提升0.9个百分点.
			ft[fLevelChange] = boolf(q.Level && (f.Unit == "百分点" || changeFigure(text, f.Prefix)) ||
				f.Unit == "百分点" && !q.AsksChange && q.Unit != "百分点")
			ft[fQualifier] = boolf(q.Qualify != "" && strings.Contains(f.Qualifier, q.Qualify))
			ft[fWeakCore] = boolf(m.core < minCore || m.top < 0.3)
			ft[fAbsent] = absent
			ft[fListed] = boolf(listed)
			ft[fThreshold] = boolf(thresholdFigure(q, text, f))
			otherBefore := !listed && otherPlaceBefore(places, breaks, f.Prefix) && !countsPlaces(text, f)
			ft[fOtherPlace] = boolf(placeMiss || otherBefore)
			// A sector's part of a structure (40.1:16.9:43) is a share,
			// whatever class the question was read as: no growth.
			ratioPart := sectors[f.Start] != 0 && f.Unit == "%" && !strings.HasSuffix(f.Text, "%")
			ft[fChangeMiss] = boolf(q.AsksChange && !changeFigure(text, f.Prefix) && !addedAnswers(q, text, breaks, f.Prefix) && !rateOfChange(clause) || growth && shareFigure(text, breaks, f.Prefix) ||
				ratioPart && growthWorded(q) ||
				growth && !share && f.Unit == "百分点" && (shareBefore(text, breaks, f.Prefix) || !gapAsked && reGapBefore.MatchString(clause)) ||
				share && changeFigure(text, f.Prefix) ||
				// 完成了预算的百分之多少: a share of a total (税收收入占…的
				// 57.7%) is no share of the budget done.
				completion && f.Unit == "%" && shareFigure(text, breaks, f.Prefix) && !completionFigure(text[clauseStart(breaks, f.Prefix):f.Prefix]))
			avg := averageFigure(clause)
			// 达到9.2万元、增长4.1%: the level reached is the item before
			// the join's; the change after it is the year's.
			item := clause
			if k := strings.LastIndex(clause, "、"); k >= 0 {
				item = clause[k+len("、"):]
			}
			// 这两年中，钢产量由二千零四十六万吨增加到三千一百七十八万吨: the
			// level reached is of the span's last year, which period dates.
			spanEnd := year != 0 && year == q.Year && movedTo(item)
			// 1954年比1952年增长了多少: not the change from 1953.
			otherBase := false
			if askedBase != 0 && q.AsksChange {
				b := baseYear(pc, f.Prefix)
				otherBase = b != 0 && b != askedBase
			}
			ft[fSpanMiss] = boolf(otherBase || oneYear && (spanBefore(text, spans, f.Prefix) && !spanEnd || avg && !average || !average && yearlyAverageBefore(text[:f.Prefix]) || !baseAsked && longBase(pc, f.Prefix, cmp.Or(year, q.Year)) || v.rec.Period == report.PeriodSpan && !reSentYear.MatchString(text[:f.Prefix]) && !strings.Contains(text[:f.Prefix], "去年") && !levelReached(item)) ||
				spanAsked && spanMissed(v, pc, text, spans, f, item, year, plan, avg, average, growth))
			ft[fMilestone] = boolf(!strings.Contains(q.Raw, "突破") && !strings.Contains(q.Raw, "超过") && milestone(text, figs, f))
			ft[fNarrower] = boolf(headIdx >= 0 && narrowed(q, text, focc[headIdx], breaks, f, e.an.altSeg()) ||
				sector != "" && sectorMeasure(clause, sector) || !q.Total && sumBefore(text, f.Prefix) || otherPart(q, contracts, f) ||
				subAreaBefore(q, text, breaks, f.Prefix, v.sum.Meta.Region, v.sum.Title))
			ft[fDeltaMiss] = boolf(!q.AsksChange && q.Class != "percent" && f.Unit != "%" &&
				(deltaFigure(text, f.Prefix) || reachedAfter(text[f.End:]) && changeUnasked(q, text, f.Prefix) ||
					totalAfter(text[f.End:]) && sameUnitNext(figs, f) && !added))
			if budgetStage != 0 && budgetStageClash(budgetStage, text, breaks, figs, f) {
				// 年初预算 asked of 支出预算调整为52.5亿元, or the
				// budget as adjusted of the budget set at the year's start.
				ft[fFlowClash] = 1
			}
			if ff := figureFlow(text, breaks, f.Prefix); qflow != "" && ff != "" && ff != qflow {
				ft[fFlowClash] = 1
			}
			if !listed && (laterItemAsked(q, text, occ, breaks, f) || vw.detailedNext(q, v, occ, breaks, f)) {
				// 共完成房屋签约207座、拆除211座, asked 拆了多少座: the
				// figure of the item the asked word stands in answers.
				ft[fFlowClash] = 1
			}
			if q.Scope == ScopeWhole && otherBefore {
				// 全市居民消费价格涨了多少, where the report gives only its
				// districts' (乐都区…下降0.5%，平安区…上涨0.4%): a part's
				// figure, where the whole is asked in so many words.
				ft[fFlowClash] = 1
			}
			if balanceAsked && repayment(clause) || otherDebtMeasure(debtAsk, clause) || otherPopulation(popAsked, text[:f.Prefix], clause) || otherStage(stage, clause) {
				// 债务余额 asked; 偿还到期政府债务本息26亿元 is paid back,
				// 政府债务限额为10657.4亿元 the ceiling, not the balance;
				// 常住人口 asked of 按户籍口径…总人口; 在建 of 累计竣工527套.
				ft[fFlowClash] = 1
			}
			if otherSector(sectorNo, clause) {
				// 第二产业增加值715.2亿元 for 第一产业: what the question's
				// words matched (产业增加值) is another sector's.
				ft[fFlowClash], ft[fWeakCore] = 1, 1
			}
			ft[fTotal] = boolf(q.Total && (totalNoun(figureNoun(text, f.Prefix, f.End)) || totalClause(clause)))
			// A standard (低保标准) is per person whether or not the
			// question says so.
			lh := fi.listHead(f)
			ft[fPerUnitMiss] = boolf(q.PerUnit && !perUnitFigure(text, breaks, f) && !perUnitFigure(text, breaks, lh) ||
				!q.PerUnit && !strings.Contains(q.Norm, "标准") && (perUnitNoun(text[clauseStart(breaks, lh.Prefix):lh.Prefix]) || perUnitChain(text, breaks, f.Prefix)) ||
				!perBaseAsked && perBaseChain(text, breaks, lh.Prefix))
			// 2025年初的债务限额 is not the 年末 one, nor the reverse.
			ft[fSubperiodMiss] = boolf(parts.at(f.Prefix) != qpart || qpoint != "" && pointAt(text, f.Prefix) != "" && pointAt(text, f.Prefix) != qpoint)
			if e.model.w[fHeadClash] != 0 {
				ft[fHeadClash] = boolf(!listed && headClash(head, forms, figureNoun(text, f.Prefix, f.End)))
			}
			p := e.model.prob(&ft)
			a := v.answerOf(f.Start, f.End, f)
			a.Score, a.Kind, a.Period, a.Plan, a.Matched = round(p), "number", year, plan, m.matched
			cands = append(cands, candidate{Answer: a, value: f.Value, class: f.Class(), home: home, feat: ft, prob: p, gate: e.model.gate(&ft)})
		}
	}
	e.settleNarrowed(q, cands)
	e.settleApprox(q, cands)
	return cands
}

// approxQualifiers make a figure approximate: 约1100亿元, 1100亿元左右;
// floorQualifiers make it a mark passed: 突破5000亿元, 超过700亿元,
// 跨过5000亿元大关.
var (
	approxQualifiers = []string{"约", "左右", "大约", "近", "上下"}
	floorQualifiers  = []string{"突破", "超过", "跨过", "迈过", "跨越", "逾", "以上", "超"}
)

// settleApprox marks an approximate figure (约1100亿元, in a five-year
// review) where another sentence gives a figure of the same year, kind
// and unit at about the same value exactly (全年实现地区生产总值1100.7亿元),
// and a mark passed (突破5000亿元) where another gives the level reached a
// little above it (约5300亿元): the other answers. An approximate figure
// yields only where the question does not ask roughly (大概多少).
func (e *Engine) settleApprox(q *Question, cands []candidate) {
	rough := hasAny(q.Norm, []string{"大概", "大约", "约", "左右", "差不多"})
	// The qualifiers of each figure, read once rather than per pair.
	approxes, floors := make([]bool, len(cands)), make([]bool, len(cands))
	for i := range cands {
		approxes[i], floors[i] = hasAny(cands[i].Qualifier, approxQualifiers), hasAny(cands[i].Qualifier, floorQualifiers)
	}
	for i := range cands {
		c := &cands[i]
		// A rate's twin is chance: 增长5%左右 beside 失业率5%以内.
		approx, floor := !rough && approxes[i], floors[i]
		if !approx && !floor || c.value <= 0 || c.Unit == "%" || c.Unit == "百分点" || c.Unit == "‰" {
			continue
		}
		for j := range cands {
			o := &cands[j]
			if j == i || o.Sentence == c.Sentence || o.class != c.class || o.Unit != c.Unit || o.Period != c.Period || o.feat[fTop] < c.feat[fTop]-0.7 {
				continue
			}
			// 约1100亿元 beside 1100.7亿元; 突破5000亿元 (a mark passed)
			// beside 约5300亿元, the level reached.
			near := approx && !approxes[j] && !floors[j] && math.Abs(o.value-c.value) <= 0.03*math.Abs(o.value)
			above := floor && !floors[j] && o.value > c.value && o.value <= 1.3*c.value
			if !near && !above {
				continue
			}
			c.feat[fApproxTwin] = 1
			c.prob = e.model.prob(&c.feat)
			c.Score = round(c.prob)
			c.gate = e.model.gate(&c.feat)
			break
		}
	}
}

// settleNarrowed keeps the narrower feature only where it decides between
// figures: a narrowed subject (城镇常住人口 1754.2万人) counts against its
// figure when another figure of the same kind, with a different value,
// stands beside the subject itself (常住人口2153.5万人). Where the narrowed
// subject is all there is, or says the same (城镇新增就业 and 新增就业, both
// 1.7万人), it is the answer.
func (e *Engine) settleNarrowed(q *Question, cands []candidate) {
	for i := range cands {
		c := &cands[i]
		if c.feat[fNarrower] == 0 {
			continue
		}
		rival, same := false, false
		for j := range cands {
			o := &cands[j]
			if o.feat[fNarrower] != 0 || o.class != c.class || o.feat[fTop] < c.feat[fTop]-0.7 {
				continue
			}
			if o.value == c.value {
				same = true
			} else {
				rival = true
			}
		}
		rival = rival && !same
		if !rival && !asksWhole(q) {
			c.feat[fNarrower] = 0
			c.prob = e.model.prob(&c.feat)
			c.Score = round(c.prob)
			c.gate = e.model.gate(&c.feat)
		}
	}
}

// unknownPenalty lowers the confidence in answers to an English question
// with words the glossary does not know: the subject may be among them.
func unknownPenalty(q *Question) float64 {
	p := math.Pow(0.7, float64(len(q.Unknown)))
	if len(q.Unknown) > 0 {
		// With an unknown word and no subject but dictionary guesses
		// (How many pandas live in Tianjin → 生活), the subject is likely
		// the unknown word: answer only on very strong evidence.
		sure := false
		for _, c := range q.Concepts {
			sure = sure || !c.Aspect && !c.Guess
		}
		if !sure {
			p *= 0.5
		}
	}
	return p
}

// contextMatches gives, per concept, the credit for finding it in the
// paragraph's topic heading or its section title, or its parts split
// between them and the sentence: context for every figure of the
// paragraph, worth less than a word beside the figure.
func contextMatches(q *Question, v *sentView) []float64 {
	ctx := wholeContext(q, v)
	if v.heading == "" && v.section == "" {
		return ctx
	}
	for ci, c := range q.Concepts {
		ctx[ci] = math.Max(ctx[ci], partsInContext(c, v, v.heading, v.section))
	}
	return ctx
}

// wholeContext is contextMatches without the parts of words: the credit
// for a concept's word or an alternative in the heading or section title.
func wholeContext(q *Question, v *sentView) []float64 {
	ctx := make([]float64, len(q.Concepts))
	if v.rec.Period == report.PeriodSpan {
		// A review of five years (五年来, “十三五”时期) is about the plan
		// that ended in the year it reviews: 十三五 of the question names
		// the span, not a word to find beside the figure.
		for ci, c := range q.Concepts {
			if c.Word == "五年" || utf8.RuneCountInString(c.Word) == 3 && report.FiveYearPlanEnd(c.Word) == v.sum.Meta.ReviewYear {
				ctx[ci] = 0.7
			}
		}
	}
	heading, section := v.heading, v.section
	if heading == "" && section == "" {
		return ctx
	}
	for ci, c := range q.Concepts {
		for k := range c.Alts {
			alt := &c.Alts[k]
			w := alt.folded
			if w == "" {
				continue
			}
			if heading != "" && v.headRunes.mayHold(&alt.runes) && strings.Contains(heading, w) {
				credit := 0.35
				if v.subject {
					credit = 0.7
				}
				ctx[ci] = math.Max(ctx[ci], credit*alt.Factor)
			}
			if section != "" && v.secRunes.mayHold(&alt.runes) && strings.Contains(section, w) {
				ctx[ci] = math.Max(ctx[ci], 0.25*alt.Factor)
			}
		}
	}
	return ctx
}

// partContexts gives, per concept and part of its word, the credit for
// finding the part in the heading or the section title (see
// headingParts), for measure to join with the parts found beside a
// figure: 赤字33400亿元 under 一、中央财政管理审计情况 is 财政赤字's figure,
// not the 收入 before it. It is nil when no concept has a part there.
func partContexts(q *Question, v *sentView) [][]float64 {
	if v.heading == "" && v.section == "" {
		return nil
	}
	var out [][]float64
	for ci, c := range q.Concepts {
		if hp := headingParts(c, v, v.heading, v.section); hp != nil {
			if out == nil {
				out = make([][]float64, len(q.Concepts))
			}
			out[ci] = hp
		}
	}
	return out
}

// partsInContext credits a word whose parts are split between the
// sentence and its heading: 收入预算安排318.1亿元 under 1．一般公共预算
// finds 一般公共预算收入. A part in the sentence counts in full, one in the
// heading or section title as context does; 0 unless the context holds a
// part.
func partsInContext(c Concept, v *sentView, heading, section string) float64 {
	hp := headingParts(c, v, heading, section)
	if hp == nil {
		return 0
	}
	var sum, wsum float64
	fromContext := false
	for k, p := range c.foldedParts {
		w := partWeight(c, k)
		wsum += w
		if p != "" && v.runes.mayHold(partRunes(c, k)) && strings.Contains(v.folded, p) {
			sum += w
		} else if hp[k] > 0 {
			sum, fromContext = sum+w*hp[k], true
		}
	}
	if !fromContext {
		return 0
	}
	return 0.85 * sum / wsum
}

// headingParts gives, per part of a concept's word of two parts or more,
// 0.6 for a part the heading holds, 0.45 for one the section title holds
// and 0 for the others; nil when neither holds any.
func headingParts(c Concept, v *sentView, heading, section string) []float64 {
	if len(c.foldedParts) < 2 {
		return nil
	}
	var out []float64
	for k, p := range c.foldedParts {
		credit := 0.0
		switch {
		case p == "":
		case heading != "" && v.headRunes.mayHold(partRunes(c, k)) && strings.Contains(heading, p):
			credit = 0.6
		case section != "" && v.secRunes.mayHold(partRunes(c, k)) && strings.Contains(section, p):
			credit = 0.45
		}
		if credit > 0 && out == nil {
			out = make([]float64, len(c.foldedParts))
		}
		if out != nil {
			out[k] = credit
		}
	}
	return out
}

// partWeight is the weight of part k of a concept's word: its rarity, or
// 1 when not known.
func partWeight(c Concept, k int) float64 {
	if k < len(c.PartWeights) {
		return c.PartWeights[k]
	}
	return 1
}

// partRunes is the rune set of part k of a concept's word; a part a text
// cannot hold by its runes is not looked for in it. A concept built
// without rune sets (in tests) has an empty one, which any text may hold.
func partRunes(c Concept, k int) *runeSet {
	if k < len(c.partRunes) {
		return &c.partRunes[k]
	}
	return &runeSet{}
}

// figureInfo is what scoring reads of a sentence's figures whatever the
// question: the figures with the shares of a sector ratio, the lists
// they stand in, the subperiods of the sentence and the year the
// sentence before sets. Like a view, it is derived once and shared.
type figureInfo struct {
	figs      []Quantity
	lists     map[int]listPlace
	sectors   map[int]int
	contracts map[int]contracted
	parts     subperiods
	prevYear  int // the year of the sentence before, when it dates this one
	// leadPlan: the sentence is an item of a list led by a sentence that
	// sets targets (主要预期目标是：/ ◆地区生产总值增长5%).
	leadPlan bool
}

// figureInfo returns the figure info of the view's own figures, derived
// once; it must not be modified.
func (vw *viewer) figureInfo(v *sentView) *figureInfo {
	v.figInfoOnce.Do(func() { v.figInfo = vw.figuresOf(v, v.figures(), true) })
	return v.figInfo
}

// figuresOf derives the figure info of figs, figures of the view's
// sentence; ratios adds the shares of a sector ratio (三次产业结构为
// 7.6:44.8:47.6) to them.
func (vw *viewer) figuresOf(v *sentView, figs []Quantity, ratios bool) *figureInfo {
	text, breaks := v.simp, v.layout()
	fi := &figureInfo{figs: figs, parts: subperiodsOf(text)}
	fi.lists = joinedLists(text, breaks, figs, respectively(text, breaks, figs))
	fi.sectors = sectorLists(text, breaks, figs)
	fi.contracts = contractionLists(text, breaks, figs)
	if ratios && strings.Contains(text, "产业") {
		// 三次产业结构为7.6:44.8:47.6: the whole ratio, and each
		// sector's share.
		whole, parts := sectorRatios(text)
		fi.figs = append(append(append([]Quantity(nil), figs...), whole...), parts...)
		for k, f := range parts {
			if fi.sectors == nil {
				fi.sectors = map[int]int{}
			}
			fi.sectors[f.Start] = k%3 + 1
		}
	}
	if lead := vw.listLead(v); lead != nil && !reSentYear.MatchString(text) {
		// ◆地区生产总值增长5%; under 今年…主要预期目标是: the lead's
		// year and tense are the item's.
		pc := lead.periodCtx()
		fi.prevYear, fi.leadPlan = period(pc, len(lead.simp))
		return fi
	}
	if v.rec.N > 0 {
		if prev := vw.neighbour(v, v.rec.N-1); prev != nil && isDetail(text) {
			fi.prevYear, _ = period(periodCtx{text: prev.rec.Text}, len(prev.rec.Text))
		} else if !reSentYear.MatchString(text) {
			// 过去一年，我们的各项工作取得了很大成绩。国内生产总值增长
			// 10.3%…: the sentence before, of no figure, names the year.
			fi.prevYear = vw.topicBefore(v)
		}
	}
	return fi
}

// Stages of a budget a question may ask of: as set at the year's start, or
// as adjusted during it.
const (
	budgetInitial = 1 + iota
	budgetAdjusted
)

// reInitialAsked and reAdjustedAsked ask for a budget as first set (年初预算)
// or as adjusted (调整后, 后来调到了多少).
var (
	reInitialAsked  = rx.MustCompile(`年初|初始|最初|原定|原来的预算|起初`)
	reAdjustedAsked = rx.MustCompile(`调整后|调整为|调整到|调到|调至|调成|调整了?多少|变更后|\badjusted\b|\brevised\b`)
	// reAdjustedBefore stands before a figure of a budget as adjusted.
	reAdjustedBefore = rx.MustCompile(`(?:调整为|调整到|调整至|调至|调到|调整后(?:的)?(?:预算)?(?:为|是)?|变更为)\s*$`)
)

// budgetStageAsked returns the stage of a budget the question asks of, or
// 0.
func budgetStageAsked(q *Question) int {
	raw := strings.ToLower(q.Raw)
	switch {
	case !strings.Contains(raw, "预算") && !strings.Contains(raw, "budget"):
		return 0 // 调整了多少个政府投资项目: no budget
	case reAdjustedAsked.MatchString(raw):
		return budgetAdjusted
	case reInitialAsked.MatchString(raw):
		return budgetInitial
	}
	return 0
}

// budgetStageClash reports whether figure f is of another stage of a
// budget than the one asked: adjusted (支出预算调整为52.5亿元) when the
// start's is asked, or, in a sentence that gives the adjusted one, another
// figure when the adjusted is asked.
func budgetStageClash(stage int, text string, l *layout, figs []Quantity, f Quantity) bool {
	adjusted := func(g Quantity) bool {
		return reAdjustedBefore.MatchString(text[clauseStart(l, g.Prefix):g.Prefix])
	}
	if stage == budgetInitial {
		return adjusted(f)
	}
	if adjusted(f) {
		return false
	}
	for _, g := range figs {
		if g.Start != f.Start && adjusted(g) {
			return true
		}
	}
	return false
}

// listMarks open the items of a list set one a line: ◆, ●, ■.
const listMarks = "◆●■▲◇○□△•▪►★☆"

// listLead returns the sentence that leads the list whose item v is (报告
// 提出，今年…的主要预期目标是：), when v opens with a list mark and the
// items before it back to the lead do too; else nil.
func (vw *viewer) listLead(v *sentView) *sentView {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(v.simp))
	if !strings.ContainsRune(listMarks, r) {
		return nil
	}
	for n := v.rec.N - 1; n >= 0 && n >= v.rec.N-maxListItems; n-- {
		prev := vw.sentenceAt(v, n, false)
		if prev == nil {
			return nil
		}
		t := strings.TrimSpace(prev.simp)
		if r, _ := utf8.DecodeRuneInString(t); strings.ContainsRune(listMarks, r) {
			continue
		}
		if strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":") {
			return prev
		}
		return nil
	}
	return nil
}

// inheritSubject credits the concepts of the sentence before a sentence
// that opens with 其中 (of which): 市级社保基金预算支出安排263.4亿元。其中，
// 企业职工基本养老保险支出138.9亿元 — the second is part of the first's
// subject.
//
// So does a short heading run into a paragraph before a sentence with no
// subject of its own: 支持美好教育。拨付174.9亿元。
func (vw *viewer) inheritSubject(q *Question, v *sentView, ctx []float64) {
	v.inheritOnce.Do(func() { v.inheritFrom, v.inheritCredit = vw.inheritance(v) })
	creditIn(q, ctx, v.inheritFrom, v.inheritCredit)
}

// creditIn credits, in ctx, each concept that folded words hold, credit
// times its wording's factor at most.
func creditIn(q *Question, ctx []float64, words string, credit float64) {
	if words == "" {
		return
	}
	for ci, c := range q.Concepts {
		for _, alt := range c.Alts {
			if alt.folded != "" && strings.Contains(words, alt.folded) {
				ctx[ci] = math.Max(ctx[ci], credit*alt.Factor)
			}
		}
	}
}

// carryOver credits, a little, the concepts the sentence before in the
// same paragraph names: what a run of sentences is about carries over
// (荆州市中心城区PM10平均浓度为53μg/m。…环境空气质量优良天数307天: the
// days are the central district's). The lead is read once per view, not
// per question.
func (vw *viewer) carryOver(q *Question, v *sentView, ctx []float64) {
	v.prevLeadOnce.Do(func() {
		if v.rec.N == 0 {
			return
		}
		if prev := vw.neighbour(v, v.rec.N-1); prev != nil {
			v.prevLead = leadSubject(prev.folded)
		}
	})
	creditIn(q, ctx, v.prevLead, carriedCredit)
}

// carriedCredit is the credit of a concept the sentence before names.
const carriedCredit = 0.35

// inheritance returns the folded words a sentence inherits its subject
// from, and the credit they earn: "" when it inherits none.
func (vw *viewer) inheritance(v *sentView) (from string, credit float64) {
	detail := isDetail(v.rec.Text)
	var prev *sentView
	if !detail && v.rec.N > 0 {
		// A list of 其中 cut at a semicolon goes on in the next sentence:
		// 支出717.88亿元，其中一般公共服务支出82.56亿元；…|教育支出111.10亿元.
		if prev = vw.neighbour(v, v.rec.N-1); prev != nil && continuesDetail(prev.rec.Text) {
			detail = true
		}
	}
	// A balance (当年收支结余…，年末滚存结余…) is of the fund the sentence
	// before names, as a detail is of its subject.
	balance := !detail && balanceLead(v.rec.Text)
	// An item of a list (一是…。二是…。) is of the subject of the sentence
	// that leads the list.
	item := !detail && !balance && reListItem.MatchString(v.rec.Text)
	// A change on another basis (按可比口径测算，同比增加62743万元，增长
	// 5.2%) restates the figure of the sentence before.
	restated := !detail && !balance && !item && reBasisLead.MatchString(v.rec.Text)
	if !detail && !balance && !item && !restated && !subjectless(v.rec.Text) {
		return "", 0
	}
	if restated {
		if prev = vw.neighbour(v, v.rec.N-1); prev == nil {
			return "", 0
		}
		return leadSubject(prev.folded), inheritedCredit
	}
	switch {
	case item:
		prev = nil
		for n := v.rec.N - 1; n >= 0 && n >= v.rec.N-maxListItems; n-- {
			s := vw.neighbour(v, n)
			if s == nil {
				break
			}
			if !reListItem.MatchString(s.rec.Text) {
				prev = s
				break
			}
		}
	case prev == nil && detail:
		// A detail may open a paragraph of its own (具体分配结果：一是…).
		prev = vw.sentenceAt(v, v.rec.N-1, false)
	case prev == nil:
		prev = vw.neighbour(v, v.rec.N-1)
	}
	if prev == nil || !detail && !balance && !item && !runInHeading(prev.rec.Text) {
		return "", 0
	}
	if item {
		// The subject of the lead is what it tells before its first
		// figure (全市民生支出507.2亿元，占一般公共预算支出的82.2%: 民生支出).
		return leadSubject(prev.folded), itemCredit
	}
	return prev.folded, inheritedCredit
}

// reBasisLead opens a sentence that gives a change on another basis and
// names no subject: 按可比口径测算，同比增加…, 同口径增长…, 剔除留抵退税因素后，增长….
var reBasisLead = rx.MustCompile(`^\s*(?:按|以)?(?:(?:可比|同)口径|剔除[^，,。]{1,16}?(?:因素|影响)后?|扣除[^，,。]{1,16}?(?:因素|影响)后?)(?:测算|计算|算)?[，,]?\s*(?:同比|比上年|较上年|比去年|与上年相比[，,]?)?(?:增加|增长|下降|减少|增收|减收|持平)`)

// reListItem opens an item of a list told sentence by sentence (一是…;
// 第二，…; 其次，…).
var reListItem = rx.MustCompile(`^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，,、]|其次[，,]|再次[，,]|最后[，,])`)

// leadSubject is the part of a folded sentence before its first figure,
// or all of it when it has none.
func leadSubject(folded string) string {
	if k := firstDigit(folded); k >= 0 {
		return folded[:k]
	}
	return folded
}

// firstDigit returns the byte of the first ASCII digit of s, or -1.
func firstDigit(s string) int {
	return strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
}

// maxListItems is how far back the lead of a list is looked for.
const maxListItems = 8

// isDetail reports whether a sentence gives the parts of the subject of
// the one before: 其中，…, its shares (本次计划分配：市本级14.78亿元、…),
// or what it built (已建成的主要有：…复线643公里).
func isDetail(text string) bool {
	t := strings.TrimLeft(text, " 　（(0123456789一二三四五六七八九十.、．）)")
	return strings.HasPrefix(t, "其中") || reShareOut.MatchString(t)
}

// reShareOut opens a sentence that shares out what the one before names.
var reShareOut = rx.MustCompile(`^(?:(?:本次|此次|这次)?(?:计划|拟|具体)?(?:分配|分配情况|分配方案|分解|分配结果)(?:如下|为)?|(?:已建成|已完成|建成|完成|新建|实施)?的?(?:项目|工程)?主要(?:有|是|包括))[：:]`)

// rePeopleAfter is a noun of people right after a figure with no unit
// (33万贫困人口, 12万农民工).
var rePeopleAfter = rx.MustCompile(`^[\p{Han}]{0,4}?(?:人口|人员|群众|居民|农民工|农民|职工|学生|儿童|老人|劳动力|毕业生|对象)`)

// peopleAfter reports whether the words after a figure name the people it
// counts.
func peopleAfter(after string) bool { return rePeopleAfter.MatchString(after) }

// continuesDetail reports whether a sentence ends in the middle of a list
// of the parts of its subject (其中…；), for the next to go on with.
func continuesDetail(text string) bool {
	t := strings.TrimRight(text, " 　")
	return (strings.HasSuffix(t, "；") || strings.HasSuffix(t, ";")) && strings.Contains(t, "其中")
}

// subjectless reports whether the clause of a sentence's first figure
// opens with at most a verb before it (拨付174.9亿元; 建设热火朝天，完成投资
// 1104亿元), scope, level and money words apart (市级共安排资金6000万元).
func subjectless(text string) bool {
	lead, ok := firstFigureLead(text)
	if !ok {
		return false
	}
	n := 0
	for _, r := range genericLead.Replace(lead) {
		if !isHan(r) || n == 4 {
			return false
		}
		n++
	}
	return n >= 1
}

// balanceLead reports whether the clause of a sentence's first figure
// opens with a balance and nothing else (当年收支结余9.73亿元; 收支相抵，
// 年末滚存结余5638.11亿元; 年终结转12亿元): what is left of a fund named
// before.
func balanceLead(text string) bool {
	lead, ok := firstFigureLead(text)
	return ok && reBalanceLead.MatchString(strings.TrimSpace(lead))
}

// firstFigureLead returns the words before a sentence's first figure in
// its clause (重点片区建设热火朝天，完成投资1104亿元: 完成投资), and false when
// the sentence has no figure or opens with one.
func firstFigureLead(text string) (string, bool) {
	k := firstDigit(text)
	if k <= 0 {
		return "", false
	}
	lead := text[:k]
	if c := strings.LastIndexAny(lead, "，；：,;:"); c >= 0 {
		_, n := utf8.DecodeRuneInString(lead[c:])
		lead = lead[c+n:]
	}
	return lead, true
}

// reBalanceLead is a balance with its period and nothing naming whose.
var reBalanceLead = rx.MustCompile(`^(?:当年|本年|年末|年终|年底|期末|累计|收支|滚存)*(?:结余|结转|结存)(?:资金)?(?:为|达|共)?$`)

// genericLead are words before a figure that name no subject: a scope or
// level, a total and money itself (what is left of 市级共安排资金 is the
// verb).
var genericLead = strings.NewReplacer("市本级", "", "市级", "", "全市", "", "省本级", "", "省级", "", "全省", "",
	"县本级", "", "县级", "", "全县", "", "区级", "", "全区", "", "共", "", "累计", "", "全年", "",
	"资金", "", "经费", "")

// runInHeading reports whether a sentence is a short heading run into its
// paragraph: no figure, a few words (支持美好教育。).
func runInHeading(text string) bool {
	t := strings.TrimRight(text, "。 ")
	// 2015年，外贸出口形势良好。: the year the paragraph tells of leads
	// its topic.
	if m := reTimeLead.FindStringIndex(t); m != nil {
		t = t[m[1]:]
	}
	return utf8.RuneCountInString(t) <= 16 && !strings.ContainsAny(t, "0123456789，,；;")
}

// reTimeLead is a time and a comma opening a sentence: 2015年，, 全年，.
var reTimeLead = rx.MustCompile(`^(?:(?:19|20)\d{2}\s*年(?:以来|全年)?|全年|去年|今年|过去一年|上半年|前三季度)[，,]\s*`)

// inheritedCredit is what a concept found in the sentence a 其中 sentence
// details counts for.
const inheritedCredit = 0.6

// itemCredit is what a concept found in the lead of a list counts for in
// its items, which may tell of deeds rather than parts (一是投入资金132.6亿元).
const itemCredit = 0.4

// tableCandidates scores the cells of a table row: the row names the
// subject, the column the period and whether it is a target.
func (e *Engine) tableCandidates(q *Question, v *sentView, occ [][]occurrence, ctx []float64, retrieval, prior, absent float64, home bool) []candidate {
	m0 := v.sum.Meta
	secYear := v.rec.Year
	if secYear == 0 {
		secYear = m0.ReviewYear
	}
	sectorNo := askedSector(q).sector
	var out []candidate
	for _, c := range v.cells {
		uf := unitFit(q, c.q)
		if uf == 0 {
			continue
		}
		// The row name is the subject: find the concepts in it as if next
		// to the figure; the column name counts as context.
		nameOcc := make([][]occurrence, len(occ))
		colCtx := make([]float64, len(q.Concepts))
		name, col := c.foldedName, c.foldedColumn
		for ci, cpt := range q.Concepts {
			for _, alt := range cpt.Alts {
				w := alt.folded
				if w == "" {
					continue
				}
				if strings.Contains(name, w) {
					nameOcc[ci] = append(nameOcc[ci], occurrence{factor: alt.Factor, text: alt.Text, part: -1})
				}
				if strings.Contains(col, w) {
					colCtx[ci] = math.Max(colCtx[ci], 0.8*alt.Factor)
				}
			}
			colCtx[ci] = math.Max(colCtx[ci], ctx[ci])
		}
		m := measure(q, nameOcc, nil, 1, 1, colCtx, nil)
		if m.core < minCore*0.5 {
			continue
		}
		// 格尔木市 asked of a province's table: a row that names it
		// nowhere, nor its column, is another place's.
		placeMiss := placeMissed(q, nameOcc, colCtx, m0.Region)
		// The year of the column (2024年债务限额), else of the row
		// (二、2024年末地方政府债务余额), else of the section.
		year := secYear
		if ms := reSentYear.FindStringSubmatch(c.column); ms != nil {
			year = yearValue(ms[1])
		} else if ms := reSentYear.FindStringSubmatch(c.foldedName); ms != nil {
			year = yearValue(ms[1])
		}
		plan := strings.Contains(c.column, "计划") || strings.Contains(c.column, "目标")
		pf, pg := periodFit(q, m0, year, plan)
		var ft features
		ft[fCoverage] = logf(m.coverage)
		ft[fCore] = logf(m.core)
		ft[fTop] = logf(m.top)
		ft[fUnit] = logf(uf)
		ft[fPeriod] = logf(pf)
		ft[fGate] = logf(pg)
		ft[fScope] = logf(scopeFit(q, figureScope(v, nil, 0)))
		ft[fPrior] = logf(prior)
		ft[fRetrieval] = retrieval
		ft[fWeakCore] = boolf(m.core < minCore || m.top < 0.3)
		ft[fTable] = 1
		ft[fAbsent] = absent
		ft[fOtherPlace] = boolf(placeMiss)
		ft[fNarrower] = boolf(narrowColumn(q, c.column, v.cells))
		if otherSector(sectorNo, c.foldedName) {
			ft[fFlowClash], ft[fWeakCore] = 1, 1 // the row of 第二产业 for 第一产业
		}
		// 少了多少 of a table: the column of the change answers it, not
		// the level beside it (年末数).
		// 占GDP的比重 of a table: the column of the shares (构成), not the
		// growth beside it; 增长多少 the other way round.
		ft[fChangeMiss] = boolf(q.AsksChange && c.column != "" && !changeColumn(c.column) ||
			asksShare(q) && changeColumn(c.column) || asksGrowth(q) && shareColumn(c.column))
		p := e.model.prob(&ft)
		g := e.model.gate(&ft)
		a := v.answerAt(c.cell.Start, c.cell.End)
		a.Text, a.Value, a.Unit, a.Qualifier = c.q.Text, c.q.Value, c.q.Unit, c.q.Qualifier
		a.Score, a.Kind, a.Period, a.Plan, a.Column, a.Matched = round(p), "table", year, plan, c.column, m.matched
		out = append(out, candidate{Answer: a, value: c.q.Value, class: c.q.Class(), home: home, feat: ft, prob: p, gate: g})
	}
	return out
}

// placeMissed reports whether a place the question names, not the
// report's own region, is found neither among the occurrences nor in the
// context (the heading, a table's column): the figure is another place's.
func placeMissed(q *Question, occ [][]occurrence, ctx []float64, region string) bool {
	for ci, c := range q.Concepts {
		if c.Place && len(occ[ci]) == 0 && ctx[ci] == 0 && placeRelation(c.Word, region) != placeSame {
			return true
		}
	}
	return false
}

// shareColumn reports whether a table's column holds shares: 构成（%）,
// 比重, 占比.
func shareColumn(col string) bool {
	return hasAny(col, []string{"构成", "比重", "占比", "结构", "占全"})
}

// reChangeLead opens a clause that gives the change of the level the
// clause before gives, naming nothing new: 比上年末增加0.02万人, 单位数较上
// 年增加22家, 同比下降3.2%, 增长5% (直比 an OCR's 同比).
var reChangeLead = rx.MustCompile(`^(?:其|单位数|数量|总数|总量|人数|户数|个数|家数)?(?:比上年末|比上年底|比年初|比上年同期|比上年|比去年|较上年末|较上年|较去年|较年初|同比|直比|与上年相比|与去年相比|同口径|按可比口径计算|可比)?(?:决算数|执行数|预计数|完成数|实际数)?(?:增长|下降|增加|减少|提高|降低|上升|回落|下滑|持平)|^(?:其|单位数|数量|总数|总量|人数|户数|个数|家数)?(?:比上年末|比上年底|比年初|比上年同期|比上年|比去年|较上年末|较上年|较去年|较年初|同比|与上年相比|与去年相比)`)

// changeOfLevel returns the figure whose change f gives: the last figure
// of the clause before f's, when f's clause opens with the comparison
// (see reChangeLead).
func changeOfLevel(text string, l *layout, figs []Quantity, f Quantity) (Quantity, bool) {
	cs := clauseStart(l, f.Prefix)
	if cs == 0 {
		return Quantity{}, false
	}
	clause := strings.TrimLeft(text[cs:f.Prefix], "，,；;、 ")
	if !reChangeLead.MatchString(clause) {
		return Quantity{}, false
	}
	return levelBefore(text, l, figs, cs)
}

// shareOfLevel returns the level whose share of a budget or plan done f
// gives (收入31751万元，完成预算数31220万元的101.7%: 31751万元).
func shareOfLevel(text string, l *layout, figs []Quantity, f Quantity) (Quantity, bool) {
	cs := clauseStart(l, f.Prefix)
	if cs == 0 || !completionShare(text[cs:f.Prefix]) {
		return Quantity{}, false
	}
	return levelBefore(text, l, figs, cs)
}

// levelBefore returns the level the clause starting at cs goes on from:
// the last figure of the clauses before, not a part's (其中…).
func levelBefore(text string, l *layout, figs []Quantity, cs int) (Quantity, bool) {
	// The clause before, or one further back past clauses that go on
	// from the level too: a share of it done (完成调整预算的96.3%), its
	// change, what was collected over the budget (超收392万元), or the
	// basis of the next change (剔除缓税因素): 一般公共预算收入完成155亿元，
	// 完成预算的100%，同比增长1.3%，剔除缓税因素，可比增长6.8%.
	end := cs
	for range 4 {
		start := clauseStart(l, end-1)
		var lv Quantity
		found := false
		for _, g := range figs {
			if g.Start >= start && g.End <= end {
				lv, found = g, true
			}
		}
		at := end
		if found {
			at = lv.Prefix
		}
		lead := strings.TrimLeft(text[start:at], "，,；;、 ")
		if strings.HasPrefix(lead, "其中") {
			// 其中国有工业企业实现利润967亿元，增长77.7%: the change of
			// a part, whose words the question may not have.
			return Quantity{}, false
		}
		if !found {
			if start == 0 || !reChangeBasis.MatchString(lead) {
				return Quantity{}, false
			}
		} else if start == 0 || !completionShare(lead) && !reChangeLead.MatchString(lead) && !reOverBudget.MatchString(lead) {
			return lv, true
		}
		end = start
	}
	return Quantity{}, false
}

// reChangeBasis is a clause that gives the basis of the change after it:
// 剔除缓税因素, 扣除一次性因素后, 按可比口径计算.
var reChangeBasis = rx.MustCompile(`^(?:剔除|扣除|扣减|不含|除去)[^，,；;]{0,16}$|^(?:按|按照)?(?:可比|同|相同)口径(?:计算)?$`)

// reOverBudget opens a clause of what was collected or spent over or under
// the budget, or the change in money beside a rate (超收392万元, 增收3003万元).
var reOverBudget = rx.MustCompile(`^(?:超收|短收|增收|减收|超支|增支|减支)`)

// completionShare reports whether the words before a figure in its clause
// make it the share of a budget or plan done (完成调整预算的96.3%, 为预算的
// 101.4%).
func completionShare(before string) bool {
	if strings.Contains(before, ",") {
		before = dropThousandsCommas(before) // 为年初预算205,000万元的77.7%
	}
	return reCompletionShare.MatchString(before)
}

// dropThousandsCommas returns s without the commas that part a number's
// thousands (205,000).
func dropThousandsCommas(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ',' && thousandsComma(s, i) {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// completionFigure reports whether the words before a figure in its
// clause make it the share of a budget or plan done, by its 的 or in so
// many words (预算完成率, 为年初预算的).
func completionFigure(before string) bool {
	return completionShare(before) || hasAny(before, []string{"完成率", "执行率", "完成预算", "完成年度预算", "为预算", "为年初预算", "为调整预算", "完成计划"})
}

// reCompletionShare ends the words before the share of a budget or plan
// done: 完成调整预算的, 完成预算数31220万元的 (not 一般公共预算收入的).
var reCompletionShare = rx.MustCompile(`(?:预算|计划|目标)数?(?:[^收支，,；;。][^，,；;。]{0,15}?)?的\s*$`)

// asksCompletion reports whether a question asks what share of a budget
// or plan was done (完成了预算的百分之多少, 完成率, of the budget).
func asksCompletion(q *Question) bool {
	return q.Class == "percent" && hasAny(strings.ToLower(q.Raw), []string{"预算的", "计划的", "目标的", "完成率", "执行率", "of the budget", "of its budget", "of the plan"})
}

// changeColumn reports whether a table's column holds changes: 比上年增长%,
// 增减, 增速, ±%.
func changeColumn(col string) bool {
	for _, w := range []string{"增长", "增减", "增速", "增幅", "下降", "减少", "增加", "变动", "变化", "比上年", "同比", "±", "+/-", "涨幅"} {
		if strings.Contains(col, w) {
			return true
		}
	}
	return false
}

// narrowColumn reports whether a column under a group heading names a
// part of it the question does not ask for: 2024年债务限额·一般债务 when
// the question asks 债务限额, 一般 left over (see settleNarrowed).
func narrowColumn(q *Question, col string, row []tableCell) bool {
	group, sub, ok := strings.Cut(col, "·")
	if !ok || sub == "" || !slices.ContainsFunc(row, func(c tableCell) bool { return c.column == group }) {
		// Only where the group has a column of its own, its whole: not
		// 招生·绝对量 beside 招生·增速.
		return false
	}
	sub, _ = segment.Fold(sub)
	for _, c := range q.Concepts {
		for _, alt := range c.Alts {
			if alt.folded != "" {
				sub = strings.ReplaceAll(sub, alt.folded, " ")
			}
		}
	}
	han := 0
	for _, r := range sub {
		if isHan(r) {
			han++
		}
	}
	return han >= 2
}

// tieOrder reports whether a goes before b: the more probable first and,
// of two equally probable, the one of the report earlier in id order and,
// in one report, the earlier, so that the order does not depend on the
// order in which the search returned their sentences.
func tieOrder(a, b *candidate) bool {
	if a.prob != b.prob {
		return a.prob > b.prob
	}
	if a.Doc != b.Doc {
		return a.Doc < b.Doc
	}
	return a.Start < b.Start
}

// pick orders the candidates, keeps one answer per distinct figure of a
// report and drops those below the model's threshold. Figures the model
// is confident of (see Model.Confident) come first; among them, with
// homeFirst, those of the home reports.
func pick(cands []candidate, homeFirst bool, scale float64, m *Model) []Answer {
	sure := func(c *candidate) bool { return c.gate >= m.Confident }
	sort.SliceStable(cands, func(i, j int) bool {
		si, sj := sure(&cands[i]), sure(&cands[j])
		if si != sj {
			return si
		}
		if homeFirst && si && cands[i].home != cands[j].home {
			return cands[i].home
		}
		return tieOrder(&cands[i], &cands[j])
	})
	sentenceFirst(cands, m.Confident)
	scaleFirst(cands, scale, m.Confident)
	var out []Answer
	type key struct {
		doc   string
		v     float64
		class string
	}
	seen := map[key]bool{}
	best := 0.0
	for _, c := range cands {
		if c.gate < m.Threshold {
			continue
		}
		if best == 0 {
			best = c.prob
		}
		if c.prob < best*m.Second {
			continue
		}
		k := key{c.Doc, c.value, c.class}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, c.Answer)
	}
	if len(out) == 0 {
		if c := loneFigure(cands, m); c != nil {
			out = append(out, c.Answer)
		}
	}
	return out
}

// loneFigure returns the figure that answers below the threshold because
// no figure of another value comes near it (see Model.Lone), or nil.
func loneFigure(cands []candidate, m *Model) *candidate {
	if m.Lone <= 0 || m.Lone >= m.Threshold {
		return nil
	}
	var best *candidate
	for i := range cands {
		if c := &cands[i]; c.gate >= m.Lone && (best == nil || tieOrder(c, best)) {
			best = c
		}
	}
	if best == nil {
		return nil
	}
	for i := range cands {
		if c := &cands[i]; c.value != best.value && c.prob > m.LoneRival*best.prob {
			return nil
		}
	}
	return best
}

// scaleTie is how close, relative to the first figure's probability, the
// same figure written in the scale asked for must come to be preferred.
const scaleTie = 0.9

// scaleFirst moves to the front the figure ranked first written in the
// scale the question asks for (多少亿元: 631.58亿元 rather than 6315769万元
// or a table's 6,315,769): the same value, in the same report, said the
// way the asker will read it. Both must reach the confident probability.
func scaleFirst(cands []candidate, scale float64, confident float64) {
	if scale == 0 || len(cands) < 2 || cands[0].gate < confident || writtenScale(cands[0].Text) == scale {
		return
	}
	top := cands[0]
	for i := 1; i < len(cands) && cands[i].prob >= top.prob*scaleTie; i++ {
		c := cands[i]
		if c.gate >= confident && c.Doc == top.Doc && c.class == top.class && sameValue(c.value, top.value) && writtenScale(c.Text) == scale {
			copy(cands[1:i+1], cands[:i])
			cands[0] = c
			return
		}
	}
}

// writtenScale is the scale an answer's text is written in, as the
// parser reads it: 1e8 for 631.58亿元, 1e4 for 6315769万元, 1 for a table
// cell's bare 586 (whose column names its 万元).
func writtenScale(text string) float64 {
	if qs := ParseQuantities(text); len(qs) > 0 && qs[0].Scale > 0 {
		return qs[0].Scale
	}
	return 1
}

// sameValue reports whether two figures are one value given to the
// precision of either (631.58亿元 and 6315769万元).
func sameValue(a, b float64) bool {
	return relDiff(a, b) <= 0.0005
}

// relDiff is how far apart two values are, relative to the larger: 0 for
// equal values.
func relDiff(a, b float64) float64 {
	if a == b {
		return 0
	}
	return math.Abs(a-b) / math.Max(math.Abs(a), math.Abs(b))
}

// tableTie is how close, relative to a table cell's probability, a figure
// of a sentence must come to be preferred to it.
const tableTie = 0.97

// sentenceFirst moves to the front a figure of a sentence that scores
// nearly as well as the table cell ranked first: reports restate their
// tables in sentences (政府债务余额2489.5亿元 beside the cell 24,894,728),
// and a sentence names its unit and says what the figure is. Both must
// reach the confident probability. A sentence of the same report that
// gives the cell's very value (生产总值 3501.64 6.0 and 地区生产总值
// 3501.64亿元，比上年增长6.0%) need only come as close as the same figure
// in another scale (scaleTie).
func sentenceFirst(cands []candidate, confident float64) {
	if len(cands) < 2 || cands[0].Kind != "table" || cands[0].gate < confident {
		return
	}
	top := cands[0]
	for i := 1; i < len(cands) && cands[i].prob >= top.prob*min(tableTie, scaleTie); i++ {
		c := cands[i]
		near := c.prob >= top.prob*tableTie || c.Doc == top.Doc && sameValue(c.value, top.value)
		if near && c.Kind == "number" && c.gate >= confident {
			copy(cands[1:i+1], cands[:i])
			cands[0] = c
			return
		}
	}
}

// sentences answers a question that asks for no figure with the sentence
// that covers it enough (see sentenceGate) and ranks first by the model's
// sentence weights (Model.Sentence).
//
// ph holds the retrieved sentences scored (see passageHits).
func (e *Engine) sentences(q *Question, vw *viewer, ph scoredPassages) []Answer {
	var best *Answer
	bestRank := math.Inf(-1)
	var bestHit index.Hit
	for i, sh := range ph.shs {
		v := sh.v
		m := ph.whole[i]
		score, ok := sentenceGate(q, sh, m)
		if !ok {
			continue
		}
		if rank := e.model.sentenceScore(&ph.feats[i]); best == nil || rank > bestRank || rank == bestRank && hitBefore(sh.h, bestHit) {
			bestRank, bestHit = rank, sh.h
			// 这是今年宏观调控的首要任务: what it says is the sentence before.
			if reAnaphor.MatchString(v.rec.Text) {
				if prev := vw.sentenceAt(v, v.rec.N-1, false); prev != nil && len(prev.cells) == 0 {
					v = prev
				}
			}
			a := v.answerAt(-1, -1)
			a.Text, a.Kind, a.Score, a.Matched = v.rec.Text, "text", round(score), m.matched
			best = &a
		}
	}
	if best == nil {
		return nil
	}
	return []Answer{*best}
}

// sentenceGate measures how well a sentence that holds m of a question as
// a whole (see wholeSentence) answers it, in the year the question names:
// ok when it holds enough of the question, its subject above all, to answer
// it, and is no bare heading (which names a topic and says nothing of it).
func sentenceGate(q *Question, sh scoredHit, m match) (score float64, ok bool) {
	score = m.coverage * unknownPenalty(q)
	if q.Year != 0 || q.HasRel {
		// A year the question names must be the sentence's.
		year, plan := sh.v.startPeriod()
		_, gate := periodFit(q, sh.v.sum.Meta, year, plan)
		score *= gate
	}
	ok = m.core >= 0.6 && m.top >= 0.5 && score >= 0.55 && !headingOnly(strings.TrimSpace(sh.v.rec.Text))
	return score, ok
}

// reAnaphor opens a sentence whose subject is what the sentence before
// said: 这是…首要任务, 这就是, 此为.
var reAnaphor = rx.MustCompile(`^\s*(?:这|此|上述|以上)(?:些)?(?:都|也|就|正|才)?(?:是|为)`)

// wholeSentence measures how much of the question a sentence holds as a
// whole, its words counting fully wherever they stand: the sentence is the
// answer itself, not the surroundings of a figure.
func wholeSentence(q *Question, sh scoredHit) match {
	for ci := range sh.occ {
		for k := range sh.occ[ci] {
			sh.occ[ci][k].pinned = 1
		}
	}
	return measure(q, sh.occ, nil, len(sh.v.rec.Text), len(sh.v.rec.Text), nil, nil)
}

// unitNames renders units in English.
var unitNames = map[string]string{
	"元": "yuan", "美元": "US dollars", "人": "people", "人次": "person-times", "名": "people", "位": "people",
	"户": "households", "家": "entities", "个": "units", "座": "units", "所": "institutions", "项": "items",
	"条": "items", "处": "sites", "张": "units", "台": "units", "辆": "vehicles", "件": "items", "套": "units",
	"场": "events", "次": "times", "%": "percent", "百分点": "percentage points", "亩": "mu", "公顷": "hectares",
	"平方米": "square meters", "平方公里": "square kilometers", "公里": "km", "米": "meters", "毫米": "mm",
	"吨": "tonnes", "天": "days", "年": "years", "月": "months", "小时": "hours", "岁": "years", "倍": "times",
	"标箱": "TEU", "千瓦": "kW", "千瓦时": "kWh",
}

// english renders a numeric answer in English: "866 million yuan", or
// "6341 beds" with the noun the question counted.
func english(a Answer, noun string) string {
	if a.Kind != "number" && a.Kind != "table" {
		return ""
	}
	u := unitNames[a.Unit]
	if noun != "" && (UnitClass(a.Unit) == "count" || UnitClass(a.Unit) == "household") {
		u = noun
	}
	if u == "" && a.Unit != "" {
		u = a.Unit
	}
	v := a.Value
	var num string
	switch {
	case math.Abs(v) >= 1e9:
		num = trimFloat(v/1e9) + " billion"
	case math.Abs(v) >= 1e6:
		num = trimFloat(v/1e6) + " million"
	default:
		num = trimFloat(v)
	}
	if a.Unit == "%" {
		return num + "%"
	}
	return strings.TrimSpace(num + " " + u)
}

func trimFloat(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// yearSpans returns the spans of several years s names, in order (a span
// that opens the sentence or a clause as leadSpan reads it too):
// “十四五”时期 (十[一二三四五六七八九十]五”?(?:时期|期间|以来)), 五年来
// ((?:[两三四五六七八九十]|\d)年(?:来|间|累计)) and 过去五年
// ((?:过去|近)(?:[两三四五六七八九十]|\d)年), the leftmost first, as a
// regexp of those alternatives would find them. It is written out because
// it runs on every candidate sentence, where the regexp engine, trying each
// byte in turn, took a tenth of a question's time.
func yearSpans(s string) [][]int {
	var out [][]int
	i := 0
	if end := leadSpan(s); end > 0 {
		out, i = append(out, []int{0, end}), end
	}
	for i < len(s) {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if r == '十' || r == '过' || r == '近' || r == '这' || isSpanCount(r) {
			if end := yearSpanAt(s, i); end > 0 {
				out = append(out, []int{i, end})
				i = end
				continue
			}
			// …全力打好脱贫攻坚战，五年实现59.7万贫困人口稳定脱贫: a span
			// that opens a clause dates it, as one that opens the sentence.
			if prev, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && strings.ContainsRune("，,；;：:", prev) {
				if end := leadSpan(s[i:]); end > 0 {
					out = append(out, []int{i, i + end})
					i += end
					continue
				}
			}
		}
		i += n
	}
	return out
}

// leadSpan returns the end of a span of years that opens a sentence as
// its subject's time (五年城镇新增就业445万人: over five years), or 0. A
// plan's span (五年规划, 五年内, 三年行动) or a point in time (五年前) is
// none.
func leadSpan(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune("两三四五六七八九十", r) || !strings.HasPrefix(s[n:], "年") {
		return 0
	}
	end := n + len("年")
	if next, _ := utf8.DecodeRuneInString(s[end:]); !subjectAfterSpan(next) {
		return 0
	}
	return end
}

// subjectAfterSpan reports whether r, after a span's 年, opens the subject
// the span dates (五年城镇新增就业): Han, and none of leadSpanStops.
func subjectAfterSpan(r rune) bool {
	return isHan(r) && !strings.ContainsRune(leadSpanStops, r)
}

// leadSpanStops follow 五年 where it is no span the sentence's figures
// sum: a plan, a point in time, or a span yearSpanAt reads (来, 间, 累计).
const leadSpanStops = "规计行攻内后以前期来间累度份底末初中"

// isSpanCount reports whether r counts years in a span: one of
// 两三四五六七八九十 or an ASCII digit.
func isSpanCount(r rune) bool {
	switch r {
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
		'两', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

// yearSpanAt returns the end of the span of years yearSpans finds at byte
// i of s, or -1.
func yearSpanAt(s string, i int) int {
	r, n := utf8.DecodeRuneInString(s[i:])
	j := i + n
	switch {
	case r == '十':
		// 十四五”时期, “十一五”这五年; “十五”期间 (the tenth plan, quoted).
		if r2, n2 := utf8.DecodeRuneInString(s[j:]); r2 != utf8.RuneError && strings.ContainsRune("一二三四五六七八九十", r2) {
			j += n2
			if r2 == '五' && (strings.HasPrefix(s[j:], "”") && strings.HasSuffix(s[:i], "“") || strings.HasPrefix(s[j:], "期间") || strings.HasPrefix(s[j:], "时期")) {
				// “十五”: the plan itself.
			} else if !strings.HasPrefix(s[j:], "五") {
				break
			} else {
				j += len("五")
			}
			j += len(prefixOf(s[j:], "”"))
			if w := prefixOf(s[j:], "时期", "期间", "以来", "这五年", "五年", "规划", "计划"); w != "" {
				return j + len(w)
			}
		}
	case r == '这':
		// 这五年里, 这几年来; 这五年，我们… and 这五年城镇新增就业多少 (the
		// years as the subject's time, as leadSpan reads them).
		if k := spanCount(s, j); k > 0 && strings.HasPrefix(s[k:], "年") {
			k += len("年")
			if w := prefixOf(s[k:], "来", "间", "里", "中"); w != "" {
				return k + len(w)
			}
			if next, _ := utf8.DecodeRuneInString(s[k:]); next == '，' || next == ',' || subjectAfterSpan(next) {
				return k
			}
		}
		return -1
	case r == '过' || r == '近':
		// 过去五年, 近五年
		if r == '过' {
			if !strings.HasPrefix(s[j:], "去") {
				return -1
			}
			j += len("去")
		}
		if k := spanCount(s, j); k > 0 && strings.HasPrefix(s[k:], "年") {
			return k + len("年")
		}
		return -1
	}
	// 五年来, 3年间; not the 4 of 2024年累计 or the 三 of 一九六三年增长,
	// years.
	if i > 0 && s[i] < utf8.RuneSelf && isWordByte(s[i-1]) {
		return -1
	}
	if prev, _ := utf8.DecodeLastRuneInString(s[:i]); r != '十' && strings.ContainsRune("〇零○一二三四五六七八九", prev) {
		return -1
	}
	if k := spanCount(s, i); k > 0 && strings.HasPrefix(s[k:], "年") {
		k += len("年")
		if w := prefixOf(s[k:], "来", "间", "累计", "内"); w != "" {
			if w == "来" && prefixOf(s[k+len(w):], "的新高", "的最", "最", "首", "新高", "罕见", "少有") != "" {
				return -1 // 创下十年来的新高: a record, not the figure's years
			}
			return k + len(w)
		}
		// 五年共培养研究生１７．２万人, 粮食两年增长百分之四十六: the sum
		// or change of the span.
		if prefixOf(s[k:], "共", "一共", "总共", "合计", "增长", "增加", "新增") != "" {
			return k
		}
	}
	return -1
}

// isWordByte reports whether b is an ASCII letter, digit or underscore.
func isWordByte(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_'
}

// spanCount returns the end of the count of years at byte i of s (one of
// 两三四五六七八九十 or an ASCII digit), or -1.
func spanCount(s string, i int) int {
	if i >= len(s) {
		return -1
	}
	if r, n := utf8.DecodeRuneInString(s[i:]); isSpanCount(r) {
		return i + n
	}
	return -1
}

// prefixOf returns the first of words s starts with, or "".
func prefixOf(s string, words ...string) string {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

// reSpanChange follows a span of years with the change over it: 五年翻了
// 一番, 五年来增长.
var reSpanChange = rx.MustCompile(`^(?:来|间|里|内)?(?:翻|增长|增加|提高|下降|减少)`)

// spanBefore reports whether the figure at byte at sums a span of years:
// its sentence names the span before it (“十四五”时期，全市一般公共预算收入
// 总量达1670亿元), and no single year after the span (spans:
// yearSpans(text), found once per sentence).
func spanBefore(text string, spans [][]int, at int) bool {
	last := -1
	for i, m := range spans {
		// A span inside the sentence dates its own clause: 五年来年均实际
		// 增长6％；农村居民人均纯收入达到2 0 9 0元 is of the year.
		if m[1] <= at && (m[0] <= maxLeadSpan || !strings.Contains(text[m[1]:at], "；")) {
			if reSpanChange.MatchString(text[m[1]:]) && strings.ContainsAny(text[m[1]:at], "，,") {
				// 公共财政收入5560亿元，五年翻了一番，其中地方一般公共预算
				// 收入2082亿元: a change over the span dates its own
				// clause only.
				continue
			}
			last = i
		}
	}
	if last < 0 {
		return false
	}
	return !reSentYear.MatchString(text[spans[last][1]:at])
}

// perUnitNoun reports whether the words right before a figure name it an
// amount per unit (粮食单产1050斤, 人均, 亩产): no whole, which 一共 asks.
func perUnitNoun(before string) bool {
	return hasAny(lastRunes(before, 8), perUnitNouns)
}

// rePerAmount matches an amount per hundred, thousand or ten thousand of
// something, or per area: 每百元营业收入成本为91.23元 is no 营业收入, 每千
// 人口拥有床位6.5张 no count of beds, 每平方公里GDP产出达到4亿元 no GDP.
var rePerAmount = rx.MustCompile(`每(?:百|千|万|十万)(?:元|人|户|名|平方)|每(?:平方公里|平方千米|公顷|平方米)`)

// reAsksPerBase asks for an amount per hundred, thousand or ten thousand:
// 每万人发明专利有几件, per 1,000 people.
var reAsksPerBase = rx.MustCompile(`每|\bper\b|[百千万]人|百元`)

// perBaseChain reports whether the words before a figure at pos in its
// clause, or in the clauses it goes on from, hold an amount per hundred,
// thousand or ten thousand (每百元营业收入成本为91.23元，同比下降0.87元).
func perBaseChain(text string, l *layout, pos int) bool {
	return rePerAmount.MatchString(l.chainLead(text, pos))
}

// perUnitNouns name an amount per unit: 单产, 人均.
var perUnitNouns = []string{"单产", "亩产", "人均", "户均", "每亩", "每人", "每户"}

// perUnitChain reports whether the clause a change at pos goes on from
// names an amount per unit (人均地区生产总值21.3万元，比上年增长5.0%: the
// growth is of the amount per head).
func perUnitChain(text string, l *layout, pos int) bool {
	c := clauseOf(l.breaks, pos)
	if c == 0 || c >= len(l.continues) || !l.continues[c] {
		return false
	}
	c = l.chainStart(c)
	lead := text[l.clauseBreak(c):l.breaks[c]]
	if k := firstDigit(lead); k >= 0 {
		lead = lead[:k]
	}
	return hasAny(lead, perUnitNouns)
}

// rateOfChange reports whether the words before a figure in its clause
// name it a rate of change: 经济增长速度预期目标为7％左右, 增幅为3%.
func rateOfChange(before string) bool {
	return hasAny(before, []string{"增长速度", "增速", "增幅", "涨幅", "增长率", "降幅", "递增", "递减"})
}

// averageFigure reports whether the words before a figure in its clause
// make it a yearly average or level over several years: 平均每年增长8.3%,
// 年均增长7.8%, 每年城镇新增就业40万人以上.
func averageFigure(before string) bool {
	// 细颗粒物年均浓度 is a yearly mean, one year's measure.
	before = strings.ReplaceAll(before, "年均浓度", "")
	// 财政补助标准每人每年再提高60元: a standard per person and year.
	before = rePerUnitYear.ReplaceAllString(before, "")
	return strings.Contains(before, "年均") || strings.Contains(before, "每年")
}

// rePerUnitYear is a rate per person (or household, mu) and year.
var rePerUnitYear = rx.MustCompile(`(?:每人|每户|每亩|人均|每位|每名|每生)(?:每)?年`)

// yearlyAverageBefore reports whether a sentence speaks of several years
// before a figure: a yearly average change (人均可支配收入年均增长6%，城镇
// 新增就业超690万人) with no year named to turn it back to one. A yearly
// mean (细颗粒物年均浓度) is one year's.
func yearlyAverageBefore(before string) bool {
	return reYearlyChange.MatchString(before) && !reSentYear.MatchString(before)
}

var reYearlyChange = rx.MustCompile(`年均(?:增长|增速|递增|提高|增加|下降|减少|降低)`)

// asksAverage reports whether a question asks for a yearly average.
func asksAverage(q *Question) bool {
	return hasAny(q.Raw, []string{"年均", "平均", "每年"}) || strings.Contains(strings.ToLower(q.Raw), "average")
}

// reAskedBase is a base of comparison a question names (比1952年, 与2000年相比,
// 比五〇年 as people shorten a year).
var reAskedBase = rx.MustCompile(`(?:比|较|与|同|和|跟|相对于|相较于)(?:(?:19|20)\d{2}|[一二][九〇零○][〇零○一二三四五六七八九]{2}|[〇零○一二三四五六七八九]{2})年`)

// inFromPart reports whether byte k stands in the start of a change
// (spans of reFromTo).
func inFromPart(spans [][]int, k int) bool {
	for _, m := range spans {
		if k >= m[0] && k < m[1] {
			return true
		}
	}
	return false
}

// longBase reports whether the figure at byte at is a change told against
// a base two years or more before its own year (2005年与2000年相比，国内生产
// 总值增长57.3%): the change of a span, not of one year.
func longBase(pc periodCtx, at, year int) bool {
	if year == 0 {
		return false
	}
	last := baseYear(pc, at)
	return last > 0 && last <= year-2
}

// spanMissed reports whether figure f, of a sentence of v, misses a
// question that asks of a span of years (这五年…一共): it is one year's
// (a review of one year, a year named before it, or dated one year outside
// a review of several: 城镇新增就业1168万人 of the year past), or a yearly
// average of a count (平均每年城镇新增就业1000多万人); a yearly rate
// (年均增长7%) is how a span's growth is told.
func spanMissed(v *sentView, pc periodCtx, text string, spans [][]int, f Quantity, item string, year int, plan, avg, average, growth bool) bool {
	if avg {
		return !average && f.Unit != "%" && !growth
	}
	oneYear := v.rec.Period == report.PeriodReview || reSentYear.MatchString(text[:f.Prefix]) || pc.secPeriod != report.PeriodSpan && year != 0 && !plan
	// 累计建成保障性住房3.49万套, in a review of five years: a sum over
	// them, whatever year the part reviews.
	return oneYear && !spanBefore(text, spans, f.Prefix) && !levelReached(item) && !longBase(pc, f.Prefix, year) &&
		!(v.rec.Period == report.PeriodReview && !reSentYear.MatchString(text[:f.Prefix]) && cumulativeFigure(text, v.layout(), f.Prefix))
}

// baseYear returns the year a change at byte at is told against (比一九五三
// 年增长百分之九点四: 1953), or 0 when it names none or is no change.
func baseYear(pc periodCtx, at int) int {
	if !changeFigure(pc.text, at) {
		return 0 // 同１９８７年相比，…达到８０００万吨: a level, whatever its base
	}
	years := pc.namedYears()
	last := 0 // the base nearest before the figure, with no figure between
	for _, y := range years {
		if y[1] > at {
			break
		}
		if !isComparisonBase(pc.text, y[0]) {
			continue
		}
		// １９８６年同１９７８年相比，…由３０１０亿元增加到７７９０亿元，
		// 增长９４．９％: a base set apart by its own clause holds for
		// the figures after it.
		if !strings.ContainsFunc(pc.text[y[1]:at], isDigit) || reBaseClause.MatchString(pc.text[y[1]:]) {
			last = yearValue(pc.text[y[2]:y[3]])
		}
	}
	return last
}

// askedBaseYear returns the base year a question compares with (比1952年
// 增长了多少: 1952), or 0.
func askedBaseYear(q *Question) int {
	m := reAskedBase.FindString(q.Norm)
	if m == "" {
		return 0
	}
	for _, y := range sentenceYears(m) {
		return yearValue(m[y[2]:y[3]])
	}
	return 0
}

// reBaseClause follows the year of a base that is a clause of its own
// (同１９７８年相比，).
var reBaseClause = rx.MustCompile(`^(?:年)?(?:底|末)?相比(?:较)?[，,]`)

// maxLeadSpan is how far into a sentence a span of years may open and
// still date every clause of it (五年来，…；…).
const maxLeadSpan = 12

// reDelta ends the words before the difference from a base: 比上年增加,
// 比年初预算减少; or a verb that is itself a change of an output or a
// takings, base unsaid (粮食增产42.2亿斤, 减收10亿元).
var reDelta = rx.MustCompile(`(?:比(?:上年|去年|前年|上年同期|同期|(?:\d{4}|[０-９]{4})年|年初预算|年初|预算)[^，；。0-9０-９]{0,8}?(?:增加|减少|多|少|增收|减收|增长|下降|提高|降低)|增产|减产|增收|减收)(?:了)?\s*$`)

// deltaFigure reports whether the figure at byte at is the difference from
// a base (今年安排832亿元，比上年增加167亿元: 167).
func deltaFigure(text string, at int) bool {
	start := max(0, at-60)
	for start < at && !utf8.RuneStart(text[start]) {
		start++
	}
	return reDelta.MatchString(text[start:at])
}

// reSubArea matches a part of a region that a figure may be of: a zone
// (全市产业集聚区完成固定资产投资786亿元, 服务业“两区”…完成固定资产投资114亿元)
// or some of its counties (4个县一般公共预算收入超过15亿元).
var reSubArea = rx.MustCompile(`(产业集聚区|集聚区|开发区|经开区|高新区|新区|产业园区?|工业园区?|园区|保税区|综保区|片区|“两区”|两区|[0-9一二三四五六七八九十两]+个(?:县（市、区）|县（市）|县（区）|县区|县市|县|乡镇|乡|镇|区))`)

// subAreaBefore reports whether a part of the region (see reSubArea) is
// the subject of the figure at prefix: it opens the figure's clause or
// the sentence (after at most a few words: 全市, 服务业), with no 全市 or
// ； after it, and is neither asked nor the report's own region
// (平潭综合实验区's report says 实验区 of itself). A zone named further
// into a clause (建设全国首个交通强国省域示范区，高铁里程…) is no subject.
func subAreaBefore(q *Question, text string, l *layout, prefix int, region, title string) bool {
	before := text[:prefix]
	cs := clauseStart(l, prefix)
	if cs > 0 {
		_, n := utf8.DecodeRuneInString(text[cs:])
		cs += n // past the break
	}
	var w, rest string
	for _, from := range []int{cs, 0} {
		// The zone opens the clause after at most 4 runes: look no
		// further than a zone's length past them.
		end := min(len(before), from+subAreaWindow)
		for end < len(before) && !utf8.RuneStart(before[end]) {
			end++
		}
		if !strings.ContainsAny(before[from:end], "区县乡镇") {
			continue // every zone ends in one of them
		}
		loc := reSubArea.FindStringIndex(before[from:end])
		if loc == nil {
			continue
		}
		if lead := before[from : from+loc[0]]; utf8.RuneCountInString(lead) > 4 || reSubAreaVerb.MatchString(lead) {
			continue
		}
		w, rest = before[from+loc[0]:from+loc[1]], before[from+loc[1]:]
		break
	}
	if w == "" || strings.Contains(rest, "；") || strings.Contains(rest, ";") || namesWholeRegion(rest) {
		return false
	}
	core := strings.Trim(w, "“”")
	if i := strings.Index(core, "个"); i >= 0 {
		core = core[i+len("个"):]
	}
	return !strings.Contains(q.Raw, core) && !strings.Contains(q.Norm, core) && !strings.Contains(region, core) && !strings.Contains(title, core)
}

// subAreaWindow bounds, in bytes, the words after a clause's start that
// subAreaBefore reads: 4 runes of lead and the longest zone
// (县（市、区）, with its count).
const subAreaWindow = 3 * (4 + 12)

// reSubAreaVerb matches words that make a zone after them the object of
// work (推进重点片区建设, 加快开发区建设), not a figure's subject.
var reSubAreaVerb = rx.MustCompile(`推进|加快|建设|打造|实施|推动|支持|完善|加强|新建|创建|获批|申报|培育|发展|引导|优化|提升|围绕|依托|加大|启动|做强|壮大|重点|聚焦|规划|设立|整合`)

// namesWholeRegion reports whether s holds a scope marker of the whole
// region (全市, 全省 …; see scopeMarkers), not the whole of a budget's items
// (全口径).
func namesWholeRegion(s string) bool {
	for _, m := range scopeMarkers {
		if m.scope == ScopeWhole && m.word != "全口径" && strings.Contains(s, m.word) {
			return true
		}
	}
	return false
}

// wholeWords in a question ask for the whole, never a narrowed part:
// 全体居民人均可支配收入 is not the 城镇居民's.
var wholeWords = []string{"全体", "全部", "所有"}

// narrowed reports whether the occurrence of the question's head nearest
// the figure f stands right after a modifier that makes it a part (see
// headModifier) and the question does not have, or inside a longer word of
// the sentence (出口 in 进出口).
func narrowed(q *Question, text string, occ []occurrence, l *layout, f Quantity, seg segment.Segmenter) bool {
	best, bestP := -1, 0.0
	for i, o := range occ {
		if o.part >= 0 {
			continue
		}
		if p := proximity(o, l, f.Prefix, f.End); p > bestP {
			best, bestP = i, p
		}
	}
	if best < 0 || !narrowedAt(q, text, occ, best, seg) {
		return false
	}
	if occ[best].start >= f.End {
		// The subject of a figure stands before it: 教育方面，投入413764万元
		// 落实学前、义务教育…经费保障 is 教育's, not 义务教育's after it.
		for i, o := range occ {
			if o.part < 0 && o.end <= f.Prefix && !narrowedAt(q, text, occ, i, seg) {
				return false
			}
		}
	}
	return true
}

// narrowedAt reports whether occurrence i of occ stands right after a
// modifier that makes it a part, or inside a longer word (see narrowed).
func narrowedAt(q *Question, text string, occ []occurrence, i int, seg segment.Segmenter) bool {
	o := occ[i]
	if mod := partModifier(text[:o.start]); mod != "" && !asksSomeOf(q, mod) {
		return true // 专利469件，其中发明专利80件: a part of the whole
	}
	own := false
	for _, w := range occ {
		if w.part < 0 && w.start <= o.start && w.end >= o.end && w.end-w.start > o.end-o.start {
			// 接待游客总数 for 游客: the longer word is one of the
			// concept's own wordings (接待游客), no narrower thing; but
			// what stands before it may be (城镇 of 城镇居民人均可支配收入).
			o, own = w, true
		}
	}
	before := text[:o.start]
	if endsWithAsked(q, before) {
		// 新能源汽车产量 for 新能源车产量: what stands before the head is
		// the question's own, in a wording of it.
		return false
	}
	// Only a short word is read into a longer one (出口 in 进出口): the
	// segmenter's cut of a long one is less sure than the word itself.
	// 总人口 is the whole of 人口, no narrower word; 居民家庭 the 家庭
	// of a bulletin.
	if !own && seg != nil && o.start > 0 && utf8.RuneCountInString(o.text) <= 3 && hasSuffixAny(text[:o.start], wholePrefixes) == "" {
		from := max(0, o.start-9)
		for from < o.start && !utf8.RuneStart(text[from]) {
			from++
		}
		if insideWord(seg.Segment(text[from:o.end]), o.start-from) {
			return true
		}
	}
	// 进出口 is no 出口.
	if !own && strings.HasPrefix(o.text, "出口") && strings.HasSuffix(before, "进") {
		return true
	}
	// 高新技术产品出口, 机电产品进口: the trade in some goods, a part.
	if (strings.HasPrefix(o.text, "出口") || strings.HasPrefix(o.text, "进口")) && strings.HasSuffix(before, "产品") && !asksModifier(q, "产品") {
		return true
	}

	// 城镇居民人均可支配收入: the modifier may stand before the people the
	// figure is of.
	for _, w := range []string{"常住居民", "居民"} {
		if b, ok := strings.CutSuffix(before, w); ok {
			before = b
			break
		}
	}
	for _, m := range headModifiers {
		if n := m.mod; m.part && strings.HasSuffix(before, n) && !asksModifier(q, n) && !strings.HasPrefix(o.text, n) {
			return true
		}
	}
	return false
}

// endsWithAsked reports whether before ends with a wording (two runes or
// more) of one of the question's concepts.
func endsWithAsked(q *Question, before string) bool {
	for _, c := range q.Concepts {
		for _, a := range c.Alts {
			if a.Factor >= 0.5 && utf8.RuneCountInString(a.Text) >= 2 && strings.HasSuffix(before, a.Text) {
				return true
			}
		}
	}
	return false
}

// wholePrefixes make no narrower word of the word they open: 总人口,
// 居民家庭, 外贸出口.
var wholePrefixes = []string{"总", "居民", "外贸"}

// sameModifier gives the words that ask for what a modifier narrows to as
// well as the modifier itself: 城镇 and 城里 for 城市, 乡村 and 乡下 for 农村.
var sameModifier = map[string][]string{
	"城市": {"城镇", "城里", "城区"}, "城镇": {"城市", "城里", "城区"},
	"农村": {"乡村", "乡下", "村里"}, "乡村": {"农村", "乡下", "村里"},
}

// asksModifier reports whether the question asks for what a modifier
// narrows to: it has the word (农村), or one of its words stands for a
// report term that does (农民 → 农村居民).
func asksModifier(q *Question, mod string) bool {
	if strings.Contains(q.Raw, mod) || strings.Contains(q.Norm, mod) {
		return true
	}
	// 城市最低生活保障 is what 城镇低保 (城里低保) asks for.
	for _, same := range sameModifier[mod] {
		if strings.Contains(q.Raw, same) || strings.Contains(q.Norm, same) {
			return true
		}
	}
	for _, c := range q.Concepts {
		if c.Word == "" || strings.Contains(c.Word, mod) {
			continue
		}
		for _, a := range c.Alts {
			if a.Factor >= synonymFactor && strings.Contains(a.Text, mod) {
				return true
			}
		}
	}
	return false
}

// insideWord reports whether byte at falls strictly inside a top-level word
// of tokens (search-mode tokens: the longest of each position).
func insideWord(tokens []segment.Token, at int) bool {
	for i := 0; i < len(tokens); {
		j, top := i, tokens[i]
		for ; j < len(tokens) && tokens[j].Pos == tokens[i].Pos; j++ {
			if tokens[j].End-tokens[j].Start > top.End-top.Start {
				top = tokens[j]
			}
		}
		if top.Start < at && at < top.End {
			return true
		}
		i = j
	}
	return false
}

// asksWhole reports whether a question names the whole it asks about
// (全体居民).
func asksWhole(q *Question) bool {
	for _, w := range wholeWords {
		if strings.Contains(q.Raw, w) {
			return true
		}
	}
	return false
}

// milestone reports whether f is a mark passed (突破35万吨, 超过) that the
// sentence follows with the figure reached (达到36.05万吨) of the same kind,
// or with the next mark passed (接连突破8万亿元、9万亿元).
func milestone(text string, figs []Quantity, f Quantity) bool {
	passed := hasAny(f.Qualifier, []string{"突破", "超过", "跨过", "迈过", "跨越"}) || f.Qualifier == "超" || f.Qualifier == "逾"
	// 迈上6万亿元台阶，达到62661亿元: a step or a barrier is a mark too.
	if !passed && !reMarkAfter.MatchString(text[f.End:]) {
		return false
	}
	for _, g := range figs {
		if g.Start <= f.End || g.Class() != f.Class() || g.Start-f.End > 45 {
			continue
		}
		before := strings.TrimRight(text[f.End:g.Prefix], " ")
		if strings.HasSuffix(before, "达到") || strings.HasSuffix(before, "达") || strings.HasSuffix(before, "为") || strings.HasSuffix(before, "至") {
			return true
		}
		if before == "、" || before == "和" {
			return true // 接连突破8万亿元、9万亿元: marks passed in turn, the later one higher
		}
	}
	return false
}

// reTargetAfter is a figure that the words after it call a target:
// 8％的预定目标, 7%左右的预期目标, 降低4%左右、减少2%的目标 (the first of a
// list of targets).
var reTargetAfter = rx.MustCompile(`^[0-9０-９.．]+\s*(?:%|％|万|亿|元|万元|亿元|个百分点)?(?:左右|以上|以内)?(?:、[^，。；,;、]{1,30}?)*的(?:预定|预期|计划|既定|原定|年度)?(?:增长)?目标`)

// sumBefore reports whether a figure at pos is named a budget's sum
// (收入总计390.02亿元: revenue with transfers and balances added), which
// a question that asks no total does not mean by 收入 (see
// settleNarrowed, which keeps this only against a rival figure).
func sumBefore(text string, pos int) bool {
	tail := lastRunes(text[:pos], 4)
	return strings.Contains(tail, "总计") || strings.Contains(tail, "合计")
}

// carriedOver are the revenue a budget carries from the year before,
// named with 上年 (上年结余收入, 上年结转收入): items of the year planned.
// 上年结余 alone is the balance the year before ended with, and dated so.
var carriedOver = []string{"结余收入", "结转收入"}

// reMarkAfter follows a figure that is a mark passed, not a level: 6万亿元
// 台阶, 千亿元大关, and the first of marks passed in turn (连跨5万亿元、6万亿元
// 两个台阶).
var reMarkAfter = rx.MustCompile(`^\s*(?:、[^，。；,;、]{1,12}?)*(?:两个|三个|几个|多个)?(?:的)?(?:新)?(?:台阶|大关|关口)`)

// reSubperiod names a part of a year: 一季度, 上半年, 前三季度, 1—6月.
var reSubperiod = rx.MustCompile(`前三季度|前[3３]季度|第?[一二三四1-4１-４]季度|上半年|下半年|[1１]\s*[-—－~～至到]\s*(?:[2-9２-９]|[1１][01０１])\s*月|一至[二三四五六七八九]月|一至十一?月`)

// subperiodOf returns the part of a year that text names last (see
// reSubperiod), as a key: q1…q4, h1, h2 or q1-3 (1—9月 too), m1-N for the
// first N months otherwise; "" for none.
func subperiodOf(text string) string { return subperiodsOf(text).at(len(text)) }

// reUpToMonth is the months of a year up to one a question names: 到
// 今年10月, 截至10月底 — the first ten months.
var reUpToMonth = rx.MustCompile(`(?:到|至|截至|截止|截止到)(?:今年|本年|当年)?(1[01]|[2-9])月(?:底|末|份)?`)

// questionSubperiod returns the part of a year a question asks of (see
// subperiodOf): also the months up to one it names (到10月: m1-10).
func questionSubperiod(raw string) string {
	if p := subperiodOf(raw); p != "" {
		return p
	}
	if m := reUpToMonth.FindStringSubmatch(raw); m != nil {
		return subperiodKey("1-" + m[1] + "月")
	}
	return englishSubperiod(strings.ToLower(raw))
}

// enMonths are the months of the year, January first.
var enMonths = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// reEnMonthsTo is the months of a year an English question spans: from
// January to November, January-November, through October, in the first
// ten months.
var reEnMonthsTo = rx.MustCompile(`\b(?:from january (?:to|through|until|till)|january ?[-–] ?|through|up to|until|by the end of) (february|march|april|may|june|july|august|september|october|november)\b`)

// englishSubperiod returns the part of a year an English question asks
// of (see subperiodKey), or "".
func englishSubperiod(s string) string {
	switch {
	case strings.Contains(s, "first three quarters"):
		return "q1-3"
	case strings.Contains(s, "first half"):
		return "h1"
	case strings.Contains(s, "second half"):
		return "h2"
	case strings.Contains(s, "first quarter"):
		return "q1"
	}
	if m := reEnMonthsTo.FindStringSubmatch(s); m != nil {
		return subperiodKey("1-" + strconv.Itoa(slices.Index(enMonths, m[1])+1) + "月")
	}
	return ""
}

// reYearPoint names the start or the end of a year: 年初, 年末, 年底.
var reYearPoint = rx.MustCompile(`年(初|末|底)|(?:上年|去年|今年|当年)?(年初|年末|年底)|(?i:\b(?:at|by) the (?:end|start|beginning) of (?:the year|(?:19|20)\d\d|last year|this year)\b|\byear-end\b|\bend-of-year\b)`)

// yearPoint returns "start" or "end" for the last point of a year text
// names (2025年初, 年末), or "".
func yearPoint(text string) string {
	ms := reYearPoint.FindAllStringSubmatch(text, -1)
	if ms == nil {
		return ""
	}
	m := ms[len(ms)-1]
	if strings.Contains(m[0], "初") || strings.Contains(m[0], "start") || strings.Contains(m[0], "beginning") {
		return "start"
	}
	return "end"
}

// pointAt returns the point of a year named last in the clause chain
// before byte at of text (see yearPoint), within its sentence.
func pointAt(text string, at int) string {
	before := text[:at]
	if k := strings.LastIndexAny(before, "；。"); k >= 0 {
		before = before[k:]
	}
	return yearPoint(before)
}

// subperiods are the parts of a year a sentence names, read once for all
// its figures: where each stands, and where 全年 does.
type subperiods struct {
	text   string
	spans  [][]int // reSubperiod's matches
	wholes []int   // where 全年 stands
}

func subperiodsOf(text string) subperiods {
	sp := subperiods{text: text}
	if !strings.Contains(text, "季度") && !strings.Contains(text, "半年") && !strings.Contains(text, "月") {
		// Every match of reSubperiod holds one of them; the regexp, tried
		// at each byte, cost a fifth of scoring a question's figures.
		return sp
	}
	sp.spans = reSubperiod.FindAllStringIndex(text, -1)
	if sp.spans == nil {
		return sp
	}
	sp.wholes = indexAll(text, "全年")
	return sp
}

// at returns the part of the year named last before byte at, as
// subperiodOf does.
func (sp subperiods) at(at int) string {
	last := -1
	for i, m := range sp.spans {
		if m[1] <= at {
			last = i
		}
	}
	if last < 0 {
		return ""
	}
	for _, w := range sp.wholes {
		if w > sp.spans[last][0] && w+len("全年") <= at {
			return "" // 上半年…，全年增长5.1%
		}
	}
	return subperiodKey(sp.text[sp.spans[last][0]:sp.spans[last][1]])
}

// subperiodKey names a match of reSubperiod (see subperiodOf).
func subperiodKey(m string) string {
	m, _ = segment.Fold(m) // １至９月
	switch {
	case strings.HasPrefix(m, "前"):
		return "q1-3"
	case m == "上半年":
		return "h1"
	case m == "下半年":
		return "h2"
	case strings.HasSuffix(m, "季度"):
		r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(m, "第"))
		if k := strings.IndexRune("一二三四", r); k >= 0 {
			return "q" + strconv.Itoa(k/len("一")+1)
		}
		return "q" + string(r)
	}
	// The first N months: 1—6月, 一至十一月.
	n := 0
	if k := strings.LastIndexAny(m, "0123456789"); k >= 0 && !strings.HasPrefix(m, "一至") {
		j := k
		for j > 0 && m[j-1] >= '0' && m[j-1] <= '9' {
			j--
		}
		n, _ = strconv.Atoi(m[j : k+1])
	} else {
		v, _ := ParseChineseNumber(strings.TrimSuffix(strings.TrimPrefix(m, "一至"), "月"))
		n = int(v)
	}
	switch n {
	case 3:
		return "q1"
	case 6:
		return "h1"
	case 9:
		return "q1-3"
	}
	return "m1-" + strconv.Itoa(n)
}

var (
	reAsksMonthly = rx.MustCompile(`每月|每个月|一个月|月均|per month|monthly|a month`)
	reAsksYearly  = rx.MustCompile(`每年|每人每年|一年能|年人均|per year|a year|annually`)
	rePulled      = rx.MustCompile(`拉动|带动|贡献|下拉`)
)

// rateAsk is what a question asks of a rate, read once for all its
// candidate figures (see fit).
type rateAsk struct{ monthly, yearly, pulled bool }

func ratesAsked(q *Question) rateAsk {
	return rateAsk{
		monthly: reAsksMonthly.MatchString(q.Raw),
		yearly:  reAsksYearly.MatchString(q.Raw),
		pulled:  rePulled.MatchString(q.Raw) || strings.Contains(strings.ToLower(q.Raw), "contribut"),
	}
}

// fit tells how well a figure fits what the question asks beyond its
// unit: a sum per month (735元／人／月) for 每月, per year for 每年; the
// points a part adds to a whole's growth (拉动规上工业增加值增长6.4个百分
// 点) are not a growth, unless asked for. clause is the words of the
// figure's clause before it.
func (r rateAsk) fit(clause string, f Quantity) float64 {
	fit := 1.0
	switch {
	case r.monthly && !r.yearly && strings.HasSuffix(f.Unit, "/年"):
		fit = 0.5
	case r.yearly && !r.monthly && strings.HasSuffix(f.Unit, "/月"):
		fit = 0.5
	}
	if (f.Unit == "百分点" || f.Unit == "") && !r.pulled && rePulled.MatchString(clause) {
		// 分别下拉规上工业增加值增速2.6、1.1个百分点: the first figure
		// of the list takes the unit of the last.
		fit *= 0.5
	}
	return fit
}

// sectorNames name the sectors of an economy, whose own measure is their
// value added.
var sectorNames = []string{"第一产业", "第二产业", "第三产业", "服务业"}

// bareSector returns the sector a question asks about with no measure of
// its own (第二产业去年涨了多少: its value added), or "".
func bareSector(q *Question) string {
	sector := ""
	for _, c := range q.Concepts {
		if c.Aspect || c.Place {
			continue
		}
		if !slices.Contains(sectorNames, c.Word) || sector != "" {
			return ""
		}
		sector = c.Word
	}
	return sector
}

// otherMeasures follow a sector's name to make another measure of it than
// its value added: 第二产业投资, 第三产业用电量.
var otherMeasures = []string{"投资", "用电", "贷款", "就业", "从业", "税收", "比重", "占比", "贡献", "拉动"}

// sectorMeasure reports whether the words of a figure's clause before it
// name the sector with another measure (第二产业投资增长19.6%).
func sectorMeasure(clause, sector string) bool {
	k := strings.LastIndex(clause, sector)
	if k < 0 {
		return false
	}
	rest := clause[k+len(sector):]
	for _, m := range otherMeasures {
		if strings.HasPrefix(rest, m) {
			return true
		}
	}
	return false
}

// asksBalance reports whether the question asks what is outstanding (债务
// 余额, the debt balance) rather than what moved.
func asksBalance(q *Question) bool {
	return strings.Contains(q.Norm, "余额") || strings.Contains(q.Raw, "余额") ||
		strings.Contains(strings.ToLower(q.Raw), "outstanding") || strings.Contains(strings.ToLower(q.Raw), "balance")
}

// repayment reports whether the words before a figure in its clause say
// it was paid back (偿还, 还本付息, 化解) and name no balance.
func repayment(clause string) bool {
	return !strings.Contains(clause, "余额") && hasAny(clause, repaymentWords)
}

// Measures of a government's debt: its ceiling, its balance, the
// interest paid on it, the principal repaid and the debt taken on in the
// year (债务转贷收入, 债券收入).
const (
	debtLimit = 1 << iota
	debtBalance
	debtInterest
	debtPrincipal
	debtRaised
)

// debtMeasures returns the measures of debt s names.
func debtMeasures(s string) int {
	m := 0
	if strings.Contains(s, "限额") {
		m |= debtLimit
	}
	if strings.Contains(s, "余额") {
		m |= debtBalance
	}
	if strings.Contains(s, "付息") || strings.Contains(s, "利息") {
		m |= debtInterest
	}
	if strings.Contains(s, "还本") {
		m |= debtPrincipal
	}
	if strings.Contains(s, "转贷") || strings.Contains(s, "债券收入") || strings.Contains(s, "债务收入") {
		m |= debtRaised
	}
	return m
}

// debtAsked returns the measures of debt a question asks.
func debtAsked(q *Question) int {
	m := debtMeasures(q.Norm)
	if asksBalance(q) {
		m |= debtBalance
	}
	if strings.Contains(strings.ToLower(q.Raw), "interest") {
		m |= debtInterest
	}
	return m
}

// otherDebtMeasure reports whether the words before a figure in its clause
// name other measures of debt than the question asks (asked, from
// debtAsked), and none of those: 债务余额 asked of 全省政府债务限额为10657.4
// 亿元, 债务限额 of 债务余额为…, 债务付息支出 of 政府债务限额3,669,760万元 or
// of 专项债务还本支出249,485万元.
func otherDebtMeasure(asked int, clause string) bool {
	got := debtMeasures(clause)
	return asked != 0 && got != 0 && asked&got == 0
}

// population is what a question asks of people: residents (常住) or the
// registered (户籍), and all residents (全体居民) or a part (城镇居民).
type population struct {
	resident, registered, all bool
}

func populationAsked(q string) population {
	return population{
		resident:   strings.Contains(q, "常住"),
		registered: strings.Contains(q, "户籍"),
		all:        strings.Contains(q, "全体居民") || strings.Contains(q, "全体城乡居民"),
	}
}

// reUrbanRural is a part of the residents a figure may be of.
var reUrbanRural = rx.MustCompile(`(?:城镇|农村|城市|乡村|农民)(?:常住)?居民|农民人均`)

// otherPopulation reports whether a figure counts other people than the
// question asks: 常住人口 asked of 按户籍口径统计，…总人口418319人 (the basis
// said anywhere before the figure in its sentence, before), or the
// reverse; 全体居民人均可支配收入 of 城镇居民人均可支配收入 (in its clause).
func otherPopulation(p population, before, clause string) bool {
	resident, registered := strings.Contains(before, "常住"), strings.Contains(before, "户籍")
	switch {
	case p.resident && !p.registered && registered && !resident,
		p.registered && !p.resident && resident && !registered:
		return true
	}
	return p.all && !strings.Contains(clause, "全体") && reUrbanRural.MatchString(clause)
}

// buildStages are the stages of building work, each with its words:
// begun (新开工), under way (在建), finished (竣工).
var buildStages = [][]string{
	{"新开工", "开工", "动工", "开建"},
	{"在建", "续建", "施工"},
	{"竣工", "建成", "完工", "交付", "交房"},
}

// stageOf returns the index of the one building stage s names, or -1
// when it names none or several (开工建成). 建成区 (the built-up area)
// names none.
func stageOf(s string) int {
	s = strings.ReplaceAll(s, "建成区", "")
	found := -1
	for i, words := range buildStages {
		if hasAny(s, words) {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// otherStage reports whether the words before a figure in its clause
// name another stage of building than the question asks (stage, from
// stageOf): 在建多少套 of 累计竣工527套, 竣工了多少套 of 新开工建设保障性住房1850套.
func otherStage(stage int, clause string) bool {
	if stage < 0 {
		return false
	}
	st := stageOf(clause)
	return st >= 0 && st != stage
}

// otherSector reports whether the words before a figure in its clause
// name another sector than the one asked (asked, from askedSector; 0 for
// none): 第二产业增加值715.2亿元 for 第一产业增加值.
func otherSector(asked int, clause string) bool {
	if asked == 0 || reSectors.MatchString(clause) {
		return false // 第一、二、三产业增加值分别为: all three, listed
	}
	other := false
	for _, w := range sectorWords {
		if strings.Contains(clause, w.word) {
			if w.sector == asked {
				return false // 第一产业、第二产业、第三产业…分别为: a list of them
			}
			other = true
		}
	}
	return other
}

// repaymentWords say that money was paid back.
var repaymentWords = []string{"偿还", "还本", "付息", "化解", "兑付", "清偿"}
