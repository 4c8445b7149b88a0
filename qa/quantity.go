package qa

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportkb/internal/rx"
)

// Quantity is a figure found in report text: "8.66亿元", "6000余张",
// "3.6%以内", "连续七次", "4.5%—5%".
type Quantity struct {
	Text      string  // the figure as the report writes it, spaces removed
	Value     float64 // the number with its scale applied: 8.66亿元 → 866000000
	Max       float64 // the upper end of a range; equal to Value otherwise
	Unit      string  // the unit without its scale: 元, 张, %, 百分点, 人次
	Scale     float64 // the scale written after the number: 1e4 for 万, 1 for none
	Qualifier string  // 余, 多, 约, 近, 超过, 以上, 以内, 左右, 突破 … or ""
	Start     int     // byte offset of Text in the parsed string
	End       int
	// Prefix is the byte offset where a leading qualifier (约, 突破) starts;
	// it equals Start when there is none.
	Prefix int
}

// Class returns the kind of the quantity's unit (see UnitClass).
func (q Quantity) Class() string { return UnitClass(q.Unit) }

// units maps the units of report figures to their canonical form. Longer
// units are tried first; a unit of the form A/B is found by combining two.
var units = map[string]string{
	"元": "元", "美元": "美元", "欧元": "欧元", "港元": "港元", "日元": "日元", "元人民币": "元",
	"人": "人", "人次": "人次", "名": "名", "位": "位", "户": "户", "家": "家", "家次": "家次",
	"个": "个", "座": "座", "所": "所", "项": "项", "条": "条", "处": "处", "张": "张", "台": "台",
	"辆": "辆", "栋": "栋", "幢": "幢", "宗": "宗", "块": "块", "袋": "袋", "期": "期", "批": "批",
	"件": "件", "套": "套", "场": "场", "次": "次", "个次": "个次", "艘": "艘", "架": "架", "只": "只",
	"头": "头", "株": "株", "棵": "棵", "间": "间", "部": "部", "支": "支", "类": "类", "种": "种",
	"款": "款", "册": "册", "份": "份", "例": "例", "起": "起", "篇": "篇", "门": "门", "村": "村",
	"个村": "个", "镇": "镇", "乡": "乡", "所学校": "所", "床": "张", "辆次": "辆次", "架次": "架次",
	"班次": "班次", "航次": "航次", "头只": "头只", "趟": "趟", "列": "列", "车次": "车次", "盏": "盏", "根": "根",
	"对": "对", "组": "组", "队": "队", "片": "片", "段": "段", "座次": "座次", "条次": "条次",
	"枝": "枝", "尾": "尾", "羽": "羽", "匹": "匹", "眼": "眼", "颗": "颗", "粒": "粒", "层": "层",
	"箱": "箱", "瓶": "瓶", "届": "届", "轮": "轮", "节": "节", "本": "本", "枚": "枚",
	"亩": "亩", "公顷": "公顷", "平方米": "平方米", "平米": "平方米", "平方公里": "平方公里",
	"平方千米": "平方公里", "公里": "公里", "千米": "公里", "米": "米", "毫米": "毫米", "厘米": "厘米",
	"延米": "米", "吨": "吨", "公斤": "公斤", "千克": "公斤", "克": "克", "斤": "斤", "担": "担",
	"千瓦": "千瓦", "千瓦时": "千瓦时", "兆瓦": "兆瓦", "吉瓦": "吉瓦", "瓦": "瓦", "度": "度",
	"吨标准煤": "吨标准煤", "标准煤": "吨标准煤", "立方米": "立方米", "方": "立方米",
	"年": "年", "个月": "月", "天": "天", "日": "天", "小时": "小时", "分钟": "分钟", "秒": "秒",
	"周": "周", "岁": "岁", "周岁": "岁",
	"%": "%", "％": "%", "个百分点": "百分点", "百分点": "百分点", "‰": "‰", "倍": "倍", "成": "成",
	"标箱": "标箱", "标准箱": "标箱", "TEU": "标箱", "户次": "户次", "笔": "笔",
	"吨公里": "吨公里", "人公里": "人公里", "千瓦时/人": "千瓦时/人",
	"微克/立方米": "微克/立方米", "毫克/立方米": "毫克/立方米",
	"微克每立方米": "微克/立方米", "毫克每立方米": "毫克/立方米", // written in words
	"微克": "微克/立方米", // 降至36微克: a concentration said short
	// Unit symbols, as bulletins print them: PM2.5年均浓度29μg/m³.
	"μg/m³": "微克/立方米", "μg/m3": "微克/立方米", "µg/m³": "微克/立方米", "µg/m3": "微克/立方米",
	"ug/m³": "微克/立方米", "ug/m3": "微克/立方米", "mg/m³": "毫克/立方米", "mg/m3": "毫克/立方米",
	"㎡": "平方米", "m²": "平方米", "㎞": "公里", "km²": "平方公里", "㎢": "平方公里", "km": "公里",
	"kWh": "千瓦时", "kW": "千瓦", "MW": "兆瓦", "GW": "吉瓦", "m³": "立方米",
	// Computing power: 算力规模突破160EFLOPS.
	"EFLOPS": "EFLOPS", "EFlops": "EFLOPS", "Eflops": "EFLOPS", "eflops": "EFLOPS",
	"PFLOPS": "PFLOPS", "PFlops": "PFLOPS", "Pflops": "PFLOPS", "pflops": "PFLOPS",
}

