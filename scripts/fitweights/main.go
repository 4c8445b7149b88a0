// Command fitweights fits the weights of the answer model (qa/weights.json)
// on the holdout question sets: a logistic regression of "this candidate
// figure answers the question" on the candidates' features, with the
// threshold below which the engine abstains chosen for the most questions
// passed, and both checked by leave-one-set-out cross-validation.
//
// Usage:
//
//	go run ./scripts/fitweights [-index DIR] [-sets 'testdata/holdout*.jsonl'] [-o qa/weights.json]
//	go run ./scripts/fitweights -lone [-index DIR]
//	go run ./scripts/fitweights -passages [-index DIR] [-o qa/weights.json]
//	go run ./scripts/fitweights -sentences [-index DIR] [-o qa/weights.json]
//
// With -lone it chooses, for the current weights, the lower threshold
// and rival share at which a figure with no close rival still answers
// (qa.Model.Lone and LoneRival), by the same cross-validation.
//
// With -passages it fits the weights that rank the passages of a text
// question nothing answers (qa.Model.Passage): those that put first the
// paragraph holding the evidence most often, checked by cross-validation;
// with -sentences, those that choose the answer among the sentences that
// answer a text question (qa.Model.Sentence), the same way.
//
// The index must hold the documents the sets ask about (../shared/corpus
// reports and practice documents); without -index one is built from
// ../shared/corpus in a temporary directory.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"reportkb/index"
	"reportkb/index/jieba"
	"reportkb/qa"
	"reportkb/qa/qset"
	"reportkb/seeds"
)

// question is a question with its candidates' features and labels.
type question struct {
	set   string
	kind  string // number or none
	feats [][]float64
	label []bool
	value []float64 // each candidate's value
}

