package qa

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"reportkb/index"
	"reportkb/index/place"
	"reportkb/index/report"
	"reportkb/index/segment"
	"reportkb/internal/rx"
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

// namedBy returns the names of an English question that name a report's
// place: the pinyin of its region (yichun), or a word of its id
// (jiangxi_yichun_2022_stat_bulletin).
func namedBy(names []string, sum *index.Summary) (used []string) {
	ids := idPlaces(sum.ID)
	for _, n := range names {
		if contains(sum.Spellings, n) || contains(ids, n) {
			used = append(used, n)
		}
	}
	return used
}

// Relations of a place named in a question to the region of a report.
const (
	placeOther  = iota
	placeSame   // the report's own region (江门 of 江门市)
	placeWithin // a part of the report's region (新会区 of 江门市)
)

// placeRelation tells how a place a question names stands to a report's
// region, by the gazetteer, or by name when the gazetteer knows neither.
func placeRelation(name, region string) int {
	if region == "" || name == "" {
		return placeOther
	}
	qs, rs := place.Lookup(name), regionDivisions(region)
	if len(qs) == 0 || len(rs) == 0 {
		if report.PlaceMatches(name, region) {
			return placeSame
		}
		return placeOther
	}
	for _, q := range qs {
		for _, r := range rs {
			if q == r {
				return placeSame
			}
		}
	}
	for _, q := range qs {
		for _, r := range rs {
			if q.Within(r) {
				return placeWithin
			}
		}
	}
	return placeOther
}

// regionDivisions returns the divisions a report's region names: by the
// gazetteer, or, for a name it does not hold as such (湘西自治州), by the
// name without its suffix.
func regionDivisions(region string) []*place.Division {
	if ds := place.Lookup(region); len(ds) > 0 {
		return ds
	}
	for _, suf := range []string{"自治州", "自治县", "地区", "州", "市", "县", "区", "盟", "旗"} {
		if base, ok := strings.CutSuffix(region, suf); ok && utf8.RuneCountInString(base) >= 2 {
			if ds := place.Lookup(base); len(ds) > 0 {
				return ds
			}
		}
	}
	return nil
}

// placeConcepts makes the places a question names that are not the own
// region of every report in scope into concepts to find in the text: 新会区
// in a question to 江门市's report, 乌恰县 in 克州's.
func (e *Engine) placeConcepts(q *Question, scope []*index.Summary) {
	for _, p := range q.Places {
		own := len(scope) > 0
		for _, sum := range scope {
			// A report whose region is not known is taken to be of the
			// place asked about when the question names it as the report.
			r := sum.Meta.Region
			own = own && (r == "" || placeRelation(p, r) == placeSame)
		}
		if own {
			continue
		}
		c := Concept{Word: p, Weight: placeWeight, Place: true}
		c.Alts = append(c.Alts, Alt{Text: p, Factor: 1})
		for _, d := range place.Lookup(p) {
			for _, f := range d.Forms() {
				c.Alts = addAlt(c.Alts, Alt{Text: f, Factor: 1})
			}
		}
		for k := range c.Alts {
			c.Alts[k].folded, _ = segment.Fold(c.Alts[k].Text)
		}
		q.Concepts = append(q.Concepts, c)
	}
}

// reTitleTown is a township, town or street a report's title opens with
// (潭城镇2018年预算执行情况…, 关于2023年城关镇…): a place below the counties
// of the gazetteer, the report's own.
var reTitleTown = rx.MustCompile(`^(?:关于)?(?:(?:19|20)\d{2}年)?(\p{Han}{1,5}?(?:镇|乡|街道|苏木))(?:人民政府|政府|财政所|办事处)?(?:(?:19|20)\d{2}|关于|本级|财政|预算|决算|国民|政府|人民)`)

// ownTown drops the concepts a question makes of the township its
// report's title names (潭城镇 asked of 潭城镇2018年预算执行情况…, segmented
// 潭 + 城镇): they name the report's own place, which its text seldom
// repeats.
func ownTown(q *Question, sum *index.Summary) {
	m := reTitleTown.FindStringSubmatch(sum.Title)
	if m == nil {
		return
	}
	// The name with or without its 镇 or 乡 (Aodong town: 敖东 + town).
	town := m[1]
	stem := strings.TrimRight(town, "镇乡街道苏木")
	named := strings.Contains(q.Norm, town) || utf8.RuneCountInString(stem) >= 2 && (strings.Contains(q.Norm, stem) ||
		slices.ContainsFunc(q.Concepts, func(c Concept) bool { return c.Word == stem }))
	if !named {
		return
	}
	q.Concepts = slices.DeleteFunc(q.Concepts, func(c Concept) bool {
		return strings.Contains(town, c.Word)
	})
}

// reTitleIssuer is the body a report's title names as its author, after
// its region and before its year: 海坛片区 of 平潭综合实验区海坛片区管理局
// 2024年度工作总结…, 社会事业 of …社会事业局2024年工作总结.
var reTitleIssuer = rx.MustCompile(`^(?:关于)?\p{Han}{1,10}?(?:综合实验区|自治州|自治县|自治区|新区|省|市|县|区|州|盟|旗)(\p{Han}{2,10}?)(?:管理局|管理委员会|管委会|委员会|办公室|局|委|办)(?:关于)?(?:19|20)\d{2}`)

