package ingest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"reportkb/internal/testskip"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const page = `<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<meta name="ArticleTitle" content="关于某市2025年财政决算的报告">
<title>关于某市2025年财政决算的报告_某市财政局</title>
<style>.x { color: red }</style>
<script>var nav = "首页 政务公开";</script>
</head>
<body>
<div class="header"><a href="/">首页</a> | <a href="/a">政务公开</a> | <a href="/b">政策文件</a></div>
<ul class="nav"><li><a href="/1">走进财政</a></li><li><a href="/2">部门领导</a></li><li><a href="/3">信息公开</a></li></ul>
<div class="main">
 <div class="content">
  <p style="TEXT-INDENT: 32pt">一、<span>2025年财政决算情况</span></p>
  <p>&nbsp;&nbsp;初步核算，<span>202</span><span>5</span>年，全市一般公共预算收入<span>53.68</span>亿元，增长<b>7.3</b><span>%</span>。R&amp;D经费
  增长较快，新时
代新征程。</p>
  <p style="display:none">隐藏的文字</p>
  <table>
   <caption>表1 一般公共预算收支</caption>
   <tr><th rowspan="2">项目</th><th colspan="2">2025年</th></tr>
   <tr><th>预算数</th><th>决算数</th></tr>
   <tr><td>税收收入</td><td>29.52</td><td>30.1</td></tr>
   <tr><td>非税收入</td><td>24.16</td><td></td></tr>
  </table>
  <p>名词解释</p>
 </div>
</div>
<div class="footer"><a href="/c">网站地图</a> <a href="/d">联系我们</a> 主办：某市财政局</div>
</body></html>`

func TestHTML(t *testing.T) {
	txt, err := Extract("report.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	got := string(txt.Text)
	if txt.Format != "html" || !txt.Extracted() || txt.Offsets != nil {
		t.Errorf("format %q extracted %v offsets %v", txt.Format, txt.Extracted(), txt.Offsets != nil)
	}
	want := []string{
		"关于某市2025年财政决算的报告\n",                   // the article's title, from its meta tag
		"一、2025年财政决算情况\n",                      // inline elements join
		"初步核算，2025年，全市一般公共预算收入53.68亿元，增长7.3%。", // a figure split over tags reads whole
		"R&D经费增长较快，新时代新征程。",                    // entities; a source line break is no space
		"表1一般公共预算收支\n",                         // the caption
		"项目\t2025年\n",                          // a cell spanning columns, then empty cells
		"\t预算数\t决算数\n",                         // under a cell spanning rows, an empty cell
		"税收收入\t29.52\t30.1\n",
		"非税收入\t24.16\n",
		"名词解释\n",
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("text lacks %q:\n%s", w, got)
		}
	}
	for _, bad := range []string{"color", "var nav", "隐藏", "走进财政", "网站地图", "首页"} {
		if strings.Contains(got, bad) {
			t.Errorf("text holds %q (script, style, hidden or navigation):\n%s", bad, got)
		}
	}
}

