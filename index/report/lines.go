package report

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportkb/internal/rx"
)

// line is one line of the original file.
type line struct {
	no         int    // 1-based line number
	start, end int    // byte range of the content, white space trimmed
	text       string // data[start:end]
	width      int    // display width: 2 for wide characters, 1 otherwise
	runes      int
	footer     int // the page number when the line is a page footer
}

func (l *line) blank() bool { return l.start == l.end }

// IsSpace reports whether r is white space in report text, including the
// zero-width and full-width spaces that OCR and web pages leave behind.
func IsSpace(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u3000', '\u00a0':
		return true
	}
	return unicode.IsSpace(r)
}

// splitLines splits data into lines and returns them with the byte offset
// of the start of each line.
func splitLines(data []byte) ([]line, []int) {
	var lines []line
	var starts []int
	for pos, no := 0, 1; pos <= len(data); no++ {
		end := pos
		for end < len(data) && data[end] != '\n' && data[end] != '\r' {
			end++
		}
		starts = append(starts, pos)
		lines = append(lines, splitFlattened(data, makeLine(data, no, pos, end))...)
		if end >= len(data) {
			break
		}
		if data[end] == '\r' && end+1 < len(data) && data[end+1] == '\n' {
			end++
		}
		pos = end + 1
	}
	return lines, starts
}

// Flattened text: a web page's body saved as one line, its headings run
// into the sentences around them (…提出意见。一、2023年工作回顾2023年是…).
const flattenedBytes = 3000 // a line longer than this may hold a whole report

var (
	// reInlineL1 is a top-level heading mark after the end of a sentence,
	// or after a space: where a page's header (当前位置：… 微信 微博 QQ空间)
	// ran into the first heading (一、综 合).
	reInlineL1 = rx.MustCompile(`(?:[。！？：”]|\s)\s*([一二三四五六七八九十]{1,2}、)`)
	// reInlineL2 is a second-level mark after the end of a sentence.
	reInlineL2 = rx.MustCompile(`[。！？：”]\s*([（(][一二三四五六七八九十]{1,2}[）)])`)
	// rePeriodTitle is a heading that names the part of a work report it
	// opens, run into the text after it: 一、2023年工作回顾 | 2023年是….
	// 二、稳稳地做、实实地干，扎实做好2020年工作 | 2020年是….
	// 一、2016年计划执行情况 | 2016年，….
	rePeriodTitle = rx.MustCompile(`^[一二三四五六七八九十]{1,2}、[^。；！？]{0,30}?(?:工作回顾|工作的回顾|工作安排|重点工作|主要任务|总体要求|目标任务|工作建议|工作任务|年工作(?:回顾|安排|任务|建议)?|执行情况)`)
	// reSpacedTitle is a top-level heading a crawled page keeps apart from
	// the text after it by a space: 三、关于2019年预算草案 2019年是….
	// Four characters at least, so that a heading typeset apart (一、综 合)
	// is not cut inside.
	reSpacedTitle = rx.MustCompile(`^[一二三四五六七八九十]{1,2}、[^。；！？，,：:\s]{4,30}\s`)
	// reOpenerTitle is a top-level heading run into a paragraph that
	// opens as a part's paragraphs do: with the year past (一、深入贯彻新
	// 发展理念，“加油干2017”成果丰硕 | 刚刚过去的2017年…), the year's own
	// (…再上新台阶 | 2018年是…) or the address (…加强政府自身建设 | 各位代表).
	// reReviewTitle is a top-level heading of a review run into its text:
	// 一、过去五年工作的回顾 | 2007年以来….
	reReviewTitle = rx.MustCompile(`^[一二三四五六七八九十]{1,2}、[^。；！？，,]{0,20}?工作的?回顾`)
	// reL1IntoL2 is a top-level heading run straight into its first
	// part's mark: 一、2022年主要工作（一）基本情况截止2022年底….
	reL1IntoL2    = rx.MustCompile(`^[一二三四五六七八九十]{1,2}、[^。；！？，,（(]{2,30}?([（(]一[）)])`)
	reOpenerTitle = rx.MustCompile(`^([一二三四五六七八九十]{1,2}、[^。；！？：:]{4,40}?)(?:刚刚过去的|过去的一年|过去一年|一年来|各位代表|(?:19|20)\d{2}年[，,]?是|今年是)`)
)

