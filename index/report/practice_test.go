package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reportkb/internal/testskip"
	"strings"
	"testing"

	"github.com/mozillazg/go-pinyin"

	"reportkb/index/ingest"
	"reportkb/index/place"
)

const practiceDir = "../../../shared/corpus/practice"

// identity is what a report is, as a reader of it would say.
type identity struct {
	file, title, region, level, kind string
	year, review, plan               int
}

// practiceIdentity is the identity of every practice document, read by a
// person from the documents themselves: the region the report is about,
// the year it was delivered or issued, the year it reviews and the year it
// plans or budgets.
var practiceIdentity = []identity{
	{"anhui_hefei_2025_stat_bulletin.pdf", "合肥市2025年国民经济和社会发展统计公报", "合肥市", "city", StatBulletin, 2026, 2025, 0},
	{"fujian_2024_final_accounts_report.txt", "2024年度福建省财政决算收支情况", "福建省", "province", FinalAccounts, 2025, 2024, 0},
	{"guangdong_jiangmen_2025_budget_adjustment_report.txt", "江门市人民政府关于2025年江门市本级财政预算调整方案的报告", "江门市", "city", OtherReport, 2025, 2025, 2025},
	{"hainan_2021_budget_revenue_note.docx", "关于2021年海南省省级一般公共预算收入预算的说明", "海南省", "province", OtherReport, 2021, 2020, 2021},
	{"hainan_2023_budget_report.txt", "关于海南省2023年预算执行情况和2024年预算草案的报告", "海南省", "province", BudgetReport, 2024, 2023, 2024},
	{"hebei_langfang_2025_budget_report.pdf", "关于廊坊市2025年市本级预算及全市总预算执行情况和2026年市本级预算及全市总预算草案的报告（书面）", "廊坊市", "city", BudgetReport, 2026, 2025, 2026},
	{"hebei_shijiazhuang_2018_budget_report.pdf", "关于石家庄市2018年预算执行情况和2019年预算草案的报告", "石家庄市", "city", BudgetReport, 2019, 2018, 2019},
	{"heilongjiang_2023_final_accounts_report.pdf", "2023年黑龙江省和省本级财政决算", "黑龙江省", "province", FinalAccounts, 2024, 2023, 0},
	{"heilongjiang_haerbin_2025_stat_bulletin.pdf", "2025年哈尔滨市国民经济和社会发展统计公报", "哈尔滨市", "city", StatBulletin, 2026, 2025, 0},
	{"henan_kaifeng_2019_budget_report.pdf", "关于开封市2019年预算执行情况和2020年预算草案的报告", "开封市", "city", BudgetReport, 2020, 2019, 2020},
	{"henan_pingdingshan_2019_final_accounts_report.pdf", "2019年全市及市本级决算草案的说明", "平顶山市", "city", FinalAccounts, 2020, 2019, 0},
	{"henan_zhumadian_2018_budget_report.txt", "关于驻马店市2018年预算执行情况和2019年预算草案的报告", "驻马店市", "city", BudgetReport, 2019, 2018, 2019},
	{"hubei_jingzhou_2025_stat_bulletin.pdf", "荆州市2025年国民经济和社会发展统计公报", "荆州市", "city", StatBulletin, 2026, 2025, 0},
	{"hunan_xiangxi_2025_stat_bulletin.pdf", "湘西自治州2025年国民经济和社会发展统计公报", "湘西土家族苗族自治州", "city", StatBulletin, 2026, 2025, 0},
	{"hunan_yueyang_2025_budget_report.pdf", "关于岳阳市2025年预算执行情况与2026年预算草案的报告", "岳阳市", "city", BudgetReport, 2025, 2025, 2026},
	{"jiangsu_2018_budget_report.pdf", "江苏省2018年预算执行情况与2019年预算草案", "江苏省", "province", BudgetReport, 2019, 2018, 2019},
	{"jiangsu_suzhou_2025_stat_bulletin.txt", "2025年苏州市国民经济和社会发展统计公报", "苏州市", "city", StatBulletin, 2026, 2025, 0},
	{"liaoning_fushun_2025_final_accounts_report.txt", "关于抚顺市2025年财政决算的报告", "抚顺市", "city", FinalAccounts, 2026, 2025, 0},
	{"liaoning_fuxin_2025_final_accounts_report.html", "关于阜新市2025年财政决算的报告", "阜新市", "city", FinalAccounts, 2026, 2025, 0},
	{"national_2024_audit_report.txt", "国务院关于2024年度中央预算执行和其他财政收支的审计工作报告", "全国", "national", AuditReport, 2025, 2024, 0},
	{"neimenggu_huhehaote_2025_budget_report.pdf", "关于呼和浩特市2025年预算执行情况和2026年预算（草案）的报告", "呼和浩特市", "city", BudgetReport, 2026, 2025, 2026},
	{"neimenggu_hulunbeier_hailaer_2016_gov_work_report.txt", "政府工作报告", "海拉尔区", "district", WorkReport, 2016, 2015, 2016},
	{"neimenggu_hulunbeier_hailaer_2019_gov_work_report.txt", "政府工作报告", "海拉尔区", "district", WorkReport, 2019, 2018, 2019},
	{"ningxia_2024_final_accounts_report.pdf", "2024年度全区及区本级财政决算报表", "宁夏回族自治区", "province", FinalAccounts, 2025, 2024, 0},
	{"ningxia_yinchuan_2025_budget_report.pdf", "关于2025年银川市及市本级预算执行情况和2026年银川市及市本级预算草案的报告", "银川市", "city", BudgetReport, 2026, 2025, 2026},
	{"shanxi_lvliang_2018_budget_report.txt", "关于吕梁市2018年全市和市本级预算执行情况与2019年全市和市本级预算草案的报告", "吕梁市", "city", BudgetReport, 2019, 2018, 2019},
	{"xinjiang_kezilesu_2025_economic_analysis.html", "克州2025年经济运行情况分析", "克孜勒苏柯尔克孜自治州", "city", OtherReport, 2026, 2025, 0},
	{"xinjiang_wulumuqi_2025_stat_bulletin.html", "乌鲁木齐市2025年国民经济和社会发展统计公报", "乌鲁木齐市", "city", StatBulletin, 2026, 2025, 0},
	{"xizang_changdu_2025_stat_bulletin.pdf", "昌都市2025年国民经济和社会发展统计公报", "昌都市", "city", StatBulletin, 2026, 2025, 0},
	{"yunnan_chuxiong_chuxiong_2025_budget_report.txt", "关于楚雄市2025年地方财政预算执行情况和2026年地方财政预算草案的报告（书面）", "楚雄市", "county", BudgetReport, 2026, 2025, 2026},
	{"yunnan_dali_2025_budget_report.html", "关于大理白族自治州2025年地方财政预算执行情况和2026年地方财政预算草案的报告", "大理白族自治州", "city", BudgetReport, 2026, 2025, 2026},
}

