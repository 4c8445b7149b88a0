package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"reportkb/api"
	"reportkb/index"
	"reportkb/index/ingest"
)

// collect lists the report files named by paths: files as given, and the
// files with a supported extension under directories.
func collect(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasPrefix(d.Name(), ".") && ingest.Supported(d.Name()) && !aboutFile(d.Name()) {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// aboutFile reports whether a file in a directory of reports is about
// them rather than one of them (README.md, LICENSE.txt); named on the
// command line it is added all the same.
func aboutFile(name string) bool {
	base := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	switch base {
	case "README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "NOTICE", "COPYING":
		return true
	}
	return false
}

func add(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("add", stderr)
	var c common
	c.register(fs)
	jobs := fs.Int("j", runtime.NumCPU(), "add `N` files at a time")
	compact := fs.Int("compact", 64, "after adding at least `N` files, merge the search index's small segments into one, for faster searches (0: never)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the add to `file` (for go tool pprof)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	if fs.NArg() == 0 {
		return usageError{"missing files: reportkb add report.txt reports/"}
	}
	if *jobs < 1 {
		return usageError{"-j must be at least 1"}
	}
	files, err := collect(fs.Args())
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no .txt, .md, .pdf, .docx or .html files in %s", strings.Join(fs.Args(), " "))
	}
	x, _, err := c.open(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		return err
	}
	defer x.Close()

	bar := newProgress(stderr, len(files))
	start := time.Now()
	var (
		mu     sync.Mutex
		failed []string
		warned []string
		added  int
		bytes  int64
	)
	// Files are read when their turn comes: memory holds the documents
	// in flight, not all of them.
	var srcs []index.Source
	for _, f := range files {
		srcs = append(srcs, index.Source{Name: f, Path: f})
	}
	x.AddAll(srcs, *jobs, func(s index.Source, e *index.Entry, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			failed = append(failed, fmt.Sprintf("%s: %v", s.Name, err))
		} else {
			added++
			if fi, err := os.Stat(s.Path); err == nil {
				bytes += fi.Size()
			}
			if !bar.tty {
				fmt.Fprintf(stdout, "added %s (%s, %d paragraphs)\n", e.Doc.ID, e.Doc.Title, len(e.Doc.Paragraphs))
			}
			for _, w := range e.Warnings {
				warned = append(warned, fmt.Sprintf("%s: %s", s.Name, w))
			}
		}
		bar.step(filepath.Base(s.Name))
	})
	bar.done()
	took := time.Since(start)
	if *compact > 0 && added >= *compact {
		t0 := time.Now()
		if err := x.Compact(context.Background()); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "merged the search index's segments in %s\n", time.Since(t0).Round(time.Millisecond))
	}
	fmt.Fprintf(stdout, "added %d of %d files (%.1f MB) in %s (%.2f MB/s); the index holds %d documents\n",
		added, len(files), float64(bytes)/1e6, took.Round(time.Millisecond), float64(bytes)/1e6/took.Seconds(), x.Len())
	if len(warned) > 0 {
		sort.Strings(warned)
		fmt.Fprintln(stderr, "read with warnings:")
		for _, w := range warned {
			fmt.Fprintln(stderr, "  "+w)
		}
	}
	if len(failed) > 0 {
		sort.Strings(failed)
		for _, f := range failed {
			fmt.Fprintln(stderr, "  "+f)
		}
		return fmt.Errorf("%d files could not be added", len(failed))
	}
	return nil
}

// progress draws a progress bar on a terminal and nothing elsewhere.
type progress struct {
	w     io.Writer
	tty   bool
	total int
	n     int
	start time.Time
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) step(name string) {
	p.n++
	if !p.tty {
		return
	}
	const width = 30
	filled := width * p.n / max(p.total, 1)
	if r := []rune(name); len(r) > 36 {
		name = string(r[:35]) + "…"
	}
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d %-36s", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), p.n, p.total, name)
}

func (p *progress) done() {
	if p.tty {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", 80))
	}
}

func rm(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("rm", stderr)
	var c common
	c.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"missing document id: reportkb rm ID (see reportkb ls)"}
	}
	x, _, err := c.open(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		return err
	}
	defer x.Close()
	var errs []error
	for _, id := range fs.Args() {
		if err := x.Remove(id); err != nil {
			errs = append(errs, err)
			continue
		}
		fmt.Fprintf(stdout, "removed %s\n", id)
	}
	return errors.Join(errs...)
}

func ls(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("ls", stderr)
	var c common
	c.register(fs)
	asJSON := fs.Bool("json", false, "print the documents as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	x, _, err := c.open(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		return err
	}
	defer x.Close()
	var infos []api.DocumentInfo
	for _, d := range x.Summaries() {
		infos = append(infos, api.Info(d))
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(infos)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tREGION\tLEVEL\tYEAR\tREVIEWS\tPLANS\tPARAS\tPAGES\tTITLE")
	marked := false
	for _, d := range infos {
		mark := func(fact, s string) string {
			for _, f := range d.Inferred {
				if f == fact {
					marked = true
					return s + "*"
				}
			}
			return s
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\n", d.ID, mark("kind", d.Kind), mark("region", orDash(d.Region)), orDash(d.Level),
			mark("year", yearStr(d.Year)), yearStr(d.ReviewYear), yearStr(d.PlanYear), d.Paragraphs, d.Pages, mark("title", d.Title))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if marked {
		fmt.Fprintln(stdout, "* inferred: not printed in the report's title, congress, issuer or date")
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func yearStr(y int) string {
	if y == 0 {
		return "-"
	}
	return fmt.Sprint(y)
}

// startCPUProfile profiles the CPU into the named file until the
// returned function is called.
func startCPUProfile(name string) (stop func(), err error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
