package ingest

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"reportkb/internal/rx"
)

// extractHTML reads a web page: the text of its article, one line per
// block (paragraph, heading, list item), one line per table row with its
// cells separated by tabs. Scripts, styles, forms and hidden elements are
// dropped, and so is the page around the article: navigation, link lists
// and footers, which hold little text that is not a link. The article's
// title is the first line when the article does not print it.
func extractHTML(data []byte) (*Text, error) {
	utf, enc, err := decodeHTML(data)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(bytes.NewReader(utf))
	if err != nil {
		return nil, ErrCorrupt
	}
	w := newWeights()
	body := findBody(doc)
	if body == nil {
		return &Text{Text: nil, Format: "html", Encoding: enc}, nil
	}
	main := mainContent(body, w)
	var x htmlText
	x.block(main)
	x.flush()
	lines := x.lines
	meta, title := pageHead(doc)
	t := articleTitle(meta, title)
	if t == "" {
		t = bodyTitle(body)
	}
	if t != "" {
		k := titleEnd(lines, t)
		if k < 0 {
			lines, k = append([]string{t}, lines...), 0
		}
		// The site and the date the page was published on, from the
		// meta tags government sites write (SiteName, PubDate), as front
		// matter after the title: who issued the article and when, where
		// the article itself does not say.
		if front := pageFront(meta); len(front) > 0 {
			lines = append(lines[:k+1], append(front, lines[k+1:]...)...)
		}
	}
	out := strings.Join(lines, "\n")
	if out != "" {
		out += "\n"
	}
	return &Text{Text: []byte(out), Format: "html", Encoding: enc}, nil
}

