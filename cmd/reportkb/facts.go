package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"reportkb/api"
	"reportkb/qa"
)

// writeFacts writes facts as CSV (UTF-8 with a byte-order mark, so that
// Excel and WPS open it right), TSV or JSON; CSV and TSV cells that a
// spreadsheet would run as formulas are neutralised (see api.SafeCell).
func writeFacts(w io.Writer, facts []qa.Fact, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(facts)
	case "csv", "tsv":
		return api.WriteFactTable(w, facts, format == "tsv")
	}
	return usageError{"-format must be csv, tsv or json"}
}

func facts(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("facts", stderr)
	var c common
	c.register(fs)
	doc := fs.String("doc", "", "facts of this document `id` only")
	format := fs.String("format", "csv", "output `format`: csv (UTF-8 with BOM), tsv or json")
	q := fs.String("q", "", "only facts whose subject or sentence holds these `words`")
	subject := fs.String("subject", "", "only facts whose subject holds these `words`")
	unit := fs.String("unit", "", "only facts in this `unit` (元, 张, %)")
	period := fs.Int("period", 0, "only facts of this `year`")
	check := fs.Bool("check", false, "list the figures that disagree within each report instead")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"unexpected arguments: " + strings.Join(fs.Args(), " ")}
	}
	if *format != "csv" && *format != "tsv" && *format != "json" {
		return usageError{"-format must be csv, tsv or json"}
	}
	x, eng, err := c.open(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		return err
	}
	defer x.Close()
	if *check {
		var out []qa.Finding
		for _, e := range x.Docs() {
			if *doc == "" || e.Doc.ID == *doc {
				out = append(out, eng.Check(e)...)
			}
		}
		for _, f := range out {
			kind := "完成"
			if f.Plan {
				kind = "目标"
			}
			fmt.Fprintf(stdout, "%s · %s · %d年%s\n", f.Doc, f.Subject, f.Period, kind)
			for _, fact := range f.Facts {
				page := "页码未知"
				if fact.Page > 0 {
					page = fmt.Sprintf("第%d页", fact.Page)
				}
				fmt.Fprintf(stdout, "    %s  %s 第%d行  %s\n", fact.Text, page, fact.Line, clip(fact.Sentence, 60))
			}
		}
		fmt.Fprintf(stdout, "%d findings\n", len(out))
		return nil
	}
	list, _, err := eng.QueryFacts(qa.FactQuery{Doc: *doc, Q: *q, Subject: *subject, Unit: *unit, Period: *period, Limit: 1 << 30})
	if err != nil {
		return err
	}
	return writeFacts(stdout, list, *format)
}

func locate(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("locate", stderr)
	var c common
	c.register(fs)
	doc := fs.String("doc", "", "look in this document `id` only")
	asJSON := fs.Bool("json", false, "print the places as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	text := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(text) == "" {
		return usageError{"missing text: reportkb locate 新增养老床位6341张"}
	}
	x, _, err := c.open(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		return err
	}
	defer x.Close()
	places := x.Locate(text, *doc, 100)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(places)
	}
	if len(places) == 0 {
		fmt.Fprintln(stdout, "没有在报告中找到这段文字。")
		return nil
	}
	for _, p := range places {
		fmt.Fprintf(stdout, "%s 第%d页 第%d行 字节%d–%d\n  原文：%q\n", p.Doc, p.Page, p.Line, p.Start, p.End, p.Original)
	}
	return nil
}
