package report

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"reportkb/index/segment"
)

// provinces maps the short name of each province-level region to its full
// name.
var provinces = map[string]string{
	"北京": "北京市", "天津": "天津市", "上海": "上海市", "重庆": "重庆市",
	"河北": "河北省", "山西": "山西省", "辽宁": "辽宁省", "吉林": "吉林省", "黑龙江": "黑龙江省",
	"江苏": "江苏省", "浙江": "浙江省", "安徽": "安徽省", "福建": "福建省", "江西": "江西省",
	"山东": "山东省", "河南": "河南省", "湖北": "湖北省", "湖南": "湖南省", "广东": "广东省",
	"海南": "海南省", "四川": "四川省", "贵州": "贵州省", "云南": "云南省", "陕西": "陕西省",
	"甘肃": "甘肃省", "青海": "青海省", "台湾": "台湾省",
	"内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区",
	"宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区",
	"香港": "香港特别行政区", "澳门": "澳门特别行政区",
}

// Province returns the full and short name of the province-level region
// that name (full or short) names, or "", "".
func Province(name string) (full, short string) {
	for s, f := range provinces {
		if name == s || name == f || strings.HasPrefix(name, s) && len(name) <= len(f) && strings.HasPrefix(f, name) {
			return f, s
		}
	}
	return "", ""
}

// Provinces returns the short names of all province-level regions.
func Provinces() []string {
	out := make([]string, 0, len(provinces))
	for s := range provinces {
		out = append(out, s)
	}
	return out
}

var (
	reTitleYear = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	reCongress  = regexp.MustCompile(`在(\p{Han}{0,12}?)第[一二三四五六七八九十\d]+届(全国)?人民代表大会`)
	reIDYear    = regexp.MustCompile(`(19|20)\d{2}`)
	reSpeaker   = regexp.MustCompile(`(\p{Han}{2,8}?(?:省|市|自治区|县|区|州|盟|旗))(?:人民政府)?(?:代)?(?:省长|市长|主席|县长|区长|州长|盟长|旗长)`)
	rePlaceEnd  = regexp.MustCompile(`(国民经济|政府工作|人民政府|统计公报|财政|预算|决算|计划执行|关于)`)
)

// detectMeta tells what a report is from its title and front matter.
func detectMeta(d *Doc) Meta {
	var m Meta
	title := d.Title
	front := title
	for _, p := range d.Paragraphs {
		if p.Kind == KindFront || p.Kind == KindTitle {
			front += p.Text
		}
		if p.Kind == KindBody || p.Kind == KindHeading {
			break
		}
	}
	frontOnly := front
	if title == "" {
		// No title: the opening paragraphs say what the report is
		// ("我代表国务院，向大会作政府工作报告").
		n := 0
		for _, p := range d.Paragraphs {
			if p.Kind == KindBody && n < 8 {
				front += p.Text
				n++
			}
		}
		front = segment.FoldT2S(front)
		if strings.Contains(front, "报告政府工作") || strings.Contains(front, "报告过去五年") && strings.Contains(front, "政府工作") {
			front += "政府工作报告"
		}
	}
	subject := title
	if subject == "" {
		subject = front
	}
	switch {
	case strings.Contains(subject, "政府工作报告"):
		m.Kind = "政府工作报告"
	case strings.Contains(subject, "统计公报"):
		m.Kind = "统计公报"
	case strings.Contains(title, "计划执行情况") || strings.Contains(title, "计划草案") || strings.Contains(title, "发展计划"):
		m.Kind = "计划执行情况报告"
	case strings.Contains(title, "预算执行情况") || strings.Contains(title, "预算草案"):
		m.Kind = "预算执行情况报告"
	case strings.Contains(subject, "报告"):
		m.Kind = "报告"
	}
	m.Region, m.Level = detectRegion(title, front)
	if m.Region == "" {
		// Last resort: the file name ("national_1985…", "上海2024年…").
		lower := strings.ToLower(d.ID)
		switch {
		case strings.Contains(lower, "national") || strings.Contains(d.ID, "全国") || strings.Contains(d.ID, "国务院"):
			m.Region, m.Level = "全国", "national"
		default:
			for short, full := range provinces {
				if strings.Contains(d.ID, short) {
					m.Region, m.Level = full, "province"
				}
			}
		}
	}
	var frontYear int
	if s := reTitleYear.FindStringSubmatch(strings.TrimPrefix(frontOnly, title)); s != nil {
		frontYear = atoi(s[1])
	}

	var titleYears []int
	for _, s := range reTitleYear.FindAllStringSubmatch(title, -1) {
		titleYears = append(titleYears, atoi(s[1]))
	}
	// Years of the review and plan sections, where their headings say.
	var secReview, secPlan int
	for _, s := range d.Sections {
		if s.Level > 1 || s.Year == 0 || !reYear.MatchString(s.Title) {
			// Not 十五五时期的主要目标任务: its year is the plan's end, not the report's.
			continue
		}
		if s.Period == PeriodReview && secReview == 0 {
			secReview = s.Year
		}
		if s.Period == PeriodPlan && secPlan == 0 {
			secPlan = s.Year
		}
	}
	switch m.Kind {
	case "统计公报":
		if len(titleYears) > 0 {
			m.ReviewYear = titleYears[0]
			m.Year = m.ReviewYear + 1
		}
	case "计划执行情况报告", "预算执行情况报告":
		if len(titleYears) > 0 {
			m.ReviewYear = titleYears[0]
		}
		if len(titleYears) > 1 {
			m.PlanYear = titleYears[1]
		}
		m.Year = frontYear
		if m.Year == 0 {
			m.Year = m.ReviewYear
		}
	default:
		switch {
		case len(titleYears) > 0:
			m.Year = titleYears[0]
		case frontYear > 0:
			m.Year = frontYear
		case secPlan > 0:
			m.Year = secPlan
		case secReview > 0:
			m.Year = secReview + 1
		default:
			// Last resort: a year in the file name ("2019政府工作报告.txt").
			if y := reIDYear.FindString(d.ID); y != "" {
				m.Year = atoi(y)
			}
		}
		if m.Year > 0 {
			m.ReviewYear, m.PlanYear = m.Year-1, m.Year
		}
	}
	if secReview > 0 && m.Kind != "统计公报" {
		m.ReviewYear = secReview
	}
	if secPlan > 0 && m.Kind != "统计公报" {
		m.PlanYear = secPlan
	}
	return m
}

