package events

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/marsad/marsad"
)

// The rules name one doer, one target and one place for an event; where a sentence offers several ("في قرية
// الطيانة بريف دير الزور", "خرج المحتجون في مدينة البصرة … أمام مبنى ديوان المحافظة", a subject after a long
// aside, a victim named twice) or a phrase belongs to something else (where the victims come from, what
// talks are about), which one the annotators chose follows conventions that word rules capture only in
// part. A role model ranks the role's candidate phrases of the sentence, and no phrase, with a log-linear
// model over what surrounds each (its preposition, its head word and classes, where it stands from the
// trigger, whether the rules chose it); one per role, trained on the tuning rows of the annotated news sets
// by TrainRankModels and embedded from data/rank_weights.txt.

// The roles a model ranks.
const (
	roleActor1 = iota
	roleActor2
	rolePlace
	nRoles
)

var roleNames = [nRoles]string{"actor1", "actor2", "place"}

// rankModel holds the weights of a role model by hashed feature.
type rankModel map[uint32]float64

// rankFeatures collects the hashed features of one candidate.
type rankFeatures struct {
	role int
	typ  string
	xs   []uint32
}

// add adds the feature of the role named by parts, alone and joined with the event type.
func (f *rankFeatures) add(parts ...string) {
	h := (uint32(2166136261) ^ uint32(f.role)) * 16777619
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
func (sc *scan) placeCands(rule phrase, lo, hi, from, to int) []phrase {
	out := make([]phrase, 0, 8)
	add := func(p phrase) {
		if p.ok() && !slices.Contains(out, p) {
			out = append(out, sc.placeClitics(p))
		}
	}
	add(rule)
	for k := from; k < to; k++ {
		t := &sc.toks[k]
		if t.ent >= 0 && sc.doc.Entities[t.ent].Type == marsad.LOC && (k == lo || sc.toks[k-1].ent != t.ent) {
			add(sc.directions(phrase{k, sc.entityEnd(k, hi)}, hi))
		}
		// (A place word alone and indefinite names no place: "بفرض منطقة حظر جوي".)
		if sc.placeWord(t) && (t.def || !sc.is(cPlace, t) || k > lo && sc.is(cPlacePrep, &sc.toks[k-1]) || sc.named(k, hi)) {
			if p := sc.placeName(k, hi, true); sc.placeOf(p) {
				add(p)
				if q := sc.conjunct(p, hi); q.ok() && (sc.placeWord(&sc.toks[q.s]) || sc.locEntity(q.s)) {
					add(phrase{p.s, q.e})
				}
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

// actorCands lists the phrases of the sentence [lo, hi) a doer or a target may be: the rules' choice rule
// first, then the entities other than places and the noun phrases at every word that can head one.
func (sc *scan) actorCands(rule phrase, lo, hi, from, to int) []phrase {
	out := make([]phrase, 0, 16)
	add := func(p phrase) {
		if p.ok() && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	add(rule)
	for k := from; k < to; k++ {
		t := &sc.toks[k]
		if t.ent >= 0 && sc.doc.Entities[t.ent].Type != marsad.LOC && (k == lo || sc.toks[k-1].ent != t.ent) {
			add(phrase{k, sc.entityEnd(k, hi)})
		}
		// ("أكثر من مئتي لاجئ": the words that lead to a count head nothing; what is counted does.)
		if sc.head(k) && !t.prep && !sc.is(cAside, t) && !sc.countLead(k, hi) {
			if p, counted := sc.np(k, hi); p.s == k && (counted || sc.actorLike(k) || !sc.is(cSkip, t) && !sc.is(cTime, t) && !sc.is(cTimeNoun, t)) {
				add(p)
				if q := sc.conjunct(p, hi); q.ok() && sc.actorLike(q.s) {
					add(phrase{p.s, q.e})
				}
				if q := sc.owner(p, hi); q.ok() {
					add(phrase{p.s, q.e})
				}
			}
		}
	}
	return out
}

// conjunct returns the noun phrase joined to p by و right after it ("الحوثيون وقوات صالح", "صعدة وعمران"),
// or none: a candidate of its own with p, as the annotators take two parties that act together whole.
func (sc *scan) conjunct(p phrase, hi int) phrase {
	if p.e >= hi {
		return phrase{}
	}
	t := &sc.toks[p.e]
	if !t.conj || t.gap || t.trig || sc.whole(t) {
		return phrase{}
	}
	q, _ := sc.np(p.e, hi)
	if q.s != p.e {
		return phrase{}
	}
	return q
}

// owner returns the body or the group named after ل or من right after p, which the annotators keep with
// it: "القواعد الخلفية لحزب العمال الكردستاني", "مقرا للفرقة 30", "عناصر من الفرقة"; or none.
func (sc *scan) owner(p phrase, hi int) phrase {
	k := p.e
	if k >= hi || sc.toks[k].gap || sc.toks[k].conj {
		return phrase{}
	}
	t := &sc.toks[k]
	switch {
	case t.f == "من" && k+1 < hi && !sc.toks[k+1].gap && !sc.toks[p.e-1].def:
		k++
	case sc.lamOwner(k) || strings.HasPrefix(t.f, "ل") && t.ent >= 0 && sc.doc.Entities[t.ent].Type != marsad.LOC:
	default:
		return phrase{}
	}
	q, _ := sc.np(k, hi)
	if q.s != k || !sc.actorLike(k) && !sc.lamAgent(k) && !sc.lamKnown(&sc.toks[k]) {
		return phrase{}
	}
	return q
}

// lamOwner reports a word that names an owner after the preposition ل: "للفرقة", "لحزب", "لقوات".
func (sc *scan) lamOwner(k int) bool {
	t := &sc.toks[k]
	return strings.HasPrefix(t.f, "ل") && (t.prep || sc.lamAgent(k) || sc.lamKnown(t))
}

// actorLike reports a word that may head a doer or a target: a definite noun, a person or a body the
// entity layer tagged, or a word the tables know as a force, a victim, a title, residents or protesters
// ("مسلحون", "مدنيين", "وفد"); not an indefinite word of no such kind, as a verb or a particle is.
func (sc *scan) actorLike(k int) bool {
	t := &sc.toks[k]
	if t.def || t.ent >= 0 && sc.doc.Entities[t.ent].Type != marsad.LOC {
		return true
	}
	for _, cl := range []class{cAgent, cVictim, cTitle, cResidents, cProtester, cWeapon, cConstruct, cNationality} {
		if sc.is(cl, t) {
			return true
		}
	}
	return false
}

// actorClasses are the word classes an actor candidate's head is described by.
var actorClasses = []class{cAgent, cVictim, cPlace, cTitle, cResidents, cWeapon, cDevice, cProtester, cNationality, cConstruct, cProposal, cTime, cStatement, cProperty}

// rankFeaturesOf returns the features of candidate c (no phrase when !c.ok()) for role of ev, whose rules
// chose rule, among the candidates cs of the sentence [lo, hi).
func (sc *scan) rankFeaturesOf(f *rankFeatures, role int, ev *event, c, rule phrase, cs []phrase, lo, hi int) {
	f.role, f.typ, f.xs = role, ev.m.e.typ, f.xs[:0]
	if !c.ok() {
		f.add("none")
		if !rule.ok() {
			f.add("none", "rule")
		}
		f.add("none", "cands", strconv.Itoa(min(len(cs), 4)))
		f.add("none", "trigword", sc.toks[ev.m.head].b)
		if k := ev.m.last() + 1; k < hi && !sc.toks[k].gap {
			f.add("none", "after", sc.toks[k].b)
		}
		return
	}
	if c == rule {
		f.add("rule")
	} else if c.overlaps(rule) {
		f.add("rule", "overlap")
	} else if !rule.ok() {
		f.add("rule", "none")
	}
	head := ev.m.head
	side, d := "after", c.s-ev.m.last()
	if c.e <= head {
		side, d = "before", head-c.e+1
	} else if c.s <= ev.m.last() {
		side, d = "around", 0
	}
	bucket := "far"
	switch {
	case d <= 1:
		bucket = "1"
	case d <= 2:
		bucket = "2"
	case d <= 5:
		bucket = "5"
	case d <= 10:
		bucket = "10"
	}
	f.add("side", side)
	f.add("trigword", sc.toks[head].b, side)
	f.add("dist", side, bucket)
	f.add("kind", string(rune(ev.m.e.kind)), side, bucket)
	// Its rank among the candidates on its side, nearest first.
	nth := 0
	for _, q := range cs {
		if q != c && (side == "after" && q.s > ev.m.last() && q.s < c.s || side == "before" && q.e <= head && q.s > c.s) {
			nth++
		}
	}
	f.add("nth", side, strconv.Itoa(min(nth, 3)))
	from, to := ev.m.last()+1, c.s
	if side == "before" {
		from, to = c.e, head
	}
	gaps, trig, quoted, that, relative, cue := 0, false, false, false, false, false
	for k := from; k < to; k++ {
		gaps += b2i(sc.toks[k].gap)
		trig = trig || sc.toks[k].trig
		quoted = quoted || sc.bracket(k)
		relative = relative || sc.is(cRelative, &sc.toks[k])
		cue = cue || sc.is(cReportCue, &sc.toks[k])
		switch sc.toks[k].b {
		case "ان", "انه", "انها", "بان", "بانه":
			that = true
		}
	}
	if side == "before" && to < hi {
		quoted = quoted || sc.bracket(to)
	}
	f.add("gaps", strconv.Itoa(min(gaps, 2)))
	next := "$"
	if c.e < hi {
		next = sc.toks[c.e].b
		if sc.toks[c.e].gap {
			next = ","
		}
	}
	f.add("next", next, side)
	if trig {
		f.add("trigger between")
	}
	if relative {
		f.add("relative between", side)
	}
	if cue {
		f.add("cue between", side)
	}
	// "قال سكان محليون: «إن طيران التحالف شن …»": who reports the event is no role of it.
	if quoted {
		f.add("quote between")
	}
	// ("وكانت وزارة الخارجية قالت إن الهجمات …": the event is told in a clause after أن or إن.)
	if that {
		f.add("that between", side)
	}
	// ("وأعلن الجيش أنه قتل عشرة مسلحين": but أن with the pronoun of who says it, right before the verb,
	// makes the sayer the doer.)
	if k := head - 1; side == "before" && k >= c.e && !sc.toks[head].gap {
		switch sc.toks[k].b {
		case "انه", "انها", "انهم", "بانه", "بانها", "بانهم":
			f.add("sayer of a that-pronoun")
		}
	}
	for k := max(lo, c.s-3); k < c.s; k++ {
		if sc.is(cReportCue, &sc.toks[k]) {
			f.add("after report cue", side)
			break
		}
	}
	for k := c.e; k < min(hi, c.e+2); k++ {
		if sc.is(cReportCue, &sc.toks[k]) {
			f.add("before report cue", side)
			break
		}
	}
	t := &sc.toks[c.s]
	prev := "^"
	switch {
	case role == rolePlace && (t.clitics > 0 || t.f != t.b && strings.HasPrefix(strings.TrimPrefix(t.f, "و"), "ب") && !t.def):
		prev = "ب"
	case role != rolePlace && sc.lamAgent(c.s):
		prev = "ل"
	case c.s > lo && !t.gap:
		p := &sc.toks[c.s-1]
		prev = "word"
		if sc.is(cPlacePrep, p) || sc.is(cTargetPrep, p) || sc.is(cPrep, p) || role == rolePlace && sc.placeWord(p) || role != rolePlace && (p.b == "قبل" || p.b == "يد" || p.f == "مع") {
			prev = p.b
		}
	case c.s > lo:
		prev = ","
	}
	if t.conj && !sc.whole(t) {
		f.add("conj")
	}
	f.add("prev", prev)
	f.add("prev", prev, side)
	if c.s > lo && !t.gap {
		f.add("prevword", sc.toks[c.s-1].b, side)
	}
	word := t.b
	if role == rolePlace && sc.placeWord(t) && !sc.is(cPlace, t) {
		word = t.b[len("ب"):]
	}
	f.add("head", word)
	if t.ent >= 0 {
		f.add("entity", sc.doc.Entities[t.ent].Type)
	}
	f.add("len", strconv.Itoa(min(c.e-c.s, 4)))
	for k := c.s + 1; k < c.e; k++ {
		if sc.toks[k].conj && !sc.whole(&sc.toks[k]) {
			f.add("coordinated", side)
			// Both sides of بين are one phrase to the rules of a clash; the model learns whether they are
			// one role.
			if c.s > lo && sc.toks[c.s-1].b == "بين" {
				f.add("coordinated after بين", side)
			}
			break
		}
	}
	for k := c.s + 1; k < c.e; k++ {
		// (By its first letter: ل, or م of من.)
		if t := &sc.toks[k]; t.f == "من" || !t.def && sc.lamOwner(k) {
			f.add("owned", t.f[:len("ل")], side)
			break
		}
	}
	if role == rolePlace {
		sc.placeFeatures(f, ev, c, cs, lo, from, to)
		return
	}
	f.add("def", strconv.FormatBool(t.def))
	f.add("def", strconv.FormatBool(t.def), side)
	if t.ent >= 0 {
		f.add("entity", sc.doc.Entities[t.ent].Type, side)
	}
	for _, cl := range actorClasses {
		if sc.is(cl, t) {
			f.add("class", classNames[cl])
			f.add("class", classNames[cl], side)
		}
	}
	other := ev.actor2
	if role == roleActor2 {
		other = ev.actor1
	}
	if c.overlaps(other) {
		f.add("other actor")
	}
	if c.overlaps(ev.place) {
		f.add("in place")
	}
}

// placeFeatures adds the features only places have: the rank of the place word, whether it is where
// someone comes from, and the places right before or after it.
func (sc *scan) placeFeatures(f *rankFeatures, ev *event, c phrase, cs []phrase, lo, from, to int) {
	f.add("rank", strconv.Itoa(sc.placeRank(c)))
	for _, a := range []phrase{ev.actor1, ev.actor2} {
		if c.overlaps(a) {
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
	// A topic word between the trigger and the place: the place may be the topic's.
	for k := from; k < to; k++ {
		if topic(sc.toks[k].b) {
			f.add("topic between")
			break
		}
	}
}

// rankTable is a role model frozen for reading: the weights by feature in one open-addressing table, as the
// models are looked up for every feature of every candidate (half the stage's time in a Go map).
type rankTable struct {
	keys  []uint32 // a feature, 0 for an empty slot
	vals  []float32
	shift uint32  // 32 less the table's bits
	zero  float32 // the weight of feature 0, which keys cannot hold
}

func newRankTable(m rankModel) *rankTable {
	bits := uint32(4)
	for 1<<bits < 2*len(m) {
		bits++
	}
	t := &rankTable{keys: make([]uint32, 1<<bits), vals: make([]float32, 1<<bits), shift: 32 - bits}
	for h, w := range m {
		if h == 0 {
			t.zero = float32(w)
			continue
		}
		i := t.slot(h)
		for t.keys[i] != 0 {
			i = (i + 1) & uint32(len(t.keys)-1)
		}
		t.keys[i], t.vals[i] = h, float32(w)
	}
	return t
}

// slot is where the probe for feature h starts (Fibonacci hashing: the features' low bits are FNV's).
func (t *rankTable) slot(h uint32) uint32 { return (h * 2654435769) >> t.shift }

// score is the model's score of one candidate's features.
func (t *rankTable) score(xs []uint32) float64 {
	s := float32(0)
	mask := uint32(len(t.keys) - 1)
	for _, x := range xs {
		if x == 0 {
			s += t.zero
			continue
		}
		for i := t.slot(x); t.keys[i] != 0; i = (i + 1) & mask {
			if t.keys[i] == x {
				s += t.vals[i]
				break
			}
		}
	}
	return float64(s)
}

// score is the model's score of one candidate's features.
func (m rankModel) score(xs []uint32) float64 {
	s := 0.0
	for _, x := range xs {
		s += m[x]
	}
	return s
}

// rank sets the roles of ev to the phrases the role models rank first, each ranking read against the
// phrases the rules chose; a role without a model keeps the rules' phrase.
func (sc *scan) rank(ev *event, lo, hi int) {
	rules := *ev
	var f rankFeatures
	var actors []phrase // the doer's and the target's candidates but the rules' choice, read once
	for role := range nRoles {
		m := sc.lx.rankers[role]
		rule := rules.role(role)
		if m == nil {
			continue
		}
		cs := sc.cands(role, &rules, rule, lo, hi, &actors)
		sc.rankFeaturesOf(&f, role, &rules, phrase{}, rule, cs, lo, hi)
		best, top := phrase{}, m.score(f.xs)
		for _, c := range cs {
			// (One phrase is never both the doer and the target.)
			if role == roleActor2 && c.overlaps(ev.actor1) {
				continue
			}
			// (Nor is the doer the place: "قصفت الولايات المتحدة مواقع"; the residents of a place, "أهالي
			// بلدة جاسم", protest in it.)
			if role == rolePlace && ev.actor1.ok() && c.s == ev.actor1.s {
				continue
			}
			sc.rankFeaturesOf(&f, role, &rules, c, rule, cs, lo, hi)
			if s := m.score(f.xs); s > top {
				best, top = c, s
			}
		}
		if best.ok() && best != rule {
			// ("وفصائل المعارضة", "والقرى": the conjunction is no part of the name.)
			if t := &sc.toks[best.s]; t.conj && !sc.whole(t) && t.clitics == 0 {
				t.clitics = 1
			}
		}
		// ("سمحت السلطات لعائلات المعتقلين بزيارة ذويهم": nor is ل before a word the tables know.)
		if t := &sc.toks[best.s]; best.ok() && role != rolePlace && t.clitics == 0 && sc.lamKnown(t) {
			t.clitics = 1
		}
		*ev.rolePtr(role) = best
	}
}

// role returns the phrase of a role.
func (ev *event) role(role int) phrase { return *ev.rolePtr(role) }

func (ev *event) rolePtr(role int) *phrase {
	switch role {
	case roleActor1:
		return &ev.actor1
	case roleActor2:
		return &ev.actor2
	}
	return &ev.place
}

// rankWindow is how many words before the trigger and after its last word a candidate may start: the
// words of a long sentence of real news (often 60 or more) far from the trigger name other events' roles,
// and the models' cost grows with the candidates.
const rankWindow = 30

// cands lists the candidates of a role of ev in the sentence [lo, hi), the rules' choice rule first. The
// doer and the target share their other candidates, kept in *actors once read.
func (sc *scan) cands(role int, ev *event, rule phrase, lo, hi int, actors *[]phrase) []phrase {
	from, to := max(lo, ev.m.head-rankWindow), min(hi, ev.m.last()+1+rankWindow)
	if role == rolePlace {
		return sc.placeCands(rule, lo, hi, from, to)
	}
	if *actors == nil {
		*actors = sc.actorCands(phrase{}, lo, hi, from, to)
	}
	out := make([]phrase, 0, len(*actors)+2)
	if rule.ok() {
		out = append(out, rule)
	}
	for _, p := range *actors {
		if p != rule {
			out = append(out, p)
		}
	}
	// What a trigger's own later word names may be its target: the convoy let in ("سمح بدخول قافلة
	// مساعدات"), the diplomats expelled ("طرد دبلوماسيين إيرانيين").
	if role == roleActor2 {
		for _, k := range ev.m.extra {
			if t := &sc.toks[k]; !t.prep && !sc.prepWord(t) && !t.gap {
				if p := (phrase{k, sc.extend(k, hi)}); p != rule {
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// loadRankers reads the role models: "role feature weight" lines, the feature a hash in hex.
func (lx *lexicon) loadRankers(name string) error {
	var models [nRoles]rankModel
	err := lines(name, func(_ int, f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want role, feature and weight, got %q", f)
		}
		role := slices.Index(roleNames[:], f[0])
		if role < 0 {
			return fmt.Errorf("unknown role %q", f[0])
		}
		h, err := strconv.ParseUint(f[1], 16, 32)
		if err != nil {
			return err
		}
		w, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return err
		}
		if models[role] == nil {
			models[role] = rankModel{}
		}
		models[role][uint32(h)] = w
		return nil
	})
	for role, m := range models {
		if m != nil {
			lx.rankers[role] = newRankTable(m)
		}
	}
	return err
}

// rankExample is an event of an annotated row for one role: the features of its candidates, the first no
// phrase, and which of them match the annotated phrase.
type rankExample struct {
	xs   [][]uint32
	gold []bool
	rule int  // the candidate the rules chose
	set  int  // the news set the row is from, for cross-validation by set
	real bool // a sentence of a published article (see realWeight)
}

// rankItem is an annotated sentence for the role models: its text, the type of its annotated event and
// how well a phrase fits each role's annotation (fit), below 0 for a wrong one; roles lists the roles
// annotated.
type rankItem struct {
	text, typ string
	real      bool
	roles     []int
	fit       func(role int, got *marsad.Ref) int
}

// newsItem makes a row of a news set a rankItem: a phrase fits when eval judges it right, the better the
// more words it shares with the annotated phrase, so the models learn bounds too ("ريف تل تمر" over "تل
// تمر").
func newsItem(r ownRow) rankItem {
	want := [nRoles]string{r.actor1, r.actor2, r.place}
	return rankItem{text: r.text, typ: r.typ, real: r.real, roles: []int{roleActor1, roleActor2, rolePlace}, fit: func(role int, got *marsad.Ref) int {
		switch {
		case got == nil && want[role] == "":
			return 100
		case got != nil && sameRef(got, want[role]):
			return 100 + overlap(got.Text, want[role])
		}
		return -1
	}}
}

// spanItem makes a span-annotated GSR sentence a rankItem for the doer and the target: a phrase fits when
// it has the words of an annotator's span (see spanRecord.judge).
func spanItem(r spanRecord, typ string) rankItem {
	return rankItem{text: r.Text, typ: typ, roles: []int{roleActor1, roleActor2}, fit: func(role int, got *marsad.Ref) int {
		if exact, _ := r.judge(got, role == roleActor1); exact {
			return 100
		}
		return -1
	}}
}

// rankExamples reads annotated sentences for the role models: the first event of each one's type, the
// one the annotator labelled (as marsad eval events judges it), with its candidates for each role. The
// candidates that fit best are gold; a sentence whose annotation no candidate fits teaches nothing and is
// left out. found counts the sentences whose event was found.
func rankExamples(lx *lexicon, docs *sentenceDocs, items []rankItem, set int) (out [nRoles][]rankExample, found int, err error) {
	for _, it := range items {
		d, err := docs.doc(it.text)
		if err != nil {
			return out, 0, err
		}
		sc := newScan(lx, d, nil)
		lo, hi := 0, len(sc.toks)
		cs := sc.candidates(lo, hi)
		var ev *event
		for i := range cs {
			if cs[i].ev.m.e.typ == it.typ {
				ev = &cs[i].ev
				break
			}
		}
		if ev == nil {
			continue
		}
		found++
		var actors []phrase
		for _, role := range it.roles {
			rule := ev.role(role)
			cands := sc.cands(role, ev, rule, lo, hi, &actors)
			ex := rankExample{set: set, rule: b2i(rule.ok()), real: it.real}
			best := -1
			var fits []int
			for _, c := range append([]phrase{{}}, cands...) {
				var f rankFeatures
				sc.rankFeaturesOf(&f, role, ev, c, rule, cands, lo, hi)
				ex.xs = append(ex.xs, f.xs)
				fit := it.fit(role, sc.ref(c))
				fits = append(fits, fit)
				best = max(best, fit)
			}
			for _, fit := range fits {
				ex.gold = append(ex.gold, fit >= 0 && fit == best)
			}
			if best >= 0 {
				out[role] = append(out[role], ex)
			}
		}
	}
	return out, found, nil
}

// overlap scores how well got matches want: the words they share less the words only one of them has.
func overlap(got, want string) int {
	g, w := wordSet(strings.Fields(got)), wordSet(strings.Fields(want))
	return 2*sharedWords(g, w) - len(g) - len(w)
}

// fitRankModel fits the weights by stochastic gradient descent on the log-likelihood of the gold
// candidates under a softmax over each example's candidates, with an L2 penalty.
func fitRankModel(exs []rankExample, l2 float64, epochs int) rankModel {
	m := rankModel{}
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
			w := 1.0
			if ex.real {
				w = realWeight
			}
			for j, x := range ex.xs {
				// d log(zg/z) / d score_j = [gold] p_j/zg - p_j/z.
				g := -ps[j] / z
				if ex.gold[j] {
					g += ps[j] / zg
				}
				for _, h := range x {
					m[h] += rate * w * g
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
func (m rankModel) pick(ex *rankExample) int {
	best, top := 0, math.Inf(-1)
	for j, x := range ex.xs {
		if s := m.score(x); s > top {
			best, top = j, s
		}
	}
	return best
}

const (
	rankEpochs    = 30    // passes the fit makes over the examples
	rankMinWeight = 0.005 // smaller weights are left out of the weights file: half of them, no decision of the tuning sets changed
	rankFolds     = 10    // folds of cross-validation, each holding out every tenth news set
	// A sentence of a published article weighs as much as realWeight written ones in the fit and in the
	// choice of penalty: they are an eighth as many, and they are the text marsad reads in use.
	realWeight = 5
)

// TrainRankModels fits the role models on the tuning rows of the news sets in paths and of the GSR span
// files in gsrDir (the doer and the target of ASSAULT and PROTEST sentences), and writes them to w in the
// format of data/rank_weights.txt. Each role's L2 penalty is chosen by cross-validation by set (each set's
// rows are scored by a model fitted without them and the sets of its fold), a real row weighing realWeight
// written ones; log shows each choice's accuracy on the written and the real rows beside the rules'. A role
// whose model does no better than its rules gets none.
func TrainRankModels(w, log io.Writer, paths []string, gsrDir string, prepare func(*marsad.Document) error) error {
	lx, err := loadLexicon(true)
	if err != nil {
		return err
	}
	lx.rankers = [nRoles]*rankTable{}
	docs := &sentenceDocs{prepare: prepare}
	var exs [nRoles][]rankExample
	var found [2]int // rows with their event found: written, real
	for i, p := range paths {
		rows, held, err := readOwn(p)
		if err != nil {
			return err
		}
		var tune []rankItem
		for j, r := range rows {
			if !held(j) {
				tune = append(tune, newsItem(r))
			}
		}
		e, n, err := rankExamples(lx, docs, tune, i)
		if err != nil {
			return err
		}
		for role := range nRoles {
			exs[role] = append(exs[role], e[role]...)
		}
		if len(tune) > 0 {
			found[b2i(tune[0].real)] += n
		}
	}
	// The GSR's tuning sentences are fitted on and cross-validated in folds of their own (set -1 - fold). The
	// accuracy reported is the news sets'; the penalty is chosen on news and GSR rows together, as the two
	// penalties often score the news within a few rows of each other.
	gsrFound := 0
	for _, typ := range reportTypes {
		recs, err := readSpans(filepath.Join(gsrDir, strings.ToLower(typ)+"_spans.dev.json"))
		if err != nil {
			return err
		}
		tune := make([][]rankItem, rankFolds)
		n := 0
		for i, r := range recs {
			if !HeldOut(i) {
				tune[n%rankFolds] = append(tune[n%rankFolds], spanItem(r, typ))
				n++
			}
		}
		for fold := range rankFolds {
			e, found, err := rankExamples(lx, docs, tune[fold], -1-fold)
			if err != nil {
				return err
			}
			for role := range nRoles {
				exs[role] = append(exs[role], e[role]...)
			}
			gsrFound += found
		}
	}
	foldOf := func(ex *rankExample) int {
		if ex.set < 0 {
			return -1 - ex.set
		}
		return ex.set % rankFolds
	}
	// The news sets' accuracy weighs a real row as realWeight written ones.
	weighed := func(n [2]int) float64 { return float64(n[0]) + realWeight*float64(n[1]) }
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# role models, written by go run genrank.go: role, hashed feature, weight\n")
	for role := range nRoles {
		name := roleNames[role]
		var rules, covered [2]int
		for i := range exs[role] {
			if ex := &exs[role][i]; ex.set >= 0 {
				rules[b2i(ex.real)] += b2i(ex.gold[ex.rule])
				covered[b2i(ex.real)]++
			}
		}
		ruleAcc := weighed(rules) / weighed(found)
		bestL2, bestAcc, bestBoth := 0.0, ruleAcc, 0.0
		for _, l2 := range []float64{1, 5} {
			var right [2]int
			gsrRight := 0
			for fold := range rankFolds {
				var train []rankExample
				for i := range exs[role] {
					if foldOf(&exs[role][i]) != fold {
						train = append(train, exs[role][i])
					}
				}
				m := fitRankModel(train, l2, rankEpochs)
				for i := range exs[role] {
					if ex := &exs[role][i]; foldOf(ex) == fold && ex.gold[m.pick(ex)] {
						if ex.set >= 0 {
							right[b2i(ex.real)]++
						} else {
							gsrRight++
						}
					}
				}
			}
			acc := weighed(right) / weighed(found)
			both := (weighed(right) + float64(gsrRight)) / (weighed(found) + float64(gsrFound))
			for k, kind := range []string{"written", "real"} {
				fmt.Fprintf(log, "%-6s L2 %-5g cross-validated by set, %s: %.3f (rules %.3f) on %d rows with their event found, %d with the annotated phrase among the candidates\n",
					name, l2, kind, float64(right[k])/float64(max(found[k], 1)), float64(rules[k])/float64(max(found[k], 1)), found[k], covered[k])
			}
			fmt.Fprintf(log, "%-6s L2 %-5g GSR %.3f on %d\n", name, l2, float64(gsrRight)/float64(max(gsrFound, 1)), gsrFound)
			if acc > ruleAcc && both > bestBoth {
				bestL2, bestAcc, bestBoth = l2, acc, both
			}
		}
		if bestL2 == 0 {
			continue
		}
		fmt.Fprintf(bw, "# %s: L2 %g, cross-validated by set %.3f (a real row weighing %d written ones), rules %.3f\n", name, bestL2, bestAcc, realWeight, ruleAcc)
		m := fitRankModel(exs[role], bestL2, rankEpochs)
		keys := make([]uint32, 0, len(m))
		for h, v := range m {
			if math.Abs(v) >= rankMinWeight {
				keys = append(keys, h)
			}
		}
		slices.Sort(keys)
		for _, h := range keys {
			fmt.Fprintf(bw, "%s %08x %.4f\n", name, h, m[h])
		}
	}
	return bw.Flush()
}
