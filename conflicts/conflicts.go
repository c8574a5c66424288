// Package conflicts flags numbers that contradict each other inside an article, and casualty counts that differ between articles reporting the same event.
package conflicts

import (
	"bufio"
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// Conflict kinds.
const (
	HeadlineBody = "headline_body" // the title or a subheading disagrees with the body
	BodyBody     = "body_body"     // two running totals in the body disagree
)

//go:embed terms.txt
var termsFile string

// kinds says which word lists of terms.txt a word is on, besides noun and role.
type kinds uint16

const (
	isTotal    kinds = 1 << iota // the sentence gives a running total ("حصيلة")
	isUpdate                     // … that changes as news comes in ("ارتفعت")
	isPeriod                     // … counted over a span of days ("خلال شهر")
	isSkip                       // between a number and its noun ("ألف"، "من")
	isNotNoun                    // after a number without being what it counts ("آخرون")
	isDuration                   // "12 يوماً" measures time: it counts nobody
	isPart                       // "بينهم 4 أطفال" is part of the figure before it
	isSeveral                    // a title with one gathers several events: "في حوادث مرورية"
	isPast                       // "الماضي": with no span word, the sentence dates an earlier event
	isSpan                       // "خلال": the sentence counts over a span of time up to the news
	isOrdinal                    // "عنصر ثالث"، "قتيل آخر": one more of what was counted
)

var kindNames = map[string]kinds{"total": isTotal, "update": isUpdate, "period": isPeriod, "skip": isSkip,
	"notnoun": isNotNoun, "duration": isDuration, "part": isPart, "several": isSeveral, "past": isPast, "span": isSpan, "ordinal": isOrdinal}

// entry is what the tables say about one word.
type entry struct {
	noun string // class of what is counted
	role string // what happened to it
	kinds
}

func (e entry) is(k kinds) bool { return e.kinds&k != 0 }

// terms holds the folded word tables of terms.txt. It is read-only after newTerms.
type terms struct {
	words map[string]entry
	// shift holds folded phrases that move the body on to another event ("من جهة أخرى"): the headline may
	// then total several events the body does not add up.
	shift []string
}

func newTerms(src string) (*terms, error) {
	t := &terms{words: map[string]entry{}}
	sc := bufio.NewScanner(strings.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(arabic.Fold(line))
		if len(f) == 0 {
			continue
		}
		switch k, ok := kindNames[f[0]]; {
		case f[0] == "noun" || f[0] == "role":
			if len(f) < 3 {
				return nil, fmt.Errorf("terms.txt:%d: %s wants a name and words", n, f[0])
			}
			for _, w := range f[2:] {
				e := t.words[w]
				if f[0] == "noun" {
					e.noun = f[1]
				} else {
					e.role = f[1]
				}
				t.words[w] = e
			}
		case ok:
			for _, w := range f[1:] {
				e := t.words[w]
				e.kinds |= k
				t.words[w] = e
			}
		case f[0] == "shift":
			t.shift = append(t.shift, strings.Join(f[1:], " "))
		default:
			return nil, fmt.Errorf("terms.txt:%d: unknown kind %q", n, f[0])
		}
	}
	return t, sc.Err()
}

// read returns what the tables say about folded word w, also without the clitics news text attaches (the
// conjunctions و ف, the prepositions ب ل, the article ال: "وللمدنيين" → "مدنيين"), and for a role also in the
// present tense a headline uses ("تسيطر" as "سيطر", "تعتقل" as "اعتقل"). Each list is matched on the first
// form of w it holds.
func (t *terms) read(w string) entry {
	var e entry
	add := func(x entry) {
		if e.noun == "" {
			e.noun = x.noun
		}
		if e.role == "" {
			e.role = x.role
		}
		e.kinds |= x.kinds
	}
	for _, conj := range []string{"", "و", "ف"} {
		r, ok := strings.CutPrefix(w, conj)
		if !ok {
			continue
		}
		for _, p := range []string{"", "ال", "بال", "لل", "ب", "ل", "كال"} {
			if s, ok := strings.CutPrefix(r, p); ok && s != "" {
				if x, ok := t.words[s]; ok {
					add(x)
				}
			}
		}
	}
	if e.role != "" {
		return e
	}
	for _, p := range []string{"ت", "ي", "وت", "وي"} {
		if s, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(s) >= 3 {
			if x, ok := t.words[s]; ok && x.role != "" {
				e.role = x.role
				break
			}
			if x, ok := t.words["ا"+s]; ok && x.role != "" {
				e.role = x.role
				break
			}
		}
	}
	return e
}

// Checker fills doc.Conflicts. It is safe for concurrent use.
type Checker struct {
	t *terms
}

var _ marsad.Annotator = (*Checker)(nil)

// New returns a Checker with the embedded word tables.
func New() *Checker {
	t, err := newTerms(termsFile)
	if err != nil {
		// The table is embedded at build time, so a bad line is a bug in the build, not in the input.
		panic(err)
	}
	return &Checker{t: t}
}

// segment says where a quantity stands.
type segment uint8

const (
	body segment = iota
	title
	subheading
)

// fact is a quantity read in its context: what it counts and what happened to it.
type fact struct {
	q      marsad.Quantity
	seg    segment
	unit   string  // canonical unit after conversion (m² → km²)
	value  float64 // in unit
	noun   string  // class of the counted noun, "" when unknown
	role   string  // "" when no cue
	total  bool    // its sentence gives a running total
	update bool    // its sentence updates a total ("ارتفعت الحصيلة إلى")
	period bool    // its sentence counts over a period ("خلال أسبوع"، "منذ بداية العام")
	// backing marks a figure read here that the numbers layer did not give: it may back a headline but is
	// never reported.
	backing bool
	part    bool   // a part or the whole of the figure next to it ("بينهم 4 أطفال"، "من مجموع 212")
	approx  string // q.Approx, or "atleast" for a bound the numbers layer leaves after the noun ("على الأقل")
	// elliptic marks a figure whose clause opens with it after "و" and has no verb of its own ("أصيب 15
	// شخصاً بالاختناق، واثنان بحروق"): it takes the role of the figure before.
	elliptic bool
	// earlier marks a figure whose sentence dates it to a past point ("في فبراير الماضي"), another event than
	// the news; "خلال الأسبوع الماضي" gives the span of the news instead and does not count.
	earlier bool
}

// Annotate replaces doc.Conflicts with the contradictions between doc.Quantities. It needs the quantities
// layer; without it there is nothing to compare.
func (c *Checker) Annotate(doc *marsad.Document) error {
	doc.Conflicts = c.appendConflicts(doc.Conflicts[:0], doc)
	return nil
}

// appendConflicts reads the words near the quantities and, when that shows a conflict, the whole text, which may
// hold what backs the headline far from any figure the numbers layer gave ("… على عنصر إرهابي ثالث"):
// conflicts are rare, so the full reading costs little.
func (c *Checker) appendConflicts(dst []marsad.Conflict, doc *marsad.Document) []marsad.Conflict {
	// One quantity may still meet a dual the numbers layer does not read ("مقتل ثلاثة" over "قتل عنصران").
	if len(doc.Quantities) == 0 {
		return dst
	}
	n := len(dst)
	if dst = c.check(dst, doc, false); len(dst) > n {
		dst = c.check(dst[:n], doc, true)
	}
	return dst
}

// check appends the conflicts of doc, reading the whole text or only the words near its quantities.
func (c *Checker) check(dst []marsad.Conflict, doc *marsad.Document, whole bool) []marsad.Conflict {
	facts := c.facts(doc, whole)
	var heads, bodies []int
	for i, f := range facts {
		if f.seg == body {
			bodies = append(bodies, i)
		} else {
			heads = append(heads, i)
		}
	}
	// A roundup's counts are left alone; its areas still add up ("حرائق تلتهم 300 دونم"). Few headlines
	// disagree, so the whole text is searched for a roundup only when one does.
	for _, h := range heads {
		n := len(dst)
		if dst = c.headline(dst, facts, h, bodies); len(dst) > n && !measures[facts[h].unit] &&
			c.roundup(doc, facts, heads, facts[h].role) {
			dst = dst[:n]
		}
	}
	return c.bodyBody(dst, facts, bodies)
}

// roundup reports whether the article gathers several events, so that a headline figure with role r may
// total counts the body gives piecemeal or not at all: a title counting incidents ("في 3 حرائق") or naming
// several ("في حوادث مرورية"), or a body that moves on to another event ("من جهة أخرى"، "في سياق متصل") with a
// cue of that role after it. A body that moves on to something else ("وفي سياق متصل، قصفت طائرات التحالف
// مواقع للتنظيم") still gives one toll.
func (c *Checker) roundup(doc *marsad.Document, facts []fact, heads []int, r string) bool {
	for _, h := range heads {
		if facts[h].noun == "incident" && facts[h].value > 1 {
			return true
		}
	}
	for _, t := range arabic.AppendTokens(nil, doc.Text[:doc.TitleEnd]) {
		if c.t.read(arabic.Fold(doc.Text[t.Start:t.End])).is(isSeveral) {
			return true
		}
	}
	rest := doc.Text[doc.TitleEnd:]
	toks := arabic.AppendTokens(nil, rest)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = arabic.Fold(rest[t.Start:t.End])
	}
	for k := range words {
		n := c.shiftAt(words, k)
		if n == 0 {
			continue
		}
		for _, w := range words[k+n:] {
			if r2 := c.t.read(w).role; r2 != "" && (covers(r, r2) || covers(r2, r)) {
				return true
			}
		}
		return false
	}
	return false
}

