package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"reportkb/internal/testskip"
)

const sample = "2025年某县政府工作报告\n各位代表：\n新增养老床位6341张，城镇新增就业1.7万人。\n"

func TestEncodings(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	le := utf16Bytes(sample, false)
	be := utf16Bytes(sample, true)
	tests := []struct {
		name     string
		data     []byte
		encoding string
	}{
		{"a.txt", []byte(sample), "utf-8"},
		{"a.md", append([]byte{0xEF, 0xBB, 0xBF}, sample...), "utf-8-bom"},
		{"a.txt", gbk, "gb18030"},
		{"a.txt", append([]byte{0xFF, 0xFE}, le...), "utf-16le"},
		{"a.txt", append([]byte{0xFE, 0xFF}, be...), "utf-16be"},
		{"a.txt", le, "utf-16le"},
		{"a.txt", be, "utf-16be"},
	}
	for _, tc := range tests {
		txt, err := Extract(tc.name, tc.data)
		if err != nil {
			t.Errorf("%s: %v", tc.encoding, err)
			continue
		}
		if txt.Encoding != tc.encoding || !strings.Contains(string(txt.Text), "新增养老床位6341张") {
			t.Errorf("%s: got encoding %s, text %q", tc.encoding, txt.Encoding, txt.Text)
			continue
		}
		// Offsets lead back to the same character in the original.
		k := strings.Index(string(txt.Text), "6341")
		off := txt.FileOffset(k)
		var want int
		switch tc.encoding {
		case "gb18030":
			want = bytes.Index(tc.data, []byte("6341"))
		case "utf-16le", "utf-16be":
			want = bytes.Index(tc.data, utf16Bytes("6341", tc.encoding == "utf-16be"))
		default:
			want = bytes.Index(tc.data, []byte("6341"))
		}
		if off != want {
			t.Errorf("%s: offset of 6341 in the file = %d, want %d", tc.encoding, off, want)
		}
		if end := txt.FileOffset(len(txt.Text)); end != len(tc.data) {
			t.Errorf("%s: end maps to %d, want %d", tc.encoding, end, len(tc.data))
		}
	}
}

func utf16Bytes(s string, bigEndian bool) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestBadFiles(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		err  error
	}{
		{"a.txt", nil, ErrEmpty},
		{"a.txt", []byte(" \n\u3000\n"), ErrEmpty},
		{"a.txt", []byte("abc\x00\x00\x01\x02binary"), ErrBinary},
		{"a.txt", []byte{0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0xff, 0x00}, ErrBinary},
		{"a.txt", []byte{0xff, 0xff, 0xff, 0x80, 0x80, 0xfe, 0xfe, 0xa0}, ErrEncoding},
		{"a.exe", []byte("MZ"), ErrUnsupported},
		{"a", []byte("x"), ErrUnsupported},
		{"a.docx", []byte("PK\x03\x04 truncated"), ErrCorrupt},
		{"a.docx", zipWith(t, "other.xml", "<x/>"), ErrCorrupt},
		{"a.pdf", []byte("not a pdf"), ErrCorrupt},
	}
	for _, tc := range tests {
		_, err := Extract(tc.name, tc.data)
		if !errors.Is(err, tc.err) {
			t.Errorf("Extract(%s, %q) = %v, want %v", tc.name, truncate(tc.data), err, tc.err)
		}
	}
}

func truncate(b []byte) []byte {
	if len(b) > 20 {
		return b[:20]
	}
	return b
}

