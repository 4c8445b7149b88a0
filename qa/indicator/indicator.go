// Package indicator is the catalogue of the indicators that government
// reports state year after year — GDP and its growth, budget revenue, new
// urban jobs, the unemployment rate … — with the wordings reports use for
// them, and the matching of a figure's wording to one of them.
//
// The catalogue is data (catalogue.json, embedded); a Catalogue is
// read-only once built and safe for concurrent use.
package indicator

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Kind says how an indicator is stated.
type Kind string

// The kinds of indicators.
const (
	Level  Kind = "level"  // an amount or a rate at a time: 地区生产总值5.3万亿元, 城镇调查失业率5.5%
	Growth Kind = "growth" // a growth rate over the year before: 地区生产总值增长5.5%
	Change Kind = "change" // a change stated with its direction: 居民消费价格上涨2%, 单位GDP能耗下降3%
)

// Indicator is one indicator of the catalogue.
type Indicator struct {
	ID      string `json:"id"`
	Name    string `json:"name"`    // as a Chinese report would head a column: 地区生产总值增长
	English string `json:"english"` // GDP growth
	Kind    Kind   `json:"kind"`
	Unit    string `json:"unit"` // the unit of its series: %, 亿元, 元, 万人, 万吨
	// Better is "higher" when a target is met by reaching it or more,
	// "lower" when by staying at it or below, "" when targets are not
	// judged.
	Better string `json:"better,omitempty"`
	// Down is true for a change stated as a cut (单位GDP能耗降低): a fall
	// is positive.
	Down   bool     `json:"down,omitempty"`
	Family string   `json:"family"`
	Words  []string `json:"words"`          // the wordings of reports, the family's and its own
	Note   string   `json:"note,omitempty"` // what a reader should know: older measures, scope
	EnAlso []string `json:"en_words"`       // English names
	qWords []string // wordings only questions use (增长目标)
}

type family struct {
	Family     string   `json:"family"`
	Note       string   `json:"note"`
	Words      []string `json:"words"`
	En         []string `json:"en"`
	Indicators []struct {
		ID            string   `json:"id"`
		Name          string   `json:"name"`
		En            string   `json:"en"`
		Kind          Kind     `json:"kind"`
		Unit          string   `json:"unit"`
		Better        string   `json:"better"`
		Sign          string   `json:"sign"`
		Words         []string `json:"words"`
		QuestionWords []string `json:"question_words"`
		EnWords       []string `json:"en_words"`
	} `json:"indicators"`
}

// Catalogue is a set of indicators and their wordings.
type Catalogue struct {
	inds  []*Indicator
	byID  map[string]*Indicator
	words []wording // longest first
	en    []wording // English names, longest first
}

// wording is a word that names an indicator of a family; own is set when
// it names that one indicator (经济增长: the growth of GDP), not the family.
type wording struct {
	text   string
	family string
	own    *Indicator
	qOnly  bool
}

//go:embed catalogue.json
var catalogueJSON []byte

var (
	defaultOnce sync.Once
	defaultCat  *Catalogue
)

// Default returns the catalogue embedded in the binary.
func Default() *Catalogue {
	defaultOnce.Do(func() {
		c, err := Parse(catalogueJSON)
		if err != nil {
			panic("indicator: embedded catalogue: " + err.Error()) // fixed at build time; a test reads it
		}
		defaultCat = c
	})
	return defaultCat
}

