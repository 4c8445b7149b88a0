package qa

import (
	"slices"
	"testing"
)

// TestRegionIndex checks that the region index finds what comparing a
// name with every region by placeRelation finds.
func TestRegionIndex(t *testing.T) {
	regions := []string{"全国", "上海市", "安徽省", "合肥市", "肥西县", "江西省", "宜春市", "万载县", "武汉市", "汉阳区",
		"湖北省", "湘西自治州", "某某新区", "浙江省", "杭州市", "西湖区"}
	ri := newRegionIndex(regions)
	for _, name := range []string{"上海", "上海市", "安徽", "合肥", "肥西县", "万载", "宜春", "汉阳", "汉阳区", "湘西", "湘西自治州",
		"某某新区", "西湖区", "杭州", "全国", "北京", "不存在的地方", "浙江", ""} {
		for _, within := range []bool{false, true} {
			var want []string
			for _, r := range regions {
				rel := placeRelation(name, r)
				if rel == placeSame && !within || rel == placeWithin && within {
					want = append(want, r)
				}
			}
			slices.Sort(want)
			if got := ri.named(name, within); !slices.Equal(got, want) {
				t.Errorf("named(%q, %v) = %q, want %q", name, within, got, want)
			}
		}
	}
}