var reMetaCharset = rx.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-]+)`)

// decodeHTML returns the page as UTF-8: by its byte-order mark, by the
// charset its meta tags declare, else by its content as for text files.
func decodeHTML(data []byte) ([]byte, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], "utf-8-bom", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		t, err := decodeText(data)
		if err != nil {
			return nil, "", err
		}
		return t.Text, t.Encoding, nil
	}
	head := data[:min(len(data), 8192)]
	if m := reMetaCharset.FindSubmatch(head); m != nil {
		label := strings.ToLower(string(m[1]))
		// A page saved from a browser is UTF-8 and keeps the charset it
		// was served in (gb2312): Chinese text in GBK is almost never
		// valid UTF-8, so valid UTF-8 beyond ASCII is read by content.
		savedAsUTF8 := utf8.Valid(data) && !isASCII(data)
		if enc, name := charset.Lookup(label); enc != nil && name != "utf-8" && name != "windows-1252" && !savedAsUTF8 {
			out, err := enc.NewDecoder().Bytes(data)
			if err == nil {
				return out, name, nil
			}
		}
	}
	// Declared UTF-8, or nothing declared: the content decides (pages
	// that say UTF-8 but are GBK exist).
	t, err := decodeText(data)
	if err != nil {
		return nil, "", err
	}
	return t.Text, t.Encoding, nil
}

func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}

// skipped reports whether an element and all it holds are no text of the
// page: scripts, styles, forms, embedded objects and hidden elements.
func skipped(n *html.Node) bool {
	if n.Type == html.CommentNode || n.Type == html.DoctypeNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Iframe, atom.Object,
		atom.Embed, atom.Canvas, atom.Svg, atom.Select, atom.Button, atom.Input, atom.Textarea, atom.Nav,
		atom.Audio, atom.Video, atom.Map, atom.Math:
		return true
	}
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "style":
			s := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		}
	}
	return false
}

// weights counts the letters an element holds, and how many of them are
// link text, once per element.
type weights struct {
	text, link map[*html.Node]int
}

func newWeights() *weights {
	return &weights{text: map[*html.Node]int{}, link: map[*html.Node]int{}}
}

// of returns the letters (Han characters, letters and digits) n holds
// outside links.
func (w *weights) of(n *html.Node) int {
	if v, ok := w.text[n]; ok {
		return v
	}
	t, l := w.count(n, false)
	return t - l
}

func (w *weights) count(n *html.Node, inLink bool) (text, link int) {
	if skipped(n) {
		return 0, 0
	}
	if v, ok := w.text[n]; ok && !inLink {
		return v + w.link[n], w.link[n]
	}
	switch n.Type {
	case html.TextNode:
		for _, r := range n.Data {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				text++
			}
		}
		if inLink {
			link = text
		}
		return text, link
	case html.ElementNode, html.DocumentNode:
	default:
		return 0, 0
	}
	isLink := inLink || n.DataAtom == atom.A
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t, l := w.count(c, isLink)
		text += t
		link += l
	}
	if !inLink {
		w.text[n], w.link[n] = text-link, link
	}
	return text, link
}

// mainContent returns the element that holds the article: going down
// from the body as long as one child holds nearly all the text that is
// not link text.
func mainContent(body *html.Node, w *weights) *html.Node {
	n := body
	for {
		total := w.of(n)
		if total == 0 {
			return n
		}
		var best *html.Node
		bestText := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped(c) {
				continue
			}
			if t := w.of(c); t > bestText {
				best, bestText = c, t
			}
		}
		if best == nil || bestText*100 < total*85 {
			return n
		}
		if folded(best) && bestText < total {
			// An article shown in part, the rest folded away until a
			// reader unfolds it (display-content, then hidden-content
			// hide): both parts.
			return n
		}
		switch best.DataAtom {
		case atom.Tr, atom.Tbody, atom.Thead, atom.Tfoot, atom.Td, atom.Th:
			if isDataTable(ancestorTable(best)) {
				return n
			}
		case atom.Table:
			if isDataTable(best) {
				return n
			}
		}
		n = best
	}
}

// folded reports whether an element's classes say it is folded away
// until a reader unfolds it (hidden-content hide, fold, collapse).
func folded(n *html.Node) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, "class") {
			for _, c := range strings.Fields(strings.ToLower(a.Val)) {
				if strings.Contains(c, "hidden") || c == "hide" || strings.Contains(c, "fold") || strings.Contains(c, "collapse") {
					return true
				}
			}
		}
	}
	return false
}

func ancestorTable(n *html.Node) *html.Node {
	for p := n; p != nil; p = p.Parent {
		if p.DataAtom == atom.Table {
			return p
		}
	}
	return nil
}

// pageHead reads a page's head: its named meta tags (name lower-cased,
// the first of each name kept) and its <title>.
func pageHead(doc *html.Node) (meta map[string]string, title string) {
	meta = map[string]string{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				name, content := "", ""
				for _, a := range n.Attr {
					switch strings.ToLower(a.Key) {
					case "name":
						name = strings.ToLower(a.Val)
					case "content":
						content = a.Val
					}
				}
				if _, ok := meta[name]; name != "" && !ok {
					meta[name] = content
				}
			case atom.Title:
				if title == "" && n.FirstChild != nil {
					title = n.FirstChild.Data
				}
			case atom.Body:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return meta, title
}

// articleTitle returns the title of the page's article from its head (see
// pageHead): the ArticleTitle meta tag that government sites write, else
// the part of <title> before the site's name.
func articleTitle(meta map[string]string, title string) string {
	t := strings.TrimSpace(collapse(meta["articletitle"]))
	if t == "" {
		t = strings.TrimSpace(collapse(title))
		// 关于…的报告 - 大理白族自治州人民政府, …统计公报_统计公报_乌鲁木齐市人民政府
		for _, sep := range []string{"_", " - ", "－", " | ", "|", "—"} {
			if i := strings.Index(t, sep); i > 0 {
				t = strings.TrimSpace(t[:i])
			}
		}
	}
	if utf8.RuneCountInString(t) < 4 || utf8.RuneCountInString(t) > 120 {
		return ""
	}
	return t
}

// bodyTitle returns the title a page shows above its article, for a page
// whose head names none (saved without its head, or a <title> that is only
// the site's name): the text of its first <h1>, or of the first element
// whose class or id says title (zwgk_xl_title, article-title), outside
// links, when it reads as a document's title (see reDocTitle).
func bodyTitle(body *html.Node) string {
	var found string
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type != html.ElementNode || skipped(n) || n.DataAtom == atom.A || n.DataAtom == atom.Table {
			return false
		}
		titled := n.DataAtom == atom.H1
		for _, a := range n.Attr {
			if k := strings.ToLower(a.Key); (k == "class" || k == "id") && strings.Contains(strings.ToLower(a.Val), "title") {
				titled = true
			}
		}
		// A heading of the page may link to the page itself (<h1><a
		// href=permalink>); another titled element holding a link is an
		// item of a list of other pages.
		if titled && (n.DataAtom == atom.H1 || !holdsLink(n)) {
			var b strings.Builder
			textOf(n, &b)
			t := strings.TrimSpace(collapse(b.String()))
			if n := utf8.RuneCountInString(t); n >= 6 && n <= 120 && reDocTitle.MatchString(t) {
				found = reFiledUnder.ReplaceAllString(t, "")
				return true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(body)
	return found
}

// reFiledUnder is the year a site files a page under, after its title.
var reFiledUnder = rx.MustCompile(`\s+(?:19|20)\d{2}$`)

// holdsLink reports whether an element holds a link.
func holdsLink(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.A || holdsLink(c) {
			return true
		}
	}
	return false
}

// reDocTitle matches the end of a report's title: 的报告, 统计公报, 预算草案
// and the like, perhaps followed by a bracketed note (（摘要）) or by the
// year a site files it under (…统计公报 2025).
var reDocTitle = rx.MustCompile(`(?:报告|公报|草案|决算|预算|计划|规划|纲要|执行情况)(?:\s*[（(][^）)]{1,12}[）)]|\s+(?:19|20)\d{2})?$`)

// pageFront returns the front matter a page's meta tags (see pageHead)
// give: the site
// when it names an issuing body (南昌市人民政府, 宝鸡市统计局), and the
// date of publication as 发布日期：2026-01-26.
func pageFront(meta map[string]string) []string {
	site, date := strings.TrimSpace(meta["sitename"]), strings.TrimSpace(meta["pubdate"])
	var out []string
	// 泉州市人民政府--泉州市市人民政府门户网站: the body, not the site.
	if i := strings.Index(site, "--"); i > 0 {
		site = site[:i]
	}
	site = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(site), "门户网站"), "网站")
	if reSiteIssuer.MatchString(site) && utf8.RuneCountInString(site) <= 24 {
		out = append(out, site)
	}
	if m := rePubDate.FindString(date); m != "" {
		out = append(out, "发布日期："+m)
	}
	return out
}

var (
	reSiteIssuer = rx.MustCompile(`^\p{Han}{2,20}(?:人民政府|统计局|财政局|财政厅|审计局|审计厅|发展和改革委员会|发展改革委)$`)
	rePubDate    = rx.MustCompile(`^(?:19|20)\d{2}-\d{1,2}-\d{1,2}`)
)

// titleEnd returns the index of the line where the title ends among the
// first lines of the article (perhaps broken over several), or -1 when
// they do not hold it.
func titleEnd(lines []string, title string) int {
	want := strip(title)
	var head strings.Builder
	for i, l := range lines {
		if i >= 12 {
			break
		}
		head.WriteString(strip(l))
		if strings.Contains(head.String(), want) {
			return i
		}
	}
	return -1
}

func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpaceRune), " ")
}

func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u200b' || r == '\ufeff'
}

// isDataTable tells a table of figures from one that lays out a page: it
// holds no other table and its cells are short.
func isDataTable(t *html.Node) bool {
	if t == nil {
		return false
	}
	data := true
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && data; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Table:
				data = false
				return
			case atom.Td, atom.Th:
				var b strings.Builder
				textOf(c, &b)
				if utf8.RuneCountInString(b.String()) > 300 {
					data = false
					return
				}
			}
			walk(c, depth+1)
		}
	}
	walk(t, 0)
	return data
}

func textOf(n *html.Node, b *strings.Builder) {
	if skipped(n) {
		return
	}
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		textOf(c, b)
	}
}

// isBlock reports whether an element starts a line of its own.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Footer, atom.Aside,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt,
		atom.Dd, atom.Blockquote, atom.Pre, atom.Hr, atom.Table, atom.Tr, atom.Td, atom.Th, atom.Tbody,
		atom.Thead, atom.Tfoot, atom.Caption, atom.Center, atom.Form, atom.Address, atom.Figure,
		atom.Figcaption, atom.Fieldset, atom.Legend, atom.Body, atom.Html, atom.Details, atom.Summary:
		return true
	}
	return false
}

// htmlText writes the text of elements as lines. Inline elements join
// without a break (a figure split over <span>s reads whole: 202</span>
// <span>5 is 2025); white space between Chinese characters is dropped,
// and a line break in the page's source counts as no space.
type htmlText struct {
	lines []string
	cur   []byte
	space int // white space pending: 0 none, 1 a source line break, 2 spaces
}

func (x *htmlText) flush() {
	s := strings.TrimFunc(string(x.cur), isSpaceRune)
	if s != "" {
		x.lines = append(x.lines, s)
	}
	x.cur = x.cur[:0]
	x.space = 0
}

func (x *htmlText) text(s string) {
	for _, r := range s {
		if isSpaceRune(r) || r == '\u00a0' {
			if r == '\n' || r == '\r' {
				if x.space == 0 {
					x.space = 1
				}
			} else {
				x.space = 2
			}
			continue
		}
		if x.space > 0 && len(x.cur) > 0 {
			last, _ := utf8.DecodeLastRune(x.cur)
			if keepSpace(last, r, x.space == 1) {
				x.cur = append(x.cur, ' ')
			}
		}
		x.space = 0
		x.cur = utf8.AppendRune(x.cur, r)
	}
}

// keepSpace reports whether white space between a and b is kept as one
// space: between Latin letters and digits, never next to a Chinese
// character or punctuation; a source line break only between letters.
func keepSpace(a, b rune, lineBreak bool) bool {
	if a >= 0x80 || b >= 0x80 {
		return false
	}
	if lineBreak {
		return isLetter(a) && isLetter(b)
	}
	return true
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// block writes the text of n.
func (x *htmlText) block(n *html.Node) {
	if skipped(n) {
		return
	}
	switch n.Type {
	case html.TextNode:
		x.text(n.Data)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	switch n.DataAtom {
	case atom.Br:
		x.flush()
		return
	case atom.Img:
		return
	case atom.Table:
		if isDataTable(n) {
			x.flush()
			x.table(n)
			return
		}
	}
	blk := n.Type == html.ElementNode && isBlock(n.DataAtom)
	if blk {
		x.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		x.block(c)
	}
	if blk {
		x.flush()
	}
}

// table writes a table of figures: its caption, then one line per row
// with the cells separated by tabs. A cell spanning columns is followed by
// empty cells, and one spanning rows leaves empty cells in the rows below,
// so that every cell stands under its column.
func (x *htmlText) table(t *html.Node) {
	var rows [][]*html.Node
	var caption []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped(c) {
				continue
			}
			switch c.DataAtom {
			case atom.Caption:
				caption = append(caption, c)
			case atom.Tr:
				var cells []*html.Node
				for d := c.FirstChild; d != nil; d = d.NextSibling {
					if d.Type == html.ElementNode && (d.DataAtom == atom.Td || d.DataAtom == atom.Th) && !skipped(d) {
						cells = append(cells, d)
					}
				}
				rows = append(rows, cells)
			default:
				walk(c)
			}
		}
	}
	walk(t)
	for _, c := range caption {
		x.block(c)
		x.flush()
	}
	// pending[col] counts the rows a cell above still spans.
	var pending []int
	for _, cells := range rows {
		var out []string
		col := 0
		next := func() {
			for col < len(pending) && pending[col] > 0 {
				pending[col]--
				out = append(out, "")
				col++
			}
		}
		for _, c := range cells {
			next()
			text := cellText(c)
			span, rowspan := attrInt(c, "colspan"), attrInt(c, "rowspan")
			for k := 0; k < max(span, 1); k++ {
				if k == 0 {
					out = append(out, text)
				} else {
					out = append(out, "")
				}
				for len(pending) <= col {
					pending = append(pending, 0)
				}
				if rowspan > 1 {
					pending[col] = rowspan - 1
				}
				col++
			}
		}
		next()
		for len(out) > 0 && out[len(out)-1] == "" {
			out = out[:len(out)-1]
		}
		if len(out) > 0 {
			x.lines = append(x.lines, strings.Join(out, "\t"))
		}
	}
}

// cellText returns the text of a table cell on one line.
func cellText(c *html.Node) string {
	var x htmlText
	x.block(c)
	x.flush()
	var b []byte
	for _, l := range x.lines {
		if len(b) > 0 {
			last, _ := utf8.DecodeLastRune(b)
			first, _ := utf8.DecodeRuneInString(l)
			if keepSpace(last, first, false) {
				b = append(b, ' ')
			}
		}
		b = append(b, l...)
	}
	return strings.ReplaceAll(string(b), "\t", " ")
}

func attrInt(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			v := 0
			for _, r := range strings.TrimSpace(a.Val) {
				if r < '0' || r > '9' {
					break
				}
				v = v*10 + int(r-'0')
				if v > 100 {
					return 100
				}
			}
			return v
		}
	}
	return 0
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
