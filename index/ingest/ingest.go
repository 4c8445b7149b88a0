// Package ingest turns report files into UTF-8 text: plain text and
// Markdown in UTF-8 (with or without a BOM), GB18030/GBK or UTF-16, PDF
// through poppler's pdftotext, and Word .docx files.
//
// For transcoded text it records, for every byte of the UTF-8 text, the
// offset of the original byte it came from, so that positions can be
// reported in the file the user gave.
package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Errors returned by Extract.
var (
	ErrUnsupported = errors.New("unsupported file type")
	ErrEmpty       = errors.New("file holds no text")
	ErrBinary      = errors.New("file is not text")
	ErrEncoding    = errors.New("unknown text encoding")
	ErrCorrupt     = errors.New("file is damaged or truncated")
	ErrNoPdftotext = errors.New("pdftotext not found: install poppler-utils (apt-get install poppler-utils) to add PDF files")
	ErrNeedsOCR    = errors.New("no text to read: the file needs OCR")
)

// Text is the text of a file.
type Text struct {
	Text     []byte // UTF-8
	Format   string // txt, md, pdf, docx or html
	Encoding string // utf-8, utf-8-bom, gb18030, utf-16le, utf-16be; "" for pdf and docx
	// Offsets maps each byte of Text (and its end) to the offset of the
	// original byte it came from; nil when Text is the original file, and
	// for PDF, Word and HTML files, whose text is extracted: positions in
	// them are positions in Text, which is stored beside the original.
	Offsets []int32
	// Warnings say what of the file could not be read well: PDF pages
	// without text, pages set in columns.
	Warnings []string
}

// Extracted reports whether the text was extracted from a document
// format (PDF, Word, HTML) rather than decoded from a text file: then
// positions point into Text, not into the original file.
func (t *Text) Extracted() bool { return Extracted(t.Format) }

// Extracted reports whether files of a format have their text extracted
// (PDF, Word, HTML), so that positions point into the extracted text.
func Extracted(format string) bool {
	switch format {
	case "pdf", "docx", "html":
		return true
	}
	return false
}

// FileOffset maps an offset in Text to one in the original file.
func (t *Text) FileOffset(off int) int {
	if t.Offsets == nil || off < 0 {
		return off
	}
	if off >= len(t.Offsets) {
		return int(t.Offsets[len(t.Offsets)-1])
	}
	return int(t.Offsets[off])
}

// Supported reports whether a file name has an extension Extract reads.
func Supported(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".text", ".markdown", ".pdf", ".docx", ".html", ".htm":
		return true
	}
	return false
}

// Extract returns the text of the file name holding data.
func Extract(name string, data []byte) (*Text, error) {
	var t *Text
	var err error
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".txt", ".text":
		t, err = decodeText(data)
		if t != nil {
			t.Format = "txt"
		}
	case ".md", ".markdown":
		t, err = decodeText(data)
		if t != nil {
			t.Format = "md"
		}
	case ".pdf":
		t, err = extractPDF(data)
	case ".docx":
		t, err = extractDOCX(data)
	case ".html", ".htm":
		t, err = extractHTML(data)
	default:
		if ext == "" {
			ext = "(none)"
		}
		return nil, fmt.Errorf("%w %s: use .txt, .md, .pdf, .docx or .html", ErrUnsupported, ext)
	}
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(t.Text)) == 0 || !hasLetters(t.Text) {
		return nil, ErrEmpty
	}
	return t, nil
}

func hasLetters(b []byte) bool {
	for _, r := range string(b) {
		if r > ' ' && r != '\ufeff' && r != '\u3000' && r != '\u200b' {
			return true
		}
	}
	return false
}

// decodeText detects the encoding of a text file and decodes it.
func decodeText(data []byte) (*Text, error) {
	switch {
	case len(data) == 0:
		return nil, ErrEmpty
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		if !utf8.Valid(data) {
			return nil, fmt.Errorf("%w: a UTF-8 byte-order mark on invalid UTF-8", ErrEncoding)
		}
		return checkText(&Text{Text: data, Encoding: "utf-8-bom"})
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data, 2, false)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data, 2, true)
	}
	if le, be := utf16Guess(data); le || be {
		return decodeUTF16(data, 0, be)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, ErrBinary
	}
	if utf8.Valid(data) {
		if looksMojibake(data) {
			// GBK bytes that happen to be valid UTF-8 read as Latin,
			// Cyrillic or rare characters; as GB18030 they read as Chinese.
			if t, err := decodeGB18030(data); err == nil && readsAsChinese(t.Text) {
				return t, nil
			}
		}
		return checkText(&Text{Text: data, Encoding: "utf-8"})
	}
	return decodeGB18030(data)
}