// shiftAt returns the number of words of a shift phrase that starts at words[k] ("وفي سياق متصل" too), or 0.
func (c *Checker) shiftAt(words []string, k int) int {
	for _, p := range c.t.shift {
		ps := strings.Fields(p)
		if k+len(ps) > len(words) {
			continue
		}
		ok := words[k] == ps[0] || words[k] == "و"+ps[0]
		for j := 1; ok && j < len(ps); j++ {
			ok = words[k+j] == ps[j]
		}
		if ok {
			return len(ps)
		}
	}
	return 0
}

// headline compares the headline fact h with the body. It reports a conflict only when some body fact counts
// the same thing with the same role and a different value, and no body fact that could be the same count
// agrees with h: a body that also says "15" somewhere, or whose parts add up to 15, backs the headline.
func (c *Checker) headline(dst []marsad.Conflict, facts []fact, h int, bodies []int) []marsad.Conflict {
	hf := facts[h]
	if !countable(hf) {
		return dst
	}
	var strong []int
	sum, roleSum, roleN, whole := 0.0, 0.0, 0, 0
	for _, b := range bodies {
		bf := facts[b]
		if bf.unit != hf.unit {
			continue
		}
		// The same figure anywhere in the body backs the headline even when its words are too far to read
		// ("ليرتفع عدد الضحايا المدنيين في المنطقة منذ مطلع الشهر إلى 63"): a false alarm costs more than a miss.
		// It does not when the body gives it another role: "قتل سبعة وأصيب عشرة" does not back "مقتل 10".
		related := bf.noun != "" && bf.noun == hf.noun || bf.role != "" && bf.role == hf.role
		otherRole := bf.role != "" && !covers(hf.role, bf.role) && !covers(bf.role, hf.role)
		if !otherRole && (related && agree(hf, bf) || bf.value == hf.value) {
			return dst
		}
		if covers(hf.role, bf.role) {
			roleSum += bf.value
			roleN++
			if !bf.part && !bf.backing {
				whole++
			}
		}
		if same(hf, bf) && !bf.backing {
			strong = append(strong, b)
			sum += bf.value
		}
	}
	// The headline may add up the body: "مقتل ثمانية" over "قتل خمسة مدنيين وثلاثة عناصر". When the body
	// gives several counts of the role that do not add up to it, it may still total them with one the body
	// leaves unnumbered ("قتل 4 أشخاص … ولقي شخص حتفه"): only a body with one such count contradicts it.
	if len(strong) == 0 || whole > 1 || len(strong) > 1 && agreeValue(hf.value, hf.approx, sum, "") ||
		roleN > 1 && agreeValue(hf.value, hf.approx, roleSum, "") {
		return dst
	}
	spans := []marsad.Quantity{hf.q}
	for _, b := range strong {
		spans = append(spans, facts[b].q)
	}
	where := "العنوان"
	if hf.seg == subheading {
		where = "العنوان الفرعي"
	}
	msg := fmt.Sprintf("%s يذكر %s بينما يذكر النص %s", where, quote(hf.q.Text), listTexts(facts, strong))
	if note := scaleNote(hf.value, facts[strong[0]].value); note != "" {
		msg += "؛ " + note
	}
	return append(dst, marsad.Conflict{Kind: HeadlineBody, Message: msg, Spans: spans})
}