// A news site shows the opening of an article and folds the rest away
// until a reader unfolds it (display-content, then hidden-content hide):
// the text is both parts, not the larger one alone.
func TestHTMLFoldedArticle(t *testing.T) {
	page := `<html><body><div class="nav"><a href="/">首页</a><a href="/news">新闻</a></div>
<div class="article-main"><article><section class="article-content">
<div class="display-content"><p>2025年某市国民经济和社会发展统计公报</p><p>一、综合</p>
<p><span>初步核算，全年全市地区生产总值</span><span>1954.0</span><span>亿元，比上年增长6.1%。</span></p></div>
<div id="articleFoldBtn"></div>
<div class="hidden-content hide">` + strings.Repeat("<p>年末全市常住人口233.5万人，其中城镇常住人口138.9万人，乡村常住人口94.6万人。</p>", 12) + `</div>
</section></article></div>
<div class="footer"><a href="/about">关于我们</a></div></body></html>`
	txt, err := Extract("bulletin.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	got := string(txt.Text)
	for _, w := range []string{"全年全市地区生产总值1954.0亿元", "年末全市常住人口233.5万人"} {
		if !strings.Contains(got, w) {
			t.Errorf("text lacks %q:\n%s", w, got)
		}
	}
}

// A government site's meta tags name the site and the date of publication
// (SiteName, PubDate): they become front matter after the title, where
// the article itself names neither its issuer nor its date.
func TestHTMLPageFront(t *testing.T) {
	page := `<html><head><meta name="SiteName" content="南昌市人民政府"><meta name="ArticleTitle" content="2025年全市经济总量实现新突破">
<meta name="PubDate" content="2026-01-26 17:23:05"><title>2025年全市经济总量实现新突破 - 南昌市人民政府</title></head>
<body><div class="article"><p>2025年，全市地区生产总值8141.69亿元，按不变价格计算，比上年增长4.7%。全年全市规模以上工业增加值比上年增长7.0%。</p></div></body></html>`
	txt, err := Extract("release.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(txt.Text), "2025年全市经济总量实现新突破\n南昌市人民政府\n发布日期：2026-01-26\n2025年，"; !strings.HasPrefix(got, want) {
		t.Errorf("text starts %q, want %q", got, want)
	}
	for site, want := range map[string]bool{"南昌市人民政府": true, "宝鸡市统计局": true, "泉州市人民政府--泉州市市人民政府门户网站": true, "中国政府网": false, "新浪新闻": false} {
		doc, _ := html.Parse(strings.NewReader(`<html><head><meta name="SiteName" content="` + site + `"></head><body></body></html>`))
		meta, _ := pageHead(doc)
		if got := len(pageFront(meta)) == 1; got != want {
			t.Errorf("pageFront(SiteName %s): %q, want the site %v", site, pageFront(meta), want)
		}
	}
}

func TestHTMLEncodings(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.Replace(page, `charset="utf-8"`, `charset="gbk"`, 1))
	if err != nil {
		t.Fatal(err)
	}
	txt, err := Extract("gbk.htm", []byte(gbk))
	if err != nil {
		t.Fatal(err)
	}
	if txt.Encoding != "gbk" || !strings.Contains(string(txt.Text), "全市一般公共预算收入53.68亿元") {
		t.Errorf("encoding %q, text %q", txt.Encoding, txt.Text)
	}
	// Declared UTF-8 but GBK: the content decides.
	lying := strings.Replace(gbk, `charset="gbk"`, `charset="utf-8"`, 1)
	if txt, err := Extract("lying.html", []byte(lying)); err != nil || !strings.Contains(string(txt.Text), "全市一般公共预算收入") {
		t.Errorf("GBK page declared UTF-8: %v %q", err, txt)
	}
	// Saved from a browser: UTF-8, still declaring the charset it was
	// served in.
	saved := strings.Replace(page, `charset="utf-8"`, `charset="gb2312"`, 1)
	if txt, err := Extract("saved.html", []byte(saved)); err != nil || !strings.Contains(string(txt.Text), "全市一般公共预算收入53.68亿元") {
		t.Errorf("UTF-8 page declared gb2312: %v %q", err, txt)
	}
	if _, err := Extract("empty.html", []byte("<html><body><script>x()</script></body></html>")); !errors.Is(err, ErrEmpty) {
		t.Errorf("a page without text: %v", err)
	}
}

// GBK bytes can be valid UTF-8: 2-byte GBK characters whose lead byte is
// C2–DF and trail byte 80–BF read as Latin, Greek, Cyrillic or Arabic
// letters. Read by content they are GB18030.
func TestMojibakeIsGB18030(t *testing.T) {
	dec := simplifiedchinese.GBK.NewDecoder()
	var chars []rune
	for hi := 0xC2; hi <= 0xD7 && len(chars) < 60; hi++ {
		for lo := 0xA1; lo <= 0xBF && len(chars) < 60; lo += 3 {
			out, err := dec.Bytes([]byte{byte(hi), byte(lo)})
			if err == nil {
				r, _ := utf8.DecodeRune(out)
				chars = append(chars, r)
			}
		}
	}
	text := "2025年" + string(chars) + "，增长7.3%。\n"
	data, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	// Drop the characters whose GBK bytes are no valid UTF-8 (年，。).
	var b []byte
	for i := 0; i < len(data); {
		if data[i] < 0x80 {
			b = append(b, data[i])
			i++
			continue
		}
		if utf8.Valid(data[i : i+2]) {
			b = append(b, data[i:i+2]...)
		}
		i += 2
	}
	if !utf8.Valid(b) {
		t.Fatal("test data is not valid UTF-8")
	}
	txt, err := Extract("a.txt", b)
	if err != nil {
		t.Fatal(err)
	}
	if txt.Encoding != "gb18030" || !strings.Contains(string(txt.Text), string(chars[:10])) {
		t.Errorf("encoding %q, text %q; want gb18030 and %q", txt.Encoding, txt.Text, string(chars[:10]))
	}
	// Chinese in UTF-8 stays UTF-8.
	if txt, _ := Extract("b.txt", []byte(text)); txt.Encoding != "utf-8" {
		t.Errorf("UTF-8 Chinese read as %s", txt.Encoding)
	}
}

