// Command scalebench measures how reportkb's costs grow with the library.
//
// For each scale it grows the corpus by copies, each copy with its region
// and years changed so that no two documents are the same (see grow), adds
// it to a fresh index with `reportkb add`, starts `reportkb serve` and asks
// distinct questions (see questionsFor: no question is asked twice, so the
// answer cache never helps) at 1 and at 8 clients. In the same run it
// indexes the same text in plain bleve (one document per chunk of lines,
// the CJK bigram analyzer, one match query per question) and serves that
// naive lookup over HTTP from a child process, as a yardstick.
//
// It prints, per scale and server: ingest rate and peak RSS, index size on
// disk, time from launch to /healthz and to the first answer, RSS after
// start and after the questions, and p50/p99 latency and throughput at
// each client count.
//
// Usage:
//
//	go run ./scripts/scalebench [-x 1,4,16,64] [-corpus ../shared/corpus/reports]
//	    [-n 1000] [-c 1,8] [-bin reportkb] [-work DIR] [-yardstick=false]
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"reportkb/index/place"
	"reportkb/index/report"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "yardstick" {
		if err := yardstick(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "yardstick:", err)
			os.Exit(1)
		}
		return
	}
	scales := flag.String("x", "1,4,16", "comma-separated scales: copies of the corpus")
	corpus := flag.String("corpus", "../shared/corpus/reports", "directory of reports to grow")
	n := flag.Int("n", 1000, "distinct questions per client count")
	clients := flag.String("c", "1,8", "comma-separated client counts")
	bin := flag.String("bin", "", "reportkb binary (default: build ./cmd/reportkb)")
	work := flag.String("work", "", "working directory for corpora and indexes (default: a temporary one, removed)")
	yard := flag.Bool("yardstick", true, "also measure the naive bleve lookup")
	serveArgs := flag.String("serve-args", "", "more flags for reportkb serve")
	addArgs := flag.String("add-args", "", "more flags for reportkb add")
	keep := flag.Bool("keep", false, "keep each scale's reportkb index in the working directory (index-xN), and reuse it if present")
	large := flag.Float64("large", 4, "first add one document of this many MB of text (the corpus's reports end to end) to an empty index; 0: skip")
	flag.Parse()
	cfg := config{keep: *keep, corpus: *corpus, n: *n, largeMB: *large, yardstick: *yard, serveArgs: strings.Fields(*serveArgs), addArgs: strings.Fields(*addArgs)}
	var err error
	if cfg.scales, err = ints(*scales); err != nil {
		fail(err)
	}
	if cfg.clients, err = ints(*clients); err != nil {
		fail(err)
	}
	if err := run(cfg, *bin, *work); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "scalebench:", err)
	os.Exit(1)
}

type config struct {
	keep               bool
	corpus             string
	scales, clients    []int
	n                  int
	yardstick          bool
	serveArgs, addArgs []string
	bin, self, work    string
	sources            []source
	copiesMade         int
	regions            []string // places the grown corpus covers, for questions
	years              []int
	regionsUpTo        []int // len(regions) after each copy
	largeMB            float64
	textBytes          map[int]int64 // by scale
}

func ints(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bad number %q", f)
		}
		out = append(out, n)
	}
	return out, nil
}

func run(cfg config, bin, work string) error {
	if work == "" {
		tmp, err := os.MkdirTemp("", "reportkb-scale-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		work = tmp
	}
	cfg.work = work
	if bin == "" {
		bin = filepath.Join(work, "reportkb")
		if err := goBuild(bin, "./cmd/reportkb"); err != nil {
			return err
		}
	}
	cfg.bin = bin
	cfg.self = filepath.Join(work, "scalebench")
	if err := goBuild(cfg.self, "./scripts/scalebench"); err != nil {
		return err
	}
	srcs, err := readCorpus(cfg.corpus)
	if err != nil {
		return err
	}
	cfg.sources = srcs
	cfg.textBytes = map[int]int64{}
	fmt.Printf("corpus %s: %d reports; machine: %d cores, load average %s\n", cfg.corpus, len(srcs), numCPU(), loadAvg())
	if cfg.largeMB > 0 {
		if err := cfg.measureLarge(); err != nil {
			return fmt.Errorf("large document: %w", err)
		}
	}
	var rows []row
	for _, x := range cfg.scales {
		if err := cfg.grow(x); err != nil {
			return err
		}
		qs := cfg.questionsFor(x)
		fmt.Printf("\n== %d× (%d documents, %.1f MB of text), %d distinct questions per client count\n",
			x, x*len(srcs), float64(cfg.textBytes[x])/1e6, len(qs)/len(cfg.clients))
		r, err := cfg.measureReportkb(x, qs)
		if err != nil {
			return fmt.Errorf("%d×: reportkb: %w", x, err)
		}
		rows = append(rows, r)
		r.print()
		if cfg.yardstick {
			y, err := cfg.measureYardstick(x, qs)
			if err != nil {
				return fmt.Errorf("%d×: yardstick: %w", x, err)
			}
			rows = append(rows, y)
			y.print()
		}
	}
	fmt.Printf("\n== summary\n")
	printTable(rows, cfg.clients)
	return nil
}

func goBuild(out, pkg string) error {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build %s: %w", pkg, err)
	}
	return nil
}