func main() {
	ixDir := flag.String("index", "", "index directory holding the documents the sets ask about (built from ../shared/corpus when empty)")
	sets := flag.String("sets", "testdata/holdout*.jsonl", "question sets to fit on (a glob)")
	out := flag.String("o", "qa/weights.json", "where to write the weights")
	perQ := flag.Int("per-question", 40, "candidates kept per question, best first by the current weights")
	curve := flag.Bool("thresholds", false, "print the questions the current weights pass at each threshold and the threshold cross-validation picks, and stop")
	passFlag := flag.Bool("passages", false, "fit the passage weights (qa.Model.Passage) on the text questions nothing answers, print them and, with -o, write them into that weights file")
	sentFlag := flag.Bool("sentences", false, "fit the sentence weights (qa.Model.Sentence) on the text questions some sentence answers, print them and, with -o, write them into that weights file")
	loneFlag := flag.Bool("lone", false, "choose the lone figure's threshold and rival share (qa.Model.Lone) by cross-validation for the current weights, print them, and stop")
	flag.Parse()

	x, err := openIndex(*ixDir)
	if err != nil {
		log.Fatal(err)
	}
	defer x.Close()
	var home []string
	for _, f := range seeds.Files() {
		home = append(home, index.DocID(f.Name))
	}
	eng := qa.New(qa.Config{Index: x, Home: home})
	files, _ := filepath.Glob(*sets)
	sort.Strings(files)
	if len(files) == 0 {
		log.Fatalf("no question sets match %s", *sets)
	}
	if *passFlag || *sentFlag {
		passagesMode(x, eng, files, *out, *sentFlag)
		return
	}
	var qs []question
	for _, f := range files {
		items, err := qset.Read(f)
		if err != nil {
			log.Fatal(err)
		}
		for _, it := range items {
			if it.Kind != "number" && it.Kind != "none" {
				continue // sentence answers are not scored by the model
			}
			if it.Doc != "" {
				if _, ok := x.Doc(it.Doc); !ok {
					continue
				}
			}
			cands, err := eng.Candidates(context.Background(), qa.Request{Question: it.Q, Doc: it.Doc})
			if err != nil {
				log.Fatalf("%s %s: %v", filepath.Base(f), it.ID, err)
			}
			if len(cands) > *perQ {
				cands = cands[:*perQ]
			}
			q := question{set: filepath.Base(f), kind: it.Kind}
			for _, c := range cands {
				q.feats = append(q.feats, c.Features)
				q.label = append(q.label, it.Kind == "number" && it.Answers(c.Answer))
				q.value = append(q.value, c.Answer.Value)
			}
			qs = append(qs, q)
		}
	}
	names := qa.FeatureNames()
	cur := qa.DefaultModel()
	confident = cur.Confident
	lone, loneRival = cur.Lone, cur.LoneRival
	curW := make([]float64, len(names)+1)
	curW[0] = cur.Bias
	for i, n := range names {
		curW[i+1] = cur.Weights[n]
	}
	nCand := 0
	reach := 0
	for _, q := range qs {
		nCand += len(q.feats)
		for _, l := range q.label {
			if l {
				reach++
				break
			}
		}
	}
	log.Printf("%d questions (%d with the right figure among their candidates), %d candidates, from %d sets", len(qs), reach, nCand, len(files))
	log.Printf("current weights: %d of %d questions pass (threshold %.2f; at its best threshold %.2f: %d)", accuracy(qs, curW, cur.Threshold), len(qs), cur.Threshold,
		bestThreshold(qs, curW), accuracy(qs, curW, bestThreshold(qs, curW)))

	if *loneFlag {
		loneAnalysis(qs, curW, cur.Threshold)
		return
	}
	if *curve {
		for t := 0.30; t < 0.61; t += 0.025 {
			fmt.Printf("threshold %.3f: %d of %d\n", t, accuracy(qs, curW, t), len(qs))
		}
		// The threshold alone chosen by leave-one-set-out cross-validation:
		// each set scored at the threshold best on the others.
		cv := 0
		var picked []string
		leaveOneSetOut(qs, func(train, test []question) {
			t := bestThreshold(train, curW)
			cv += accuracy(test, curW, t)
			picked = append(picked, fmt.Sprintf("%.2f", t))
		})
		sort.Strings(picked)
		fmt.Printf("threshold by leave-one-set-out cross-validation: %d of %d pass (thresholds picked: %s); best on all: %.2f\n",
			cv, len(qs), strings.Join(picked, " "), bestThreshold(qs, curW))
		return
	}

	// Cross-validation, leaving out one set at a time, for each strength
	// of the regularization.
	bestLambda, bestCV := 0.0, -1
	for _, lambda := range []float64{1, 3, 10, 30, 100} {
		cv := 0
		leaveOneSetOut(qs, func(train, test []question) {
			w := fitModel(train, curW, lambda)
			t := bestThreshold(train, w)
			cv += accuracy(test, w, t)
		})
		log.Printf("lambda %.1f: cross-validated %d of %d questions pass", lambda, cv, len(qs))
		if cv > bestCV {
			bestLambda, bestCV = lambda, cv
		}
	}
	w := fitModel(qs, curW, bestLambda)
	t := bestThreshold(qs, w)
	fitted := accuracy(qs, w, t)
	log.Printf("fitted on all: %d of %d questions pass at threshold %.2f", fitted, len(qs), t)

	m := map[string]interface{}{
		"bias":       round(w[0]),
		"threshold":  t,
		"second":     cur.Second,
		"lone":       cur.Lone,
		"lone_rival": cur.LoneRival,
		"trained": fmt.Sprintf("fitted by scripts/fitweights on %d questions of %s (%d candidates); leave-one-set-out cross-validation: %d of %d pass (lambda %.1f); the earlier weights passed %d",
			len(qs), strings.Join(baseNames(files), ", "), nCand, bestCV, len(qs), bestLambda, accuracy(qs, curW, cur.Threshold)),
	}
	ws := map[string]float64{}
	for i, n := range names {
		ws[n] = round(w[i+1])
	}
	m["weights"] = ws
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, append(data, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s", *out)
}

// leaveOneSetOut calls fold once for each question set, with the
// questions of the other sets to train on and those of the set to test.
func leaveOneSetOut(qs []question, fold func(train, test []question)) {
	sets := map[string]bool{}
	for _, q := range qs {
		sets[q.set] = true
	}
	for s := range sets {
		var train, test []question
		for _, q := range qs {
			if q.set == s {
				test = append(test, q)
			} else {
				train = append(train, q)
			}
		}
		fold(train, test)
	}
}

func baseNames(files []string) []string {
	var out []string
	for _, f := range files {
		out = append(out, filepath.Base(f))
	}
	return out
}

func round(v float64) float64 { return math.Round(v*1e4) / 1e4 }

// prob is the model's probability for features f under weights w (w[0]
// the bias).
func prob(w, f []float64) float64 {
	z := w[0]
	for i, v := range f {
		z += w[i+1] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// confident is the model's confident probability (qa.Model.Confident):
// candidates reaching it rank before all others, as the engine's pick
// orders them.
var confident = 0.5

// accuracy counts the questions passed: a number question when its first
// candidate is right and reaches the threshold, a none question when no
// candidate does. The first candidate is the most probable of those whose
// gate reaches the confident probability, else of those reaching t, else
// the lone figure (qa.Model.Lone) of the current model.
func accuracy(qs []question, w []float64, t float64) int {
	return accuracyLone(qs, w, t, lone, loneRival)
}

// lone and loneRival are the current model's (qa.Model.Lone, LoneRival).
var lone, loneRival float64

// accuracyLone is accuracy with a lone figure answering below t when its
// gate reaches tl and no figure of another value scores above r times it
// (tl 0 for none).
func accuracyLone(qs []question, w []float64, t, tl, r float64) int {
	n := 0
	for _, q := range qs {
		bi := first(q, w, max(t, confident))
		if bi < 0 {
			bi = first(q, w, t)
		}
		if bi < 0 && tl > 0 && tl < t {
			if bj := first(q, w, tl); bj >= 0 {
				pj := prob(w, q.feats[bj])
				rival := false
				for k, f := range q.feats {
					if q.value[k] != q.value[bj] && prob(w, f) > r*pj {
						rival = true
						break
					}
				}
				if !rival {
					bi = bj
				}
			}
		}
		switch {
		case q.kind == "none" && bi < 0:
			n++
		case q.kind != "none" && bi >= 0 && q.label[bi]:
			n++
		}
	}
	return n
}

// first returns the index of the most probable of q's candidates whose
// gate reaches t, or -1.
func first(q question, w []float64, t float64) int {
	best, bi := -1.0, -1
	for i, f := range q.feats {
		if prob(w, gated(f)) < t {
			continue
		}
		if p := prob(w, f); p > best {
			best, bi = p, i
		}
	}
	return bi
}

// bestThreshold returns the threshold that passes the most questions.
func bestThreshold(qs []question, w []float64) float64 {
	best, bestN := 0.5, -1
	for t := 0.02; t < 0.99; t += 0.01 {
		if n := accuracy(qs, w, t); n > bestN {
			best, bestN = math.Round(t*100)/100, n
		}
	}
	return best
}

// fitModel fits the weights in two steps. Ranking: a conditional logit
// (the softmax over each question's candidates) makes the right figure
// come first, with an L2 penalty lambda pulling towards the earlier
// weights w0. Calibration: a logistic regression of "the best candidate
// is right" on its score turns scores into probabilities, so that one
// threshold decides when to abstain. It returns bias and weights.
func fitModel(qs []question, w0 []float64, lambda float64) []float64 {
	nf := len(w0) - 1
	w := append([]float64(nil), w0[1:]...)
	for iter := 0; iter < 30; iter++ {
		g := make([]float64, nf)
		h := make([][]float64, nf)
		for i := range h {
			h[i] = make([]float64, nf)
		}
		for _, q := range qs {
			hasPos := false
			for _, l := range q.label {
				hasPos = hasPos || l
			}
			if !hasPos {
				continue
			}
			// Softmax over the candidates, and over the right ones.
			zs := make([]float64, len(q.feats))
			zmax := math.Inf(-1)
			for k, f := range q.feats {
				zs[k] = dot(w, f)
				zmax = math.Max(zmax, zs[k])
			}
			var sumAll, sumPos float64
			for k, z := range zs {
				e := math.Exp(z - zmax)
				sumAll += e
				if q.label[k] {
					sumPos += e
				}
			}
			mean := make([]float64, nf)
			for k, f := range q.feats {
				p := math.Exp(zs[k]-zmax) / sumAll
				r := 0.0
				if q.label[k] {
					r = math.Exp(zs[k]-zmax) / sumPos
				}
				for i := 0; i < nf; i++ {
					g[i] += (p - r) * f[i]
					mean[i] += p * f[i]
				}
			}
			for k, f := range q.feats {
				p := math.Exp(zs[k]-zmax) / sumAll
				for i := 0; i < nf; i++ {
					for j := 0; j < nf; j++ {
						h[i][j] += p * (f[i] - mean[i]) * (f[j] - mean[j])
					}
				}
			}
		}
		for i := 0; i < nf; i++ {
			g[i] += lambda * (w[i] - w0[i+1])
			h[i][i] += lambda
		}
		step := solve(h, g)
		maxStep := 0.0
		for i := range w {
			w[i] -= step[i]
			maxStep = math.Max(maxStep, math.Abs(step[i]))
		}
		if maxStep < 1e-6 {
			break
		}
	}
	// Calibration on each question's best candidate: its score and the
	// features that are the same for every candidate of a question (and so
	// play no part in the ranking), such as the share of the question's
	// words the reports do not use.
	type row struct {
		x []float64 // 1, score, question-level features
		y float64
	}
	var rows []row
	for _, q := range qs {
		best, bi := math.Inf(-1), -1
		for k, f := range q.feats {
			if z := dot(w, f); z > best {
				best, bi = z, k
			}
		}
		if bi < 0 {
			continue
		}
		x := []float64{1, dot(w, gated(q.feats[bi]))}
		for _, i := range questionLevel {
			x = append(x, q.feats[bi][i])
		}
		y := 0.0
		if q.label[bi] {
			y = 1
		}
		rows = append(rows, row{x, y})
	}
	nc := 2 + len(questionLevel)
	c := make([]float64, nc)
	c[1] = 1
	// loss is the penalized negative log-likelihood the Newton steps
	// descend; a step that raises it is halved, so that nearly separable
	// rows cannot throw the scale off to infinity.
	loss := func(c []float64) float64 {
		l := 0.0
		for _, r := range rows {
			z := dot(c, r.x)
			if r.y > 0 {
				l += softplus(-z)
			} else {
				l += softplus(z)
			}
		}
		for i := 0; i < nc; i++ {
			l += 0.5e-3 * c[i] * c[i]
		}
		return l
	}
	for iter := 0; iter < 50; iter++ {
		g := make([]float64, nc)
		h := make([][]float64, nc)
		for i := range h {
			h[i] = make([]float64, nc)
		}
		for _, r := range rows {
			p := 1 / (1 + math.Exp(-dot(c, r.x)))
			for i := 0; i < nc; i++ {
				g[i] += (p - r.y) * r.x[i]
				for j := 0; j < nc; j++ {
					h[i][j] += p * (1 - p) * r.x[i] * r.x[j]
				}
			}
		}
		for i := 0; i < nc; i++ {
			h[i][i] += 1e-3
			g[i] += 1e-3 * c[i]
		}
		step := solve(h, g)
		before := loss(c)
		next := make([]float64, nc)
		d := 0.0
		for scale := 1.0; scale > 1e-6; scale /= 2 {
			d = 0
			for i := range c {
				next[i] = c[i] - scale*step[i]
				d += math.Abs(scale * step[i])
			}
			if l := loss(next); !math.IsNaN(l) && l <= before {
				break
			}
		}
		copy(c, next)
		if d < 1e-9 {
			break
		}
	}
	out := make([]float64, nf+1)
	out[0] = c[0]
	for i := range w {
		out[i+1] = c[1] * w[i]
	}
	for k, i := range questionLevel {
		out[i+1] += c[2+k]
	}
	return out
}

// gated returns the features the threshold applies to: the period fit
// that ignores the tense in place of the one that ranks (see
// qa.Model.gate).
func gated(f []float64) []float64 {
	g := append([]float64(nil), f...)
	g[featureIndex("log_period")] = g[featureIndex("log_gate")]
	return g
}

// questionLevel are the features that are the same for every candidate of
// a question: they enter the calibration, not the ranking.
var questionLevel = []int{featureIndex("absent"), featureIndex("log_prior")}

func featureIndex(name string) int {
	for i, n := range qa.FeatureNames() {
		if n == name {
			return i
		}
	}
	panic("no feature " + name)
}

// softplus is log(1+e^z), computed without overflow.
func softplus(z float64) float64 {
	if z > 30 {
		return z
	}
	return math.Log1p(math.Exp(z))
}

func dot(w, f []float64) float64 {
	s := 0.0
	for i, v := range f {
		s += w[i] * v
	}
	return s
}

// fit fits a logistic regression with an L2 penalty lambda (not on the
// bias) by Newton's method.
func fit(qs []question, nf int, lambda float64) []float64 {
	d := nf + 1
	w := make([]float64, d)
	for iter := 0; iter < 50; iter++ {
		g := make([]float64, d)
		h := make([][]float64, d)
		for i := range h {
			h[i] = make([]float64, d)
		}
		for _, q := range qs {
			for k, f := range q.feats {
				x := append([]float64{1}, f...)
				p := prob(w, f)
				y := 0.0
				if q.label[k] {
					y = 1
				}
				for i := 0; i < d; i++ {
					g[i] += (p - y) * x[i]
					for j := 0; j < d; j++ {
						h[i][j] += p * (1 - p) * x[i] * x[j]
					}
				}
			}
		}
		for i := 1; i < d; i++ {
			g[i] += lambda * w[i]
			h[i][i] += lambda
		}
		for i := 0; i < d; i++ {
			h[i][i] += 1e-9
		}
		step := solve(h, g)
		maxStep := 0.0
		for i := range w {
			w[i] -= step[i]
			maxStep = math.Max(maxStep, math.Abs(step[i]))
		}
		if maxStep < 1e-7 {
			break
		}
	}
	return w
}

// solve solves a x = b by Gaussian elimination with partial pivoting.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(append([]float64(nil), a[i]...), b[i])
	}
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		if math.Abs(m[c][c]) < 1e-12 {
			continue
		}
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		if math.Abs(m[r][r]) > 1e-12 {
			x[r] = s / m[r][r]
		}
	}
	return x
}