// maxUnitRunes is the length of the longest unit.
const maxUnitRunes = 6

// UnitClass groups units by what they measure: money, people, percent,
// ratio, count, area, length, weight, energy, volume, time, age, rate
// (吨/公顷), or "" for none. A sum of money for each thing (元/人/月) is
// money.
func UnitClass(u string) string {
	switch u {
	case "元", "美元", "欧元", "港元", "日元":
		return "money"
	case "人", "人次", "名", "位":
		return "people"
	case "户", "户次":
		return "household"
	case "%", "百分点", "‰", "成":
		return "percent"
	case "倍":
		return "ratio"
	case "亩", "公顷", "平方米", "平方公里":
		return "area"
	case "公里", "米", "毫米", "厘米":
		return "length"
	case "吨", "公斤", "克", "斤", "担":
		return "weight"
	case "千瓦", "千瓦时", "兆瓦", "吉瓦", "瓦", "度", "吨标准煤":
		return "energy"
	case "立方米":
		return "volume"
	case "年", "月", "天", "小时", "分钟", "秒", "周":
		return "time"
	case "岁":
		return "age"
	case "":
		return ""
	}
	if head, _, ok := strings.Cut(u, "/"); ok {
		if UnitClass(head) == "money" {
			return "money" // 331元/人/月: a sum of money for each
		}
		return "rate"
	}
	return "count"
}

var prefixQualifiers = []string{"不少于", "不低于", "不超过", "将近", "接近", "超过", "突破", "跨过", "迈过", "跨越", "大约", "高于", "低于", "不足", "约", "近", "超", "逾"}

var suffixQualifiers = []string{"以上", "以下", "以内", "左右", "上下", "多", "余"}

// scales maps Chinese scale characters to their values.
func scaleOf(r rune) float64 {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1e3
	case '万':
		return 1e4
	case '亿':
		return 1e8
	}
	return 0
}

func chineseDigit(r rune) (int, bool) {
	switch r {
	case '零', '〇', '○':
		return 0, true
	case '一':
		return 1, true
	case '二', '两':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

func isChineseNumeral(r rune) bool {
	_, d := chineseDigit(r)
	return d || scaleOf(r) > 0
}

// ParseChineseNumber parses a Chinese numeral such as 七, 十五, 两千,
// 三千二百, 一万零五百, 三亿五千万 or 二〇二〇. ok is false when s is not one.
func ParseChineseNumber(s string) (v float64, ok bool) {
	if s == "" {
		return 0, false
	}
	for _, big := range []struct {
		ch  string
		val float64
	}{{"亿", 1e8}, {"万", 1e4}} {
		if k := strings.LastIndex(s, big.ch); k >= 0 {
			hi, lo := 1.0, 0.0
			if k > 0 {
				if hi, ok = ParseChineseNumber(s[:k]); !ok {
					return 0, false
				}
			}
			if rest := s[k+len(big.ch):]; rest != "" {
				if lo, ok = ParseChineseNumber(rest); !ok {
					return 0, false
				}
			}
			return hi*big.val + lo, true
		}
	}
	// Below 万: digits and 千百十, or a string of digits (二〇二〇).
	scaled := strings.ContainsAny(s, "千百十")
	var section float64
	digit, haveDigit, lastWasDigit := 0.0, false, false
	for _, r := range s {
		if d, isD := chineseDigit(r); isD {
			if lastWasDigit {
				if scaled && r != '零' && digit != 0 {
					return 0, false // 十四五: not a number
				}
				if !scaled {
					section = section*10 + digit
				}
			}
			digit, haveDigit, lastWasDigit = float64(d), true, true
			continue
		}
		sc := scaleOf(r)
		if sc == 0 || sc >= 1e4 {
			return 0, false
		}
		if !haveDigit {
			if r != '十' {
				return 0, false
			}
			digit = 1 // 十五 = 一十五
		}
		section += digit * sc
		digit, haveDigit, lastWasDigit = 0, false, false
	}
	if !scaled {
		return section*10 + digit, true
	}
	return section + digit, true
}

// blocksLeft reports whether the rune before a number makes it part of a
// name rather than a figure: a Latin letter (PM2.5, 5G's neighbours), 第
// (an ordinal) or a connector of codes.
func blocksLeft(r rune) bool {
	return r < 0x80 && unicode.IsLetter(r) || r == '第' || r == '+' || r == '#' || r == '_' || r == '/' || r == '号'
}

// acronymBefore reports whether before ends in an acronym of three or
// more capital letters (GDP, CPI) standing after no other letter or digit.
func acronymBefore(before string) bool {
	n := 0
	for n < len(before) && before[len(before)-1-n] >= 'A' && before[len(before)-1-n] <= 'Z' {
		n++
	}
	if n < 3 {
		return false
	}
	if k := len(before) - n; k > 0 {
		r, _ := utf8.DecodeLastRuneInString(before[:k])
		return !(r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)))
	}
	return true
}