// extract reads a report file as index.Add does.
func extract(t testing.TB, path string) ([]byte, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	txt, err := ingest.Extract(path, data)
	if err != nil {
		return nil, err
	}
	return txt.Text, nil
}

// wrongIdentity says what of a parsed report differs from its identity.
func wrongIdentity(d *Doc, want identity) []string {
	var bad []string
	strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if strip(d.Title) != strip(want.title) {
		bad = append(bad, fmt.Sprintf("title %q, want %q", d.Title, want.title))
	}
	m := d.Meta
	if m.Region != want.region || m.Level != want.level {
		bad = append(bad, fmt.Sprintf("region %s (%s), want %s (%s)", m.Region, m.Level, want.region, want.level))
	}
	if m.Kind != want.kind {
		bad = append(bad, fmt.Sprintf("kind %s, want %s", m.Kind, want.kind))
	}
	if m.Year != want.year || m.ReviewYear != want.review || m.PlanYear != want.plan {
		bad = append(bad, fmt.Sprintf("years %d/%d/%d, want %d/%d/%d", m.Year, m.ReviewYear, m.PlanYear, want.year, want.review, want.plan))
	}
	return bad
}

// manifestKinds maps the kinds of the corpus manifests to ours.
var manifestKinds = map[string]string{
	"gov_work_report": WorkReport, "gov_work_report_abstract": WorkReport, "stat_bulletin": StatBulletin,
	"budget_report": BudgetReport, "final_accounts_report": FinalAccounts, "audit_report": AuditReport, "other": OtherReport,
}