func TestPDFNeedsOCR(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		testskip.Skip(t, "no pdftotext (apt-get install poppler-utils)")
	}
	// A page with nothing but a drawing: no text layer.
	blank := pdfWith([][]string{{}, {}})
	if _, err := Extract("scan.pdf", blank); !errors.Is(err, ErrNeedsOCR) || !strings.Contains(err.Error(), "no text layer") {
		t.Errorf("a PDF without text: %v", err)
	}
	// Fonts that map glyphs to ASCII symbols.
	garbage := pdfWith([][]string{{`!"#$%&'()*+,-./!"#$%&'`, `#$%&'()*+!"#$%&'()*+,-`, `&'()*+,-./!"#$%&'()*+`}})
	if _, err := Extract("fonts.pdf", garbage); !errors.Is(err, ErrNeedsOCR) || !strings.Contains(err.Error(), "fonts") {
		t.Errorf("a PDF of symbols: %v", err)
	}
}

// Words of two columns side by side come out column by column, a title
// across them first, a figure in a taller font in its line.
func TestColumns(t *testing.T) {
	var words []word
	add := func(text string, x, y, h float64) {
		w := float64(len([]rune(text))) * 10
		words = append(words, word{text: text, xMin: x, xMax: x + w, yMin: y, yMax: y + h})
	}
	add("关于某市预算执行情况的报告标题横跨两栏", 40, 10, 12)
	for i := 0; i < 24; i++ {
		y := 40 + float64(i)*14
		add(fmt.Sprintf("左栏第%02d行，全市收入增长。", i), 20, y, 10)
		add(fmt.Sprintf("右栏第%02d行，支出增长了。", i), 220, y, 10)
	}
	add("2025", 20, 40+24*14-3, 16)
	add("年收入", 60, 40+24*14, 10)
	// A line that hangs its opening quote into the margin stays in its
	// column, between the lines around it.
	add("“十四五”时期，全市一般", 12, 40+25*14, 10)
	add("收入达到1221.59亿元。", 20, 40+26*14, 10)
	cols := columnsOf(words, 400)
	if len(cols) != 2 {
		t.Fatalf("columns = %v, want 2", cols)
	}
	got := string(columnText(words, cols))
	title := strings.Index(got, "关于某市")
	left := strings.Index(got, "左栏第23行")
	right := strings.Index(got, "右栏第00行")
	if title < 0 || left < 0 || right < 0 || !(title < left && left < right) {
		t.Errorf("column text out of order:\n%s", got)
	}
	if !strings.Contains(got, "2025年收入") {
		t.Errorf("a taller figure left its line:\n%s", got)
	}
	if !strings.Contains(got, "“十四五”时期，全市一般\n收入达到") {
		t.Errorf("a line hanging its quote into the margin left its column:\n%s", got)
	}
}

