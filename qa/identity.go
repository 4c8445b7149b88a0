package qa

import (
	"strings"
	"unicode/utf8"

	"reportkb/index"
	"reportkb/index/report"
	"reportkb/internal/rx"
)

// A question of a report's identity asks who delivered or issued it, when,
// or at which meeting: 这份决算报告是哪个部门发布的, 计划报告是1月几号在市人代
// 会上作的, 在县人大常委会哪一次会议上通过的, Who delivered the report?
// Its answer is in the report's front matter, the lines between its title
// and its opening (——2023年1月7日在荆州市第六届人民代表大会第二次会议上 /
// 荆州市发展和改革委员会, 发布机构:江宁区财政局, 日期:2023-02-13), or in the
// signature a bulletin ends with (子洲县统计局 / 2024年4月15日), which no
// search of its body finds.

// identityAsk is what of a report's identity a question asks.
type identityAsk uint8

const (
	askWho     identityAsk = 1 << iota // who delivered or issued it
	askWhen                            // the day
	askMeeting                         // the meeting it was delivered at or passed by
)

var (
	// reIdDoc names the report itself: 这份报告, 该公报, 决算报告.
	reIdDoc = rx.MustCompile(`报告|公报|文件|决算|预算草案|这份|这个|该`)
	// reIdVerb says what was done with the report: 作, 发布, 通过.
	reIdVerb = rx.MustCompile(`作|做|发布|发的|印发|公布|通过|审议|提交|编制|讲|念|宣读|出的|签发|批准|报告的`)
	reIdWho  = rx.MustCompile(`谁|哪位|哪个(?:部门|单位|机关|机构|局)|哪家|什么(?:部门|单位|机关|机构)|哪(?:个)?部门|发布机构|发布单位|发文机关|发文机构`)
	reIdWhen = rx.MustCompile(`哪天|哪一天|几号|几月几|什么时候|什么时间|何时|哪年哪月|日期|几月份`)
	reIdMeet = rx.MustCompile(`(?:哪次|哪一次|哪个|什么|哪届)(?:会议|会|大会)|哪次会`)

	reEnIdDoc  = rx.MustCompile(`\b(?:report|bulletin|document|accounts|communique)\b`)
	reEnIdVerb = rx.MustCompile(`\b(?:deliver(?:ed)?|present(?:ed)?|publish(?:ed)?|issu(?:e|ed)|releas(?:e|ed)|approv(?:e|ed)|adopt(?:ed)?|submit(?:ted)?|gave|given|made|written|wrote|prepared|read)\b`)
	reEnIdWho  = rx.MustCompile(`^who\b|\bwhich (?:department|agency|body|office|bureau|organi[sz]ation|official|government)\b|\bby whom\b`)
	reEnIdWhen = rx.MustCompile(`^when\b|\b(?:what|which) (?:date|day)\b|\bon what day\b`)
	reEnIdMeet = rx.MustCompile(`\b(?:which|what) (?:meeting|session|congress|sitting)\b`)
)

// identityAsked reports what of the report's identity q asks, 0 for
// none: the question names the report, what was done with it, and who,
// when or at which meeting.
func identityAsked(q *Question) identityAsk {
	raw := strings.ToLower(q.Raw)
	re := &zhIdentity
	if q.Lang == "en" {
		re = &enIdentity
	}
	if !re.doc.MatchString(raw) || !re.verb.MatchString(raw) || hasAny(raw, re.counts) {
		return 0
	}
	var ask identityAsk
	for _, a := range []struct {
		re  *rx.Regexp
		ask identityAsk
	}{{re.who, askWho}, {re.when, askWhen}, {re.meet, askMeeting}} {
		if a.re.MatchString(raw) {
			ask |= a.ask
		}
	}
	return ask
}

// identityWords are the patterns of one language that ask of a report's
// identity, and the words that ask a count instead.
type identityWords struct {
	doc, verb, who, when, meet *rx.Regexp
	counts                     []string
}

var (
	zhIdentity = identityWords{reIdDoc, reIdVerb, reIdWho, reIdWhen, reIdMeet, []string{"多少"}}
	enIdentity = identityWords{reEnIdDoc, reEnIdVerb, reEnIdWho, reEnIdWhen, reEnIdMeet, []string{"how much", "how many"}}
)

