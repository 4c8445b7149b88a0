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
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"reportkb/index"
	"reportkb/index/segment"
	"reportkb/internal/testskip"
	"reportkb/qa"
)

var updateScreenshot = flag.Bool("update-screenshot", false, "write the page's screenshot to docs/screenshot.png")

func skipNoChromium(t *testing.T) {
	t.Helper()
	testskip.Skip(t, "no Chromium (apt-get install chromium)")
}

// chromium returns the path of a Chromium or Chrome binary, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts headless Chromium for a test and returns a context for
// its steps (bounded to a minute) and the exceptions the pages threw.
func browser(t *testing.T, bin string) (context.Context, func() []string) {
	t.Helper()
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
	t.Cleanup(cancel)
	bctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	// Start the browser on a context without a deadline, then bound the steps.
	if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var exceptions []string
	err := chromedp.Listen(bctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			mu.Lock()
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			exceptions = append(exceptions, msg)
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(bctx, 60*time.Second)
	t.Cleanup(cancel)
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), exceptions...)
	}
}

// TestPageInBrowser drives the page in headless Chromium: it types a
// question, waits for the answer and reads the figure highlighted in its
// sentence.
func TestPageInBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		skipNoChromium(t)
	}
	srv := testServer(t)
	ctx, exceptionsOf := browser(t, bin)
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
	if row := text("#facts-result tbody"); !strings.Contains(row, "6341张") || !strings.Contains(row, "关于汉阳区2020年") || strings.Contains(row, "hanyang_2020_plan_report") {
		t.Errorf("facts tab shows %q, want the figure and the report's title rather than its id", row)
	}
	// The unit's placeholder fits its box.
	fits, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const i = document.getElementById("facts-unit"), s = getComputedStyle(i);
		const c = document.createElement("canvas").getContext("2d");
		c.font = s.font;
		return c.measureText(i.placeholder).width <= i.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
	})()`))
	must(err)
	if !fits {
		t.Error("the unit's placeholder is cut")
	}
	// The page names an icon that is served.
	icon, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
		const l = document.querySelector("link[rel=icon]");
		if (!l) return "no icon link";
		const r = await fetch(l.href);
		return r.status + " " + r.headers.get("Content-Type");
	})()`, chromedp.EvalAwaitPromise))
	must(err)
	if !strings.HasPrefix(icon, "200 image/") {
		t.Errorf("icon: %s", icon)
	}

	// A shared question keeps its + and &, through the link and a reload.
	const q = "1+6项 & R&D投入增长多少？"
	must(chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible("#ask-q"),
		chromedp.SendKeys("#ask-q", q),
		chromedp.Click("#ask-form button"),
		chromedp.WaitVisible("#ask-result .card"),
	))
	link, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
	must(err)
	for _, u := range []string{link, "about:blank", link} {
		must(chromedp.Do(ctx, chromedp.Navigate(u)))
	}
	must(chromedp.Do(ctx, chromedp.WaitVisible("#ask-result .card")))
	if got, err := chromedp.Run(ctx, chromedp.Value("#ask-q")); err != nil || got != q {
		t.Errorf("shared link %s gives the question %q, want %q (%v)", link, got, q, err)
	}
	// A malformed % leaves a page that works.
	for _, frag := range []string{"#ask?q=%E4%zz%", "#doc/%zz", "#search?q=100%"} {
		must(chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"+frag), chromedp.WaitVisible("header nav")))
		visible, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("main > section:not([hidden])").length`))
		must(err)
		if visible != 1 {
			t.Errorf("%s: %d views shown", frag, visible)
		}
	}
	if ex := exceptionsOf(); len(ex) > 0 {
		t.Errorf("the page threw: %q", ex)
	}
}

// TestPageWithReadToken drives the page of a server started with
// -read-token: it asks for the token in Chinese, then works with it; the
// facts tab keeps a report with a long id and title within the page.
func TestPageWithReadToken(t *testing.T) {
	bin := chromium()
	if bin == "" {
		skipNoChromium(t)
	}
	srv, x := hostileServer(t, Config{ReadToken: "r3ad"})
	long := strings.Repeat("x", 150)
	if _, err := x.Add(long+".txt", []byte("2025年"+strings.Repeat("LongReportTitle", 10)+"政府工作报告\n一、2024年工作回顾\n全年新增养老床位520张。\n")); err != nil {
		t.Fatal(err)
	}
	ctx, _ := browser(t, bin)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/#facts"),
		chromedp.WaitVisible("#token-form"),
	))
	prompt, err := chromedp.Run(ctx, chromedp.Text("#facts-result"))
	must(err)
	if !strings.Contains(prompt, "访问令牌") {
		t.Errorf("token prompt: %q", prompt)
	}
	must(chromedp.Do(ctx,
		chromedp.SendKeys("#token-input", "wrong"),
		chromedp.Click("#token-form button"),
		chromedp.WaitVisible("#token-form .error, #facts-result .error"),
	))
	if msg, _ := chromedp.Run(ctx, chromedp.Text("#facts-result")); !strings.Contains(msg, "不正确") {
		t.Errorf("wrong token: %q", msg)
	}
	must(chromedp.Do(ctx,
		chromedp.SendKeys("#token-input", "r3ad"),
		chromedp.Click("#token-form button"),
		chromedp.WaitVisible("#facts-result tbody tr"),
	))
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const t = document.querySelector("#facts-result table"), m = document.querySelector("main");
		return t.getBoundingClientRect().right <= m.getBoundingClientRect().right + 1 ? "" : t.scrollWidth + " > " + m.clientWidth;
	})()`))
	must(err)
	if overflow != "" {
		t.Errorf("the facts table is wider than the page: %s", overflow)
	}
	body, err := chromedp.Run(ctx, chromedp.Text("#facts-result tbody"))
	must(err)
	if strings.Contains(body, long) || !strings.Contains(body, "2025年政府工作报告") {
		t.Errorf("the facts tab shows ids rather than titles: %q", body)
	}
	// The token stays for the tab: questions are answered.
	must(chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/#ask?q="+url.QueryEscape("2024年新增养老床位多少张")),
		chromedp.WaitVisible(".answer .figure"),
	))
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
		skipNoChromium(t)
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
