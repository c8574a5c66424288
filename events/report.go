package events

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/marsad/marsad"
)

// An event's confidence is a logistic model over what the sentence says around the trigger: whether it
// reports an event that happened (a past verb with its doer, a count of dead, a time and a source) or only
// mentions one ("اغتيال الحريري" in an editorial). The weights are trained on the tuning part of the
// Arabic event GSR by TrainReportModel and embedded from data/report_weights.txt.

// featureNames names the features in the order features fills them.
var featureNames = []string{
	"bias", "verb", "victim_verb", "noun", "victim_noun", "imperfect", "definite", "plural", "after_prep",
	"actor1", "actor2", "place", "counted", "number", "time", "source", "question", "frame", "mode", "same_type",
	"long", "cameo", "assault", "protest", "coerce", "protesters",
}

// Besides the named features, the model reads the trigger word hashed into buckets: some triggers tend to
// be mentions ("اغتيال" in Lebanese politics), others reports ("اغتالوا"). Hashing every word of the
// sentence as well scored worse in cross-validation (F1 0.56 against 0.58), so it is left out.
const (
	nNamed        = 26
	triggerHashes = 128
	nFeatures     = nNamed + triggerHashes
)

// bucket hashes a folded word (FNV-1a) into n buckets.
func bucket(w string, n int) int {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return int(h % uint32(n))
}

// features lists the active features of an event of the sentence [lo, hi) for the report model; all are
// binary. sameType counts the sentence's events of its type.
func (sc *scan) features(ev *event, lo, hi, sameType int) []int32 {
	var x []int32
	set := func(name string, on bool) {
		if on {
			x = append(x, int32(featureIndex[name]))
		}
	}
	m := ev.m
	t := &sc.toks[m.head]
	set("bias", true)
	set("verb", m.e.kind == kindVerb)
	set("victim_verb", m.e.kind == kindVictimVerb)
	set("noun", m.e.kind == kindNoun)
	set("victim_noun", m.e.kind == kindVictimNoun)
	set("imperfect", m.imperfect)
	set("definite", t.def)
	set("plural", m.noun && (strings.HasSuffix(t.b, "ات") || strings.HasSuffix(t.b, "ين")))
	set("after_prep", m.head > lo && sc.is(cPrep, &sc.toks[m.head-1]) || t.prep || m.noun && !t.def && strings.HasPrefix(t.b, "ب"))
	set("actor1", ev.actor1.ok())
	set("actor2", ev.actor2.ok())
	set("place", ev.place.ok())
	set("mode", ev.mode != "" || m.e.mode != "")
	set("cameo", m.e.conf == sourceCAMEO)
	set("assault", m.e.typ == marsad.ASSAULT)
	set("protest", m.e.typ == marsad.PROTEST)
	set("coerce", m.e.typ == marsad.COERCE)
	set("same_type", sameType > 1)
	set("long", hi-lo > 40)
	var number, time, source, frame, counted, protesters bool
	for k := lo; k < hi; k++ {
		tk := &sc.toks[k]
		number = number || tk.num || sc.is(cNumber, tk)
		time = time || sc.is(cTimeAnchor, tk)
		source = source || sc.is(cReportCue, tk)
		frame = frame || sc.is(cFrame, tk) && k != m.head
		protesters = protesters || sc.is(cProtester, tk)
		if !counted && (tk.num || sc.is(cNumber, tk)) && sc.role(k, lo, hi) != "" {
			counted = true
		}
	}
	set("number", number)
	set("time", time)
	set("source", source)
	set("frame", frame)
	set("counted", counted)
	set("protesters", protesters)
	s := sc.doc.Text[sc.toks[lo].start:sc.toks[hi-1].end]
	set("question", strings.ContainsAny(s, "؟?"))
	trig := t.b
	if m.noun {
		trig = "n:" + trig
	}
	x = append(x, int32(nNamed+bucket(trig, triggerHashes)))
	return x
}