var (
	// reIdOccasion is the meeting a report was delivered at or passed by:
	// 2023年1月7日在荆州市第六届人民代表大会第二次会议上, 2024年10月18日天等县第
	// 十七届人民代表大会常务委员会第二十四次会议通过 (group 1 the day, 2 the
	// meeting).
	reIdOccasion = rx.MustCompile(`((?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日)?在?(\p{Han}{0,24}?(?:人民代表大会|人大常委会|常务委员会|政治协商会议)\p{Han}{0,20}?会议)`)
	// reIdSubmitted is the meeting an opening submits the report to:
	// 提请市六届人大二次会议审查 (group 1).
	reIdSubmitted = rx.MustCompile(`(?:提请|提交|提出)(\p{Han}{2,30}?会议)(?:审查|审议|批准)`)
	// reIdDate is a day: 2024年4月15日, 2023-02-13.
	reIdDate = rx.MustCompile(`(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})`)
	// reIdField is a page's field naming who issued it: 发布机构:江宁区财政局.
	reIdField = rx.MustCompile(`(?:发布机构|发布单位|发文机关|发文机构|发文单位|信息来源|来源)\s*[:：]\s*(\p{Han}{2,30}?(?:人民政府办公室|人大常委会办公室|人民政府|委员会|办公室|统计局|财政局|局|委|厅|部|中心|院|政府))`)
	// reIdPerson is who delivered it: 浦江县人民政府代理县长胡作滔.
	reIdPerson = rx.MustCompile(`^(\p{Han}{0,30}?(?:代理县长|代理市长|代理区长|代理省长|县长|市长|区长|省长|州长|旗长|盟长|主任|局长|厅长|部长|主席|审计长)\s*\p{Han}{2,4})$`)
	// reIdBody is a line that is a body's name: 荆州市发展和改革委员会.
	reIdBody = rx.MustCompile(`^\p{Han}{2,30}?(?:人民政府|委员会|统计局|财政局|审计局|发展和改革局|局|办公室|厅)$`)
)

// maxFront is how many paragraphs from a report's start, and from its
// end, are read for its identity.
const maxFront = 16

