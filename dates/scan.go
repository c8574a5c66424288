package dates

import (
	"bytes"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// token is a word of the text with its matching forms.
type token struct {
	start, end int
	// f is the folded word; b is f without a leading و/ف and ب/ل/ك ("وبالأمس" → "الامس", "للعام" → "العام"),
	// or f itself when there is none. Tables are tried with f first, so "فبراير" stays a month.
	f, b string
	// pre is the length in text of what b strips, so a span can start after it (0 for the fused "لل").
	pre int
}

// scanner holds the per-call state; Extractor pools them so a call allocates little beyond its results.
type scanner struct {
	lx    *lexicon
	text  string
	pub   time.Time
	known bool
	words []arabic.Token
	tk    []token
	offs  []int // folded offsets per token: f start, f end, b start, b end
	buf   []byte
	out   []marsad.Date
	first int // index in out of this call's first date
	// hijriDays indexes the dates in out converted from Hijri days.
	hijriDays []int
}

// reset prepares the scan of text. words and folded are the words of text and their folded forms
// (marsad.Document.Words), or nil for the scanner to find them.
func (s *scanner) reset(lx *lexicon, text string, pub time.Time, dst []marsad.Date, words []arabic.Token, folded []string) {
	s.lx, s.text, s.pub, s.known, s.out, s.first = lx, text, pub, !pub.IsZero(), dst, len(dst)
	s.hijriDays = s.hijriDays[:0]
	if words == nil {
		s.words = arabic.AppendTokens(s.words[:0], text)
		words = s.words
	}
	s.buf, s.offs, s.tk = s.buf[:0], s.offs[:0], s.tk[:0]
	if n := len(text) + len(text)/8; cap(s.buf) < n {
		s.buf = make([]byte, 0, n)
	}
	s.tk = slices.Grow(s.tk, len(words))
	s.offs = slices.Grow(s.offs, 4*len(words))
	for i, w := range words {
		fa := len(s.buf)
		if folded != nil {
			s.buf = append(s.buf, folded[i]...)
		} else {
			s.buf = arabic.AppendFold(s.buf, text[w.Start:w.End])
		}
		fe := len(s.buf)
		ba, be, pre := fa, fe, 0
		f := s.buf[fa:fe]
		strip := 0
		if (hasRune(f, 'و') || hasRune(f, 'ف')) && utf8.RuneCount(f) >= 3 {
			strip, f = 1, f[2:]
		}
		switch {
		case bytes.HasPrefix(f, []byte("لل")) && utf8.RuneCount(f) >= 4:
			// ل + article: "للعام" is read as "العام"; the span keeps the whole word.
			s.buf = append(s.buf, "ا"...)
			s.buf = append(s.buf, f[2:]...)
			ba, be = fe, len(s.buf)
			strip = -1
		case (hasRune(f, 'ب') || hasRune(f, 'ل') || hasRune(f, 'ك')) && utf8.RuneCount(f) >= 3:
			strip++
			f = f[2:]
		}
		if strip > 0 {
			ba = fe - len(f)
			pre = skipLetters(text[w.Start:w.End], strip)
		}
		s.offs = append(s.offs, fa, fe, ba, be)
		s.tk = append(s.tk, token{start: w.Start, end: w.End, pre: pre})
	}
	// The folded words are views of s.buf, which is not touched again until the next reset: no copy of the
	// folded text is made, and none of these strings outlives the call (dates point into text).
	all := unsafe.String(unsafe.SliceData(s.buf), len(s.buf))
	for i := range s.tk {
		o := s.offs[4*i : 4*i+4]
		s.tk[i].f, s.tk[i].b = all[o[0]:o[1]], all[o[2]:o[3]]
	}
}

// hasRune reports whether folded word b starts with the two-byte Arabic letter r.
func hasRune(b []byte, r rune) bool {
	c, n := utf8.DecodeRune(b)
	return n == 2 && c == r
}

// skipLetters returns the byte length of the first n letters of w with the diacritics that follow them.
func skipLetters(w string, n int) int {
	i := 0
	for i < len(w) {
		r, size := utf8.DecodeRuneInString(w[i:])
		if r == arabic.Tatweel || arabic.IsDiacritic(r) {
			i += size
			continue
		}
		if n == 0 {
			break
		}
		n--
		i += size
	}
	return i
}

func (s *scanner) run() {
	for i := 0; i < len(s.tk); {
		t := &s.tk[i]
		if !startsDigit(t.f) && !startsDigit(t.b) && !s.lx.starts[t.f] && !s.lx.starts[t.b] && !articleDigit(t.f) {
			i++
			continue
		}
		if next := s.at(i); next > i {
			i = next
		} else {
			i++
		}
	}
	s.agree()
}

// at tries every kind of expression at token i and returns the index after the one it found, or i.
func (s *scanner) at(i int) int {
	for _, try := range [...]func(*scanner, int) int{(*scanner).like, (*scanner).numeric, (*scanner).absolute,
		(*scanner).year, (*scanner).relative} {
		if next := try(s, i); next > i {
			return next
		}
	}
	return i
}

// emitHijri emits a date converted from the Hijri calendar and remembers it for agree.
func (s *scanner) emitHijri(start, end int, v value) {
	if v.gran == granDay {
		s.hijriDays = append(s.hijriDays, len(s.out))
	}
	s.emit(start, end, v)
}

// agree copies onto each converted Hijri day the Gregorian date the text pairs with it ("25 شوال 1436 هـ
// الموافق 10 أغسطس 2015 م"), which is exact where the tabular conversion can be a day or two off.
func (s *scanner) agree() {
	for _, h := range s.hijriDays {
		for _, g := range [2]int{h + 1, h - 1} {
			if g < 0 || g >= len(s.out) || g < s.first {
				continue
			}
			a, b := s.out[min(h, g)], s.out[max(h, g)]
			between := s.text[a.End:b.Start]
			other := s.out[g]
			if len(between) > 40 || !strings.Contains(between, "الموافق") || other.Relative || len(other.Value) != 10 {
				continue
			}
			t1, err1 := time.Parse(time.DateOnly, s.out[h].Value)
			t2, err2 := time.Parse(time.DateOnly, other.Value)
			if err1 == nil && err2 == nil && t1.Sub(t2).Abs() <= 48*time.Hour {
				s.out[h].Value = other.Value
				break
			}
		}
	}
}

func (s *scanner) emit(start, end int, v value) {
	d := marsad.Date{Span: marsad.SpanOf(s.text, start, end), Relative: v.rel}
	if v.rel && !s.known {
		d.Unresolved = true
	} else {
		d.Value = v.iso()
	}
	s.out = append(s.out, d)
}

// sep returns the punctuation between token j-1 and token j with spaces trimmed: "" when only spaces separate
// them, "\n" across a line break, which no expression crosses.
func (s *scanner) sep(j int) string {
	g := s.text[s.tk[j-1].end:s.tk[j].start]
	if strings.IndexByte(g, '\n') >= 0 {
		return "\n"
	}
	return strings.TrimFunc(g, isSpace)
}

// gapFrom is sep for the text between byte offset from (the end of an expression so far) and token j.
func (s *scanner) gapFrom(from, j int) string {
	g := s.text[from:s.tk[j].start]
	if strings.IndexByte(g, '\n') >= 0 {
		return "\n"
	}
	return strings.TrimFunc(g, isSpace)
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u200f' }

// adj reports whether token j exists and follows token j-1 with only spaces between.
func (s *scanner) adj(j int) bool { return j > 0 && j < len(s.tk) && s.sep(j) == "" }

// in reports whether token j exists and its folded form is in m.
func (s *scanner) in(j int, m map[string]int) bool {
	if j >= len(s.tk) {
		return false
	}
	_, ok := m[s.tk[j].f]
	return ok
}

// word looks token j up in m, with its proclitics stripped too when clitic is set.
func (s *scanner) word(j int, m map[string]int, clitic bool) (v int, usedB, ok bool) {
	if j >= len(s.tk) {
		return 0, false, false
	}
	if v, ok := m[s.tk[j].f]; ok {
		return v, false, true
	}
	if clitic && s.tk[j].b != s.tk[j].f {
		if v, ok := m[s.tk[j].b]; ok {
			return v, true, true
		}
	}
	return 0, false, false
}

// prevIn reports whether the word before token j, in the same clause, is in m ("في" before "آذار").
func (s *scanner) prevIn(j int, m map[string]int) bool {
	if j == 0 || s.sep(j) != "" {
		return false
	}
	_, ok := m[s.tk[j-1].f]
	if !ok {
		_, ok = m[s.tk[j-1].b]
	}
	return ok
}

// startOf is where a span beginning at token j starts.
func (s *scanner) startOf(j int, usedB bool) int {
	if usedB {
		return s.tk[j].start + s.tk[j].pre
	}
	return s.tk[j].start
}

// match finds the longest phrase of t starting at token j.
func (s *scanner) match(t *trie, j int, clitic bool) (v, next int, usedB, ok bool) {
	if j >= len(s.tk) {
		return 0, 0, false, false
	}
	if v, next, ok = s.matchFrom(t, j, s.tk[j].f); ok {
		return v, next, false, true
	}
	if clitic && s.tk[j].b != s.tk[j].f {
		if v, next, ok = s.matchFrom(t, j, s.tk[j].b); ok {
			return v, next, true, true
		}
	}
	return 0, 0, false, false
}

func (s *scanner) matchFrom(t *trie, j int, w string) (v, next int, ok bool) {
	node := t.kids[w]
	for k := j + 1; node != nil; k++ {
		if node.ok {
			v, next, ok = node.val, k, true
		}
		if node.kids == nil || !s.adj(k) {
			break
		}
		node = node.kids[s.tk[k].f]
	}
	return v, next, ok
}

// digitsOf splits a folded word into its leading ASCII digits (value and count) and the rest.
func digitsOf(w string) (n, nd int, rest string) {
	for nd < len(w) && w[nd] >= '0' && w[nd] <= '9' {
		if nd < 9 {
			n = n*10 + int(w[nd]-'0')
		}
		nd++
	}
	return n, nd, w[nd:]
}

// card reads cardinal words from token j: "ألفين وأربعة عشر" = 2014, "ثلاثة" = 3. Later words must carry
// the conjunction و. It returns the sum, the index after the last word and the number of parts.
func (s *scanner) card(j int) (total, next, parts int) {
	k := j
	for k < len(s.tk) {
		w := s.tk[k].f
		if parts > 0 {
			if !s.adj(k) || !strings.HasPrefix(w, "و") {
				break
			}
			w = w[len("و"):]
		}
		c, ok := s.lx.cards[w]
		if !ok {
			break
		}
		k++
		if c < 10 && s.adj(k) {
			switch s.tk[k].f {
			case "عشر", "عشره":
				c += 10
				k++
			case "مئه", "مائه":
				c *= 100
				k++
			}
		}
		total += c
		parts++
	}
	return total, k, parts
}

// like reads "(في) مثل هذا اليوم قبل سنتين" and "مثل هذا اليوم من العام الماضي / من عام 2019": publication's
// day and month in another year.
func (s *scanner) like(i int) int {
	_, usedB, ok := s.word(i, s.lx.like, true)
	if !ok || !s.adj(i+1) || !s.in(i+1, s.lx.this) || !s.adj(i+2) || !s.in(i+2, s.lx.today) || !s.adj(i+3) {
		return i
	}
	k := i + 3
	var t time.Time
	end := 0
	switch {
	case s.in(k, s.lx.ago):
		n, kind, next, ok := s.countUnit(k + 1)
		if !ok {
			return i
		}
		switch kind {
		case 1:
			t = s.pub.AddDate(0, 0, -n)
		case 2:
			t = s.pub.AddDate(0, 0, -7*n)
		case 3:
			t = s.pub.AddDate(0, -n, 0)
		default:
			t = s.pub.AddDate(-n, 0, 0)
		}
		end = next
	case s.in(k, s.lx.of) && s.adj(k+1):
		yp := s.yearPart(k, s.tk[k-1].end, false)
		if !yp.ok || yp.hijri {
			return i
		}
		y := yp.y
		if yp.rel {
			y = s.pub.Year() + yp.off
		}
		t = time.Date(y, s.pub.Month(), s.pub.Day(), 0, 0, 0, 0, time.UTC)
		end = yp.next
	default:
		return i
	}
	s.emit(s.startOf(i, usedB), s.tk[end-1].end, dayValue(t, true))
	return end
}

// countUnit reads "[count] unit" at j: "ثلاثة أيام", "أسبوعين", "5 سنوات", "شهر".
func (s *scanner) countUnit(j int) (n, kind, next int, ok bool) {
	if j >= len(s.tk) || !s.adj(j) {
		return 0, 0, 0, false
	}
	counted := false
	if v, nd, rest := digitsOf(s.tk[j].f); nd > 0 {
		if rest != "" || nd > 3 || v == 0 {
			return 0, 0, 0, false
		}
		n, counted, j = v, true, j+1
	} else if v, k, parts := s.card(j); parts > 0 && v < 100 {
		n, counted, j = v, true, k
	}
	if counted && !s.adj(j) {
		return 0, 0, 0, false
	}
	u, _, ok := s.word(j, s.lx.unit, false)
	if !ok {
		return 0, 0, 0, false
	}
	switch u % 10 {
	case 2:
		if counted {
			return 0, 0, 0, false
		}
		n = 2
	case 1:
		if !counted {
			n = 1
		}
	default:
		if !counted {
			return 0, 0, 0, false
		}
	}
	// "قبل يوم واحد"
	if u%10 == 1 && s.adj(j+1) && (s.tk[j+1].f == "واحد" || s.tk[j+1].f == "واحده") {
		j++
	}
	// "منذ عام 2011" is a year, not "a year ago".
	if j+1 < len(s.tk) && s.adj(j+1) {
		if _, nd, _ := digitsOf(s.tk[j+1].f); nd > 0 {
			return 0, 0, 0, false
		}
	}
	return n, u / 10, j + 1, true
}

// numeric reads 15/3/2022, 2022-03-15, ٢٠١٩/٠٣/٢٣ and the Saudi "26 / 9 / 1436هـ".
func (s *scanner) numeric(i int) int {
	v, end, next, usedB, hij, ok := s.numericDate(i, true)
	if !ok {
		return i
	}
	if hij {
		s.emitHijri(s.startOf(i, usedB), end, v)
	} else {
		s.emit(s.startOf(i, usedB), end, v)
	}
	return next
}

// numericDate parses a numeric date at i without emitting it.
func (s *scanner) numericDate(i int, clitic bool) (v value, end, next int, usedB, hij, ok bool) {
	if i+2 >= len(s.tk) {
		return
	}
	first := s.tk[i].f
	if clitic && !startsDigit(first) && startsDigit(s.tk[i].b) {
		first, usedB = s.tk[i].b, true
	}
	a, na, ra := digitsOf(first)
	b, nb, rb := digitsOf(s.tk[i+1].f)
	c, nc, rc := digitsOf(s.tk[i+2].f)
	if na == 0 || ra != "" || nb == 0 || nb > 2 || rb != "" || nc == 0 {
		return
	}
	sep := s.sep(i + 1)
	if sep != s.sep(i+2) || sep != "/" && sep != "-" && sep != "." && sep != "\\" {
		return
	}
	// Part of a longer run of numbers (a phone or reference number)?
	if i > 0 && isSep(s.sep(i)) && startsDigit(s.tk[i-1].f) ||
		i+3 < len(s.tk) && isSep(s.sep(i+3)) && startsDigit(s.tk[i+3].f) {
		return
	}
	var y, m, d int
	era := rc
	switch {
	case na == 4 && nc <= 2:
		y, m, d = a, b, c
	case na <= 2 && (nc == 4 || nc == 3 && rc == "ه"):
		d, m, y = a, b, c
	default:
		return
	}
	if era != "" && era != "م" && era != "ه" {
		return
	}
	end, next = s.tk[i+2].end, i+3
	if era == "" && s.adj(next) {
		if s.in(next, s.lx.hijri) {
			era, end, next = "ه", s.tk[next].end, next+1
		} else if s.in(next, s.lx.greg) {
			era, end, next = "م", s.tk[next].end, next+1
		}
	}
	// An unmarked year in 1300-1499 is a Hijri year: Saudi documents often omit the هـ.
	hij = era == "ه" || era == "" && y >= 1300 && y < 1500
	switch {
	case hij:
		if y < 1 || y > 1600 || m < 1 || m > 12 || d < 1 || d > 30 {
			return
		}
		v = hijri(s.lx.moon, y, m, d)
	case y >= 1800 && y <= 2200 && validDay(y, m, d):
		v = value{y, m, d, granDay, false}
	default:
		return
	}
	return v, end, next, usedB, hij, true
}

func isSep(g string) bool { return g == "/" || g == "-" || g == "." || g == "\\" || g == ":" }

func startsDigit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// articleDigit reports a number written with the article, "الـ22" (folded "ال22").
func articleDigit(w string) bool {
	rest, ok := strings.CutPrefix(w, "ال")
	return ok && startsDigit(rest)
}

// absolute reads an expression that may start with a weekday ("يوم الخميس 9 آذار 2019", "الخميس الماضي",
// "اليوم السبت", "أمس الخميس") or with a day or month ("الثالث والعشرين من مارس عام 2019", "آذار الماضي").
func (s *scanner) absolute(i int) int {
	wd, p, deictic, isDeictic := -1, i, 0, false
	var start int
	if _, b, ok := s.word(i, s.lx.dayword, true); ok && s.adj(i+1) {
		if v, ok := s.lx.weekdays[s.tk[i+1].f]; ok {
			wd, p, start = v, i+2, s.startOf(i, b)
		}
	}
	if wd < 0 {
		if v, b, ok := s.word(i, s.lx.weekdays, true); ok {
			wd, p, start = v, i+1, s.startOf(i, b)
		} else if d, b, ok := s.deictic(i); ok && s.adj(i+1) && s.in(i+1, s.lx.weekdays) {
			deictic, isDeictic, p, start = d, true, i+2, s.startOf(i, b)
		}
	}
	if wd < 0 && !isDeictic {
		return s.core(i, -1, -1)
	}
	// "الأحد عشر" is eleven; "مع الاثنين" is "with both".
	if wd == 0 && s.adj(p) && (s.tk[p].f == "عشر" || s.tk[p].f == "عشره") || wd == 1 && p == i+1 && s.prevIn(i, s.lx.both) {
		return i
	}
	if q := p; q < len(s.tk) {
		if g := s.sep(q); g == "" || g == "،" || g == "," {
			if s.in(q, s.lx.agree) && s.adj(q+1) {
				q++
			}
			if end := s.core(q, start, wd); end > q {
				return end
			}
			if v, end, next, _, hij, ok := s.numericDate(q, false); ok {
				if hij && wd >= 0 {
					v = nearWeekday(v, wd)
				}
				if hij {
					s.emitHijri(start, end, v)
				} else {
					s.emit(start, end, v)
				}
				return next
			}
		}
	}
	if isDeictic {
		s.emit(start, s.tk[p-1].end, dayValue(s.pub.AddDate(0, 0, deictic), true))
		return p
	}
	if s.prevIn(i, s.lx.generic) {
		// "أيام الجمعة والسبت": the whole list is habitual.
		for s.adj(p) && strings.HasPrefix(s.tk[p].f, "و") && !s.in(p, s.lx.weekdays) {
			if _, ok := s.lx.weekdays[s.tk[p].b]; !ok {
				break
			}
			p++
		}
		return p
	}
	mod, end, weeks := 0, p, 0
	if v, _, ok := s.word(p, s.lx.mod, false); ok && s.adj(p) && v != 0 {
		mod, end = v, p+1
	} else if v2, _, ok := s.word(p+1, s.lx.mod, false); ok && s.adj(p) && s.adj(p+1) &&
		(v2 < 0 && s.in(p, s.lx.ago) || v2 > 0 && s.in(p, s.lx.after)) {
		// "الأربعاء بعد المقبل", "الخميس قبل الماضي": one more week.
		mod, end, weeks = v2, p+2, v2
	} else if s.future(i) {
		mod = 2
	}
	s.emit(start, s.tk[end-1].end, dayValue(weekday(s.pub, wd, mod).AddDate(0, 0, 7*weeks), true))
	return end
}

// deictic reports "اليوم" (0), "أمس" (-1) or "غداً" (1) at token j.
func (s *scanner) deictic(j int) (off int, usedB, ok bool) {
	if _, b, ok := s.word(j, s.lx.today, true); ok {
		return 0, b, true
	}
	if v, b, ok := s.word(j, s.lx.yesterday, true); ok {
		return v, b, true
	}
	if v, b, ok := s.word(j, s.lx.tomorrow, true); ok {
		return v, b, true
	}
	return 0, false, false
}

// core reads day? (من)? month (pairing)? (year | modifier)? at p. With start >= 0 a weekday (wd, or -1 for
// "اليوم"/"أمس") came before, the span starts at start and a day is required; with start -1 the span
// starts at p.
func (s *scanner) core(p, start, wd int) int {
	prefixed := start >= 0
	q, day, ord := p, 0, false
	if d, nq, ordinal, usedB, ok := s.day(q, !prefixed); ok {
		if !prefixed {
			start = s.startOf(q, usedB)
		}
		day, ord, q = d, ordinal, nq
	}
	hadOf, slashed := false, false
	if day > 0 {
		// "7 / يوليو / 2015"
		if q >= len(s.tk) {
			return p
		}
		if g := s.sep(q); (g == "/" || g == "-") && !startsDigit(s.tk[q].f) {
			slashed = true
		} else if !s.adj(q) {
			return p
		}
		if s.in(q, s.lx.of) && s.adj(q+1) {
			q, hadOf = q+1, true
		}
		// An ordinal is a day only as "الثالث من آذار" in a context where a date can stand: not in
		// "النصف الثاني من آذار".
		if ord && (!hadOf || !prefixed && !s.ordContext(p)) {
			return p
		}
	} else if prefixed {
		return p
	}
	monthKw := false
	if day > 0 && hadOf && s.in(q, s.lx.monthword) && s.adj(q+1) {
		// "الثامن من شهر أغسطس"
		if _, _, _, ok := s.match(&s.lx.months, q+1, false); ok {
			q++
		}
	}
	if day == 0 {
		if _, b, ok := s.word(q, s.lx.monthword, true); ok && s.adj(q+1) {
			if _, _, _, ok := s.match(&s.lx.months, q+1, false); ok {
				start, monthKw, q = s.startOf(q, b), true, q+1
			}
		}
	}
	mq := q
	mv, r, endByte, usedB, ok := s.month(q, day == 0 && !monthKw)
	if !ok {
		if day > 0 && hadOf {
			return s.dayOfPeriod(p, q, start, day)
		}
		return p
	}
	if day == 0 && !monthKw {
		start = s.startOf(q, usedB)
	}
	m, hij, weak := mv&0xff, mv&monthHijri != 0, mv&monthWeak != 0
	gran := granMonth
	if day > 0 {
		gran = granDay
	}
	yp := s.yearPart(r, endByte, slashed)
	if hij && !yp.ok && day <= 30 {
		// "5 ذي القعدة المقبل": a Hijri month relative to the Hijri date of publication.
		if mod, _, ok := s.word(r, s.lx.mod, false); ok && s.gapFrom(endByte, r) == "" {
			hy, hm, _ := toHijri(s.pub)
			switch {
			case mod < 0 && m >= hm:
				hy--
			case mod > 0 && m <= hm:
				hy++
			}
			v := hijri(s.lx.moon, hy, m, day)
			if wd >= 0 && day > 0 {
				v = nearWeekday(v, wd)
			}
			v.rel = true
			s.emitHijri(start, s.tk[r].end, v)
			return r + 1
		}
	}
	if hij {
		if !yp.ok || yp.rel || yp.greg || yp.y > 1600 || day > 30 {
			return p
		}
		v := hijri(s.lx.moon, yp.y, m, day)
		if wd >= 0 && day > 0 {
			v = nearWeekday(v, wd)
		}
		s.emitHijri(start, yp.endByte, v)
		return yp.next
	}
	if yp.ok {
		if yp.hijri {
			return p
		}
		y := yp.y
		if yp.rel {
			y = s.pub.Year() + yp.off
		}
		if day > 0 && !validDay(y, m, day) && !(yp.rel && !s.known) {
			return p
		}
		s.emit(start, yp.endByte, value{y, m, day, gran, yp.rel})
		return yp.next
	}
	if day > daysIn(2000, m) {
		return p
	}
	if v, _, ok := s.word(r, s.lx.mod, false); ok && s.gapFrom(endByte, r) == "" {
		y := monthRelative(s.pub, m, v)
		// "الخامس من أغسطس المقبل" written on 1 August is this 5 August.
		if day > 0 && m == int(s.pub.Month()) && (v > 0 && day > s.pub.Day() || v < 0 && day < s.pub.Day()) {
			y = s.pub.Year()
		}
		if day > 0 && !validDay(y, m, day) && s.known {
			return p
		}
		s.emit(start, s.tk[r].end, value{y, m, day, gran, true})
		return r + 1
	}
	if day > 0 {
		v, ok := dayNearest(s.pub, m, day, s.future(p), wd)
		if !ok && s.known {
			return p
		}
		v.rel = true
		s.emit(start, endByte, v)
		return r
	}
	// A month alone ("في آذار") is a date only after a word that introduces one, after شهر, or joined by و
	// to a date just found ("شهري حزيران وتموز").
	joined := usedB && strings.HasPrefix(s.tk[mq].f, "و") && len(s.out) > s.first && mq > 0 &&
		s.out[len(s.out)-1].End == s.tk[mq-1].end && s.sep(mq) == ""
	if weak && !monthKw || !monthKw && !joined && !s.prevIn(mq, s.lx.ctx) {
		return p
	}
	s.emit(start, endByte, value{monthNearest(s.pub, m, s.future(mq)), m, 0, granMonth, true})
	return r
}

// dayOfPeriod reads "15 من الشهر الماضي" (q at الشهر): a day of a month relative to publication.
func (s *scanner) dayOfPeriod(p, q, start, day int) int {
	kind, _, ok := s.word(q, s.lx.period, false)
	if !ok || kind != 3 || !s.adj(q+1) {
		return p
	}
	mod, _, ok := s.word(q+1, s.lx.mod, false)
	if !ok {
		return p
	}
	v := shift(s.pub, 3, mod)
	if !validDay(v.y, v.m, day) && s.known {
		return p
	}
	v.d, v.gran = day, granDay
	s.emit(start, s.tk[q+1].end, v)
	return q + 2
}

// future reports whether a word of the future ("سوف", "المقرر") comes shortly before token i in its sentence.
func (s *scanner) future(i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if strings.ContainsAny(s.sep(k+1), ".!?؟؛\n") {
			return false
		}
		if _, _, ok := s.word(k, s.lx.future, true); ok {
			return true
		}
	}
	return false
}

// ordContext reports whether an ordinal at p may be a day: at the start of a clause or after a word such as
// "في" or "يوم".
func (s *scanner) ordContext(p int) bool {
	return p == 0 || s.sep(p) != "" || s.prevIn(p, s.lx.ordctx)
}

// day reads a day of the month at j: one or two digits, or an ordinal word ("الثالث والعشرين").
func (s *scanner) day(j int, clitic bool) (d, next int, ordinal, usedB, ok bool) {
	if j >= len(s.tk) {
		return 0, 0, false, false, false
	}
	w := s.tk[j].f
	if clitic && !startsDigit(w) && startsDigit(s.tk[j].b) {
		w, usedB = s.tk[j].b, true
	}
	// "الـ22 من تموز": the article before a day number.
	if articleDigit(w) {
		w = w[len("ال"):]
	}
	if v, nd, rest := digitsOf(w); nd > 0 {
		if nd > 2 || rest != "" || v < 1 || v > 31 {
			return 0, 0, false, false, false
		}
		return v, j + 1, false, usedB, true
	}
	if v, next, usedB, ok := s.match(&s.lx.ordinals, j, clitic); ok {
		return v, next, true, usedB, true
	}
	return 0, 0, false, false, false
}

// month reads a month name at j with an optional second name of the other series: "تشرين الأول/أكتوبر",
// "تشرين الأول (أكتوبر)", "آذار - مارس". endByte covers a closing parenthesis.
func (s *scanner) month(j int, clitic bool) (v, next, endByte int, usedB, ok bool) {
	v, next, usedB, ok = s.match(&s.lx.months, j, clitic)
	if !ok {
		return 0, 0, 0, false, false
	}
	endByte = s.tk[next-1].end
	if next >= len(s.tk) || v&monthHijri != 0 {
		return v, next, endByte, usedB, true
	}
	switch g := s.sep(next); g {
	case "", "/", "(", "-", "–", "\\":
		v2, next2, _, ok2 := s.match(&s.lx.months, next, false)
		if !ok2 || v2&0xff != v&0xff || v2&monthHijri != 0 {
			break
		}
		next, endByte = next2, s.tk[next2-1].end
		if g == "(" {
			rest := strings.TrimLeft(s.text[endByte:], " ")
			if strings.HasPrefix(rest, ")") {
				endByte = len(s.text) - len(rest) + 1
			}
		}
	}
	return v, next, endByte, usedB, true
}

// yearPart is the year after a month: "2019", "عام 2019", "من العام 2019", "1436هـ", "عام ألفين وتسعة عشر",
// or relative "من العام الماضي" (rel, off -1).
type yearPart struct {
	y, off        int
	rel           bool
	hijri, greg   bool
	next, endByte int
	ok            bool
}

func (s *scanner) yearPart(r, from int, slashed bool) yearPart {
	if r >= len(s.tk) {
		return yearPart{}
	}
	if g := s.gapFrom(from, r); g != "" && g != "،" && g != "," && !(slashed && (g == "/" || g == "-")) {
		return yearPart{}
	}
	j, kw := r, false
	if s.in(j, s.lx.of) {
		j++
		if !s.adj(j) {
			return yearPart{}
		}
	}
	if s.in(j, s.lx.this) && s.adj(j+1) {
		if k, _, ok := s.word(j+1, s.lx.period, false); ok && k == 4 {
			return yearPart{rel: true, next: j + 2, endByte: s.tk[j+1].end, ok: true}
		}
	}
	if s.in(j, s.lx.yearkw) {
		if !s.adj(j + 1) {
			return yearPart{}
		}
		if strings.HasPrefix(s.tk[j].f, "ال") {
			if v, _, ok := s.word(j+1, s.lx.mod, false); ok {
				return yearPart{off: v, rel: true, next: j + 2, endByte: s.tk[j+1].end, ok: true}
			}
		}
		j, kw = j+1, true
	} else if j > r && !startsDigit(s.tk[j].f) {
		return yearPart{}
	}
	y, next, endByte, _, hij, greg, ok := s.yearNum(j, kw, false)
	if !ok || !hij && (y < 1000 || y > 2200) {
		return yearPart{}
	}
	return yearPart{y: y, hijri: hij, greg: greg, next: next, endByte: endByte, ok: true}
}

// yearNum reads a year number at j: three or four digits with an optional era ("2019م", "1436هـ",
// "1430 هـ", "1962 ميلادي"), or, with words set, a year in words ("ألفين وأربعة عشر").
func (s *scanner) yearNum(j int, words, clitic bool) (y, next, endByte int, usedB, hij, greg, ok bool) {
	if j >= len(s.tk) {
		return
	}
	w := s.tk[j].f
	if clitic && !startsDigit(w) && startsDigit(s.tk[j].b) {
		w, usedB = s.tk[j].b, true
	}
	v, nd, rest := digitsOf(w)
	switch {
	case nd >= 3 && nd <= 4 && (rest == "" || rest == "م" || rest == "ه"):
		y, next = v, j+1
		hij, greg = rest == "ه", rest == "م"
	case nd == 0 && words:
		v, k, parts := s.card(j)
		if parts == 0 || v < 1000 || v > 2100 {
			return
		}
		y, next = v, k
	default:
		return
	}
	endByte = s.tk[next-1].end
	// "1436/1437هـ": a Hijri year span written as two years.
	if nd > 0 && rest == "" && next < len(s.tk) && s.sep(next) == "/" {
		if v2, nd2, rest2 := digitsOf(s.tk[next].f); nd2 == nd && v2 == v+1 &&
			(rest2 == "ه" || rest2 == "" && s.adj(next+1) && s.in(next+1, s.lx.hijri)) {
			hij = true
		}
	}
	if !hij && !greg && s.adj(next) {
		if s.in(next, s.lx.hijri) {
			hij, endByte, next = true, s.tk[next].end, next+1
		} else if s.in(next, s.lx.greg) {
			greg, endByte, next = true, s.tk[next].end, next+1
		}
	}
	return y, next, endByte, usedB, hij, greg, true
}

// yearValue checks a year alone and converts it: Gregorian 1000-2200, Hijri 1-1600.
func (s *scanner) yearValue(y int, hij bool) (value, bool) {
	if hij {
		if y < 1 || y > 1600 {
			return value{}, false
		}
		return hijri(s.lx.moon, y, 0, 0), true
	}
	if y < 1000 || y > 2200 {
		return value{}, false
	}
	return value{y, 0, 0, granYear, false}, true
}

// year reads a year alone: "عام 2019", "العام 2019", "عام ألفين وأربعة عشر", "1436هـ", "2015م", and a bare
// four-digit year after a word such as "في" or "منذ" ("منذ 2011", "في ألفين وتسعة عشر").
func (s *scanner) year(i int) int {
	if _, b, ok := s.word(i, s.lx.yearkw, true); ok && s.adj(i+1) {
		if y, next, endByte, _, hij, greg, ok := s.yearNum(i+1, true, false); ok {
			// "العام 1433" in a Saudi paper is Hijri: Gregorian years 1380-1450 hardly occur in news.
			hij = hij || !greg && y >= 1380 && y <= 1450
			if v, ok := s.yearValue(y, hij); ok {
				s.emit(s.startOf(i, b), endByte, v)
				return s.moreYears(next, hij)
			}
		}
	}
	if _, b, ok := s.word(i, s.lx.yearpair, true); ok && s.adj(i+1) {
		if y, next, endByte, _, hij, _, ok := s.yearNum(i+1, false, false); ok {
			if v, ok := s.yearValue(y, hij); ok {
				s.emit(s.startOf(i, b), endByte, v)
				return s.moreYears(next, hij)
			}
		}
	}
	y, next, endByte, usedB, hij, greg, ok := s.yearNum(i, false, true)
	if ok && (hij || greg || y >= 1900 && y <= 2100 && s.prevIn(i, s.lx.ctx)) {
		// A Gregorian era letter also follows lengths ("500م" is 500 metres): only 1800-2200 is a year.
		if greg && (y < 1800 || y > 2200) {
			return i
		}
		if v, ok := s.yearValue(y, hij); ok {
			s.emit(s.startOf(i, usedB), endByte, v)
			return s.moreYears(next, hij)
		}
	}
	if s.prevIn(i, s.lx.ctx) {
		// Only a thousand word starts a year: "ألفين وتسعة عشر", not "ثلاثة وعشرين".
		if v, k, parts := s.card(i); parts >= 2 && v <= 2100 && s.lx.cards[s.tk[i].f] >= 1000 {
			s.emit(s.tk[i].start, s.tk[k-1].end, value{v, 0, 0, granYear, false})
			return k
		}
	}
	return i
}

// moreYears reads the years that continue a list after one: "عامي 2011 و2015", "2014-2015".
func (s *scanner) moreYears(j int, hij bool) int {
	for j < len(s.tk) {
		k, usedB := j, false
		switch g := s.sep(j); {
		case g == "" && s.tk[j].f == "و" && s.adj(j+1):
			k = j + 1
		case g == "" && s.tk[j].b != s.tk[j].f && strings.HasPrefix(s.tk[j].f, "و"):
			usedB = true
		case g == "-" || g == "–" || g == "/":
		default:
			return j
		}
		y, next, endByte, usedB2, h, _, ok := s.yearNum(k, false, usedB)
		if !ok || usedB != usedB2 {
			return j
		}
		v, ok := s.yearValue(y, hij || h)
		if !ok {
			return j
		}
		s.emit(s.startOf(k, usedB), endByte, v)
		j = next
	}
	return j
}

// relative reads the deictic words and counted offsets: اليوم، أمس، أمس الأول، أول أمس، غداً، بعد غد،
// قبل ثلاثة أيام، الشهر الماضي، هذا العام.
func (s *scanner) relative(i int) int {
	if _, b, ok := s.word(i, s.lx.today, true); ok {
		if s.todayNoun(i) {
			return i
		}
		s.emit(s.startOf(i, b), s.tk[i].end, dayValue(s.pub, true))
		return i + 1
	}
	y, start := i, -1
	if _, b, ok := s.word(i, s.lx.dayword, true); ok && s.adj(i+1) && s.in(i+1, s.lx.yesterday) {
		// "يوم أمس" is one expression.
		y, start = i+1, s.startOf(i, b)
	}
	if _, b, ok := s.word(y, s.lx.yesterday, y == i); ok && !(s.adj(y+1) && s.in(y+1, s.lx.needs)) {
		if start < 0 {
			start = s.startOf(i, b)
		}
		if s.adj(y+1) && s.tk[y+1].f == "الاول" {
			s.emit(start, s.tk[y+1].end, dayValue(s.pub.AddDate(0, 0, -2), true))
			return y + 2
		}
		s.emit(start, s.tk[y].end, dayValue(s.pub.AddDate(0, 0, -1), true))
		return y + 1
	}
	if _, b, ok := s.word(i, s.lx.first, true); ok && !strings.HasPrefix(s.tk[i].b, "ال") && s.adj(i+1) {
		k := i + 1
		if s.in(k, s.lx.of) && s.adj(k+1) {
			k++
		}
		if s.in(k, s.lx.yesterday) {
			s.emit(s.startOf(i, b), s.tk[k].end, dayValue(s.pub.AddDate(0, 0, -2), true))
			return k + 1
		}
	}
	if _, b, ok := s.word(i, s.lx.tomorrow, true); ok {
		s.emit(s.startOf(i, b), s.tk[i].end, dayValue(s.pub.AddDate(0, 0, 1), true))
		return i + 1
	}
	if s.adj(i+1) && s.in(i+1, s.lx.morrow) {
		if _, b, ok := s.word(i, s.lx.after, true); ok { // بعد غد
			return s.emitWithWeekday(s.startOf(i, b), i+2, 2)
		}
		if _, b, ok := s.word(i, s.lx.dayword, true); ok { // يوم غد
			return s.emitWithWeekday(s.startOf(i, b), i+2, 1)
		}
	}
	if _, b, ok := s.word(i, s.lx.night, true); ok && s.adj(i+1) {
		if mod, _, ok := s.word(i+1, s.lx.mod, false); ok && mod < 0 {
			s.emit(s.startOf(i, b), s.tk[i+1].end, dayValue(s.pub.AddDate(0, 0, -1), true))
			return i + 2
		}
	}
	if _, b, ok := s.word(i, s.lx.ago, true); ok {
		if n, kind, next, ok := s.countUnit(i + 1); ok {
			// "قبل ثلاثة أيام من الانتخابات" counts from an event, not from publication.
			if s.adj(next) && (s.in(next, s.lx.of) || s.tk[next].f == "علي") {
				return next
			}
			s.emit(s.startOf(i, b), s.tk[next-1].end, shift(s.pub, kind, -n))
			return next
		}
	}
	if _, b, ok := s.word(i, s.lx.this, true); ok && s.adj(i+1) {
		if kind, _, ok := s.word(i+1, s.lx.period, false); ok {
			s.emit(s.startOf(i, b), s.tk[i+1].end, period(s.pub, kind, 0))
			return i + 2
		}
	}
	if kind, b, ok := s.word(i, s.lx.period, true); ok && s.adj(i+1) {
		if mod, _, ok := s.word(i+1, s.lx.mod, false); ok {
			s.emit(s.startOf(i, b), s.tk[i+1].end, period(s.pub, kind, mod))
			return i + 2
		}
	}
	return i
}

// emitWithWeekday emits the day off days from publication for an expression ending before token next,
// taking in a weekday that names it ("يوم غد الاثنين", "بعد غد الإثنين").
func (s *scanner) emitWithWeekday(start, next, off int) int {
	if s.adj(next) && s.in(next, s.lx.weekdays) {
		next++
	}
	s.emit(start, s.tk[next-1].end, dayValue(s.pub.AddDate(0, 0, off), true))
	return next
}

// todayNoun reports whether "اليوم" at i is the noun "the day" rather than "today": after a demonstrative
// or a word of duration (ذلك اليوم، طوال اليوم) or before an ordinal, a nisba adjective or a relative
// pronoun (اليوم الأول، اليوم العالمي، اليوم نفسه، اليوم الـ15).
func (s *scanner) todayNoun(i int) bool {
	if s.prevIn(i, s.lx.todayprev) {
		return true
	}
	// "برميل في اليوم" is "per day".
	if i >= 2 && s.prevIn(i, s.lx.ctx) && s.tk[i-1].f == "في" && s.prevIn(i-1, s.lx.perday) {
		return true
	}
	// «اليوم» alone in quotation marks is the newspaper's name.
	if t := s.tk[i]; strings.HasSuffix(s.text[:t.start+t.pre], "«") && strings.HasPrefix(s.text[t.end:], "»") {
		return true
	}
	if !s.adj(i + 1) {
		return false
	}
	w := s.tk[i+1].f
	if s.in(i+1, s.lx.todaynext) {
		return true
	}
	if _, ok := s.lx.weekdays[w]; ok {
		return false
	}
	if _, _, _, ok := s.match(&s.lx.ordinals, i+1, false); ok {
		return true
	}
	if rest, ok := strings.CutPrefix(w, "ال"); ok {
		if startsDigit(rest) || strings.HasSuffix(rest, "ي") && utf8.RuneCountInString(rest) >= 3 {
			return true
		}
	}
	return false
}
