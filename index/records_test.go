package index

import (
	"slices"
	"testing"

	"reportkb/index/report"
)

// A place's spellings are the pinyin of its short name, every reading of
// a polyphonic character counted, and its English names that are no
// pinyin.
func TestSpellings(t *testing.T) {
	for _, tc := range []struct{ region, want string }{
		{"宜春市", "yichun"},
		{"汉阳区", "hanyang"},
		{"重庆市", "chongqing"},
		{"万载县", "wanzai"},
		{"西藏自治区", "xizang"},
		{"呼和浩特市", "hohhot"},
		{"呼和浩特市", "huhehaote"},
		{"博尔塔拉蒙古自治州", "bortala"},
		{"拉萨市", "lhasa"},
	} {
		forms := report.PlaceForms(tc.region)
		if got := spellings(forms[len(forms)-1]); !slices.Contains(got, tc.want) {
			t.Errorf("spellings of %s = %q, want it to hold %q", tc.region, got, tc.want)
		}
	}
	if got := spellings(""); len(got) != 0 {
		t.Errorf("spellings(\"\") = %q", got)
	}
}