// slugMatches reports whether a region slug of the corpus manifests
// (national, hebei/langfang, yunnan/chuxiong/chuxiong) names the region of
// a report: the pinyin of each division on its path, province first.
func slugMatches(m Meta, slug string) bool {
	if slug == "national" {
		return m.Region == "全国"
	}
	var div *place.Division
	for _, d := range place.Lookup(m.Region) {
		if d.Name == m.Region {
			div = d
		}
	}
	if div == nil {
		return false
	}
	segs := strings.Split(slug, "/")
	path := div.Path()
	if len(path) != len(segs) {
		return false
	}
	args := pinyin.NewArgs()
	args.Heteronym = true
	for i, d := range path {
		forms := d.Forms()
		short := forms[len(forms)-1]
		if segs[i] == "shaanxi" && short == "陕西" {
			continue // the spelling that tells 陕西 from 山西
		}
		spellings := []string{""}
		for _, readings := range pinyin.Pinyin(short, args) {
			var next []string
			for _, s := range spellings {
				for _, r := range readings {
					if len(next) < 256 {
						next = append(next, s+r)
					}
				}
			}
			spellings = next
		}
		ok := false
		for _, s := range spellings {
			ok = ok || s == segs[i]
		}
		if !ok {
			return false
		}
	}
	return true
}

// manifestYear is the year the corpus manifests give a report: the year
// delivered for a work report, the year reported on for the others.
func manifestYear(m Meta) int {
	if m.Kind == WorkReport {
		return m.Year
	}
	if m.Kind == OtherReport && m.ReviewYear != m.PlanYear && m.PlanYear > 0 {
		return m.PlanYear
	}
	return m.ReviewYear
}

// TestPracticeIdentity reads every document of the practice corpus, when
// present, and checks what it is (title, region, level, kind, years)
// against what a reader says of it and against the corpus manifest, with
// the file name hidden (the identity comes from the text); that no
// character is lost; and that the table-heavy documents yield table rows
// with names and named columns. A golden file holds the metadata of all.
func TestPracticeIdentity(t *testing.T) {
	if _, err := os.Stat(practiceDir); err != nil {
		testskip.Skip(t, "no ../shared/corpus/practice")
	}
	manifest := readManifest(t, filepath.Join(practiceDir, "MANIFEST.tsv"))
	var goldenText strings.Builder
	right, read := 0, 0
	for _, want := range practiceIdentity {
		text, err := extract(t, filepath.Join(practiceDir, want.file))
		if errors.Is(err, ingest.ErrNoPdftotext) {
			t.Logf("%s: %v", want.file, err)
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", want.file, err)
			continue
		}
		read++
		id := strings.TrimSuffix(want.file, filepath.Ext(want.file))
		// The file name tells nothing: the identity is the text's.
		d := Parse("doc", text)
		if bad := wrongIdentity(d, want); len(bad) > 0 {
			t.Errorf("%s: %s", want.file, strings.Join(bad, "; "))
		} else {
			right++
		}
		checkNothingLost(t, want.file, text, d)
		if f, ok := manifest[want.file]; ok {
			if !slugMatches(d.Meta, f[2]) || manifestKinds[f[4]] != d.Meta.Kind || fmt.Sprint(manifestYear(d.Meta)) != f[3] {
				t.Errorf("%s: region %s kind %s year %d, manifest says %s %s %s", want.file, d.Meta.Region, d.Meta.Kind, manifestYear(d.Meta), f[2], f[4], f[3])
			}
		} else {
			t.Errorf("%s: not in the manifest", want.file)
		}
		d = Parse(id, text)
		fmt.Fprintf(&goldenText, "%s\n%s\n", id, metaLine(d))
	}
	t.Logf("identity right for %d of %d practice documents read", right, read)
	if read == len(practiceIdentity) {
		golden(t, "practice_meta.golden", goldenText.String())
	}
}