var reRank = rx.MustCompile(`第\s*([0-9０-９]+|[一二三四五六七八九十]+)\s*(位|名)?|首位`)

// ParseRanks returns the places in a ranking that text names, in order:
// 居全国第7位 → 第7位 (7, unit 位), 居全国首位 → 首位 (1). Ordinals are
// no figures for ParseQuantities; a question about a ranking asks for them.
func ParseRanks(text string) []Quantity {
	var out []Quantity
	for _, m := range reRank.FindAllStringSubmatchIndex(text, -1) {
		q := Quantity{Text: text[m[0]:m[1]], Start: m[0], End: m[1], Prefix: m[0], Scale: 1}
		if m[2] < 0 {
			q.Value, q.Unit = 1, "位"
		} else {
			num := text[m[2]:m[3]]
			v, ok := ParseChineseNumber(num)
			if !ok {
				var digits []byte
				for _, r := range num {
					digits = append(digits, digitVal(r))
				}
				n, err := strconv.Atoi(string(digits))
				if err != nil {
					continue
				}
				v = float64(n)
			}
			q.Value = v
			if m[4] >= 0 {
				q.Unit = text[m[4]:m[5]]
			}
		}
		// 第一批, 第二产业: an ordinal that ranks nothing.
		if q.Unit == "" && m[2] >= 0 {
			after := text[m[1]:]
			if !strings.HasPrefix(after, "，") && !strings.HasPrefix(after, "。") && !strings.HasPrefix(after, "、") && after != "" {
				continue
			}
		}
		q.Max = q.Value
		out = append(out, q)
	}
	return out
}

// ParseQuantities returns the figures in text, in order.
func ParseQuantities(text string) []Quantity {
	var out []Quantity
	medals := medalTally(text)
	for i := 0; i < len(text); {
		for len(medals) > 0 && medals[0].Start < i {
			medals = medals[1:]
		}
		if len(medals) > 0 && medals[0].Start == i {
			// 斩获8金4银4铜: medals counted by their metal.
			out = append(out, medals[0])
			i, medals = medals[0].End, medals[1:]
			continue
		}
		q, ok := parseAt(text, i)
		if !ok {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isDigit(r) {
				if q, ok := listedBefore(text, i); ok {
					// 分别投入48.47、51.50、39.07亿元: the unit of the last.
					out = append(out, q)
					i = q.End
					continue
				}
			}
			i += n
			if !isDigit(r) {
				continue
			}
			// Skip the rest of a number we did not take (PM2.5, 12号线).
			for i < len(text) {
				r, n := utf8.DecodeRuneInString(text[i:])
				if !isDigit(r) && r != '.' && r != '．' {
					break
				}
				i += n
			}
			continue
		}
		if q.Unit == "" && q.Prefix == q.Start {
			// 医疗旅游人次86.5万: a unit of trips named before the figure.
			if u := hasSuffixAny(text[:q.Start], tripUnits); u != "" {
				q.Unit = u
			}
		}
		out = append(out, q)
		i = q.End
	}
	return out
}

// reMedalTally is a tally of medals by metal: 8金4银4铜, 12金5银.
var reMedalTally = rx.MustCompile(`([0-9]+)金([0-9]+)银(?:([0-9]+)铜)?|([0-9]+)银([0-9]+)铜`)

