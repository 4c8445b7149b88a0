package qa

import (
	"strings"

	"reportkb/index"
	"reportkb/index/report"
	"reportkb/index/segment"
)

// defineCues are the words after a term that introduce its definition in
// running text: “六稳”即稳就业…, 五育并举是指….
var defineCues = []string{"是指", "指的是", "即", "就是", "是"}

// define answers "what is X" from the glossary (名词解释) of the reports, or
// from a sentence of the form "X是指…"/"X即…".
func (e *Engine) define(q *Question, f index.Filter) []Answer {
	term, _ := segment.Fold(strings.TrimSpace(q.Term))
	if term == "" {
		return nil
	}
	var docs []*index.Entry
	for _, en := range e.x.Docs() {
		if f.Doc != "" && en.Doc.ID != f.Doc {
			continue
		}
		if len(f.Docs) > 0 && !contains(f.Docs, en.Doc.ID) {
			continue
		}
		docs = append(docs, en)
	}
	var out []Answer
	// The glossary first: an entry whose term is the question's.
	for _, en := range docs {
		d := en.Doc
		for pi := range d.Paragraphs {
			p := &d.Paragraphs[pi]
			if p.Kind != report.KindGlossary || p.Term == "" {
				continue
			}
			t, _ := segment.Fold(p.Term)
			score := 0.0
			switch {
			case t == term:
				score = 1
			case strings.Contains(t, term) || strings.Contains(term, t):
				score = 0.8
			default:
				continue
			}
			k := strings.IndexAny(p.Text, "：:")
			if k < 0 {
				continue
			}
			def := strings.TrimSpace(p.Text[k+len("："):])
			if strings.HasPrefix(p.Text[k:], ":") {
				def = strings.TrimSpace(p.Text[k+1:])
			}
			defStart := len(p.Text) - len(def)
			def = strings.TrimRight(def, "。")
			if def == "" || p.NumSentences == 0 {
				continue
			}
			si := p.FirstSentence
			ds, de := p.OrigSpan(defStart, defStart+len(def))
			a := e.answerAt(en, si, ds, de)
			a.Text, a.Kind, a.Score, a.Matched = def, "definition", score, []string{p.Term}
			a.Sentence = p.Text
			out = append(out, a)
		}
	}
	if len(out) > 0 {
		sortAnswers(out)
		return out[:1]
	}
	// Then running text: the term followed by a defining word.
	for _, en := range docs {
		d := en.Doc
		di := e.docInfo(en)
		for si := range d.Sentences {
			s := &d.Sentences[si]
			folded := di.folded[si]
			if di.foldOffs[si] != nil {
				continue // offsets differ from the text's: rare full-width text
			}
			k := strings.Index(folded, term)
			if k < 0 {
				continue
			}
			rest := strings.TrimLeft(folded[k+len(term):], "”\"’」』")
			for _, cue := range defineCues {
				if !strings.HasPrefix(rest, cue) {
					continue
				}
				start := len(folded) - len(rest) + len(cue)
				if start >= len(s.Text) {
					break
				}
				def := strings.TrimRight(s.Text[start:], "。")
				if len([]rune(def)) < 4 {
					break
				}
				p := &d.Paragraphs[s.Para]
				ds, de := p.OrigSpan(s.Off+start, s.Off+start+len(def))
				a := e.answerAt(en, si, ds, de)
				a.Text, a.Kind, a.Score, a.Matched = def, "definition", 0.7, []string{q.Term}
				out = append(out, a)
				break
			}
		}
	}
	if len(out) > 0 {
		sortAnswers(out)
		return out[:1]
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sortAnswers(as []Answer) {
	for i := 1; i < len(as); i++ {
		for j := i; j > 0 && as[j].Score > as[j-1].Score; j-- {
			as[j], as[j-1] = as[j-1], as[j]
		}
	}
}
