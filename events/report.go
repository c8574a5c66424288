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
	"long", "cameo", "assault", "protest", "coerce",
}

const nFeatures = 25

// features describes an event of the sentence [lo, hi) for the report model.
func (sc *scan) features(ev *event, x *[nFeatures]float64, lo, hi, sameType int) {
	*x = [nFeatures]float64{}
	set := func(name string, on bool) {
		if on {
			x[featureIndex[name]] = 1
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
	var number, time, source, frame, counted bool
	for k := lo; k < hi; k++ {
		tk := &sc.toks[k]
		number = number || tk.num || sc.is(cNumber, tk)
		time = time || sc.is(cTimeAnchor, tk)
		source = source || sc.is(cReportCue, tk)
		frame = frame || sc.is(cFrame, tk) && k != m.head
		if !counted && (tk.num || sc.is(cNumber, tk)) && sc.role(k, lo, hi) != "" {
			counted = true
		}
	}
	set("number", number)
	set("time", time)
	set("source", source)
	set("frame", frame)
	set("counted", counted)
	s := sc.doc.Text[sc.toks[lo].start:sc.toks[hi-1].end]
	set("question", strings.ContainsAny(s, "؟?"))
}

var featureIndex = func() map[string]int {
	m := map[string]int{}
	for i, n := range featureNames {
		m[n] = i
	}
	return m
}()

// loadWeights reads "feature weight" lines.
func (lx *lexicon) loadWeights(name string) error {
	return lines(name, func(_ int, f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want FEATURE WEIGHT")
		}
		if f[0] == "threshold" {
			t, err := strconv.ParseFloat(f[1], 64)
			lx.threshold = t
			return err
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

func (lx *lexicon) score(x *[nFeatures]float64) float64 {
	z := 0.0
	for i, v := range x {
		z += lx.weights[i] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// TrainReportModel fits the report model on the tuning rows (not HeldOut) of the GSR dev files in gsrDir
// and writes its weights to w in the format of data/report_weights.txt. A sentence's example is its first
// event of the file's type; it is positive when the row is labelled "yes"; ambiguous rows are left out.
func TrainReportModel(w io.Writer, gsrDir string) error {
	a, err := New()
	if err != nil {
		return err
	}
	type sent struct {
		xs  [][nFeatures]float64
		yes bool
	}
	var sents []sent
	var xs [][nFeatures]float64
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
			sc := newScan(a.lx, d)
			s := sent{yes: r.label == "yes"}
			for _, c := range sc.candidates(0, len(sc.toks)) {
				if c.ev.m.e.typ == typ {
					s.xs = append(s.xs, c.x)
					xs, ys = append(xs, c.x), append(ys, float64(b2i(s.yes)))
				}
			}
			sents = append(sents, s)
		}
	}
	var lx lexicon
	lx.weights = fitLogistic(xs, ys, 0.001, 20000)
	// The threshold that gives the best F1 over the tuning sentences, a sentence scoring as its best event.
	best, bestF1 := 0.5, -1.0
	for th := 0.05; th < 0.96; th += 0.01 {
		var c counts
		for _, s := range sents {
			got := false
			for i := range s.xs {
				got = got || lx.score(&s.xs[i]) >= th
			}
			c.add(s.yes, got)
		}
		if f := c.f1(); f > bestF1 {
			best, bestF1 = th, f
		}
	}
	fmt.Fprintln(w, "# Code generated by TrainReportModel (gentrain.go) from the tuning part of the Arabic event GSR dev set; DO NOT EDIT.")
	fmt.Fprintf(w, "# %d examples, %d positive; threshold of best tuning F1 %.3f. Feature and logistic weight.\n", len(ys), int(sum(ys)), bestF1)
	fmt.Fprintf(w, "threshold\t%.2f\n", best)
	for i, n := range featureNames {
		fmt.Fprintf(w, "%s\t%.4f\n", n, lx.weights[i])
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

// fitLogistic fits logistic regression by batch gradient descent with an L2 penalty l2, weighting the
// classes equally so the rare positives count as much as the negatives.
func fitLogistic(xs [][nFeatures]float64, ys []float64, l2 float64, epochs int) [nFeatures]float64 {
	var w [nFeatures]float64
	pos := sum(ys)
	neg := float64(len(ys)) - pos
	if pos == 0 || neg == 0 {
		return w
	}
	cw := [2]float64{0.5 / neg, 0.5 / pos}
	for range epochs {
		var g [nFeatures]float64
		for i, x := range xs {
			z := 0.0
			for j, v := range x {
				z += w[j] * v
			}
			d := (1/(1+math.Exp(-z)) - ys[i]) * cw[int(ys[i])]
			for j, v := range x {
				g[j] += d * v
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