// medalTally returns the counts of a tally of medals in text (8金4银4铜:
// 8, 4 and 4 medals, each written with its metal), in order.
func medalTally(text string) []Quantity {
	if !strings.Contains(text, "银") {
		return nil
	}
	var out []Quantity
	for _, m := range reMedalTally.FindAllStringSubmatchIndex(text, -1) {
		for g := 1; g < len(m)/2; g++ {
			s, e := m[2*g], m[2*g+1]
			if s < 0 {
				continue
			}
			v, err := strconv.ParseFloat(text[s:e], 64)
			if err != nil {
				continue
			}
			_, n := utf8.DecodeRuneInString(text[e:]) // the metal
			out = append(out, Quantity{Text: text[s : e+n], Value: v, Max: v, Unit: "枚", Scale: 1, Start: s, End: e + n, Prefix: s})
		}
	}
	return out
}

// tripUnits are units of trips or visits that a report may name before
// their figure (接待游客人次1200万).
var tripUnits = []string{"人次", "架次", "辆次", "艘次", "车次", "户次"}

// footnoteRef reports whether the number at byte i of text marks a note
// (国内生产总值[2]1349084亿元): one to three digits in square brackets.
func footnoteRef(text string, i int) bool {
	return reFootnoteAt.MatchString(text[i:]) && (strings.HasSuffix(text[:i], "[") || strings.HasSuffix(text[:i], "［"))
}

// reFootnoteAt is the number and closing bracket of a note mark.
var reFootnoteAt = rx.MustCompile(`^[0-9０-９]{1,3}[\]］]`)

// reFootnoteEnd is a note mark ending a text (比上年下降[47]).
var reFootnoteEnd = rx.MustCompile(`[\[［][0-9０-９]{1,3}[\]］]$`)

// dropFootnoteEnd returns s without a note mark at its end.
func dropFootnoteEnd(s string) string {
	if !strings.HasSuffix(s, "]") && !strings.HasSuffix(s, "］") {
		return s // most texts end otherwise, and the expression reads them all
	}
	return reFootnoteEnd.ReplaceAllString(s, "")
}

// numberEnd returns the end of the digits, points and thousands commas
// of a number at byte i of text.
func numberEnd(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isDigit(r) && r != '.' && r != '．' {
			break
		}
		i += n
	}
	return i
}

// listedBefore reads a bare number at byte i that heads a list of figures
// joined by 、 whose last has a unit (48.47 of 48.47、51.50、39.07亿元): the
// number takes that unit and scale.
func listedBefore(text string, i int) (Quantity, bool) {
	j := numberEnd(text, i)
	if j == i {
		return Quantity{}, false
	}
	for k := j; strings.HasPrefix(text[k:], "、"); {
		k += len("、")
		r, _ := utf8.DecodeRuneInString(text[k:])
		if !isDigit(r) {
			return Quantity{}, false
		}
		if last, ok := parseAt(text, k); ok {
			if last.Unit == "" || last.Unit == "年" || last.Unit == "月" || last.Unit == "日" || last.Start != k {
				return Quantity{}, false
			}
			suffix := text[numberEnd(text, last.Start):last.End]
			q, ok := parseAt(text[i:j]+suffix, 0)
			if !ok || q.Unit != last.Unit {
				return Quantity{}, false
			}
			q.Text, q.Start, q.End, q.Prefix = text[i:j], i, j, i
			return q, true
		}
		k = numberEnd(text, k)
	}
	return Quantity{}, false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func digitVal(r rune) byte {
	if r >= '０' && r <= '９' {
		return byte(r - '０' + '0')
	}
	return byte(r)
}

// parseAt parses a quantity starting at byte i of text.
func parseAt(text string, i int) (Quantity, bool) {
	r, _ := utf8.DecodeRuneInString(text[i:])
	var prev rune
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(text[:i])
	}
	if isDigit(r) || (r == '-' || r == '－' || r == '−') && !isDigit(prev) && i+1 < len(text) && isDigit(firstRune(text[i+1:])) {
		if acronymBefore(text[:i]) {
			// 全年实现GDP3464.09亿元: an indicator's acronym, then its
			// figure with a unit (not ISO9001, PM2.5).
			if q, ok := parseArabic(text, i); ok && q.Unit != "" {
				return q, true
			}
			return Quantity{}, false
		}
		if blocksLeft(prev) || isDigit(prev) || prev == '.' || prev == '∶' || footnoteRef(text, i) {
			// ∶ before: the 1 of a ratio (2.04∶1), told with its first term.
			return Quantity{}, false
		}
		return parseArabic(text, i)
	}
	if strings.HasPrefix(text[i:], "百分之") || strings.HasPrefix(text[i:], "千分之") {
		return parsePercentWords(text, i)
	}
	if isChineseNumeral(r) {
		if prev == '第' || isChineseNumeral(prev) {
			return Quantity{}, false
		}
		return parseChinese(text, i)
	}
	return Quantity{}, false
}

