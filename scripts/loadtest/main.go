// Command loadtest starts a reportkb server and drives /api/v1/ask with a
// mix of real questions at several concurrencies, measuring requests per
// second, latency percentiles and the server's peak memory; in the same run
// it measures /healthz as the HTTP floor and prints ask throughput as a
// fraction of it. With -soak it then runs one long load and samples the
// server's memory, to show that it stays flat.
//
// Usage:
//
//	go run ./scripts/loadtest [-corpus ../shared/corpus/reports] [-d 10s] [-c 1,8,32] [-soak 60s]
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// questions is the mix of real questions: figures, targets, a table
// question, a definition, English and unanswerable ones, and questions on
// other reports when the corpus is loaded.
var questions = []string{
	"新增养老床位多少张？", "2020年建造了几座方舱医院？", "全年安排防疫资金多少？", "2021年地区生产总值计划增长多少？",
	"2020年招商引资实际到位资金预计完成多少？", "连续几次获评省级双拥模范城？", "什么是六稳？", "汉阳区有多少所大学？",
	"How many beds were added?", "What is the GDP growth target for 2021?", "2020年地区生产总值预计完成多少",
	"上海2024年新增了多少养老床位", "湖北2025年城镇新增就业目标", "城镇登记失业率控制在多少", "棚改新开工多少套？",
	"2021年力争新增就业多少人？", "发放基本养老金多少亿元？", "拆除违规户外广告招牌多少处？",
}

func main() {
	bin := flag.String("bin", "", "reportkb binary (default: build ./cmd/reportkb)")
	corpus := flag.String("corpus", "", "directory of reports to add before the test")
	dur := flag.Duration("d", 10*time.Second, "duration of each measurement")
	conc := flag.String("c", "1,8,32", "comma-separated concurrencies")
	soak := flag.Duration("soak", 0, "then run a soak test this long at the highest concurrency")
	serveArgs := flag.String("serve-args", "", "more flags for reportkb serve, e.g. \"-cache 0\" to measure without the answer cache")
	flag.Parse()
	if err := run(*bin, *corpus, *dur, *conc, *soak, strings.Fields(*serveArgs)); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run(bin, corpus string, dur time.Duration, concList string, soak time.Duration, serveArgs []string) error {
	tmp, err := os.MkdirTemp("", "reportkb-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if bin == "" {
		bin = filepath.Join(tmp, "reportkb")
		build := exec.Command("go", "build", "-o", bin, "./cmd/reportkb")
		build.Stdout, build.Stderr = os.Stdout, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("build: %w", err)
		}
	}
	idx := filepath.Join(tmp, "index")
	if corpus != "" {
		add := exec.Command(bin, "add", "-index", idx, corpus)
		add.Stderr = os.Stderr
		out, err := add.Output()
		if err != nil {
			return fmt.Errorf("add %s: %w", corpus, err)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		fmt.Println(lines[len(lines)-1])
	}
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	srv := exec.Command(bin, append([]string{"serve", "-addr", addr, "-index", idx, "-rate", "-1"}, serveArgs...)...)
	srv.Stderr = io.Discard
	start := time.Now()
	if err := srv.Start(); err != nil {
		return err
	}
	defer func() {
		srv.Process.Signal(os.Interrupt)
		srv.Wait()
	}()
	base := "http://" + addr
	if err := waitReady(base, 30*time.Second); err != nil {
		return err
	}
	fmt.Printf("server ready in %s (launch to first answer), pid %d\n", time.Since(start).Round(time.Millisecond), srv.Process.Pid)
	var concs []int
	for _, f := range strings.Split(concList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return fmt.Errorf("bad concurrency %q", f)
		}
		concs = append(concs, n)
	}
	fmt.Printf("\n%-8s %-6s %10s %9s %9s %8s %10s\n", "endpoint", "conns", "req/s", "p50 ms", "p99 ms", "errors", "ask/floor")
	for _, c := range concs {
		h := load(base, "healthz", c, dur)
		a := load(base, "ask", c, dur)
		h.print("healthz", c, 0)
		a.print("ask", c, a.rps/h.rps)
	}
	fmt.Printf("\npeak RSS of the server: %.0f MB\n", float64(memKB(srv.Process.Pid, "VmHWM"))/1024)
	if soak > 0 {
		c := concs[len(concs)-1]
		fmt.Printf("\nsoak: %s at %d connections\n", soak, c)
		stop := make(chan struct{})
		var samples []int
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTicker(5 * time.Second)
			defer t.Stop()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
					samples = append(samples, memKB(srv.Process.Pid, "VmRSS"))
				}
			}
		}()
		r := load(base, "ask", c, soak)
		close(stop)
		wg.Wait()
		r.print("ask", c, 0)
		var mb []string
		for _, s := range samples {
			mb = append(mb, fmt.Sprintf("%.0f", float64(s)/1024))
		}
		fmt.Printf("RSS every 5 s (MB): %s\n", strings.Join(mb, " "))
		if r.errors > 0 {
			return fmt.Errorf("soak: %d errors", r.errors)
		}
	}
	return nil
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func waitReady(base string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "/api/v1/ask?q=" + url.QueryEscape("新增养老床位多少张"))
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	return errors.New("server not ready")
}

// result is one measurement.
type result struct {
	n, errors int64
	rps       float64
	lat       []time.Duration
}

func (r result) pct(p float64) float64 {
	if len(r.lat) == 0 {
		return 0
	}
	return float64(r.lat[min(len(r.lat)-1, int(p*float64(len(r.lat))))]) / 1e6
}

func (r result) print(name string, c int, ratio float64) {
	rs := ""
	if ratio > 0 {
		rs = fmt.Sprintf("%9.0f%%", 100*ratio)
	}
	fmt.Printf("%-8s %-6d %10.0f %9.2f %9.2f %8d %10s\n", name, c, r.rps, r.pct(0.5), r.pct(0.99), r.errors, rs)
}

// load runs c workers against the endpoint for d.
func load(base, endpoint string, c int, d time.Duration) result {
	tr := &http.Transport{MaxIdleConns: c, MaxIdleConnsPerHost: c, MaxConnsPerHost: c}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	defer tr.CloseIdleConnections()
	var urls []string
	for _, q := range questions {
		if endpoint == "healthz" {
			urls = append(urls, base+"/healthz")
		} else {
			urls = append(urls, base+"/api/v1/ask?q="+url.QueryEscape(q))
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var n, errs atomic.Int64
	lats := make([][]time.Duration, c)
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < c; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; ctx.Err() == nil; i++ {
				t0 := time.Now()
				req, _ := http.NewRequestWithContext(ctx, "GET", urls[i%len(urls)], nil)
				resp, err := client.Do(req)
				if err != nil {
					if ctx.Err() == nil {
						errs.Add(1)
					}
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					errs.Add(1)
				}
				n.Add(1)
				lats[w] = append(lats[w], time.Since(t0))
			}
		}(w)
	}
	wg.Wait()
	el := time.Since(start)
	var all []time.Duration
	for _, l := range lats {
		all = append(all, l...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	return result{n: n.Load(), errors: errs.Load(), rps: float64(n.Load()) / el.Seconds(), lat: all}
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
