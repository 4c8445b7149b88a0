// Command reportkb is a knowledge base of Chinese government reports: it
// answers questions with the figure, its unit and the sentence it stands
// in.
//
// Usage:
//
//	reportkb serve [-addr 127.0.0.1:8080] [-index DIR] [-dict DIR]
//	reportkb ask [-json] [-doc ID] [-index DIR] QUESTION
//	reportkb search [-doc ID] [-size N] [-index DIR] QUERY
//	reportkb add [-index DIR] PATH...
//	reportkb rm [-index DIR] ID...
//	reportkb ls [-index DIR]
//
// The reports embedded in the binary are indexed on first use.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/http/pprof"
	"net/netip"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"reportkb/api"
	"reportkb/api/bot"
	"reportkb/index"
	"reportkb/index/jieba"
	"reportkb/index/segment"
	"reportkb/qa"
	"reportkb/seeds"
)

const usage = `reportkb answers questions about Chinese government reports.

Usage:
  reportkb serve  [-addr 127.0.0.1:8080] [-index DIR] [-dict DIR]
  reportkb ask    [-json] [-doc ID] [-k N] [-index DIR] QUESTION
  reportkb search [-doc ID] [-size N] [-index DIR] QUERY
  reportkb add    [-index DIR] [-j N] PATH...   (files or directories: .txt .md .pdf .docx .html)
  reportkb rm     [-index DIR] ID...
  reportkb ls     [-index DIR] [-json]
  reportkb facts  [-doc ID] [-format csv|tsv|json] [-q WORDS] [-subject WORDS] [-unit U] [-period YEAR] [-check]
  reportkb locate [-doc ID] [-json] TEXT
  reportkb mcp    [-index DIR]    (the MCP tools over stdio, for AI assistants)
  reportkb series [-region R] [-level L] [-year Y] [-from Y1 -to Y2] [-format table|csv|json] [-list] INDICATOR
  reportkb publish -to ROOT [-index DIR]   (a snapshot for read-only replicas: serve -replica ROOT)

Run "reportkb COMMAND -h" for the flags of a command.
The index lives in -index DIR (default %s, or $REPORTKB_INDEX);
gojieba's dictionaries are found automatically, or in -dict DIR / $REPORTKB_DICT.
`

// stdin is what "reportkb mcp" reads its requests from.
var stdin io.Reader = os.Stdin

func main() {
	useHugePages()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command line args and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintf(stderr, usage, defaultIndexDir())
		return 2
	}
	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "serve":
		err = serve(rest, stderr)
	case "ask":
		err = ask(rest, stdout, stderr)
	case "search":
		err = search(rest, stdout, stderr)
	case "add":
		err = add(rest, stdout, stderr)
	case "rm":
		err = rm(rest, stdout, stderr)
	case "ls":
		err = ls(rest, stdout, stderr)
	case "facts":
		err = facts(rest, stdout, stderr)
	case "locate":
		err = locate(rest, stdout, stderr)
	case "series":
		err = seriesCmd(rest, stdout, stderr)
	case "publish":
		err = publishCmd(rest, stdout, stderr)
	case "mcp":
		err = mcpCmd(rest, stdin, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprintf(stdout, usage, defaultIndexDir())
		return 0
	default:
		fmt.Fprintf(stderr, "reportkb: unknown command %q\n\n", cmd)
		fmt.Fprintf(stderr, usage, defaultIndexDir())
		return 2
	}
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "reportkb %s: %v\n", cmd, err)
		return 2
	}
	fmt.Fprintf(stderr, "reportkb %s: %v\n", cmd, err)
	return 1
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// defaultIndexDir is the per-user data directory of the index.
func defaultIndexDir() string {
	if d := os.Getenv("REPORTKB_INDEX"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "reportkb")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "reportkb")
	}
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "reportkb")
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "reportkb")
		}
	}
	return filepath.Join(home, ".local", "share", "reportkb")
}

// common holds the flags every command has.
type common struct {
	index   string
	dict    string
	quiet   bool
	maxText float64 // MB
	// docCache is the bytes of parsed documents kept; 0: the index's default.
	docCache int64
	// background loads the dictionaries in the background (serve).
	background bool
	// replica is a publish root (or snapshot) to open read-only.
	replica string
	// shards are publish roots (or snapshots) to open read-only as one.
	shards string
}