// parsePercentWords parses a rate written out in words, as older reports
// do: 百分之二十二点五 (22.5%), 千分之七点一 (7.1‰).
func parsePercentWords(text string, i int) (Quantity, bool) {
	unit := "%"
	if strings.HasPrefix(text[i:], "千") {
		unit = "‰"
	}
	j := i + len("百分之")
	k := j
	for k < len(text) {
		r, n := utf8.DecodeRuneInString(text[k:])
		if !isChineseNumeral(r) && r != '点' {
			break
		}
		k += n
	}
	v, ok := percentWords(text[j:k])
	if !ok {
		return Quantity{}, false
	}
	q := Quantity{Value: v, Max: v, Unit: unit, Scale: 1, Start: i, End: k}
	// 百分之八至九, 百分之八到百分之九: a range.
	if sep := hasPrefixAny(text[k:], []string{"至", "到", "—", "－", "-", "~"}); sep != "" {
		m := k + len(sep)
		if strings.HasPrefix(text[m:], text[i:j]) {
			m += j - i
		}
		e := m
		for e < len(text) {
			r, n := utf8.DecodeRuneInString(text[e:])
			if !isChineseNumeral(r) && r != '点' {
				break
			}
			e += n
		}
		if hi, ok := percentWords(text[m:e]); ok && e > m && hi > v {
			q.Max, q.End, k = hi, e, e
		}
	}
	if qual := hasPrefixAny(text[k:], []string{"以上", "以下", "以内", "左右"}); qual != "" {
		q.Qualifier, q.End = qual, k+len(qual)
	}
	q.Text = text[q.Start:q.End]
	q.Prefix = prefixStart(text, i)
	if p := text[q.Prefix:i]; p != "" {
		q.Qualifier = p + q.Qualifier
	}
	return q, true
}

// percentWords reads the number of a rate in words: 二十二点五 → 22.5.
func percentWords(words string) (float64, bool) {
	intPart, frac, _ := strings.Cut(words, "点")
	v, ok := ParseChineseNumber(intPart)
	if !ok {
		return 0, false
	}
	scale := 0.1
	for _, r := range frac {
		d, isD := chineseDigit(r)
		if !isD {
			return 0, false
		}
		v += float64(d) * scale
		scale /= 10
	}
	return math.Round(v*1e6) / 1e6, true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// readNumber reads an Arabic number at byte i: digits, thousands commas
// and a decimal point. It returns the number and the byte after it.
func readNumber(text string, i int) (float64, int, bool) {
	var buf []byte
	j := i
	if r, n := utf8.DecodeRuneInString(text[j:]); r == '-' || r == '－' || r == '−' {
		buf = append(buf, '-')
		j += n
	}
	digits := 0
	group := 0 // digits since the last thousands separator
	commas := 0
	dot := false
	// Digits typeset apart (7 4 7 7 2亿元, 1 9 9 7年) are one number.
	spaced := reSpacedDigits.MatchString(text[j:])
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		switch {
		case isDigit(r):
			buf = append(buf, digitVal(r))
			digits++
			group++
			j += n
			continue
		case (r == '.' || r == '．') && !dot && digits > 0 && j+n < len(text) && isDigit(firstRune(text[j+n:])):
			buf = append(buf, '.')
			dot = true
			j += n
			continue
		case (r == '·' || r == '・') && !dot && digits > 0 && middleDotDecimal(text[j+n:]):
			// 增长19·5％: some typeset reports write the point as a middle
			// dot; “6·9”, a date naming an event, is no number.
			buf = append(buf, '.')
			dot = true
			j += n
			continue
		case spaced && r == ' ' && !dot && j+1 < len(text) && isDigit(firstRune(text[j+1:])):
			j += n
			continue
		case spaced && r == ' ' && !dot && decimalPointAt(text[j+1:]):
			// 7 0 ．8 岁: the space before the point goes with the digits.
			j += n
			continue
		case spaced && r == ' ' && j+1 < len(text) && !isDigit(firstRune(text[j+1:])) && firstRune(text[j+1:]) != ' ':
			// 4 6 2 8 0 亿元: the space before the unit goes with the digits.
			j += n
			spaced = false
			continue
		case (r == ',' || r == '，') && !dot && digits > 0 && (commas == 0 && group <= 3 || commas > 0 && group == 3) && threeDigits(text[j+n:]):
			// 6,351,016: thousands separators, every group after the first
			// of three digits; full width in some PDFs (878，631万元).
			j += n
			commas++
			group = 0
			continue
		}
		break
	}
	if digits == 0 {
		return 0, i, false
	}
	v, err := strconv.ParseFloat(string(buf), 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, i, false
	}
	return v, j, true
}

