package qa

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportkb/index/place"
	"reportkb/index/report"
	"reportkb/index/segment"
	"reportkb/internal/rx"
)

// Question kinds.
const (
	KindNumber     = "number"     // how many, how much, what rate, what target
	KindDefinition = "definition" // 什么是六稳, what does X mean
	KindText       = "text"       // who, which, how: answered with a sentence
)

// Question is what the analysis of a question found.
type Question struct {
	Raw  string // as asked
	Norm string // folded, trimmed; for English the Chinese rendering
	Lang string // "zh" or "en"
	Kind string

	Concepts []Concept // the things the question is about, most specific first

	Unit     string  // the unit asked for ("张" in 多少张), canonical; "" for none
	UnitSoft bool    // Unit was inferred from the subject (beds → 张), not asked for
	Scale    float64 // the scale asked for (1e4 in 多少万人), 0 for none
	Class    string  // the unit class expected: money, people, percent, count …

	Year    int      // a year named in the question (2021年), 0 for none
	Rel     int      // a relative year: -1 去年, 0 今年, 1 明年 …
	HasRel  bool     // Rel is set
	Plan    bool     // asks about a target or plan (目标, 计划, 力争)
	Done    bool     // asks about what was done (完成, 实现, 了)
	Place   string   // a place the question names (上海, 汉阳区): the most specific
	Places  []string // every place the question names, as written
	Scope   string   // the scope it asks about: ScopeWhole (全市), ScopeOwn (市本级) or ""
	Levels  []string // administrative levels it implies: 全区 → district
	Unknown []string // English words the glossary does not know
	Names   []string // English words that may name a place: capitalized, or unknown
	Term    string   // for definitions: the term to define
	EnNoun  string   // for English questions: the noun counted ("beds")
	Qualify string   // a qualifier the question names: 以内, 以上, 突破 …
	// Stock is set when the question asks how many there are (汉阳区有多少家
	// 医院, How many airports does Gansu have), not how many were added.
	Stock bool
	// Countable is set by "how many": the figure counts things, it is no
	// sum of money or a weight.
	Countable bool
	// PerHead is set when the question asks a figure per so many people
	// (每千人口托位数, 千名老人床位数): reports write it with what it counts
	// (4.32个, 35张).
	PerHead bool
	// AsksCount is set when the question asks for a figure in so many
	// words (多少, 几, how many, how much): only a figure answers it.
	AsksCount bool
	// Class2 is a second class the figure may have: 一般性支出压减多少 is
	// answered by 5% as well as by an amount of money.
	Class2 string
	// Level is set when the question asks what a rate rose or fell to
	// (提高到了多少), not by how much: 63%, not 0.9个百分点.
	Level bool
	// AsksChange is set when the question asks by how much a thing
	// changed (比去年多收多少): the size of the change answers it.
	AsksChange bool
	// PerUnit is set when the question asks for an amount per person or
	// per thing (每个孩子一年发多少钱, per resident): a sum for all does not
	// answer it.
	PerUnit bool
	// Total is set when the question asks for a whole (一共, 总共,
	// altogether): a figure named a total (总额, 合计) answers it before
	// its parts.
	Total bool
	// Before is set when the question asks for the state before a
	// change (改革之前, 原来): the old value of 从40个减少到29个 answers it.
	Before bool
	// Why is set when the question asks for the cause of a change
	// (为什么下降), Use when it asks what money was used for (用来干什么),
	// How when it asks what will be done about a thing (打算怎么办).
	Why, Use, How bool

	named bool // the question names, in pinyin, the place of the reports in scope
	// measured is, for an English question, the index in Concepts of the
	// noun after how much/how many (gold of "How much gold did large
	// industrial firms produce"), or -1.
	measured int
}

// Concept is one thing a question is about, with the words that express
// it in a report.
type Concept struct {
	Word   string  // the question's word (its Chinese rendering for English)
	Weight float64 // importance: rarer words weigh more; aspect verbs less
	Alts   []Alt   // ways a report may write it, the word itself first
	Aspect bool    // an aspect verb (新增, 建成, 完成) rather than a thing
	// Guess is set for a word CC-CEDICT gave for an English one the
	// glossary lacks: it may be the wrong sense, so it weighs less.
	Guess bool
	// Optional is set for a word of a bracketed aside: it helps, it is
	// not required.
	Optional bool
	// Slip is set for a word the segmenter made across a word boundary
	// (上花 of 教育上花了): it names nothing.
	Slip bool
	// Head is set on the concept an English question counts or measures:
	// the noun after how many/how much, or the one naming the unit.
	Head bool
	// Place is set on a place the question names that the report in
	// scope is not of (a district asked of its city's report): a figure
	// is that place's only where the place is named.
	Place bool

	verbish bool // the tagger reads it as a verb, an adjective or a set phrase (要花, 算进去)
	// Parts are the dictionary words inside the word (粮食, 总产量, 产量
	// in 粮食总产量): found apart they stand for it as far as they cover
	// it, rarer parts counting more.
	Parts       []string
	PartWeights []float64
	foldedParts []string  // Parts folded as report text is (see segment.Fold)
	partRunes   []runeSet // runesOf each of foldedParts
	// partsBefore are, for each part, the folded parts that end in the
	// word before it starts (森林 for 覆盖率 in 森林覆盖率).
	partsBefore [][]string
	// looseParts marks the parts no dictionary word makes (钢 of 钢产量):
	// missing, they count against the word; found, no more than its
	// dictionary parts are.
	looseParts []bool
	// partLatin is, for a part the question writes in Latin letters (gdp
	// of gdp增长, found as 生产总值), that word folded as report text is:
	// reports write it too (全年GDP同比增长3.5%). partLatinRunes are its
	// runes.
	partLatin      []string
	partLatinRunes []runeSet
	// route is the pattern of the route the concept abbreviates by its
	// ends (福平 of 福平铁路), spelled out as reports write it; nil for
	// none (see routeRegexp).
	route *rx.Regexp
}

// Tagger is implemented by segmenters that tag parts of speech: each
// word as "word/tag" (发放/v, 床位/n).
type Tagger interface {
	Tag(text string) []string
}

// DocFreq tells how many indexed passages contain each word, and how many
// passages there are.
type DocFreq func(words []string) (map[string]int, int)

// Analyzer turns questions into Questions. It is safe for concurrent use.
type Analyzer struct {
	Seg  segment.Segmenter
	Lex  *Lexicon
	Freq DocFreq // nil weighs all words alike
	// CoFreq, when set, tells how many passages hold all the words
	// together, for phrases the index holds as several words.
	CoFreq func(words []string) int
	Places func() []string // place names of the indexed reports, for recognition

	analyzerMemo
}

var (
	reYearQ      = rx.MustCompile(`((?:19|20)\d{2})\s*年?`)
	reFiveYear   = rx.MustCompile(`[“"]?十?[一二三四五六七八九]五[”"]?(期间|时期|计划期间|计划)?|[“"]十五[”"](期间|时期|计划期间|计划)?|十五(期间|时期|计划期间)`)
	reAskPercent = rx.MustCompile(`[百千]分之(几|多少)`)
	reDefZh      = rx.MustCompile(`^(?:请问)?(?:什么是|何谓|啥是|什么叫做|什么叫|啥叫|何为|解释一下|解释|说说)(.+?)(?:是什么|是什么意思|的含义|的意思|是指什么)?$`)
	reDefZh2     = rx.MustCompile(`^(?:请问)?(.+?)(?:是什么意思|什么意思|的含义是什么|的含义|指的是什么|是指什么|指什么|是指\p{Han}什么|是什么|是啥|具体指什么|(?:具体)?指啥|啥意思|(?:具体)?包括哪(?:些|几)\p{Han}{0,2}|包括什么|有哪些内容|(?:是)?指(?:多大|哪些|什么样|哪种|哪类)的?\p{Han}{1,4}|指的是(?:哪些|什么样的|哪种|哪类)\p{Han}{0,4}|(?:是)?(?:按|根据)什么(?:标准|口径)\p{Han}{0,3}的?|(?:是)?(?:什么|啥)(?:统计)?口径|的?(?:统计)?口径是(?:什么|啥)|(?:是)?(?:怎么|如何)(?:算|计算|界定|定义|统计|得出|得来|得|推算|测算|估算|来)(?:出来)?的?|是哪几(?:个|项|类|种|大)?\p{Han}{0,3}|(?:是)?(?:怎么回事|咋回事)|是(?:个|一种)?(?:什么|啥)(?:样的)?(?:模式|机制|做法|东西|制度|政策|办法))$`)
	reAskUnit    = rx.MustCompile(`(多少|几)(余|多)?`)
	// reWhichFew asks which few: 哪几个, 哪两步, 哪五定.
	reWhichFew = rx.MustCompile(`哪[几两三四五六七八九十]`)
	// reWhichCount is which few with its classifier: 哪两个, 哪几所, 哪一类.
	reWhichCount = rx.MustCompile(`哪([一几两三四五六七八九十]+)(个|所|条|项|类|种|家|座|位|件|批|处|只|支|款|门|道|方面|大)?`)
	// reFewYears is a span of a few years: 这几年, 近几年, 过去几年.
	reFewYears = rx.MustCompile(`(?:这|近|前|过去|最近|这么|头|那|开头)几年(?:来|里|中|间)?`)
	reRaisedTo = rx.MustCompile(`提到(了)?([^，。？]{0,12}?)(多少|几)`)
	// reSpentOn is money spent on a thing, as people say it: 花在民生上的钱,
	// 用在教育方面的资金 — the reports' 民生支出, 教育支出.
	reSpentOn = rx.MustCompile(`(?:花|用|投)在(\p{Han}{1,8}?)(?:上|方面)(?:的)?(?:钱|资金|经费)`)
	// reSpentOnVerb is the same said with the verb: 教育上花了多少钱,
	// 在教育方面准备花多少.
	// reTaxCollected is a tax named before the verb that collects it
	// (营业税收了多少, 个税收了多少), which the segmenter reads as 税收:
	// the tax and the verb are parted.
	reTaxCollected = rx.MustCompile(`(营业|增值|所得|契|房产|印花|资源|消费|关|车船|个|烟叶|耕地占用|环境保护|城建|城市维护建设|土地使用|土地增值)税收([了得上到回进多几]|$)`)
	reSpentOnVerb  = rx.MustCompile(`(\p{Han})(?:上|方面)((?:到底|究竟|大概|大约|差不多|准备|打算|计划|要|一共|总共|共)*(?:花|用)了?(?:多少|几))`)
	// reDataSource asks where a figure comes from: 数据是哪个部门提供的,
	// 数据来源是哪里, 数据从哪来 — the reports say 数据来自….
	reDataSource = rx.MustCompile(`(?:数据|资料|数字)(?:是|由)?(?:哪个|哪家|哪些|什么)(?:部门|单位|机构)(?:提供|发布|统计|调查|给)的?|(?:数据|资料|数字)(?:是|由|都是)?谁(?:家)?(?:提供|发布|统计|调查|给|出)的?|(?:数据|资料|数字)的?(?:来源|出处)(?:是|在)?(?:哪里|哪儿|哪|什么)?|(?:数据|资料|数字)(?:是)?从哪(?:里|儿)?来的?`)
	// reAskShare asks for a share: 占了多大比例, 比重是多少, 占比多少,
	// 上职业学校的占多少.
	reAskShare = rx.MustCompile(`(?:多大|多少)的?(?:比例|比重)|(?:比例|比重|占比)(?:是|为|有|达到|达|大概|大约)?(?:多少|多大|几)|的占(?:了)?(?:多少|几成)`)
	// reUsedUp is money used up (用掉, 花掉): no decline.
	reUsedUp = rx.MustCompile(`(用|花|吃|省|扣|刷)掉`)
	reRatio  = rx.MustCompile(`(每|千名|万名|百名|每千|每万|每百)\p{Han}{1,8}(数|量|率)`)
)

// reRoughAmount matches an amount said roughly: 一千多亿, 100多万元,
// 十几亿, 二十余个, 上百亿, 近千万.
var reRoughAmount = rx.MustCompile(`(?:[近超逾])?(?:\d+|[一二两三四五六七八九十]+[百千]?)(?:多|余|来|几)[十百千万亿]*(?:元|块钱|块|个)?|(?:上|近)[百千万亿]+[万亿]?(?:元)?`)

