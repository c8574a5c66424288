// Package conflicts flags numbers that contradict each other inside an article, and casualty counts that differ between articles reporting the same event.
package conflicts

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// Conflict kinds.
const (
	HeadlineBody = "headline_body" // the title or a subheading disagrees with the body
	BodyBody     = "body_body"     // two running totals in the body disagree
)

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
			// A running total ("ليرتفع العدد الإجمالي إلى 410") is not one more count to add up.
			if !bf.part && !bf.backing && !(bf.total && bf.update) {
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
