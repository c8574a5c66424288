package events

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/marsad/marsad"
)

// The rules of location name one place for an event; where a sentence names several ("في قرية الطيانة
// بريف دير الزور", "خرج المحتجون في مدينة البصرة … أمام مبنى ديوان المحافظة") or a place belongs to
// something else (where the victims come from, what talks are about), which one the annotators call the
// event's place follows conventions that word rules capture only in part. The place model ranks every place
// phrase of the sentence, and no place, with a log-linear model over what surrounds each (its preposition,
// its place word, where it stands from the trigger, whether the rules chose it); it is trained on the tuning
// rows of the annotated news sets by TrainPlaceModel and embedded from data/place_weights.txt.

// placeModel holds the weights of the place model by hashed feature.
type placeModel map[uint32]float64

// placeFeatures collects the hashed features of one place candidate.
type placeFeatures struct {
	typ string
	xs  []uint32
}

// add adds the feature named by parts, alone and joined with the event type.
func (f *placeFeatures) add(parts ...string) {
	h := uint32(2166136261)
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h = (h ^ uint32(p[i])) * 16777619
		}
		h = (h ^ '|') * 16777619
	}
	f.xs = append(f.xs, h)
	for i := 0; i < len(f.typ); i++ {
		h = (h ^ uint32(f.typ[i])) * 16777619
	}
	f.xs = append(f.xs, h)
}

// placeCands lists the place phrases of the sentence [lo, hi): place entities, place words with their
// names ("بريف دير الزور", "مخيم الهول") and names after a preposition of place ("في منبج"); rule, the
// place the rules chose, comes first.
func (sc *scan) placeCands(rule phrase, lo, hi int) []phrase {
	out := make([]phrase, 0, 8)
	add := func(p phrase) {
		if p.ok() {
			for _, q := range out {
				if q == p {
					return
				}
			}
			out = append(out, sc.placeClitics(p))
		}
	}
	add(rule)
	for k := lo; k < hi; k++ {
		t := &sc.toks[k]
		if t.ent >= 0 && sc.doc.Entities[t.ent].Type == marsad.LOC && (k == lo || sc.toks[k-1].ent != t.ent) {
			e := k + 1
			for e < hi && sc.toks[e].ent == t.ent {
				e++
			}
			add(sc.directions(phrase{k, e}, hi))
		}
		// (A place word alone and indefinite names no place: "بفرض منطقة حظر جوي".)
		if sc.placeWord(t) && (t.def || sc.placeWord(&sc.toks[k]) && !sc.is(cPlace, t) || k > lo && sc.is(cPlacePrep, &sc.toks[k-1]) || sc.named(k, hi)) {
			if p := sc.placeName(k, hi, true); sc.placeOf(p) {
				add(p)
			}
		}
		if sc.is(cPlacePrep, t) && !sc.is(cTargetPrep, t) && t.f != "من" && t.f != "الي" && k+1 < hi && sc.toks[k+1].ent < 0 {
			add(sc.nameAfter(k, hi))
		}
	}
	// A name is a place of its place word's phrase ("ريف تل تمر", not "تل تمر"); the rules' place stays.
	kept := make([]phrase, 0, len(out))
	for i, c := range out {
		inner := false
		for _, q := range out {
			inner = inner || i > 0 && q.s < c.s && c.e <= q.e && sc.placeWord(&sc.toks[q.s])
		}
		if !inner {
			kept = append(kept, c)
		}
	}
	return kept
}