// splitFlattened splits a flattened line at the heading marks that follow
// the end of a sentence, and a top-level heading that names its part from
// the text run into it; other lines are returned as they are. The pieces
// keep the line's number and their own byte ranges.
func splitFlattened(data []byte, l line) []line {
	if l.end-l.start < flattenedBytes {
		return splitRunIn(data, l)
	}
	marks := reInlineL1.FindAllSubmatchIndex(data[l.start:l.end], -1)
	if len(marks) < 2 {
		return splitRunIn(data, l)
	}
	marks = append(marks, reInlineL2.FindAllSubmatchIndex(data[l.start:l.end], -1)...)
	var cuts []int
	for _, m := range marks {
		cuts = append(cuts, l.start+m[2])
	}
	if reL1.Match(data[l.start:l.end]) {
		// The line opens with a heading of its own (一、过去五年工作的
		// 回顾2007年以来…), run into the text as those inside it are.
		cuts = append(cuts, l.start)
	}
	sort.Ints(cuts)
	var out []line
	from := l.start
	add := func(end int) {
		if end > from {
			out = append(out, makeLine(data, l.no, from, end))
		}
		from = end
	}
	for _, c := range cuts {
		add(c)
		if m := reReviewTitle.Find(data[c:l.end]); m != nil {
			add(c + len(m))
		} else if m := rePeriodTitle.Find(data[c:l.end]); m != nil {
			add(c + len(m))
		} else if m := reSpacedTitle.Find(data[c:l.end]); m != nil {
			add(c + len(m))
		} else if m := reOpenerTitle.FindSubmatchIndex(data[c:l.end]); m != nil {
			add(c + m[3])
		} else if m := reL1IntoL2.FindSubmatchIndex(data[c:l.end]); m != nil {
			add(c + m[2])
		}
	}
	add(l.end)
	return out
}

// splitRunIn splits a line that opens with a top-level heading naming its
// part, run into the paragraph after it (一、2013年工作回顾过去的一年，面对…),
// into the heading and the paragraph; other lines are returned as they are.
func splitRunIn(data []byte, l line) []line {
	// l.text starts at l.start, past the line's spaces (makeLine).
	m := reReviewTitle.FindString(l.text)
	if m == "" {
		m = rePeriodTitle.FindString(l.text)
	}
	if m == "" || !reYear.MatchString(m) && !strings.HasSuffix(m, "回顾") {
		// 一、今年的主要任务是…: a list's first item, not a heading, unless
		// it names its year or is a review (一、过去五年工作的回顾).
		return []line{l}
	}
	rest := l.text[len(m):]
	if r, _ := utf8.DecodeRuneInString(rest); len(rest) < 40 || !unicode.Is(unicode.Han, r) && !unicode.IsDigit(r) || !strings.ContainsAny(rest, "。，") {
		return []line{l}
	}
	cut := l.start + len(m)
	return []line{makeLine(data, l.no, l.start, cut), makeLine(data, l.no, cut, l.end)}
}

func makeLine(data []byte, no, start, end int) line {
	for start < end {
		r, n := utf8.DecodeRune(data[start:end])
		if !IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRune(data[start:end])
		if !IsSpace(r) {
			break
		}
		end -= n
	}
	start = afterHeadingMarks(data, start, end)
	l := line{no: no, start: start, end: end, text: string(data[start:end])}
	for _, r := range l.text {
		l.runes++
		l.width += runeWidth(r)
	}
	l.footer = footerPage(l.text)
	return l
}