// Parse reads a catalogue in the format of catalogue.json.
func Parse(data []byte) (*Catalogue, error) {
	var doc struct {
		Families []family `json:"families"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("indicator catalogue: %w", err)
	}
	c := &Catalogue{byID: map[string]*Indicator{}}
	seen := map[string]string{}
	for _, f := range doc.Families {
		if f.Family == "" || len(f.Indicators) == 0 {
			return nil, fmt.Errorf("indicator catalogue: family %q without a name or indicators", f.Family)
		}
		for _, w := range f.Words {
			if prev, ok := seen[w]; ok && prev != f.Family {
				return nil, fmt.Errorf("indicator catalogue: %q is a wording of both %s and %s", w, prev, f.Family)
			}
			seen[w] = f.Family
			c.words = append(c.words, wording{text: w, family: f.Family})
		}
		for _, w := range f.En {
			c.en = append(c.en, wording{text: strings.ToLower(w), family: f.Family})
		}
		for _, d := range f.Indicators {
			switch {
			case d.ID == "" || d.Name == "" || d.Unit == "":
				return nil, fmt.Errorf("indicator catalogue: %s: an indicator needs an id, a name and a unit", f.Family)
			case d.Kind != Level && d.Kind != Growth && d.Kind != Change:
				return nil, fmt.Errorf("indicator catalogue: %s: kind %q is not level, growth or change", d.ID, d.Kind)
			case d.Better != "" && d.Better != "higher" && d.Better != "lower":
				return nil, fmt.Errorf("indicator catalogue: %s: better %q is not higher, lower or empty", d.ID, d.Better)
			case c.byID[d.ID] != nil:
				return nil, fmt.Errorf("indicator catalogue: indicator %s twice", d.ID)
			}
			ind := &Indicator{ID: d.ID, Name: d.Name, English: d.En, Kind: d.Kind, Unit: d.Unit, Better: d.Better,
				Down: d.Sign == "down", Family: f.Family, Note: f.Note, qWords: d.QuestionWords}
			ind.Words = append(append([]string{}, f.Words...), d.Words...)
			ind.EnAlso = append(append([]string{}, f.En...), d.EnWords...)
			for _, w := range d.Words {
				if prev, ok := seen[w]; ok {
					return nil, fmt.Errorf("indicator catalogue: %q is a wording of both %s and %s", w, prev, d.ID)
				}
				seen[w] = d.ID
				c.words = append(c.words, wording{text: w, family: f.Family, own: ind})
			}
			for _, w := range d.QuestionWords {
				c.words = append(c.words, wording{text: w, family: f.Family, own: ind, qOnly: true})
			}
			for _, w := range d.EnWords {
				c.en = append(c.en, wording{text: strings.ToLower(w), family: f.Family, own: ind})
			}
			c.inds = append(c.inds, ind)
			c.byID[ind.ID] = ind
		}
	}
	byLen := func(ws []wording) {
		sort.SliceStable(ws, func(i, j int) bool { return len(ws[i].text) > len(ws[j].text) })
	}
	byLen(c.words)
	byLen(c.en)
	return c, nil
}

// All returns the indicators in catalogue order.
func (c *Catalogue) All() []*Indicator { return c.inds }

// ByID returns the indicator with the id, or nil.
func (c *Catalogue) ByID(id string) *Indicator { return c.byID[id] }

// members returns the indicators of a family.
func (c *Catalogue) members(fam string) []*Indicator {
	var out []*Indicator
	for _, ind := range c.inds {
		if ind.Family == fam {
			out = append(out, ind)
		}
	}
	return out
}

// growthCues in a question or a name ask for a growth rate rather than a
// level.
var growthCues = []string{"增长", "增速", "增幅", "涨幅", "增长率", "增长速度", "growth", "grow", "increase", "rise"}

// pick chooses the member of a family that a text asks for: the growth
// rate when it speaks of growth, the level otherwise.
func (c *Catalogue) pick(fam string, text string) *Indicator {
	ms := c.members(fam)
	growth := false
	lt := strings.ToLower(text)
	for _, cue := range growthCues {
		growth = growth || strings.Contains(lt, cue)
	}
	for _, m := range ms {
		if growth && m.Kind == Growth || !growth && m.Kind == Level {
			return m
		}
	}
	return ms[0]
}

// Lookup returns the indicator a name stands for: an id (gdp_growth), a
// name (地区生产总值增长), any wording of reports, with or without a
// growth word (国内生产总值增长, 经济增长, GDP增速), or an English name
// (GDP growth). It returns nil for names it does not know.
func (c *Catalogue) Lookup(name string) *Indicator {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	if ind := c.byID[strings.ToLower(name)]; ind != nil {
		return ind
	}
	for _, ind := range c.inds {
		if ind.Name == name || strings.EqualFold(ind.English, name) {
			return ind
		}
	}
	ind, _, _ := c.Find(name)
	return ind
}

// Find returns the indicator a text (a question) names, and where: the
// longest wording in it, Chinese or English. It returns nil when the text
// names none.
func (c *Catalogue) Find(text string) (ind *Indicator, start, end int) {
	best := -1
	var bw wording
	for _, w := range c.words {
		if k := strings.Index(text, w.text); k >= 0 && (best < 0 || len(w.text) > len(bw.text)) {
			best, bw = k, w
		}
	}
	if best >= 0 {
		if bw.own != nil {
			return bw.own, best, best + len(bw.text)
		}
		return c.pick(bw.family, text), best, best + len(bw.text)
	}
	lt := strings.ToLower(text)
	for _, w := range c.en {
		if k := indexWord(lt, w.text); k >= 0 {
			if w.own != nil {
				return w.own, k, k + len(w.text)
			}
			return c.pick(w.family, lt), k, k + len(w.text)
		}
	}
	return nil, 0, 0
}

// indexWord finds w in s as whole words.
func indexWord(s, w string) int {
	for from := 0; ; {
		k := strings.Index(s[from:], w)
		if k < 0 {
			return -1
		}
		k += from
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[k+len(w):])
		if (k == 0 || !isLetter(before)) && (k+len(w) == len(s) || !isLetter(after) || after == 's') {
			return k
		}
		from = k + 1
	}
}

func isLetter(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }
