package qa

import (
	"slices"
	"testing"
)

func TestPlaceSpellings(t *testing.T) {
	tests := []struct {
		region, want string
	}{
		{"宜春市", "yichun"},
		{"汉阳区", "hanyang"},
		{"重庆市", "chongqing"},
		{"万载县", "wanzai"},
		{"西藏自治区", "xizang"},
	}
	for _, tc := range tests {
		if got := placeSpellings(tc.region); !slices.Contains(got, tc.want) {
			t.Errorf("placeSpellings(%q) = %q, want it to hold %q", tc.region, got, tc.want)
		}
	}
	if got := placeSpellings(""); len(got) != 0 {
		t.Errorf("placeSpellings(\"\") = %q", got)
	}
}

func TestIDPlaces(t *testing.T) {
	got := idPlaces("jiangxi_yichun_2022_stat_bulletin")
	if !slices.Equal(got, []string{"jiangxi", "yichun"}) {
		t.Errorf("idPlaces = %q", got)
	}
}

func TestEnglishPlaceNames(t *testing.T) {
	a := testAnalyzer()
	q := a.Analyze("What was Yichun's public security expenditure?")
	if !slices.Contains(q.Names, "yichun") || slices.Contains(q.Unknown, "yichun") {
		t.Errorf("names %q, unknown %q: a capitalized place is a name, not an unknown word", q.Names, q.Unknown)
	}
	q = a.Analyze("how much did wanzai spend on education")
	if !slices.Contains(q.Names, "wanzai") {
		t.Errorf("names %q: an unknown word may be a place too", q.Names)
	}
}