// featureName names feature i in the weights file: a named feature or "t17", a trigger bucket.
func featureName(i int) string {
	if i < nNamed {
		return featureNames[i]
	}
	return "t" + strconv.Itoa(i-nNamed)
}

var featureIndex = func() map[string]int {
	m := map[string]int{}
	for i := range nFeatures {
		m[featureName(i)] = i
	}
	return m
}()

// loadWeights reads "feature weight" lines.
func (lx *lexicon) loadWeights(name string) error {
	return lines(name, func(_ int, f []string) error {
		if f[0] == "threshold" && len(f) == 3 {
			t, err := strconv.ParseFloat(f[2], 64)
			lx.threshold[f[1]] = t
			return err
		}
		if len(f) != 2 {
			return fmt.Errorf("want FEATURE WEIGHT or threshold TYPE SCORE")
		}
		i, ok := featureIndex[f[0]]
		if !ok {
			return fmt.Errorf("unknown feature %q", f[0])
		}
		w, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return err
		}
		lx.weights[i] = w
		return nil
	})
}

// confidence is the report model's score of an event of type typ, shifted so that the type's decision
// threshold maps to 0.5: an event at 0.5 or above is judged reported, not just mentioned. Types without a
// threshold of their own take the mean of the others.
func (lx *lexicon) confidence(x []int32, typ string) float64 {
	th, ok := lx.threshold[typ]
	if !ok {
		n := 0
		for _, t := range lx.threshold {
			th += t
			n++
		}
		th /= float64(max(n, 1))
	}
	th = min(max(th, 1e-6), 1-1e-6)
	s := min(max(lx.score(x), 1e-9), 1-1e-9)
	z := math.Log(s/(1-s)) - math.Log(th/(1-th))
	return 1 / (1 + math.Exp(-z))
}