// checkText rejects binary content: NUL bytes or many control characters.
func checkText(t *Text) (*Text, error) {
	ctrl, n := 0, 0
	for _, r := range string(t.Text) {
		n++
		if r == 0 {
			return nil, ErrBinary
		}
		if r < ' ' && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r == utf8.RuneError {
			ctrl++
		}
	}
	if n > 0 && ctrl*20 > n {
		return nil, ErrBinary
	}
	return t, nil
}

// utf16Guess tells UTF-16 without a byte-order mark by its zero bytes:
// ASCII characters leave every other byte zero.
func utf16Guess(data []byte) (le, be bool) {
	if len(data) < 4 || len(data)%2 != 0 {
		return false, false
	}
	n := min(len(data), 4096) &^ 1
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			zeroEven++
		}
		if data[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := n / 2
	switch {
	case zeroOdd*4 > pairs && zeroEven*20 < pairs:
		return true, false
	case zeroEven*4 > pairs && zeroOdd*20 < pairs:
		return false, true
	}
	return false, false
}

func decodeUTF16(data []byte, skip int, bigEndian bool) (*Text, error) {
	enc := "utf-16le"
	if bigEndian {
		enc = "utf-16be"
	}
	if (len(data)-skip)%2 != 0 {
		return nil, fmt.Errorf("%w: %s text with an odd number of bytes", ErrCorrupt, enc)
	}
	out := make([]byte, 0, len(data))
	offs := make([]int32, 0, len(data)+1)
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(data[i])<<8 | uint16(data[i+1])
		}
		return uint16(data[i+1])<<8 | uint16(data[i])
	}
	// The mark itself becomes U+FEFF at offset 0, so offsets stay honest.
	if skip > 0 {
		out = utf8.AppendRune(out, '\ufeff')
		for range out {
			offs = append(offs, 0)
		}
	}
	for i := skip; i < len(data); {
		start := i
		u := unit(i)
		i += 2
		r := rune(u)
		if utf16.IsSurrogate(r) {
			if i+2 > len(data) {
				return nil, fmt.Errorf("%w: %s text ends inside a character", ErrCorrupt, enc)
			}
			r = utf16.DecodeRune(r, rune(unit(i)))
			i += 2
		}
		before := len(out)
		out = utf8.AppendRune(out, r)
		for k := before; k < len(out); k++ {
			offs = append(offs, int32(start))
		}
	}
	offs = append(offs, int32(len(data)))
	return checkText(&Text{Text: out, Encoding: enc, Offsets: offs})
}

// decodeGB18030 decodes GB18030 (a superset of GBK and GB2312) character
// by character, recording where each came from. Text that decodes into
// many replacement characters or few Chinese characters is refused.
func decodeGB18030(data []byte) (*Text, error) {
	dec := simplifiedchinese.GB18030.NewDecoder()
	out := make([]byte, 0, len(data)*3/2)
	offs := make([]int32, 0, len(data)*3/2+1)
	bad, han, total := 0, 0, 0
	for i := 0; i < len(data); {
		n := 1
		if c := data[i]; c >= 0x81 && c <= 0xFE {
			n = 2
			if i+1 < len(data) && data[i+1] >= 0x30 && data[i+1] <= 0x39 {
				n = 4
			}
		}
		if i+n > len(data) {
			n = len(data) - i
		}
		ch, err := dec.Bytes(data[i : i+n])
		if err != nil || len(ch) == 0 || bytes.Equal(ch, []byte("\uFFFD")) {
			bad++
			ch = []byte("\uFFFD")
		}
		r, _ := utf8.DecodeRune(ch)
		if r >= 0x4E00 && r <= 0x9FFF {
			han++
		}
		total++
		before := len(out)
		out = append(out, ch...)
		for k := before; k < len(out); k++ {
			offs = append(offs, int32(i))
		}
		i += n
	}
	offs = append(offs, int32(len(data)))
	if total == 0 || bad*50 > total || han*10 < total-bad && han < 10 {
		return nil, fmt.Errorf("%w: not UTF-8, UTF-16 or GB18030", ErrEncoding)
	}
	return checkText(&Text{Text: out, Encoding: "gb18030", Offsets: offs})
}
