package series

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// acrossWords in a question ask across regions or years: a series rather
// than one figure.
var acrossWords = []string{"各省", "各地", "各市", "各区", "各县", "历年", "逐年", "每年", "历次", "哪些省", "哪些地区", "哪些城市", "哪些市",
	"对比", "比较", "趋势", "compare", "comparison", "versus", " vs", "each province", "every province", "all provinces", "by province",
	"which provinces", "which regions", "over the years", "each year", "every year", "trend", "year by year"}

var (
	levelWords = []struct {
		word, level string
	}{{"省份", "province"}, {"各省", "province"}, {"哪些省", "province"}, {"省区市", "province"}, {"province", "province"},
		{"各市", "city"}, {"哪些城市", "city"}, {"哪些市", "city"}, {"cities", "city"}, {"各县", "county"}, {"counties", "county"},
		{"各区", "district"}, {"districts", "district"}}
	unmetWords = []string{"没有完成", "未完成", "没完成", "未达到", "没有达到", "没达到", "未实现", "没有实现", "低于目标", "不及", "miss", "fell short", "did not meet", "didn't meet", "failed"}
	metWords   = []string{"完成了", "达到了", "实现了", "超过目标", "完成", "met ", "meet", "achieved", "reached"}
	reYearSpan = regexp.MustCompile(`((?:19|20)\d{2})\s*年?\s*(?:至|到|-|—|–|~|to)\s*((?:19|20)\d{2})`)
	reOneYear  = regexp.MustCompile(`(?:19|20)\d{2}`)
)

// FromQuestion returns the series a question asks for when it asks across
// regions or years (各省2025年GDP增长目标是多少, 全国历年GDP增长目标和实际增长,
// 哪些省份没有完成2025年的增长目标, 上海和北京新增就业对比, compare GDP
// growth of Beijing and Shanghai), and whether it does.
func (b *Builder) FromQuestion(question string) (Query, bool) {
	q := strings.TrimSpace(question)
	lq := strings.ToLower(q)
	across := false
	for _, w := range acrossWords {
		across = across || strings.Contains(lq, w)
	}
	which := strings.Contains(q, "哪些") || strings.Contains(lq, "which")
	if !across && !which {
		return Query{}, false
	}
	ind, _, _ := b.cat.Find(q)
	if ind == nil {
		return Query{}, false
	}
	sq := Query{Indicator: ind.ID}
	for _, lw := range levelWords {
		if strings.Contains(lq, lw.word) {
			sq.Level = lw.level
			break
		}
	}
	if m := reYearSpan.FindStringSubmatch(q); m != nil {
		sq.From, _ = strconv.Atoi(m[1])
		sq.To, _ = strconv.Atoi(m[2])
	} else if ys := reOneYear.FindAllString(q, -1); len(ys) == 1 {
		sq.Year, _ = strconv.Atoi(ys[0])
	}
	if strings.Contains(q, "全国") || strings.Contains(lq, "national") || strings.Contains(lq, "china") && sq.Level == "" {
		sq.Regions = append(sq.Regions, "全国")
	}
	sq.Regions = append(sq.Regions, b.placesIn(q)...)
	if len(sq.Regions) > 0 && sq.Level == "province" {
		sq.Level = "" // 北京和上海各省: the places named
	}
	if which {
		switch {
		case hasAnyWord(lq, unmetWords):
			sq.Met = "unmet"
		case hasAnyWord(lq, metWords):
			sq.Met = "met"
		}
	}
	return sq, true
}

func hasAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// placesIn returns the regions of the indexed reports a question names,
// by any of their names (上海, 上海市, Shanghai is not read).
func (b *Builder) placesIn(q string) []string {
	forms := b.placeForms()
	var out []string
	used := map[string]bool{}
	for _, f := range forms {
		if used[f.region] {
			continue
		}
		if k := strings.Index(q, f.form); k >= 0 {
			used[f.region] = true
			out = append(out, f.region)
			q = q[:k] + strings.Repeat(" ", len(f.form)) + q[k+len(f.form):]
		}
	}
	return out
}

// placeForm is a name of an indexed region.
type placeForm struct{ form, region string }

// placeForms returns the names of the indexed regions, longest first,
// from the index's catalogue, cached until the documents change.
func (b *Builder) placeForms() []placeForm {
	return b.forms.Get(b.x.Version(), b.listPlaceForms)
}

func (b *Builder) listPlaceForms() []placeForm {
	var forms []placeForm
	for _, r := range b.x.Regions() {
		if r == "全国" {
			continue
		}
		for _, f := range placeForms(r) {
			if len([]rune(f)) >= 2 {
				forms = append(forms, placeForm{f, r})
			}
		}
	}
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].form) > len(forms[j].form) })
	return forms
}
