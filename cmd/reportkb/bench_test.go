package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
	"time"

	"reportkb/index"
	"reportkb/index/jieba"
	"reportkb/index/report"
	"reportkb/qa"
	"reportkb/seeds"
)

// benchQuestions is the fixed mix of questions the ask benchmarks use:
// figures, targets, table, definition, English and unanswerable.
var benchQuestions = []string{
	"新增养老床位多少张？", "2020年建造了几座方舱医院？", "全年安排防疫资金多少？", "2021年地区生产总值计划增长多少？",
	"2020年招商引资实际到位资金预计完成多少？", "连续几次获评省级双拥模范城？", "什么是六稳？", "汉阳区有多少所大学？",
	"How many beds were added?", "What is the GDP growth target for 2021?", "2020年地区生产总值预计完成多少",
	"上海2024年新增了多少养老床位", "湖北2025年城镇新增就业目标", "城镇登记失业率控制在多少", "棚改新开工多少套？",
}

func seedSources() []index.Source {
	var srcs []index.Source
	for _, f := range seeds.Files() {
		srcs = append(srcs, index.Source{Name: f.Name, Data: f.Data})
	}
	return srcs
}

func corpusSources(b *testing.B) []index.Source {
	files, _ := filepath.Glob("../../../shared/corpus/reports/*.txt")
	if len(files) == 0 {
		b.Skip("../shared/corpus/reports not present; skipping the corpus benchmark")
	}
	var srcs []index.Source
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, index.Source{Name: filepath.Base(f), Data: data})
	}
	return srcs
}

func openBench(b *testing.B, srcs []index.Source) (*qa.Engine, *index.Index) {
	b.Helper()
	seg, err := jieba.Open("")
	if err != nil {
		b.Fatal(err)
	}
	x, err := index.Open(index.Config{Dir: b.TempDir(), Segmenter: seg, Seeds: srcs})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { x.Close() })
	// Served indexes are compacted (reportkb add merges the segments of
	// a large add): measure the same state, not bleve merging in the
	// background.
	if err := x.Compact(context.Background()); err != nil {
		b.Fatal(err)
	}
	home := []string{"hanyang_2020_plan_report"}
	return qa.New(qa.Config{Index: x, Home: home}), x
}

// benchAsk asks the mix in turn and reports the latency percentiles.
func benchAsk(b *testing.B, eng *qa.Engine) {
	ctx := context.Background()
	for _, q := range benchQuestions { // warm the per-document caches
		eng.Ask(ctx, qa.Request{Question: q})
	}
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := benchQuestions[i%len(benchQuestions)]
		t0 := time.Now()
		if _, err := eng.Ask(ctx, qa.Request{Question: q}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))]) / 1e6
	}
	b.ReportMetric(pct(0.5), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

func BenchmarkAskSeed(b *testing.B) {
	eng, _ := openBench(b, seedSources())
	benchAsk(b, eng)
}

func BenchmarkAskCorpus(b *testing.B) {
	eng, _ := openBench(b, append(seedSources(), corpusSources(b)...))
	benchAsk(b, eng)
}

// BenchmarkAskDistinct asks the corpus questions that are never asked
// twice, as the scale benchmark does (scripts/scalebench): templates over
// indicators × the reports' regions × the years they review, so no answer
// and no sentence view is reused from the same question. It is the
// in-process part of a distinct question's cost, without HTTP.
func BenchmarkAskDistinct(b *testing.B) {
	eng, x := openBench(b, append(seedSources(), corpusSources(b)...))
	qs := distinctQuestions(x.Summaries(), 500+b.N)
	ctx := context.Background()
	for _, q := range qs[:500] { // warm the caches as a running server's are
		eng.Ask(ctx, qa.Request{Question: q})
	}
	qs = qs[500:]
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := eng.Ask(ctx, qa.Request{Question: qs[i]}); err != nil {
			b.Fatal(err)
		}
	}
}

// distinctQuestions returns n distinct questions over the regions and
// review years of sums, each region and year as often as reports have it.
func distinctQuestions(sums []*index.Summary, n int) []string {
	indicators := []string{"地区生产总值", "一般公共预算收入", "城镇新增就业", "固定资产投资", "社会消费品零售总额",
		"进出口总额", "城镇居民人均可支配收入", "粮食产量", "新增养老床位", "规模以上工业增加值", "居民消费价格",
		"研发经费投入", "实际使用外资", "高标准农田", "农村公路", "民生支出", "旅游收入", "高新技术企业", "保障性住房", "新能源汽车"}
	templates := []string{"%s%d年%s是多少", "%s%d年%s增长多少", "%[2]d年%[1]s%[3]s多少", "%[1]s%[3]s%[2]d年完成多少", "%s%d年%s目标是多少"}
	var regions []string
	var years []int
	for _, s := range sums {
		if r := s.Meta.Region; r != "" && r != "全国" {
			regions = append(regions, r)
		}
		if s.Meta.ReviewYear > 0 {
			years = append(years, s.Meta.ReviewYear)
		}
	}
	if len(regions) == 0 || len(years) == 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(1, 42))
	seen := map[string]bool{}
	var out []string
	for tries := 0; len(out) < n && tries < 50*n; tries++ {
		reg := regions[r.IntN(len(regions))]
		if forms := report.PlaceForms(reg); r.IntN(2) == 0 {
			reg = forms[len(forms)-1]
		}
		q := fmt.Sprintf(templates[r.IntN(len(templates))], reg, years[r.IntN(len(years))], indicators[r.IntN(len(indicators))])
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	for len(out) < n { // more asked than there are: repeat, as few as can be
		out = append(out, out[len(out)%max(1, len(seen))])
	}
	return out
}

func benchIndex(b *testing.B, srcs []index.Source) {
	seg, err := jieba.Open("")
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	for _, s := range srcs {
		n += int64(len(s.Data))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x, err := index.Open(index.Config{Dir: b.TempDir(), Segmenter: seg})
		if err != nil {
			b.Fatal(err)
		}
		if err := x.AddAll(srcs, 0, nil); err != nil {
			b.Fatal(err)
		}
		x.Close()
	}
}

func BenchmarkIndexSeed(b *testing.B) {
	benchIndex(b, seedSources())
}

func BenchmarkIndexCorpus(b *testing.B) {
	benchIndex(b, corpusSources(b))
}

// BenchmarkAddLarge adds one document of 4 MB of text (the corpus's
// reports end to end) and reports the peak of the Go heap during the add
// (peak-heap-MB); gojieba's dictionaries, about 150 MB, are outside it.
func BenchmarkAddLarge(b *testing.B) {
	var data []byte
	for _, s := range corpusSources(b) {
		if len(data) >= 4<<20 {
			break
		}
		data = append(append(data, s.Data...), '\n')
	}
	seg, err := jieba.Open("")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	peak := uint64(0)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		x, err := index.Open(index.Config{Dir: b.TempDir(), Segmenter: seg})
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		stop := make(chan struct{})
		done := make(chan uint64)
		go func() {
			var m runtime.MemStats
			max := uint64(0)
			t := time.NewTicker(5 * time.Millisecond)
			defer t.Stop()
			for {
				runtime.ReadMemStats(&m)
				if m.HeapInuse > max {
					max = m.HeapInuse
				}
				select {
				case <-stop:
					done <- max
					return
				case <-t.C:
				}
			}
		}()
		b.StartTimer()
		if _, err := x.Add("large.txt", data); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		close(stop)
		peak = max(peak, <-done)
		x.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