// middleDotDecimal reports whether s, after a middle dot, holds the digits
// of a fraction followed by a percent sign or a unit of money or scale, as
// a decimal written with a middle dot is (19·5％, 4·3亿元).
func middleDotDecimal(s string) bool {
	rest := strings.TrimLeftFunc(s, isDigit)
	return rest != s && rest != "" && strings.ContainsRune("%％‰亿万元倍", firstRune(rest))
}

// decimalPointAt reports whether s opens with a decimal point and a digit.
func decimalPointAt(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return (r == '.' || r == '．') && n < len(s) && isDigit(firstRune(s[n:]))
}

// reSpacedDigits opens a number typeset one digit apart from the next, as
// some scanned reports are (7 4 7 7 2亿元): single digits, one space
// between, then no digit.
var reSpacedDigits = rx.MustCompile(`^[0-9](?: [0-9])+ ?(?:$|[^0-9 ])`)

// thousandsComma reports whether the comma at byte i of text separates
// thousands (878，631万元, 6,351,016) rather than clauses: a digit before
// it, in a run of at most three since the last separator or the number's
// start, and three digits after it, then no digit.
func thousandsComma(text string, i int) bool {
	r, n := utf8.DecodeRuneInString(text[i:])
	if r != ',' && r != '，' || !threeDigits(text[i+n:]) {
		return false
	}
	group := 0
	for k := i; k > 0; {
		p, m := utf8.DecodeLastRuneInString(text[:k])
		switch {
		case isDigit(p):
			group++
		case (p == ',' || p == '，') && group == 3:
			return thousandsComma(text, k-m)
		default:
			return group >= 1 && group <= 3
		}
		k -= m
	}
	return group >= 1 && group <= 3
}

// threeDigits reports whether s opens with three digits, half or full
// width (２７，２０３，３１９), and no fourth.
func threeDigits(s string) bool {
	for k := 0; k < 3; k++ {
		r, n := utf8.DecodeRuneInString(s)
		if !isDigit(r) {
			return false
		}
		s = s[n:]
	}
	return s == "" || !isDigit(firstRune(s))
}

// unitAt returns the unit starting at byte i, its canonical form and its
// length in bytes, preferring the longest.
// symbolUnit reports whether s opens with a unit written in letters
// (29μg/m³, 120km, 20TEU) that no letter or digit goes on after: not the
// code of 5G or 4S.
func symbolUnit(s string) bool {
	u, n := unitAt(s, 0)
	if n == 0 || u == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[n:])
	return !(r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)))
}

func unitAt(text string, i int) (string, int) {
	end := i
	var ends []int
	for k := 0; k < maxUnitRunes && end < len(text); k++ {
		_, n := utf8.DecodeRuneInString(text[end:])
		end += n
		ends = append(ends, end)
	}
	for k := len(ends) - 1; k >= 0; k-- {
		if u, ok := units[text[i:ends[k]]]; ok {
			if text[i:ends[k]] == "方" && strings.ContainsRune("面案式向法针位", firstRune(text[ends[k]:])) {
				continue // 几方面, 三方案: no cubic metres
			}
			return u, ends[k] - i
		}
	}
	return "", 0
}

// scaleAt reads Chinese scale characters after a number (万, 亿, 千万, 万亿);
// 千 before 瓦, 米 or 克 belongs to the unit.
func scaleAt(text string, i int) (float64, int) {
	mult := 1.0
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		sc := scaleOf(r)
		if sc == 0 || sc == 10 {
			break
		}
		if r == '千' || r == '百' {
			next := firstRune(text[j+n:])
			if next == '瓦' || next == '米' || next == '克' || next == '伏' || next == '分' {
				break
			}
			if r == '百' && strings.HasPrefix(text[j:], "百分点") {
				break
			}
		}
		mult *= sc
		j += n
	}
	return mult, j - i
}

func hasPrefixAny(s string, list []string) string {
	for _, p := range list {
		if strings.HasPrefix(s, p) {
			return p
		}
	}
	return ""
}

func hasSuffixAny(s string, list []string) string {
	for _, p := range list {
		if strings.HasSuffix(s, p) {
			return p
		}
	}
	return ""
}