// tableHeavy are the practice documents whose figures stand mostly in
// tables, with the rows they must yield at least.
var tableHeavy = map[string]int{
	"jiangsu_2018_budget_report.pdf":              1200,
	"ningxia_2024_final_accounts_report.pdf":      2500,
	"heilongjiang_2023_final_accounts_report.pdf": 1100,
	"fujian_2024_final_accounts_report.txt":       1000,
	"hebei_shijiazhuang_2018_budget_report.pdf":   400,
	"xinjiang_wulumuqi_2025_stat_bulletin.html":   60,
	"heilongjiang_haerbin_2025_stat_bulletin.pdf": 60,
	"anhui_hefei_2025_stat_bulletin.pdf":          55,
	"hunan_xiangxi_2025_stat_bulletin.pdf":        30,
	"xizang_changdu_2025_stat_bulletin.pdf":       10,
}

// TestPracticeTables checks that the table-heavy practice documents yield
// table rows that name what they count, with figures under named columns.
func TestPracticeTables(t *testing.T) {
	if _, err := os.Stat(practiceDir); err != nil {
		testskip.Skip(t, "no ../shared/corpus/practice")
	}
	for file, least := range tableHeavy {
		text, err := extract(t, filepath.Join(practiceDir, file))
		if errors.Is(err, ingest.ErrNoPdftotext) {
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		d := Parse("doc", text)
		if n := namedFigures(d); n < least {
			t.Errorf("%s: %d table rows with a name and a figure under a named column, want %d or more", file, n, least)
		}
	}
}

// namedFigures counts the table rows that have a name and a figure under
// a named column: facts with a subject and an aspect.
func namedFigures(d *Doc) int {
	n := 0
	for _, tb := range d.Tables {
		for _, r := range tb.Rows {
			if r.Name == "" {
				continue
			}
			for ci, c := range r.Cells {
				if c.Text != "" && !c.Empty() && ci < len(tb.Columns) && tb.Columns[ci] != "" {
					n++
					break
				}
			}
		}
	}
	return n
}

// metaLine writes what a report is for a golden file.
func metaLine(d *Doc) string {
	m := d.Meta
	rows := 0
	for _, tb := range d.Tables {
		rows += len(tb.Rows)
	}
	return fmt.Sprintf("\ttitle=%s\n\tkind=%s region=%s code=%s level=%s year=%d review=%d plan=%d inferred=%s\n\tlayout=%s paragraphs=%d sentences=%d sections=%d tables=%d rows=%d named=%d",
		d.Title, m.Kind, m.Region, m.Code, m.Level, m.Year, m.ReviewYear, m.PlanYear, strings.Join(m.Inferred, ","),
		d.Layout, len(d.Paragraphs), len(d.Sentences), len(d.Sections), len(d.Tables), rows, namedFigures(d))
}

// readManifest reads a corpus MANIFEST.tsv by file name.
func readManifest(t *testing.T, path string) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, line := range strings.Split(string(data), "\n")[1:] {
		if f := strings.Split(line, "\t"); len(f) >= 5 {
			out[f[0]] = f
		}
	}
	return out
}