// bodyBody reports two running totals of the same thing in the body that disagree, when neither is an
// update of the other. Casualty figures change as news comes in and reports often give one place's toll
// next to the overall one, so only sentences that call themselves totals ("حصيلة"، "إجمالي") count.
func (c *Checker) bodyBody(dst []marsad.Conflict, facts []fact, bodies []int) []marsad.Conflict {
	var totals []int
	for _, i := range bodies {
		if f := facts[i]; f.total && !f.update && !f.backing && !f.part && countable(f) {
			totals = append(totals, i)
		}
	}
	// Three or more totals with one role are a list (a chronology of attacks, tolls by province), not one
	// toll given twice.
	twice := func(i int) bool {
		n := 0
		for _, j := range totals {
			if facts[j].role == facts[i].role {
				n++
			}
		}
		return n == 2
	}
	for x, i := range totals {
		a := facts[i]
		for _, j := range totals[x+1:] {
			b := facts[j]
			if !same(a, b) || agree(a, b) || a.approx != "" || b.approx != "" || !twice(i) {
				continue
			}
			msg := fmt.Sprintf("النص يذكر حصيلتين مختلفتين: %s و%s", quote(a.q.Text), quote(b.q.Text))
			if note := scaleNote(a.value, b.value); note != "" {
				msg += "؛ " + note
			}
			dst = append(dst, marsad.Conflict{Kind: BodyBody, Message: msg, Spans: []marsad.Quantity{a.q, b.q}})
		}
	}
	return dst
}

// measures are units whose role alone says what is measured: "حررت 52 كم²" and "حررت 52 ألف كم²" are the
// same area whatever noun follows.
var measures = map[string]bool{"km2": true, "km": true, "ton": true}

// casualties are the roles a headline may give without a noun ("مقتل 15 بقصف على إدلب") or with one that
// covers every noun the body may use ("مقتل ثمانية أشخاص").
var casualties = map[string]bool{"killed": true, "injured": true, "arrested": true, killedInjured: true}