// identify answers a question of a report's identity from the front matter
// and signature of the one report the question is asked of; nil when it
// is asked of none or of several, or the report does not say.
func (e *Engine) identify(q *Question, ask identityAsk, f index.Filter) []Answer {
	id := f.Doc
	if id == "" {
		sums := e.x.Select(f)
		if len(sums) != 1 {
			return nil
		}
		id = sums[0].ID
	}
	sum, ok := e.x.Summary(id)
	if !ok || sum.Paragraphs == 0 {
		return nil
	}
	var refs []index.Ref
	for n := 0; n < min(maxFront, sum.Paragraphs); n++ {
		refs = append(refs, index.Ref{Doc: id, Gen: sum.Gen, N: n})
	}
	for n := max(maxFront, sum.Paragraphs-4); n < sum.Paragraphs; n++ {
		refs = append(refs, index.Ref{Doc: id, Gen: sum.Gen, N: n})
	}
	paras, err := e.x.Paragraphs(refs)
	if err != nil {
		return nil
	}
	// The front matter: the paragraphs before the first heading or the
	// second paragraph of the body; the signature: the last short ones.
	var lines []*index.Paragraph
	body := 0
	for i, p := range paras {
		if p == nil {
			continue
		}
		if refs[i].N >= maxFront {
			if utf8.RuneCountInString(p.Text) <= 40 {
				lines = append(lines, p)
			}
			continue
		}
		if p.Kind == report.KindHeading || p.Kind == report.KindBody && body >= 1 {
			if p.Kind == report.KindHeading {
				body = 2
			}
			continue
		}
		if body >= 2 && p.Kind != report.KindHeading {
			continue
		}
		if p.Kind == report.KindBody {
			body++
		}
		lines = append(lines, p)
	}
	type part struct {
		ask  identityAsk
		text string
		at   int // index in lines
		rank int // lower is better
	}
	var found []part
	for i := 0; i < len(lines); i++ {
		t := lines[i].Text
		// A meeting's line broken after 人民代表大会 (…第十五届人民代表大会
		// / 第二次会议上) reads on into the next.
		joined := t
		if i+1 < len(lines) && lines[i+1].N == lines[i].N+1 && !strings.ContainsAny(t, "。；") {
			joined = t + lines[i+1].Text
		}
		if loc := reIdOccasion.FindStringSubmatchIndex(joined); loc != nil && loc[0] < len(t) && (strings.Contains(joined, "会议上") || strings.Contains(joined, "会议通过") || strings.Contains(joined, "会议审议") || strings.Contains(joined, "会议批准")) {
			found = append(found, part{askMeeting, joined[loc[4]:loc[5]], i, 0})
			if loc[2] >= 0 {
				found = append(found, part{askWhen, joined[loc[2]:loc[3]], i, 0})
			}
		}
		if m := reIdSubmitted.FindStringSubmatch(t); m != nil {
			// 现将…提请市六届人大二次会议审查: the meeting the opening
			// submits it to.
			found = append(found, part{askMeeting, m[1], i, 1})
		}
		if m := reIdField.FindStringSubmatch(t); m != nil {
			found = append(found, part{askWho, m[1], i, 2})
		}
		if m := reIdPerson.FindStringSubmatch(t); m != nil {
			found = append(found, part{askWho, m[1], i, 0})
		} else if reIdBody.MatchString(t) {
			found = append(found, part{askWho, t, i, 1})
		}
		if m := reIdDate.FindString(t); m != "" && utf8.RuneCountInString(t) <= 40 {
			found = append(found, part{askWhen, m, i, 1})
		}
	}
	raw := strings.ToLower(q.Raw)
	issued := strings.Contains(raw, "发布") || strings.Contains(raw, "印发") || strings.Contains(raw, "公布") || strings.Contains(raw, "publish") || strings.Contains(raw, "issue") || strings.Contains(raw, "release")
	submitted := strings.Contains(raw, "提交") || strings.Contains(raw, "提请") || strings.Contains(raw, "审查") || strings.Contains(raw, "submit")
	person := strings.Contains(raw, "谁") || strings.Contains(raw, "哪位") || strings.HasPrefix(raw, "who")
	var picked []part
	for _, a := range []identityAsk{askWho, askWhen, askMeeting} {
		if ask&a == 0 {
			continue
		}
		best, bestR := -1, 0
		for k, p := range found {
			if p.ask != a {
				continue
			}
			r := p.rank
			switch {
			case a == askWho && issued && !person:
				// 哪个部门发布的: the page's field or the body's name.
				r = 2 - p.rank
			case a == askWho && !person && p.rank == 0:
				r = 2 // 哪个部门: a body rather than its head
			case a == askMeeting && submitted:
				// 提交给哪次会议审查: the opening that submits it.
				r = 1 - p.rank
			case a == askWhen && issued && !strings.Contains(raw, "会"):
				// 哪天发布的: the page's date before the meeting's day.
				r = 1 - p.rank
			}
			if best < 0 || r < bestR || r == bestR && p.at < found[best].at {
				best, bestR = k, r
			}
		}
		if best >= 0 {
			picked = append(picked, found[best])
		}
	}
	if len(picked) == 0 {
		return nil
	}
	from, to := picked[0].at, picked[0].at
	var texts []string
	for _, p := range picked {
		from, to = min(from, p.at), max(to, p.at)
		texts = append(texts, p.text)
	}
	if to-from > 2 {
		// Parts far apart: the first asked is the answer.
		from, to, texts = picked[0].at, picked[0].at, texts[:1]
	}
	// A meeting's line read on into the next paragraph spans both.
	if to+1 < len(lines) && lines[to+1].N == lines[to].N+1 && !strings.Contains(lines[to].Text, "会议") && strings.Contains(lines[to+1].Text, "会议") {
		for _, p := range picked {
			if p.ask == askMeeting && p.at == to {
				to++
				break
			}
		}
	}
	var sentence strings.Builder
	for i := from; i <= to; i++ {
		sentence.WriteString(lines[i].Text)
	}
	first, last := lines[from], lines[to]
	return []Answer{{
		Text: strings.Join(texts, "，"), Sentence: sentence.String(), Doc: id, Title: sum.Title,
		Paragraph: first.N, Page: first.Page, Line: first.Line, PageInferred: first.PageInferred,
		Start: first.Start, End: last.End, SentenceStart: first.Start, SentenceEnd: last.End,
		Score: 1, Kind: "text", Matched: []string{},
	}}
}
