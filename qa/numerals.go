package qa

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WithDigits returns the text of a figure written in Chinese numerals,
// as older reports write them, followed by the figure in digits, so that
// a reader (or a program reading the answer's text) sees the number:
// 四倍 → 四倍（4倍）, 百分之十五以上 → 百分之十五以上（15%以上）,
// 十四亿零六百万新卢布 → 十四亿零六百万新卢布（14.06亿新卢布）. A text
// that already holds a digit, or no numeral, is returned as it is.
func WithDigits(text string) string {
	for _, r := range text {
		if r >= '0' && r <= '9' || r >= '０' && r <= '９' {
			return text
		}
	}
	var out strings.Builder
	changed := false
	percent := "" // the sign of the rate just written, for 百分之八至九
	for i := 0; i < len(text); {
		rest := text[i:]
		sign := ""
		switch {
		case strings.HasPrefix(rest, "百分之"):
			sign = "%"
		case strings.HasPrefix(rest, "千分之"):
			sign = "‰"
		}
		start := i
		if sign != "" {
			start += len("百分之")
		}
		end := numeralRun(text, start)
		if end > start {
			if d, ok := numeralDigits(text[start:end]); ok {
				if sign == "" && percent != "" && rangeBefore(out.String()) {
					sign = percent // 百分之八至九: both ends are rates
				}
				out.WriteString(d)
				out.WriteString(sign)
				percent, changed, i = sign, true, end
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(rest)
		out.WriteRune(r)
		if !strings.ContainsRune("至到—－-~～", r) {
			percent = ""
		}
		i += n
	}
	if !changed {
		return text
	}
	return text + "（" + out.String() + "）"
}

// rangeBefore reports whether s ends with the sign of a range.
func rangeBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("至到—－-~～", r)
}

// numeralRun returns the end of the run of Chinese numerals (and 点,
// the decimal point) that starts at i, or i when none does.
func numeralRun(text string, i int) int {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !isChineseNumeral(foldNumeral(r)) && foldNumeral(r) != '点' {
			break
		}
		j += n
	}
	return j
}

// foldNumeral maps the traditional forms of numerals to the simplified.
func foldNumeral(r rune) rune {
	switch r {
	case '萬':
		return '万'
	case '億':
		return '亿'
	case '點':
		return '点'
	case '兩':
		return '两'
	}
	return r
}

// numeralDigits writes a Chinese numeral in digits, keeping its largest
// scale of 万 or 亿 as modern reports do: 四 → 4, 二十二点五 → 22.5,
// 两万四千 → 2.4万, 十四亿零六百万 → 14.06亿, 一点五万 → 1.5万. ok is false
// when run is no number (a lone scale character, 十四五).
func numeralDigits(run string) (string, bool) {
	run = strings.Map(foldNumeral, run)
	digit := false
	for _, r := range run {
		if _, d := chineseDigit(r); d || r == '十' {
			digit = true
			break
		}
	}
	if !digit || strings.HasPrefix(run, "点") || strings.HasSuffix(run, "点") {
		return "", false
	}
	big, div := "", 1.0
	for _, s := range []struct {
		ch  string
		val float64
	}{{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}} {
		if strings.Contains(run, s.ch) {
			big, div = s.ch, s.val
			break
		}
	}
	var v float64
	var ok bool
	if strings.Contains(run, "点") {
		// 一点五万: the scale follows the fraction.
		if big == "" || !strings.HasSuffix(run, big) {
			if big != "" {
				return "", false
			}
			v, ok = percentWords(run)
		} else {
			v, ok = percentWords(strings.TrimSuffix(run, big))
			v *= div
		}
	} else {
		v, ok = ParseChineseNumber(run)
	}
	if !ok {
		return "", false
	}
	if big != "" && math.Abs(v) >= div {
		v /= div
	} else {
		big = ""
	}
	return strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64) + big, true
}