// covers reports whether a figure with role a counts what one with role b counts: the same role, or the dead
// and the wounded together over either.
func covers(a, b string) bool {
	return a == b || a == killedInjured && (b == "killed" || b == "injured")
}

// countable reports whether f says enough about what it counts to be compared.
func countable(f fact) bool {
	if f.role == "" {
		return false
	}
	return measures[f.unit] || f.noun != "" || f.seg != body && f.unit == "" && casualties[f.role]
}

// same reports whether a and b count the same thing in the same way, over the same stretch of time: a
// monthly toll in the headline is not contradicted by one day's toll in the body. A headline casualty figure without a
// noun counts whoever the body's figure with that role counts.
func same(a, b fact) bool {
	if a.unit != b.unit || a.role != b.role || a.role == "" {
		return false
	}
	if measures[a.unit] {
		return true // areas and distances add up over time anyway
	}
	if a.earlier != b.earlier && !a.period && !b.period {
		return false // "أعدم 10" today is not contradicted by "أعدم ستة في فبراير الماضي"
	}
	// A headline drops the span of days the body gives ("نزوح 2500 عائلة" over "نزحت … خلال الأيام الماضية"),
	// unless the body's figure is a running total that the day's news adds to.
	if a.period != b.period && !(a.seg != body && !a.period && !b.total && !b.update) {
		return false
	}
	// An open noun is only known to equal itself: "مقتل 15" says nothing about "خمسة مختطفين".
	if (a.noun == "" || a.noun == "person") && a.seg != body && a.unit == "" && casualties[a.role] {
		return b.noun != "" && !strings.HasPrefix(b.noun, openPrefix)
	}
	return a.noun != "" && a.noun == b.noun
}

// agree reports whether the values of a and b can be the same figure.
func agree(a, b fact) bool { return agreeValue(a.value, a.approx, b.value, b.approx) }

// agreeValue compares two figures with their qualifiers: "نحو 50" agrees with 52, "أكثر من 50" with 60, and
// a round figure with the exact one it rounds (52 ألفاً, 52,300).
func agreeValue(x float64, xa string, y float64, ya string) bool {
	if near(x, y, 1e-9) {
		return true
	}
	xa, ya = bound(xa), bound(ya)
	// A bound agrees with figures near it, not with one a scale away: "أكثر من 52 كم²" is not 52,000 km².
	switch {
	case xa == "over" && y > x && y < 3*x, ya == "over" && x > y && x < 3*y,
		xa == "under" && y < x && 3*y > x, ya == "under" && x < y && 3*x > y:
		return true
	case xa != "" && xa != "over" && xa != "under" || ya != "" && ya != "over" && ya != "under":
		return near(x, y, 0.15) // نحو، حوالي، قرابة
	case xa != "" && ya != "":
		return near(x, y, 0.2) // both qualified the same way: too loose to contradict
	}
	return (round(x) || round(y)) && near(x, y, 0.05)
}

// bound reads the numbers layer's inclusive bounds ("على الأقل" atleast, "على الأكثر" atmost) as the strict
// ones: equal values have agreed already.
func bound(approx string) string {
	switch approx {
	case "atleast":
		return "over"
	case "atmost":
		return "under"
	}
	return approx
}

func near(x, y, tol float64) bool {
	return math.Abs(x-y) <= tol*math.Max(math.Abs(x), math.Abs(y))
}

// round reports whether v looks rounded: at least two trailing zeros, or 10 or more with one.
func round(v float64) bool {
	if v != math.Trunc(v) || v < 10 {
		return false
	}
	return math.Mod(v, 100) == 0 || math.Mod(v, 10) == 0 && v >= 1000
}

// scaleNote names a slip of scale: two figures that differ by a power of ten.
func scaleNote(x, y float64) string {
	if x == 0 || y == 0 {
		return ""
	}
	r := math.Max(x, y) / math.Min(x, y)
	p := math.Round(math.Log10(r))
	if p < 1 || !near(r, math.Pow(10, p), 0.01) {
		return ""
	}
	return "فرق بمضاعف " + strconv.FormatFloat(math.Pow(10, p), 'f', -1, 64) + " (خطأ محتمل في المرتبة أو الوحدة)"
}

func quote(s string) string { return "«" + s + "»" }

func listTexts(facts []fact, idx []int) string {
	parts := make([]string, len(idx))
	for i, j := range idx {
		parts[i] = quote(facts[j].q.Text)
	}
	return strings.Join(parts, " و")
}

// units converts to one unit per dimension, so 52,000,000 m² meets 52 km².
var units = map[string]struct {
	to     string
	factor float64
}{
	"m2": {"km2", 1e-6}, "ha": {"km2", 0.01}, "dunam": {"km2", 0.001}, "m": {"km", 1e-3}, "kg": {"ton", 1e-3},
}