// tail reads what follows a number: 余/多, scale, 余/多, unit, and a
// suffix qualifier. It returns the multiplier, unit, qualifier and the
// byte after the figure.
func tail(text string, j int) (mult float64, unit, qual string, end int) {
	mult = 1
	if q := hasPrefixAny(text[j:], []string{"余", "多"}); q != "" {
		qual = q
		j += len(q)
	}
	m, n := scaleAt(text, j)
	mult, j = m, j+n
	if qual == "" {
		if q := hasPrefixAny(text[j:], []string{"余", "多"}); q != "" && n > 0 {
			qual = q
			j += len(q)
		}
	}
	if u, n := unitAt(text, j); n > 0 {
		unit = u
		j += n
		// A compound unit: 元/平方米, 微克/立方米, 元/人/月.
		for k := 0; k < 2; k++ {
			// 735元/人/月, and with full-width slashes 735元／人／月.
			sl := len(hasPrefixAny(text[j:], []string{"/", "／"}))
			if sl == 0 {
				break
			}
			u2, n2 := unitAt(text, j+sl)
			if n2 == 0 {
				u2 = hasPrefixAny(text[j+sl:], []string{"月", "年", "日", "天", "周"}) // per month: no unit alone
				n2 = len(u2)
			}
			if n2 == 0 {
				break
			}
			unit += "/" + u2
			j += sl + n2
		}
	}
	if q := hasPrefixAny(text[j:], []string{"以上", "以下", "以内", "左右", "上下"}); q != "" {
		if qual == "" {
			qual = q
		} else {
			qual += q
		}
		j += len(q)
	} else if unit != "" && qual == "" {
		if q := hasPrefixAny(text[j:], []string{"多", "余"}); q != "" && !strings.HasPrefix(text[j:], "多元") && !strings.HasPrefix(text[j:], "多个") {
			qual = q
			j += len(q)
		}
	}
	return mult, unit, qual, j
}

func isRangeDash(s string) int {
	for _, d := range []string{"—", "－", "-", "～", "~", "至", "到", "–"} {
		if strings.HasPrefix(s, d) {
			return len(d)
		}
	}
	return 0
}