// afterHeadingMarks returns where a line's text starts after the marks of
// a Markdown heading (## 一、综合): one to six # and a space. A # before
// text (#食品 in a price table: an item of the one above) is the text's.
func afterHeadingMarks(data []byte, start, end int) int {
	k := start
	for k < end && k-start < 6 && data[k] == '#' {
		k++
	}
	if k == start || k == end {
		return start
	}
	if r, _ := utf8.DecodeRune(data[k:end]); !IsSpace(r) {
		return start
	}
	for k < end {
		r, n := utf8.DecodeRune(data[k:end])
		if !IsSpace(r) {
			return k
		}
		k += n
	}
	return start // marks and nothing after them: text, not a heading
}

func runeWidth(r rune) int {
	if r < 0x1100 || (r >= 0xff61 && r <= 0xffdc) {
		return 1
	}
	return 2
}

func isDash(r rune) bool {
	switch r {
	case '—', '–', '-', '－', '―', '‒', '─', '━', '一':
		return true
	}
	return false
}

// footerPage returns the page number of a page footer line such as
// "— 5 —", "- 12 -" or "第 3 页", and 0 for any other line.
func footerPage(s string) int {
	if len(s) == 0 || len(s) > 64 {
		return 0
	}
	rs := []rune(s)
	i, j := 0, len(rs)
	if j == 0 || j > 20 {
		return 0
	}
	if rs[0] == '第' && rs[j-1] == '页' {
		if m := rePageOf.FindStringSubmatch(s); m != nil {
			return atoiSpaced([]rune(m[1]))
		}
		return atoiSpaced(rs[1 : j-1])
	}
	for i < j && isDash(rs[i]) {
		i++
	}
	lead := i
	for j > i && isDash(rs[j-1]) {
		j--
	}
	if lead == 0 || j == len(rs) || lead > 3 || len(rs)-j > 3 {
		return 0
	}
	return atoiSpaced(rs[i:j])
}

// rePageOf reads 第 2 页，共 116 页.
var rePageOf = rx.MustCompile(`^第\s*([0-9０-９]+)\s*页\s*[，,/／]?\s*共\s*[0-9０-９]+\s*页$`)

func atoiSpaced(rs []rune) int {
	var digits []rune
	for _, r := range rs {
		switch {
		case r >= '0' && r <= '9':
			digits = append(digits, r)
		case r >= '０' && r <= '９':
			digits = append(digits, r-'０'+'0')
		case IsSpace(r):
		default:
			return 0
		}
	}
	if len(digits) == 0 || len(digits) > 4 {
		return 0
	}
	n, _ := strconv.Atoi(string(digits))
	return n
}

// isTerminal reports whether r ends a sentence or a clause that may end a
// paragraph.
func isTerminal(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '：', ':', '；', ';', '…':
		return true
	}
	return false
}

// isClosing reports whether r closes a quotation or bracket and so may
// follow the end of a sentence.
func isClosing(r rune) bool {
	switch r {
	case '”', '’', '」', '』', '）', ')', '】', '》', '"', '\'':
		return true
	}
	return false
}

// maxTrailingNote is the longest bracketed note, in runes, brackets
// included, that may follow the end of a sentence (（详见附表 1）).
const maxTrailingNote = 24

// endsSentence reports whether s ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets or by a bracketed note.
func endsSentence(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		if r == '）' || r == ')' {
			// 结转下年使用。（详见附表 1）: a note after the full stop.
			open := "（"
			if r == ')' {
				open = "("
			}
			if k := strings.LastIndex(s, open); k > 0 && utf8.RuneCountInString(s[k:]) <= maxTrailingNote && endsSentence(strings.TrimRight(s[:k], " 　")) {
				return true
			}
		}
		if isClosing(r) {
			s = s[:len(s)-n]
			continue
		}
		return isTerminal(r)
	}
	return false
}

// endsParagraph reports whether a printed line may end a paragraph: it
// ends a sentence (not just a clause) or introduces what follows.
func endsParagraph(s string) bool {
	if !endsSentence(s) {
		return false
	}
	s = strings.TrimRightFunc(s, isClosing)
	r, _ := utf8.DecodeLastRuneInString(s)
	return r != '；' && r != ';'
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r)
}

func isASCIIAlnum(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func isASCIILetter(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}