// facts reads every quantity in its context, from the whole text or the words near the quantities.
func (c *Checker) facts(doc *marsad.Document, whole bool) []fact {
	text := doc.Text
	v := c.window(doc, whole)
	heads := headRanges(doc)
	facts := make([]fact, 0, len(doc.Quantities))
	for _, q := range doc.Quantities {
		if q.Start < 0 || q.End > len(text) || q.Start > q.End {
			continue
		}
		// "&#8220;" is a quotation mark a scraper left encoded, not the number 8220.
		if strings.HasSuffix(text[:q.Start], "&#") || strings.HasSuffix(text[:q.Start], "#") {
			continue
		}
		f := fact{q: q, unit: q.Unit, value: q.Value, approx: q.Approx}
		if u, ok := units[q.Unit]; ok {
			f.unit, f.value = u.to, q.Value*u.factor
		}
		for _, h := range heads {
			if q.Start >= h.Start && q.End <= h.End {
				f.seg = subheading
				if h.Start == 0 && doc.TitleEnd > 0 {
					f.seg = title
				}
			}
		}
		c.context(&f, v)
		facts = append(facts, f)
	}
	for _, u := range c.unread(doc, v, heads) {
		f := fact{q: u.Quantity, value: u.Value, backing: !u.sure}
		c.context(&f, v)
		facts = append(facts, f)
	}
	for i := range facts {
		if !facts[i].elliptic || facts[i].role != "" {
			continue
		}
		// The figure before in the same sentence: quantities are in text order in the layer, but not required to be.
		prev := -1
		for j := range facts {
			if facts[j].q.End <= facts[i].q.Start && (prev < 0 || facts[j].q.End > facts[prev].q.End) {
				prev = j
			}
		}
		if prev >= 0 && !strings.ContainsAny(text[facts[prev].q.End:facts[i].q.Start], sentenceEnd) {
			facts[i].role = facts[prev].role
		}
	}
	return facts
}

// unreadQuantity is a body figure the numbers layer left out; only a sure one may be reported.
type unreadQuantity struct {
	marsad.Quantity
	sure bool
}

// unread returns the body figures near the quantities that the numbers layer left out: the dual of a noun the
// table lists ("قتل عنصران"، "شخصين"), which is 2 and sure; as backing only, a bare number it took for
// something else ("تضرر 1438 خيمة" read as a hijri year), a dual joined to a count ("قتل أربعة جنود
// وضابطان") and one more of a noun ("عنصر ثالث"). The headline check would otherwise see only part of the body.
func (c *Checker) unread(doc *marsad.Document, v *window, heads []marsad.Range) []unreadQuantity {
	var out []unreadQuantity
	ends := make(map[int]bool, len(doc.Quantities))
	for _, q := range doc.Quantities {
		ends[q.End] = true
	}
	toks := v.toks
	for i, t := range toks {
		if inRead(v.read, t) || inAny(heads, t) {
			continue // read already, or not in the body
		}
		w := v.words[i]
		if n, err := strconv.Atoi(w); err == nil {
			out = append(out, unreadQuantity{marsad.Quantity{Span: marsad.SpanOf(doc.Text, t.Start, t.End), Value: float64(n)}, false})
			continue
		}
		if c.dualOf(w) != "" {
			out = append(out, unreadQuantity{marsad.Quantity{Span: marsad.SpanOf(doc.Text, t.Start, t.End), Value: 2}, true})
			continue
		}
		// One more after a noun: "كما ألقت القبض على عنصر إرهابي ثالث".
		if v.ents[i].is(isOrdinal) {
			for j := i - 1; j >= 0 && j >= i-2 && !strings.ContainsAny(doc.Text[toks[j].End:t.Start], clauseBreak); j-- {
				if v.ents[j].noun != "" {
					out = append(out, unreadQuantity{marsad.Quantity{Span: marsad.SpanOf(doc.Text, t.Start, t.End), Value: 1}, false})
					break
				}
			}
			continue
		}
		// A dual after "و" right behind a count or its noun: "وضابطان"، "وطفلين".
		r, ok := strings.CutPrefix(w, "و")
		if !ok || utf8.RuneCountInString(r) < 5 || !strings.HasSuffix(r, "ان") && !strings.HasSuffix(r, "ين") {
			continue
		}
		for _, j := range []int{i - 1, i - 2} {
			if j >= 0 && ends[toks[j].End] && !strings.ContainsAny(doc.Text[toks[j].End:t.Start], clauseBreak) {
				out = append(out, unreadQuantity{marsad.Quantity{Span: marsad.SpanOf(doc.Text, t.Start, t.End), Value: 2}, false})
				break
			}
		}
	}
	return out
}

// readRanges returns the valid spans of qs sorted by end, for inRead.
func readRanges(qs []marsad.Quantity, n int) []marsad.Range {
	rs := make([]marsad.Range, 0, len(qs))
	for _, q := range qs {
		if q.Start >= 0 && q.End <= n && q.Start < q.End {
			rs = append(rs, marsad.Range{Start: q.Start, End: q.End})
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].End < rs[j].End })
	return rs
}

