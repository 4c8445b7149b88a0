package qa

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
)

// A candidate figure is scored by named features combined by weights:
// the probability that it answers the question is the logistic function
// of the weighted sum. The weights, the threshold below which the engine
// abstains and the share of the best score further answers need are data
// (weights.json), fitted on the holdout question sets by
// scripts/fitweights, the threshold by cross-validation.

// Features of a candidate figure. Logarithms turn the factors of a fit
// (each in (0, 1]) into terms of the sum.
const (
	fCoverage      = iota // log of the weighted share of the question's concepts found near the figure
	fCore                 // log of the share of the subject concepts (not aspect verbs) found
	fTop                  // log of how well the weightiest subject concept is found
	fUnit                 // log of how well the figure's unit fits what is asked
	fPeriod               // log of how well its year and tense fit (for ranking)
	fGate                 // log of how well its year fits: the tense only counts when the question names the year (for the threshold; see Model.gate)
	fScope                // log of how well its scope (全市, 市本级) fits
	fPrior                // log of the confidence in the question's reading (unknown English words)
	fRetrieval            // the sentence's retrieval score, relative to the best
	fFromValue            // 1 for the old value of a change (从X增加到Y: X)
	fStockAdded           // 1 for an added count where the question asks what there is
	fLevelChange          // 1 for a change (in points, or after a verb of change) where the question asks for the level
	fQualifier            // 1 when the figure has the qualifier the question names (以上, 以内)
	fWeakCore             // 1 when the subject is barely found (core < minCore or top < 0.3)
	fTable                // 1 for a cell of a table
	fAbsent               // weight share of the concepts found in no candidate sentence
	fHeadClash            // 1 when the figure's own noun differs from the question's
	fListed               // 1 when a 分别 list or the three sectors tie the figure to its item
	fThreshold            // 1 for the threshold of a statistical definition (统计范围为……2000万元及以上) the question does not ask for
	fOtherPlace           // 1 when the figure's clause names a place other than the report's and the question's (城厢区 in a provincial report), or the question names a place within the report's that the sentence and its headings do not
	fChangeMiss           // 1 when the question asks by how much a thing changed (比去年多收多少) and the figure is no change
	fFlowClash            // 1 when the question asks for spending and the figure is revenue, or the reverse
	fSpanMiss             // 1 when the question asks of one year and the figure sums several (“十四五”时期, 五年来)
	fDeltaMiss            // 1 when the figure is the difference from a base (比上年增加167亿元) and the question asks for the amount itself
	fNarrower             // 1 when the subject beside the figure is narrowed by a word the question lacks (城镇常住人口 for 常住人口)
	fMilestone            // 1 for a mark passed (首次突破35万吨) where the sentence goes on to the figure reached (达到36.05万吨)
	fTotal                // 1 when the question asks for a whole (一共) and the figure's noun names a total (进出口总额, 粮食总产量)
	fPerUnitMiss          // 1 when the question asks for an amount per person or thing (每个孩子) and the figure's clause says no 每, 人均 or 标准, or asks none and the figure is one (每人平均四百斤)
	fSubperiodMiss        // 1 when the figure is of a part of the year (一季度, 上半年) other than the part the question names, or of a part where it names none
	fApproxTwin           // 1 for an approximate figure (约1100亿元) where another of the same year gives it exactly (1100.7亿元), or a mark passed (突破5000亿元) where another gives the level reached (约5300亿元)
	numFeatures
)

var featureNames = [numFeatures]string{
	"log_coverage", "log_core", "log_top", "log_unit", "log_period", "log_gate", "log_scope", "log_prior",
	"retrieval", "from_value", "stock_added", "level_change", "qualifier", "weak_core", "table", "absent",
	"head_clash", "listed", "threshold", "other_place", "change_miss", "flow_clash",
	"span_miss", "delta_miss", "narrower", "milestone", "total", "per_unit_miss",
	"subperiod_miss", "approx_twin",
}

// FeatureNames returns the names of the features, in the order of a
// Scored candidate's Features.
func FeatureNames() []string { return featureNames[:] }

type features [numFeatures]float64

// logf is the logarithm of a factor, bounded below.
func logf(x float64) float64 { return math.Log(math.Max(x, 0.01)) }

func boolf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Model is a set of fitted weights.
type Model struct {
	Bias      float64            `json:"bias"`
	Weights   map[string]float64 `json:"weights"`
	Threshold float64            `json:"threshold"` // abstain below this probability
	// Confident is the probability from which a figure counts as a sure
	// answer: those ranked before any below it (whatever their
	// probabilities), before the reports' own (home first) and before
	// a table's cells, and the one that spares the second, headed
	// search. It keeps ranking apart from abstention, so that lowering
	// the threshold only answers questions that had no sure answer.
	Confident float64 `json:"confident"`
	Second    float64 `json:"second"` // further answers score at least this share of the best
	// Lone is a second, lower threshold for a figure without rivals:
	// when nothing reaches Threshold, the most probable figure whose
	// gate reaches Lone answers alone if every figure of another value
	// scores at most LoneRival times its probability. Both are chosen by
	// cross-validation (scripts/fitweights -lone); 0 turns it off.
	Lone      float64 `json:"lone,omitempty"`
	LoneRival float64 `json:"lone_rival,omitempty"`
	// Passage weighs the features of a retrieved sentence (see
	// PassageFeatureNames) to rank the passages of a question nothing
	// answers (scripts/fitweights -passages).
	Passage map[string]float64 `json:"passage,omitempty"`
	// Sentence weighs the same features to choose, among the sentences
	// that answer a question asking for no figure, the one that answers
	// (scripts/fitweights -sentences).
	Sentence map[string]float64 `json:"sentence,omitempty"`
	// Provenance: what it was fitted on and how well it did.
	Trained string `json:"trained,omitempty"`

	w  [numFeatures]float64
	pw [numPassageFeatures]float64
	sw [numPassageFeatures]float64
}

//go:embed weights.json
var weightsData []byte

// loadModel parses model weights.
func loadModel(data []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("weights: %w", err)
	}
	for i, n := range featureNames {
		m.w[i] = m.Weights[n]
	}
	for _, ws := range []map[string]float64{m.Passage, m.Sentence} {
		for n := range ws {
			if !slices.Contains(passageFeatureNames[:], n) {
				return nil, fmt.Errorf("weights: unknown passage feature %q", n)
			}
		}
	}
	for i, n := range passageFeatureNames {
		m.pw[i] = m.Passage[n]
		m.sw[i] = m.Sentence[n]
	}
	if m.Second <= 0 {
		m.Second = 0.6
	}
	if m.Confident <= 0 {
		m.Confident = max(m.Threshold, 0.5)
	}
	return &m, nil
}

// DefaultModel returns the model embedded in the binary.
func DefaultModel() *Model {
	m, err := loadModel(weightsData)
	if err != nil {
		panic(err) // the embedded file is checked by the tests
	}
	return m
}

// LoadModel reads weights from data, in the format of weights.json.
func LoadModel(data []byte) (*Model, error) { return loadModel(data) }

// gate is the probability the threshold is applied to: that of prob, but
// with the period fit that ignores the tense (log_gate) in place of the
// one that ranks (log_period): a target asked about as a result ranks
// below the result, but answers when it is all the reports say.
func (m *Model) gate(f *features) float64 {
	g := *f
	g[fPeriod] = g[fGate]
	return m.prob(&g)
}

// prob is the probability that a candidate with features f answers.
func (m *Model) prob(f *features) float64 {
	z := m.Bias
	for i, v := range f {
		z += m.w[i] * v
	}
	return 1 / (1 + math.Exp(-z))
}