func (lx *lexicon) score(x []int32) float64 {
	z := 0.0
	for _, i := range x {
		z += lx.weights[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// TrainReportModel fits the report model on the tuning rows (not HeldOut) of the GSR dev files in gsrDir
// and writes its weights to w in the format of data/report_weights.txt. A sentence's example is its first
// event of the file's type; it is positive when the row is labelled "yes"; ambiguous rows are left out.
func TrainReportModel(w io.Writer, gsrDir string) error {
	lex, err := loadLexicon(false)
	if err != nil {
		return err
	}
	type sent struct {
		xs  [][]int32
		yes bool
		typ string
	}
	var sents []sent
	var xs [][]int32
	var ys []float64
	for _, typ := range []string{marsad.ASSAULT, marsad.PROTEST} {
		rows, err := readGSR(filepath.Join(gsrDir, strings.ToLower(typ)+"_gsr.dev.csv"))
		if err != nil {
			return err
		}
		for i, r := range rows {
			if HeldOut(i) || r.label == "ambiguous" {
				continue
			}
			d := &marsad.Document{Text: r.text, Sentences: []marsad.Range{{Start: 0, End: len(r.text)}}}
			sc := newScan(lex, d)
			s := sent{yes: r.label == "yes", typ: typ}
			for _, c := range sc.candidates(0, len(sc.toks)) {
				if c.ev.m.e.typ == typ {
					s.xs = append(s.xs, c.x)
					xs, ys = append(xs, c.x), append(ys, float64(b2i(s.yes)))
				}
			}
			sents = append(sents, s)
		}
	}
	// The penalty and the threshold are chosen by five-fold cross-validation, repeated over cvRepeats fold
	// assignments, inside the tuning rows, so the held-out rows stay unseen. The model is the average of the
	// fold models, whose scores the thresholds were chosen on; a refit on all rows shifts the scores away
	// from them.
	// Each type gets its own threshold, as their base rates differ; the penalty is the one whose per-type
	// best F1s average highest.
	types := []string{marsad.ASSAULT, marsad.PROTEST}
	bestL2, bestF1 := 0.0, -1.0
	var model [nFeatures]float64
	best := map[string]float64{}
	for _, l2 := range []float64{0.0003, 0.001, 0.003, 0.01, 0.03} {
		type scored struct {
			score float64
			yes   bool
		}
		pooled := map[string][]scored{}
		var avg [nFeatures]float64
		for rep := range cvRepeats {
			for fold := range 5 {
				var fx [][]int32
				var fy []float64
				for j, s := range sents {
					if foldOf(j, rep) != fold {
						for _, x := range s.xs {
							fx, fy = append(fx, x), append(fy, float64(b2i(s.yes)))
						}
					}
				}
				lx := lexicon{weights: fitLogistic(fx, fy, l2, epochs)}
				for j, v := range lx.weights {
					avg[j] += v / (5 * cvRepeats)
				}
				for j, s := range sents {
					if foldOf(j, rep) == fold {
						top := 0.0
						for _, x := range s.xs {
							top = max(top, lx.score(x))
						}
						pooled[s.typ] = append(pooled[s.typ], scored{top, s.yes})
					}
				}
			}
		}
		mean, th := 0.0, map[string]float64{}
		for _, typ := range types {
			top := -1.0
			for t := 0.005; t < 0.99; t += 0.005 {
				var c counts
				for _, p := range pooled[typ] {
					c.add(p.yes, p.score >= t)
				}
				if f := c.f1(); f > top {
					top, th[typ] = f, t
				}
			}
			mean += top / float64(len(types))
		}
		if mean > bestF1 {
			bestL2, bestF1, best, model = l2, mean, th, avg
		}
	}
	lx := lexicon{weights: model}
	fmt.Fprintln(w, "# Code generated by TrainReportModel (gentrain.go) from the tuning part of the Arabic event GSR dev set; DO NOT EDIT.")
	fmt.Fprintf(w, "# %d examples, %d positive; L2 %g and thresholds of best cross-validated F1 (mean of types %.3f).\n", len(ys), int(sum(ys)), bestL2, bestF1)
	fmt.Fprintln(w, "# threshold TYPE score, then feature weight.")
	for _, typ := range types {
		fmt.Fprintf(w, "threshold\t%s\t%.3f\n", typ, best[typ])
	}
	for i, wt := range lx.weights {
		if math.Abs(wt) >= 0.0005 {
			fmt.Fprintf(w, "%s\t%.4f\n", featureName(i), wt)
		}
	}
	return nil
}

func sum(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}

// cvRepeats is how many fold assignments cross-validation averages over: with ~100 positives one split's
// best threshold and penalty are mostly noise.
const cvRepeats = 3

// foldOf assigns sentence j to one of five folds; repeat 0 takes every fifth, the others a fixed
// scrambling of the order.
func foldOf(j, rep int) int {
	if rep == 0 {
		return j % 5
	}
	h := uint32(j)*2654435761 + uint32(rep)*40503
	return int(h>>16) % 5
}

// epochs is the number of passes of gradient descent when fitting the report model.
const epochs = 10000

// fitLogistic fits logistic regression on binary features by batch gradient descent with an L2 penalty,
// weighting the classes equally so the rare positives count as much as the negatives.
func fitLogistic(xs [][]int32, ys []float64, l2 float64, epochs int) [nFeatures]float64 {
	var w [nFeatures]float64
	pos := sum(ys)
	neg := float64(len(ys)) - pos
	if pos == 0 || neg == 0 {
		return w
	}
	cw := [2]float64{0.5 / neg, 0.5 / pos}
	var g [nFeatures]float64
	for range epochs {
		g = [nFeatures]float64{}
		for i, x := range xs {
			z := 0.0
			for _, j := range x {
				z += w[j]
			}
			d := (1/(1+math.Exp(-z)) - ys[i]) * cw[int(ys[i])]
			for _, j := range x {
				g[j] += d
			}
		}
		for j := range w {
			if j > 0 {
				g[j] += l2 * w[j]
			}
			w[j] -= 8 * g[j]
		}
	}
	return w
}
