package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"reportkb/index"
	"reportkb/qa"
	"reportkb/qa/qset"
)

// passageQuestion is a text question nothing answers, with the features of
// the sentences its passages are ranked from and, for each, whether its
// paragraph holds the evidence.
type passageQuestion struct {
	set   string
	feats [][]float64
	label []bool
}

// passagesMode fits the passage weights (qa.Model.Passage): those that put
// first the paragraph holding the evidence of the most text questions
// nothing answers, by coordinate ascent from the current weights, checked
// by cross-validation over ten groups of sets. With out set, it writes
// them into that weights file.
//
// With sentences set it fits the sentence weights (qa.Model.Sentence)
// instead: those that choose, among the sentences that answer a text
// question, one in the paragraph holding its evidence.
func passagesMode(x *index.Index, eng *qa.Engine, files []string, out string, sentences bool) {
	var qs []passageQuestion
	reach := 0
	for _, f := range files {
		items, err := qset.Read(f)
		if err != nil {
			log.Fatal(err)
		}
		for _, it := range items {
			if it.Kind != "text" || it.Evidence == nil || qset.Norm(*it.Evidence) == "" {
				continue
			}
			ev := qset.Norm(*it.Evidence)
			if it.Doc != "" {
				if _, ok := x.Doc(it.Doc); !ok {
					continue
				}
			}
			hits, answered, err := eng.PassageHits(context.Background(), qa.Request{Question: it.Q, Doc: it.Doc})
			if err != nil {
				log.Fatalf("%s %s: %v", filepath.Base(f), it.ID, err)
			}
			if sentences {
				// Choosing the answer: the sentences that answer.
				hits = slices.DeleteFunc(hits, func(h qa.PassageHit) bool { return !h.Answers })
			} else if answered {
				continue // the passages start from the answer
			}
			if len(hits) == 0 {
				continue
			}
			refs := make([]index.Ref, len(hits))
			for i, h := range hits {
				sum, _ := x.Summary(h.Doc)
				refs[i] = index.Ref{Doc: h.Doc, N: h.Paragraph}
				if sum != nil {
					refs[i].Gen = sum.Gen
				}
			}
			ps, err := x.Paragraphs(refs)
			if err != nil {
				log.Fatalf("%s %s: %v", filepath.Base(f), it.ID, err)
			}
			q := passageQuestion{set: filepath.Base(f)}
			any := false
			for i, h := range hits {
				l := ps[i] != nil && strings.Contains(qset.Norm(ps[i].Text), ev)
				any = any || l
				q.feats = append(q.feats, h.Features)
				q.label = append(q.label, l)
			}
			if any {
				reach++
			}
			qs = append(qs, q)
		}
	}
	names := qa.PassageFeatureNames()
	cur := qa.DefaultModel()
	key, weights, what := "passage", cur.Passage, "text questions nothing answers"
	if sentences {
		key, weights, what = "sentence", cur.Sentence, "text questions some sentence answers"
	}
	w0 := make([]float64, len(names))
	for i, n := range names {
		w0[i] = weights[n]
	}
	if w0[0] == 0 {
		w0[0] = 2 // coverage first: the weights are fitted from it
	}
	log.Printf("%d %s (%d with the evidence among their sentences), from %d sets", len(qs), what, reach, len(files))
	log.Printf("current %s weights: %d first", key, passagesFirst(qs, w0))
	w := fitPassages(qs, w0)
	log.Printf("fitted on all: %d first; weights %v", passagesFirst(qs, w), fmtWeights(names, w))
	// Cross-validation: the sets in ten groups, each scored with the
	// weights fitted on the other nine.
	cv := 0
	for g := 0; g < 10; g++ {
		var train, test []passageQuestion
		for _, q := range qs {
			if setGroup(q.set)%10 == g {
				test = append(test, q)
			} else {
				train = append(train, q)
			}
		}
		cv += passagesFirst(test, fitPassages(train, w0))
	}
	log.Printf("cross-validated (ten groups of sets): %d first, against %d for the current weights", cv, passagesFirst(qs, w0))
	if out == "" {
		return
	}
	data, err := os.ReadFile(out)
	if err != nil {
		log.Fatal(err)
	}
	var m map[string]interface{}
	if err := json.Unmarshal(data, &m); err != nil {
		log.Fatal(err)
	}
	pw := map[string]float64{}
	for i, n := range names {
		if w[i] != 0 {
			pw[n] = round(w[i])
		}
	}
	m[key] = pw
	data, err = json.MarshalIndent(m, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(out, append(data, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote the %s weights to %s", key, out)
}

// setGroup spreads the sets over groups by their names.
func setGroup(set string) int {
	h := 0
	for _, r := range set {
		h = h*31 + int(r)
	}
	if h < 0 {
		h = -h
	}
	return h
}

func fmtWeights(names []string, w []float64) string {
	var parts []string
	for i, n := range names {
		parts = append(parts, fmt.Sprintf("%s=%.2f", n, w[i]))
	}
	return strings.Join(parts, " ")
}

// passagesFirst counts the questions whose best-scored sentence (the first
// in retrieval order among equals) is in a paragraph holding the evidence.
func passagesFirst(qs []passageQuestion, w []float64) int {
	n := 0
	for _, q := range qs {
		best, bi := math.Inf(-1), -1
		for i, f := range q.feats {
			if s := dot(w, f); s > best+1e-12 {
				best, bi = s, i
			}
		}
		if bi >= 0 && q.label[bi] {
			n++
		}
	}
	return n
}

// fitPassages improves w0 one weight at a time over a grid, the coverage
// weight held (the ranking does not change with the scale of the weights),
// until no step gains; a step must gain a question to be taken. Each
// weight keeps the sign its feature's meaning gives it (see signs): more
// of the question held, or retrieved first, never ranks a sentence lower.
func fitPassages(qs []passageQuestion, w0 []float64) []float64 {
	w := append([]float64(nil), w0...)
	best := passagesFirst(qs, w)
	grid := []float64{-3, -2, -1.5, -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4}
	names := qa.PassageFeatureNames()
	for round := 0; round < 4; round++ {
		improved := false
		for i := 1; i < len(w); i++ {
			keep := w[i]
			for _, v := range grid {
				if v*signs[names[i]] < 0 {
					continue
				}
				w[i] = v
				if n := passagesFirst(qs, w); n > best {
					best, keep, improved = n, v, true
				}
			}
			w[i] = keep
		}
		if !improved {
			break
		}
	}
	return w
}

// signs are the signs the passage weights may take: +1 for features of
// which more means a better answer, -1 for those of which more means a
// worse one, 0 for either.
var signs = map[string]float64{
	"coverage": 1, "retrieval": 1, "core": 1, "top": 1, "order": 1, "problem": 1, "siblings": 1, "heading": 1,
	"spread": -1, "length": 0,
}
