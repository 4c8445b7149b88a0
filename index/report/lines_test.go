package report

import (
	"strings"
	"testing"
)

// A bracketed note after a full stop (结转下年使用。（详见附表 1）) ends the
// sentence, so the heading on the next line starts a section; a bracket
// that closes a clause does not.
func TestEndsSentenceTrailingNote(t *testing.T) {
	for s, want := range map[string]bool{
		"元，结转下年使用。（详见附表 1）":              true,
		"元，结转下年使用。(详见附表1)":               true,
		"全市一般公共预算收入（不含汝州）":               false,
		"结转下年使用。”":                       true,
		"元，结转下年使用（详见附表 1）":               false,
		"元。（这是一个很长很长很长很长很长很长很长的说明，不是附注）": false,
	} {
		if got := endsSentence(s); got != want {
			t.Errorf("endsSentence(%q) = %v, want %v", s, got, want)
		}
	}
}

// A numbered title with a comma (（一）乡村全面振兴扎实推进，为保障…作出新
// 贡献) on a line of its own is the heading of the paragraph after it, in
// a layout of one paragraph per line and printed over two lines alike;
// a numbered item with a figure is no title.
func TestNumberedTitleWithComma(t *testing.T) {
	for s, want := range map[string]bool{
		"(一)乡村全面振兴扎实推进，为保障国家粮食安全和重要农牧产品供给作出新贡献": true,
		"（二）2024年扩大“基金+”模式应用，寻找优质投资机会":          true,
		"1.一般公共服务支出82.56亿元，增长3%":                false,
		"（一）全面落实耕地保护。安排资金":                      false,
		"一、总体情况，主要指标":                           false,
	} {
		if got := lineTitle(s, headingLevel(s)); got != want {
			t.Errorf("lineTitle(%s) = %v, want %v", s, got, want)
		}
	}
	text := strings.Repeat("过去一年，面对严峻复杂的国际形势和艰巨繁重的改革发展稳定任务，全区上下团结奋斗，经济社会发展取得新成效，各项工作稳步推进。\n", 6) +
		"一年来，主要做了以下工作。\n(一)乡村全面振兴扎实推进，为保障国家粮食安全作出新贡献\n全面落实耕地保护和粮食安全党政同责，安排“三农”资金1137.8亿元。\n"
	for name, src := range map[string]string{"lines": text, "printed": printed(text, 27, 38)} {
		d := Parse("mou_2025_gov_work_report.txt", []byte(src))
		found := false
		for _, s := range d.Sentences {
			if strings.Contains(s.Text, "1137.8") {
				found = true
				if strings.Contains(s.Text, "新贡献") {
					t.Errorf("%s: the title runs into the paragraph: %s", name, s.Text)
				}
			}
		}
		if !found {
			t.Errorf("%s: the paragraph's sentence is lost", name)
		}
	}
}