// inRead reports whether token t overlaps one of the quantity spans rs, sorted by end and, as quantities do
// not overlap, by start too.
func inRead(rs []marsad.Range, t arabic.Token) bool {
	k := sort.Search(len(rs), func(i int) bool { return rs[i].End > t.Start })
	return k < len(rs) && rs[k].Start < t.End
}

// dualOf returns the noun class of folded word w when it is the dual of a noun the table lists in the
// singular ("عنصران"، "شخصين"، "جنديان"), else "". "ين" also ends plurals ("مصابين"، "مدنيين"): a word the
// table lists whole, or with the article, is not taken for a dual.
func (c *Checker) dualOf(w string) string {
	w = strings.TrimPrefix(w, "و")
	if strings.HasPrefix(w, "ال") || c.t.read(w).noun != "" {
		return ""
	}
	for _, suf := range []string{"ان", "ين"} {
		if st, ok := strings.CutSuffix(w, suf); ok && utf8.RuneCountInString(st) >= 3 && !(suf == "ين" && strings.HasSuffix(st, "ي")) {
			if n := c.t.read(st).noun; n != "" {
				return n
			}
		}
	}
	return ""
}

func inAny(rs []marsad.Range, t arabic.Token) bool {
	for _, r := range rs {
		if t.Start >= r.Start && t.End <= r.End {
			return true
		}
	}
	return false
}

// window holds the words of a document near its quantities, folded and looked up once.
type window struct {
	text  string
	toks  []arabic.Token
	words []string       // folded
	ents  []entry        // what the tables say about each word
	read  []marsad.Range // the quantity spans (see readRanges)
}

// window reads the words of doc.Text, all of them or those within maxSentence bytes of a quantity: a long
// article with a few figures is not tokenized whole.
func (c *Checker) window(doc *marsad.Document, whole bool) *window {
	v := &window{text: doc.Text, read: readRanges(doc.Quantities, len(doc.Text))}
	if whole {
		v.toks = arabic.AppendTokens(nil, doc.Text)
	} else {
		v.toks = windowTokens(doc.Text, doc.Quantities)
	}
	// The folded words share one string: a document costs one allocation for them, not one per word.
	var buf []byte
	ends := make([]int, len(v.toks))
	for i, t := range v.toks {
		buf = arabic.AppendFold(buf, doc.Text[t.Start:t.End])
		ends[i] = len(buf)
	}
	all := string(buf)
	v.words = make([]string, len(v.toks))
	v.ents = make([]entry, len(v.toks))
	for i, start := range ends {
		if i > 0 {
			start = ends[i-1]
		} else {
			start = 0
		}
		v.words[i] = all[start:ends[i]]
		v.ents[i] = c.t.read(v.words[i])
	}
	return v
}

// windowTokens returns the words of text within maxSentence bytes of a quantity, in order.
func windowTokens(text string, qs []marsad.Quantity) []arabic.Token {
	ws := make([]marsad.Range, 0, len(qs))
	for _, q := range qs {
		if q.Start < 0 || q.End > len(text) || q.Start > q.End {
			continue
		}
		ws = append(ws, marsad.Range{Start: wordEdge(text, max(0, q.Start-maxSentence), -1),
			End: wordEdge(text, min(len(text), q.End+maxSentence), 1)})
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i].Start < ws[j].Start })
	var toks []arabic.Token
	for i := 0; i < len(ws); {
		r := ws[i]
		for i++; i < len(ws) && ws[i].Start <= r.End; i++ {
			r.End = max(r.End, ws[i].End)
		}
		n := len(toks)
		toks = arabic.AppendTokens(toks, text[r.Start:r.End])
		for k := n; k < len(toks); k++ {
			toks[k].Start += r.Start
			toks[k].End += r.Start
		}
	}
	return toks
}

// wordEdge moves offset i in direction dir (-1 back, 1 forward) to a space or a text edge, so no word is cut.
func wordEdge(text string, i, dir int) int {
	for i > 0 && i < len(text) && text[i] != ' ' && text[i] != '\n' {
		i += dir
	}
	return i
}

// headRanges returns the title and the subheadings: short paragraphs that do not end a sentence and do not
// go on from the one before with "و" ("وأصيب ثلاثة آخرون بجروح" is body text whose full stop was lost).
func headRanges(doc *marsad.Document) []marsad.Range {
	var heads []marsad.Range
	if doc.TitleEnd > 0 {
		heads = append(heads, marsad.Range{Start: 0, End: doc.TitleEnd})
	}
	paras := doc.Paragraphs
	if len(paras) == 0 {
		start := 0
		for _, p := range strings.Split(doc.Text, "\n\n") {
			paras = append(paras, marsad.Range{Start: start, End: start + len(p)})
			start += len(p) + 2
		}
	}
	for _, p := range paras {
		if p.Start < doc.TitleEnd || p.End > len(doc.Text) || p.Start >= p.End {
			continue
		}
		s := strings.TrimSpace(doc.Text[p.Start:p.End])
		if s == "" || arabic.CountTokens(s) > 16 || strings.ContainsAny(s[len(s)-1:], ".!?:؟…»\"”") ||
			strings.HasSuffix(s, "؟") || strings.HasSuffix(s, "…") || continues(s) {
			continue
		}
		heads = append(heads, p)
	}
	return heads
}

