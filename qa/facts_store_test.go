package qa

import (
	"os"
	"reflect"
	"testing"

	"reportkb/index"
)

// TestFactsStored checks that the facts of a document are stored with
// the index once derived, and that an engine opened afresh reads the
// same facts back, for this build only.
func TestFactsStored(t *testing.T) {
	dir := t.TempDir()
	x, err := index.Open(index.Config{Dir: dir, Segmenter: testSegmenter(), SegmenterName: "maxmatch"})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	data, err := os.ReadFile("../seeds/hanyang_2020_plan_report.txt")
	if err != nil {
		t.Fatal(err)
	}
	en, err := x.Add("hanyang_2020_plan_report.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	sum, _ := x.Summary(en.Doc.ID)
	if d, _ := x.Derived(sum.ID, sum.Gen, factsName, DeriverVersion()); d != nil {
		t.Fatal("facts stored before any were derived")
	}
	want := New(Config{Index: x}).Facts(en)
	if len(want) < 50 {
		t.Fatalf("only %d facts", len(want))
	}
	d, err := x.Derived(sum.ID, sum.Gen, factsName, DeriverVersion())
	if err != nil || d == nil {
		t.Fatalf("facts not stored: %v", err)
	}
	if d, _ := x.Derived(sum.ID, sum.Gen, factsName, "another build"); d != nil {
		t.Error("facts of another build read back")
	}
	got, err := New(Config{Index: x}).FactsOf(sum)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stored facts differ: %d read back, %d derived", len(got), len(want))
	}
	// A new version of the document derives its facts afresh.
	en2, err := x.Add("hanyang_2020_plan_report.txt", append(data, "\n2020年，新增就业1234人。\n"...))
	if err != nil {
		t.Fatal(err)
	}
	sum2, _ := x.Summary(en2.Doc.ID)
	if sum2.Gen == sum.Gen {
		t.Fatal("no new version")
	}
	fs, err := New(Config{Index: x}).FactsOf(sum2)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range fs {
		found = found || f.Value == 1234
	}
	if !found {
		t.Error("the new version's facts lack its new figure")
	}
}
