package conflicts

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// Reading a quantity in its context: what it counts, what happened to it, what its sentence says about it.

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
		if strings.HasSuffix(text[:q.Start], "#") {
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
		if w == "" || w[0] < '0' || w[0] > '9' {
			// Not a number: Atoi would allocate an error for every word.
		} else if n, err := strconv.Atoi(w); err == nil {
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
// singular ("عنصران"، "شخصين"، "جنديان"), else "". "ين" also ends plurals ("مصابين"، "المدنيين"): a word the
// table lists whole, with or without its clitics, is not taken for a dual.
func (c *Checker) dualOf(w string) string {
	w = strings.TrimPrefix(w, "و")
	if c.t.read(w).noun != "" {
		return ""
	}
	for _, suf := range []string{"ان", "ين"} {
		if st, ok := strings.CutSuffix(w, suf); ok && utf8.RuneCountInString(st) >= 3 && !(suf == "ين" && strings.HasSuffix(st, "ي")) {
			if n := c.t.read(st).noun; n != "" {
				return n
			}
			// A feminine noun turns its ة into ت: "آليتين" is two "آلية".
			if fem, ok := strings.CutSuffix(st, "ت"); ok {
				if n := c.t.read(fem + "ه").noun; n != "" {
					return n
				}
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
		v.toks, v.words = doc.Words()
	} else {
		v.toks, v.words = windowWords(doc)
	}
	v.ents = make([]entry, len(v.toks))
	for i, w := range v.words {
		v.ents[i] = c.t.read(w)
	}
	return v
}

// windowWords returns the words of doc.Text within maxSentence bytes of a quantity, in order, and their
// folded forms. They are taken from doc.Words, which the other stages have computed already: a window
// begins and ends at a space or an edge of the text, and a word is a run of word runes, so the words inside
// a window are the words of the whole text that lie inside it.
func windowWords(doc *marsad.Document) ([]arabic.Token, []string) {
	all, folded := doc.Words()
	ws := windows(doc.Text, doc.Quantities)
	// Each window as a range of the words, then one copy of them all (or none, for one window).
	n := 0
	for k, r := range ws {
		lo := sort.Search(len(all), func(i int) bool { return all[i].Start >= r.Start })
		hi := lo + sort.Search(len(all)-lo, func(i int) bool { return all[lo+i].End > r.End })
		ws[k] = marsad.Range{Start: lo, End: hi}
		n += hi - lo
	}
	if len(ws) == 1 {
		return all[ws[0].Start:ws[0].End], folded[ws[0].Start:ws[0].End]
	}
	toks, words := make([]arabic.Token, 0, n), make([]string, 0, n)
	for _, r := range ws {
		toks = append(toks, all[r.Start:r.End]...)
		words = append(words, folded[r.Start:r.End]...)
	}
	return toks, words
}

// windows returns the spans of text within maxSentence bytes of a quantity, merged where they overlap and
// widened to a space or an edge of the text, so that no word is cut.
func windows(text string, qs []marsad.Quantity) []marsad.Range {
	ws := make([]marsad.Range, 0, len(qs))
	for _, q := range qs {
		if q.Start < 0 || q.End > len(text) || q.Start > q.End {
			continue
		}
		ws = append(ws, marsad.Range{Start: wordEdge(text, max(0, q.Start-maxSentence), -1),
			End: wordEdge(text, min(len(text), q.End+maxSentence), 1)})
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i].Start < ws[j].Start })
	merged := ws[:0]
	for i := 0; i < len(ws); {
		r := ws[i]
		for i++; i < len(ws) && ws[i].Start <= r.End; i++ {
			r.End = max(r.End, ws[i].End)
		}
		merged = append(merged, r)
	}
	return merged
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
	// A role cue is no noun ("قتلوا"), except a verbal noun that counts cases: "35 إصابة"، "12 إصابات".
	if e.is(isNotNoun|isDuration) || e.role != "" && !strings.HasSuffix(w, "ه") && !strings.HasSuffix(w, "ات") {
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
	for i, next := before, f.q.Start; i >= 0 && i > before-6; i-- {
		// A word set off by dashes is an aside, not a clause: "قتل -الخميس- شخصان".
		if t := toks[i]; t.Start > 0 && t.End < next && text[t.Start-1] == '-' && text[t.End] == '-' &&
			strings.TrimSpace(text[t.End+1:next]) == "" {
			next = t.Start - 1
			continue
		}
		if brk(toks[i].End, next) {
			break
		}
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
	// The sentence: does it give a running total, update one, count over a period? Only figures with a role
	// need it, and the search is bounded so that a long text without full stops stays linear.
	if f.role == "" {
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