// reTitleZone is a title that names a zone's management committee as the
// report's author: 大鹏新区管理委员会2014年工作报告 (group 1 the zone).
var reTitleZone = rx.MustCompile(`^(\p{Han}{2,10}?(?:新区|开发区|实验区|片区|高新区|示范区|合作区|园区))(?:管理委员会|管委会)(?:19|20)\d{2}`)

// issuerSuffixes end the name of a body that issues a report.
var issuerSuffixes = []string{"管理局", "管理委员会", "管委会", "委员会", "办公室", "局", "委", "办"}

// ownIssuer drops the concepts a question makes of the body its report's
// title names as its author (海坛片区 asked of 海坛片区管理局2024年度工作
// 总结, 社会事业局 of 社会事业局2024年工作总结, 大鹏新区 of 大鹏新区管理委员会
// 2014年工作报告): the report is that body's
// own, and its text seldom names it. Only the whole name, asked, counts,
// and a word the question also uses elsewhere stays.
func ownIssuer(q *Question, sum *index.Summary) {
	// 大鹏新区管理委员会2014年工作报告: a zone's committee, the zone its
	// name (reTitleIssuer would read 管理 as the body, 委员会 its suffix).
	m := reTitleZone.FindStringSubmatch(sum.Title)
	if m == nil {
		m = reTitleIssuer.FindStringSubmatch(sum.Title)
	}
	if m == nil || utf8.RuneCountInString(m[1]) < 2 {
		return
	}
	body := m[1]
	k := strings.Index(q.Norm, body)
	if k < 0 {
		return
	}
	end := k + len(body)
	if sfx := hasPrefixAny(q.Norm[end:], issuerSuffixes); sfx != "" {
		body += sfx // 社会事业局: the 局 too
		end += len(sfx)
	}
	rest := q.Norm[:k] + " " + q.Norm[end:]
	q.Concepts = slices.DeleteFunc(q.Concepts, func(c Concept) bool {
		return c.Word != "" && strings.Contains(body, c.Word) && !strings.Contains(rest, c.Word)
	})
}

// nationWords name the country as a whole (国家拿出多少钱, 咱们国家, 中国).
var nationWords = map[string]bool{"国家": true, "中国": true, "我国": true, "祖国": true, "全国": true}

// ownNation makes the words that name the country optional in a question
// asked of national reports only: there they name the report's own area,
// as 全市 does in a city's (国家拿出多少钱 is the report's 安排…). In a
// province's report 国家 stays a word to find: it is the centre (中央).
func ownNation(q *Question, scope []*index.Summary) {
	if len(scope) == 0 {
		return
	}
	for _, sum := range scope {
		if sum.Meta.Level != "national" {
			return
		}
	}
	for i := range q.Concepts {
		c := &q.Concepts[i]
		if nationWords[c.Word] && !c.Optional {
			c.Optional = true
			c.Weight *= optionalFactor
			// 中央 is a part of the nation there (中央财政赤字 beside
			// 地方财政赤字), not another name for it.
			c.Alts = slices.DeleteFunc(c.Alts, func(a Alt) bool { return !nationWords[a.Text] })
		}
	}
}

// placeWeight is the weight of a place to be found in the text: that of a
// rare word.
const placeWeight = 6.0

// regionIndex finds the regions of the indexed reports that a place
// name names or lies within, by their divisions in the gazetteer, so
// that a question does not compare its place with every region.
type regionIndex struct {
	byDiv map[*place.Division][]string // regions by each of their divisions
	loose []string                     // regions the gazetteer does not hold: compared by name
	all   []string
}

func newRegionIndex(regions []string) *regionIndex {
	ri := &regionIndex{byDiv: map[*place.Division][]string{}, all: regions}
	for _, r := range regions {
		if r == "" {
			continue
		}
		ds := regionDivisions(r)
		if len(ds) == 0 {
			ri.loose = append(ri.loose, r)
			continue
		}
		for _, d := range ds {
			ri.byDiv[d] = append(ri.byDiv[d], r)
		}
	}
	return ri
}

// named returns, sorted, the regions whose relation to name is
// placeSame, or placeWithin when within: what comparing name with each
// region by placeRelation returns.
func (ri *regionIndex) named(name string, within bool) []string {
	if name == "" {
		return nil
	}
	qs := place.Lookup(name)
	if len(qs) == 0 {
		// A name the gazetteer lacks is the same place by name, or none.
		if within {
			return nil
		}
		var out []string
		for _, r := range ri.all {
			if r != "" && report.PlaceMatches(name, r) {
				out = append(out, r)
			}
		}
		return out
	}
	same := map[string]bool{}
	for _, q := range qs {
		for _, r := range ri.byDiv[q] {
			same[r] = true
		}
	}
	for _, r := range ri.loose {
		if report.PlaceMatches(name, r) {
			same[r] = true
		}
	}
	set := same
	if within {
		// The regions holding the place: its divisions' ancestors, and the nation.
		set = map[string]bool{}
		for _, q := range qs {
			for p := q; p != nil; p = p.Parent {
				for _, r := range ri.byDiv[p] {
					set[r] = true
				}
			}
		}
		for _, r := range ri.byDiv[place.Nation] {
			set[r] = true
		}
		for r := range same {
			delete(set, r)
		}
	}
	out := make([]string, 0, len(set))
	for r := range set {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}
