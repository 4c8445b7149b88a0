package index

import "testing"

// BenchmarkSentences reads the records of 80 sentences, as a question's
// candidates.
func BenchmarkSentences(b *testing.B) {
	x := open(b, b.TempDir(), seed(b))
	defer x.Close()
	sum, _ := x.Summary("hanyang_2020_plan_report")
	refs := make([]Ref, 80)
	for i := range refs {
		refs[i] = Ref{Doc: sum.ID, Gen: sum.Gen, N: (i * 7) % sum.Sentences}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := x.Sentences(refs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchRecords searches sentences with a region filter and
// reads the hits' records; BenchmarkSearchEntries does the same through
// the parsed documents.
func BenchmarkSearchRecords(b *testing.B) { benchSearch(b, true) }

func BenchmarkSearchEntries(b *testing.B) { benchSearch(b, false) }

func benchSearch(b *testing.B, records bool) {
	x := open(b, b.TempDir(), seed(b))
	defer x.Close()
	for _, name := range []string{"shanghai_2025_gov_work_report.txt", "hubei_2025_gov_work_report.txt"} {
		s := corpusFile(b, name)
		if _, err := x.Add(s.Name, s.Data); err != nil {
			b.Fatal(err)
		}
	}
	q := Query{Terms: x.QueryTerms("新增养老床位"), Sentences: true, Size: 80, Records: records, Filter: Filter{Region: "上海"}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		hits, _, err := x.SearchTerms(q)
		if err != nil || len(hits) == 0 {
			b.Fatal(err, len(hits))
		}
	}
}
