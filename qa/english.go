package qa

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportkb/internal/rx"
)

// reEnYearSpan is a span of years an English question asks over.
var reEnYearSpan = rx.MustCompile(`\b(?:from|between)\s+(?:19|20)\d{2}\s+(?:to|and|through|until)\s+(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b`)

// reEnAcronym is an acronym in an English question: AED, ETC, 5G.
var reEnAcronym = rx.MustCompile(`\b(?:[A-Z0-9]*[A-Z][A-Z0-9]+|[0-9]+[A-Z])\b`)

var (
	// reEnDefine are questions that ask a meaning unless their term is a
	// measure (what is the growth rate asks a figure).
	reEnDefine = []*rx.Regexp{
		rx.MustCompile(`^(?:define|explain|describe) (.+)$`),
		rx.MustCompile(`^what (?:is|are) (?:meant by )?(.+)$`),
	}
	// reEnDefinedBy are questions that say in their verb that they ask what
	// a term means, whatever the term.
	reEnDefinedBy = []*rx.Regexp{
		rx.MustCompile(`^(?:what|which) (?:is|are|was|were) (?:the )?(?:definition|meaning) of (.+?)(?: (?:in|according to) (?:the|this|that) .+)?$`),
		rx.MustCompile(`^what (?:does|do|did) (.+?) (?:mean|stand for|refer to)(?: (?:in|according to) (?:the|this|that) .+)?$`),
		rx.MustCompile(`^how (?:does|do|did) (?:the |this |that )?\S+(?: \S+){0,4}? define (.+)$`),
		rx.MustCompile(`^how (?:is|are|was|were) (.+?) defined(?: (?:in|by) .+)?$`),
		rx.MustCompile(`^(?:(?:according to|in) (?:the|this|that) [^,]+, )?what (?:counts|is counted|is classed|is classified) as (.+)$`),
	}
	reEnYear = rx.MustCompile(`\b((?:19|20)\d{2})\b`)
	reEnWord = rx.MustCompile(`[a-z0-9][a-z0-9.&+-]*`)
)

// enMeasure are words that make "what is X" ask for a figure, not a
// meaning.
var enMeasure = []string{"target", "goal", "rate", "growth", "number", "amount", "total", "percentage", "percent",
	"proportion", "share", "value", "level", "figure", "size", "how", "many", "much", "output", "revenue", "income",
	"investment", "budget", "spending", "expenditure", "increase", "decrease", "population", "count", "gdp", "volume", "capacity"}

// reEnSayAbout asks what a report says or plans of a thing: What does the
// report say about elderly care, What does Qinghai plan for tourism.
// "What is … planned for 1992" asks a figure.
var reEnSayAbout = rx.MustCompile(`^what (?:does|did|do|will)\b[^?]*\b(?:say|mention|plan|propose|state)\s+(?:about|for|on|regarding)\b`)

// reEnInUnit is the unit a question asks its figure in, in brackets:
// (in 100 million kW), (in 10,000 tonnes).
var reEnInUnit = rx.MustCompile(`\(in [^)]+\)`)

// enFrame are English words of the question frame; they make no concept.
var enFrame = map[string]bool{
	"what": true, "which": true, "who": true, "whom": true, "whose": true, "when": true, "where": true, "why": true,
	"how": true, "many": true, "much": true, "is": true, "are": true, "was": true, "were": true, "be": true,
	"been": true, "being": true, "the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "by": true, "with": true, "did": true, "does": true, "do": true, "has": true,
	"have": true, "had": true, "will": true, "would": true, "shall": true, "should": true, "can": true, "could": true,
	"must": true, "there": true, "this": true, "that": true, "these": true, "those": true, "it": true, "its": true, "their": true,
	"they": true, "and": true, "or": true, "as": true, "from": true, "into": true, "during": true, "per": true,
	"please": true, "tell": true, "me": true, "us": true, "report": true, "say": true, "says": true,
	"according": true, "within": true, "than": true, "s": true, "get": true, "got": true, "any": true,
	"all": true, "some": true, "so": true, "far": true, "up": true, "out": true, "about": true, "also": true,
	"i": true, "we": true, "you": true, "our": true, "your": true, "my": true, "mean": true, "means": true,
	"percentage": true, "percent": true, "proportion": true, "fast": true, "rate": true,
	"after": true, "before": true, "round": true, "now": true, "currently": true, "real": true,
	"through": true, "via": true, "across": true,
}

// enFiller are words that carry no subject: verbs of the frame and
// level words, which are read separately.
var enFiller = map[string]bool{
	"district": true, "county": true, "province": true, "provincial": true, "city": true, "municipal": true,
	"national": true, "nationwide": true, "country": true, "china": true, "region": true, "local": true,
	"whole": true, "entire": true, "overall": true, "total": true, "figure": true, "value": true, "level": true,
	"planned": true, "plan": true, "target": true, "goal": true, "expected": true, "year": true, "years": true,
	"large": true, "big": true, "small": true, "high": true, "low": true, "long": true, "size": true,
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "hundred": true, "thousand": true, "million": true,
	"billion": true, "trillion": true, "past": true, "previous": true, "recent": true,
	"live": true, "lives": true, "exist": true, "exists": true, "located": true,
	"aim": true, "aims": true, "aimed": true, "actually": true, "unit": true, "units": true,
	"during": true, "since": true, "until": true, "between": true, "some": true, "more": true, "most": true,
	"make": true, "made": true, "give": true, "given": true, "go": true, "went": true, "see": true, "saw": true,
	"know": true, "show": true, "shows": true, "number": true, "amount": true, "not": true, "no": true,
	"area": true, "areas": true, "end": true, "wide": true, "outstanding": true, "beginning": true, "start": true,
	"across": true, "combined": true, "benji": true, "altogether": true, "roughly": true, "approximately": true, "about": true,
	"still": true, "program": true, "programme": true, "scheme": true,
	"after": true, "before": true,
	"mention": true, "mentions": true, "mentioned": true, "according": true, "says": true, "said": true, "stated": true,
	// How much a thing moved (rose sharply): the figure says.
	"sharply": true, "significantly": true, "rapidly": true, "steadily": true, "slightly": true, "substantially": true,
	"markedly": true, "considerably": true, "dramatically": true, "greatly": true, "strongly": true, "quickly": true,
	"slowly": true, "notably": true, "moderately": true, "sharp": true, "steep": true, "steeply": true,
}

