package api

import (
	"context"
	"flag"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"reportkb/index"
	"reportkb/index/segment"
	"reportkb/qa"
)

var updateScreenshot = flag.Bool("update-screenshot", false, "write the page's screenshot to docs/screenshot.png")

// chromium returns the path of a Chromium or Chrome binary, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestPageInBrowser drives the page in headless Chromium: it types a
// question, waits for the answer and reads the figure highlighted in its
// sentence.
func TestPageInBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no Chromium installed (apt-get install chromium); skipping the browser test")
	}
	srv := testServer(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// Start the browser on a context without a deadline, then bound the steps.
	if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(bctx, 60*time.Second)
	defer cancel()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		must(err)
		return s
	}

	must(chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible("#ask-q"),
		chromedp.SendKeys("#ask-q", "新增养老床位多少张？"),
		chromedp.Click("#ask-form button"),
		chromedp.WaitVisible(".answer .sentence mark"),
	))
	marked, figure, sentence := text(".answer .sentence mark"), text(".answer .figure"), text(".answer .sentence")
	if marked != "6341张" || !strings.HasPrefix(figure, "6341张") || !strings.Contains(sentence, "新增养老床位6341张") {
		t.Errorf("page shows figure %q, marked %q in %q", figure, marked, sentence)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	must(err)
	out := filepath.Join(t.TempDir(), "screenshot.png")
	if *updateScreenshot {
		out = filepath.Join("..", "docs", "screenshot.png")
	}
	must(os.WriteFile(out, shot, 0o644))

	// Question text cannot inject markup: it comes back as text.
	must(chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/#ask?q="+`<img src=x onerror=alert(1)>多少`),
		chromedp.WaitVisible(".card"),
	))
	injected, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("main img").length`))
	must(err)
	if injected != 0 {
		t.Errorf("an <img> from the question reached the page")
	}

	// The search tab highlights fragments; the documents tab reads a report.
	must(chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/#search?q=方舱医院"),
		chromedp.WaitVisible("#search-result mark"),
	))
	frag := text("#search-result mark")
	must(chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/#doc/hanyang_2020_plan_report/p/39"),
		chromedp.WaitVisible(".para.target"),
	))
	if docTitle := text(".doc-title"); !strings.Contains(frag, "方舱") || !strings.Contains(docTitle, "汉阳区") {
		t.Errorf("search mark %q, document title %q", frag, docTitle)
	}
	// The facts tab filters the figures.
	must(chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/#facts"),
		chromedp.WaitVisible("#facts-subject"),
		chromedp.SendKeys("#facts-subject", "养老床位"),
		chromedp.Click("#facts-form button"),
		chromedp.WaitVisible("#facts-result tbody tr"),
	))
	if row := text("#facts-result tbody"); !strings.Contains(row, "6341张") {
		t.Errorf("facts tab shows %q", row)
	}
}

// corpusDir is the shared corpus of reports, when present.
const corpusDir = "../../shared/corpus/reports"

// TestSeriesPageInBrowser drives the page in headless Chromium: a
// question across regions draws a bar chart and a table, one across
// years a line chart; each figure links to its sentence. With
// -update-screenshot and the shared corpus present, it writes
// docs/series.png over the whole corpus.
func TestSeriesPageInBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no Chromium installed (apt-get install chromium); skipping the browser test")
	}
	cfg := seriesConfig(t)
	srv := httptest.NewServer(New(Config{Index: cfg.Index, Engine: cfg.Engine}))
	defer srv.Close()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1200, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(bctx, 90*time.Second)
	defer cancel()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	count := func(sel string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(sel)+`).length`))
		must(err)
		return n
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		must(err)
		return s
	}

	// Across regions: bars for targets and outcomes, a row per province.
	must(chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/#ask?q="+url.QueryEscape("各省2025年GDP增长目标和实际增长")),
		chromedp.WaitVisible(".series-card svg.chart"),
	))
	if n := count(".series-card rect.bar-outcome"); n < 2 {
		t.Errorf("%d outcome bars", n)
	}
	if n := count(".series-card rect.bar-target"); n < 3 {
		t.Errorf("%d target bars", n)
	}
	table := text(".series-table tbody")
	for _, want := range []string{"安徽省", "5.5%以上", "上海市", "完成"} {
		if !strings.Contains(table, want) {
			t.Errorf("series table lacks %q:\n%s", want, table)
		}
	}
	// Across years: a line chart of the national targets and outcomes.
	must(chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/#series?q="+url.QueryEscape("国内生产总值增长")+"&region="+url.QueryEscape("全国")),
		chromedp.WaitVisible("#series-result svg.chart path.line-outcome"),
	))
	if n := count("#series-result circle.dot-target"); n < 2 {
		t.Errorf("%d target points", n)
	}
	if row := text("#series-result .series-table tbody"); !strings.Contains(row, "6.5%－7%") || !strings.Contains(row, "6.7%") {
		t.Errorf("national table:\n%s", row)
	}
	// A cell links to its sentence in the document.
	must(chromedp.Do(ctx, chromedp.Click("#series-result .series-table tbody td small a"), chromedp.WaitVisible(".para.target")))

	if !*updateScreenshot {
		return
	}
	if _, err := os.Stat(corpusDir); err != nil {
		t.Logf("%s not present: docs/series.png not updated", corpusDir)
		return
	}
	x, err := index.Open(index.Config{Dir: t.TempDir(), Segmenter: segment.Bigram{}, SegmenterName: "bigram"})
	must(err)
	defer x.Close()
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		must(err)
		_, err = x.Add(filepath.Base(f), data)
		must(err)
	}
	big := httptest.NewServer(New(Config{Index: x, Engine: qa.New(qa.Config{Index: x})}))
	defer big.Close()
	ctx, cancel = context.WithTimeout(bctx, 120*time.Second)
	defer cancel()
	must(chromedp.Do(ctx,
		chromedp.Navigate(big.URL+"/#ask?q="+url.QueryEscape("各省2025年GDP增长目标和实际增长")),
		chromedp.WaitVisible(".series-card svg.chart"),
	))
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	must(err)
	must(os.WriteFile(filepath.Join("..", "docs", "series.png"), shot, 0o644))
	must(chromedp.Do(ctx,
		chromedp.Navigate(big.URL+"/#series?q="+url.QueryEscape("国内生产总值增长")+"&region="+url.QueryEscape("全国")+"&from=1992&to=2024"),
		chromedp.WaitVisible("#series-result svg.chart path.line-outcome"),
	))
	shot, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
	must(err)
	must(os.WriteFile(filepath.Join("..", "docs", "series-national.png"), shot, 0o644))
}
