package segment

import "testing"

func TestRepairOCR(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"粮食总产量仍达4l.38亿公斤", "粮食总产量仍达41.38亿公斤"},
		{"增长1O％，达到lO.5％", "增长10％，达到10.5％"},
		{"实施l3.6万亩", "实施13.6万亩"},
		{"完成l00个", "完成100个"},
		{"CO2排放", "CO2排放"},     // a Latin letter beside the run
		{"No.1文件", "No.1文件"},   // likewise
		{"PM2.5浓度", "PM2.5浓度"}, // no look-alike
		{"Iowa", "Iowa"},       // no digit
		{"完成一般预算收人11.09亿元", "完成一般预算收入11.09亿元"},
		{"加大投人，纳人规划，深人推进", "加大投入，纳入规划，深入推进"},
		{"吸收人才，接收人员", "吸收人才，接收人员"}, // nouns of people
		{"人口增长", "人口增长"},
		{"", ""},
	} {
		got := RepairOCR(tc.in)
		if got != tc.want {
			t.Errorf("RepairOCR(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if len(got) != len(tc.in) {
			t.Errorf("RepairOCR(%q) changed the length", tc.in)
		}
	}
}

// FuzzRepairOCR checks that a repair never moves a byte offset.
func FuzzRepairOCR(f *testing.F) {
	f.Add("4l.38亿公斤，收人11.09亿元")
	f.Add("lO.5％ CO2")
	f.Fuzz(func(t *testing.T, s string) {
		if got := RepairOCR(s); len(got) != len(s) {
			t.Fatalf("RepairOCR(%q) = %q: length %d, want %d", s, got, len(got), len(s))
		}
	})
}