func (c *common) register(fs *flag.FlagSet) {
	fs.StringVar(&c.index, "index", defaultIndexDir(), "index `directory`")
	fs.StringVar(&c.dict, "dict", "", "gojieba dictionary `directory` (default: $"+jieba.EnvDict+", or found automatically)")
	def := float64(index.DefaultMaxText >> 20)
	if v, err := strconv.ParseFloat(os.Getenv("REPORTKB_MAX_TEXT"), 64); err == nil && v > 0 {
		def = v
	}
	fs.StringVar(&c.replica, "replica", "", "answer read-only from the snapshot a writer published in this `directory` (see reportkb publish); -index is not used")
	fs.StringVar(&c.shards, "shards", "", "answer read-only from several published snapshots as one index: comma-separated `directories` (shards of a library split by region)")
	fs.Float64Var(&c.maxText, "max-text", def, "largest document text accepted, in `MB`: a larger one is refused (default $REPORTKB_MAX_TEXT or 32)")
}

// open opens the knowledge base: segmenter, index (built from the
// embedded reports on first use) and answer engine.
func (c *common) open(log *slog.Logger) (*index.Index, *qa.Engine, error) {
	var seg segment.Segmenter
	var err error
	if c.background {
		// The server listens while the dictionaries load.
		seg, err = jieba.OpenBackground(c.dict)
	} else {
		seg, err = jieba.Open(c.dict)
	}
	if err != nil {
		return nil, nil, err
	}
	var srcs []index.Source
	for _, f := range seeds.Files() {
		srcs = append(srcs, index.Source{Name: f.Name, Data: f.Data})
	}
	home := homeIDs()
	if c.maxText < 0 {
		return nil, nil, usageError{"-max-text must be positive"}
	}
	cfg := index.Config{Dir: c.index, Segmenter: seg, Seeds: srcs, Logger: log,
		MaxText: int(c.maxText * (1 << 20)), CacheBytes: c.docCache}
	if c.replica != "" && c.shards != "" {
		return nil, nil, usageError{"-replica and -shards: give the replica's root as one of the shards"}
	}
	if c.replica != "" {
		if cfg.Dir, err = currentSnapshot(c.replica); err != nil {
			return nil, nil, err
		}
		cfg.ReadOnly, cfg.Seeds = true, nil
	}
	for _, root := range splitList(c.shards) {
		snap, err := currentSnapshot(root)
		if err != nil {
			return nil, nil, err
		}
		cfg.Shards, cfg.ReadOnly, cfg.Seeds = append(cfg.Shards, snap), true, nil
	}
	x, err := index.Open(cfg)
	if errors.Is(err, index.ErrLocked) {
		return nil, nil, fmt.Errorf("%w: a server may be using %s; stop it or pass another -index", err, c.index)
	}
	if err != nil {
		return nil, nil, err
	}
	return x, qa.New(qa.Config{Index: x, Home: home}), nil
}

func parse(fs *flag.FlagSet, args []string) error {
	// Flags may follow the positional arguments: reportkb ask 问题 -json.
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return usageError{err.Error()}
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if err := fs.Parse(pos); err != nil {
		return usageError{err.Error()}
	}
	return nil
}