// placeFeaturesOf returns the features of candidate c (no place when !c.ok()) as the place of ev, whose
// rules chose rule, among the candidates cs of the sentence [lo, hi).
func (sc *scan) placeFeaturesOf(f *placeFeatures, ev *event, c, rule phrase, cs []phrase, lo, hi int) {
	f.typ, f.xs = ev.m.e.typ, f.xs[:0]
	if !c.ok() {
		f.add("none")
		if !rule.ok() {
			f.add("none", "rule")
		}
		f.add("none", "cands", strconv.Itoa(min(len(cs), 4)))
		return
	}
	if c == rule {
		f.add("rule")
	} else if rule.ok() && c.s < rule.e && rule.s < c.e {
		f.add("rule", "overlap")
	} else if !rule.ok() {
		f.add("rule", "none")
	}
	head := ev.m.head
	side, d := "after", c.s-ev.m.last()
	if c.e <= head {
		side, d = "before", head-c.e+1
	} else if c.s <= head {
		side, d = "around", 0
	}
	bucket := "far"
	switch {
	case d <= 2:
		bucket = "2"
	case d <= 5:
		bucket = "5"
	case d <= 10:
		bucket = "10"
	}
	f.add("side", side)
	f.add("dist", side, bucket)
	// Its rank among the candidates on its side, nearest first.
	nth := 0
	for _, q := range cs {
		if q != c && (side == "after" && q.s > ev.m.last() && q.s < c.s || side == "before" && q.e <= head && q.s > c.s) {
			nth++
		}
	}
	f.add("nth", side, strconv.Itoa(min(nth, 3)))
	t := &sc.toks[c.s]
	prev := "^"
	if t.clitics > 0 || t.f != t.b && strings.HasPrefix(strings.TrimPrefix(t.f, "و"), "ب") && !t.def {
		prev = "ب"
	} else if c.s > lo && !t.gap {
		prev = sc.toks[c.s-1].b
		if !sc.is(cPlacePrep, &sc.toks[c.s-1]) && !sc.is(cTargetPrep, &sc.toks[c.s-1]) && !sc.placeWord(&sc.toks[c.s-1]) {
			prev = "word"
		}
	} else if c.s > lo {
		prev = ","
	}
	f.add("prev", prev)
	f.add("prev", prev, side)
	word := t.b
	if sc.placeWord(t) && !sc.is(cPlace, t) {
		word = t.b[len("ب"):]
	}
	f.add("head", word)
	if sc.locEntity(c.s) {
		f.add("entity")
	}
	f.add("rank", strconv.Itoa(sc.placeRank(c)))
	f.add("len", strconv.Itoa(min(c.e-c.s, 4)))
	for _, a := range []phrase{ev.actor1, ev.actor2} {
		if a.ok() && c.s < a.e && a.s < c.e {
			f.add("in actor", strconv.FormatBool(a == ev.actor1))
		}
	}
	if ev.m.e.typ != marsad.RETREAT && sc.origin(c.s, lo, ev.actor1) {
		f.add("origin")
	}
	// A place right after another names where in it ("في قرية الطيانة بريف دير الزور"): the first is the
	// narrower.
	for _, q := range cs {
		if q.s >= c.e && q.s <= c.e+1 && q != c {
			f.add("followed", strconv.Itoa(sc.placeRank(q)-sc.placeRank(c)))
		}
		if q.e <= c.s && q.e+1 >= c.s && q != c {
			f.add("follows", strconv.Itoa(sc.placeRank(c)-sc.placeRank(q)))
		}
	}
	// A trigger of another event or a topic word between the trigger and the place: the place may be
	// that other event's or the topic's.
	from, to := ev.m.last()+1, c.s
	if side == "before" {
		from, to = c.e, head
	}
	for k := from; k < to; k++ {
		if sc.toks[k].trig {
			f.add("trigger between")
			break
		}
	}
	for k := from; k < to; k++ {
		if topic(sc.toks[k].b) {
			f.add("topic between")
			break
		}
	}
	if said(ev.m.e.typ) {
		f.add("said")
	}
}

// score is the model's score of one candidate's features.
func (m placeModel) score(xs []uint32) float64 {
	s := 0.0
	for _, x := range xs {
		s += m[x]
	}
	return s
}

// rankPlace returns the place the place model ranks first for ev, no place among them; without a model,
// the rules' place.
func (sc *scan) rankPlace(ev *event, lo, hi int) phrase {
	m := sc.lx.places
	if m == nil {
		return ev.place
	}
	cs := sc.placeCands(ev.place, lo, hi)
	var f placeFeatures
	sc.placeFeaturesOf(&f, ev, phrase{}, ev.place, cs, lo, hi)
	best, top := phrase{}, m.score(f.xs)
	for _, c := range cs {
		sc.placeFeaturesOf(&f, ev, c, ev.place, cs, lo, hi)
		if s := m.score(f.xs); s > top {
			best, top = c, s
		}
	}
	return best
}

// loadPlaceModel reads the place model: "feature weight" lines, the feature a hash in hex.
func (lx *lexicon) loadPlaceModel(name string) error {
	m := placeModel{}
	err := lines(name, func(_ int, f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want feature and weight, got %q", f)
		}
		h, err := strconv.ParseUint(f[0], 16, 32)
		if err != nil {
			return err
		}
		w, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return err
		}
		m[uint32(h)] = w
		return nil
	})
	if err != nil {
		return err
	}
	lx.places = m
	return nil
}

// placeExample is an event of an annotated row: the features of its candidates, the first no place, and
// which of them match the annotated place.
type placeExample struct {
	xs   [][]uint32
	gold []bool
	rule int // the candidate the rules chose
	set  int // the news set the row is from, for cross-validation by set
}

// placeExamples reads the rows of the news sets for the place model: the first event of each row's type,
// the one the annotator labelled (as marsad eval events judges it), with its candidates. Rows whose
// annotated place no candidate names teach nothing and are left out.
func placeExamples(lx *lexicon, docs *sentenceDocs, rows []ownRow, set int) (out []placeExample, found int, err error) {
	for _, r := range rows {
		d, err := docs.doc(r.text)
		if err != nil {
			return nil, 0, err
		}
		sc := newScan(lx, d, nil)
		lo, hi := 0, len(sc.toks)
		cs := sc.candidates(lo, hi)
		var ev *event
		for i := range cs {
			if cs[i].ev.m.e.typ == r.typ {
				ev = &cs[i].ev
				break
			}
		}
		if ev == nil {
			continue
		}
		found++
		cands := sc.placeCands(ev.place, lo, hi)
		ex := placeExample{set: set, rule: b2i(ev.place.ok())}
		// The gold candidates are those judged right that share the most words with the annotated place,
		// so the model learns its bounds too ("ريف تل تمر" over "تل تمر").
		best := -1
		var fits []int
		for i, c := range append([]phrase{{}}, cands...) {
			var f placeFeatures
			sc.placeFeaturesOf(&f, ev, c, ev.place, cands, lo, hi)
			ex.xs = append(ex.xs, f.xs)
			fit := -1
			if i == 0 && r.place == "" {
				fit = 100
			} else if got := sc.ref(c); i > 0 && sameRef(got, r.place) {
				fit = 100 + overlap(got.Text, r.place)
			}
			fits = append(fits, fit)
			best = max(best, fit)
		}
		for _, fit := range fits {
			ex.gold = append(ex.gold, fit >= 0 && fit == best)
		}
		if best >= 0 {
			out = append(out, ex)
		}
	}
	return out, found, nil
}