// openIndex opens dir, or builds an index of ../shared/corpus in a
// temporary directory.
func openIndex(dir string) (*index.Index, error) {
	seg, err := jieba.Open("")
	if err != nil {
		return nil, err
	}
	var srcs []index.Source
	for _, f := range seeds.Files() {
		srcs = append(srcs, index.Source{Name: f.Name, Data: f.Data})
	}
	if dir != "" {
		return index.Open(index.Config{Dir: dir, Segmenter: seg, Seeds: srcs})
	}
	tmp, err := os.MkdirTemp("", "fitweights-")
	if err != nil {
		return nil, err
	}
	x, err := index.Open(index.Config{Dir: tmp, Segmenter: seg, Seeds: srcs})
	if err != nil {
		return nil, err
	}
	var add []index.Source
	for _, pat := range []string{"../shared/corpus/reports/*.txt", "../shared/corpus/practice/*"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			switch strings.ToLower(filepath.Ext(f)) {
			case ".txt", ".pdf", ".docx", ".html", ".htm":
			default:
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			add = append(add, index.Source{Name: filepath.Base(f), Data: data})
		}
	}
	if len(add) == 0 {
		return nil, fmt.Errorf("no documents in ../shared/corpus; pass -index")
	}
	if err := x.AddAll(add, 0, nil); err != nil {
		log.Printf("some documents were not added: %v", err)
	}
	return x, nil
}

