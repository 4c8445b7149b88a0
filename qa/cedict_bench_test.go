package qa

import "testing"

// BenchmarkCedictLoad measures reading the CC-CEDICT word list, which the
// first English question with a word unknown to the glossary pays once.
func BenchmarkCedictLoad(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for i := 0; i < b.N; i++ {
		m, _ := loadCedict()
		n = len(m)
	}
	b.ReportMetric(float64(n), "glosses")
}