func numCPU() int {
	data, _ := os.ReadFile("/proc/cpuinfo")
	return max(1, strings.Count(string(data), "processor\t:"))
}

// source is a report of the corpus as read.
type source struct {
	name string
	id   string
	data []byte
	meta report.Meta
}

func readCorpus(dir string) ([]source, error) {
	var out []source
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		id := strings.TrimSuffix(filepath.Base(path), ".txt")
		out = append(out, source{name: filepath.Base(path), id: id, data: data, meta: report.Parse(id, data).Meta})
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no .txt reports in %s", dir)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, nil
}

// copyDir is the directory of copy k of the corpus.
func (cfg *config) copyDir(k int) string {
	return filepath.Join(cfg.work, "corpus", fmt.Sprintf("k%02d", k))
}

var reYear = regexp.MustCompile(`((?:19|20)\d\d)(年|—|-|～|至)`)

// grow writes copies 0..x-1 of the corpus. Copy 0 is the corpus itself.
// Copy k of a report names another division of China (a real one from
// index/place, drawn without repeats for each report, at the report's
// level when there are enough of them): its full name and short form
// replace the report's region and its short form everywhere. Years
// written as such (2024年, 2021—2025) move back by k mod 5, and copies of
// national reports, which keep their region, move back by k. So no two
// documents are the same, and questions can name each copy's place.
func (cfg *config) grow(x int) error {
	divs := map[string][]*place.Division{}
	for _, d := range place.All() {
		if d.Level != place.Zone {
			divs[d.Level] = append(divs[d.Level], d)
			divs["any"] = append(divs["any"], d)
		}
	}
	for k := 0; k < x; k++ {
		dir := cfg.copyDir(k)
		if k < cfg.copiesMade {
			continue
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		for i, s := range cfg.sources {
			name, data := s.name, s.data
			region, years := s.meta.Region, 0
			if k > 0 {
				name = fmt.Sprintf("k%02d_r%03d_%s.txt", k, i, kindWords(s.id))
				text := string(data)
				shift := k % 5
				if region == "全国" || region == "" {
					shift = k
				} else {
					pool := divs[s.meta.Level]
					if len(pool) < 64 {
						pool = divs["any"]
					}
					h := fnv.New64a()
					h.Write([]byte(s.id))
					perm := rand.New(rand.NewPCG(h.Sum64(), 7)).Perm(len(pool))
					d := pool[perm[k%len(perm)]]
					forms := report.PlaceForms(region)
					short := d.Name
					if len(d.Short) > 0 {
						short = d.Short[0]
					}
					text = strings.ReplaceAll(text, forms[0], d.Name)
					if len(forms) > 1 && forms[len(forms)-1] != forms[0] {
						text = strings.ReplaceAll(text, forms[len(forms)-1], short)
					}
					region = d.Name
				}
				years = shift
				text = reYear.ReplaceAllStringFunc(text, func(m string) string {
					y, _ := strconv.Atoi(m[:4])
					return strconv.Itoa(y-shift) + m[4:]
				})
				data = []byte(text)
			}
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				return err
			}
			if region != "" && region != "全国" {
				cfg.regions = append(cfg.regions, region)
			}
			if y := s.meta.ReviewYear; y > 0 {
				cfg.years = append(cfg.years, y-years)
			}
		}
		cfg.copiesMade = k + 1
		cfg.regionsUpTo = append(cfg.regionsUpTo, len(cfg.regions))
	}
	var total int64
	for k := 0; k < x; k++ {
		ents, _ := os.ReadDir(cfg.copyDir(k))
		for _, e := range ents {
			if fi, err := e.Info(); err == nil {
				total += fi.Size()
			}
		}
	}
	cfg.textBytes[x] = total
	return nil
}

