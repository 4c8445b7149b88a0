package qa

import (
	"context"
	"strings"
	"testing"
)

func TestIdentityAsked(t *testing.T) {
	a := testAnalyzer()
	for _, c := range []struct {
		q    string
		want identityAsk
	}{
		{"这份决算报告是江宁哪个部门发布的？", askWho},
		{"在浦江县人代会上作政府工作报告的是谁?", askWho},
		{"子洲这份2023年统计公报是哪个单位、哪天发布的?", askWho | askWhen},
		{"这份天等县决算报告是在县人大常委会哪一次会议上通过的？", askMeeting},
		{"这份计划报告是1月几号在市人代会上作的？", askWhen},
		{"Who delivered the government work report?", askWho},
		{"When was the statistical bulletin published?", askWhen},
		// What the report says, not who made it.
		{"报告里说哪个部门牵头推进数字化改革？", 0},
		{"报告提出今年要新增多少就业岗位？", 0},
		{"今年要召开什么会议？", 0},
		{"How much did the report say revenue grew?", 0},
	} {
		if got := identityAsked(a.Analyze(c.q)); got != c.want {
			t.Errorf("%s: asks %b, want %b", c.q, got, c.want)
		}
	}
}

// The front matter and signature of a report answer who delivered or
// issued it, when and at which meeting.
const planFront = `关于荆州市2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告

日期:2023-08-21来源:荆州市人大常委会办公室

——2023年1月7日在荆州市第六届人民代表大会第二次会议上

荆州市发展和改革委员会

各位代表:

受市人民政府委托,现将荆州市2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案提请市六届人大二次会议审查,并请各位政协委员和列席人员提出意见。

一、2022年国民经济和社会发展计划执行情况

2022年,全市完成地区生产总值达到3008.61亿元,增长5.1%;新增城镇就业6.25万人。
`

const bulletinSigned = `子洲县二〇二三年国民经济和社会发展统计公报

子洲县统计局

2024年4月15日

2023年，全县上下在县委、县政府的坚强领导下，扎实开展各项工作。

一、综合

2023年，全县实现地区生产总值98.38亿元，较上年增长3.1%。
`

const workFront = `政府工作报告

2023年1月17日在浦江县第十五届人民代表大会

第二次会议上

浦江县人民政府代理县长胡作滔

各位代表:

现在，我代表县人民政府向大会报告工作，请予审议。

一、2022年主要工作和成效

全县实现地区生产总值310亿元，增长3.5%。
`

const accountsIssued = `关于2024年财政决算报告公开
  • 发文机构:上海市某区财政局
  • 发布日期:2025-09-05

关于某区2024年财政决算的报告

一、2024财政决算情况

2024年区一般公共预算收入180.97亿元,为预算的102.27%。
`

func TestIdentify(t *testing.T) {
	for _, c := range []struct {
		name, text, q, text0, sentence string
	}{
		{"hubei_jingzhou_2023_plan_report.txt", planFront, "这个计划报告是哪个部门向大会作的？", "荆州市发展和改革委员会", "荆州市发展和改革委员会"},
		{"hubei_jingzhou_2023_plan_report.txt", planFront, "这份计划报告是1月几号在市人代会上作的？", "1月7日", "2023年1月7日在荆州市"},
		{"hubei_jingzhou_2023_plan_report.txt", planFront, "这份计划草案是提交给哪次会议审查的？", "", "提请市六届人大二次会议审查"},
		{"shaanxi_yulin_zizhou_2023_stat_bulletin.txt", bulletinSigned, "这份统计公报是哪个单位、哪天发布的?", "", "子洲县统计局2024年4月15日"},
		{"zhejiang_jinhua_pujiang_2023_gov_work_report.txt", workFront, "在人代会上作政府工作报告的是谁?", "胡作滔", "代理县长胡作滔"},
		{"shanghai_mouqu_2024_final_accounts.txt", accountsIssued, "这份决算报告是哪个部门发布的？", "财政局", "发文机构:上海市某区财政局"},
		{"zhejiang_jinhua_pujiang_2023_gov_work_report.txt", workFront, "这份政府工作报告是在哪次会议上作的？", "第二次会议", "第十五届人民代表大会第二次会议上"},
	} {
		e := smallEngine(t, c.name, c.text)
		r, err := e.Ask(context.Background(), Request{Question: c.q})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Answers) == 0 {
			t.Errorf("%s: no answer", c.q)
			continue
		}
		a := r.Answers[0]
		if !strings.Contains(a.Text, c.text0) || !strings.Contains(a.Sentence, c.sentence) {
			t.Errorf("%s: %q in %q, want %q in %q", c.q, a.Text, a.Sentence, c.text0, c.sentence)
		}
		if a.Start <= 0 || a.End <= a.Start || a.End > len(c.text) || a.Line == 0 {
			t.Errorf("%s: span [%d, %d) line %d", c.q, a.Start, a.End, a.Line)
		}
	}
}