func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("reportkb "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// serveOptions are the flags of reportkb serve.
type serveOptions struct {
	common
	addr, token, chatKey, readToken, cors   string
	dingSecret, wecomToken, wecomKey, wecom string
	trustedProxies, allowedHosts            string
	maxUpload, memLimit                     int64
	rate                                    float64
	trustProxy                              bool
	cache                                   int
	debugAddr                               string
	publish                                 string
	publishEvery, reload                    time.Duration
}

// serveFlags defines the flags of reportkb serve. Each has an environment
// variable (see envName), read by envDefaults.
func serveFlags(stderr io.Writer) (*flag.FlagSet, *serveOptions) {
	fs := newFlagSet("serve", stderr)
	o := &serveOptions{}
	o.register(fs)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen `address` (:8080 for every interface)")
	fs.StringVar(&o.token, "token", "", "API `token` for adding and removing documents (none disables them)")
	fs.Int64Var(&o.maxUpload, "max-upload", api.DefaultMaxUpload, "largest document accepted over HTTP, in `bytes`")
	fs.StringVar(&o.chatKey, "chat-key", "", "bearer `key` for /v1/chat/completions and /v1/models only (none: as open as the read API)")
	fs.StringVar(&o.dingSecret, "dingtalk-secret", "", "app `secret` of the DingTalk robot")
	fs.StringVar(&o.wecomToken, "wecom-token", "", "callback `token` of the WeCom robot")
	fs.StringVar(&o.wecomKey, "wecom-aes-key", "", "EncodingAESKey of the WeCom robot")
	fs.StringVar(&o.wecom, "wecom-corp-id", "", "corp `id` of the WeCom robot")
	fs.StringVar(&o.readToken, "read-token", "", "`token` required to read the API and /metrics too (none: open)")
	fs.StringVar(&o.cors, "cors", "", "comma-separated `origins` allowed to call the API from browsers (default none)")
	fs.Float64Var(&o.rate, "rate", 0, "requests per second allowed per client on the API, with bursts of twice as many (0: no limit)")
	fs.BoolVar(&o.trustProxy, "trust-proxy", false, "take the client address from X-Forwarded-For: its rightmost entry (behind one reverse proxy)")
	fs.StringVar(&o.trustedProxies, "trusted-proxies", "", "comma-separated `addresses` or CIDRs of the reverse proxies in front; implies -trust-proxy")
	fs.StringVar(&o.allowedHosts, "allowed-hosts", "", "comma-separated host `names` the server answers to (421 for others; against DNS rebinding)")
	fs.IntVar(&o.cache, "cache", 4096, "answers kept for questions asked again (0: none)")
	fs.StringVar(&o.debugAddr, "debug-addr", "", "serve Go's profiles (/debug/pprof/) on this `address` apart from the API, for operators (default none; keep it on localhost)")
	fs.StringVar(&o.publish, "publish", "", "publish a snapshot of the index to this `directory` after changes, for replicas (serve -replica DIR)")
	fs.DurationVar(&o.publishEvery, "publish-every", 30*time.Second, "with -publish, how often to look for changes to publish")
	fs.DurationVar(&o.reload, "reload", 10*time.Second, "with -replica, how often to look for a newer snapshot")
	fs.Int64Var(&o.memLimit, "mem-limit", 0, "soft limit of the Go heap in `MB` (default: half the machine's memory; GOMEMLIMIT overrides it)")
	fs.VisitAll(func(f *flag.Flag) {
		if !strings.Contains(f.Usage, "$"+envName(f.Name)) {
			f.Usage += " [$" + envName(f.Name) + "]"
		}
	})
	return fs, o
}

// envName is the environment variable of a flag: -read-token is
// REPORTKB_READ_TOKEN.
func envName(flagName string) string {
	return "REPORTKB_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// envDefaults sets each flag of fs from its environment variable, when
// that is set; flags on the command line override them. The defaults
// shown by -h stay the built-in ones, so that no secret is printed.
func envDefaults(fs *flag.FlagSet) error {
	var errs []error
	fs.VisitAll(func(f *flag.Flag) {
		if v, ok := os.LookupEnv(envName(f.Name)); ok && v != "" {
			if err := f.Value.Set(v); err != nil {
				errs = append(errs, fmt.Errorf("$%s: %v", envName(f.Name), err))
			}
		}
	})
	return errors.Join(errs...)
}

// parsePrefixes reads a list of addresses and CIDRs (10.0.0.0/8, ::1).
func parsePrefixes(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range splitList(s) {
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("-trusted-proxies: %q is no address or CIDR", f)
		}
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

// Timeouts of the HTTP server. Uploads get longer ones of their own
// (api.Config.UploadTimeout), longer than PDF extraction may take.
const (
	readTimeout  = 60 * time.Second
	writeTimeout = 60 * time.Second
)

func serve(args []string, stderr io.Writer) error {
	fs, o := serveFlags(stderr)
	if err := envDefaults(fs); err != nil {
		return usageError{err.Error()}
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"unexpected arguments: " + strings.Join(fs.Args(), " ")}
	}
	proxies, err := parsePrefixes(o.trustedProxies)
	if err != nil {
		return usageError{err.Error()}
	}
	var wecom *bot.WeCom
	if o.wecomToken != "" || o.wecomKey != "" {
		w, err := bot.NewWeCom(o.wecomToken, o.wecomKey, o.wecom)
		if err != nil {
			return usageError{err.Error()}
		}
		wecom = w
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	// A soft limit on the Go heap makes the collector return memory
	// rather than grow; gojieba's dictionaries (about 150 MB) and bleve's
	// memory-mapped segments live outside it. Parsed documents are kept
	// for a quarter of it.
	limit := debug.SetMemoryLimit(-1)
	if os.Getenv("GOMEMLIMIT") == "" {
		limit = o.memLimit << 20
		if limit <= 0 {
			limit = index.MachineMemory() / 2
		}
		debug.SetMemoryLimit(limit)
	}
	if limit > 0 && limit < math.MaxInt64 {
		o.docCache = max(limit/4, 64<<20)
	}
	tuneGC()
	start := time.Now()
	o.background = true
	x, eng, err := o.open(log)
	if err != nil {
		return err
	}
	if o.replica != "" && o.publish != "" {
		x.Close()
		return usageError{"-publish is for the writer, -replica for a replica: not both"}
	}
	handler := func(x *index.Index, eng *qa.Engine) http.Handler {
		return api.New(api.Config{Index: x, Engine: eng, Logger: log, Token: o.token, MaxUpload: o.maxUpload,
			ChatKey: o.chatKey, DingTalkSecret: o.dingSecret, WeCom: wecom, ReadToken: o.readToken,
			CORSOrigins: splitList(o.cors), RateLimit: o.rate, TrustProxy: o.trustProxy, TrustedProxies: proxies,
			AllowedHosts: splitList(o.allowedHosts), CacheSize: cacheFlag(o.cache)})
	}
	sw := &swapHandler{}
	sw.set(handler(x, eng))
	stopBg := make(chan struct{})
	defer close(stopBg)
	if o.replica != "" {
		// A replica follows the snapshots its writer publishes, and closes
		// each old one when it has moved on; it closes the last at exit.
		var cur atomic.Pointer[index.Index]
		cur.Store(x)
		defer func() { cur.Load().Close() }()
		open := func(dir string) (*index.Index, http.Handler, error) {
			nx, err := index.Open(index.Config{Dir: dir, Segmenter: x.Segmenter(), Logger: log, CacheBytes: o.docCache, ReadOnly: true})
			if err != nil {
				return nil, nil, err
			}
			cur.Store(nx)
			return nx, handler(nx, qa.New(qa.Config{Index: nx, Home: homeIDs()})), nil
		}
		go follow(o.replica, x.Dir(), o.reload, log, open, sw, x, stopBg)
	} else {
		defer x.Close()
	}
	if o.publish != "" {
		go publishChanges(x, o.publish, o.publishEvery, log, stopBg)
	}
	srv := &http.Server{
		Addr:              o.addr,
		Handler:           sw,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       120 * time.Second,
	}
	go warm(x, eng)
	if o.debugAddr != "" {
		go serveDebug(o.debugAddr, log)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	log.Info("serving", "addr", o.addr, "index", x.Dir(), "documents", x.Len(), "startup", time.Since(start).Round(time.Millisecond))
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// serveDebug serves the runtime's profiles (net/http/pprof) on addr, on
// their own listener so that the API never exposes them.
func serveDebug(addr string, log *slog.Logger) {
	log.Info("serving profiles", "addr", addr)
	srv := &http.Server{Addr: addr, Handler: debugHandler(), ReadHeaderTimeout: 10 * time.Second}
	if err := srv.ListenAndServe(); err != nil {
		log.Error("profiles", "addr", addr, "err", err)
	}
}

// debugHandler serves net/http/pprof's pages under /debug/pprof/.
func debugHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

// warmText is the most text for which the server derives what answers
// need of every document at start; a larger library is read on demand.
const warmText = 16 << 20

// warm prepares the engine ahead of the first questions: for a small
// library, everything (see qa.Engine.Warm); for a large one, only the
// English word list, by answering an English question from the smallest
// document, so that start-up reads no document it does not need.
func warm(x *index.Index, eng *qa.Engine) {
	sums := x.Summaries()
	total := 0
	var smallest *index.Summary
	for _, s := range sums {
		total += s.Size
		if smallest == nil || s.Size < smallest.Size {
			smallest = s
		}
	}
	if total <= warmText {
		eng.Warm()
		// Warming allocates for a moment what it does not keep: give it back.
		debug.FreeOSMemory()
		return
	}
	if smallest != nil {
		eng.Ask(context.Background(), qa.Request{Question: "How many hospitals were built?", Doc: smallest.ID})
	}
}

// cacheFlag maps the -cache flag (0: none) to api.Config.CacheSize (0:
// default, negative: none).
func cacheFlag(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func ask(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("ask", stderr)
	var c common
	c.register(fs)
	asJSON := fs.Bool("json", false, "print the answer as JSON (the API's contract)")
	doc := fs.String("doc", "", "answer from this document `id` only")
	k := fs.Int("k", 3, "at most `N` answers")
	explain := fs.Bool("explain", false, "show how the question was understood")
	if err := parse(fs, args); err != nil {
		return err
	}
	question := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if question == "" {
		return usageError{"missing question: reportkb ask 新增养老床位多少张"}
	}
	x, eng, err := c.open(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		return err
	}
	defer x.Close()
	resp, err := eng.Ask(context.Background(), qa.Request{Question: question, Doc: *doc, K: *k, Explain: *explain})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(resp)
	}
	printAnswer(stdout, resp)
	if resp.Analysis != nil {
		b, _ := json.MarshalIndent(resp.Analysis, "", "  ")
		fmt.Fprintf(stdout, "\n分析：%s\n", b)
	}
	return nil
}

func printAnswer(w io.Writer, resp *qa.Response) {
	if len(resp.Answers) == 0 {
		fmt.Fprintln(w, "报告中没有找到这个问题的答案。")
		if len(resp.Passages) > 0 {
			fmt.Fprintln(w, "\n最接近的段落：")
			for _, p := range resp.Passages[:min(3, len(resp.Passages))] {
				fmt.Fprintf(w, "  [%s 第%d页 第%d行] %s\n", p.Doc, p.Page, p.Line, clip(p.Text, 120))
			}
		}
		return
	}
	for i, a := range resp.Answers {
		if i == 1 {
			fmt.Fprintln(w, "\n其他答案：")
		}
		fmt.Fprintf(w, "%s", a.Text)
		if a.Period > 0 {
			kind := "完成"
			if a.Plan {
				kind = "目标"
			}
			fmt.Fprintf(w, "  (%d年%s)", a.Period, kind)
		}
		if a.Column != "" {
			fmt.Fprintf(w, "  [表格列：%s]", a.Column)
		}
		fmt.Fprintln(w)
		fmt.Fprintf(w, "  原文：%s\n", a.Sentence)
		page := "页码未知"
		if a.Page > 0 {
			page = fmt.Sprintf("第%d页", a.Page)
		}
		fmt.Fprintf(w, "  出处：%s（%s）%s 第%d行 字节%d–%d\n", a.Title, a.Doc, page, a.Line, a.Start, a.End)
	}
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func search(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("search", stderr)
	var c common
	c.register(fs)
	doc := fs.String("doc", "", "search this document `id` only")
	size := fs.Int("size", 10, "at most `N` hits")
	asJSON := fs.Bool("json", false, "print the hits as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if query == "" {
		return usageError{"missing query: reportkb search 养老床位"}
	}
	if *size <= 0 || *size > 100 {
		return usageError{"-size must be between 1 and 100"}
	}
	x, _, err := c.open(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		return err
	}
	defer x.Close()
	if *doc != "" {
		if _, ok := x.Doc(*doc); !ok {
			return fmt.Errorf("unknown document %q", *doc)
		}
	}
	res, err := x.Search(query, index.Filter{Doc: *doc}, *size, 0)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	fmt.Fprintf(stdout, "%d 个段落匹配\n", res.Total)
	for _, h := range res.Hits {
		fmt.Fprintf(stdout, "\n[%s 段落%d 第%d页 第%d行 得分%.2f]\n", h.Doc, h.Paragraph, h.Page, h.Line, h.Score)
		for _, f := range h.Fragments {
			f = strings.NewReplacer("<mark>", "【", "</mark>", "】", "&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", "\"", "&#39;", "'").Replace(f)
			fmt.Fprintf(stdout, "  %s\n", f)
		}
	}
	return nil
}