var (
	// reEnOverTime is "over" a stretch of time (over the five years, over
	// the whole of 2020): when, not "more than".
	reEnOverTime   = rx.MustCompile(`\bover( (?:the )?(?:whole |entire |full )?(?:course )?(?:of )?(?:(?:the )?(?:past|last|previous|next|coming) )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|few)? ?(?:years?|months?|period|decade|(?:19|20)\d{2})\b)`)
	reScopeWholeEn = rx.MustCompile(`\b(?:city|province|prefecture|county|district|region)[- ]?wide\b|\b(?:the )?(?:whole|entire) (?:city|province|prefecture|county|district|region)\b|\bas a whole\b|\bnationwide\b|\ball levels\b|\bacross (?:the )?(?:\w+ )?(?:city|province|prefecture|county|district|region)\b`)
	reScopeOwnEn   = rx.MustCompile(`\b(?:city|municipal|provincial|province|prefecture|prefectural|county|district|regional|autonomous region)[- ]level\b|\b(?:shi|sheng|zhou|qu|xian) ?benji\b|\bown level\b|\bat the (?:city|provincial|province|county) level\b|\bprovincial government(?:'s)? own\b|\bcity government(?:'s)? own\b`)
)

// reYearEndEn is the end of a year said as a time (at year-end 2024, by
// the end of the year, at the end of 2024).
var reYearEndEn = rx.MustCompile(`\b(?:(?:at|by|as of) )?(?:the )?(?:year[- ]end|end of (?:the )?(?:year|((?:19|20)\d{2})))\b`)

// yearEndTerms are the things named with year-end (year-end balance: 年末滚存结余).
var yearEndTerms = []string{"balance", "surplus", "stock", "permanent", "deposit", "population"}

// dropYearEnd takes the end of a year said as a time out of an English
// question, keeping a year it names: a balance or a stock asked at the
// end of the year is the one a report gives as 年末 or with no time
// (金融机构人民币各项贷款余额1462.1亿元 after 年末…存款余额), as 年末 in a
// Chinese question is no subject either. Year-end naming a thing (the
// year-end balance: 年末滚存结余) stays.
func dropYearEnd(s string) string {
	ms := reYearEndEn.FindAllStringSubmatchIndex(s, -1)
	for _, m := range slices.Backward(ms) {
		next := strings.TrimLeft(s[m[1]:], " ")
		if slices.ContainsFunc(yearEndTerms, func(t string) bool { return strings.HasPrefix(next, t) }) {
			continue
		}
		keep := " "
		if m[2] >= 0 {
			keep = " " + s[m[2]:m[3]] + " "
		}
		s = s[:m[0]] + keep + s[m[1]:]
	}
	return s
}

// scopeEnglish reads the scope an English question asks about.
func scopeEnglish(s string) string {
	switch {
	case reScopeOwnEn.MatchString(s):
		return ScopeOwn
	case reScopeWholeEn.MatchString(s):
		return ScopeWhole
	}
	return ""
}

// provincesEn maps the pinyin names of the province-level regions to
// their Chinese short names.
var provincesEn = map[string]string{
	"beijing": "北京", "tianjin": "天津", "shanghai": "上海", "chongqing": "重庆", "hebei": "河北", "shanxi": "山西",
	"liaoning": "辽宁", "jilin": "吉林", "heilongjiang": "黑龙江", "jiangsu": "江苏", "zhejiang": "浙江", "anhui": "安徽",
	"fujian": "福建", "jiangxi": "江西", "shandong": "山东", "henan": "河南", "hubei": "湖北", "hunan": "湖南",
	"guangdong": "广东", "hainan": "海南", "sichuan": "四川", "guizhou": "贵州", "yunnan": "云南", "shaanxi": "陕西",
	"gansu": "甘肃", "qinghai": "青海", "taiwan": "台湾", "inner mongolia": "内蒙古", "guangxi": "广西",
	"tibet": "西藏", "xizang": "西藏", "ningxia": "宁夏", "xinjiang": "新疆", "hong kong": "香港", "macao": "澳门", "macau": "澳门",
}

// reEnFiveYearPlan names a Five-Year Plan (the 13th Five-Year Plan period).
var reEnFiveYearPlan = rx.MustCompile(`five[- ]year plans?\b`)

// rePinyinApostrophe is the apostrophe that parts two syllables of a
// pinyin name (Xi'an, Pu'er, Tai'an): the name is one word without it.
var rePinyinApostrophe = rx.MustCompile(`([A-Za-z])['’]([aeoAEO])`)

// properNames returns the lower-cased words written with a capital
// letter inside the question (not at its start): names of places and
// people, which the glossary cannot be expected to know.
func properNames(raw string) map[string]bool {
	out := map[string]bool{}
	raw = rePinyinApostrophe.ReplaceAllString(enSpelling.Replace(raw), "$1$2")
	for i, w := range strings.Fields(raw) {
		w = strings.Trim(w, "?.,!;:'\"()")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if i > 0 && w != "" && w[0] >= 'A' && w[0] <= 'Z' && strings.ToUpper(w) != w {
			out[strings.ToLower(w)] = true
		}
	}
	return out
}