// detectRegion finds the place a report is about: the name before the
// report's kind in its title ("2025年上海市政府工作报告", "关于汉阳区2020年…"),
// or the congress it was delivered to ("在海南省第七届人民代表大会…").
func detectRegion(title, front string) (name, level string) {
	t := strings.TrimPrefix(title, "关于")
	t = reTitleYear.ReplaceAllString(t, "")
	if loc := rePlaceEnd.FindStringIndex(t); loc != nil {
		t = t[:loc[0]]
	} else {
		t = ""
	}
	t = strings.TrimSpace(strings.Trim(t, "（）()《》 "))
	if t == "" {
		if m := reCongress.FindStringSubmatch(front); m != nil {
			if m[2] != "" {
				return "全国", "national"
			}
			t = m[1]
		}
	}
	if t == "" {
		if m := reSpeaker.FindStringSubmatch(front); m != nil {
			t = m[1]
		}
	}
	if t == "" {
		if strings.Contains(front, "国务院") || strings.Contains(front, "全国人民代表大会") {
			return "全国", "national"
		}
		return "", ""
	}
	if utf8.RuneCountInString(t) > 12 {
		return "", ""
	}
	if full, _ := Province(t); full != "" {
		return full, "province"
	}
	// The last administrative unit named: 武汉市汉阳区 → 汉阳区.
	r := []rune(t)
	for _, suf := range []string{"自治县", "自治州", "自治旗", "县", "旗", "区", "市", "州", "盟", "地区"} {
		if strings.HasSuffix(t, suf) && utf8.RuneCountInString(strings.TrimSuffix(t, suf)) >= 2 && !strings.HasSuffix(t, "自治区") {
			switch suf {
			case "县", "自治县", "旗", "自治旗":
				return t, "county"
			case "区":
				if len(r) <= 6 {
					return t, "district"
				}
			default:
				return t, "city"
			}
		}
	}
	return "", ""
}

// syntheticTitle names a report that prints no title of its own.
func syntheticTitle(m Meta) string {
	kind := m.Kind
	if kind == "" || kind == "报告" {
		kind = "报告"
	}
	place := m.Region
	if m.Level == "national" {
		place = ""
	}
	if m.Year > 0 {
		return fmt.Sprintf("%d年%s%s", m.Year, place, kind)
	}
	return place + kind
}

// PlaceForms returns the ways a place is named: 上海市 and 上海, 汉阳区 and
// 汉阳, 广西壮族自治区 and 广西.
func PlaceForms(p string) []string {
	forms := []string{p}
	for _, suf := range []string{"维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "区", "县"} {
		if strings.HasSuffix(p, suf) && utf8.RuneCountInString(p)-utf8.RuneCountInString(suf) >= 2 {
			forms = append(forms, strings.TrimSuffix(p, suf))
			break
		}
	}
	return forms
}

// PlaceMatches reports whether place (a full or short name: 上海, 上海市)
// names region.
func PlaceMatches(place, region string) bool {
	if region == "" || place == "" {
		return false
	}
	for _, f := range PlaceForms(region) {
		if f == place {
			return true
		}
	}
	return strings.Contains(region, place)
}