// follows reports whether token i comes within two words after a quantity in the same clause.
func (v *window) follows(i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if strings.ContainsAny(v.text[v.toks[j].End:v.toks[i].Start], clauseBreak) {
			return false
		}
		if inRead(v.read, v.toks[j]) {
			return true
		}
	}
	return false
}

// openNoun returns the open noun class of w, a word after a number that the table does not know ("25
// مختطفاً"، "خمسة مختطفين" → "~مختطف"), or "" when w is no counted noun: a word the table rules out, a role
// verb ("قتلوا"), or one that starts with a conjunction or a preposition ("وأصيب"، "بقصف").
func openNoun(w string, e entry) string {
	if e.is(isNotNoun|isDuration) || e.role != "" {
		return ""
	}
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") || strings.HasPrefix(w, "ال") {
		return ""
	}
	if _, ok := arabic.CliticVariant(w); ok {
		return ""
	}
	for _, r := range w {
		if r < 0x621 || r > 0x64a {
			return "" // digits, Latin, symbols
		}
	}
	// The accusative of 11–99 adds an alef ("مختطفاً"); the light stem takes the plural endings off.
	if utf8.RuneCountInString(w) > 4 {
		w = strings.TrimSuffix(w, "ا")
	}
	if w = arabic.Stem(w); utf8.RuneCountInString(w) < 3 {
		return ""
	}
	return openPrefix + w
}

// openPrefix marks a noun class read from the word itself rather than from the table.
const openPrefix = "~"

// pairRole returns killedInjured when words i and i+1 are a killed and an injured cue joined by و, in either
// order ("مقتل وإصابة"، "قتلى وجرحى"), in one clause: the figure then counts both. Otherwise it returns r, the
// role already read.
func (v *window) pairRole(i int, r string) string {
	if i < 0 || i+1 >= len(v.toks) || strings.ContainsAny(v.text[v.toks[i].End:v.toks[i+1].Start], clauseBreak) {
		return r
	}
	ra, rb := v.ents[i].role, v.ents[i+1].role
	if strings.HasPrefix(v.words[i+1], "و") && (ra == "killed" && rb == "injured" || ra == "injured" && rb == "killed") {
		return killedInjured
	}
	return r
}

// killedInjured is the role of a figure that counts the dead and the wounded together.
const killedInjured = "killed+injured"

// continues reports whether paragraph s opens with the conjunction و on a word of three letters or more. A
// few headings start with a word in و ("وزارة …") and are then read as body: a missed heading costs recall, a
// body sentence read as a heading costs false alarms.
func continues(s string) bool {
	w, _, _ := strings.Cut(s, " ")
	return strings.HasPrefix(w, "و") && utf8.RuneCountInString(w) >= 4
}

// maxSentence bounds, in bytes, how far the sentence of a figure is looked for on each side.
const maxSentence = 400

const (
	clauseBreak = ".،,؛;:!?؟\n-–—"
	sentenceEnd = ".!?؟\n"
)