func isNumberWord(w string) bool {
	for _, r := range w {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return true
}

var reEnChange = rx.MustCompile(`\b(grow|grew|grown|increase|increased|rise|rose|risen|fall|fell|fallen|drop|dropped|decline|declined|decrease|decreased|compressed|cut|reduced|shortened|(?:go|goes|went|gone) (?:up|down)|climbed?)\b(?: by)?\s*\??\s*$|\b(grow|grew|grown|increase|increased|rise|rose|risen|fall|fell|fallen|drop|dropped|decline|declined|decrease|decreased|(?:go|goes|went|gone) (?:up|down)|climbed?) (in|during|last|this) `)

// reEnUnitAsked is a unit an English question names for its answer: in 100
// million yuan, (10,000 yuan), in tonnes.
var reEnUnitAsked = rx.MustCompile(`(?:\bin |\()(?:units of )?(?:(?:100|one hundred|ten) (?:million|thousand) |10,?000 |10 thousand |trillions? (?:of )?|billions? (?:of )?|millions? (?:of )?|thousands? (?:of )?)?(yuan|rmb|tonnes|tons|hectares|mu|kilometers|kilometres|km|kw|kilowatts|kwh|kilowatt-hours|square meters|square metres|micrograms per cubic met(?:re|er))\b\)?`)

// reEnScaleAsked is a scale an English question counts its answer in,
// without a unit: (in 10,000s), in units of 10,000, in tens of thousands.
var reEnScaleAsked = rx.MustCompile(`\(?\bin (?:units of )?(?:10,?000s?|100,?000,?000s?|100 millions?|tens of thousands|ten[- ]thousands?|hundreds of millions|millions|billions|trillions|thousands)\b\)?`)

// enScaleOf is the scale a phrase of reEnScaleAsked names, 0 for none.
func enScaleOf(phrase string) float64 {
	switch p := strings.ReplaceAll(phrase, ",", ""); {
	case strings.Contains(p, "100000000") || strings.Contains(p, "100 million") || strings.Contains(p, "hundreds of millions"):
		return 1e8
	case strings.Contains(p, "10000") || strings.Contains(p, "ten thousand") || strings.Contains(p, "tens of thousands"):
		return 1e4
	case strings.Contains(p, "trillion"):
		return 1e12
	case strings.Contains(p, "billion"):
		return 1e9
	case strings.Contains(p, "million"):
		return 1e6
	}
	return 0
}

// enUnitWords are the units reEnUnitAsked reads.
var enUnitWords = map[string]string{"yuan": "元", "rmb": "元", "tonnes": "吨", "tons": "吨", "hectares": "公顷", "mu": "亩",
	"kilometers": "公里", "kilometres": "公里", "km": "公里", "kw": "千瓦", "kilowatts": "千瓦", "kwh": "千瓦时",
	"kilowatt-hours": "千瓦时", "square meters": "平方米", "square metres": "平方米",
	"micrograms per cubic metre": "微克/立方米", "micrograms per cubic meter": "微克/立方米"}

// reHowSize asks for a size: how large, how long … is a figure.
var reHowSize = rx.MustCompile(`^how (?:large|big|long|far|high|old|tall|wide|deep|fast|heavy|small|low)\b`)

var enPlan = []string{"target", "goal", "plan", "supposed to", "supposed", "planned", "plans", "planning", "aim", "aims", "aiming", "going to", "expected", "projected", "forecast", "will", "intend", "intends", "intended", "objective", "line up", "lined up", "earmark", "earmarked", "set aside", "scheduled", "slated", "budget for", "propose", "proposes", "proposed"}

// isPlanWord reports whether an English word or phrase is one of enPlan,
// as it stands or as its verb's base (aiming: aim).
func isPlanWord(phrase string) bool {
	if slices.Contains(enPlan, phrase) {
		return true
	}
	for _, b := range verbBases(phrase) {
		if slices.Contains(enPlan, b) {
			return true
		}
	}
	return false
}

// enAuxiliaries end the noun phrase a question asks of (How many housing
// units does…).
var enAuxiliaries = map[string]bool{"does": true, "did": true, "do": true, "will": true, "is": true, "are": true, "was": true,
	"were": true, "has": true, "have": true, "had": true, "can": true, "could": true, "should": true, "would": true, "must": true}

var enDone = []string{"was", "were", "did", "achieved", "completed", "had", "has been", "have been", "last year", "so far"}

// headUnit returns the index of the match whose unit the question asks
// for: the head of the first noun compound that names a unit. English
// compounds are head-final, so "expressway service area charging
// stations" counts charging stations, not kilometres of expressway.
//
// A unit after per (grain yield per mu) is what the figure is per, not
// its unit: it is passed over.
func headUnit(matches []englishMatch, words []string, asked int) int {
	perUnit := func(m englishMatch) bool { return m.at > 0 && m.at <= len(words) && words[m.at-1] == "per" }
	units := false
	for k := asked - 1; k >= 0 && k >= asked-3 && words[k] != "many"; k-- {
		units = units || words[k] == "units" || words[k] == "unit"
	}
	// How many talent and affordable housing units does…: units ends the
	// noun phrase, as its head.
	for k := asked; k >= 0 && k < len(words) && k < asked+8 && !enAuxiliaries[words[k]]; k++ {
		units = units || words[k] == "units" && (k+1 == len(words) || enAuxiliaries[words[k+1]])
	}
	if units {
		// How many units of talent and affordable housing: units count
		// the things the phrase ends in (housing, 套), not the people its
		// first word names.
		best := -1
		for i, m := range matches {
			if m.at <= asked {
				continue
			}
			if m.entry.verb {
				break
			}
			if m.entry.unit != "" && hintClass(m.entry.unit) != "people" && !aspectWords[firstZh(m.entry)] {
				best = i
			}
		}
		if best >= 0 {
			return best
		}
	}
	if run := runFrom(matches, asked); len(run) > 0 {
		// "How much investment did the key projects complete": the noun
		// after how much/how many is what is measured, whatever follows;
		// the compound after it decides, with or without a unit.
		best := -1
		for _, i := range run {
			if m := matches[i]; m.entry.unit != "" && !m.entry.verb && !aspectWords[firstZh(m.entry)] && !perUnit(m) {
				best = i
			}
		}
		return best
	}
	best := -1
	for i, m := range matches {
		if i > 0 && m.at != matches[i-1].at+matches[i-1].n && best >= 0 {
			return best // the compound that named a unit has ended
		}
		if m.entry.unit != "" && !m.entry.verb && !aspectWords[firstZh(m.entry)] && !perUnit(m) {
			best = i
		}
	}
	return best
}

// measuredNoun returns the index in matches of the head of the noun
// phrase after how much/how many (word asked): the last glossary noun of
// the run of matches from it (accidents of "production safety
// accidents"), or the first word when only a dictionary knows it (gold);
// -1 when none.
func measuredNoun(matches []englishMatch, asked int) int {
	at := -1
	for _, i := range runFrom(matches, asked) {
		e := matches[i].entry
		if e.verb || len(e.zh) == 0 || e.zh[0] == "" || aspectWords[e.zh[0]] || e.dict && at >= 0 {
			continue
		}
		at = i
	}
	return at
}

// runFrom returns the indexes in matches (sorted by word) of the run of
// matches that follow one another from word at on: the compound there.
// It is empty when at is negative or no match starts there.
func runFrom(matches []englishMatch, at int) []int {
	if at < 0 {
		return nil
	}
	var run []int
	next := at
	for i, m := range matches {
		if m.at < next {
			continue
		}
		if m.at > next {
			break
		}
		run = append(run, i)
		next = m.at + m.n
	}
	return run
}

// askedNoun returns the index of the first word after "how many" or "how
// much" that is not a level or frame word, or -1.
func askedNoun(words []string) int {
	for i := 0; i+1 < len(words); i++ {
		if words[i] == "how" && (words[i+1] == "many" || words[i+1] == "much") {
			for k := i + 2; k < len(words); k++ {
				if !enFiller[words[k]] && !enFrame[words[k]] {
					return k
				}
			}
			return -1
		}
	}
	return -1
}

// whatOfHead returns the index in words of the head of X in "what is the
// X of Y" (investment of What is the total investment of the major
// projects), or -1.
func whatOfHead(words []string) int {
	for i := 0; i+2 < len(words); i++ {
		if words[i] != "what" || !enCopulas[words[i+1]] {
			continue
		}
		k := i + 2
		for k < len(words) && (words[k] == "the" || words[k] == "a") {
			k++
		}
		for j := k + 1; j < len(words) && j <= k+3; j++ {
			if words[j] == "of" {
				return j - 1
			}
		}
		return -1
	}
	return -1
}

// enCopulas are the verbs of "what is the X of Y".
var enCopulas = map[string]bool{"is": true, "was": true, "are": true, "were": true, "will": true}

func firstZh(e englishEntry) string {
	if len(e.zh) == 0 {
		return ""
	}
	return e.zh[0]
}

// enDefinedTerm returns the term a question asks the meaning of in so many
// words (what does X mean, how does the bulletin define X), lower case and
// without its article; "" for other questions.
func enDefinedTerm(s string) string {
	s = strings.TrimRight(s, "?？.! ")
	if i := strings.Index(s, ", what "); i >= 0 {
		s = s[i+len(", "):]
	}
	for _, re := range reEnDefinedBy {
		if m := re.FindStringSubmatch(s); m != nil {
			return strings.Trim(strings.TrimPrefix(strings.TrimPrefix(m[1], "the "), "a "), " \"'“”")
		}
	}
	return ""
}

// enSpelling folds the spellings of a question to the glossary's: pinyin
// ü as v (Lüliang is Lvliang), British English as American
// (urbanisation, labour, centre, programme).
var enSpelling = strings.NewReplacer("ü", "v", "ǖ", "v", "ǘ", "v", "ǚ", "v", "ǜ", "v", "Ü", "V",
	"isation", "ization", "labour", "labor", "centre", "center", "programme", "program",
	"favour", "favor", "neighbour", "neighbor", "harbour", "harbor", "defence", "defense", "fibre", "fiber")

// enPunct parts words from the punctuation after them, for matching
// phrases by their words ("last year," is last year).
var enPunct = strings.NewReplacer(",", " ", ";", " ", ":", " ", "(", " ", ")", " ", "?", " ", "!", " ", "\"", " ")

// spaced is s with its punctuation spaced out and a space at each end.
func spaced(s string) string { return " " + enPunct.Replace(s) + " " }

func (a *Analyzer) analyzeEnglish(q *Question, s string) {
	s = enSpelling.Replace(strings.ToLower(s))
	s = rePinyinApostrophe.ReplaceAllString(s, "$1$2")
	s = strings.ReplaceAll(s, "'s ", " ")
	s = strings.ReplaceAll(s, "’s ", " ")
	s = reEnOverTime.ReplaceAllString(s, "during$1")
	q.Kind = KindNumber
	muchMoney := false // "how much" asks for money unless the subject says otherwise
	text := spaced(s)
	has := func(w string) bool { return strings.Contains(text, " "+w+" ") }
	// What is asked.
	defined := enDefinedTerm(s)
	shortcomings := reEnAskShortcoming.MatchString(s)
	switch {
	case reEnSayAbout.MatchString(s):
		// What does the report say about elderly care: what it writes of
		// the thing, not a figure of it.
		q.Kind = KindText
	case shortcomings:
		// What problems does Ningxia admit it still faces: the paragraph
		// where the report owns them (我们也清醒看到…).
		q.Kind = KindText
	case defined != "":
		// How does the bulletin define the natural population growth rate:
		// the meaning, however much the term sounds like a figure.
		q.Kind, q.Term = KindDefinition, defined
	case has("by how much") && reEnPerPeriod.MatchString(text):
		// By how much per person per month was the pension raised: an
		// amount of money, not a rate.
		q.Kind = KindNumber
		q.PerUnit = true
	case has("by how much"):
		// By how much did the number of accidents fall: a rate.
		q.Kind = KindNumber
		q.Class = "percent"
	case has("how many"), has("number of"):
		q.Kind = KindNumber
		q.Countable = true
	case has("how much") && reEnChange.MatchString(text):
		// How much did tourism revenue grow: a rate.
		q.Kind = KindNumber
		q.Class = "percent"
	case has("how much") && reEnProduce.MatchString(text):
		// How much raw coal did Baiyin produce: an amount of the thing.
		q.Kind = KindNumber
	case has("how much"):
		q.Kind = KindNumber
		muchMoney = true
	case reEnInUnit.MatchString(s):
		// What is Xinjiang's new-energy capacity (in 100 million kW): the
		// unit asked makes it a figure.
		q.Kind = KindNumber
	case has("what percentage"), has("what percent"), has("how fast"), has("what proportion"), has("what share"), has("by how much"), has("growth rate"), has("what rate"), has("growth") && !has("how many"):
		q.Kind = KindNumber
		q.Class = "percent"
	default:
		if strings.HasPrefix(s, "who ") || strings.HasPrefix(s, "which ") || reEnWhichLead.MatchString(s) || strings.HasPrefix(s, "how ") && !strings.HasPrefix(s, "how many") && !reHowSize.MatchString(s) ||
			reEnMeasures.MatchString(s) || reEnYesNo.MatchString(s) {
			q.Kind = KindText
		}
		// "In Yinchuan's budget report, what does …": the frame before the
		// question is where to look, not what is asked.
		asked := s
		if i := strings.Index(s, ", what "); i >= 0 {
			asked = s[i+len(", "):]
		}
		for _, re := range reEnDefine {
			m := re.FindStringSubmatch(asked)
			if m == nil {
				continue
			}
			measure := false
			for _, w := range enMeasure {
				if strings.Contains(" "+m[1]+" ", " "+w+" ") {
					measure = true
				}
			}
			if !measure {
				q.Kind = KindDefinition
				q.Term = strings.Trim(strings.TrimPrefix(strings.TrimPrefix(m[1], "the "), "a "), " \"'")
			}
			break
		}
	}
	markAsk(q, s)
	q.Scope = scopeEnglish(s)
	// citywide, the whole province: said by the scope, no subject.
	s = reScopeWholeEn.ReplaceAllString(s, " ")
	s = dropYearEnd(s)
	text = spaced(s)
	// "in 100 million yuan", "(10,000 yuan)": the unit the asker wants.
	if m := reEnUnitAsked.FindStringSubmatch(s); m != nil {
		if u := enUnitWords[m[1]]; u != "" {
			q.Unit, q.UnitSoft = u, false
			q.Class = UnitClass(u)
		}
		s = strings.Replace(s, m[0], " ", 1)
		text = spaced(s)
	}
	// "(in 10,000s)", "in units of 10,000": the scale the asker counts
	// in, with no unit of its own; no subject.
	if m := reEnScaleAsked.FindString(s); m != "" {
		if sc := enScaleOf(m); sc > 0 && q.Scale == 0 {
			q.Scale = sc // 1.64万列 rather than 1394列 "in units of 10,000"
		}
		s = strings.Replace(s, m, " ", 1)
		text = spaced(s)
	}
	// the 'three guarantees' (wages, operations, basic livelihood): a list
	// in brackets spells out a word; it helps, it is not required (see
	// the words kept below). One word or phrase in brackets (consumer
	// prices (CPI)) is often the report's own term, and counts in full.
	s = reEnAside.ReplaceAllString(s, " "+asideOpen+" $1 "+asideClose+" ")
	// What share of Hezheng's GDP came from industry: the base of a share,
	// which reports often leave unsaid (占比23.5%), helps and is not
	// required, as 占GDP的比重 in Chinese.
	if loc := reEnShareBase.FindStringSubmatchIndex(s); loc != nil {
		s = s[:loc[2]] + " " + asideOpen + " " + s[loc[2]:loc[3]] + " " + asideClose + " " + s[loc[3]:]
	}
	// How many beds were added in 2016 when the first phase of the new
	// area's central hospital opened: a closing when-clause tells the
	// occasion, which helps find the sentence but is not asked.
	if loc := reEnWhenClause.FindStringSubmatchIndex(s); loc != nil {
		s = s[:loc[2]] + " " + asideOpen + " " + s[loc[2]:loc[3]] + " " + asideClose + " " + s[loc[3]:]
	}
	text = spaced(s)
	if m := reEnYear.FindStringSubmatch(s); m != nil && !reEnYearSpan.MatchString(s) {
		// from 1952 to 1956, between 2019 and 2023: a span asks no one year.
		q.Year, _ = strconv.Atoi(m[1])
	}
	switch {
	case strings.Contains(text, " year before last"):
		q.Rel, q.HasRel = -2, true
	case has("last year"), has("previous year"):
		q.Rel, q.HasRel = -1, true
	case has("this year"), has("current year"):
		q.Rel, q.HasRel = 0, true
	case has("next year"), has("coming year"):
		q.Rel, q.HasRel = 1, true
	}
	// The Five-Year Plan names a period, and asks for no target.
	planText := reEnFiveYearPlan.ReplaceAllString(text, " ")
	for _, w := range enPlan {
		if strings.Contains(planText, " "+w+" ") {
			q.Plan = true
		}
	}
	if !q.Plan {
		for _, w := range enDone {
			if has(w) {
				q.Done = true
			}
		}
	}
	switch {
	case has("within"), has("below"), has("under"):
		q.Qualify = "以内"
	case has("more than"), has("over"), has("exceed"), has("exceeded"):
		q.Qualify = "超过"
	}
	// double-support → double support, unless the glossary knows the
	// hyphenated word itself (covid-19).
	var words []string
	for _, w := range reEnWord.FindAllString(s, -1) {
		if strings.Contains(w, "-") && !a.Lex.knowsEnglish(w) {
			for _, p := range strings.Split(w, "-") {
				if p != "" {
					words = append(words, p)
				}
			}
			continue
		}
		words = append(words, w)
	}
	var kept []string
	var aside []bool // kept[k] is in a bracketed list
	in := false
	for _, w := range words {
		if w == asideOpen || w == asideClose {
			in = w == asideOpen
			continue
		}
		if reEnYear.MatchString(w) {
			continue
		}
		kept = append(kept, w)
		aside = append(aside, in)
	}
	q.Levels = levelsOf(text, levelWordsEn)
	var zh []string
	matches := a.Lex.englishPhrases(kept)
	covered := make([]bool, len(kept))
	for _, m := range matches {
		for k := m.at; k < m.at+m.n; k++ {
			covered[k] = true
		}
	}
	proper := properNames(q.Raw)
	// The province named first is the one asked of (Hebei absorbed from
	// Beijing and Tianjin); one named alone is a place to find in the
	// text too (see placeConcepts).
	first, named := -1, map[string]bool{}
	for name, zh := range provincesEn {
		if !has(name) {
			continue
		}
		named[zh] = true
		if at := strings.Index(text, " "+name+" "); first < 0 || at < first || at == first && zh < q.Place {
			first, q.Place = at, zh
		}
	}
	if len(named) == 1 {
		q.Places = []string{q.Place}
	}
	// Chinese written in the question: a place (Jingjiang (靖江)), or the
	// report's own word for the subject (total fiscal revenue (财政总收入)),
	// which the question's concepts then include.
	var hanConcepts []Concept
	if q.Kind != KindDefinition {
		for _, han := range reHanRun.FindAllString(q.Raw, -1) {
			rest := strings.TrimSpace(a.findPlaces(q, han))
			if utf8.RuneCountInString(rest) < 2 {
				continue
			}
			tmp := &Question{}
			a.concepts(tmp, rest)
			hanConcepts = append(hanConcepts, tmp.Concepts...)
		}
	}
	// Words the glossary does not know: CC-CEDICT may.
	dict := a.dictPhrases(kept, func(k int) bool {
		w := kept[k]
		return covered[k] || isNumberWord(w) || provincesEn[w] != "" || proper[w]
	}, func(k int) bool {
		return enFrame[kept[k]] || enFiller[kept[k]]
	})
	for _, m := range dict {
		for k := m.at; k < m.at+m.n; k++ {
			covered[k] = true
		}
	}
	// Words no dictionary reads may be pinyin (pu-hui, Luban): the words
	// of the reports they spell.
	py := a.pinyinPhrases(kept, func(k int) bool {
		w := kept[k]
		return covered[k] || enFrame[w] || enFiller[w] || isNumberWord(w) || provincesEn[w] != ""
	})
	for _, m := range py {
		for k := m.at; k < m.at+m.n; k++ {
			covered[k] = true
		}
	}
	dict = append(dict, py...)
	if len(dict) > 0 {
		matches = append(matches, dict...)
		sort.SliceStable(matches, func(i, j int) bool { return matches[i].at < matches[j].at })
	}
	for k, w := range kept {
		if covered[k] || enFrame[w] || enFiller[w] || isNumberWord(w) || provincesEn[w] != "" {
			continue
		}
		q.Names = append(q.Names, w)
		if !proper[w] {
			q.Unknown = append(q.Unknown, w)
		}
	}
	asked := askedNoun(kept)
	unitAt := headUnit(matches, kept, asked)
	measuredAt := -1
	if asked > 0 && (kept[asked-1] == "much" || kept[asked-1] == "many") {
		// How much gold…: the noun right after the ask is measured; after
		// other words (by how much did the number of…) the ask is of a
		// change, and the question's own nouns say what.
		measuredAt = measuredNoun(matches, asked)
	}
	if h := whatOfHead(kept); asked < 0 && h >= 0 {
		// What is the total investment of the major projects: the sum
		// before of is measured, not the projects it is of — when it
		// names a unit or a class (investment: money).
		for i, m := range matches {
			if m.at+m.n == h+1 && !m.entry.verb && (m.entry.unit != "" || a.Lex.WordHint(firstZh(m.entry)) != "") {
				measuredAt, unitAt = i, i
			}
		}
	}
	if unitAt >= 0 && measuredAt > unitAt {
		// How much railway investment: when the compound's head
		// (investment) names a sum, the sum is measured, whatever its
		// modifier (railway) is counted in.
		if e := matches[measuredAt].entry; e.unit == "" && firstZh(e) != "" && hintClass(a.Lex.WordHint(firstZh(e))) == "money" {
			unitAt = measuredAt
		}
	}
	for mi, m := range matches {
		if m.n == 1 && (enFrame[m.phrase] || enFiller[m.phrase]) {
			// The frame, or a level word read above. A rate at the head
			// (the coverage rate of inclusive kindergartens) still says
			// the figure is a percentage, not what the rate is of.
			if mi == unitAt && q.Class == "" && hintClass(m.entry.unit) == "percent" {
				a.applyHint(q, m.entry.unit)
			}
			continue
		}
		e := m.entry
		if e.dict && isPlanWord(m.phrase) {
			continue // aiming to, intends: the tense, read above; no subject
		}
		if len(e.zh) == 0 || e.zh[0] == "" {
			// A word that only names the unit: housing units → 套.
			if mi == unitAt && q.Unit == "" && e.unit != "" {
				a.applyHint(q, e.unit)
			}
			continue
		}
		word := e.zh[0]
		if stopWords[word] {
			continue
		}
		if m.phrase == "money" && asked > 0 && m.at == asked && kept[asked-1] == "much" {
			// How much money did Wuxi put into education: the money is
			// what is asked (a sum), not a word its sentence must hold
			// (funding, the reports' 资金, stays a subject).
			continue
		}
		c := Concept{Word: word, Aspect: aspectWords[word] || e.verb || moneyAfterNoun(matches, mi), Guess: e.dict, Optional: aside[m.at]}
		c.Alts = append(c.Alts, Alt{Text: word, Factor: 1})
		other := glossFactor
		if e.dict {
			other = cedictFactor
		}
		for _, z := range e.zh[1:] {
			c.Alts = addAlt(c.Alts, Alt{Text: z, Factor: other})
		}
		for _, z := range e.zh {
			for _, alt := range a.Lex.Alternatives(z) {
				c.Alts = addAlt(c.Alts, Alt{Text: alt.Text, Factor: alt.Factor * 0.9})
			}
		}
		// The parts of the report's word, as for a question in Chinese:
		// 一般公共预算收入 is found as 收入 under the heading 一般公共预算.
		a.addParts(&c, a.subwords(word))
		if mi == unitAt && !c.Aspect {
			c.Head = true
			// How much is spent on school projects: a sum, not a count of
			// the things it is spent on.
			// By how much did accidents fall: a rate, whatever the
			// accidents are counted in.
			if q.Unit == "" && q.Class != "percent" && !(muchMoney && (hintClass(e.unit) == "count" || reEnSpend.MatchString(text))) {
				a.applyHint(q, e.unit)
				if q.EnNoun == "" {
					q.EnNoun = m.phrase
				}
			}
		}
		if mi == measuredAt {
			q.measured = len(q.Concepts)
		}
		q.Concepts = append(q.Concepts, c)
		zh = append(zh, word)
	}
	// An acronym the glossary does not know (AED, ETC) is written so in
	// Chinese reports too (配置2000台AED): the subject, as it stands.
	for _, ac := range reEnAcronym.FindAllString(q.Raw, -1) {
		w := strings.ToLower(ac)
		if slices.Contains(q.Unknown, w) && !slices.ContainsFunc(q.Concepts, func(o Concept) bool { return o.Word == w }) {
			q.Concepts = append(q.Concepts, Concept{Word: w, Alts: []Alt{{Text: w, Factor: 1}}})
			zh = append(zh, w)
		}
	}
	for _, c := range hanConcepts {
		if !slices.ContainsFunc(q.Concepts, func(o Concept) bool { return o.Word == c.Word }) {
			q.Concepts = append(q.Concepts, c)
			zh = append(zh, c.Word)
		}
	}
	if q.Kind == KindDefinition {
		// The term written in Chinese too ('three guarantees' (三保)) is
		// the report's own word; else the glossary may render it.
		if zhTerm := longestHan(q.Term); zhTerm != "" {
			q.Term = zhTerm
		} else {
			var tw []string
			for _, m := range a.Lex.englishPhrases(reEnWord.FindAllString(q.Term, -1)) {
				if !(m.n == 1 && enFrame[m.phrase]) && len(m.entry.zh) > 0 {
					tw = append(tw, m.entry.zh[0])
				}
			}
			// newly added urban employment: 新增 twice and 城镇新增就业,
			// which holds it; the term is 城镇新增就业.
			all := slices.Clone(tw) // DeleteFunc moves tw's elements as it goes
			tw = slices.DeleteFunc(tw, func(w string) bool {
				return slices.ContainsFunc(all, func(o string) bool { return o != w && strings.Contains(o, w) })
			})
			tw = slices.Compact(tw)
			if len(tw) > 0 {
				q.Term = strings.Join(tw, "")
			}
		}
	}
	if has("rank") || has("ranked") || has("ranking") || has("what place") || has("which place") {
		q.Class, q.Unit, q.UnitSoft = "rank", "", false
	}
	if reEnTimesChange.MatchString(text) {
		// By how many times did output grow: a multiple (增长5.1倍), not
		// a count of occasions.
		q.Class, q.Unit, q.UnitSoft = "ratio", "倍", false
	}
	if reEnHowManyPeople.MatchString(text) {
		// How many people received subsidies: people, whatever the noun
		// after them is measured in.
		q.Class, q.Unit, q.UnitSoft = "people", "", false
	}
	if q.Class == "" && muchMoney {
		q.Class = "money"
	}
	if shortcomings {
		q.Concepts = append(q.Concepts, Concept{Word: "清醒看到", Alts: shortcomingAlts})
	}
	q.Norm = strings.Join(zh, "")
}

// reEnTimesChange asks by how many times a thing grew or how many times
// as large it is: a multiple.
var reEnTimesChange = rx.MustCompile(`\bhow many (?:times|fold)\b.*\b(?:grow|grew|grown|increased?|rise|rose|risen|expand(?:ed)?|multipl(?:y|ied)|larger|bigger|higher)\b|\b(?:grow|grew|grown|increased?|rise|rose|risen|expand(?:ed)?|multiplied)\b.*\bhow many (?:times|fold)\b|\bhow many times (?:as|more|larger|bigger|higher)\b|\bhow many-fold\b`)

// reEnAskShortcoming asks what a report owns it falls short in: the
// problems, difficulties or weaknesses a place still faces or admits.
var reEnAskShortcoming = rx.MustCompile(`\b(?:what|which)\b.*\b(?:problems?|difficult(?:y|ies)|challenges?|shortcomings?|weakness(?:es)?|weak (?:links?|spots?|points?)|deficienc(?:y|ies)|short boards?)\b.*\b(?:face[sd]?|facing|admit(?:s|ted)?|acknowledge[sd]?|remain(?:s|ed)?|still|exist(?:s|ed)?|ha(?:s|ve) yet)\b|\b(?:what|which)\b.*\b(?:problems?|difficult(?:y|ies)|shortcomings?|weakness(?:es)?)\b.*\b(?:does|do|did)\b.*\b(?:report|government)\b.*\b(?:mention|point out|identify|list)`)

// reEnShareBase is the base of a share a question asks when the part
// follows it (group 1): what share of GDP came from industry, went to
// R&D. "What share of days had good air" asks of the days themselves.
var reEnShareBase = rx.MustCompile(`\b(?:share|proportion|percentage|percent) of (?:the )?([a-z0-9' -]+?) (?:came|come|comes|went|go|goes|was contributed|is contributed) (?:from|to|by)\b`)

// reEnAside is a bracketed list. Figures and units in brackets are read
// before (reEnUnitAsked, reEnScaleAsked).
var reEnAside = rx.MustCompile(`\(([^(),]*,[^()]*)\)`)

// reEnWhenClause is a when-clause closing a question: when the first phase
// of the central hospital opened?
var reEnWhenClause = rx.MustCompile(`(?i)\S\s+when\s+((?:the|its|a|an|their|this|that)\s[^?,;]+)\??\s*$`)

// asideOpen and asideClose mark a bracketed aside among the question's
// words.
const (
	asideOpen  = "zzasideopen"
	asideClose = "zzasideclose"
)

// moneyWords are English words for money in general: after the noun of
// what the money is (bond funding, subsidy funds) they add nothing to it.
var moneyWords = map[string]bool{"funding": true, "funds": true, "fund": true, "money": true, "financing": true}

// moneyAfterNoun reports whether match mi is a word for money right after
// a glossary noun: "bond funding" asks about bonds.
func moneyAfterNoun(matches []englishMatch, mi int) bool {
	m := matches[mi]
	if !moneyWords[m.phrase] || mi == 0 {
		return false
	}
	prev := matches[mi-1]
	return prev.at+prev.n == m.at && !prev.entry.verb && len(prev.entry.zh) > 0 && prev.entry.zh[0] != ""
}

// reEnHowManyPeople asks for a number of people.
var reEnHowManyPeople = rx.MustCompile(`\bhow many (?:people|persons|residents|individuals)\b`)

// reEnSpend says that "how much" asks for money, whatever the noun it is
// about is counted in: How much did tourists spend.
var reEnSpend = rx.MustCompile(`\b(?:spend|spent|spending|cost|costs|invest|invested|allocate|allocated|pay|paid|earn|earned|budgeted)\b`)

// reEnPerPeriod is an amount per person or per month: after "by how much"
// it asks for a sum, not a rate.
var reEnPerPeriod = rx.MustCompile(`\bper (?:person|head|month|capita per month)\b|\ba month\b|\bmonthly\b`)

// reEnProduce is a question of an amount produced, moved or used, not of
// money: How much raw coal did Baiyin produce, How much cargo did the
// port handle, How much water was consumed.
var reEnProduce = rx.MustCompile(`\b(?:produce|produced|harvest|harvested|generate|generated|handle|handled|transport|transported|carry|carried|ship|shipped|consume|consumed|emit|emitted|discharge|discharged)\b`)

// reEnMeasures asks what was done or decided: What did Benxi do to
// implement zero-based budgeting? What measures were taken? What new
// policy was announced?
var reEnMeasures = rx.MustCompile(`^what (?:(?:did|does|do|has|have|will|is|are)\b.*\b(?:do|done|doing)\b|(?:(?:new|main|key|major|specific|overall)\s+)?(?:measures|steps|actions|efforts|polic(?:y|ies)|approach|approaches|principles?|priorities|tasks|reforms?|guidelines?|requirements?)\b)`)

// reHanRun is a run of Chinese characters.
var reHanRun = rx.MustCompile(`\p{Han}+`)

// longestHan returns the longest run of Chinese characters in s, or "".
func longestHan(s string) string {
	best := ""
	for _, h := range reHanRun.FindAllString(s, -1) {
		if len(h) > len(best) {
			best = h
		}
	}
	return best
}

// reEnYesNo opens a question answered yes or no, and by the sentence
// that says why (Can Luoyang spend any money before the congress approves
// the budget, and on what basis?): no figure is asked.
var reEnYesNo = rx.MustCompile(`^(?:can|could|is|are|was|were|does|do|did|has|have|will|would|should|may|must)\b`)

// reEnWhichLead opens a question of which one after a preposition: In
// which province did…, From which countries….
var reEnWhichLead = rx.MustCompile(`^(?:in|at|from|to|for|on|by|with) which `)
