package ingest

import (
	"sync"
	"unicode"

	"golang.org/x/text/encoding/simplifiedchinese"
)

var (
	gb2312Once sync.Once
	gb2312     map[rune]bool
)

// isGB2312Han reports whether r is one of the 6,763 Chinese characters of
// GB2312, which hold nearly every character of a government report.
func isGB2312Han(r rune) bool {
	gb2312Once.Do(func() {
		gb2312 = make(map[rune]bool, 6763)
		dec := simplifiedchinese.GBK.NewDecoder()
		for hi := 0xB0; hi <= 0xF7; hi++ {
			for lo := 0xA1; lo <= 0xFE; lo++ {
				out, err := dec.Bytes([]byte{byte(hi), byte(lo)})
				if err != nil {
					continue
				}
				for _, c := range string(out) {
					if unicode.Is(unicode.Han, c) {
						gb2312[c] = true
					}
				}
			}
		}
	})
	return gb2312[r]
}

// readability scores decoded text: the share of its characters that
// Chinese text is made of (ASCII, GB2312 characters, CJK punctuation and
// full-width forms).
func readability(text string) (share float64, n int) {
	good := 0
	for _, r := range text {
		n++
		switch {
		case r < 0x80:
			good++
		case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF, r == '“', r == '”', r == '‘', r == '’', r == '—', r == '…', r == '·':
			good++
		case isGB2312Han(r):
			good++
		}
	}
	if n == 0 {
		return 1, 0
	}
	return float64(good) / float64(n), n
}

// looksMojibake reports whether valid UTF-8 reads as few of the characters
// Chinese text uses: many non-ASCII characters outside them.
func looksMojibake(data []byte) bool {
	nonASCII := 0
	for _, c := range data {
		if c >= 0x80 {
			nonASCII++
		}
	}
	if nonASCII == 0 {
		return false
	}
	share, _ := readability(string(data))
	return share < 0.9
}

// readsAsChinese reports whether decoded text reads as Chinese: nearly all
// of its characters are those Chinese text is made of.
func readsAsChinese(text []byte) bool {
	share, _ := readability(string(text))
	return share >= 0.97
}