// context fills noun, role and the other readings of f from the words of v around its span.
func (c *Checker) context(f *fact, v *window) {
	text, toks := v.text, v.toks
	after := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= f.q.End })
	before := sort.Search(len(toks), func(i int) bool { return toks[i].End > f.q.Start }) - 1
	brk := func(a, b int) bool { return strings.ContainsAny(text[a:b], clauseBreak) }

	// The counted noun: the first word after the number that is not a scale, a unit or "من". A word missing
	// from the table is kept as an open noun, used when nothing else names what is counted.
	nounAt, openAt := -1, -1
	for i, prev := after, f.q.End; i < len(toks) && i < after+4 && !brk(prev, toks[i].Start); i++ {
		if n := v.ents[i].noun; n != "" {
			f.noun, nounAt = n, i
			break
		}
		if !v.ents[i].is(isSkip) {
			openAt = i
			break
		}
		prev = toks[i].End
	}
	// "12 يوماً" measures time and counts nobody.
	if first := max(nounAt, openAt); first >= 0 && v.ents[first].is(isDuration) {
		return
	}
	// A dual or a number word may carry its noun inside the span: "جنديان"، "قتيلين"، "عنصران".
	if f.noun == "" && after > 0 && toks[after-1].Start >= f.q.Start {
		if n := v.ents[after-1].noun; n != "" {
			f.noun, nounAt = n, after-1
		} else if n := c.dualOf(v.words[after-1]); n != "" {
			f.noun, nounAt = n, after-1
		}
	}
	// A dual the layer read as 2 is its own noun: "مهندسَين" counts engineers.
	if k := after - 1; f.noun == "" && f.value == 2 && k >= 0 && toks[k].Start == f.q.Start && toks[k].End == f.q.End &&
		!strings.HasPrefix(v.words[k], "اثن") {
		if n := openNoun(v.words[k], v.ents[k]); n != "" {
			f.noun, nounAt = n, k
		}
	}
	// A word after the number names what it counts before any noun ahead of it does: in "اختطف مسلحون
	// مجهولون أربعة رعاة" the shepherds are counted, not the gunmen.
	if f.noun == "" && openAt >= 0 {
		if n := openNoun(v.words[openAt], v.ents[openAt]); n != "" {
			f.noun, nounAt = n, openAt
		}
	}
	// "بينهم 4 أطفال"، "من مجموع 212": a part or the whole of the figure before. So is a figure inside an
	// aside in parentheses: "بلغ مجموع الضحايا 1091 شخصاً (335 قتيلاً و756 جريحاً)"; "(3) أمريكيين" is not one.
	if from := max(0, f.q.Start-200); strings.LastIndexByte(text[from:f.q.Start], '(') > strings.LastIndexByte(text[from:f.q.Start], ')') &&
		!strings.HasPrefix(strings.TrimLeft(text[f.q.End:], " "), ")") {
		f.part = true
	}
	for i := before; i >= 0 && i > before-3 && !brk(toks[i].End, f.q.Start); i-- {
		if v.ents[i].is(isPart) {
			f.part = true
			break
		}
		if !v.ents[i].is(isSkip) {
			break
		}
	}
	// "ثلاثة أشخاص على الأقل" is a lower bound.
	if f.approx == "" {
		for i, prev := after, f.q.End; i+1 < len(toks) && i < after+3 && !brk(prev, toks[i].Start); i++ {
			if v.words[i] == "علي" && (v.words[i+1] == "الاقل" || v.words[i+1] == "اقل") {
				f.approx = "atleast"
				break
			}
			prev = toks[i].End
		}
	}
	// A clause that opens with "و" and the figure: "، واثنان بحروق".
	if lead := strings.TrimSpace(text[max(0, f.q.Start-8):f.q.Start]); strings.HasSuffix(lead, "و") {
		lead = strings.TrimSpace(strings.TrimSuffix(lead, "و"))
		f.elliptic = lead == "" || strings.ContainsAny(lead[max(0, len(lead)-3):], clauseBreak)
	}
	// The role: the nearest cue before the number in its clause, else a cue right after the noun. A cue right
	// behind another figure without "و" is that figure's noun ("27 قتيلاً و100 جريح"، "467 حالة وفاة إضافة
	// إلى سبع"), so the search stops there.
	for i, next := before, f.q.Start; i >= 0 && i > before-6 && !brk(toks[i].End, next); i-- {
		if r := v.ents[i].role; r != "" && f.role == "" {
			if !strings.HasPrefix(v.words[i], "و") && v.follows(i) {
				break
			}
			f.role = v.pairRole(i-1, r) // "مقتل وإصابة 12"
		}
		if n := v.ents[i].noun; f.noun == "" && n != "" && i > before-3 {
			f.noun = n // "عدد القتلى 15"
		}
		next = toks[i].Start
	}
	// A casualty noun ("جريح"، "قتلى") gives the role over a casualty cue before it: in "27 قتيلاً و100 جريح"
	// the 100 are wounded. Other cues stand: "إجلاء 20 جريحاً" counts an evacuation.
	if nounAt >= 0 && (f.role == "" || casualties[f.role] && f.role != "arrested") {
		if r := v.ents[nounAt].role; r == "killed" || r == "injured" {
			f.role = v.pairRole(nounAt, r) // "300 قتيل وجريح"
		}
	}
	if f.role == "" {
		from := after
		if nounAt >= 0 {
			from = nounAt
		}
		prev := f.q.End
		if from < after {
			prev = toks[from].Start // the noun inside the span: "قتيلين"
		}
		for i := from; i < len(toks) && i < from+3 && !brk(prev, toks[i].Start) && (i < after || !inRead(v.read, toks[i])); i++ {
			if r := v.ents[i].role; r != "" {
				f.role = v.pairRole(i, r) // "12 قتيلاً وجريحاً"
				break
			}
			prev = toks[i].End
		}
	}
	// The sentence: does it give a running total, update one, count over a period? Only figures that can be
	// compared need it, and the search is bounded so that a long text without full stops stays linear.
	if !countable(*f) {
		return
	}
	s, e := max(0, f.q.Start-maxSentence), min(len(text), f.q.End+maxSentence)
	if i := strings.LastIndexAny(text[s:f.q.Start], sentenceEnd); i >= 0 {
		s += i
	}
	if i := strings.IndexAny(text[f.q.End:e], sentenceEnd); i >= 0 {
		e = f.q.End + i
	}
	var seen kinds
	for i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= s }); i < len(toks) && toks[i].End <= e; i++ {
		seen |= v.ents[i].kinds
	}
	f.total, f.update, f.period = seen&isTotal != 0, seen&isUpdate != 0, seen&isPeriod != 0
	f.earlier = seen&isPast != 0 && seen&isSpan == 0
}