// dropRoughAmounts blanks the rough amounts of s; 多少 and 多大 stay, as
// they ask.
func dropRoughAmounts(s string) string {
	locs := reRoughAmount.FindAllStringIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, l := range locs {
		m := s[l[0]:l[1]]
		if i := strings.Index(m, "多"); i >= 0 {
			next := s[l[0]+i+len("多"):]
			if strings.HasPrefix(next, "少") || strings.HasPrefix(next, "大") || strings.HasPrefix(next, "高") || strings.HasPrefix(next, "长") {
				continue
			}
		}
		b.WriteString(s[last:l[0]])
		b.WriteString(" ")
		last = l[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// questionWords are the words of the question frame, not of its subject.
var questionWords = []string{
	"请问", "我想知道", "想知道", "方面", "情况", "告诉我", "能否告诉", "一下", "是多少", "有多少", "为多少", "达到多少", "达多少",
	"多少", "多大", "多高", "多长", "多远", "多久", "几", "什么", "哪些", "哪个", "哪里", "哪儿", "哪", "谁",
	"吗", "呢", "呀", "啊", "吧", "一共", "总共", "共有", "大概", "大约", "具体", "到底", "究竟",
	"报告中", "报告里", "报告", "文件中", "里面", "提到", "提出", "说", "的",
}

// aspectWords are verbs and frame words that say what happened to a thing
// rather than what the thing is; they weigh less.
var aspectWords = map[string]bool{
	"新增": true, "新建": true, "建成": true, "建造": true, "建设": true, "修建": true, "完成": true, "实现": true,
	"达到": true, "达": true, "增长": true, "增加": true, "提高": true, "下降": true, "减少": true, "降低": true,
	"发放": true, "投入": true, "安排": true, "设立": true, "累计": true, "全年": true, "共": true, "计划": true,
	"目标": true, "力争": true, "预计": true, "预期": true, "打算": true, "争取": true, "拟": true, "准备": true, "控制": true, "控制在": true, "以内": true, "以上": true,
	"开工": true, "新开工": true, "新开": true, "新办": true, "开办": true, "引进": true, "举办": true, "拆除": true, "获评": true, "连续": true,
	"突破": true, "超过": true, "总量": true, "总额": true, "总": true, "年": true, "今年": true, "去年": true, "前年": true,
	"明年": true, "获得": true, "支出": true, "用于": true, "共计": true, "合计": true, "筹集": true,
	"次": true, "有": true, "是": true, "了": true, "在": true, "全区": true, "全市": true, "全省": true,
	"全国": true, "我区": true, "我市": true, "我省": true, "同比": true, "增速": true, "增幅": true,
	"领到": true, "领取": true, "发": true, "建": true, "办": true, "花": true, "投": true, "修": true, "搞": true,
	"新": true, "亿元": true, "万元": true, "元": true, "万人": true, "人": true, "个": true,
	"降": true, "减": true, "升": true, "增": true, "涨": true, "幅度": true,
}

// optionalFactor is what a concept that helps but is not required (a
// bracketed aside, examples) weighs against a required one.
const optionalFactor = 0.4

// stopWords never make a concept.
var stopWords = map[string]bool{
	"的": true, "了": true, "是": true, "在": true, "有": true, "和": true, "与": true, "及": true, "或": true,
	"等": true, "为": true, "被": true, "把": true, "将": true, "对": true, "从": true, "到": true, "中": true,
	"里": true, "上": true, "下": true, "年": true, "月": true, "日": true, "个": true, "多": true, "少": true,
	"要": true, "会": true, "能": true, "可": true, "我": true, "你": true, "他": true, "它": true, "这": true,
	"那": true, "其": true, "之": true, "以": true, "于": true, "也": true, "都": true, "还": true, "又": true,
	"并": true, "就": true, "而": true, "所": true, "得": true, "地": true, "着": true, "过": true, "让": true,
	"给": true, "向": true, "由": true, "据": true, "按": true, "比": true, "做": true, "做了": true,
	"一": true, "该": true, "此": true, "各": true, "每": true, "哪": true, "啥": true, "怎么": true,
	"怎样": true, "如何": true, "为什么": true, "多少": true, "几": true, "什么": true,
	// Complements of direction after a verb (挣回来, 省下来): no thing.
	"回来": true, "下来": true, "出来": true, "起来": true,
	// Where, said of a household (每百户家里有几辆车): no thing.
	"家里": true,
}

// Analyze analyzes a question.
func (a *Analyzer) Analyze(raw string) *Question {
	q := &Question{Raw: raw, measured: -1}
	norm := normalizeQuestion(raw)
	q.Norm = norm
	if isEnglish(norm) {
		q.Lang = "en"
		a.analyzeEnglish(q, norm)
		a.expandThesaurus(q)
		a.weigh(q)
		if q.Class == "" && q.Unit == "" {
			// The Chinese words of the subject may say what it is
			// measured in: GDP → 生产总值 → money.
			q.Class = a.expectedClass(q, "")
		}
	} else {
		q.Lang = "zh"
		for _, w := range spokenWays {
			norm = w.re.ReplaceAllString(norm, w.with)
		}
		// 花了多少？听说涨得很猛: hearsay or an impression after the
		// question asks nothing (就是一般预算那块 after it would say what
		// is asked, and stays).
		if k := strings.LastIndexAny(norm, "？?"); k >= 0 {
			if tail := strings.Trim(norm[k:], "？? "); tail != "" && hasPrefixAny(tail, remarkOpeners) != "" && !hasAny(tail, askWordsZh) {
				norm = norm[:k]
			}
		}
		q.Norm = norm
		// 自己收上来的钱，也就是一般公共预算地方收入，预计完成多少: the
		// report's term said again beside the everyday words glosses them.
		norm = reRestateMid.ReplaceAllString(norm, "（$1）")
		if m := reRestateAfter.FindStringSubmatchIndex(norm); m != nil && !reNotRestate.MatchString(norm[m[4]:m[5]]) {
			// 一共花了多少，社会消费品零售总额是多少: the second ask names
			// the report's term for the first.
			first, term := norm[m[2]:m[3]], norm[m[4]:m[5]]
			if k := strings.LastIndex(first, "多少"); k >= 0 {
				norm = first[:k] + "（" + term + "）" + first[k:]
				q.Norm = norm
			}
		}
		if m := reUnitAskAfter.FindStringSubmatch(norm); m != nil {
			// 用了多少外资，多少亿美元: the second ask only names the unit
			// of the first; one question, asked in that unit.
			norm = strings.Replace(m[1], "多少", "", 1) + m[2]
			q.Norm = norm
		} else if m := reTwoAsks.FindStringSubmatch(norm); m != nil && hasAny(reFewYears.ReplaceAllString(m[1], ""), []string{"多少", "几"}) {
			// 收入完成了多少，比上年少了百分之几: two questions in one; the
			// first is answered.
			norm = m[1]
			q.Norm = norm
		}
		if loc := reWhichWay.FindStringIndex(norm); loc != nil && strings.Contains(norm[:loc[0]], "多少") {
			// 多少？涨了还是跌了: the figure, not the way it went.
			norm = norm[:loc[0]]
			q.Norm = norm
		}
		if loc := reMarkCheck.FindStringIndex(norm); loc != nil && hasAny(norm[:loc[0]], []string{"多少", "几"}) {
			// 税收收入有多少，破百亿了吗: the figure says whether.
			norm = norm[:loc[0]]
			q.Norm = norm
		}
		if loc := reWhichWayMid.FindStringIndex(norm); loc != nil && reAsksAmount.MatchString(norm[loc[1]:]) {
			// 是增是减，变化多少: the change asked after it says the way.
			norm = norm[:loc[0]] + norm[loc[1]:]
			q.Norm = norm
		}
		if g := a.glossed(norm); g != norm {
			// 在看病就医（卫生健康）上花了多少: the report's own term in
			// brackets stands for the everyday words before it.
			norm = g
			q.Norm = norm
		}
		a.analyzeChinese(q, norm)
		perUnitConcepts(q, norm)
		a.expandThesaurus(q)
		a.weigh(q)
		if q.Class == "" {
			q.Class = a.expectedClass(q, norm)
		}
	}
	if q.Class == "percent" {
		growthReading(q)
	}
	householdReading(q)
	q.Stock = isStockQuestion(q, norm)
	q.AsksCount = reAsksCount.MatchString(strings.ToLower(norm))
	if q.Lang == "zh" && q.Class != "percent" && q.Class != "rank" && reCutEnd.MatchString(norm) {
		q.Class2 = "percent"
	}
	if q.Class == "weight" && q.Class2 == "" && slices.ContainsFunc(q.Concepts, func(c Concept) bool { return strings.HasSuffix(c.Word, "产量") }) {
		// 冰箱产量: what is made may be counted (639.8万台), not weighed.
		q.Class2 = "count"
	}
	q.Level = reLevelQ.MatchString(strings.ToLower(norm))
	// 比例降到多少: the 比 of a ratio compares nothing.
	q.AsksChange = reAsksChange.MatchString(ratioWords.Replace(strings.ToLower(norm)))
	if !q.Level && !q.AsksChange && q.Lang == "zh" && asksRateLevel(q, norm) {
		// 高考本科上线率多少: the rate, not how far it rose (分别较去年
		// 提高5.96%).
		q.Level = true
	}
	// 一共新增了多少家: the sum of what was added, not the whole there is.
	q.Total = reAsksTotal.MatchString(strings.ToLower(norm)) && !reTotalAdded.MatchString(norm)
	q.Before = reAsksBefore.MatchString(norm)
	q.PerUnit = reAsksPerUnit.MatchString(strings.ToLower(norm))
	if q.Class == "rank" {
		// 在全市排第几: the city is where the place is ranked, not the
		// report asked about.
		q.Levels = nil
	}
	a.partAlternatives(q)
	for i := range q.Concepts {
		if route := routeAsked(q, q.Concepts[i].Word); route != "" {
			q.Concepts[i].route = routeRegexp(route)
		}
		q.Concepts[i].prepare()
	}
	return q
}

// partAlternatives gives a word the wordings the reports have for a part
// of it: 普通高校 is written 普通高等学校, as 高校 is 高等学校. At most
// maxPartAlts are added to a concept, each weaker than the part's own
// alternative.
func (a *Analyzer) partAlternatives(q *Question) {
	if a.Lex == nil {
		return
	}
	for i := range q.Concepts {
		c := &q.Concepts[i]
		if c.Aspect || c.Place || len(c.Parts) == 0 {
			continue
		}
		added := 0
		for _, p := range c.Parts {
			if utf8.RuneCountInString(p) < 2 || p == c.Word {
				continue
			}
			for _, alt := range a.Lex.Alternatives(p) {
				if added == maxPartAlts {
					break
				}
				if alt.Factor < 0.8 || strings.Contains(alt.Text, p) || strings.Contains(p, alt.Text) {
					continue
				}
				w := strings.Replace(c.Word, p, alt.Text, 1)
				if utf8.RuneCountInString(w) > 12 || slices.ContainsFunc(c.Alts, func(x Alt) bool { return x.Text == w }) {
					continue
				}
				c.Alts = append(c.Alts, Alt{Text: w, Factor: 0.8 * alt.Factor})
				added++
			}
		}
	}
}

// maxPartAlts bounds the wordings partAlternatives adds to one concept.
const maxPartAlts = 4

// prepare folds the words of a concept for matching in reports' text.
func (c *Concept) prepare() {
	for k := range c.Alts {
		c.Alts[k].folded, _ = segment.Fold(c.Alts[k].Text)
		c.Alts[k].runes = runesOf(c.Alts[k].folded)
	}
	c.foldedParts = make([]string, len(c.Parts))
	c.partRunes = make([]runeSet, len(c.Parts))
	for k, p := range c.Parts {
		c.foldedParts[k], _ = segment.Fold(p)
		c.partRunes[k] = runesOf(c.foldedParts[k])
	}
	c.partLatinRunes = make([]runeSet, len(c.partLatin))
	for k, p := range c.partLatin {
		if p != "" {
			c.partLatinRunes[k] = runesOf(p)
		}
	}
	c.partsBefore = make([][]string, len(c.Parts))
	for k, p := range c.Parts {
		at := strings.Index(c.Word, p)
		if at <= 0 {
			continue
		}
		for j, o := range c.Parts {
			if i := strings.Index(c.Word, o); i >= 0 && i+len(o) <= at {
				c.partsBefore[k] = append(c.partsBefore[k], c.foldedParts[j])
			}
		}
	}
}

var (
	reStockZh = rx.MustCompile(`有(多少|几)|(?:现在|目前|如今|眼下)(?:是|有|已经|已|达到|到了)?(多少|几)`)
	// reYearEnd names the end of a year (到去年底, 截至去年年末).
	reYearEnd = rx.MustCompile(`年(?:年)?底|年末|年终`)
	reStockEn = rx.MustCompile(`\b(does|do)\b.*\bhave\b|\bare there\b|\bis there\b|\bin total\b|\bexist\b`)
)

// isStockQuestion reports whether q asks how many there are: 有多少 with
// no word of an action (新增, 建成) or period.
func isStockQuestion(q *Question, norm string) bool {
	if q.Kind != KindNumber || q.Done || q.Plan || q.HasRel && !reYearEnd.MatchString(norm) {
		return false // 到去年底有多少: a stock at a year's end, still
	}
	for i, c := range q.Concepts {
		if !c.Aspect || c.Word == "总" {
			continue // 总里程: a whole, no event
		}
		// 挂牌上市企业: a verb right before a noun modifies it, it does
		// not ask what happened.
		if i+1 < len(q.Concepts) && !q.Concepts[i+1].Aspect && strings.Contains(norm, c.Word+q.Concepts[i+1].Word) {
			continue
		}
		return false
	}
	if q.Lang == "en" {
		return reStockEn.MatchString(strings.ToLower(norm))
	}
	if hasAny(norm, actionWords) {
		// 城镇新增就业有多少人: the question's own term is of what was
		// added.
		return false
	}
	for _, c := range q.Concepts {
		for _, a := range c.Alts {
			if a.Factor >= 0.8 && hasAny(a.Text, actionWords) {
				// 新找到工作的有多少人: so is the term its words stand
				// for (城镇新增就业).
				return false
			}
		}
	}
	return reStockZh.MatchString(norm)
}

// normalizeQuestion folds width and case, drops white space inside
// Chinese text and the final punctuation.
func normalizeQuestion(s string) string {
	folded, _ := segment.Fold(strings.TrimSpace(s))
	var b strings.Builder
	rs := []rune(folded)
	for i, r := range rs {
		if r == 0 || unicode.IsControl(r) {
			continue
		}
		if segment.IsWordRune(r) || !unicode.IsSpace(r) {
			b.WriteRune(r)
			continue
		}
		// Keep a space only between two Latin words.
		if i > 0 && i+1 < len(rs) && rs[i-1] < 0x80 && rs[i+1] < 0x80 && !unicode.IsSpace(rs[i-1]) {
			b.WriteByte(' ')
		}
	}
	return strings.TrimRight(b.String(), "?？。.!！ ")
}

func isEnglish(s string) bool {
	latin, han := 0, 0
	for _, r := range s {
		switch {
		case r < 0x80 && unicode.IsLetter(r):
			latin++
		case unicode.Is(unicode.Han, r):
			han++
		}
	}
	return latin > 0 && han*3 < latin
}

// reCurrencyBasis names the currency a figure is asked in: 按美元算,
// 折合成美元, 换算成人民币.
var reCurrencyBasis = rx.MustCompile(`(?:按|用|以|折合成?|换算成|合)(美元|欧元|人民币)(?:来)?(?:算|计算|计|折算|衡量)?`)

// currencyUnits are the units of the currencies of reCurrencyBasis.
var currencyUnits = map[string]string{"美元": "美元", "欧元": "欧元", "人民币": "元"}

// reYearBaseAfter follows a year that is the base of a change: 在88年基础
// 上, 在1988年水平的基础上.
var reYearBaseAfter = rx.MustCompile(`^\s*(?:的)?(?:水平)?(?:的)?基础上`)

// baseBefore reports whether before, the words before a year, make it
// the base of a comparison (跟1978年比): not when its word of comparison
// ends the name of a place (大同2025年, whose 同 is the place's; see
// comparedTo).
func baseBefore(before string) bool {
	t := strings.TrimSpace(before)
	if strings.HasSuffix(t, "相对于") || strings.HasSuffix(t, "相较于") {
		return true
	}
	return reBaseBefore.MatchString(t) && comparedTo(t)
}

// reBaseBefore ends the words before a year that is the base of a
// comparison: 跟1978年比, 同2020年相比, 比2019年.
var reBaseBefore = rx.MustCompile(`(?:比|较|与|同|和|跟|相对于|相较于)\s*$`)

// hasRelativeYear reports whether s names a year relative to the report's
// own (去年, 今年).
func hasRelativeYear(s string) bool {
	for _, ry := range relativeYears {
		if strings.Contains(s, ry.word) {
			return true
		}
	}
	return false
}

// relativeYears maps words for years relative to the report's own.
var relativeYears = []struct {
	word string
	rel  int
}{{"前年", -2}, {"去年", -1}, {"上年", -1}, {"上一年", -1}, {"前一年", -1}, {"今年", 0}, {"本年", 0}, {"当年", 0}, {"明年", 1}, {"下一年", 1}, {"来年", 1}}

// rateWords are words that start with 率 and mean no rate: 率先 (first),
// 率领 (lead).
var rateWords = map[string]bool{"率先": true, "率领": true, "率队": true}

// reMoneyAsked asks a sum of money: 补给农民的钱有多少, 钱一共是多少.
var reMoneyAsked = rx.MustCompile(`钱(?:一共|总共|大概|到底|大约|总计)*(?:有|是|为)?(?:多少|几)`)

// reSpanIn is a span of time followed by 里 or 内 (一年里, 这一年内).
var reSpanIn = rx.MustCompile(`(一年|这一年|全年|今年|去年|前年|明年|这几年|五年)(?:里|内|中|当中)`)

// dropSpanIn drops the 里 or 内 after a span of time (一年里少了多少), and a
// 中, 内 or 里 that starts no word of its own (去年中央给的钱: 中央; 去年内蒙古:
// 内蒙古).
func dropSpanIn(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range reSpanIn.FindAllStringSubmatchIndex(s, -1) {
		next, _ := utf8.DecodeRuneInString(s[m[1]:])
		switch s[m[3]:m[1]] {
		case "中":
			if strings.ContainsRune("央国心部小华医共", next) {
				continue
			}
		case "内":
			// 去年内蒙古, 今年内需: 内 starts a word.
			if strings.ContainsRune("蒙江需贸河陆部销地外资", next) {
				continue
			}
		case "里":
			if next == '程' {
				continue // 今年里程: mileage
			}
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(s[m[2]:m[3]])
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// reSeenPatients asks how many patients were seen, the verb and its object
// apart: 看了多少人次的病 — the bulletins' 诊疗人次.
var reSeenPatients = rx.MustCompile(`看(?:了|过)?(多少|几)(万|亿)?(人次|次|人)的?病`)

// reAgeGroup is an age group as people name it: 60岁以上的老人 — the
// reports' 60周岁及以上 (人口), in a table row or a sentence alike; the
// people named after it are the group itself.
var reAgeGroup = rx.MustCompile(`(\d{1,3}(?:周)?岁(?:及|或)?以上)(?:的)?(?:老年人口|老年人|老人|人口|的人)`)

// reOwed asks what a government owes, as people say it: 一共欠了多少债,
// 欠多少钱的债, 欠的债还剩多少 — the reports' 债务余额.
var reOwed = rx.MustCompile(`欠(?:了|下|着)?(?:多少|几)(?:亿|万亿)?(?:元)?(?:钱)?(?:的)?(?:债务|债|钱)|欠(?:下|着)?的(?:债务|债|钱)(?:还)?(?:剩下|剩|有|一共|总共|共)?(?:了)?(?:多少|几)`)

// reSaved asks what households keep in the banks, as people say it: 老百姓
// 在银行存了多少钱, 居民一共存了多少 — the bulletins' 住户存款.
var reSaved = rx.MustCompile(`(?:老百姓|百姓|居民|群众|市民|老乡|家庭|个人|大家)(?:们)?(?:在银行里?|在银行)?(?:一共|总共|大概|到底)*存(?:了|下|着)?(?:多少|几)(?:亿|万)?(?:元|块)?(?:钱)?`)

// reSavings names people's savings as a thing (老百姓个人在银行存款余额,
// 居民的储蓄): the reports' 住户存款 (or 储蓄存款, its synonym).
var reSavings = rx.MustCompile(`(?:老百姓|百姓|居民|群众|市民|老乡|家庭|个人)(?:们)?(?:个人|家里)?(?:在银行里?|存在银行里?)?的?(?:存款|储蓄)(?:存款)?`)

// reLifeSpan asks how long people live, as people say it: 平均能活到多少岁
// — the reports' 人均预期寿命.
var reLifeSpan = rx.MustCompile(`(?:老百姓|百姓|居民|人们|大家|咱们|国人|中国人)?(?:的)?(?:平均|人均)?(?:能|可以|大概能)?活(?:到|得到)?(?:多少|几十?)岁`)

// reResidentSpend is what residents spend as people say it: 城里人平均一年
// 花多少钱, 农村居民每人一年消费多少 — the bulletins' 人均消费支出.
var reResidentSpend = rx.MustCompile(`(城里人|城镇人|城市人|农村人|乡下人|乡村人|城镇居民|农村居民|城乡居民|居民|老百姓|市民|村民)(?:们)?(?:平均|人均)(?:每人|每个人|一个人)?(?:一年|每年|全年|一年里)?(?:要|能)?(?:花|消费|开销|花销|花费)(?:掉|了)?(?:多少钱|多少)?`)

// reEachPerson is "per person" as people say it: 平均每个人摊到的GDP and
// 按人头算的GDP are 人均GDP.
var reEachPerson = rx.MustCompile(`平均每个?人(?:摊到|分到|摊|合)?的?|(?:每|一)个?人平均(?:摊到|分到|摊)?的?|按人头(?:平均|计算|算|摊)?(?:下来)?的?`)

// reAgainVerb is 再 before a verb of doing (再建, 再新增, 再办好); not
// 再融资 or 再就业, which are terms.
var reAgainVerb = rx.MustCompile(`再(新建|建设|建成|建|开工|改造|新增|增加|办好|办|引进|培育|打造|实施|完成|修)`)

// reSplitVerb is a verb-object word parted by 了 (脱了贫 for 脱贫, 开了工,
// 毕了业, 落了户).
var reSplitVerb = rx.MustCompile(`(脱|毕|就|退|投|开|完|竣|入|落|复|结)了(贫|业|休|产|工|学|户|婚)`)

// reSplitAsked is a verb-object word with the ask between its parts (融了
// 多少资 for 融资多少, 贷了多少款, 纳了多少税); splitWords are the words it
// may part.
var reSplitAsked = rx.MustCompile(`(融|投|筹|集|贷|捐|纳|减|退|发|招|引)(?:了|过)?(多少|几)(资|款|税|债|费|生|商)`)

var splitWords = map[string]bool{"融资": true, "投资": true, "筹资": true, "集资": true, "贷款": true, "捐款": true, "纳税": true,
	"减税": true, "退税": true, "发债": true, "减费": true, "招生": true, "招商": true, "引资": true}

// joinSplitAsked joins a verb-object word the ask parts (see reSplitAsked).
func joinSplitAsked(s string) string {
	return reSplitAsked.ReplaceAllStringFunc(s, func(m string) string {
		sm := reSplitAsked.FindStringSubmatch(m)
		if !splitWords[sm[1]+sm[3]] {
			return m
		}
		return sm[1] + sm[3] + sm[2]
	})
}

// reCountPeople counts people with the classifier 个 (几个人, 多少个人),
// not 个人 as in 个人所得税.
var reCountPeople = rx.MustCompile(`(多少|几)个人([^\p{Han}]|$|[了呢啊吗呀？])`)

// reWhichWay asks only which way a figure went, after asking the figure
// (零售总额多少？涨了还是跌了): the figure is what is asked.
var reWhichWay = rx.MustCompile(`[，,？?]?\s*(?:是)?(?:涨了还是跌了|涨了还是降了|增加了?还是减少了?|增长了?还是下降了?|是增是减|是涨是跌|升了还是降了)[？?]?$`)

// reMarkCheck asks, after asking a figure, whether it passed a mark
// (有多少，破百亿了吗; 多少？超过100亿没有): a yes or no the figure answers.
var reMarkCheck = rx.MustCompile(`[，,？?]\s*(?:有没有|是否|是不是|有)?(?:突破|破|超过|超|过|达到|上|迈上|迈过|跨过|站上)了?\s*(?:[0-9０-９.]+|[一二两三四五六七八九十百千几]+)\s*(?:万亿|亿|万|千)?\s*\p{Han}{0,2}?(?:大关|关口)?了?(?:吗|没有|没|么|呢)[？?。!！]*$`)

// spokenWays are ways of speaking that name nothing asked, and what stands
// in for them before the question is read.
var spokenWays = []struct {
	re   *rx.Regexp
	with string
}{
	// 掉得那么厉害, 涨得这么厉害: how much a thing changed, not what
	// changed (涨得最厉害 still asks which one).
	{rx.MustCompile(`得(?:那么|这么|这样|如此|太|很|非常|特别)厉害`), "得"},
	// 一下子少了三成多: the segmenter reads 一下/子少.
	{rx.MustCompile(`一下子`), ""},
	// 生了多少万个孩子, 一共生了多少娃: the births, as reports count them.
	{rx.MustCompile(`(?:出)?生了?(?:多少|几)(万|千)?(?:个|名)?(?:小孩子|孩子|娃娃|娃|小孩|宝宝|婴儿)`), "出生人口多少${1}人"},
	// 城里住的人占多大比例, 住在城镇的人口比例: the urbanization rate.
	{rx.MustCompile(`(?:(?:住在|生活在)(?:城里|城镇|城市)的?|(?:城里|城镇|城市)(?:住的|居住的)?)(?:人口|人)(?:占(?:了)?(?:全部人口|总人口)?的?(?:多大|多少|几成)的?(?:比例|比重)?|的?(?:比例|比重|占比))`), "城镇化率多少"},
	// 城里人和农村人的收入: the two as reports write them together.
	{rx.MustCompile(`(?:城里人|城镇居民|城市居民|城里)(?:和|与|跟|同)(?:农村人|农民|农村居民|乡下人)的?(?:人均)?收入`), "城乡居民收入"},
	// 县一级, 省这一级: the level, as reports write it (县级).
	{rx.MustCompile(`([省市县区乡镇])(?:这|那)?一级`), "${1}级"},
	// 这几块, 那几项, 那部分: things named before, not how many.
	{rx.MustCompile(`[这那](?:几|两|三)(?:个|块|项|个方面|方面|样|部分|类|种)|[这那]一?部分`), "这些"},
	// 是几比一, 几比几: a ratio, asked as the report writes it (2.04∶1).
	{reAskRatio, " 多少"},
	// 头一个季度, 第一个季度: the first quarter, as reports write it.
	{rx.MustCompile(`(?:头|第)([一二三四])个?季度`), "第${1}季度"},
	// 签约家庭医生的人有多少, 救助的人一共有多少万: a count of people, as
	// 有多少人 asks.
	{rx.MustCompile(`的(人|人口|居民|群众)(?:一共|总共|大概|大约)?(?:有|是)?(多少|几)(万|千|百万|亿)?(?:呢|啊)?$`), "的${1}，有${2}${3}人"},
}

// reAskRatio asks a ratio as reports write one (2.04∶1): 是几比一, 几比几.
var reAskRatio = rx.MustCompile(`(?:是|为)?(?:几|多少)比(?:一|1|几)`)

// reRatioNoun names a ratio written as a bare number (城乡居民收入比缩小到
// 2.31, 出生人口性别比), not a comparison (收入比上年增长).
var reRatioNoun = rx.MustCompile(`(?:收入|性别|抚养)比(?:值)?(?:[^上去前今同较年例重0-9一二三四五六七八九十]|$)`)

// reLengthAsked asks a length: 有多长, 多厚, 多远 (多长时间 asks a time).
var reLengthAsked = rx.MustCompile(`多(?:长|厚|远|深|宽)(?:[^时]|$)`)

// rePerMeasure names a price per unit of a thing (每斤, 每吨).
var rePerMeasure = rx.MustCompile(`每(?:斤|吨|公斤|千克|亩|度|升|立方米|平方米|千瓦时)`)

// householdReading lets a resident's figure be found as older reports
// write it, of the household: 城镇居民家庭人均可支配收入 for 城镇居民人均
// 可支配收入.
func householdReading(q *Question) {
	for i := range q.Concepts {
		c := &q.Concepts[i]
		for _, a := range c.Alts {
			if a.Factor >= 0.75 && strings.Contains(a.Text, "居民人均") {
				c.Alts = addAlt(c.Alts, Alt{Text: strings.Replace(a.Text, "居民人均", "居民家庭人均", 1), Factor: a.Factor * 0.95})
			}
		}
	}
}

// growthReading lets a growth of the economy asked as the growth of its
// output (GDP growth target, 地区生产总值增长多少) be found as reports
// write it in their targets: 经济增长5.5%左右.
func growthReading(q *Question) {
	for i := range q.Concepts {
		c := &q.Concepts[i]
		if c.Aspect {
			continue
		}
		for _, a := range c.Alts {
			if a.Factor >= 0.75 && (a.Text == "地区生产总值" || a.Text == "国内生产总值" || a.Text == "生产总值") {
				c.Alts = addAlt(c.Alts, Alt{Text: "经济增长", Factor: 0.7})
				return
			}
		}
	}
}

// unitLikeWords open with a unit's character but are words of their own:
// 多少支出 asks money, not a count in 支; 多少项目 a count of projects.
var unitLikeWords = []string{"支出", "项目", "家庭", "条件", "所得", "台阶", "件事", "次数", "元素"}

// peopleNouns are nouns that open with the unit 人: 多少人口 asks of 人口.
var peopleNouns = []string{"人口", "人员", "人数", "人群"}

// ratioWords hides the 比 of words for a ratio (比例, 比重) from the
// comparison 比……多/少 asks.
var ratioWords = strings.NewReplacer("比例", "份额", "比重", "份额", "比率", "份额", "占比", "份额", "对比", "对照")

// reEarnAsked asks what was earned or spent: a sum of money (赚了多少,
// 挣多少, 花了多少).
var reEarnAsked = rx.MustCompile(`(?:赚|挣|盈利|创收|花|花费|花掉)了?(?:多少|几)`)

// reRemoved is a verb of removal with 掉 (关掉, 拆掉), which growthWords
// 掉多少 would read as a fall.
var reRemoved = rx.MustCompile(`([关去除拆汰停])掉`)

// reYiAsked asks in 亿 with no unit after it, at the end of a question or
// before 的 and what the sum is of (签了多少亿的项目): a sum of money, not
// a count of the things it is of (多少亿农村人 counts people).
var reYiAsked = rx.MustCompile(`(?:多少|几)(?:个)?亿(?:元|块|块钱)?(?:\s*$|的)`)

// reWhichWayMid asks which way a figure went before asking by how much
// (是增是减，变化多少).
var reWhichWayMid = rx.MustCompile(`(?:是)?(?:涨了还是跌了|涨了还是降了|增加了?还是减少了?|增长了?还是下降了?|是增是减|是涨是跌|升了还是降了|增了还是减了|多了还是少了)[，,？?\s]*`)

// reAsksAmount is what asks for a figure: 多少, 几, 多大.
var reAsksAmount = rx.MustCompile(`多少|几|多大`)

// reMembersAsked asks which members a set has: 都有哪些, 都是些啥, 包括
// 哪几个.
var reMembersAsked = rx.MustCompile(`^(.+?)(?:到底|具体|主要|分别)?(?:都)?(?:有|是|包括|指)(?:哪些|哪几个|哪几项|哪几类|哪几条|些啥|些什么|啥|什么)(?:内容)?[？?]?$`)

// reNumberedSet is a numbered set's name: a count and a noun (六大优势产业,
// 十大工程, 三个区), at the end of the subject.
var reNumberedSet = rx.MustCompile(`[“"]?([一二两三四五六七八九十]+(?:大|个|项|件|条|张)?\p{Han}{2,8})[”"]?$`)

// numberedSetAsked returns the numbered set whose members s asks for
// (四川的六大优势产业都有哪些: 六大优势产业), or "".
func numberedSetAsked(s string) string {
	m := reMembersAsked.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	subject := strings.TrimRight(m[1], "，, 的")
	if n := reNumberedSet.FindStringSubmatch(subject); n != nil {
		return n[1]
	}
	return ""
}

// reBudgeted asks what a budget sets aside (预算里安排, 预算草案): the plan,
// not what was spent.
var reBudgeted = rx.MustCompile(`预算(?:里|中|上|内)?(?:安排|草案)`)

// reBudgetFigure asks for a sum budgeted: 收入预算, 年初预算, 调整预算, 预算数.
var reBudgetFigure = rx.MustCompile(`(?:收入|支出)预算|年初预算|调整预算|预算数`)

var reWillZh = rx.MustCompile(`(要|将)(新|建|引进|完成|实现|达到|开工|增加|培育|打造|实施|推进|改造|发放|投入|安排|举办|创建|培训)`)

// reWillVerb is 要 or 将 as a modal before any verb (要提高到, 将突破):
// not 主要, 重要, 需要, 只要, 不要, 要求, 要素, 将近, 将来.
var reWillVerb = rx.MustCompile(`(?:^|[^主重需只不必想纪摘提要将])(?:要|将)[^求素点是不近来军领害件闻务道\s，,。？?a-zA-Z0-9]`)

var planWords = []string{"目标", "计划", "力争", "预期", "打算", "争取", "拟", "规划", "将要", "要求"}

// reFromAbove is where money was won from, in speech (从上面争取到): the
// higher government, which reports leave unsaid (争取政府债券2785亿元).
var reFromAbove = rx.MustCompile(`从(?:上面|上头)(争取|要|拿|申请|获得|跑)`)

// reAccumulated is what is left over all the years (累计还结余, 累计剩下):
// the rolled-over balance, 滚存结余.
var reAccumulated = rx.MustCompile(`累计(?:还|共|总共|一共)?(?:结余|剩下|剩余|剩)`)

// wonWords are what was won (争取到了多少), which 争取 alone does not mean.
var wonWords = strings.NewReplacer("争取到了", "了", "争取到", "了", "争取了", "了",
	// 目标完成了百分之几, 完成年度目标的比率: how far the aim was met.
	"目标完成", "完成", "完成目标", "完成", "完成了目标", "完成", "目标实现", "实现", "实现目标", "实现")

var doneWords = []string{"完成了", "实现了", "已经", "已", "过去", "取得", "建成了", "新增了", "达到了", "了"}

// reOverallChange is 总体 or 整体 before a change (总体涨了, 整体上下降)
// or before the figure asked (签约率总体是多少, 整体有多少).
var reOverallChange = rx.MustCompile(`(?:总体|整体)(?:上|来说|来看)?(涨|上涨|增长|下降|降|跌|提高|增加|减少|上升|(?:是|有|为|达到|在)?(?:多少|几))`)

// measureVerbs name what a figure counts, not what befell a thing: 出生
// of 出生了多少人口 asks births, which no count of residents answers; 征购
// of 征购了多少粮食 asks the grain bought, not the grain grown.
var measureVerbs = map[string]bool{"出生": true, "死亡": true, "征购": true, "收购": true, "出口": true, "进口": true}

// lessMoreVerbs are the deeds of paying and earning that 少 or 多 before
// them (少交, 多花) turns into a change.
const lessMoreVerbs = "交缴花付收拿赚挣"

// dropANotA blanks the A-not-A of a yes-no aside (坏账多不多, 有没有):
// the asker's syntax, naming nothing.
func dropANotA(s string) string {
	if !strings.ContainsAny(s, "不没") {
		return s
	}
	r := []rune(s)
	for i := 1; i+1 < len(r); i++ {
		if (r[i] == '不' || r[i] == '没') && r[i-1] == r[i+1] && isHan(r[i-1]) {
			r[i-1], r[i], r[i+1] = ' ', ' ', ' '
		}
	}
	return string(r)
}

// notDone drops the 了 that marks no outcome: of a conjunction (为了, 除了)
// or of a verb of planning (安排了 asks what the plan sets).
var notDone = strings.NewReplacer("为了", "", "除了", "", "安排了", "安排", "计划了", "计划")

// reStockParticle is the 了 of "by now" after a question of how many
// there are (有多少个了).
var reStockParticle = rx.MustCompile(`(有(?:多少|几)\p{Han}{0,2})了$`)

var qualifierWords = []string{"以内", "以上", "以下", "左右", "突破", "超过", "不低于", "不超过"}

// defZh2 matches reDefZh2, each of whose endings holds one of a few
// characters: a question without them is not read through (the
// expression tries every split of it).
func defZh2(s string) []string {
	if !strings.ContainsAny(s, "什啥含指包哪口怎如咋") {
		return nil
	}
	return reDefZh2.FindStringSubmatch(s)
}

// reBasisAside is 口径 where it closes a basis the question is asked on:
// before a closing bracket, a comma, the end, or 计算/下/来看/算.
var reBasisAside = rx.MustCompile(`(\p{Han})口径(?:计算|统计|来看|下|算)?([）)，,、？?]|$)`)

func (a *Analyzer) analyzeChinese(q *Question, s string) {
	q.Kind = KindNumber
	s = dropANotA(s)
	// 物价总体涨了多少, 签约率总体是多少: overall, of a change or of the
	// figure asked, names nothing (总体要求 does).
	s = reOverallChange.ReplaceAllString(s, "$1")
	if term := whichOfSet(s); term != "" {
		q.Kind, q.Term = KindDefinition, term
	} else if m := reDefZh.FindStringSubmatch(s); m != nil && m[1] != "" {
		q.Kind, q.Term = KindDefinition, cleanTerm(m[1])
	} else if m := defZh2(s); m != nil && !strings.ContainsAny(m[1], "多少几") && (asksMeaning(s[len(m[1]):]) || !hasMeasureWord(m[1])) {
		q.Kind, q.Term = KindDefinition, cleanTerm(m[1])
	}
	if q.Kind != KindDefinition {
		if term := numberedSetAsked(s); term != "" {
			// 六大优势产业都有哪些: the members of a numbered set.
			q.Kind, q.Term = KindDefinition, term
		}
	}
	if q.Kind == KindDefinition && reAskShortcoming.MatchString(s) {
		// 最头疼的问题是什么: the difficulties a report owns, no term
		// it defines.
		q.Kind, q.Term = KindText, ""
	}
	if q.Kind == KindDefinition && !quotedIn(s, q.Term) {
		// A term the question quotes (“龙华模式”) keeps its place.
		q.Term = termWithoutPlace(q.Term)
	}
	// 标准提到了多少: raised to, not "mentioned".
	s = reRaisedTo.ReplaceAllString(s, "提高到$2$3")
	s = reEachPerson.ReplaceAllString(s, "人均")
	// 再建几座, 再办好: 再 (once more) before a verb of doing adds
	// nothing the reports write (新建智能化煤矿60座).
	s = reAgainVerb.ReplaceAllString(s, "$1")
	// 脱了贫, 投了产: a verb with its object, 了 between them.
	s = reSplitVerb.ReplaceAllString(s, "${1}${2}")
	// 融了多少资: 融资多少.
	s = joinSplitAsked(s)
	// 有几个人: people counted, 个 their classifier.
	s = reCountPeople.ReplaceAllString(s, "${1}人${2}")
	s = reResidentSpend.ReplaceAllString(s, "${1}人均消费支出")
	s = reOwed.ReplaceAllString(s, "债务余额多少")
	s = reSaved.ReplaceAllString(s, "住户存款多少")
	s = reSavings.ReplaceAllString(s, "住户存款")
	s = reLifeSpan.ReplaceAllString(s, "人均预期寿命多少岁")
	s = reAgeGroup.ReplaceAllString(s, "${1}")
	s = reSeenPatients.ReplaceAllString(s, "诊疗${1}${2}${3}")
	// 一年里少了多少: 里 after a span of time is no word of the subject.
	s = dropSpanIn(s)
	s = reSpentOn.ReplaceAllString(s, "${1}支出")
	s = reSpentOnVerb.ReplaceAllString(s, "${1}支出 ${2}")
	s = partTaxVerb(s)
	// 中楼乡乡本级财力: the township's name, then its own level.
	s = partTownLevel(s)
	s = reFromAbove.ReplaceAllString(s, "${1}")
	s = reAccumulated.ReplaceAllString(s, "累计结余")
	// 92年, 七四年: a year of the last century, said short.
	s = shortYears(s)
	rest := s
	// 从1978年到1985年: a span of years asks no one year's figure.
	if q.Kind == KindNumber && !hasAny(s, []string{"为什么", "为何", "原因", "怎么"}) {
		rest = reYearSpanQ.ReplaceAllString(rest, " ")
	}
	// Years. A year named as the base of a comparison (跟1978年比，去年…)
	// is no year asked, when another year or a relative year is.
	// The year of the prices asked in (按1957年不变价格算) is never one.
	if ms := questionYears(rest); ms != nil {
		m := ms[0]
		for _, c := range ms {
			if !baseBefore(rest[:c[0]]) && !rePriceBase.MatchString(rest[c[1]:]) && !reYearBaseAfter.MatchString(rest[c[1]:]) {
				m = c
				break
			}
		}
		if rePriceBase.MatchString(rest[m[1]:]) {
			// Only the prices' year: none asked.
		} else if loc := reYearBaseAfter.FindStringIndex(rest[m[1]:]); loc != nil {
			// 在88年（水平的）基础上压缩多少: the base the change is
			// from, no year asked and no subject.
			rest = strings.TrimSuffix(rest[:m[0]], "在") + " " + rest[m[1]+loc[1]:]
		} else if !baseBefore(rest[:m[0]]) {
			// A base alone (跟1957年比，…涨了几倍) asks of the report's
			// own time, which the figure's sentence dates.
			q.Year, _ = strconv.Atoi(rest[m[2]:m[3]])
			rest = rest[:m[0]] + " " + rest[m[1]:]
		}
	}
	// Further years are the base of a comparison (比1952年增长): no subject.
	for _, m := range slices.Backward(questionYears(rest)) {
		rest = rest[:m[0]] + " " + rest[m[1]:]
	}
	// 1到9月, 到10月底: a part of the year, read from the question when
	// figures are dated (subperiodOf); no subject.
	rest = reMonthQ.ReplaceAllString(reSubperiod.ReplaceAllString(rest, " "), " ")
	// 七五期间, “十四五”时期: a period, not a subject.
	rest = reFiveYear.ReplaceAllString(rest, " ")
	// 那一千多亿的债务里, 上百万人: a rough size the asker has in mind
	// describes the thing, and names no subject.
	rest = dropRoughAmounts(rest)
	// 这几年一共拆了多少台: a span of time, not what is asked.
	rest = reFewYears.ReplaceAllString(rest, " ")
	// 增长了百分之几: a rate.
	if reAskPercent.MatchString(rest) {
		q.Class = "percent"
		rest = reAskPercent.ReplaceAllString(rest, " 多少")
	}
	if reDataSource.MatchString(rest) {
		q.Kind = KindText
		rest = reDataSource.ReplaceAllString(rest, " 来自 ")
	}
	// 占了多大比例: a share, however the share is named.
	if reAskShare.MatchString(rest) {
		q.Class = "percent"
		rest = reAskShare.ReplaceAllString(rest, " 多少")
	}
	rest = a.relativeYear(q, rest)
	// 争取到了 is what was won, 目标完成了 how far an aim was met: no aim.
	aims := wonWords.Replace(rest)
	for _, w := range planWords {
		if strings.Contains(aims, w) {
			q.Plan = true
		}
	}
	if reWillZh.MatchString(rest) || reBudgeted.MatchString(rest) || reWillVerb.MatchString(rest) {
		q.Plan = true // 今年要引进多少; 预算里安排了多少
	}
	if reBudgetFigure.MatchString(rest) && !strings.Contains(rest, "执行") && !strings.Contains(rest, "完成") {
		// 收入预算调到多少了, 年初预算是多少: the sum budgeted, a plan
		// (预算收入 is the revenue itself).
		q.Plan = true
	}
	// 为了抗疫: "in order to", no aspect; 安排了多少: the plan made.
	tensed := notDone.Replace(aims)
	// 现在公园总共有多少个了: the 了 after the ask says "by now", no deed.
	tensed = reStockParticle.ReplaceAllString(tensed, "$1")
	// 出了滑坡事故以后: the event the question starts from is no deed asked.
	tensed = reAfterEventNoun.ReplaceAllString(reAfterEvent.ReplaceAllString(tensed, ""), "")
	for _, w := range doneWords {
		if strings.Contains(tensed, w) {
			q.Done = true
		}
	}
	if q.Plan {
		q.Done = false
	}
	for _, w := range qualifierWords {
		if i := strings.Index(rest, w); i >= 0 && !sizeModifier(rest[:i]) {
			q.Qualify = w
			break
		}
	}
	// 按美元算, 折合美元: the currency the figure is asked in.
	if m := reCurrencyBasis.FindStringSubmatchIndex(rest); m != nil {
		q.Unit, q.UnitSoft, q.Class = currencyUnits[rest[m[2]:m[3]]], false, "money"
		rest = rest[:m[0]] + " " + rest[m[1]:]
	}
	// The unit asked for: 多少张, 几座, 多少亿元, 多少万人; said in
	// everyday words: 多少块钱, 几个亿.
	rest = a.everydayUnits(q, rest)
	if loc := reAskUnit.FindStringIndex(rest); loc != nil {
		j := loc[1]
		scale, n := scaleAt(rest, j)
		if n > 0 {
			q.Scale = scale
		}
		if u, un := unitAt(rest, j+n); un > 0 && hasPrefixAny(rest[j+n:], unitLikeWords) == "" {
			if u2, un2 := unitAt(rest, j+n+un); u == "个" && utf8.RuneCountInString(rest[j+n+un:j+n+un+un2]) >= 2 && strings.HasSuffix(u2, "次") {
				// 多少个航次, 几个班次: the trips are the unit.
				u, un = u2, un+un2
			}
			q.Unit = u
			if strings.HasPrefix(rest[j+n:j+n+un], u) {
				// 多少所学校: the unit is 所, and 学校 the subject.
				un = len(u)
			}
			if u == "人" && hasPrefixAny(rest[j+n:], peopleNouns) != "" {
				un = 0 // 多少人口: the unit is 人, and 人口 the subject
			}
			if w := rest[j+n : j+n+un]; strings.Contains("床村镇乡", w) && isHan(firstRune(rest[j+n+un:])) {
				un = 0 // 多少床位: the unit is 张, and 床位 the subject
			}
			rest = rest[:loc[0]] + " " + rest[j+n+un:]
		} else if strings.HasPrefix(rest[j:], "钱") {
			q.Class = "money"
			rest = rest[:loc[0]] + " " + rest[j+len("钱"):]
		} else if n > 0 {
			// 多少亿, 几万: a scale without its unit names no subject;
			// what is counted says the unit (亿 of a budget is 亿元).
			rest = rest[:loc[0]] + " " + rest[j+n:]
		}
	}
	if strings.Contains(rest, "百分之") || strings.Contains(rest, "百分点") || strings.Contains(rest, "百分比") {
		q.Class = "percent"
	}
	// What the question leaves out (不含补助下级、还本这些) is no subject.
	rest = dropExcluded(rest)
	// Why, what for: answered with the sentence that says.
	rest = markAsk(q, rest)
	// Which ones (哪几个地方, 哪五定, 哪两步): the things, not how many.
	if q.Kind == KindNumber && reWhichFew.MatchString(s) && !strings.Contains(s, "多少") && !strings.Contains(s, "多大") {
		q.Kind = KindText
	}
	// Who, which, how: answered with a sentence.
	if q.Kind == KindNumber && q.Unit == "" && !strings.ContainsAny(s, "多少几") && !strings.Contains(s, "多大") {
		if strings.ContainsAny(s, "谁哪") || strings.Contains(s, "怎样") || strings.Contains(s, "怎么") || strings.Contains(s, "如何") || strings.Contains(s, "什么") {
			q.Kind = KindText
		}
	}
	// The basis a figure is asked on (（一般公共预算口径）, 按可比口径计算)
	// is named by the words before 口径; 口径 itself is no subject (统计
	// 口径有啥变化 asks about the basis, and keeps it).
	rest = reBasisAside.ReplaceAllString(rest, "$1$2")
	// A scope (全市, 市本级), a place named in the question, or a level
	// (全区, 全省).
	q.Levels = levelsOf(s, levelWordsZh)
	q.Scope, rest = a.questionScope(rest)
	rest = a.findPlaces(q, rest)
	// 能看病的医院, 买房交的契税: a clause that says what the thing is for
	// or how it comes about describes it; the thing is asked, the clause
	// helps as an aside does.
	rest, clause := a.relativeClause(rest)
	// 修路修桥这些基础设施投资: examples of the thing asked help as an
	// aside does.
	rest, ex := a.examples(rest)
	clause = strings.TrimSpace(clause + " " + ex)
	// 大鹏新区2015年GDP: a functional area the gazetteer does not hold,
	// which a question for a figure opens with, is its scene, which the
	// report's sentences seldom repeat; it helps as an aside does. (新区
	// after a place found, 光明新区, stays: the report calls itself so.)
	if m := reZoneTopic.FindStringSubmatchIndex(rest); m != nil && q.Kind == KindNumber {
		clause = strings.TrimSpace(clause + " " + rest[m[2]:m[3]])
		rest = rest[:m[2]] + " " + rest[m[3]:]
	}
	// 出了滑坡事故以后，…: the event the question starts from sets the
	// scene; it helps as an aside does.
	if m := reAfterEvent.FindStringSubmatchIndex(rest); m != nil {
		clause = strings.TrimSpace(clause + " " + rest[m[2]:m[3]])
		rest = rest[:m[0]] + " " + rest[m[1]:]
	} else if m := reAfterEventNoun.FindStringSubmatchIndex(rest); m != nil {
		// 汶川地震后中央财政安排…: an event named by its noun, no verb.
		clause = strings.TrimSpace(clause + " " + rest[m[2]:m[3]])
		rest = rest[:m[0]] + " " + rest[m[1]:]
	}
	// 为了顶住亚洲金融危机，…: the purpose the question opens with sets
	// the scene as well.
	if m := rePurposeFirst.FindStringSubmatchIndex(rest); m != nil {
		clause = strings.TrimSpace(clause + " " + rest[m[2]:m[3]])
		rest = rest[:m[0]] + " " + rest[m[1]:]
	}
	// 发了多少亿政府债券来缓解债务压力: the purpose the question ends
	// with, after what it asks, helps as the one it opens with does.
	if m := rePurposeLast.FindStringSubmatch(s); m != nil {
		if i := strings.LastIndex(rest, "来"+m[1]); i >= 0 {
			clause = strings.TrimSpace(clause + " " + m[1])
			rest = rest[:i] + " " + rest[i+len("来"+m[1]):]
		}
	}
	// 哪两个县, 哪几所大学, 哪一类: the count the answer lists is the
	// question's frame, the noun after it the subject; the count helps
	// as an aside does (分别采取…三种管理办法).
	if q.Kind != KindDefinition {
		for _, m := range reWhichCount.FindAllStringSubmatch(rest, -1) {
			if m[1] != "几" {
				clause = strings.TrimSpace(clause + " " + m[1] + m[2])
			}
		}
		rest = reWhichCount.ReplaceAllString(rest, " ")
	}
	for _, w := range questionWords {
		rest = strings.ReplaceAll(rest, w, " ")
	}
	if q.Kind == KindDefinition {
		frame := ""
		// What the question says before the term (总体思路里的“五个做”)
		// finds the sentence that says it when the reports define nothing;
		// after it comes the ask (具体指什么).
		if i := strings.Index(rest, q.Term); i > 0 {
			frame = rest[:i]
		}
		rest = q.Term + " " + frame
	}
	// What the question adds in brackets (地铁（含有轨电车）, 卖地收入（国有
	// 土地出让收入）) restates or qualifies a word: it helps, it is not required.
	rest, aside := splitAsides(rest)
	// 因为大规模退税，年中把收入预算调到多少了: a clause giving the reason
	// the asker supposes tells the occasion; it helps, it is not asked.
	if m := reReasonLead.FindStringSubmatchIndex(rest); m != nil && q.Kind == KindNumber {
		aside = strings.TrimSpace(aside + " " + rest[m[2]:m[3]])
		rest = rest[:m[0]] + " " + rest[m[1]:]
	}
	if clause != "" {
		aside = strings.TrimSpace(aside + " " + clause)
	}
	// 占总支出多大比例: the base of a share, which reports often leave
	// unsaid (民生支出4888.3亿元，占比74%), helps and is not required.
	if m := reShareBase.FindStringSubmatchIndex(strings.TrimSpace(rest)); q.Class == "percent" && m != nil {
		rest = strings.TrimSpace(rest)
		aside = strings.TrimSpace(aside + " " + rest[m[2]:m[3]])
		rest = rest[:m[2]] + " " + rest[m[3]:]
	} else if m := reShareIn.FindStringSubmatchIndex(strings.TrimSpace(rest)); m != nil {
		// 税收在财政收入里占几成: the base, put before 占.
		rest = strings.TrimSpace(rest)
		aside = strings.TrimSpace(aside + " " + rest[m[2]:m[3]])
		rest = rest[:m[2]] + " " + rest[m[3]:]
	}
	a.concepts(q, rest)
	n := len(q.Concepts)
	a.concepts(q, aside)
	for i := n; i < len(q.Concepts); i++ {
		q.Concepts[i].Optional = true
	}
	// 要是把留抵退税的影响扣掉，…涨了百分之几: a figure on a like-for-like
	// basis, as reports write it (同口径增长2.6%, 剔除…因素后增长).
	if reSameBasisQ.MatchString(q.Raw) {
		// The question's own words for the basis (按可比口径算) are the
		// basis concept's, which reports also write 可比下降2.7%.
		q.Concepts = slices.DeleteFunc(q.Concepts, func(c Concept) bool { return sameBasisWords[c.Word] })
		q.Concepts = append(q.Concepts, Concept{Word: "同口径", Alts: sameBasisAlts})
	}
	// 还有哪些不足, 承认有哪些突出问题: reports own their shortcomings in
	// one set way (我们也清醒看到，…还存在不少困难和问题).
	// A question of why (为什么要加强调控，当时有哪些毛病) asks the reasons
	// a measure was taken, which the measure's own words give.
	if q.Kind == KindText && reAskShortcoming.MatchString(s) && !reWhyZh.MatchString(s) && !reSolveProblem.MatchString(s) {
		// The asker's word for the shortcomings (毛病, 难处, 问题) is what
		// is asked, not a word of the answer.
		q.Concepts = slices.DeleteFunc(q.Concepts, func(c Concept) bool { return shortcomingWords[c.Word] })
		q.Concepts = append(q.Concepts, Concept{Word: "清醒看到", Alts: shortcomingAlts})
	}
}

// reSolveProblem asks which problems a measure is to solve (要重点解决什么
// 问题): the measure's own words answer, not the shortcomings owned.
var reSolveProblem = rx.MustCompile(`(?:解决|破解|处理|应对|针对|治理)(?:的)?(?:哪些|什么|啥|哪几个?)(?:突出|主要|明显)?问题`)

// reYearSpanQ is a span of years a question asks over (从1978年到1985年).
var reYearSpanQ = rx.MustCompile(`(?:从|由|自)?(?:(?:19|20)\d{2}\s*年?|今年|明年|本年)\s*(?:到|至|—|－|-|~)\s*(?:19|20)\d{2}\s*(?:年(?:间|期间|这几年|那几年|这段时间)?|这(?:[两三四五六七八九十几]年|几年|段时间)|那(?:几年|段时间))`)

// reShortYear is a year of the last century said short (92年, 七四年);
// shortYears leaves spans alone (70年来, 五六年间).
var reShortYear = rx.MustCompile(`([0-2][0-9]|[5-9][0-9]|[五六七八九][〇零○一二三四五六七八九])年`)

// reHanYear is a year written in Chinese digits (一九五七年, 二〇二四年).
var reHanYear = rx.MustCompile(`[一二][九〇零○][〇零○一二三四五六七八九]{2}年`)

// reMonthQ is a month or months a question names: 10月底, 3到5月.
var reMonthQ = rx.MustCompile(`(?:(?:1[0-2]|[1-9])\s*[-—－~～至到]\s*)?(?:1[0-2]|[1-9])\s*月(?:份|底|末|初)?`)

// reShortSpan is a span of short years whose first lacks its 年: 七四到
// 七六年, 92-95年.
var reShortSpan = rx.MustCompile(`([5-9][0-9]|[五六七八九][〇零○一二三四五六七八九])(到|至|—|－|-|~)([5-9][0-9]|[五六七八九][〇零○一二三四五六七八九])年`)

// shortYears writes the short years of s in full: 92年 → 1992年, 16年 →
// 2016年, 七四到七六年 → 1974年到1976年.
func shortYears(s string) string {
	if !strings.Contains(s, "年") {
		return s
	}
	// 一九五七年, 二〇二四年: a year in Chinese digits, in full.
	s = reHanYear.ReplaceAllStringFunc(s, func(y string) string {
		return strconv.Itoa(report.YearDigits(strings.TrimSuffix(y, "年"))) + "年"
	})
	if m := reShortSpan.FindStringSubmatchIndex(s); m != nil {
		prev, _ := utf8.DecodeLastRuneInString(s[:m[0]])
		if m[0] == 0 || !isDigit(prev) && prev != '.' && !strings.ContainsRune("一二三四五六七八九十〇零百千万第", prev) {
			s = s[:m[0]] + s[m[2]:m[3]] + "年" + s[m[4]:]
		}
	}
	var b strings.Builder
	last := 0
	for _, m := range reShortYear.FindAllStringSubmatchIndex(s, -1) {
		prev, _ := utf8.DecodeLastRuneInString(s[:m[0]])
		next, _ := utf8.DecodeRuneInString(s[m[1]:])
		if m[0] > 0 && (isDigit(prev) || prev == '.' || strings.ContainsRune("一二三四五六七八九十〇零百千万第", prev)) ||
			strings.ContainsRune("来间内后前之多以", next) {
			continue
		}
		century := "19"
		if s[m[2]] <= '2' {
			// 16年粮食总产量: this century's year, unless the words
			// around make it a number of years (近10年, 用20年时间, 这10年).
			if m[0] > 0 && strings.ContainsRune("近这那每满约超过达用花了去续后前内的有共计总", prev) ||
				strings.ContainsRune("半左余个多时期", next) || strings.HasPrefix(s[m[1]:], "的时间") {
				continue
			}
			century = "20"
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(century)
		for _, r := range s[m[2]:m[3]] {
			if d, ok := chineseDigit(r); ok {
				b.WriteByte(byte('0' + d))
			} else {
				b.WriteRune(r)
			}
		}
		b.WriteString("年")
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// reSameBasisQ asks a figure with an effect taken out (把…的影响扣掉,
// 剔除…因素) or on a like-for-like basis (同口径, 可比口径).
var reSameBasisQ = rx.MustCompile(`(?:扣掉|扣除|剔除|去掉|刨去|排除)[^，,。？?]{0,16}(?:影响|因素)|(?:扣掉|扣除|剔除|去掉|刨去|排除)[^，,。？?]{1,8}?(?:以后|之后)|(?:影响|因素)[^，,。？?]{0,4}(?:扣掉|扣除|剔除|去掉|刨去)|同口径|可比口径`)

// sameBasisAlts are the words a like-for-like figure stands by.
var sameBasisAlts = []Alt{{Text: "同口径", Factor: 1}, {Text: "可比口径", Factor: 0.9}, {Text: "剔除", Factor: 0.8}, {Text: "扣除", Factor: 0.8}, {Text: "实际增长", Factor: 0.8}, {Text: "可比", Factor: 0.8}}

// sameBasisWords are a question's words for a like-for-like basis, which
// the basis concept stands for.
var sameBasisWords = map[string]bool{"可比": true, "口径": true, "可比口径": true, "同口径": true, "同比口径": true}

// reAskShortcoming asks what a report owns it falls short in.
var reAskShortcoming = rx.MustCompile(`(?:哪些|什么|啥|哪几个?|哪方面的?)(?:突出|主要|明显)?(?:不足|问题|毛病|短板|困难|难处|难题|挑战|差距|薄弱环节|弱项|隐忧)|(?:不足|毛病|短板|难处|难题|困难|挑战|困难和问题|问题和困难)(?:主要)?(?:有哪些|是什么|在哪|有啥|是啥)|(?:头疼|头痛|棘手|犯愁|发愁)的?(?:问题|事|难处)|难在(?:哪|什么地方|何处)|存在(?:的)?(?:主要|突出)?问题|主要问题(?:有哪些|是什么|是啥|有啥)`)

// shortcomingWords are an asker's words for shortcomings.
var shortcomingWords = map[string]bool{"不足": true, "问题": true, "毛病": true, "短板": true, "困难": true, "难处": true, "难题": true,
	"挑战": true, "差距": true, "薄弱环节": true, "弱项": true, "隐忧": true, "头疼": true, "头痛": true, "棘手": true, "犯愁": true, "发愁": true,
	"困难和问题": true, "问题和困难": true}

// shortcomingAlts are the words a report owns its shortcomings in.
var shortcomingAlts = []Alt{{Text: "清醒看到", Factor: 1}, {Text: "清醒认识到", Factor: 1}, {Text: "清醒地看到", Factor: 1}, {Text: "清醒地认识到", Factor: 1},
	{Text: "困难和问题", Factor: 0.9}, {Text: "问题和不足", Factor: 0.9}, {Text: "问题和困难", Factor: 0.9}, {Text: "困难和挑战", Factor: 0.9},
	{Text: "不少问题", Factor: 0.8}, {Text: "存在一些问题", Factor: 0.8}, {Text: "存在的问题", Factor: 0.8},
	{Text: "也要看到", Factor: 0.7}, {Text: "也应看到", Factor: 0.7}, {Text: "也要清醒看到", Factor: 1}, {Text: "也要清醒地看到", Factor: 1}}

// reAfterEvent opens a question with the event it starts from (出了滑坡
// 事故以后，发生疫情之后，): the words of the event are group 1.
var reAfterEvent = rx.MustCompile(`^\s*(?:自从|在)?(?:出了|发生了|发生|经历了|经历|遭遇了|遭遇|遇到|碰上)([^，,。？?]{2,16}?)(?:以后|之后|过后|后)[，,]`)

// reAfterEventNoun opens a question with an event named by its noun and
// the time after it (汶川地震后, 疫情发生以后，): the event is group 1.
var reAfterEventNoun = rx.MustCompile(`^\s*(?:在)?([^，,。？?\s]{0,8}?(?:` + strings.Join(eventNouns, "|") + `))(?:发生)?(?:以后|之后|过后|后)[，,]?`)

// remarkOpeners open hearsay or an impression added to a question.
var remarkOpeners = []string{"听说", "据说", "听人说", "好像", "貌似", "感觉", "我觉得", "觉得", "印象中", "记得", "我记得"}

// askWordsZh are the words that make a sentence a question.
var askWordsZh = []string{"多少", "几", "什么", "吗", "哪", "怎么", "怎样", "如何", "啥", "谁", "为何", "是否", "有没有", "呢", "多大", "多高", "多长", "多久"}

// rePurposeFirst opens a question with the purpose of what it asks (为了
// 顶住亚洲金融危机，): group 1.
var rePurposeFirst = rx.MustCompile(`^\s*(?:为了|为)([^，,。？?]{2,20}?)[，,]`)

// rePurposeLast ends a question with the purpose of what it asks, after
// the ask (多少亿政府债券来缓解债务压力): group 1. 来 after a verb of
// direction or time (过来, 以来, 下来, 起来, 原来) is no purpose, nor is
// 用来 (多少钱用来扶贫 asks for the money spent on it).
var rePurposeLast = rx.MustCompile(`(?:多少|几)[^，,。？?]*[^以过起下出回进上原将未本后从带看说用]来(\p{Han}{2}[^，,。？?]{0,14}?)[？?]?\s*$`)

// reShareBase is the base of a share a question asks (占总支出多大比例).
var reShareBase = rx.MustCompile(`占(?:了)?([^，。？\s的]{1,12}?)(?:的)?\s*(?:多大|多少|几成|百分之几|比重|比例|百分比|$)`)

// reShareIn is the base of a share a question names before 占 (税收在
// 财政收入里占几成).
var reShareIn = rx.MustCompile(`在([^，。？\s]{2,12}?)(?:里面|当中|里头|里|中)\s*占`)

var reAside = rx.MustCompile(`[(（]([^()（）]*)[)）]`)

// reReasonLead is a clause opening a question with the reason its asker
// supposes (因为大规模退税，), group 1 the reason.
var reReasonLead = rx.MustCompile(`^\s*(?:因为|由于)([^，,。？?]{2,30}?)(?:的影响|影响)?\s*[，,]`)

// splitAsides separates the bracketed parts of a question from the rest.
func splitAsides(s string) (rest, aside string) {
	var parts []string
	rest = reAside.ReplaceAllStringFunc(s, func(m string) string {
		parts = append(parts, reAside.FindStringSubmatch(m)[1])
		return " "
	})
	return rest, strings.Join(parts, " ")
}

// asksMeaning reports whether the ask after a term asks its meaning in so
// many words (是什么意思, 的含义, 指的是什么, 怎么定义, 什么口径), not
// only "what is it" (是什么), which a figure may answer (总量是什么).
func asksMeaning(ask string) bool {
	for _, w := range []string{"意思", "含义", "指", "定义", "界定", "口径", "怎么算", "怎么计算", "如何计算", "怎么统计", "如何统计",
		"怎么得", "如何得", "怎么推算", "如何推算", "怎么来", "哪几", "哪些"} {
		if strings.Contains(ask, w) {
			return true
		}
	}
	return false
}

// hasMeasureWord reports whether a question subject asks for a figure
// (目标, 增速, 总量) rather than a meaning.
func hasMeasureWord(s string) bool {
	// 规模以上工业 names a class of firms, not a size.
	s = strings.ReplaceAll(s, "规模以上", "")
	for _, w := range []string{"目标", "增速", "增长", "总量", "总额", "数量", "规模", "比重", "占比", "率", "多少", "金额", "收入", "产值", "人数"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func cleanTerm(s string) string {
	// “3+4”重点产业，具体指: the pause before the ask is no part of it.
	s = strings.TrimRight(s, " ，,、；;：:")
	// 报告里常说的“三保”到底: the adverb before the ask is no part of it.
	for _, w := range []string{"指的", "说的", "讲的", "到底", "究竟", "具体", "确切", "都", "主要", "一共", "总共"} {
		s = strings.TrimRight(strings.TrimSuffix(strings.TrimSpace(s), w), " ，,、；;：:")
	}
	// 公报注释里的“民间投资”: a term quoted at the end is the term, whatever
	// frame comes before it.
	if i := strings.LastIndex(s, "“"); i > 0 {
		in, after, _ := strings.Cut(s[i+len("“"):], "”")
		if in = strings.TrimSpace(in); strings.TrimSpace(after) == "" && utf8.RuneCountInString(in) >= 2 {
			s = in
		}
	}
	s = strings.Trim(s, " “”\"'‘’「」『』《》()（）")
	// 公报里说的第一产业, 济源统计公报里的工业传统产业, 所谓的六稳: where the
	// term was read is no part of it.
	s = reTermSource.ReplaceAllString(s, "")
	for _, w := range []string{"报告中的", "报告里的", "报告中", "文件中的", "所说的", "提到的", "中的", "里的"} {
		s = strings.TrimPrefix(s, w)
	}
	// “5个1000”行动: the quotes around a part are no part of the term.
	return stripQuotes(strings.Trim(s, " “”\"'‘’「」『』《》"))
}

var quoteStripper = strings.NewReplacer("“", "", "”", "", "\"", "", "「", "", "」", "", "『", "", "』", "")

// stripQuotes removes the quotes in s.
func stripQuotes(s string) string { return quoteStripper.Replace(s) }

// quotedIn reports whether s quotes term whole: “term”, "term", 「term」.
func quotedIn(s, term string) bool {
	for _, q := range [][2]string{{"“", "”"}, {"\"", "\""}, {"「", "」"}, {"『", "』"}, {"‘", "’"}} {
		if strings.Contains(s, q[0]+term+q[1]) {
			return true
		}
	}
	return false
}

// termWithoutPlace strips the place and level a term is asked of
// (江苏省级的三公经费): the reports define the term itself.
func termWithoutPlace(term string) string {
	for _, m := range place.Find(term) {
		if m.Start == 0 {
			term = term[len(m.Text):]
			// 江苏省级: the place's own 省 read into it.
			term = strings.TrimPrefix(strings.TrimPrefix(term, "本级"), "级")
		}
		break
	}
	for _, w := range []string{"省级", "市级", "县级", "区级", "省本级", "市本级", "县本级", "全省", "全市", "全县", "全区"} {
		if rest, ok := strings.CutPrefix(term, w); ok && utf8.RuneCountInString(strings.TrimPrefix(rest, "的")) >= 2 {
			term = rest
			break
		}
	}
	if rest := strings.TrimPrefix(term, "的"); utf8.RuneCountInString(rest) >= 2 {
		return rest
	}
	return term
}

// reWhichOfSet asks which members a numbered set has: 指的是哪三保,
// 到底是哪四闲, 具体是哪三个, 指哪两个, 是保哪六样.
var reWhichOfSet = rx.MustCompile(`(?:是|指|指的是|包括|说的是)\p{Han}?哪([两二三四五六七八九十])(\p{Han}{0,3})[？?]?$`)

// reQuoted is a quoted word.
var reQuoted = rx.MustCompile(`[“"「『]([^“”"「」『』]{2,12})[”"」』]`)

// whichOfSet returns the numbered set a question asks the members of (三保
// for 报告里的“三保”指的是哪三保): the quoted word that starts with the
// set's number, or the number and the word after it; "" when the question
// asks no such thing.
func whichOfSet(s string) string {
	at := reWhichOfSet.FindStringSubmatchIndex(s)
	if at == nil {
		return ""
	}
	num, after := s[at[2]:at[3]], s[at[4]:at[5]] // 三, 保 of 哪三保
	after = strings.TrimSuffix(after, "的")       // 是分哪两步走的
	for _, qm := range reQuoted.FindAllStringSubmatch(s, -1) {
		if strings.HasPrefix(qm[1], num) {
			return qm[1]
		}
	}
	// “天府森林四库”是哪四个库: the quoted name holds the number.
	for _, qm := range reQuoted.FindAllStringSubmatch(s, -1) {
		if strings.Contains(qm[1], num) {
			return qm[1]
		}
	}
	// 三大攻坚战具体是哪三个: the set named before the ask.
	before := strings.TrimRight(s[:at[0]], "，, ")
	for _, w := range []string{"到底", "具体", "究竟", "分别"} {
		before = strings.TrimSuffix(before, w)
	}
	if k := strings.LastIndex(before, num); k >= 0 {
		if n := utf8.RuneCountInString(before[k:]); n >= 2 && n <= 8 {
			return before[k:]
		}
	}
	word := strings.TrimSuffix(strings.TrimSuffix(after, "个"), "项")
	if word == "" || strings.HasPrefix(after, "个") && utf8.RuneCountInString(after) > 1 {
		return "" // 哪两个国家: which ones of a kind, not a named set
	}
	return num + word
}

// reTermSource is the frame before a term a question asks the meaning
// of: where it was read (公报里说的, 报告中提到的, 周口说的) or 所谓.
var reTermSource = rx.MustCompile(`^(?:[^，。？]{0,12}?(?:(?:公报|报告|文件|材料|文中|里面|这里)(?:注释|附注|注解|名词解释)?(?:中|里|上|内)?(?:常|经常|老|总|多次|反复)?(?:所说的|说的|提到的|提的|讲的|写的|的)|所说的|说的|提到的|讲的|写的)|所谓的?|(?:这份|该|本)?(?:公报|报告)(?:注释|附注)?(?:里面|里|中|上|内))`)

// relativeYear reads a year named relative to the report's (去年, 今年)
// into q and returns s without it. The first such word counts, unless it
// is the base of a comparison (比前年, 较上年): 去年比前年涨了多少 asks
// about 去年.
func (a *Analyzer) relativeYear(q *Question, s string) string {
	best, bestAt := -1, len(s)+1
	for i, ry := range relativeYears {
		for from := 0; from < len(s); {
			k := strings.Index(s[from:], ry.word)
			if k < 0 {
				break
			}
			at := from + k
			from = at + len(ry.word)
			if comparedTo(strings.TrimRight(s[:at], " ")) {
				continue
			}
			if ry.word == "上年" && (strings.HasPrefix(s[from:], "结转") || strings.HasPrefix(s[from:], "结余")) {
				// 上年结转 is an item of this year's budget, the money
				// carried into it: a term, no year asked.
				continue
			}
			if at < bestAt {
				best, bestAt = i, at
			}
			break
		}
	}
	if best >= 0 {
		ry := relativeYears[best]
		q.Rel, q.HasRel = ry.rel, true
		s = s[:bestAt] + " " + s[bestAt+len(ry.word):]
	}
	// The base of a comparison (比前年, 比上年) is no subject either.
	for _, r := range relativeYears {
		for from := 0; ; {
			k := strings.Index(s[from:], r.word)
			if k < 0 {
				break
			}
			at := from + k
			before := s[:at]
			if comparedTo(before) {
				_, n := utf8.DecodeLastRuneInString(before)
				s = before[:len(before)-n] + " " + s[at+len(r.word):]
				from = len(before) - n + 1
				continue
			}
			from = at + len(r.word)
		}
	}
	return s
}

// comparedTo reports whether the text before a year word ends with the
// word of a comparison (比, 较, 跟, 和, 与, 同) or of a share (占当年支出的
// 比例): 比上年, 同去年. The last character of a place (大同去年, 共和去年)
// is none.
func comparedTo(before string) bool {
	r, n := utf8.DecodeLastRuneInString(before)
	if n == 0 || !strings.ContainsRune("比较跟和与同占", r) {
		return false
	}
	rest := before[:len(before)-n]
	for k := 1; k <= 3 && len(rest) > 0; k++ {
		// The one to three characters before it and it: a place's name.
		start := len(rest)
		for i := 0; i < k && start > 0; i++ {
			_, m := utf8.DecodeLastRuneInString(rest[:start])
			start -= m
		}
		if len(place.Lookup(before[start:])) > 0 {
			return false
		}
	}
	return true
}

// reExcluded matches what a question leaves out: 不含县区, （不算补助下级、
// 还本这些）, 除去债券.
var reExcluded = rx.MustCompile(`(?:不含|不算|不包括|不计|除去|除了|扣除|刨去|排除|剔除)(?:[^，。？?,（）()]{0,24}?)(?:这些|这类|等|在内|的话|以外|之外|以后|之后|[）)，,？?]|$)`)

// reNotWanted is what a question says first, or in brackets, that it
// does not want: 不要总收入，, （不要预算数）.
var reNotWanted = rx.MustCompile(`(^|[，,（(])不要[^，。？?,（）()]{1,24}?[，,）)]`)

// reNotThat matches what a question says it does not ask (不是辖区那个大
// 口径的数, 而不是预算数); the 不是 of 是不是 is left alone by dropExcluded.
var reNotThat = rx.MustCompile(`(?:而不是|并不是|不是|并非|而非)(?:[^，。？?,（）()]{1,24}?)(?:这些|那些|的数|的|[）)，,？?]|$)`)

// taxDeduction reports whether the 扣除 of match, after before, is a term
// of tax (加计扣除, 税前扣除, 专项附加扣除), not what the question leaves
// out.
func taxDeduction(before, match string) bool {
	return strings.HasPrefix(match, "扣除") && (strings.HasSuffix(before, "加计") || strings.HasSuffix(before, "税前") || strings.HasSuffix(before, "附加"))
}

// dropExcluded removes what a question says it leaves out.
func dropExcluded(s string) string {
	var ex strings.Builder
	last := 0
	for _, m := range reExcluded.FindAllStringIndex(s, -1) {
		if taxDeduction(s[:m[0]], s[m[0]:m[1]]) {
			continue
		}
		ex.WriteString(s[last:m[0]])
		ex.WriteString(" ")
		last = m[1]
	}
	ex.WriteString(s[last:])
	s = ex.String()
	// 不要总收入，…: said first, or in brackets, what is not wanted
	// (以后不要再打麻雀 says what should not be done, and stays).
	s = reNotWanted.ReplaceAllString(s, "$1 ")
	if !strings.Contains(s, "不是") && !strings.Contains(s, "并非") && !strings.Contains(s, "而非") {
		return s
	}
	var b strings.Builder
	last = 0
	for _, m := range reNotThat.FindAllStringIndex(s, -1) {
		if r, _ := utf8.DecodeLastRuneInString(s[:m[0]]); r == '是' {
			continue // 是不是增长了: a yes-or-no question
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(" ")
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// unitFollows reports whether s opens with a unit (多少万亿斤: 万亿 is then
// the scale of 斤, not the 万亿元 of money).
func unitFollows(s string) bool {
	_, n := unitAt(s, 0)
	return n > 0
}

// everydayUnits reads units said in everyday words (多少块钱, 几个亿) and
// returns s without them.
// emptyUnitNouns are the nouns after a unit that name nothing the unit
// does not (元钱, 岁数, 亩地).
var emptyUnitNouns = map[string]bool{"钱": true, "数": true, "地": true, "量": true}

func (a *Analyzer) everydayUnits(q *Question, s string) string {
	for _, wm := range a.Lex.units {
		w, u := wm.from, wm.to
		for _, ask := range []string{"多少", "几"} {
			k := strings.Index(s, ask+w)
			if k >= 0 {
				// 多少平方米 names its unit in full: 平方 alone is no unit then.
				if _, n := unitAt(s, k+len(ask)); n > len(w) {
					continue
				}
			}
			if k >= 0 && q.Unit == "" && !strings.ContainsRune("元以上下", firstRune(s[k+len(ask+w):])) && !unitFollows(s[k+len(ask+w):]) {
				_, sn := scaleAt(u, 0)
				if unit, n := unitAt(u, sn); n > 0 {
					q.Unit = unit
					if sc, n := scaleAt(strings.TrimPrefix(w, "个"), 0); n > 0 && q.Scale == 0 {
						q.Scale = sc // 多少万亿: 2.2万亿元 rather than 3000亿元
					}
					end := k + len(ask+w)
					if rem, ok := strings.CutPrefix(w, unit); ok && (isHan(firstRune(s[end:])) || utf8.RuneCountInString(rem) >= 2 || !emptyUnitNouns[rem]) {
						// 多少张床位: the alias 张床 runs into the word 床位,
						// which stays the subject; so does the noun of 多少家企业,
						// which the classifier does not say (家医院 is no 企业),
						// and that of 多少张床 (医疗卫生机构2798个 has no beds),
						// but the 钱 of 多少元钱.
						end = k + len(ask+unit)
					}
					s = s[:k] + " " + s[end:]
				}
			}
		}
	}
	return s
}

// findPlaces finds the places a question names, with the gazetteer of
// all divisions and the regions of the indexed reports, sets q.Place (the
// most specific) and q.Places, and returns s without them.
func (a *Analyzer) findPlaces(q *Question, s string) string {
	var toks []segment.Token
	quoted := reQuoted.FindAllStringSubmatchIndex(s, -1)
	type base struct {
		start, end int
		with       string
	}
	var bases []base
	for _, m := range strayCounties(place.Find(s)) {
		if w, ok := comparisonBase(s, m); ok {
			// 比新乡全市高了几个百分点: the place compared with, which
			// the reports call by its level (高出全市1.1个百分点), is not
			// the place asked of.
			bases = append(bases, base{m.Start, m.End, w})
			continue
		}
		if quotedWithin(quoted, m.Start, m.End) {
			// “深圳质量”, “龙华模式”: a name the question quotes whole,
			// which the place only opens; the report writes it so.
			continue
		}
		if eventNamed(s[m.End:]) {
			// 汶川地震, 杭州亚运会: the place names an event, and the
			// question asks of wherever the reports tell of it.
			continue
		}
		full := m.Full()
		if !full && (aspectWords[m.Text] || a.Lex.Verb(m.Text)) {
			// 新建 of 新建改建农村公路: a short name that is a verb of the
			// reports (新建区's) names the place only written in full.
			continue
		}
		if !full && !higherLevel(m.Divisions) {
			// 朝阳 of 朝阳产业: a short county or district name counts only
			// as a word of its own.
			if toks == nil {
				toks = a.Seg.Segment(s)
			}
			if !isToken(toks, m.Start, m.End) || a.straddles(s, m.Start, m.End) || inLongerWord(s, toks, m.Start, m.End) {
				continue
			}
		}
		q.Places = append(q.Places, m.Text)
		if q.Place == "" || deeper(m.Divisions, place.Lookup(q.Place)) {
			q.Place = m.Text
		}
	}
	for i := len(bases) - 1; i >= 0; i-- {
		s = s[:bases[i].start] + bases[i].with + s[bases[i].end:]
	}
	if len(q.Places) == 0 {
		var p string
		p, s = a.findPlace(s)
		if p != "" {
			q.Place, q.Places = p, []string{p}
		}
		return s
	}
	for _, p := range q.Places {
		s = strings.Replace(s, p, " ", 1)
	}
	return s
}

// comparisonMarks open the place a figure is compared with: 比新乡, 高于全省.
var comparisonMarks = []string{"比", "较", "高于", "低于", "快于", "慢于", "高出", "跑赢"}

// comparisonBase reports whether the place m of s is what the question
// compares with (比新乡全市, 高于河南全省), and returns what the reports call
// it: its level's whole (全市, 全省, 全国), or "" when the question says
// that itself.
func comparisonBase(s string, m place.Mention) (string, bool) {
	before := strings.TrimRight(s[:m.Start], " ")
	if !slices.ContainsFunc(comparisonMarks, func(w string) bool { return strings.HasSuffix(before, w) }) || len(m.Divisions) == 0 {
		return "", false
	}
	after := s[m.End:]
	if strings.HasPrefix(after, "全") || strings.HasPrefix(after, "平均") {
		return "", true
	}
	switch m.Divisions[0].Level {
	case place.Province:
		return "全省", true
	case place.City:
		return "全市", true
	case place.National:
		return "全国", true
	}
	return "", false
}

// quotedWithin reports whether [start, end) lies inside one of the quoted
// words (reQuoted's submatch spans) and is not all of it.
func quotedWithin(quoted [][]int, start, end int) bool {
	return slices.ContainsFunc(quoted, func(q []int) bool { return q[2] <= start && end <= q[3] && q[3]-q[2] > end-start })
}

// straddles reports whether the short name at [start, end) of s is cut
// from two words across it (海港 of 沿海港口): its first character ends a
// word with the one before, its last opens a word with the one after.
func (a *Analyzer) straddles(s string, start, end int) bool {
	before, n := utf8.DecodeLastRuneInString(s[:start])
	after, m := utf8.DecodeRuneInString(s[end:])
	if n == 0 || m == 0 || !isHan(before) || !isHan(after) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s[start:])
	last, _ := utf8.DecodeLastRuneInString(s[:end])
	return a.knownWord(string(before)+string(first)) && a.knownWord(string(last)+string(after))
}

// eventNouns are what a place names when it names an event (汶川地震,
// 上海世博会) rather than where a question asks.
var eventNouns = []string{"特大地震", "大地震", "地震", "洪水", "洪灾", "水灾", "台风", "泥石流", "疫情", "事故", "爆炸",
	"峰会", "博览会", "世博会", "亚运会", "奥运会", "冬奥会", "大运会", "运动会", "全运会"}

// eventNamed reports whether s, the text after a place, opens with an
// event's noun (汶川 + 地震).
func eventNamed(s string) bool {
	return hasPrefixAny(strings.TrimLeft(s, " "), eventNouns) != ""
}

// strayCounties drops the short county names (惠民 of 惠民补贴) that lie
// in none of the provinces and cities the same text names (信阳): a
// question names a county inside the region it asks of.
func strayCounties(ms []place.Mention) []place.Mention {
	var higher []place.Mention
	for _, m := range ms {
		if higherLevel(m.Divisions) {
			higher = append(higher, m)
		}
	}
	if len(higher) == 0 {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		if m.Full() || higherLevel(m.Divisions) || slices.ContainsFunc(higher, func(h place.Mention) bool { return within(m.Divisions, h.Divisions) }) {
			out = append(out, m)
		}
	}
	return out
}

// within reports whether one of the divisions a lies in one of b.
func within(a, b []*place.Division) bool {
	for _, d := range a {
		for _, o := range b {
			if d.Within(o) {
				return true
			}
		}
	}
	return false
}

// higherLevel reports whether a name may mean a province or a city.
func higherLevel(ds []*place.Division) bool {
	for _, d := range ds {
		if d.Level == place.Province || d.Level == place.City || d.Level == place.National {
			return true
		}
	}
	return false
}

// deeper reports whether the divisions a lie below those of b.
func deeper(a, b []*place.Division) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(b) == 0
	}
	return rank(a[0]) > rank(b[0])
}

func rank(d *place.Division) int {
	return map[string]int{place.National: 0, place.Province: 1, place.City: 2, place.County: 3, place.District: 3, place.Zone: 4}[d.Level]
}

// isToken reports whether the segmenter made [start, end) a word.
func isToken(toks []segment.Token, start, end int) bool {
	for _, t := range toks {
		if t.Start == start && t.End == end {
			return true
		}
	}
	return false
}

// singles reports whether the segmenter cut [start, end) into single
// characters, no token crossing its ends: a name it does not know (坪山 of
// 2016年坪山保障性住房, cut 坪 + 山).
func singles(toks []segment.Token, start, end int) bool {
	seen := false
	for _, t := range toks {
		if t.End <= start || t.Start >= end {
			continue
		}
		if t.Start < start || t.End > end || t.End-t.Start > utf8.UTFMax {
			return false
		}
		seen = true
	}
	return seen
}

// inLongerWord reports whether a token of s longer than [start, end)
// covers it and ends in no division's suffix: 长白山 over 长白 names a
// mountain, 长白县 the county.
func inLongerWord(s string, toks []segment.Token, start, end int) bool {
	for _, t := range toks {
		if t.Start <= start && t.End >= end && t.End-t.Start > end-start {
			last, _ := utf8.DecodeLastRuneInString(s[t.Start:t.End])
			if !strings.ContainsRune("省市县区州旗镇乡盟", last) {
				return true
			}
		}
	}
	return false
}

// findPlace finds a place name in s: a province, or the region of an
// indexed report. It returns the place and s without it.
func (a *Analyzer) findPlace(s string) (string, string) {
	var places []string
	if a.Places != nil {
		places = a.Places()
	}
	best := ""
	var toks []segment.Token
	quoted := reQuoted.FindAllStringSubmatchIndex(s, -1)
	for _, p := range places {
		forms := report.PlaceForms(p)
		n := len(forms)
		forms = append(forms, report.CommonPlaceForms(p)...)
		for i, form := range forms {
			k := strings.Index(s, form)
			if len(form) <= len(best) || k < 0 || quotedWithin(quoted, k, k+len(form)) {
				continue
			}
			if i >= n && !atTopic(s[:k]) {
				// 光明 of 光明区 is an ordinary word (bright) but for the
				// topic a question opens with: 2025年光明计划新增多少张床位.
				continue
			}
			if utf8.RuneCountInString(form) <= 2 {
				// 海港 of 沿海港口: a short name counts only as a word of
				// its own.
				if toks == nil {
					toks = a.Seg.Segment(s)
				}
				// 坪山 of 2016年坪山保障性住房, cut 坪 + 山: the region of a
				// report, which the segmenter does not know, still counts.
				if !isToken(toks, k, k+len(form)) && (!singles(toks, k, k+len(form)) || a.straddles(s, k, k+len(form))) {
					continue
				}
			}
			best = form
		}
	}
	if best == "" {
		return "", s
	}
	return best, strings.Replace(s, best, " ", 1)
}

// atTopic reports whether what stands before a name in a question is
// at most a time (2025年, 去年) and punctuation: the name opens the
// question, as its topic.
func atTopic(before string) bool {
	return reTopicLead.MatchString(before)
}

// topicLead is what may stand before a question's topic: a time (2025年,
// 去年) and punctuation.
const topicLead = `^(?:[\s\p{P}\d]|年|今年|去年|明年|前年|上年|本年|这一年)*`

var reTopicLead = rx.MustCompile(topicLead + `$`)

// reZoneTopic is a functional area (新区, 开发区, 高新区) a question opens
// with, a time before it at most.
var reZoneTopic = rx.MustCompile(topicLead + `(\p{Han}{1,6}?(?:新区|开发区|高新区|经开区|管理区|实验区|试验区|示范区))`)

// reTownOwnLevel is a township's name run into its own level (中楼乡乡本级,
// 敖东镇镇本级), which the segmenter would cut across (中楼 + 乡乡).
var reTownOwnLevel = rx.MustCompile(`\p{Han}(?:乡乡|镇镇)(?:本级|级|里|政府)`)

// partTownLevel parts a township's name from its own level run into it
// (reTownOwnLevel).
func partTownLevel(s string) string {
	return reTownOwnLevel.ReplaceAllStringFunc(s, func(m string) string {
		k := strings.IndexAny(m, "乡镇") + len("乡")
		return m[:k] + " " + m[k:]
	})
}

// partTaxVerb parts a tax from the verb that collects it (reTaxCollected).
func partTaxVerb(s string) string { return reTaxCollected.ReplaceAllString(s, "${1}税 收${2}") }

// levelWord is a word that implies an administrative level.
type levelWord struct {
	word   string
	levels []string
}

var levelWordsZh = []levelWord{
	{"全区", []string{"district"}}, {"我区", []string{"district"}}, {"本区", []string{"district"}}, {"该区", []string{"district"}},
	{"全县", []string{"county"}}, {"我县", []string{"county"}}, {"本县", []string{"county"}},
	{"全省", []string{"province"}}, {"我省", []string{"province"}}, {"本省", []string{"province"}},
	{"全市", []string{"city", "province"}}, {"我市", []string{"city", "province"}}, {"本市", []string{"city", "province"}},
	{"全国", []string{"national"}}, {"我国", []string{"national"}}, {"国务院", []string{"national"}},
}

var levelWordsEn = []levelWord{
	{" district ", []string{"district"}}, {" county ", []string{"county"}}, {" province ", []string{"province"}},
	{" provincial ", []string{"province"}}, {" city ", []string{"city", "province"}}, {" municipal ", []string{"city", "province"}},
	{" national ", []string{"national"}}, {" nationwide ", []string{"national"}}, {" country ", []string{"national"}},
	{" china ", []string{"national"}},
}

func levelsOf(s string, words []levelWord) []string {
	for _, lw := range words {
		if strings.Contains(s, lw.word) {
			return lw.levels
		}
	}
	return nil
}

// concepts segments the subject text of a question into concepts.
func (a *Analyzer) concepts(q *Question, rest string) {
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return
	}
	type word struct {
		text string
		subs []string
	}
	var words []word
	// PM2.5: a Latin name with a decimal is one word, which the
	// segmenter would cut at its point.
	rest = reLatinDecimal.ReplaceAllString(rest, " $0 ")
	// “岚台乡音”, “深圳质量”: a name the question quotes is one word, its
	// segments the parts of it.
	quoted := map[string]bool{}
	for _, m := range reQuoted.FindAllStringSubmatch(rest, -1) {
		if utf8.RuneCountInString(m[1]) >= 4 && !strings.ContainsAny(m[1], " 0123456789") {
			quoted[m[1]] = true
			rest = strings.Replace(rest, m[0], " "+m[1]+" ", 1)
		}
	}
	for _, part := range strings.Fields(rest) {
		if reLatinDecimal.FindString(part) == part {
			words = append(words, word{text: part})
			continue
		}
		if quoted[part] {
			w := word{text: part}
			for _, t := range a.Seg.Segment(part) {
				if sub := part[t.Start:t.End]; sub != part {
					w.subs = append(w.subs, sub)
				}
			}
			words = append(words, w)
			continue
		}
		toks := a.Seg.Segment(part)
		byPos := map[int]*word{}
		var order []int
		for _, t := range toks {
			w := part[t.Start:t.End]
			cur, ok := byPos[t.Pos]
			if !ok {
				cur = &word{}
				byPos[t.Pos] = cur
				order = append(order, t.Pos)
			}
			if len(w) > len(cur.text) {
				if cur.text != "" {
					cur.subs = append(cur.subs, cur.text)
				}
				cur.text = w
			} else {
				cur.subs = append(cur.subs, w)
			}
		}
		for _, p := range order {
			words = append(words, *byPos[p])
		}
	}
	// A term the segmenter glued to the asker's verb (固投涨: 固投 and 涨)
	// is cut where the lexicon knows the term, and so is an adverb it
	// glued to one (各涨, 只涨, 新减: the verb is asked, the adverb says
	// how).
	for i := 0; i < len(words); i++ {
		w := words[i].text
		r, size := utf8.DecodeLastRuneInString(w)
		head := w[:len(w)-size]
		if !strings.ContainsRune(changeChars, r) || a.Lex.Known(w) {
			continue
		}
		n := utf8.RuneCountInString(head)
		term := n >= 2 && a.Lex.Known(head)                                    // 固投涨
		adverb := n == 1 && strings.ContainsRune(verbAdverbs, firstRune(head)) // 各涨
		if !term && !adverb {
			continue
		}
		words[i] = word{text: head}
		words = slices.Insert(words, i+1, word{text: w[len(head):]})
		i++
	}
	// A term the segmenter cut across a word (一般/公共/预算赤字: the
	// term 一般公共预算 and 赤字) is cut again where the lexicon knows the
	// term and the rest of the word as a word of its own.
	for i := 1; i < len(words); i++ {
		w := words[i].text
		if a.Lex.Known(w) {
			continue // 城乡/低保标准: the word is a term itself
		}
		for k := len(w) - 1; k > 0; k-- {
			if !utf8.RuneStart(w[k]) {
				continue
			}
			head, tail := w[:k], w[k:]
			// The tail is a word of its own, or one character of the
			// asker's loose syntax (专项/债来支持: 专项债 and 来).
			if !(utf8.RuneCountInString(tail) >= 2 && a.knownWord(tail)) &&
				!(utf8.RuneCountInString(w) == 2 && strings.Contains(looseChars, tail)) {
				continue
			}
			n, merged := 0, ""
			for m := min(3, i); m >= 1 && n == 0; m-- {
				before := ""
				for _, x := range words[i-m : i] {
					before += x.text
				}
				if a.Lex.Known(before+head) && !a.Lex.Known(before) {
					n, merged = m, before
				}
			}
			if n == 0 {
				continue
			}
			var subs []string
			for _, x := range words[i-n : i] {
				subs = append(subs, x.text)
			}
			words[i-n] = word{text: merged + head, subs: append(subs, head)}
			if strings.Contains(glueChars, tail) {
				// 专项债来支持: 来 only joins the thing to its use.
				words = append(words[:i-n+1], words[i+1:]...)
				i = i - n
				break
			}
			words[i-n+1] = word{text: tail}
			words = append(words[:i-n+2], words[i+1:]...)
			i = i - n + 1
			break
		}
	}
	// Words the lexicon knows as one term stay one concept: 人均 + GDP.
	for i := 0; i+1 < len(words); i++ {
		for n := min(4, len(words)-i); n >= 2; n-- {
			merged := ""
			for _, w := range words[i : i+n] {
				merged += w.text
			}
			if len(a.Lex.Alternatives(merged)) == 0 {
				continue
			}
			var subs []string
			for _, w := range words[i : i+n] {
				subs = append(subs, w.text)
			}
			words[i] = word{text: merged, subs: subs}
			words = append(words[:i+1], words[i+n:]...)
			break
		}
	}
	// A rate the segmenter cut from its word (办结/率, 达标/率) is one term:
	// reports write it whole (办结率99.26%).
	// So is one glued to the word after it (财政赤字/率定的是多少): the
	// rest is the asker's verb.
	for i := 1; i < len(words); i++ {
		glued := utf8.RuneCountInString(words[i].text) == 2 && strings.HasPrefix(words[i].text, "率") && !rateWords[words[i].text]
		if (words[i].text == "率" || glued) && utf8.RuneCountInString(words[i-1].text) >= 2 && isHanString(words[i-1].text) {
			words[i-1] = word{text: words[i-1].text + "率", subs: []string{words[i-1].text, "率"}}
			words = append(words[:i], words[i+1:]...)
			i--
		}
	}
	verbs := map[string]bool{}
	empty := map[string]bool{}   // words of no content by their part of speech
	verbish := map[string]bool{} // words the tagger reads as verbs or adjectives
	for _, wt := range a.wordTags(rest) {
		w, tag := wt[0], wt[1]
		if strings.HasPrefix(tag, "v") || tag == "a" || tag == "ad" || tag == "l" {
			verbish[w] = true
		}
		// Short verbs say what happened to the thing: 实施, 改建.
		if (tag == "v" || tag == "vd") && utf8.RuneCountInString(w) <= 2 && a.Lex.WordHint(w) == "" && !a.Lex.Noun(w) {
			verbs[w] = true
		}
		// Adverbs, pronouns, particles, time and direction words
		// (究竟, 这些, 目前, 上) say nothing of the thing asked about,
		// unless the lexicon knows them as report words.
		// 本级 of 本级收入 (a balance table's revenue raised at the level it
		// is of, beside the transfers) is part of the term.
		ownFlow := w == "本级" && (strings.Contains(rest, "本级收入") || strings.Contains(rest, "本级支出"))
		if emptyTag(tag) && !aspectWords[w] && len(a.Lex.Alternatives(w)) == 0 && a.Lex.WordHint(w) == "" && !ownFlow {
			empty[w] = true
		}
	}
	seen := map[string]bool{}
	for wi, w := range words {
		if a.Lex.Filler(w.text) || empty[w.text] {
			continue
		}
		aspect := (aspectWords[w.text] || verbs[w.text] || a.Lex.Verb(w.text)) && !measureVerbs[w.text]
		if t, ok := strings.CutSuffix(w.text, "目标"); ok && (t == "" || aspectWords[t]) {
			// 控制目标, 预期目标, 增长目标: a target, as 目标 alone says;
			// no thing.
			aspect = true
		}
		if (w.text == "实际" || w.text == "名义") && wi+1 < len(words) && growthVerbs[strings.TrimRight(words[wi+1].text, "了过")] {
			// 实际增长, 实际涨了: real growth, a manner of the change, no
			// thing.
			aspect = true
		}
		reached := false    // a verb glued to 到 (炼到): 达到 says it too
		lessMore := rune(0) // 少 of 少交, 多 of 多花
		// 要花, 将建: a modal before a verb the lexicon knows (a plan, read
		// above) leaves the verb.
		if r := []rune(w.text); len(r) >= 2 && strings.ContainsRune("要将会能可", r[0]) {
			// 要开 (多少班): so too a modal glued to any verb into a word
			// no report writes.
			if rest := string(r[1:]); a.Lex.Verb(rest) || aspectWords[rest] || len(r) == 2 && (r[0] == '要' || r[0] == '将') && isHan(r[1]) && (a.unseen(w.text) || asksRightAfter(q.Raw, w.text)) {
				w.text, aspect = rest, true
			}
		}
		// 钢要炼到: a noun glued to the modal after it (钢要) that no
		// report writes is the noun; a verb glued to 到 (炼到) is the
		// verb, an aspect reached (达到).
		if r := []rune(w.text); len(r) == 2 && isHan(r[0]) && a.unseen(w.text) {
			switch {
			case strings.ContainsRune("要将会能", r[1]) && !strings.ContainsRune("要将会能可", r[0]):
				w.text = string(r[0])
			case r[1] == '到' && !strings.ContainsRune("要将会能可", r[0]):
				w.text, aspect = string(r[0]), true
				reached = true
			}
		}
		// 教育上花了: the postposition glued to the verb (上花) that no
		// report writes leaves the verb.
		if r := []rune(w.text); len(r) == 2 && r[0] == '上' && a.unseen(w.text) {
			if rest := string(r[1:]); a.Lex.Verb(rest) || aspectWords[rest] {
				w.text, aspect = rest, true
			}
		}
		// 补给农民的钱有多少: 钱 alone names no thing a report words; it
		// asks a sum of money.
		if w.text == "钱" && q.Unit == "" && (q.Class == "" || q.Class == "money") && reMoneyAsked.MatchString(q.Raw) {
			q.Class = "money"
			continue
		}
		// 那场大灾, 这批项目: a demonstrative with its measure word points
		// at the thing; it names none.
		if r := []rune(w.text); len(r) == 2 && strings.ContainsRune("这那该此", r[0]) && strings.ContainsRune("场次个些批项件回轮年种类块笔条", r[1]) {
			continue
		}
		// 铁路上要投: a postposition glued to a modal (上要, 里还) that no
		// report means as a word is syntax.
		if r := []rune(w.text); len(r) == 2 && strings.ContainsRune("上里中下内", r[0]) && strings.ContainsRune("要将能会还都也就再又", r[1]) {
			continue
		}
		// 产量比 (产量比2024年涨了): a word no report holds, cut from the
		// asker's syntax, whose word without its last or first character
		// the reports do hold. A rate (赤字率) keeps its 率.
		if r := []rune(w.text); len(r) >= 3 && isHanString(w.text) && len(a.Lex.Alternatives(w.text)) == 0 && a.unseen(w.text) && r[len(r)-1] != '率' {
			if head := string(r[:len(r)-1]); !a.unseen(head) {
				w.text = head
			} else if tail := string(r[1:]); !a.unseen(tail) {
				w.text = tail
			}
		}
		// 少交, 多花: less or more of a deed, a change the reports word
		// as 减轻, 减少 or 增加.
		if r := []rune(w.text); len(r) == 2 && (r[0] == '少' || r[0] == '多') && strings.ContainsRune(lessMoreVerbs, r[1]) {
			aspect, lessMore = true, r[0]
		}
		// 建了, 发过: a verb with its aspect particle is an aspect verb.
		if r := []rune(w.text); len(r) == 2 && (r[1] == '了' || r[1] == '过' || r[1] == '着') {
			w.text, aspect = string(r[:1]), true
		}
		if stopWords[w.text] || seen[w.text] || isPunct(w.text) || rankWords[w.text] {
			continue
		}
		seen[w.text] = true
		c := Concept{Word: w.text, Aspect: aspect, verbish: verbish[w.text] && !a.Lex.Noun(w.text)}
		c.Alts = append(c.Alts, Alt{Text: w.text, Factor: 1})
		switch lessMore {
		case '少':
			c.Alts = append(c.Alts, Alt{Text: "减轻", Factor: 0.85}, Alt{Text: "减少", Factor: 0.85})
		case '多':
			c.Alts = append(c.Alts, Alt{Text: "增加", Factor: 0.85})
		}
		for _, alt := range a.Lex.Alternatives(w.text) {
			if contradicts(w.text, alt.Text) {
				continue // 城镇登记失业率 for 城镇调查失业率
			}
			c.Alts = addAlt(c.Alts, alt)
		}
		if reached {
			c.Alts = addAlt(c.Alts, Alt{Text: "达到", Factor: 0.85})
		}
		// 钢产量: a product's output is written by the product alone in
		// lists of outputs (钢二百十七万吨, 原煤8199万吨).
		if x, ok := strings.CutSuffix(w.text, "产量"); ok && x != "" && utf8.RuneCountInString(x) <= 4 && isHanString(x) {
			c.Alts = addAlt(c.Alts, Alt{Text: x, Factor: 0.8})
		}
		// 粮食总产量 is written 总产 for short (粮食增产42.2亿斤，总产466亿斤).
		if x, ok := strings.CutSuffix(w.text, "总产量"); ok {
			c.Alts = addAlt(c.Alts, Alt{Text: x + "总产", Factor: 0.9})
			if x != "" {
				c.Alts = addAlt(c.Alts, Alt{Text: "总产", Factor: 0.5})
			}
		}
		// 粮食收了多少斤, 一共打了多少粮: a verb of harvest asked in a
		// weight is the output the reports write (总产量, 产量).
		if aspect && harvestVerbs[w.text] && (q.Class == "weight" || UnitClass(q.Unit) == "weight") {
			for _, t := range []string{"产量", "总产量", "总产"} {
				c.Alts = addAlt(c.Alts, Alt{Text: t, Factor: 0.85})
			}
		}
		// The parts of a long word stand for it partly: 养老床位 → 床位.
		n := utf8.RuneCountInString(w.text)
		// 粮食总产量 is 粮食产量 too.
		if k := strings.Index(w.text, "总"); k > 0 && n >= 4 {
			c.Alts = addAlt(c.Alts, Alt{Text: w.text[:k] + w.text[k+len("总"):], Factor: 0.85})
		}
		// 投资总额 is the 投资 a report writes (水利建设投资3562亿元); not
		// 总量, which makes terms of its own (经济总量).
		for _, total := range []string{"总额", "总数"} {
			if x, ok := strings.CutSuffix(w.text, total); ok && utf8.RuneCountInString(x) >= 2 && isHanString(x) {
				c.Alts = addAlt(c.Alts, Alt{Text: x, Factor: 0.85})
			}
		}
		// 鞋子 is the 鞋 of a bulletin's products (鞋9517.8万双).
		if r := []rune(w.text); len(r) == 2 && r[1] == '子' && isHan(r[0]) {
			c.Alts = addAlt(c.Alts, Alt{Text: string(r[0]), Factor: 0.8})
		}
		// 医药行业 is 医药 in a list of industries (医药、建材…等行业), and
		// 建筑行业 the 建筑业 of a bulletin.
		if x, ok := strings.CutSuffix(w.text, "行业"); ok && utf8.RuneCountInString(x) >= 2 {
			c.Alts = addAlt(c.Alts, Alt{Text: x + "业", Factor: 0.95})
			c.Alts = addAlt(c.Alts, Alt{Text: x, Factor: 0.9})
		}
		a.addParts(&c, w.subs)
		q.Concepts = append(q.Concepts, c)
	}
}

// addParts gives c the dictionary words inside its word (粮食, 总产量 of
// 粮食总产量) as parts, and their alternatives, each weighted by the share
// of the word it covers.
func (a *Analyzer) addParts(c *Concept, subs []string) {
	n := utf8.RuneCountInString(c.Word)
	// A word the lexicon knows as a thing and a change of it (经济增长:
	// the GDP's growth) is not found by its parts apart (经济…增长 of
	// 经济类型企业增长).
	known := false
	if terms := a.Lex.Terms(c.Word); a.Lex.Noun(c.Word) && len(terms) > 0 {
		for _, sub := range subs {
			// 了 is a particle, no change.
			if aspectWords[sub] && sub != "了" && !slices.ContainsFunc(terms, func(t string) bool { return strings.Contains(t, sub) }) {
				// 经济增长 is 地区生产总值's growth, worded without 增长;
				// 开工项目 is still worded with 开工 (新开工项目).
				known = true
			}
		}
	}
	if !known {
		for _, p := range leftoverParts(c.Word, subs) {
			loose := !slices.Contains(subs, p)
			latin := ""
			if !loose {
				if w := a.partWord(p); w != p {
					latin, _ = segment.Fold(p)
					p = w
				}
			}
			c.Parts = append(c.Parts, p)
			c.looseParts = append(c.looseParts, loose)
			c.partLatin = append(c.partLatin, latin)
		}
	}
	for _, sub := range subs {
		if stopWords[sub] {
			continue
		}
		f := 0.65 * float64(utf8.RuneCountInString(sub)) / float64(n)
		for _, alt := range a.Lex.Alternatives(sub) {
			if contradicts(c.Word, alt.Text) {
				continue // 户籍人口 for the 人口 of 常住人口
			}
			c.Alts = addAlt(c.Alts, Alt{Text: alt.Text, Factor: f * alt.Factor})
		}
	}
}

// leftoverParts returns the parts of word in the order they stand: the
// dictionary words inside it (subs, but stop words) and the runs of
// characters none of them covers (钢 of 钢产量, whose only dictionary word
// is 产量), so that a sentence with the word's head alone (渔业的产量) does
// not hold all its parts. A run of characters that say little alone (总,
// 新, 年) is left out. Without subs there are no parts.
func leftoverParts(word string, subs []string) []string {
	type part struct {
		at   int
		text string
	}
	var parts []part
	covered := make([]bool, len(word))
	for _, sub := range subs {
		k := strings.Index(word, sub)
		if k < 0 {
			continue
		}
		for i := k; i < k+len(sub); i++ {
			covered[i] = true
		}
		if !stopWords[sub] {
			parts = append(parts, part{k, sub})
		}
	}
	if len(parts) == 0 {
		return nil
	}
	// 通高 of 普通高校 straddles 普通 and 高校, which meet inside it: a cut
	// of the search mode across two words, no part (普通高中 holds it).
	parts = slices.DeleteFunc(parts, func(p part) bool {
		for _, x := range parts {
			for _, y := range parts {
				xe := x.at + len(x.text)
				if x.at < p.at && xe > p.at && xe == y.at && y.at < p.at+len(p.text) && y.at+len(y.text) > p.at+len(p.text) {
					return true
				}
			}
		}
		return false
	})
	for i := 0; i < len(word); {
		if covered[i] {
			i++
			continue
		}
		j := i
		for j < len(word) && !covered[j] {
			j++
		}
		if run := word[i:j]; isHanString(run) && !strings.ContainsAny(run, leftoverSkip) {
			parts = append(parts, part{i, run})
		}
		i = j
	}
	slices.SortStableFunc(parts, func(a, b part) int { return a.at - b.at })
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p.text
	}
	return out
}

// leftoverSkip are characters that, left over beside a word's dictionary
// words, say little of what it names.
const leftoverSkip = "总新全年月日各多大小上下中内外额量数率值度性化型式类级的了和与及等其本该"

// contradicts reports whether alt has the opposite of a modifier word has
// (户籍 against the 常住 of 常住人口, 农村 against 城镇).
func contradicts(word, alt string) bool {
	for _, m := range headModifiers {
		if m.opposites == nil || !strings.Contains(word, m.mod) || strings.Contains(alt, m.mod) {
			continue
		}
		for _, x := range m.opposites {
			if strings.Contains(alt, x) && !strings.Contains(word, x) {
				return true
			}
		}
	}
	return false
}

// partWord is how a part of a concept's word is found in the reports: as
// it stands, or, for a Latin part (gdp of gdp增长), as the shortest of its
// Chinese alternatives, which the reports write (生产总值).
func (a *Analyzer) partWord(sub string) string {
	if hasHan(sub) {
		return sub
	}
	best := sub
	for _, alt := range a.Lex.Alternatives(sub) {
		if alt.Factor >= 0.7 && hasHan(alt.Text) && !strings.ContainsFunc(alt.Text, func(r rune) bool { return r < utf8.RuneSelf }) &&
			(!hasHan(best) || utf8.RuneCountInString(alt.Text) < utf8.RuneCountInString(best)) {
			best = alt.Text
		}
	}
	return best
}

// subwords returns the dictionary words inside word as the segmenter
// cuts it, as the parts of a concept: the words it is made of, or, when
// it is one dictionary word, the shorter words found inside it.
func (a *Analyzer) subwords(word string) []string {
	var tops, inner []string
	top := map[int]int{} // index in tops by position
	for _, t := range a.Seg.Segment(word) {
		w := word[t.Start:t.End]
		k, ok := top[t.Pos]
		switch {
		case !ok:
			top[t.Pos] = len(tops)
			tops = append(tops, w)
		case len(w) > len(tops[k]):
			inner = append(inner, tops[k])
			tops[k] = w
		default:
			inner = append(inner, w)
		}
	}
	if len(tops) > 1 {
		return tops
	}
	return inner
}

// wordTags returns the words of text with their parts of speech (word,
// tag), or nil when the segmenter tags none.
func (a *Analyzer) wordTags(text string) [][2]string {
	tg, ok := a.Seg.(Tagger)
	if !ok {
		return nil
	}
	var out [][2]string
	for _, wt := range tg.Tag(text) {
		if k := strings.LastIndexByte(wt, '/'); k > 0 {
			out = append(out, [2]string{wt[:k], wt[k+1:]})
		}
	}
	return out
}

// emptyTag reports whether a part-of-speech tag of gojieba marks words of
// no content: adverbs (d), pronouns (r), prepositions (p), conjunctions
// (c), particles (u…, y, e, o), time words (t) and directions (f).
func emptyTag(tag string) bool {
	switch tag {
	case "d", "r", "rr", "rz", "p", "c", "y", "e", "o", "t", "f", "zg":
		return true
	}
	return strings.HasPrefix(tag, "u")
}

func isPunct(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// asksRightAfter reports whether the question asks its figure right after
// word w (要开多少班): w is then the verb of the ask.
func asksRightAfter(raw, w string) bool {
	return strings.Contains(raw, w+"多少") || strings.Contains(raw, w+"几")
}

// reLatinDecimal is a Latin name with a decimal: PM2.5.
var reLatinDecimal = rx.MustCompile(`[A-Za-z]+[0-9]+\.[0-9]+`)

// harvestVerbs are the everyday verbs of a harvest or an output: 收, 打
// (粮食打了多少斤), 收获, 出 (出了多少吨煤), 炼 (钢要炼到多少吨).
var harvestVerbs = map[string]bool{"收": true, "打": true, "收获": true, "出": true, "产出": true, "收上来": true, "炼": true, "产": true}

// reTwoAsks is a question that asks two things, clause after clause:
// 有多少，增长了几个点.
// Its first clause asks only if it does once a span of years is set
// aside: 建国头几年，粮食平均每年增长多少 asks one thing.
var reTwoAsks = rx.MustCompile(`^([^，,；;]*(?:多少|几)[^，,；;]*)[，,；;][^，,；;]*(?:多少|几)`)

// reRestateMid is the report's term said again in the middle of a
// question: ，也就是一般公共预算地方收入，.
var reRestateMid = rx.MustCompile(`[，,]\s*(?:也就是|也即|即|就是)(\p{Han}[^，,；;。？?]{1,19})[，,]`)

// reRestateAfter is a question whose second clause asks again, by the
// report's term: 一共花了多少，社会消费品零售总额是多少？
var reRestateAfter = rx.MustCompile(`^([^，,；;]*多少[^，,；;]*)[，,；;]\s*(?:也就是|也即|即|就是)?(\p{Han}[^，,；;多少几]{2,15}?)(?:是|有|为)?(?:多少|几)[？?]?$`)

// reNotRestate holds a word that makes a second ask another question: a
// change, a share, a comparison.
var reNotRestate = rx.MustCompile(`增|涨|降|减|比|占|百分|变化|多了|少了|人均|平均|每`)

// reUnitAskAfter is a question whose second clause asks only the unit of
// the first: 用了多少外资，多少亿美元？
var reUnitAskAfter = rx.MustCompile(`^([^，,；;]*多少[^，,；;]*)[，,；;]\s*(?:大概|大约|约)?(?:是|有)?((?:多少|几)(?:万亿|千亿|百亿|亿|千万|百万|万|千)?\p{Han}{0,4}?)[？?]?$`)

// perUnitConcepts makes the words that say what a question's amount is
// per (每个孩子, 每人每年) aspects of it, found also as reports shorten
// them (每孩, 人均每年): what the amount is of is the subject, and
// whether a figure is per anything is judged apart (see perUnitFigure).
func perUnitConcepts(q *Question, norm string) {
	for i := range q.Concepts {
		c := &q.Concepts[i]
		at := strings.Index(norm, c.Word)
		if at < 0 {
			continue
		}
		before := strings.TrimRight(norm[:at], "个名位")
		// 生了孩子，每个孩子一年能领多少: any mention after 每 counts.
		for from := at + len(c.Word); !strings.HasSuffix(before, "每"); {
			k := strings.Index(norm[from:], c.Word)
			if k < 0 {
				break
			}
			before = strings.TrimRight(norm[:from+k], "个名位")
			from += k + len(c.Word)
		}
		rest, perPerson := perUnitRest(c.Word)
		switch {
		case perPerson:
			// 每人每年, 人均每年; not 人均可支配收入, a measure of its own.
			c.Aspect = true
			for _, w := range []string{"人均" + rest, "每人" + rest, rest + "人均", rest + "每人", "人均"} {
				if w != c.Word && w != "" {
					c.Alts = addAlt(c.Alts, Alt{Text: w, Factor: 0.9})
				}
			}
		case c.Word == "一亩" || c.Word == "一亩地" || c.Word == "亩均":
			// 玉米一亩地能打多少公斤: the yield, which reports call 单产
			// or 亩产.
			c.Aspect = true
			for _, w := range []string{"单产", "亩产", "每亩", "亩均"} {
				c.Alts = addAlt(c.Alts, Alt{Text: w, Factor: 0.9})
			}
		case c.Word == "一平" || c.Word == "一平米" || c.Word == "一平方米" || c.Word == "每平" || c.Word == "每平米":
			// 商品房卖多少钱一平: the price of a square metre, which
			// reports call 均价 (销售均价10978元/㎡).
			c.Aspect = true
			for _, w := range []string{"均价", "每平方米", "单价"} {
				c.Alts = addAlt(c.Alts, Alt{Text: w, Factor: 0.9})
			}
		case strings.HasSuffix(before, "每") && isHanString(c.Word):
			first, _ := utf8.DecodeRuneInString(c.Word)
			c.Aspect = true
			c.Alts = addAlt(c.Alts, Alt{Text: "每" + string(first), Factor: 0.9})
		}
	}
}

// perUnitRest returns the period after 每人 or 人均 in w (每年 of 每人每年,
// "" of 每人 alone), and false for any other word.
func perUnitRest(w string) (string, bool) {
	var rest string
	ok := false
	for _, p := range []string{"每人", "人均", "每个人", "一个人", "一人"} {
		if rest, ok = strings.CutPrefix(w, p); ok {
			break
		}
	}
	switch rest {
	case "", "每年", "每月", "一年", "每天":
		return rest, ok
	}
	return "", false
}

// reAsksPerUnit is a question of an amount per person or thing.
// questionYears returns the matches of reYearQ in s that are years: a
// number of four digits with no 年 after it that a classifier or a unit
// follows (2000个省级重点项目, 2000万元) counts something.
func questionYears(s string) [][]int {
	ms := reYearQ.FindAllStringSubmatchIndex(s, -1)
	out := ms[:0]
	for _, m := range ms {
		if !strings.Contains(s[m[3]:m[1]], "年") {
			r, _ := utf8.DecodeRuneInString(s[m[1]:])
			if r >= '0' && r <= '9' || r == '.' || r == '%' || unicode.Is(unicode.Han, r) && !strings.ContainsRune("到至和与或及前后以这那全整当上下的", r) {
				continue
			}
		}
		out = append(out, m)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// reAsksBefore asks for the state before a change: 改革之前, 原来有.
var reAsksBefore = rx.MustCompile(`原来|原先|原有|本来|(?:改革|调整|合并|精简|撤并|整合)(?:之|以)?前`)

var reAsksPerUnit = rx.MustCompile(`每(?:个|名|位|人|户|孩|家|月|亩|平)|人均|户均|亩均|地均|楼均|每平方公里|亩产|单产|多少钱一平|均价|一亩(?:地|田)?(?:能|可以|可)?(?:打|产|收)|一个人|一个月|一人(?:一年|每年|一月|每月|平均)|\bper[ -](?:person|capita|child|resident|household|head|student|farmer|worker|pupil|patient|bed|mu|building|square kilomet(?:er|re))\b|\b(?:average|mean)\b.*\bper\b|\beach (?:eligible |qualified |needy |poor )?(?:person|child|orphan|student|pupil|resident|household|family|farmer|worker|retiree|pensioner|patient|senior)\b`)

// reAsksTotal is a question that asks for a whole: 一共打了多少粮食.
var reAsksTotal = rx.MustCompile(`一共|总共|总计|合计|共计|加起来|加在一起|\baltogether\b|\btotal\b|\bin all\b`)

// reTotalAdded is a total of what was added or done: 一共新增了, 总共新建.
var reTotalAdded = rx.MustCompile(`(?:一共|总共|共计|合计)(?:又|再)?(?:新增|新建|新开|新设|新培育|新引进|新认定|净增|增加|引进|培育)`)

var reAsksCount = rx.MustCompile(`多少|几|\bhow (many|much)\b|\bnumber of\b|\bwhat percentage\b`)

var reLevelQ = rx.MustCompile(`(提高|提升|增长|增加|上升|下降|降低|减少|上涨|上调|调高|降|升|增|涨|减|砍|压)(到|至)|达到多少|\b(rise|rose|risen|increase|increased|grow|grew|fall|fell|drop|dropped|decline|declined|reduced|raised) to\b`)

// asksRateLevel reports whether a question asks a rate by its name alone
// (本科上线率多少, 资产负债率是多少): its last concept is a rate, and no word
// of a change stands in the question.
func asksRateLevel(q *Question, norm string) bool {
	if q.Class != "percent" || len(q.Concepts) == 0 {
		return false
	}
	last := q.Concepts[len(q.Concepts)-1].Word
	if !strings.HasSuffix(last, "率") || last == "增长率" || last == "增率" {
		return false
	}
	return !hasAny(strings.ReplaceAll(norm, last, ""), rateChangeWords)
}

// rateChangeWords ask how a rate changed.
var rateChangeWords = []string{"增长", "增速", "增幅", "提高", "提升", "上升", "下降", "降低", "回落", "涨", "跌", "降", "升", "变化", "几个点", "百分点", "幅度", "比上年", "比去年", "同比"}

// rankWords ask for a place in a ranking; they name no subject.
var rankWords = map[string]bool{"排第": true, "排名": true, "第几": true, "位次": true, "名列": true,
	"排在": true, "排位": true, "位居": true, "排": true, "居": true, "第": true, "几位": true, "几名": true}

var reCutEnd = rx.MustCompile(`(压减|压缩|削减|减少|下降|降低|节约|节省|缩减|增加|提高|压|砍|减|降|多|少|涨|跌|增长|上涨|上升|上调|调高|调增|提升)了?(多少|几)[?？。]*$`)

var reRankQ = rx.MustCompile(`第几|排名|排第|位次|名列|排在|排位|老几|排几`)

// growthWords make a question without a unit ask for a rate.
var growthWords = []string{"增长", "增速", "增幅", "提高", "上升", "下降", "降低", "回落", "比重", "占比", "率",
	"涨", "跌", "掉了多少", "掉多少", "掉了百分之", "降了多少", "降多少", "几个点", "幅度"}

// asksAmountOf reports whether a thing is named after the ask (砍掉多少炼钢
// 产能, 减少多少就业岗位): the amount of that thing, not a rate.
func asksAmountOf(s string) bool {
	k := strings.LastIndex(s, "多少")
	if k < 0 {
		return false
	}
	rest := strings.TrimRight(s[k+len("多少"):], "？?。！!呢啊吧呀")
	for _, w := range qualifierWords {
		rest = strings.TrimPrefix(rest, w) // 控制在多少以内: no thing
	}
	n := 0
	for _, r := range rest {
		if !isHan(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// reShareOf asks what share one thing is of another: 民生支出占一般公共预算
// 支出多少.
var reShareOf = rx.MustCompile(`占[^，。？]{1,24}?(?:多少|几成|百分之几|比重|比例)|(?:完成|达到|相当于)了?[^，。？]{1,16}?的(?:多少|几成|百分之几)`)

// expectedClass infers the unit class from the question's words.
func (a *Analyzer) expectedClass(q *Question, s string) string {
	// 排名第几, 居全国第几位: a place in a ranking (第3位), not the figure ranked.
	if reRankQ.MatchString(s) {
		q.Unit, q.UnitSoft = "", false
		return "rank"
	}
	if q.Unit != "" {
		return UnitClass(q.Unit)
	}
	// 千名老人床位数, 每万人口发明专利拥有量: a ratio, written as a bare number.
	if reRatio.MatchString(s) || reAskRatio.MatchString(q.Raw) || reRatioNoun.MatchString(s) {
		q.PerHead = reRatio.MatchString(s)
		return "ratio"
	}
	// 项目…总投资大概有多少亿: hundreds of millions of yuan, whatever else
	// the question counts.
	if reYiAsked.MatchString(s) || reEarnAsked.MatchString(s) {
		return "money" // 赚了多少: a profit
	}
	if reLengthAsked.MatchString(s) {
		return "length" // 高速公路有多长, 耕层有多厚
	}
	if reShareOf.MatchString(s) {
		return "percent"
	}
	// "增长多少" asks for a rate; "增长多少亿元" named its unit above.
	// "提高到多少" asks for the new level, in the thing's own unit.
	s = reUsedUp.ReplaceAllString(s, "$1")
	// 关掉多少, 砍掉多少: what is removed, no fall.
	s = reRemoved.ReplaceAllString(s, "$1除")
	for _, w := range growthWords {
		if strings.Contains(s, w) && !strings.Contains(s, "新增") && !reLevelQ.MatchString(strings.ToLower(s)) && !asksAmountOf(s) {
			if rePerMeasure.MatchString(s) {
				// 收购价每斤涨多少: a price per unit rises by a sum of
				// money, or else by a rate.
				q.Class2 = "percent"
				return "money"
			}
			if slices.ContainsFunc(q.Concepts, func(c Concept) bool { return hasSuffixAny(c.Word, sumHeads) != "" }) {
				// 助学贷款最高额度提高了多少, 补助标准提高了多少: a sum
				// rises by a sum as often as by a rate.
				q.Class2 = "money"
			}
			return "percent"
		}
	}
	// Chinese noun phrases are head-final, so the concept nearest the end
	// names what is measured: 总投资 in 新开工亿元以上项目总投资多少, 减税降费
	// in 给企业减税降费多少.
	// A verb-like concept counts only when the lexicon names it outright
	// (支出 in 压减了多少预算项目支出).
	// A bracketed aside restates a word (卖地收入（土地出让）): the head is
	// the question's own.
	order := make([]*Concept, 0, len(q.Concepts))
	required := slices.ContainsFunc(q.Concepts, func(c Concept) bool { return !c.Optional })
	english := q.Lang == "en" && q.measured >= 0
	if english {
		// English is not head-final: what follows how much is measured,
		// whatever nouns come after it (firms of "How much gold did large
		// industrial firms produce").
		c := &q.Concepts[q.measured]
		if c.Aspect && a.Lex.WordHint(c.Word) == "" {
			return ""
		}
		order = append(order, c)
	}
	if !english {
		// 有多少低收入人口被纳入社会救助: the noun right after 多少 is what
		// is counted, the words after it say what befell it.
		if c := countedAfter(q, s); c != nil {
			order = append(order, c)
		}
	}
	// 增长到多少: the level the change reached, in the subject's unit, not
	// the rate the change verb would ask alone.
	level := reLevelQ.MatchString(strings.ToLower(s))
	for i := len(q.Concepts) - 1; i >= 0 && !english; i-- {
		c := &q.Concepts[i]
		if c.Aspect && (a.Lex.WordHint(c.Word) == "" || level && a.Lex.WordHint(c.Word) == "percent" && hasSuffixAny(c.Word, changeVerbs) != "") || c.Optional && required {
			continue
		}
		order = append(order, c)
	}
	// The head decides alone: 公路 says nothing of what 公路货运量 counts.
	for _, c := range order {
		if genericHeads[c.Word] {
			continue
		}
		if c.Aspect {
			a.applyHint(q, a.Lex.WordHint(c.Word))
			return q.Class
		}
		if h := a.headHint(c.Word); h != "" && !(level && h == "percent" && len(c.Parts) > 1 && hasSuffixAny(c.Word, changeVerbs) != "") {
			a.applyHint(q, h)
			return q.Class
		}
		// The head of a compound is its last part: 防疫资金 → 资金.
		for k := len(c.Parts) - 1; k >= 0; k-- {
			if h := a.headHint(c.Parts[k]); h != "" && !(level && h == "percent" && k > 0 && hasSuffixAny(c.Parts[k], changeVerbs) != "") {
				a.applyHint(q, h)
				return q.Class
			}
		}
		for _, alt := range c.Alts[1:] {
			if h := a.Lex.WordHint(alt.Text); h != "" && alt.Factor >= 0.3 {
				a.applyHint(q, h)
				return q.Class
			}
		}
		return ""
	}
	return ""
}

// countedAfter returns the concept that ends the noun phrase right after
// 多少 in s (有多少低收入人口被纳入: 人口), when a predicate follows it, or
// nil.
func countedAfter(q *Question, s string) *Concept {
	k := strings.Index(s, "多少")
	if k < 0 {
		return nil
	}
	at := k + len("多少")
	// 多少万群众: the scale asked stands before the noun.
	for strings.ContainsRune("万亿千", firstRune(s[at:])) {
		at += len("万")
	}
	var last *Concept
	nouns := 0
	skipped := false
	for {
		found := false
		for i := range q.Concepts {
			c := &q.Concepts[i]
			if c.Word != "" && strings.HasPrefix(s[at:], c.Word) {
				if c.Aspect && last == nil {
					// 多少亿用于项目建设: a verb, no noun, follows the ask.
					return nil
				}
				if c.Aspect && last != nil {
					// 多少专项债支持项目建设: a verb ends the noun phrase
					// of one word; after two (多少女孩补助打疫苗) the second
					// may be the verb, and the head-final reading holds.
					if nouns > 1 {
						return nil
					}
					return last
				}
				if !c.Aspect {
					last = c
					nouns++
				}
				at += len(c.Word)
				found = true
				break
			}
		}
		if !found && last == nil && !skipped {
			// 多少中小微企业: a character the analysis left out of the
			// concept (小微企业) may open the phrase.
			if r, n := utf8.DecodeRuneInString(s[at:]); isHan(r) && r != '钱' && !strings.ContainsRune("亿万千百十几", r) {
				at += n
				skipped = true
				continue
			}
		}
		if !found {
			break
		}
	}
	rest := strings.TrimSpace(s[at:])
	if last == nil || rest == "" || strings.HasPrefix(rest, "？") || strings.HasPrefix(rest, "?") {
		return nil // the phrase ends the question: the usual head-final reading holds
	}
	return last
}

// genericHeads are heads that say nothing of what is measured (养老床位数量,
// 投资规模): the word before them does.
var genericHeads = map[string]bool{
	"数量": true, "数": true, "总数": true, "规模": true, "总量": true, "情况": true, "目标": true,
	"水平": true, "指标": true, "数字": true, "总计": true, "合计": true, "累计": true, "全年": true,
	"总": true, "共": true, "一共": true, "总共": true, "具体": true, "分别": true, "各": true,
	"实际": true, "实际上": true,
}

// headHint is the class hint of word, or else of its longest suffix of two
// or more characters that has one: 减税降费 → 降费 → money.
func (a *Analyzer) headHint(word string) string {
	if h := a.Lex.WordHint(word); h != "" {
		return h
	}
	rs := []rune(word)
	for i := 1; i+2 <= len(rs); i++ {
		if h := a.Lex.WordHint(string(rs[i:])); h != "" {
			return h
		}
	}
	return ""
}

// sizeModifier tells whether a qualifier after before modifies a size in
// the subject (亿元以上项目, 10万人以上) rather than the figure asked for.
// 多少万人以上 still qualifies the figure asked for.
func sizeModifier(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	if !(r >= '0' && r <= '9' || strings.ContainsRune("元万亿千百十人吨亩", r)) {
		return false
	}
	rs := []rune(before)
	tail := string(rs[max(0, len(rs)-4):])
	return !strings.Contains(tail, "多少") && !strings.Contains(tail, "几")
}

// applyHint sets the expected class, and a soft unit when the hint names
// one (床位 → 张).
func (a *Analyzer) applyHint(q *Question, h string) {
	c := hintClass(h)
	if q.Class == "" {
		q.Class = c
	}
	if h != c && q.Unit == "" && UnitClass(h) == q.Class {
		q.Unit, q.UnitSoft = h, true
	}
}

// hintClass turns a hint (a unit or a class) into a class.
func hintClass(h string) string {
	switch h {
	case "money", "people", "household", "percent", "count", "area", "length", "weight", "energy", "time", "age", "ratio":
		return h
	}
	return UnitClass(h)
}

// weigh sets the weight of each concept from how rare its words are.
// everydayRatio is how many times as often the reports must use a
// word's report wording as the word itself for the word to weigh as the
// wording does (see weigh).
const everydayRatio = 10

func (a *Analyzer) weigh(q *Question) {
	if len(q.Concepts) == 0 {
		return
	}
	var words []string
	altTerms := map[string][]string{} // an alternative's index words
	for _, c := range q.Concepts {
		words = append(words, c.Word)
		words = append(words, c.Parts...)
		for _, alt := range c.Alts {
			if alt.Factor < 0.5 {
				continue
			}
			if _, ok := altTerms[alt.Text]; ok {
				continue
			}
			var ts []string
			for _, t := range a.altSeg().Segment(alt.Text) {
				ts = append(ts, alt.Text[t.Start:t.End])
			}
			altTerms[alt.Text] = ts
			words = append(words, ts...)
		}
	}
	var df map[string]int
	total := 0
	if a.Freq != nil {
		df, total = a.Freq(words)
	}
	weight := func(word string) float64 {
		if total == 0 {
			return 1
		}
		return idf(df[word], total)
	}
	// phraseDF tells how many passages hold all the words of a phrase:
	// counted by the index when it can, else bounded by the rarest word.
	phraseDF := func(text string) int {
		ts := altTerms[text]
		n := -1
		for _, t := range ts {
			if n < 0 || df[t] < n {
				n = df[t]
			}
		}
		if n > 0 && len(ts) > 1 && a.CoFreq != nil {
			return a.CoFreq(ts)
		}
		return max(n, 0)
	}
	for i := range q.Concepts {
		c := &q.Concepts[i]
		c.PartWeights = make([]float64, len(c.Parts))
		for k, p := range c.Parts {
			c.PartWeights[k] = weight(p)
		}
		w := weight(c.Word)
		// A word the reports do not use (卖地, 退休金) weighs as much as the
		// report terms it stands for.
		alt := 0.0
		if total > 0 && df[c.Word] == 0 {
			// A phrase the index holds as several words (隐性债务 as 隐性
			// and 债务) is as rare as its words together.
			if n := phraseDF(c.Word); n > 0 && len(altTerms[c.Word]) > 1 {
				alt = idf(n, total)
			}
			for _, a := range c.Alts[1:] {
				if n := phraseDF(a.Text); a.Factor >= 0.5 && n > 0 {
					alt = math.Max(alt, idf(n, total))
				}
			}
		}
		// A noun the reports seldom use (省里) whose report wordings they
		// use far more (省级, 省本级) weighs as those do: the asker's
		// everyday word is no rarer a thing for being rarely written. (A
		// verb's weight says how it is asked, and stays.)
		if total > 0 && df[c.Word] > 0 && alt == 0 && !c.Aspect && !c.verbish {
			common := 0
			for _, a := range c.Alts[1:] {
				if a.Factor >= 0.8 {
					common = max(common, phraseDF(a.Text))
				}
			}
			if common >= everydayRatio*df[c.Word] {
				w = math.Min(w, idf(common, total))
			}
		}
		colloquial := total > 0 && df[c.Word] <= 2 && alt == 0 && c.verbish
		// Two characters no report holds together, and no dictionary
		// word for them: the segmenter's cut across the asker's loose
		// syntax (专项债占多少 cut as 专项/债占, 资金池帮 as 资金/池帮).
		glued := total > 0 && df[c.Word] == 0 && alt == 0 && len(c.Parts) == 0 &&
			utf8.RuneCountInString(c.Word) == 2 && isHanString(c.Word) && len(c.Alts) <= 1
		switch {
		case alt > 0:
			w = alt
		case colloquial:
			// A verb no report uses, with no report word for it (要花,
			// 算进去): the asker's own way of saying what happened.
			w = idf(0, total) * 0.15
		case glued:
			w = idf(0, total) * 0.25
		case len(c.Parts) > 0 && total > 0 && df[c.Word] == 0:
			// A word the index does not hold as such (人均GDP merged from
			// two): as rare as its rarest part.
			w = maxf(c.PartWeights)
		}
		if c.Aspect {
			w *= 0.3
		}
		if isNumberWord(c.Word) {
			// A figure the question quotes (只增长0.6%, 83亿元) helps find
			// its sentence but is rarely beside the figure asked for.
			w = math.Min(w, 2)
		}
		if c.Guess {
			w *= 0.5
		}
		if c.Optional {
			w *= optionalFactor
		}
		if measureWords[c.Word] && len(q.Concepts) > 1 {
			// 原油产量: the report may say 原油由……增加到…… without 产量.
			w *= 0.4
		}
		if utf8.RuneCountInString(c.Word) == 1 {
			// A single character matches inside many words: it says little.
			w *= 0.5
		}
		if total > 0 && df[c.Word] == 0 && len(c.Parts) == 0 && utf8.RuneCountInString(c.Word) == 2 && strings.ContainsAny(c.Word, functionChars) {
			// A two-character word no report holds, made with a function
			// character (上花 of 防疫上花了): a slip of the segmenter.
			w *= 0.2
			c.Slip = true
		}
		c.Weight = w
	}
}

// measureWords name what kind of figure the subject has, and reports
// often leave them out.
var measureWords = map[string]bool{"产量": true, "数量": true, "总量": true, "规模": true, "水平": true,
	"人数": true, "个数": true, "总数": true, "金额": true, "数额": true, "额度": true,
	// 新能源开工多少装机: the report writes 新能源开工1600万千瓦; the unit
	// says it is capacity.
	"装机": true, "装机容量": true, "容量": true,
	// 收入差距倍数: a ratio, the kind of figure, not a thing.
	"倍数": true, "之比": true, "比值": true}

// functionChars are characters that build grammar more than things.
// looseChars end a word the segmenter glued across the asker's loose
// syntax (债来 of 专项债来支持, 债占 of 专项债占多少).
const looseChars = functionChars + glueChars + "用占帮涨"

// glueChars join a thing to its use in loose speech (专项债来支持, 拿去修):
// no thing, no verb.
const glueChars = "来去"

// changeChars are the one-character verbs of change an asker glues to a
// term (固投涨了多少, 固投掉了多少).
const changeChars = "涨降增减升跌掉"

// verbAdverbs are the one-character adverbs an asker puts before a verb
// of change (各涨了多少, 只涨, 新减, 又增): how it changed, not what.
const verbAdverbs = "各只都又再还也新共才就总"

const functionChars = "上下里中给把被花做搞弄要会能想该没有是在了的得地着过从到向对为"

// hasSingleRune reports whether any of the words is one character: the
// words of 低保 (低, 保) bound nothing of how rare 低保 is.
func hasSingleRune(ws []string) bool {
	for _, w := range ws {
		if utf8.RuneCountInString(w) < 2 {
			return true
		}
	}
	return false
}

func maxf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = math.Max(m, x)
	}
	return m
}

func idf(n, total int) float64 {
	if n <= 0 {
		n = 0
	}
	x := (float64(total) - float64(n) + 0.5) / (float64(n) + 0.5)
	if x < 1 {
		x = 1
	}
	v := 1 + math.Log(x)
	return v
}

// unseen reports whether no document of the index holds the word (false
// without an index to ask).
func (a *Analyzer) unseen(w string) bool {
	if a.Freq == nil {
		return false
	}
	df, total := a.Freq([]string{w})
	return total > 0 && df[w] == 0
}

// reGloss is a bracketed term in a question: （卫生健康）, (恩格尔系数).
var reGloss = rx.MustCompile(`[（(](\p{Han}[\p{Han}A-Za-z0-9.]{1,15})[）)]`)

// reUnitTerm is a bracketed unit: 多少利润（亿元）.
var reUnitTerm = rx.MustCompile(`^(?:万亿|亿|万|千|百)?(?:元|美元|人|人次|吨|公里|千米|平方公里|平方米|亩|公顷|户|家|个|件|套|张|辆|所|座|项|千瓦|千瓦时|度|立方米|头|只|架|艘|台|条|列|次|倍|天)$`)

// reNotGloss opens or holds a bracket that is no term for the words
// before it: a scope (不含县区, 含开发区, 算上一日游), a year, a note
// (卖地为主, 主要是卖地那块).
var reNotGloss = rx.MustCompile(`^(?:不|含|包括|包含|算|除|主要|以|大约|约|即|比如|例如|就是|也就是|指)|为主|之类|这些|那些|那块|在内|以外|之外|\d{4}|年度?$`)

// glossed returns the question with the everyday words before a bracketed
// term of the reports (看病就医（卫生健康）, 卖地那块的钱（政府性基金收入）,
// 开会的经费（会议费）) replaced by the term: what the asker calls a thing
// is said again in the reports' words, and the reports are searched for
// those. The words replaced are the content words right before the
// bracket, up to four, not a place, a time or a scope.
func (a *Analyzer) glossed(s string) string {
	m := reGloss.FindStringSubmatchIndex(s)
	if m == nil || a.Seg == nil {
		return s
	}
	term := s[m[2]:m[3]]
	if reNotGloss.MatchString(term) {
		return s
	}
	if reUnitTerm.MatchString(term) {
		// 赚了多少利润（亿元）: the unit of the answer, no term.
		return s
	}
	before := s[:m[0]]
	if stem, ok := strings.CutSuffix(term, "口径"); ok && utf8.RuneCountInString(stem) <= 2 && !qualifierGlosses[term] && !reSameBasisQ.MatchString(term) {
		// 一般公共预算收入（总口径）: which reckoning of the thing before
		// it, that the reports call by its scope (全县…), no term; a
		// basis named (一般公共预算口径) is read as before.
		return before + s[m[1]:]
	}
	if measureTerms[term] {
		// 新能源车（保有量）: the bracket names the measure of the thing
		// before it, which stays: 新能源车保有量.
		return before + term + s[m[1]:]
	}
	words := topWords(a.Seg, before)
	from := len(before)
	// A place name the gazetteer lacks (南疆) still stops the words
	// replaced, if the tagger knows it for one.
	places := map[string]bool{}
	for _, wt := range a.wordTags(before) {
		if wt[1] == "ns" {
			places[wt[0]] = true
		}
	}
	for k := len(words) - 1; k >= 0 && len(words)-k <= 4; k-- {
		w := before[words[k][0]:words[k][1]]
		if glossStop(w) || places[w] {
			break
		}
		if w == "的" || w == "这块" || w == "那块" || w == "方面" {
			// 卖地那块的钱: the words before 的 are the thing's too.
			from = words[k][0]
			continue
		}
		if functionWord(w) {
			break
		}
		from = words[k][0]
	}
	if from == len(before) {
		return s
	}
	if qualifierGlosses[term] {
		// 一般公共预算收入（地方）: the bracket qualifies the term before
		// it, which stays: 地方一般公共预算收入.
		return before[:from] + term + before[from:] + s[m[1]:]
	}
	return before[:from] + term + s[m[1]:]
}

// qualifierGlosses are bracketed words that qualify the thing before them
// rather than name it again: 一般公共预算收入（地方）, 支出（本级）.
var qualifierGlosses = map[string]bool{"地方": true, "全口径": true, "本级": true, "市本级": true, "省本级": true, "县本级": true, "区本级": true,
	"实际": true, "累计": true, "合计": true, "当年": true, "年初": true}

// measureTerms are bracketed terms that name what is measured of the thing
// before them, not the thing: 新能源车（保有量）.
var measureTerms = map[string]bool{"保有量": true, "总量": true, "余额": true, "产量": true, "规模": true, "总额": true,
	"增速": true, "增幅": true, "比重": true, "数量": true, "人数": true, "面积": true, "存量": true, "增量": true}

// topWords returns the byte spans of the top-level words of s: the
// segmenter's words with those inside a longer one (search mode) folded
// into it.
func topWords(seg segment.Segmenter, s string) [][2]int {
	var words [][2]int
	for _, t := range seg.Segment(s) {
		if n := len(words); n > 0 && t.Start < words[n-1][1] {
			words[n-1] = [2]int{min(words[n-1][0], t.Start), max(words[n-1][1], t.End)}
			continue
		}
		words = append(words, [2]int{t.Start, t.End})
	}
	return words
}

// glossStop reports whether a word before a bracketed term ends the words
// it stands for: a place, a time, a scope, a figure.
func glossStop(w string) bool {
	if strings.ContainsAny(w, "0123456789") || strings.HasSuffix(w, "年") || strings.HasSuffix(w, "级") || strings.HasPrefix(w, "全") ||
		strings.Contains(w, "多少") || len(place.Find(w)) > 0 {
		return true
	}
	switch w {
	case "去年", "今年", "前年", "明年", "年底", "年末", "本级", "市本级", "省本级", "县本级", "其中", "现在", "目前":
		return true
	}
	return false
}

// functionWord reports whether w is a word of no content: a particle,
// preposition or classifier (在, 了, 个).
func functionWord(w string) bool {
	if stopWords[w] {
		return true
	}
	return utf8.RuneCountInString(w) == 1 && strings.Contains(functionChars+"个块项笔", w)
}

// relVerbs are verbs of everyday life that make the words before 的 a
// clause describing the thing after it (能看病的医院, 买房交的契税, 看病住院
// 的床位).
var relVerbs = []string{"能", "可以", "看病", "就医", "住院", "买房", "卖房", "交", "缴", "缴纳", "住", "吃", "坐", "上学", "读书", "治病", "养老", "坐车", "开车", "跑", "在跑", "开"}

// plainHeads are nouns too plain to be asked for alone: after a clause
// that describes them (做鞋子的产量, 看病花的钱), the clause names the thing.
var plainHeads = map[string]bool{"钱": true, "资金": true, "费用": true, "花费": true, "开销": true, "人": true, "人数": true, "人次": true,
	"地方": true, "东西": true, "比例": true, "比重": true, "占比": true, "多少": true, "数": true, "收入": true, "支出": true}

// relativeClause finds a clause of everyday words that describes the
// thing after its 的 (能看病的医院): it returns s without the clause, and
// the clause; s and "" when there is none. The clause is the content
// words right before 的, back to a place, time, scope or particle (see
// glossed), with a verb of relVerbs among them; the thing after 的 must
// be a word of its own, not a plain one (钱, 人数) or a measure (产量).
// examplesDeng finds the 等 of 医院等医疗机构: between Han characters,
// no part of a word of its own (等级, 平等, 一等奖, 等于).
func examplesDeng(s string) []int {
	for k := 0; ; {
		i := strings.Index(s[k:], "等")
		if i < 0 {
			return nil
		}
		i += k
		k = i + len("等")
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[k:])
		if isHan(before) && isHan(after) && !strings.ContainsRune("平对同相均一二三四初中高上下优超特头何", before) &&
			!strings.ContainsRune("级于待到同候次奖第额值效", after) {
			return []int{i, k}
		}
	}
}

// reExamples ends the examples people give of a thing before naming it:
// 修路修桥这些基础设施投资, 像医院学校这样的公共服务.
var reExamples = rx.MustCompile(`这些|这类|那些|之类的?|这样的|这种`)

// listJoiners join the items of a list of examples.
var listJoiners = map[string]bool{"、": true, "和": true, "与": true, "及": true, "或": true, "跟": true}

// examples splits the examples before 这些, 这类 or 之类的 from the thing
// named after them: it returns the question without them, and them.
func (a *Analyzer) examples(s string) (string, string) {
	loc := reExamples.FindStringIndex(s)
	if loc == nil {
		// 医院等医疗机构: 等 between two words ends the examples too.
		loc = examplesDeng(s)
	}
	if loc == nil || a.Seg == nil {
		return s, ""
	}
	after := strings.TrimSpace(s[loc[1]:])
	if utf8.RuneCountInString(after) < 2 || hasPrefixAny(after, []string{"多少", "几", "一共", "总共", "都", "是", "有", "的", "花", "上"}) != "" {
		return s, "" // 这些一共花了多少: 这些 points back
	}
	if hw := topWords(a.Seg, after); len(hw) > 0 {
		// 科技、卫生这些数据: a head that says nothing of its own leaves
		// the examples to say what is asked.
		head := after[hw[0][0]:hw[0][1]]
		if utf8.RuneCountInString(head) < 2 || genericHeads[head] || plainHeads[head] || head == "数据" || head == "方面" || head == "事情" {
			return s, ""
		}
	}
	before := s[:loc[0]]
	words := topWords(a.Seg, before)
	from := len(before)
	content := 0
	for i := len(words) - 1; i >= 0 && content < 4; i-- {
		w := before[words[i][0]:words[i][1]]
		if listJoiners[w] && from < len(before) {
			continue // 家电和汽车这些: a list of examples
		}
		if glossStop(w) || functionWord(w) {
			break
		}
		from = words[i][0]
		content++
	}
	if from == len(before) {
		return s, ""
	}
	return before[:from] + " " + s[loc[1]:], strings.TrimPrefix(before[from:], "像")
}

func (a *Analyzer) relativeClause(s string) (string, string) {
	k := strings.Index(s, "的")
	if k <= 0 || a.Seg == nil {
		return s, ""
	}
	before, after := s[:k], s[k+len("的"):]
	var head string
	for _, t := range a.Seg.Segment(after) {
		if t.Start == 0 {
			if e := t.End; head == "" || e > len(head) {
				head = after[:e]
			}
		}
	}
	if utf8.RuneCountInString(head) < 2 || plainHeads[head] || measureWords[head] || genericHeads[head] || stopWords[head] {
		return s, ""
	}
	words := topWords(a.Seg, before)
	from, verb := len(before), false
	for i := len(words) - 1; i >= 0 && len(words)-i <= 4; i-- {
		w := before[words[i][0]:words[i][1]]
		if glossStop(w) || w != "能" && functionWord(w) {
			break
		}
		from = words[i][0]
		verb = verb || slices.Contains(relVerbs, w)
	}
	if !verb || from == len(before) {
		return s, ""
	}
	return before[:from] + after, before[from:]
}

// knownWord reports whether w is a word on its own: a term of the lexicon,
// or one token to the segmenter.
func (a *Analyzer) knownWord(w string) bool {
	if a.Lex.Known(w) {
		return true
	}
	toks := a.Seg.Segment(w)
	return len(toks) == 1 && toks[0].Start == 0 && toks[0].End == len(w)
}

// sumHeads name sums of money set per person or case (额度, 补助标准):
// asked how much they rose, the answer may be the sum added.
var sumHeads = []string{"额度", "标准", "补助", "补贴", "津贴", "工资", "养老金", "奖励", "收购价", "价格"}

// growthVerbs are the verbs of a change that 实际 (real) or 名义 (nominal)
// may qualify.
var growthVerbs = map[string]bool{"增长": true, "上涨": true, "涨": true, "提高": true, "下降": true, "增加": true, "减少": true}
