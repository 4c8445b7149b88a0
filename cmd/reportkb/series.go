package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"reportkb/api"
	"reportkb/qa/series"
)

func seriesCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("series", stderr)
	var c common
	c.register(fs)
	region := fs.String("region", "", "only this `region` (安徽, 全国)")
	level := fs.String("level", "", "only reports of this `level`: national, province, city, county or district")
	year := fs.Int("year", 0, "only this `year`")
	from := fs.Int("from", 0, "from this `year` on")
	to := fs.Int("to", 0, "up to this `year`")
	format := fs.String("format", "table", "output `format`: table, csv (UTF-8 with BOM) or json")
	list := fs.Bool("list", false, "list the indicators of the catalogue instead")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *list {
		for _, ind := range series.New(series.Config{}).Catalogue().All() {
			fmt.Fprintf(stdout, "%-38s %-14s %-6s %-6s %s\n", ind.ID, ind.Name, ind.Kind, ind.Unit, ind.English)
		}
		return nil
	}
	name := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if name == "" {
		return usageError{"missing indicator: reportkb series -level province -year 2025 地区生产总值增长 (reportkb series -list lists them)"}
	}
	if *format != "table" && *format != "csv" && *format != "json" {
		return usageError{"-format must be table, csv or json"}
	}
	x, eng, err := c.open(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		return err
	}
	defer x.Close()
	b := series.New(series.Config{Index: x, Engine: eng})
	t, err := b.Series(series.Query{Indicator: name, Region: *region, Level: *level, Year: *year, From: *from, To: *to})
	if errors.Is(err, series.ErrUnknownIndicator) || errors.Is(err, series.ErrBadQuery) {
		return usageError{err.Error()}
	}
	if err != nil {
		return err
	}
	switch *format {
	case "csv":
		return t.WriteCSV(stdout)
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(t)
	}
	fmt.Fprintf(stdout, "%s（%s）\n", t.Indicator, t.Unit)
	cellText := func(c *series.Cell) string {
		if c == nil {
			return "—"
		}
		return fmt.Sprintf("%s [%s:%d]", c.Text, c.Doc, c.Line)
	}
	for _, r := range t.Rows {
		met := ""
		if r.Met != nil {
			met = map[bool]string{true: "完成", false: "未完成"}[*r.Met]
		}
		fmt.Fprintf(stdout, "%-10s %d  目标 %-40s  实际 %-40s %s\n", r.Region, r.Year, cellText(r.Target), cellText(r.Outcome), met)
	}
	fmt.Fprintf(stdout, "%d 行\n", len(t.Rows))
	return nil
}

// mcpCmd serves the MCP tools over stdin and stdout, for assistants that
// start reportkb themselves (Claude Desktop, Cursor, Cherry Studio).
func mcpCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("mcp", stderr)
	var c common
	c.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"unexpected arguments: " + strings.Join(fs.Args(), " ")}
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	x, eng, err := c.open(log)
	if err != nil {
		return err
	}
	defer x.Close()
	srv := api.NewMCPServer(api.Config{Index: x, Engine: eng, Logger: log})
	t := &mcp.IOTransport{Reader: io.NopCloser(stdin), Writer: nopWriteCloser{stdout}}
	err = srv.Run(context.Background(), t)
	if err != nil && (errors.Is(err, io.EOF) || strings.Contains(err.Error(), "EOF")) {
		return nil // the client closed stdin
	}
	return err
}

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }
