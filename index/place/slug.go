package place

import (
	"slices"
	"strings"
	"sync"

	"github.com/mozillazg/go-pinyin"
)

var (
	spellOnce sync.Once
	bySpell   map[string][]*Division // pinyin of a short form (guangzhou) → divisions
)

// loadSpellings indexes every division by the spellings of its short
// forms and aliases (see Spellings).
func loadSpellings() {
	spellOnce.Do(func() {
		load()
		bySpell = map[string][]*Division{}
		add := func(s string, d *Division) {
			if !slices.Contains(bySpell[s], d) {
				bySpell[s] = append(bySpell[s], d)
			}
		}
		for a, full := range aliases {
			for _, d := range byForm[full] {
				if d.Name == full {
					for _, s := range Spellings(a) {
						add(s, d)
					}
				}
			}
		}
		for _, d := range all {
			// The full name too, as a file name may spell it
			// (jiangxi_nanchang_nanchangxian_…: 南昌县, not 南昌市).
			for _, s := range Spellings(d.Name) {
				add(s, d)
			}
			for _, short := range d.Short {
				for _, s := range Spellings(short) {
					add(s, d)
				}
			}
		}
	})
}

// Spellings returns the lower-case toneless pinyin of a place's short name
// run together (宜春 → yichun), every reading of a polyphonic character
// counted (重庆 → chongqing and zhongqing), at most 16 of them, and its
// English names that are no pinyin (呼和浩特 → hohhot; see Exonyms).
func Spellings(short string) []string {
	args := pinyin.NewArgs()
	args.Heteronym = true
	out := []string{""}
	for _, readings := range pinyin.Pinyin(short, args) {
		if len(readings) == 0 {
			return nil
		}
		var next []string
		for _, o := range out {
			for _, r := range readings {
				if len(next) < 16 && !slices.Contains(next, o+r) {
					next = append(next, o+r)
				}
			}
		}
		out = next
	}
	if len(out) == 1 && out[0] == "" {
		out = nil
	}
	return append(out, exonyms[short]...)
}

// FromSlug returns the division a file name spells in pinyin from the
// province down, as collections name reports: guangdong_shenzhen_futian_
// 2023_gov_work_report is 福田区 of 深圳市, henan_hebi_2025_stat_bulletin
// 鹤壁市. Each word after the first must name a division within the one
// before; words that name none (gov, report) are passed over. It returns
// nil when the first place word is ambiguous and the next does not settle
// it, and the number of words that named the chain.
func FromSlug(id string) (*Division, int) {
	loadSpellings()
	words := strings.FieldsFunc(strings.ToLower(id), func(r rune) bool { return r < 'a' || r > 'z' })
	var cur *Division
	n := 0
	for i, w := range words {
		if len(w) < 3 {
			continue
		}
		ds := bySpell[w]
		if cur == nil {
			switch {
			case len(ds) == 1:
				cur = ds[0]
			case len(ds) > 1:
				// Ambiguous (taizhou): the one the next place word lies in.
				if cur = settle(ds, words[i+1:]); cur == nil {
					cur = onlyProvince(ds) // hainan: the province before 海南州
				}
				if cur == nil {
					return nil, 0
				}
			default:
				continue
			}
			n = 1
			continue
		}
		var inner *Division
		for _, d := range ds {
			if d != cur && d.Within(cur) {
				if inner != nil && inner != d {
					inner = nil // two of that spelling in it
					break
				}
				inner = d
			}
		}
		if inner != nil {
			cur, n = inner, n+1
		}
	}
	return cur, n
}

// settle picks, among divisions of one spelling, the one that holds a
// division spelled by a later word.
func settle(ds []*Division, rest []string) *Division {
	for _, w := range rest {
		var found *Division
		for _, inner := range bySpell[w] {
			for _, d := range ds {
				if inner != d && inner.Within(d) {
					if found != nil && found != d {
						return nil
					}
					found = d
				}
			}
		}
		if found != nil {
			return found
		}
	}
	return nil
}

// onlyProvince returns the one province among ds, or nil.
func onlyProvince(ds []*Division) *Division {
	var p *Division
	for _, d := range ds {
		if d.Level == Province {
			if p != nil {
				return nil
			}
			p = d
		}
	}
	return p
}
