package qa

import (
	"strings"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"

	"reportkb/index"
	"reportkb/index/report"
)

// English questions name places in pinyin (Yichun, Hanyang District). The
// provinces are in provincesEn; a smaller place is matched against the
// pinyin of the region a report covers and the words of its id
// (jiangxi_yichun_2022_stat_bulletin), so that reports never seen before
// are found by the name of their place too.

// idWords are the words of document ids that name no place.
var idWords = map[string]bool{
	"gov": true, "work": true, "report": true, "reports": true, "stat": true, "bulletin": true,
	"plan": true, "budget": true, "final": true, "draft": true, "city": true, "county": true,
	"district": true, "province": true, "national": true, "china": true, "annual": true,
}

// placeSpellings returns the lower-case pinyin of the short name of a
// region (宜春市 → yichun), every reading of a polyphonic character
// counted (重庆 → chongqing and zhongqing), at most 16 of them.
func placeSpellings(region string) []string {
	forms := report.PlaceForms(region)
	short := forms[len(forms)-1]
	if utf8.RuneCountInString(short) > 6 {
		return nil
	}
	args := pinyin.NewArgs()
	args.Heteronym = true
	out := []string{""}
	for _, readings := range pinyin.Pinyin(short, args) {
		if len(readings) == 0 {
			return nil // not all Han characters
		}
		var next []string
		for _, o := range out {
			for _, r := range readings {
				if len(next) < 16 {
					next = append(next, o+r)
				}
			}
		}
		out = next
	}
	if len(out) == 1 && out[0] == "" {
		return nil
	}
	return out
}

// idPlaces returns the words of a document id that may name a place.
func idPlaces(id string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(id), func(r rune) bool { return r == '_' || r == '-' || r == '.' || r == ' ' }) {
		if len(w) >= 3 && !idWords[w] && !isNumberWord(w) {
			out = append(out, w)
		}
	}
	return out
}

// namedPlaces narrows scope to the reports an English question names by
// pinyin: those whose region is spelled so first, else those whose id
// holds the name. It returns the names it recognized, nil if none.
func namedPlaces(names []string, scope []*index.Entry) (region, byID []*index.Entry, used []string) {
	usedSet := map[string]bool{}
	for _, en := range scope {
		spell := placeSpellings(en.Doc.Meta.Region)
		ids := idPlaces(en.Doc.ID)
		inRegion, inID := false, false
		for _, n := range names {
			if contains(spell, n) {
				inRegion = true
				usedSet[n] = true
			}
			if contains(ids, n) {
				inID = true
				usedSet[n] = true
			}
		}
		switch {
		case inRegion:
			region = append(region, en)
		case inID:
			byID = append(byID, en)
		}
	}
	for _, n := range names {
		if usedSet[n] {
			used = append(used, n)
		}
	}
	return region, byID, used
}