func zipWith(t *testing.T, name, content string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(content))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDOCX(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>2025年某县政府工作报告</w:t></w:r></w:p>
<w:p><w:r><w:t>新增养老床位</w:t></w:r><w:r><w:t xml:space="preserve">6341张</w:t></w:r><w:r><w:t>，城镇新增就业1.7万人。</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>数值</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>`
	txt, err := Extract("report.docx", zipWith(t, "word/document.xml", doc))
	if err != nil {
		t.Fatal(err)
	}
	got := string(txt.Text)
	for _, want := range []string{"2025年某县政府工作报告\n", "新增养老床位6341张，城镇新增就业1.7万人。\n", "指标"} {
		if !strings.Contains(got, want) {
			t.Errorf("docx text %q lacks %q", got, want)
		}
	}
	// A .docx cut short is refused, not half read.
	data := zipWith(t, "word/document.xml", doc)
	if _, err := Extract("report.docx", data[:len(data)/2]); !errors.Is(err, ErrCorrupt) {
		t.Errorf("truncated docx: %v", err)
	}
}

// pdfWith builds a PDF whose pages show lines of text through a Type0 font
// with a ToUnicode map, as PDFs of Chinese reports do.
func pdfWith(pages [][]string) []byte {
	cids := map[rune]int{}
	var order []rune
	for _, p := range pages {
		for _, l := range p {
			for _, r := range l {
				if _, ok := cids[r]; !ok {
					cids[r] = len(cids) + 1
					order = append(order, r)
				}
			}
		}
	}
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	add("<< /Type /Catalog /Pages 2 0 R >>")
	add("") // pages, filled in below
	font := add("")
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	fmt.Fprintf(&cmap, "%d beginbfchar\n", len(order))
	for _, r := range order {
		fmt.Fprintf(&cmap, "<%04X> <%04X>\n", cids[r], r)
	}
	cmap.WriteString("endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
	tounicode := add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", cmap.Len(), cmap.String()))
	desc := add("<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
	cid := add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>", desc))
	objs[font-1] = fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", cid, tounicode)
	var kids []string
	for _, p := range pages {
		var content strings.Builder
		content.WriteString("BT /F1 12 Tf 14 TL 50 780 Td\n")
		for _, l := range p {
			content.WriteString("<")
			for _, r := range l {
				fmt.Fprintf(&content, "%04X", cids[r])
			}
			content.WriteString("> Tj T*\n")
		}
		content.WriteString("ET")
		c := add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len(), content.String()))
		pg := add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>", c, font))
		kids = append(kids, fmt.Sprintf("%d 0 R", pg))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&out, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return out.Bytes()
}

func TestPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		testskip.Skip(t, "no pdftotext (apt-get install poppler-utils)")
	}
	pdf := pdfWith([][]string{
		{"2025年某县政府工作报告", "各位代表："},
		{"新增养老床位6341张，", "城镇新增就业1.7万人。"},
	})
	txt, err := Extract("report.pdf", pdf)
	if err != nil {
		t.Fatal(err)
	}
	got := string(txt.Text)
	if txt.Format != "pdf" || !strings.Contains(got, "新增养老床位6341张") || !strings.Contains(got, "\f") {
		t.Errorf("pdf text = %q", got)
	}
	if _, err := Extract("report.pdf", pdf[:len(pdf)/3]); !errors.Is(err, ErrCorrupt) && err != nil && !errors.Is(err, ErrEmpty) {
		t.Errorf("truncated pdf: %v", err)
	}
}

func FuzzExtractText(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte{0xFF, 0xFE, 'a', 0})
	f.Add([]byte{0xFE, 0xFF, 0xD8, 0x00})
	f.Add([]byte{0x81, 0x30, 0x81, 0x30, 0xB0, 0xA1})
	f.Fuzz(func(t *testing.T, data []byte) {
		txt, err := Extract("f.txt", data)
		if err != nil {
			return
		}
		if txt.Offsets != nil {
			if len(txt.Offsets) != len(txt.Text)+1 {
				t.Fatalf("offset table of %d for %d bytes", len(txt.Offsets), len(txt.Text))
			}
			for i := 1; i < len(txt.Offsets); i++ {
				if txt.Offsets[i] < txt.Offsets[i-1] || int(txt.Offsets[i]) > len(data) {
					t.Fatalf("bad offsets")
				}
			}
		}
	})
}
