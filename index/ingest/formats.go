package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// PdftotextTimeout bounds the time pdftotext may take on one file.
var PdftotextTimeout = 60 * time.Second

// extractPDF runs poppler's pdftotext in layout mode: lines as printed,
// table cells apart by their spacing, and pages separated by form feeds,
// which the report parser reads as PDF pages. A PDF without a text layer
// (scanned pages) or whose fonts map to no characters is refused with
// ErrNeedsOCR. Pages set in several columns of text are read column by
// column (see readColumns) and reported in Warnings.
func extractPDF(data []byte) (*Text, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, fmt.Errorf("%w: not a PDF file", ErrCorrupt)
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return nil, ErrNoPdftotext
	}
	f, err := os.CreateTemp("", "reportkb-*.pdf")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	out, err := pdftotext(bin, "-layout", f.Name())
	if err != nil {
		return nil, err
	}
	t := &Text{Text: out, Format: "pdf"}
	if err := checkTextLayer(t); err != nil {
		return nil, err
	}
	text, pages, err := readColumns(bin, f.Name(), out)
	if err != nil {
		return nil, err
	}
	if len(pages) > 0 {
		t.Text = text
		t.Warnings = append(t.Warnings, fmt.Sprintf("PDF pages set in columns, read column by column: %s", pageList(pages)))
	}
	text, tall, err := readTallFigures(bin, f.Name(), t.Text, pages)
	if err != nil {
		return nil, err
	}
	if len(tall) > 0 {
		t.Text = text
		t.Warnings = append(t.Warnings, fmt.Sprintf("PDF pages whose figures are set taller than their text, read from word boxes: %s", pageList(tall)))
	}
	return t, nil
}

// pdftotext runs pdftotext on a file with extra arguments and returns its
// UTF-8 output.
func pdftotext(bin string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), PdftotextTimeout)
	defer cancel()
	var out, stderr bytes.Buffer
	argv := append([]string{"-enc", "UTF-8", "-eol", "unix"}, args...)
	cmd := exec.CommandContext(ctx, bin, append(argv, "-")...)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%w: pdftotext took over %s", ErrCorrupt, PdftotextTimeout)
		}
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 200 {
			msg = msg[:200]
		}
		return nil, fmt.Errorf("%w: pdftotext: %v %s", ErrCorrupt, err, msg)
	}
	return out.Bytes(), nil
}

// extractDOCX reads the paragraphs of a Word file: one line per
// paragraph, one line per table row with its cells separated by tabs.
func extractDOCX(data []byte) (*Text, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: not a .docx (zip) file: %v", ErrCorrupt, err)
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
		}
	}
	if doc == nil {
		return nil, fmt.Errorf("%w: no word/document.xml in the .docx file", ErrCorrupt)
	}
	if doc.UncompressedSize64 > 256<<20 {
		return nil, fmt.Errorf("%w: word/document.xml is over 256 MB", ErrCorrupt)
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	defer rc.Close()
	text, err := docxText(io.LimitReader(rc, 256<<20))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return &Text{Text: text, Format: "docx"}, nil
}

// docxText walks WordprocessingML: w:t holds text, w:tab and w:br are a
// tab and a line break, w:p ends a paragraph, w:tc a table cell.
func docxText(r io.Reader) ([]byte, error) {
	dec := xml.NewDecoder(r)
	var out bytes.Buffer
	inText := false
	depthCell := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				out.WriteByte('\t')
			case "br", "cr":
				out.WriteByte('\n')
			case "tc":
				depthCell++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if depthCell > 0 {
					out.WriteByte(' ')
				} else {
					out.WriteByte('\n')
				}
			case "tc":
				depthCell--
				out.WriteByte('\t')
			case "tr":
				out.WriteByte('\n')
			}
		case xml.CharData:
			if inText {
				out.Write(t)
			}
		}
	}
	return out.Bytes(), nil
}