// overlap scores how well got matches want: the words they share less the words only one of them has.
func overlap(got, want string) int {
	g, w := wordSet(strings.Fields(got)), wordSet(strings.Fields(want))
	n := 0
	for x := range g {
		if w[x] {
			n += 2
		}
	}
	return n - len(g) - len(w)
}

// fitPlaceModel fits the weights by stochastic gradient descent on the log-likelihood of the gold
// candidates under a softmax over each example's candidates, with an L2 penalty.
func fitPlaceModel(exs []placeExample, l2 float64, epochs int) placeModel {
	m := placeModel{}
	rate := 0.1
	ps := make([]float64, 0, 16)
	for ep := range epochs {
		for i := range exs {
			ex := &exs[(i*7919+ep*104729)%len(exs)]
			ps = ps[:0]
			top := math.Inf(-1)
			for _, x := range ex.xs {
				s := m.score(x)
				ps = append(ps, s)
				top = max(top, s)
			}
			var z, zg float64
			for j := range ps {
				ps[j] = math.Exp(ps[j] - top)
				z += ps[j]
				if ex.gold[j] {
					zg += ps[j]
				}
			}
			for j, x := range ex.xs {
				// d log(zg/z) / d score_j = [gold] p_j/zg - p_j/z.
				g := -ps[j] / z
				if ex.gold[j] {
					g += ps[j] / zg
				}
				for _, h := range x {
					m[h] += rate * g
				}
			}
		}
		for h, w := range m {
			m[h] = w * (1 - rate*l2)
		}
		rate *= 0.9
	}
	return m
}

// pick returns the candidate m ranks first.
func (m placeModel) pick(ex *placeExample) int {
	best, top := 0, math.Inf(-1)
	for j, x := range ex.xs {
		if s := m.score(x); s > top {
			best, top = j, s
		}
	}
	return best
}

// placeEpochs is how many passes the fit makes over the examples.
const placeEpochs = 30

// TrainPlaceModel fits the place model on the tuning rows of the news sets in paths and writes it to w in
// the format of data/place_weights.txt. The L2 penalty is chosen by cross-validation by set (each set's
// rows are scored by a model fitted on the other sets'), and log shows each choice's accuracy beside the
// rules'.
func TrainPlaceModel(w, log io.Writer, paths []string, prepare func(*marsad.Document) error) error {
	lx, err := loadLexicon(true)
	if err != nil {
		return err
	}
	lx.places = nil
	docs := &sentenceDocs{prepare: prepare}
	var exs []placeExample
	found := 0
	for i, p := range paths {
		rows, held, err := readOwn(p)
		if err != nil {
			return err
		}
		var tune []ownRow
		for j, r := range rows {
			if !held(j) {
				tune = append(tune, r)
			}
		}
		e, n, err := placeExamples(lx, docs, tune, i)
		if err != nil {
			return err
		}
		exs, found = append(exs, e...), found+n
	}
	rules := 0
	for i := range exs {
		if exs[i].gold[exs[i].rule] {
			rules++
		}
	}
	bestL2, bestAcc := 0.0, -1.0
	for _, l2 := range []float64{0.03, 0.1, 0.3, 1} {
		right := 0
		for set := range paths {
			var train []placeExample
			for _, ex := range exs {
				if ex.set != set {
					train = append(train, ex)
				}
			}
			m := fitPlaceModel(train, l2, placeEpochs)
			for i := range exs {
				if exs[i].set == set && exs[i].gold[m.pick(&exs[i])] {
					right++
				}
			}
		}
		acc := float64(right) / float64(found)
		fmt.Fprintf(log, "place L2 %-6g cross-validated by set %.3f (rules %.3f) on %d rows with their event found, %d with their place among the candidates\n", l2, acc, float64(rules)/float64(found), found, len(exs))
		if acc > bestAcc {
			bestL2, bestAcc = l2, acc
		}
	}
	m := fitPlaceModel(exs, bestL2, placeEpochs)
	keys := make([]uint32, 0, len(m))
	for h, v := range m {
		if math.Abs(v) >= 1e-4 {
			keys = append(keys, h)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# place model: L2 %g, cross-validated by set %.3f; written by go run genplace.go\n", bestL2, bestAcc)
	for _, h := range keys {
		fmt.Fprintf(bw, "%08x %.4f\n", h, m[h])
	}
	return bw.Flush()
}