// kindWords keeps the words of a report id that say its kind (gov_work_report),
// dropping its place and year, so that a copy's id names no other place.
func kindWords(id string) string {
	var out []string
	for _, w := range strings.Split(id, "_") {
		switch w {
		case "gov", "work", "report", "plan", "budget", "stat", "bulletin", "final", "accounts", "draft":
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return "report"
	}
	return strings.Join(out, "_")
}

// indicators are things reports give figures for.
var indicators = []string{
	"地区生产总值", "一般公共预算收入", "一般公共预算支出", "城镇新增就业", "固定资产投资", "社会消费品零售总额",
	"进出口总额", "城镇居民人均可支配收入", "农村居民人均可支配收入", "粮食产量", "新增养老床位", "规模以上工业增加值",
	"居民消费价格", "城镇调查失业率", "研发经费投入", "实际使用外资", "棚户区改造", "高标准农田", "农村公路",
	"植树造林", "空气质量优良天数比例", "民生支出", "新建学校", "医疗卫生机构", "旅游收入", "接待游客",
	"高新技术企业", "保障性住房", "污水处理", "新能源汽车",
}

var templates = []string{
	"%s%d年%s是多少", "%s%d年%s增长多少", "%d年%s%s多少", "%s%s%d年完成多少", "%s%d年%s目标是多少",
}

// questionsFor returns distinct questions, len(cfg.clients)*n of them, on
// the places and years of the scale-x corpus: templates over indicators ×
// places × years, shuffled, never repeated within a run.
func (cfg *config) questionsFor(x int) []string {
	regions := cfg.regions[:cfg.regionsUpTo[x-1]]
	r := rand.New(rand.NewPCG(uint64(x), 42))
	seen := map[string]bool{}
	want := cfg.n * len(cfg.clients)
	var out []string
	for tries := 0; len(out) < want && tries < want*20; tries++ {
		reg := ""
		if len(regions) > 0 {
			reg = regions[r.IntN(len(regions))]
			if forms := report.PlaceForms(reg); r.IntN(2) == 0 {
				reg = forms[len(forms)-1]
			}
		}
		year := 2024
		if len(cfg.years) > 0 {
			year = cfg.years[r.IntN(len(cfg.years))]
		}
		ind := indicators[r.IntN(len(indicators))]
		var q string
		switch t := r.IntN(len(templates)); t {
		case 2:
			q = fmt.Sprintf(templates[t], year, reg, ind)
		case 3:
			q = fmt.Sprintf(templates[t], reg, ind, year)
		default:
			q = fmt.Sprintf(templates[t], reg, year, ind)
		}
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}

// row is the measurement of one server at one scale.
type row struct {
	server       string
	scale        int
	textMB       float64
	ingest       time.Duration
	ingestCPU    time.Duration // user and system time of the add
	ingestLoad   string        // the machine's load average after the add
	ingestPeakMB float64
	merge        string // how long the add's final merge of segments took, as it says
	reused       bool   // the index of an earlier run (-keep): no ingest measured
	diskMB       float64
	healthz      time.Duration // launch to /healthz
	first        time.Duration // launch to the first answer
	rssStartMB   float64
	rssAfterMB   float64
	peakMB       float64
	loads        []loadResult
	answered     float64 // share of questions with at least one answer
}

func (r row) print() {
	if r.reused {
		fmt.Printf("%-9s index of an earlier run (-keep), %.0f MB on disk\n", r.server, r.diskMB)
	} else {
		fmt.Printf("%-9s ingest %.2f MB/s (%.1f s; %.1f s of CPU: %.2f MB per CPU-second; peak RSS %.0f MB; load %s); index %.0f MB on disk\n",
			r.server, r.textMB/r.ingest.Seconds(), r.ingest.Seconds(), r.ingestCPU.Seconds(), r.textMB/r.ingestCPU.Seconds(), r.ingestPeakMB, r.ingestLoad, r.diskMB)
		if r.merge != "" {
			fmt.Printf("%-9s of which the final merge of the index's segments took %s\n", "", r.merge)
		}
	}
	fmt.Printf("%-9s start: /healthz in %s, first answer in %s; RSS %.0f MB after start, %.0f MB after the questions (peak %.0f MB)\n",
		"", r.healthz.Round(time.Millisecond), r.first.Round(time.Millisecond), r.rssStartMB, r.rssAfterMB, r.peakMB)
	for _, l := range r.loads {
		fmt.Printf("%-9s %d clients: %d questions, %.0f q/s, p50 %.2f ms, p99 %.2f ms, %d errors; server CPU %.2f ms a question; load %s\n",
			"", l.clients, l.n, l.rps, l.pct(0.5), l.pct(0.99), l.errors, l.cpuPer(), l.load)
	}
	if r.answered >= 0 {
		fmt.Printf("%-9s %.0f%% of the questions answered with a figure\n", "", 100*r.answered)
	}
}

func printTable(rows []row, clients []int) {
	fmt.Printf("| scale | server | text MB | ingest MB/s | MB per CPU-s | add peak RSS MB | index MB | to /healthz | to first answer | RSS after start MB | RSS after questions MB |")
	for _, c := range clients {
		fmt.Printf(" %d client p50 / p99 ms | %d client q/s | CPU ms/q |", c, c)
	}
	fmt.Println()
	fmt.Print("|---|---|---|---|---|---|---|---|---|---|---|")
	for range clients {
		fmt.Print("---|---|---|")
	}
	fmt.Println()
	for _, r := range rows {
		fmt.Printf("| %d× | %s | %.1f | %.2f | %.2f | %.0f | %.0f | %s | %s | %.0f | %.0f |", r.scale, r.server, r.textMB,
			r.textMB/r.ingest.Seconds(), r.textMB/r.ingestCPU.Seconds(), r.ingestPeakMB, r.diskMB, r.healthz.Round(time.Millisecond), r.first.Round(time.Millisecond),
			r.rssStartMB, r.rssAfterMB)
		for _, l := range r.loads {
			fmt.Printf(" %.1f / %.1f | %.0f | %.1f |", l.pct(0.5), l.pct(0.99), l.rps, l.cpuPer())
		}
		fmt.Println()
	}
}

func (cfg *config) measureReportkb(x int, qs []string) (row, error) {
	r := row{server: "reportkb", scale: x, textMB: float64(cfg.textBytes[x]) / 1e6, answered: -1}
	idx := filepath.Join(cfg.work, fmt.Sprintf("index-x%d", x))
	if _, err := os.Stat(filepath.Join(idx, "store.db")); cfg.keep && err == nil {
		// A kept index of an earlier run: measure serving only.
		r.reused = true
		r.diskMB = du(idx)
		return cfg.serveReportkb(r, idx, qs)
	}
	os.RemoveAll(idx)
	if !cfg.keep {
		defer os.RemoveAll(idx)
	}
	args := append([]string{"add", "-index", idx}, cfg.addArgs...)
	for k := 0; k < x; k++ {
		args = append(args, cfg.copyDir(k))
	}
	add := exec.Command(cfg.bin, args...)
	var out strings.Builder
	add.Stdout, add.Stderr = &out, &out
	t0 := time.Now()
	if err := add.Run(); err != nil {
		return r, fmt.Errorf("add: %w: %s", err, tail(out.String()))
	}
	r.ingest = time.Since(t0)
	if _, after, ok := strings.Cut(out.String(), "merged the search index's segments in "); ok {
		r.merge, _, _ = strings.Cut(after, "\n")
	}
	r.ingestLoad = loadAvg()
	r.ingestPeakMB = maxRSS(add)
	r.ingestCPU = add.ProcessState.UserTime() + add.ProcessState.SystemTime()
	r.diskMB = du(idx)
	return cfg.serveReportkb(r, idx, qs)
}

// serveReportkb starts reportkb serve on idx and asks it the questions.
func (cfg *config) serveReportkb(r row, idx string, qs []string) (row, error) {
	srv, base, err := cfg.start(cfg.bin, append([]string{"serve", "-index", idx, "-rate", "-1"}, cfg.serveArgs...), &r,
		"/healthz", "/api/v1/ask?q="+url.QueryEscape("2023年地区生产总值增长多少"))
	if err != nil {
		return r, err
	}
	defer stop(srv)
	var answered, asked int
	var mu sync.Mutex
	for i, c := range cfg.clients {
		batch := qs[i*len(qs)/len(cfg.clients) : (i+1)*len(qs)/len(cfg.clients)]
		cpu0 := procCPU(srv.Process.Pid)
		l := drive(c, batch, func(q string) string { return base + "/api/v1/ask?q=" + url.QueryEscape(q) }, func(body []byte) {
			var resp struct {
				Answers []json.RawMessage `json:"answers"`
			}
			json.Unmarshal(body, &resp)
			mu.Lock()
			asked++
			if len(resp.Answers) > 0 {
				answered++
			}
			mu.Unlock()
		})
		l.cpu = procCPU(srv.Process.Pid) - cpu0
		r.loads = append(r.loads, l)
	}
	r.answered = float64(answered) / float64(max(asked, 1))
	r.rssAfterMB = float64(memKB(srv.Process.Pid, "VmRSS")) / 1024
	r.peakMB = float64(memKB(srv.Process.Pid, "VmHWM")) / 1024
	return r, nil
}

// measureLarge adds one large document to an empty index and reports its
// time and the peak memory of the add.
func (cfg *config) measureLarge() error {
	var b []byte
	for len(b) < int(cfg.largeMB*1e6) {
		for _, s := range cfg.sources {
			b = append(b, s.data...)
			b = append(b, '\n')
			if len(b) >= int(cfg.largeMB*1e6) {
				break
			}
		}
	}
	path := filepath.Join(cfg.work, "large_report.txt")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return err
	}
	idx := filepath.Join(cfg.work, "index-large")
	os.RemoveAll(idx)
	defer os.RemoveAll(idx)
	// The index and its seed first, so that the add measures the document.
	if out, err := exec.Command(cfg.bin, "ls", "-index", idx).CombinedOutput(); err != nil {
		return fmt.Errorf("ls: %w: %s", err, tail(string(out)))
	}
	add := exec.Command(cfg.bin, append([]string{"add", "-index", idx}, append(cfg.addArgs, path)...)...)
	t0 := time.Now()
	out, err := add.CombinedOutput()
	if err != nil {
		return fmt.Errorf("add: %w: %s", err, tail(string(out)))
	}
	fmt.Printf("adding one document of %.1f MB of text: %.1f s (%.1f s of CPU), peak RSS %.0f MB\n", float64(len(b))/1e6,
		time.Since(t0).Seconds(), (add.ProcessState.UserTime() + add.ProcessState.SystemTime()).Seconds(), maxRSS(add))
	return nil
}

func (cfg *config) measureYardstick(x int, qs []string) (row, error) {
	r := row{server: "yardstick", scale: x, textMB: float64(cfg.textBytes[x]) / 1e6, answered: -1}
	idx := filepath.Join(cfg.work, fmt.Sprintf("yardstick-x%d", x))
	os.RemoveAll(idx)
	defer os.RemoveAll(idx)
	args := []string{"yardstick", "build", idx}
	for k := 0; k < x; k++ {
		args = append(args, cfg.copyDir(k))
	}
	b := exec.Command(cfg.self, args...)
	var out strings.Builder
	b.Stdout, b.Stderr = &out, &out
	t0 := time.Now()
	if err := b.Run(); err != nil {
		return r, fmt.Errorf("build: %w: %s", err, tail(out.String()))
	}
	r.ingest = time.Since(t0)
	if _, after, ok := strings.Cut(out.String(), "merged the search index's segments in "); ok {
		r.merge, _, _ = strings.Cut(after, "\n")
	}
	r.ingestLoad = loadAvg()
	r.ingestPeakMB = maxRSS(b)
	r.ingestCPU = b.ProcessState.UserTime() + b.ProcessState.SystemTime()
	r.diskMB = du(idx)
	srv, base, err := cfg.start(cfg.self, []string{"yardstick", "serve", idx}, &r, "/healthz", "/search?q="+url.QueryEscape("2023年地区生产总值增长多少"))
	if err != nil {
		return r, err
	}
	defer stop(srv)
	for i, c := range cfg.clients {
		batch := qs[i*len(qs)/len(cfg.clients) : (i+1)*len(qs)/len(cfg.clients)]
		cpu0 := procCPU(srv.Process.Pid)
		l := drive(c, batch, func(q string) string { return base + "/search?q=" + url.QueryEscape(q) }, nil)
		l.cpu = procCPU(srv.Process.Pid) - cpu0
		r.loads = append(r.loads, l)
	}
	r.rssAfterMB = float64(memKB(srv.Process.Pid, "VmRSS")) / 1024
	r.peakMB = float64(memKB(srv.Process.Pid, "VmHWM")) / 1024
	return r, nil
}

// start launches a server with -addr appended, and measures the time to
// the health path and to the first answer of the ask path, and the RSS
// then.
func (cfg *config) start(bin string, args []string, r *row, health, ask string) (*exec.Cmd, string, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, "", err
	}
	srv := exec.Command(bin, append(args, "-addr", addr)...)
	logf, err := os.Create(filepath.Join(cfg.work, "server.log"))
	if err != nil {
		return nil, "", err
	}
	defer logf.Close()
	srv.Stdout, srv.Stderr = logf, logf
	t0 := time.Now()
	if err := srv.Start(); err != nil {
		return nil, "", err
	}
	base := "http://" + addr
	client := &http.Client{Timeout: 120 * time.Second}
	wait := func(path string) (time.Duration, error) {
		deadline := time.Now().Add(10 * time.Minute)
		for time.Now().Before(deadline) {
			resp, err := client.Get(base + path)
			if err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode == 200 {
					return time.Since(t0), nil
				}
			}
			time.Sleep(10 * time.Millisecond)
		}
		return 0, fmt.Errorf("%s: no answer", path)
	}
	if r.healthz, err = wait(health); err != nil {
		stop(srv)
		return nil, "", err
	}
	if r.first, err = wait(ask); err != nil {
		stop(srv)
		return nil, "", err
	}
	r.rssStartMB = float64(memKB(srv.Process.Pid, "VmRSS")) / 1024
	return srv, base, nil
}

