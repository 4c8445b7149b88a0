package rx

import (
	"reflect"
	"regexp"
	"slices"
	"testing"
)

func TestNeeds(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want []string // sorted; nil: no prefilter
	}{
		{`提高`, []string{"提高"}},
		{`(?:提高|增加|提升)(?:到|至)?\s*$`, []string{"增加", "提升", "提高"}},
		{`年初预算(?:数)?(?:合计|总计)?\s*$`, []string{"年初预算"}},
		{`[0-9.]+\s*(?:%|万)?的(?:预期)?目标`, []string{"的目标", "的预期目标"}},
		{`^[0-9.]+\s*(?:%|万)?的(?:预期)?目标`, nil}, // anchored: regexp tries one position
		{`[到至]`, []string{"到", "至"}},
		{`(增长|下降)([0-9.]+)%`, []string{"下降", "增长"}},
		{`同比(增长|下降)`, []string{"同比下降", "同比增长"}},
		{`(?:计划)?完成`, []string{"完成"}},
		{`a|b*`, nil},
		{`(?i)per`, nil},
		{`\d+`, []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
		{`[\p{Han}]+`, nil},
		{`.*`, nil},
		{`(?:x)?`, nil},
		{`^$`, nil},
		{`(?:提高|提升)?`, nil},
		{`[0-9]{2,}年`, []string{"年"}},
	} {
		got := slices.Clone(MustCompile(tc.expr).Needs())
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Needs(%q) = %q, want %q", tc.expr, got, tc.want)
		}
	}
}

// TestSameAnswers checks that the prefilter never changes an answer: each
// method agrees with regexp's on matching and non-matching inputs.
func TestSameAnswers(t *testing.T) {
	exprs := []string{
		`(?:提高|增加|提升|调整)(?:到|至)?\s*$|(?:提高|增加)(?:到|至)`,
		`(增长|下降)([0-9.]+)(%|个百分点)`,
		`同比(增长|下降)`,
		`年初预算(?:数)?`,
		`[一二三四五六七八九十]+是`,
		`(?:计划)?完成`,
		`\d+`,
	}
	inputs := []string{
		"", "全年地区生产总值增长6.5%", "比上年提高到", "同比下降3个百分点，同比增长2%",
		"年初预算数为10亿元", "一是加强二是完善", "计划完成投资", "没有", "提", "2024年",
	}
	for _, expr := range exprs {
		r, std := MustCompile(expr), regexp.MustCompile(expr)
		for _, s := range inputs {
			check := func(method string, got, want any) {
				t.Helper()
				if !equal(got, want) {
					t.Errorf("%q.%s(%q) = %v, regexp gives %v", expr, method, s, got, want)
				}
			}
			check("MatchString", r.MatchString(s), std.MatchString(s))
			check("Match", r.Match([]byte(s)), std.Match([]byte(s)))
			check("FindString", r.FindString(s), std.FindString(s))
			check("FindStringIndex", r.FindStringIndex(s), std.FindStringIndex(s))
			check("FindStringSubmatch", r.FindStringSubmatch(s), std.FindStringSubmatch(s))
			check("FindStringSubmatchIndex", r.FindStringSubmatchIndex(s), std.FindStringSubmatchIndex(s))
			check("FindAllString", r.FindAllString(s, -1), std.FindAllString(s, -1))
			check("FindAllStringIndex", r.FindAllStringIndex(s, -1), std.FindAllStringIndex(s, -1))
			check("FindAllStringSubmatch", r.FindAllStringSubmatch(s, -1), std.FindAllStringSubmatch(s, -1))
			check("FindAllStringSubmatchIndex", r.FindAllStringSubmatchIndex(s, -1), std.FindAllStringSubmatchIndex(s, -1))
			check("Find", string(r.Find([]byte(s))), string(std.Find([]byte(s))))
			check("FindSubmatchIndex", r.FindSubmatchIndex([]byte(s)), std.FindSubmatchIndex([]byte(s)))
			check("FindAllSubmatchIndex", r.FindAllSubmatchIndex([]byte(s), -1), std.FindAllSubmatchIndex([]byte(s), -1))
			check("ReplaceAllString", r.ReplaceAllString(s, "<$1>"), std.ReplaceAllString(s, "<$1>"))
			check("ReplaceAllLiteralString", r.ReplaceAllLiteralString(s, "$1"), std.ReplaceAllLiteralString(s, "$1"))
			up := func(m string) string { return "[" + m + "]" }
			check("ReplaceAllStringFunc", r.ReplaceAllStringFunc(s, up), std.ReplaceAllStringFunc(s, up))
		}
	}
}

func equal(a, b any) bool { return reflect.DeepEqual(a, b) }

// FuzzPrefilter checks the prefilter's one promise: an input it rules out
// has no match.
func FuzzPrefilter(f *testing.F) {
	f.Add(`(?:提高|增加)(?:到|至)?\s*$`, "比上年提高到")
	f.Add(`同比(增长|下降)`, "同比增长")
	f.Add(`[0-9]{2,}年(?:计划)?`, "2024年计划")
	f.Add(`a(b|c)*d`, "abcbd")
	f.Fuzz(func(t *testing.T, expr, s string) {
		std, err := regexp.Compile(expr)
		if err != nil {
			return
		}
		r := MustCompile(expr)
		if std.MatchString(s) && !r.may(s) {
			t.Fatalf("%q matches %q, but its prefilter %q rules it out", expr, s, r.Needs())
		}
		if r.MatchString(s) != std.MatchString(s) {
			t.Fatalf("%q on %q: MatchString differs", expr, s)
		}
	})
}

// BenchmarkPrefilter compares a pattern of the kind the product has most
// with and without the prefilter, on a sentence it does not match.
func BenchmarkPrefilter(b *testing.B) {
	const expr = `(?:提高|增加|提升|调整|上调|下调|降低|扩大|增至|降至|提至|提到)(?:到|至)?\s*$`
	const s = "全年地区生产总值完成1234.5亿元，按可比价格计算，比上年增长6.5%，其中第一产业86.2亿元，增长3.1%。"
	for _, tc := range []struct {
		name  string
		match func(string) bool
	}{
		{"regexp", regexp.MustCompile(expr).MatchString},
		{"rx", MustCompile(expr).MatchString},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if tc.match(s) {
					b.Fatal("matched")
				}
			}
		})
	}
}