// loneAnalysis chooses the lone figure's threshold and rival share
// (qa.Model.Lone, LoneRival) for the current weights and threshold t, by
// leave-one-set-out cross-validation, and prints them.
func loneAnalysis(qs []question, w []float64, t float64) {
	type rule struct{ tl, r float64 }
	rules := []rule{{0, 0}}
	for tl := 0.10; tl < t-0.005; tl += 0.01 {
		for _, r := range []float64{0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1} {
			rules = append(rules, rule{math.Round(tl*100) / 100, r})
		}
	}
	bestOf := func(qs []question) (rule, int) {
		b, bn := rules[0], -1
		for _, ru := range rules {
			if n := accuracyLone(qs, w, t, ru.tl, ru.r); n > bn {
				b, bn = ru, n
			}
		}
		return b, bn
	}
	best, bestN := bestOf(qs)
	fmt.Printf("threshold %.2f alone: %d of %d; current lone rule (%.2f, %.1f): %d; best on all (%.2f, %.1f): %d\n",
		t, accuracyLone(qs, w, t, 0, 0), len(qs), lone, loneRival, accuracy(qs, w, t), best.tl, best.r, bestN)
	cv := 0
	var picked []string
	leaveOneSetOut(qs, func(train, test []question) {
		b, _ := bestOf(train)
		cv += accuracyLone(test, w, t, b.tl, b.r)
		picked = append(picked, fmt.Sprintf("%.2f/%.1f", b.tl, b.r))
	})
	sort.Strings(picked)
	counts := map[string]int{}
	for _, p := range picked {
		counts[p]++
	}
	fmt.Printf("lone rule by leave-one-set-out cross-validation: %d of %d; picked (rule: sets): %v\n", cv, len(qs), counts)
}
