// Package numbers finds quantities in Arabic news text: digits and number words, scales, units and qualifiers.
package numbers

import (
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// Extractor finds quantities. Its tables are built once by New; it is safe for concurrent use.
type Extractor struct {
	words        map[string]numWord
	wordIdx      cliticIndex // number words with the proclitics they may take
	preIdx       cliticIndex
	monthIdx     cliticIndex
	units        phraseSet
	square, cube map[string]bool
	pre, post    phraseSet
	months       phraseSet
	idioms       phraseSet // set phrases with a number word that count nothing: "ألف مبروك"
	yearWords    map[string]bool
	yearAdj      map[string]bool // "المالي" in "العام المالي 1435"
	yearPreps    map[string]bool // "في" in "شهدت في 1998 هجوماً": a year even before a noun
	nameHeads    map[string]bool // "أبو" in "أبو قرنين": a dual after it is a name
	era          map[string]bool
	labels       map[string]bool
	ordinals     map[string]bool
	weekdays     map[string]bool
	timeWords    map[string]bool
	duals        map[string]dualNoun // the dual of a counted noun is a quantity of 2: "شخصين", "ساعتان"
	dualIdx      cliticIndex
	counted      map[string]bool   // singulars that make "2000 مقاتل" a count and not a year
	classes      map[string]string // a counted noun, singular or plural, to its class: "قتلى" → person
	pool         sync.Pool
}

var _ marsad.Annotator = (*Extractor)(nil)

// New returns an Extractor with the embedded tables loaded. It panics if they are malformed, which a test
// catches before release.
func New() *Extractor {
	e := &Extractor{}
	for _, load := range []func() error{e.loadNumbers, e.loadUnits, e.loadQualifiers, e.loadContext, e.loadNouns} {
		if err := load(); err != nil {
			panic("numbers: " + err.Error())
		}
	}
	e.wordIdx = newCliticIndex(e.words, 3)
	e.preIdx = newCliticIndex(e.pre, 2)
	e.monthIdx = newCliticIndex(e.months, 2)
	e.dualIdx = newCliticIndex(e.duals, 3)
	e.pool.New = func() any { return new(scanner) }
	return e
}

// Annotate sets doc.Quantities to the quantities of doc.Text.
func (e *Extractor) Annotate(doc *marsad.Document) error {
	doc.Quantities = e.AppendExtract(doc.Quantities[:0], doc.Text)
	return nil
}

// Extract returns the quantities of text in order. Each Span points into text.
func (e *Extractor) Extract(text string) []marsad.Quantity {
	return e.AppendExtract(nil, text)
}

// AppendExtract appends the quantities of text to dst.
func (e *Extractor) AppendExtract(dst []marsad.Quantity, text string) []marsad.Quantity {
	sc := e.pool.Get().(*scanner)
	defer e.pool.Put(sc)
	sc.scan(text)
	p := parser{e: e, text: text, toks: sc.toks, buf: sc.buf, lastYear: -1}
	for i := 0; i < len(p.toks); {
		q, next, ok := p.quantity(i)
		if ok {
			dst = append(dst, q)
		}
		// A number rejected as a date or a code is skipped whole, so "عام ألفين وأربعة عشر" does not leave
		// "أربعة عشر" behind.
		i = max(next, i+1)
	}
	return dst
}

// parser reads quantities from the tokens of one text.
type parser struct {
	e    *Extractor
	text string
	toks []token
	buf  []byte
	// lastYear is the token index after the last number dropped as a year, so "عامي 2014 و2017" drops both.
	lastYear int
}

func (p *parser) word(k int) string {
	t := &p.toks[k]
	return unsafeString(p.buf[t.fs:t.fe])
}

// gapOK reports whether tokens k-1 and k are separated only by horizontal space, so a phrase may continue.
// Brackets or quotes around a lone number are allowed too: "أكثر من (12) مليون", "“9” كيلو غرام".
func (p *parser) gapOK(k int) bool {
	for _, r := range p.text[p.toks[k-1].end:p.toks[k].start] {
		switch r {
		case ' ', '\t', '\u00a0', '\u200b', '\u200f', '\u200e', arabic.Tatweel:
		case '(', '“', '«', '"':
			if _, _, ok := p.enclosed(k); !ok && !(r == '"' && p.encloses(k-1)) {
				return false
			}
		case ')', '”', '»':
			if !p.encloses(k - 1) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func (p *parser) encloses(k int) bool { _, _, ok := p.enclosed(k); return ok }

// enclosed reports whether token k is a number standing alone in brackets or quotes, and where the opening
// one starts and the closing one ends.
func (p *parser) enclosed(k int) (open, end int, ok bool) {
	t := &p.toks[k]
	if t.kind != tokNum {
		return 0, 0, false
	}
	before := strings.TrimRight(p.text[:t.start], " ")
	after := strings.TrimLeft(p.text[t.end:], " ")
	r, size := utf8.DecodeLastRuneInString(before)
	var closer rune
	switch r {
	case '(':
		closer = ')'
	case '“':
		closer = '”'
	case '«':
		closer = '»'
	case '"':
		closer = '"'
	default:
		return 0, 0, false
	}
	c, csize := utf8.DecodeRuneInString(after)
	if c != closer {
		return 0, 0, false
	}
	return len(before) - size, len(p.text) - len(after) + csize, true
}

// next reports whether token k exists and continues the phrase that ends with token k-1.
func (p *parser) next(k int) bool { return k < len(p.toks) && k > 0 && p.gapOK(k) }

// proclitics that may be attached to the first word of a quantity: و ف (and), ب (with), ل (for), ك (as).
var proclitics = []string{"وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"}

// isProclitic reports whether w starts with a letter that can be a proclitic.
func isProclitic(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r == 'و' || r == 'ف' || r == 'ب' || r == 'ل' || r == 'ك'
}

// cliticOK reports whether the proclitic c may stand before rest. The rest must keep minRest letters; number
// words ask for three, so "لست" (I am not) is not ل + ست (six), but after و and ف two will do ("وست").
func cliticOK(c, rest string, minRest int) bool {
	n := utf8.RuneCountInString(rest)
	return n >= minRest || n >= 2 && (c == "و" || c == "ف")
}

// stripClitic returns w without a leading proclitic and the number of letters removed, trying the bare word
// first; -1 when neither w nor its rest satisfies ok.
func stripClitic(w string, minRest int, ok func(string) bool) (string, int) {
	if ok(w) {
		return w, 0
	}
	if !isProclitic(w) {
		return "", -1
	}
	for _, c := range proclitics {
		if rest, found := strings.CutPrefix(w, c); found && cliticOK(c, rest, minRest) && ok(rest) {
			return rest, utf8.RuneCountInString(c)
		}
	}
	return "", -1
}

// cliticForm is a word of a table as found in the text: its table form and the letters of its proclitic.
type cliticForm struct {
	base   string
	clitic int
}

// cliticIndex maps every word of a table, bare and with each proclitic it may take, to its table form, so the
// hot path needs one lookup per token instead of one per proclitic.
type cliticIndex map[string]cliticForm

func newCliticIndex[V any](table map[string]V, minRest int) cliticIndex {
	idx := cliticIndex{}
	for w := range table {
		idx[w] = cliticForm{w, 0}
	}
	for w := range table {
		for _, c := range proclitics {
			if _, taken := idx[c+w]; !taken && cliticOK(c, w, minRest) {
				idx[c+w] = cliticForm{w, utf8.RuneCountInString(c)}
			}
		}
	}
	return idx
}

// skipLetters returns the byte offset in the original text after the first n letters of the token starting
// at off, skipping the diacritics and tatweel that folding dropped.
func (p *parser) skipLetters(off, n int) int {
	for off < len(p.text) {
		r, size := utf8.DecodeRuneInString(p.text[off:])
		if r == arabic.Tatweel || arabic.IsDiacritic(r) {
			off += size
			continue
		}
		if n == 0 {
			break
		}
		off += size
		n--
	}
	return off
}

// matchPhrase returns the code and end token of the longest phrase of ps starting at token k. With an index
// the first word may carry a proclitic; its letter count is returned, or -1 when nothing matches.
func (p *parser) matchPhrase(ps phraseSet, idx cliticIndex, k int, dotGap bool) (code string, end, clitic int) {
	if k >= len(p.toks) {
		return "", 0, -1
	}
	first := p.word(k)
	if idx != nil {
		f, ok := idx[first]
		if !ok {
			return "", 0, -1
		}
		first, clitic = f.base, f.clitic
	}
	if len(ps[first]) == 0 {
		return "", 0, -1
	}
next:
	for _, ph := range ps[first] {
		j := k + 1
		for _, pw := range ph.words[1:] {
			if j >= len(p.toks) || p.word(j) != pw || !p.gapOK(j) && !(dotGap && p.dotGap(j)) {
				continue next
			}
			j++
		}
		return ph.code, j, clitic
	}
	return "", 0, -1
}

// dotGap reports whether tokens k-1 and k are joined by a single full stop, as in the abbreviation "ل.س".
func (p *parser) dotGap(k int) bool {
	return p.text[p.toks[k-1].end:p.toks[k].start] == "."
}

// unit reads a unit at token j, with "مربع"/"مكعب" after a length, and returns its code and the token after it.
func (p *parser) unit(j int) (string, int, bool) {
	if !p.next(j) {
		return "", 0, false
	}
	code, end, c := p.matchPhrase(p.e.units, nil, j, true)
	if c != 0 {
		return "", 0, false
	}
	code, end = p.power(code, end)
	return code, end, true
}

// power turns a length unit followed at token j by "مربع"/"مكعب" into an area or volume and returns the code
// and the token after it.
func (p *parser) power(code string, j int) (string, int) {
	if p.next(j) && (code == "km" || code == "m" || code == "cm") {
		switch w := p.word(j); {
		case p.e.square[w]:
			return code + "2", j + 1
		case p.e.cube[w]:
			return code + "3", j + 1
		}
	}
	return code, j
}

// mayBeDual reports whether token k is a word with a dual ending, so that most words skip the dual lookup.
func (p *parser) mayBeDual(k int) bool {
	w := p.word(k)
	return p.toks[k].kind == tokWord && (strings.HasSuffix(w, "ان") || strings.HasSuffix(w, "ين"))
}

// dual reads the dual of a counted noun at token k, maybe with a proclitic ("بيومين", "وطفلين"), as a number
// of value 2 and the unit the noun names ("كيلومترين" is 2 km). "ساعتين ونصف" is 2.5. A dual adjective that
// agrees with it ("شخصان مسلحان") is skipped, and a dual followed by the number word for two ("طفلين اثنين")
// is left to the number word, so neither counts twice. The definite dual ("الشخصين") points back to people
// already counted, as "الدول الثلاث" does, so the table holds no form with the article.
func (p *parser) dual(k int) (numResult, string, bool) {
	t := &p.toks[k]
	w := p.word(k)
	f, ok := p.e.dualIdx[w]
	if !ok || f.clitic > 0 && strings.HasSuffix(w, "ان") && strings.ContainsAny(w[:len(w)-len(f.base)], "بلك") {
		// After a preposition a noun is genitive and its dual ends in ين: "بولدان" is a name, not ب + ولدان.
		return numResult{}, "", false
	}
	if p.next(k) && p.wordIn(k-1, p.e.nameHeads) {
		return numResult{}, "", false
	}
	noun := p.e.duals[f.base]
	n := numResult{first: k, next: k + 1, start: p.skipLetters(t.start, f.clitic), end: t.end, value: 2,
		scaled: true, noun: true, class: noun.class}
	if p.next(k + 1) {
		if nw, ok := p.lookup(p.word(k + 1)); ok && nw.kind == kindUnit && nw.value == 2 {
			return numResult{}, "", false
		}
	}
	unit := noun.unit
	if unit != "" {
		unit, n.next = p.power(unit, n.next)
	} else if c, conj, ok := p.follow(n.next, true, false); ok && conj && c.kind == kindFrac {
		n.value += c.value
		n.next = c.next
		if p.next(n.next) && p.word(n.next) == "ال"+noun.singular {
			n.next++ // "عامين ونصف العام", as "مليون ونصف المليون"
		}
	}
	n.end = p.toks[n.next-1].end
	if p.next(n.next) {
		if _, ok := p.e.duals[p.word(n.next)]; ok {
			n.next++
		}
	}
	return n, unit, true
}

// rangeEnd reads the far end of a range after the bare number n, "بين 3 و5 آلاف", "من 20 إلى 30 بالمئة",
// "16و18 ألف ريال", and returns the scale and unit that the near end shares with it.
func (p *parser) rangeEnd(n numResult) (scale float64, unit string, ok bool) {
	j := n.next
	if j >= len(p.toks) || !p.near(j) {
		return 0, "", false
	}
	switch w := p.word(j); {
	case w == "و" || w == "الي" || w == "حتي":
		j++
	case p.toks[j].kind == tokNum && isDash(strings.TrimSpace(p.text[p.toks[j-1].end:p.toks[j].start])):
	case p.toks[j].kind == tokWord && strings.HasPrefix(w, "و"):
	default:
		return 0, "", false
	}
	if j >= len(p.toks) || !p.near(j) {
		return 0, "", false
	}
	m, ok := p.number(j)
	if !ok {
		return 0, "", false
	}
	scale = 1
	if m.firstScale > 0 {
		scale = m.firstScale
	}
	unit, _, _ = p.unit(m.next)
	if m.firstScale == 0 && unit == "" || n.value >= m.value/scale {
		return 0, "", false
	}
	return scale, unit, true
}

// quantity reads a quantity starting at token i: [qualifier] number [unit] [qualifier]. When it finds a
// number that is not a quantity it returns false and the token after that number.
func (p *parser) quantity(i int) (marsad.Quantity, int, bool) {
	var q marsad.Quantity
	start := -1
	k := i
	if code, end, clitic := p.matchPhrase(p.e.pre, p.e.preIdx, i, false); clitic >= 0 && p.next(end) {
		q.Approx = code
		start = p.skipLetters(p.toks[i].start, clitic)
		k = end
	}
	n, ok := p.number(k)
	if !ok {
		if !p.mayBeDual(k) {
			return q, 0, false
		}
		if n, q.Unit, ok = p.dual(k); !ok {
			return q, 0, false
		}
	}
	if _, end, c := p.matchPhrase(p.e.idioms, p.e.wordIdx, k, false); c >= 0 && end > k+1 {
		return q, end, false
	}
	if start < 0 {
		start = n.start
	}
	q.Value = n.value
	end := n.end
	// A currency or percent sign written before the digits ("$5", "%20" in some layouts).
	if q.Approx == "" && n.digitsOnly && k > 0 && p.toks[k-1].kind == tokSym && p.toks[k-1].end == p.toks[k].start &&
		(k < 2 || p.toks[k-2].kind != tokNum) {
		if code, _, c := p.matchPhrase(p.e.units, nil, k-1, false); c == 0 {
			q.Unit = code
			start = p.toks[k-1].start
		}
	}
	if n.digitsOnly && p.next(n.next) && p.e.era[p.word(n.next)] && (isYearLike(&p.toks[k]) || p.word(n.next) == "ه") {
		return q, n.next, false // "2015م", "1436 هـ", "عيد طيبة 36هـ"; but "500 م" is metres
	}
	if q.Unit == "" && !n.noun {
		if code, uend, ok := p.unit(n.next); ok {
			q.Unit, n.next, end = code, uend, p.toks[uend-1].end
		}
	}
	if q.Approx == "" && p.next(n.next) {
		if code, pend, c := p.matchPhrase(p.e.post, nil, n.next, false); c == 0 {
			q.Approx = code
			n.next = pend
			end = p.toks[pend-1].end
		}
	}
	ranged := false
	if q.Unit == "" && !n.scaled {
		var scale float64
		if scale, q.Unit, ranged = p.rangeEnd(n); ranged {
			q.Value = round12(n.value * scale)
		}
	}
	if q.Unit == "" && q.Approx == "" && !ranged && !n.noun && p.notQuantity(n) {
		return q, n.next, false
	}
	if open, close, ok := p.enclosed(k); ok {
		switch {
		case start == n.start && end > close:
			start = open // "(18.999.887) ريالاً" keeps both brackets
		case start < open && end < close:
			end = close // "أكثر من (30)"
		}
	}
	if q.Unit == "" {
		q.Counted = n.class
		if !n.noun && p.next(n.next) {
			q.Counted = p.e.classes[p.word(n.next)]
		}
	}
	q.Span = marsad.SpanOf(p.text, start, end)
	return q, n.next, true
}

// unsafeString views b as a string without copying; the parser only reads it while the buffer is unchanged.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