func parseArabic(text string, i int) (Quantity, bool) {
	v, j, ok := readNumber(text, i)
	if !ok {
		return Quantity{}, false
	}
	// A date: 2020年, 12月, 15日; a code: 5G, 4S, 12号线.
	rest := text[j:]
	numText := text[i:j]
	if strings.HasPrefix(rest, "年") && len(numText) == 4 && v >= 1900 && v <= 2100 {
		return Quantity{}, false
	}
	if (strings.HasPrefix(rest, "月") || strings.HasPrefix(rest, "日") && !strings.HasPrefix(rest, "日均")) && v == math.Trunc(v) && v >= 1 && v <= 31 && !strings.Contains(numText, ".") {
		if prev := text[:i]; strings.HasSuffix(prev, "月") || strings.HasPrefix(rest, "月") {
			return Quantity{}, false
		}
	}
	if r := firstRune(rest); (r < 0x80 && unicode.IsLetter(r) || r == '+' || r == '号' || r == '/') && !symbolUnit(rest) {
		return Quantity{}, false
	}
	mult, unit, qual, end := tail(text, j)
	q := Quantity{Value: scaled(v, mult), Unit: unit, Scale: mult, Qualifier: qual, Start: i, End: end}
	// A range: 4.5%—5%, 3至5年, 2—3个百分点.
	if d := isRangeDash(text[end:]); d > 0 && end+d < len(text) && isDigit(firstRune(text[end+d:])) {
		if v2, j2, ok := readNumber(text, end+d); ok {
			m2, u2, q2, e2 := tail(text, j2)
			if u2 == unit || unit == "" && u2 != "" {
				if unit == "" {
					mult = m2
					q.Value = scaled(v, m2)
					q.Scale = m2
				}
				q.Max = scaled(v2, m2)
				q.Unit = u2
				if q2 != "" {
					q.Qualifier = q2
				}
				q.End = e2
			}
		}
	}
	if q.Max == 0 {
		q.Max = q.Value
	}
	// A bare number followed by Chinese text is a name or a code (985、211高校, 101寻找).
	if next := firstRune(text[q.End:]); q.Unit == "" && mult == 1 && q.End < len(text) && (isHan(next) || next == '、') {
		return Quantity{}, false
	}
	q.Text = text[q.Start:q.End]
	q.Prefix = prefixStart(text, i)
	if p := text[q.Prefix:i]; p != "" {
		if q.Qualifier == "" {
			q.Qualifier = p
		} else {
			q.Qualifier = p + q.Qualifier
		}
	}
	return q, true
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func prefixStart(text string, i int) int {
	if p := hasSuffixAny(text[:i], prefixQualifiers); p != "" && hasSuffixAny(text[:i], wordsEndingInQualifier) == "" {
		return i - len(p)
	}
	return i
}

// wordsEndingInQualifier end in a qualifier's character without being
// one: 节约１０％ saves ten per cent, 最近5年 are the last five years.
var wordsEndingInQualifier = []string{"节约", "制约", "集约", "预约", "签约", "履约", "违约", "公约", "条约", "契约", "合约", "特约", "俭约",
	"最近", "附近", "就近", "邻近", "临近"}

// chineseUnitOK lists units that make a Chinese numeral a figure; words
// like 方 (千方百计), 成 (一成不变) or 度 (一度) are left out, unless the
// numeral carries a scale of 万 or 亿, which no such word does
// (二千五百六十亿度, 三亿立方米).
func chineseUnitOK(num, u string) bool {
	switch u {
	case "立方米", "成", "度", "起", "对", "门", "片", "段", "组", "队", "份", "部", "类", "种", "期", "周", "列", "根", "支":
		return strings.HasSuffix(num, "万") || strings.HasSuffix(num, "亿")
	}
	return u != ""
}

func parseChinese(text string, i int) (Quantity, bool) {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !isChineseNumeral(r) {
			break
		}
		j += n
	}
	num := text[i:j]
	if strings.HasPrefix(text[j:], "年") && utf8.RuneCountInString(num) == 4 && !strings.ContainsAny(num, "十百千万亿两") {
		return Quantity{}, false // 一九五二年: a year
	}
	if !strings.ContainsAny(num, "零〇一二两三四五六七八九十") || strings.HasPrefix(text[j:], "次产业") {
		return Quantity{}, false // 亿元以上, 三次产业: not figures
	}
	for _, name := range []string{"次会议", "次全会", "次全体会议", "次代表大会", "届人大", "届政府", "届人民代表大会"} {
		if strings.HasPrefix(text[j:], name) {
			return Quantity{}, false // 十五届人大五次会议: the name of a session
		}
	}
	// Numerals that end in a scale (三千万) keep the scale in the value.
	v, ok := ParseChineseNumber(num)
	if !ok {
		return Quantity{}, false
	}
	mult := 1.0
	if frac, k := chineseFraction(text, j); k > j && !strings.ContainsAny(num, "万亿") {
		// 一点四倍, 二十五点五亿元: decimals, and the scale after them.
		v += frac
		var n int
		mult, n = scaleAt(text, k)
		v, j = scaled(v, mult), k+n
	}
	_, unit, qual, end := tail(text, j)
	if !chineseUnitOK(num, unit) {
		return Quantity{}, false
	}
	// 一是, 一批, 一个: enumerators and articles, not figures.
	if v == 1 && utf8.RuneCountInString(num) == 1 {
		return Quantity{}, false
	}
	q := Quantity{Value: v, Max: v, Unit: unit, Scale: 1, Qualifier: qual, Start: i, End: end}
	q.Text = text[q.Start:q.End]
	q.Prefix = prefixStart(text, i)
	if p := text[q.Prefix:i]; p != "" {
		q.Qualifier = p + q.Qualifier
	}
	return q, true
}

// chineseFraction reads the decimals of a numeral in words at byte j of
// text (点四 of 一点四倍) and returns their value and the byte after them;
// j itself when none follow (一点儿, 三点钟).
func chineseFraction(text string, j int) (float64, int) {
	if !strings.HasPrefix(text[j:], "点") {
		return 0, j
	}
	k := j + len("点")
	v, scale := 0.0, 0.1
	for k < len(text) {
		r, n := utf8.DecodeRuneInString(text[k:])
		d, ok := chineseDigit(r)
		if !ok || r == '两' {
			break
		}
		v += float64(d) * scale
		scale /= 10
		k += n
	}
	if k == j+len("点") || strings.HasPrefix(text[k:], "钟") {
		return 0, j
	}
	return math.Round(v*1e6) / 1e6, k
}

// scaled applies a scale (万, 亿) to a figure without the binary
// fraction's noise: 652.43万 is 6524300, not 6524299.999999999.
func scaled(v, mult float64) float64 {
	if mult == 1 {
		return v
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v*mult, 'g', 12, 64), 64)
	if err != nil {
		return v * mult
	}
	return r
}