// The documents of testdata/practice read in every format.
func TestPracticeFormats(t *testing.T) {
	for _, c := range []struct {
		file, want string
	}{
		{"liaoning_fuxin_2025_final_accounts_report.html", "市十七届人民代表大会第四次会议批准的全市2025年一般公共预算收入为53.03亿元"},
		{"hainan_2021_budget_revenue_note.docx", "2021年省本级一般公共预算总收入1536.9亿元"},
		{"hunan_xiangxi_2025_stat_bulletin.pdf", "湘西自治州2025年国民经济和社会发展统计公报"},
		{"yunnan_chuxiong_chuxiong_2025_budget_report.txt", "关于楚雄市2025年地方财政预算执行情况"},
	} {
		data, err := os.ReadFile("../../testdata/practice/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		txt, err := Extract(c.file, data)
		if errors.Is(err, ErrNoPdftotext) {
			t.Logf("%s: %v", c.file, err)
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		flat := strings.Join(strings.Fields(string(txt.Text)), "")
		if !strings.Contains(flat, c.want) {
			t.Errorf("%s: text lacks %q", c.file, c.want)
		}
		if strings.HasSuffix(c.file, ".html") && (strings.Contains(flat, "政务新媒体矩阵") || strings.Contains(flat, "登录")) {
			t.Errorf("%s: the page's navigation is in the text", c.file)
		}
	}
}

func FuzzExtractHTML(f *testing.F) {
	f.Add([]byte(page))
	f.Add([]byte(`<table><tr><td colspan="1000" rowspan="1000">x</td></tr><tr><td>1</td></tr></table>`))
	f.Add([]byte(`<meta charset="gb2312"><p>` + "\xb0\xa1\xb0\xa2" + `</p>`))
	f.Add([]byte(`<p>a<br>b<span>1</span><span>2</span></p><table><table><tr><td>x`))
	f.Fuzz(func(t *testing.T, data []byte) {
		txt, err := Extract("f.html", data)
		if err != nil {
			return
		}
		if !utf8.Valid(txt.Text) {
			t.Fatalf("text is not UTF-8: %q", txt.Text)
		}
		if txt.Offsets != nil {
			t.Fatal("extracted HTML has an offset table")
		}
	})
}

// Figures boxed taller than their characters stand in the line of those
// characters, a figure and its fraction (519, .7) join, and a table's
// cells and a paragraph's indent keep their spacing.
func TestTallFigures(t *testing.T) {
	words := []word{
		{"———一般公共预算完成情况。全市收入完成", 109.487, 628.058706, 407.093, 650.491935},
		{"519", 408.063, 628.611583, 438.532, 663.507717},
		{".7", 429.702, 628.611583, 454.252, 663.507717},
		{"亿元,占", 455.125, 633.322382, 517.227, 649.900258},
		{"预算的", 78.047, 662.724382, 124.236, 679.302258},
		{"102", 125.594, 658.013583, 156.063, 692.909717},
		{".5%", 147.233, 658.013583, 183.524, 692.909717},
		{"。", 184.0, 662.724382, 198.0, 679.302258},
		{"一、利润收入", 78.047, 700, 160, 716.58},
		{"4126", 300, 695.3, 330, 730.2},
		{"5647", 360, 695.3, 390, 730.2},
		{"二、股利收入", 78.047, 730, 160, 746.58},
		{"5574", 300, 725.3, 330, 760.2},
		{"4013", 360, 725.3, 390, 760.2},
		{"收入", 78.047, 760, 110, 776.58},
		{"合计", 78.047, 790, 110, 806.58},
	}
	for i := range 6 {
		y := 820 + 30*float64(i)
		words = append(words, word{"全年支出预算调整为", 78.047, y, 300, y + 16.58})
	}
	if !tallFigures(words) {
		t.Fatalf("tallFigures = false, want true")
	}
	got := spacedLines(words)
	want := []string{"一般公共预算完成情况。全市收入完成519.7亿元,占", "预算的102.5%。", "一、利润收入", "4126", "5647"}
	if len(got) != 12 {
		t.Fatalf("spacedLines = %q, want 12 lines", got)
	}
	if !strings.HasPrefix(got[0], "    ") || !strings.HasSuffix(got[0], want[0]) {
		t.Errorf("line 1 %q, want %q indented", got[0], want[0])
	}
	if got[1] != want[1] {
		t.Errorf("line 2 %q, want %q", got[1], want[1])
	}
	if f := strings.Fields(got[2]); len(f) != 3 || !strings.Contains(got[2], "    4126") {
		t.Errorf("table row %q, want its cells apart", got[2])
	}
	// Same-sized figures are no tall ones.
	var flat []word
	for _, w := range words {
		w.yMin, w.yMax = 0, 16
		flat = append(flat, w)
	}
	if tallFigures(flat) {
		t.Errorf("tallFigures of evenly set words = true")
	}
}

// A page saved without its head shows its title above the article, in an
// element whose class says so: that is the document's title. A link list
// of other titles, or a heading that is no document's title, is not.
func TestHTMLBodyTitle(t *testing.T) {
	for _, c := range []struct{ page, want string }{
		{`<div class="zwgk_xl_title">
   赤峰市2025年财政预算执行情况和2026年财政预算草案的报告（摘要）
</div>
<div class="content"><p>全市一般公共预算收入1262548万元，比上年同期减少91358万元，下降6.7％。按可比口径测算，同比增加62743万元，增长5.2％。</p>
<p>全市政府性基金预算收入466850万元，同比增加35985万元，增长8.4％。</p></div>`,
			"赤峰市2025年财政预算执行情况和2026年财政预算草案的报告（摘要）\n全市一般公共预算收入"},
		{`<ul class="list"><li class="title"><a href="/b">关于2024年预算执行情况的报告</a></li></ul>
<div class="content"><p>全市一般公共预算收入1262548万元，比上年同期减少91358万元，下降6.7％。按可比口径测算，同比增加62743万元，增长5.2％。</p></div>`,
			"全市一般公共预算收入"},
		{`<h1 class="article-title"><a href="https://example.com/75501.html">2025年驻马店市国民经济和社会发展统计公报 <span>2025</span></a></h1>
<div class="content"><p>初步核算，全年全市地区生产总值3501.64亿元，比上年增长6.0%。其中，第一产业增加值541.28亿元，增长3.2%；第二产业增加值1124.54亿元，增长5.4%。</p></div>`,
			"2025年驻马店市国民经济和社会发展统计公报\n初步核算"},
		{`<div class="title">通知公告</div>
<div class="content"><p>全市一般公共预算收入1262548万元，比上年同期减少91358万元，下降6.7％。按可比口径测算，同比增加62743万元，增长5.2％。</p></div>`,
			"全市一般公共预算收入"},
	} {
		txt, err := Extract("page.html", []byte(c.page))
		if err != nil {
			t.Fatal(err)
		}
		if got := string(txt.Text); !strings.HasPrefix(got, c.want) {
			t.Errorf("text starts %q, want %q", got[:min(len(got), 120)], c.want)
		}
	}
}