func stop(cmd *exec.Cmd) {
	cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-done
	}
}

func tail(s string) string {
	if len(s) > 2000 {
		return s[len(s)-2000:]
	}
	return s
}

func maxRSS(cmd *exec.Cmd) float64 {
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return float64(ru.Maxrss) / 1024
	}
	return 0
}

func du(dir string) float64 {
	var n int64
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return float64(n) / 1e6
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// loadResult is one run of questions at a client count.
type loadResult struct {
	clients   int
	n, errors int
	rps       float64
	lat       []time.Duration
	cpu       time.Duration // the server's CPU time for the questions
	load      string        // the machine's load average after the questions
}

func (l loadResult) cpuPer() float64 {
	return float64(l.cpu) / 1e6 / float64(max(l.n, 1))
}

func (l loadResult) pct(p float64) float64 {
	if len(l.lat) == 0 {
		return 0
	}
	return float64(l.lat[min(len(l.lat)-1, int(p*float64(len(l.lat))))]) / 1e6
}

// drive asks every question once, with c clients taking them in turn.
func drive(c int, qs []string, urlOf func(string) string, check func([]byte)) loadResult {
	tr := &http.Transport{MaxIdleConns: c, MaxIdleConnsPerHost: c, MaxConnsPerHost: c}
	client := &http.Client{Transport: tr, Timeout: 120 * time.Second}
	defer tr.CloseIdleConnections()
	next := make(chan string)
	go func() {
		for _, q := range qs {
			next <- q
		}
		close(next)
	}()
	var mu sync.Mutex
	res := loadResult{clients: c}
	var wg sync.WaitGroup
	t0 := time.Now()
	for w := 0; w < c; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for q := range next {
				s := time.Now()
				req, _ := http.NewRequestWithContext(context.Background(), "GET", urlOf(q), nil)
				resp, err := client.Do(req)
				var body []byte
				ok := err == nil
				if ok {
					body, _ = io.ReadAll(resp.Body)
					resp.Body.Close()
					ok = resp.StatusCode == 200
				}
				d := time.Since(s)
				if ok && check != nil {
					check(body)
				}
				mu.Lock()
				res.n++
				if !ok {
					res.errors++
				}
				res.lat = append(res.lat, d)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	res.rps = float64(res.n) / time.Since(t0).Seconds()
	res.load = loadAvg()
	sort.Slice(res.lat, func(i, j int) bool { return res.lat[i] < res.lat[j] })
	return res
}

// procCPU returns the user and system time a process has used.
func procCPU(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// Fields after the command name, which is in parentheses.
	i := strings.LastIndexByte(string(data), ')')
	fs := strings.Fields(string(data[i+1:]))
	if len(fs) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(fs[11], 10, 64)
	st, _ := strconv.ParseInt(fs[12], 10, 64)
	return time.Duration(ut+st) * time.Second / 100 // USER_HZ
}

// loadAvg returns the machine's load averages over 1, 5 and 15 minutes,
// for the record: other work on the machine slows every figure.
func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// memKB reads a memory figure of a process from /proc (VmRSS, VmHWM).
func memKB(pid int, field string) int {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), field+":") {
			fs := strings.Fields(sc.Text())
			if len(fs) >= 2 {
				n, _ := strconv.Atoi(fs[1])
				return n
			}
		}
	}
	return 0
}

var errUsage = errors.New("usage: scalebench yardstick build INDEX DIR... | yardstick serve INDEX -addr ADDR")
