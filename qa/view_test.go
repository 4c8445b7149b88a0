package qa

import (
	"strings"
	"testing"

	"reportkb/index"
)

// A question finds its concepts in a sentence once: the copies it is given
// are its own to change, and a question whose concepts grow (a spelled
// name's words) finds them again.
func TestViewerConceptsOnce(t *testing.T) {
	doc := "某市2024年政府工作报告\n\n一、过去一年工作回顾\n\n全年新增养老床位6341张，养老服务中心覆盖所有街道。\n"
	e := smallEngine(t, "hubei_wuhan_mou_2024_gov_work_report.txt", doc)
	sum := e.x.Summaries()[0]
	var rec *index.Sentence
	for n := 0; n < sum.Sentences && rec == nil; n++ {
		recs, err := e.x.Sentences([]index.Ref{{Doc: sum.ID, Gen: sum.Gen, N: n}})
		if err != nil || len(recs) != 1 || recs[0] == nil {
			t.Fatalf("sentence %d: %v", n, err)
		}
		if strings.Contains(recs[0].Text, "养老床位") {
			rec = recs[0]
		}
	}
	if rec == nil {
		t.Fatal("no sentence holds 养老床位")
	}
	q := e.an.Analyze("新增养老床位多少张")
	vw := e.newViewer()
	v := vw.viewOf(sum, rec)
	want := findConcepts(q, v.folded, v.offs, &v.runes)
	first := vw.concepts(q, v)
	if len(first) != len(want) || len(first) == 0 || len(first[0]) == 0 {
		t.Fatalf("concepts %v, want %v", first, want)
	}
	first[0][0].pinned = 0.5
	first[0] = append(first[0], occurrence{start: 1})
	second := vw.concepts(q, v)
	if len(second[0]) != len(want[0]) || second[0][0] != want[0][0] {
		t.Errorf("second copy %+v, want %+v: the first copy's changes leaked", second[0], want[0])
	}
	q.Concepts = append(q.Concepts, Concept{Word: "养老服务中心", Alts: []Alt{{Text: "养老服务中心", Factor: 1}}})
	q.Concepts[len(q.Concepts)-1].prepare()
	if got := vw.concepts(q, v); len(got) != len(q.Concepts) || len(got[len(got)-1]) == 0 {
		t.Errorf("after a concept was added: %v, want %d concepts, the last found", got, len(q.Concepts))
	}
}
