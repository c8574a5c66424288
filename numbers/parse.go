package numbers

import (
	"math"
	"strings"
	"unicode/utf8"
)

// numResult is a number read from the tokens [first, next).
type numResult struct {
	start, end int // bytes of the number itself, after any proclitic
	first      int // first token
	next       int // token after the number
	value      float64
	// scaled is set when the number has a scale word or several components; such a phrase is a count even
	// where a bare "2019" would be a year.
	scaled     bool
	firstScale float64 // the scale of the first group: 1000 in "5 آلاف و200"
	digitsOnly bool    // a single token of digits
	noun       bool    // the dual of a counted noun: "شخصين"
	class      string  // that noun's class: person, thing or time
	kind       wordKind
}

// comp is one component of a number: a token of digits or a number word (a teen or "ثلاث مئة" spans two).
type comp struct {
	kind   wordKind // kindNone for digits
	value  float64
	digits bool
	next   int
	clitic int // letters of a proclitic before it
}

const (
	modeFirst = iota // any proclitic may be attached
	modeWa           // the word starts with the conjunction و
	modeBare         // no proclitic
)

// lookup returns the number word w, or false.
func (p *parser) lookup(w string) (numWord, bool) {
	nw, ok := p.e.words[w]
	return nw, ok
}

// comp reads the component at token k.
func (p *parser) comp(k, mode int) (comp, bool) {
	if k >= len(p.toks) {
		return comp{}, false
	}
	t := &p.toks[k]
	switch t.kind {
	case tokNum:
		if mode == modeWa {
			return comp{}, false
		}
		return comp{value: t.value, digits: true, next: k + 1}, true
	case tokWord:
	default:
		return comp{}, false
	}
	w := p.word(k)
	var nw numWord
	clitic := 0
	switch mode {
	case modeFirst:
		f, ok := p.e.wordIdx[w]
		if !ok {
			return comp{}, false
		}
		nw, clitic = p.e.words[f.base], f.clitic
	case modeWa:
		rest, ok := strings.CutPrefix(w, "و")
		if !ok {
			return comp{}, false
		}
		if nw, ok = p.lookup(rest); !ok {
			return comp{}, false
		}
		clitic = 1
	default:
		var ok bool
		if nw, ok = p.lookup(w); !ok {
			return comp{}, false
		}
	}
	c := comp{kind: nw.kind, value: nw.value, next: k + 1, clitic: clitic}
	switch nw.kind {
	case kindOne, kindAhad, kindTeenHead, kindUnit:
		if p.next(k + 1) {
			if nx, ok := p.lookup(p.word(k + 1)); ok {
				switch {
				case nx.kind == kindTen:
					// A teen: "خمسة عشر", "اثنتا عشرة", "أحد عشر".
					c.kind, c.value, c.next = kindTen, c.value+10, k+2
					return c, true
				case nx.kind == kindHundred && nx.value == 100 && nw.kind == kindUnit && nw.value >= 3:
					// "ثلاث مئة" written apart.
					c.kind, c.value, c.next = kindHundred, c.value*100, k+2
					return c, true
				}
			}
		}
		if nw.kind == kindAhad || nw.kind == kindTeenHead {
			return comp{}, false
		}
	}
	return c, true
}

// number reads a number at token k: digits or words, joined by و in the order Arabic writes them ("ثلاثة
// آلاف وسبعمائة", "اثنين وخمسين ألف", "ملياراً ومئتي مليون", "مليون و200 ألف", "مليون ونصف المليون").
// It keeps the longest prefix that forms a well-made number, so "2014 و2017" stays two numbers.
func (p *parser) number(k int) (numResult, bool) {
	c, ok := p.comp(k, modeFirst)
	if !ok {
		return numResult{}, false
	}
	res := numResult{first: k, start: p.skipLetters(p.toks[k].start, c.clitic), digitsOnly: c.digits, kind: c.kind}
	var (
		total, cur, lastScale          float64
		curSet, curDigits, fracPending bool
		hasUnit, hasTen, hasTens       bool
		ncomp                          int
		conj, found, stop              bool
	)
	for !stop {
		switch {
		case c.digits:
			if curSet || lastScale > 0 && (!conj || c.value >= lastScale) {
				stop = true
				continue
			}
			cur, curSet, curDigits = c.value, true, true
		case c.kind == kindFrac:
			switch {
			case ncomp == 0:
				cur, curSet, fracPending = c.value, true, true
			case conj && lastScale > 0 && !curSet:
				// "مليون ونصف", "مليون ونصف المليون", "مليونين ونصف مليون": half of the last scale.
				total += c.value * lastScale
				if p.next(c.next) {
					s := strings.TrimPrefix(p.word(c.next), "ال")
					if nw, ok := p.lookup(s); ok && nw.kind == kindScale && nw.value == lastScale {
						c.next++
					}
				}
				stop = true
			default:
				stop = true
				continue
			}
		case c.kind >= kindScale && c.kind <= kindPlural:
			if lastScale > 0 && c.value >= lastScale || curSet && conj {
				stop = true
				continue
			}
			switch {
			case !curSet && c.kind == kindPlural:
				stop = true
				continue
			case !curSet && (c.kind == kindDual || ncomp == 0 && p.constructDual(c.next-1)):
				cur = 2
			case !curSet:
				cur = 1
			case c.kind == kindDual:
				stop = true
				continue
			}
			total += cur * c.value
			if lastScale == 0 {
				res.firstScale = c.value
			}
			lastScale = c.value
			cur, curSet, curDigits, fracPending = 0, false, false, false
			hasUnit, hasTen, hasTens = false, false, false
		default: // a word below a thousand
			if curDigits || fracPending || curSet && !conj || lastScale > 0 && !conj {
				stop = true
				continue
			}
			bad := false
			switch c.kind {
			case kindHundred:
				bad = curSet
			case kindOne, kindUnit:
				bad = hasUnit || hasTen || hasTens
				hasUnit = true
			case kindTen:
				bad = hasUnit || hasTen || hasTens
				hasTen = true
			case kindTens:
				bad = hasTen || hasTens
				hasTens = true
			}
			if bad {
				stop = true
				continue
			}
			cur += c.value
			curSet = true
		}
		ncomp++
		if !fracPending {
			found = true
			res.value, res.next, res.end = total+cur, c.next, p.toks[c.next-1].end
			if lastScale > 0 {
				res.value = round12(res.value)
			}
			res.scaled = lastScale > 0 || ncomp > 1
		}
		if stop {
			break
		}
		c, conj, ok = p.follow(c.next, curSet, fracPending)
		stop = !ok
	}
	if !found || ncomp == 1 && res.kind == kindOne {
		return numResult{}, false
	}
	return res, true
}

// follow reads the component after token j-1 of a number: a scale right after a count ("ثلاثة آلاف",
// "نصف المليون"), or any component after the conjunction و, attached or not.
func (p *parser) follow(j int, curSet, fracPending bool) (comp, bool, bool) {
	if !p.next(j) {
		return comp{}, false, false
	}
	w := p.word(j)
	if curSet && p.toks[j].kind == tokWord {
		if fracPending {
			w = strings.TrimPrefix(w, "ال")
		}
		if nw, ok := p.lookup(w); ok && nw.kind >= kindScale && nw.kind <= kindPlural {
			return comp{kind: nw.kind, value: nw.value, next: j + 1}, false, true
		}
	}
	if p.toks[j].kind != tokWord {
		return comp{}, false, false
	}
	if w == "و" && j+1 < len(p.toks) && (p.gapOK(j + 1)) {
		c, ok := p.comp(j+1, modeBare)
		return c, true, ok
	}
	c, ok := p.comp(j, modeWa)
	return c, true, ok
}

// isYearLike reports whether a number of digits reads as a year: four digits, no separators.
func isYearLike(t *token) bool {
	return t.kind == tokNum && !t.grouped && !t.decimal && t.digits == 4 && t.value >= 1000 && t.value <= 2100
}

// near reports whether tokens k-1 and k are close enough for one to be the context of the other: on one line,
// with at most a few bytes of punctuation between ("أيار/مايو 2019", "تشرين الأول، 2019").
func (p *parser) near(k int) bool {
	if k <= 0 || k >= len(p.toks) {
		return false
	}
	gap := p.text[p.toks[k-1].end:p.toks[k].start]
	return len(gap) <= 4 && !strings.ContainsAny(gap, "\n.")
}

// wordIn reports whether token k is a word of set, allowing a proclitic ("لعام", "بالقرار").
func (p *parser) wordIn(k int, set map[string]bool) bool {
	if k < 0 || k >= len(p.toks) || p.toks[k].kind != tokWord {
		return false
	}
	w := p.word(k)
	if rest, ok := strings.CutPrefix(w, "لل"); ok && set["ال"+rest] {
		return true // ل + الفرقة is written للفرقة
	}
	_, c := stripClitic(w, 1, func(s string) bool { return set[s] })
	return c >= 0
}

// monthEndsAt reports whether a month name ends just before token k.
func (p *parser) monthEndsAt(k int) bool {
	for l := 1; l <= 2 && k-l >= 0; l++ {
		if _, end, c := p.matchPhrase(p.e.months, p.e.monthIdx, k-l, false); c >= 0 && end == k {
			return true
		}
	}
	return false
}

// dateAhead reports whether the day number ending before token k is followed by a month name or a time of
// day, maybe after the other end of a range and "من (شهر)": "9 تشرين", "التاسع من تشرين", "10 إلى 16 من شهر
// تموز", "من 7 إلى 11.30 صباحاً".
func (p *parser) dateAhead(k int) bool {
	if !p.near(k) {
		return false
	}
	if w := p.word(k); (w == "الي" || w == "حتي" || w == "و") && p.near(k+1) && p.toks[k+1].kind == tokNum {
		k += 2
	} else if p.toks[k].kind == tokNum && isDash(strings.TrimSpace(p.text[p.toks[k-1].end:p.toks[k].start])) {
		k++
	}
	if !p.near(k) {
		return false
	}
	if p.e.timeWords[p.word(k)] {
		return true
	}
	for _, skip := range [...]string{"من", "شهر"} {
		if p.word(k) == skip {
			k++
			if !p.near(k) {
				return false
			}
		}
	}
	_, _, c := p.matchPhrase(p.e.months, p.e.monthIdx, k, false)
	return c >= 0
}

// notQuantity reports whether the number n, which has no unit or qualifier, is part of a date, a time, a
// phone number, a code or a name rather than a count.
func (p *parser) notQuantity(n numResult) bool {
	k := n.first
	t := &p.toks[k]
	prevNear := p.near(k)
	// Words and digits alike: "عام 2019", "عام ألفين وأربعة عشر", "آذار 2011", "القرار 2254".
	if prevNear && (p.wordIn(k-1, p.e.yearWords) || n.value >= 1000 && n.value <= 2100 &&
		p.wordIn(k-1, p.e.yearAdj) && p.near(k-1) && p.wordIn(k-2, p.e.yearWords)) {
		p.lastYear = n.next // "عام 2019", "العام المالي 1435", "السنة الهجرية 1395"
		return true
	}
	if prevNear && p.monthEndsAt(k) {
		return true
	}
	if !n.scaled && n.value <= 31 && n.value == float64(int(n.value)) {
		if prevNear && p.wordIn(k-1, p.e.weekdays) || p.dateAhead(n.next) {
			return true
		}
	}
	if n.kind == kindTen && !n.scaled && prevNear && p.toks[k-1].kind == tokWord {
		// "الخامس عشر" is fifteenth.
		w := strings.TrimPrefix(p.word(k-1), "ال")
		if _, c := stripClitic(w, 2, func(s string) bool { return p.e.ordinals[strings.TrimPrefix(s, "ال")] }); c >= 0 {
			return true
		}
	}
	if !n.digitsOnly || n.scaled {
		return false
	}
	if prevNear && p.wordIn(k-1, p.e.labels) {
		return true // "القرار 2254", "الدقيقة 90"
	}
	if t.leadZero || !t.grouped && !t.decimal && t.digits >= 9 {
		return true // a phone or account number
	}
	if isYearLike(t) && (!p.countedAt(n.next) || prevNear && p.wordIn(k-1, p.e.yearPreps)) {
		// A bare four-digit number from 1900 to 2100 (or 1400 to 1450, Hijri) is a year far more often than a
		// count in news text, and
		// "عامي 2014 و2017" lists years after one keyword.
		if t.value >= 1900 || t.value >= 1400 && t.value <= 1450 || p.lastYear >= 0 && k == p.lastYear+1 && p.word(p.lastYear) == "و" {
			p.lastYear = n.next
			return true
		}
	}
	if k > 0 {
		prev := &p.toks[k-1]
		gap := p.text[prev.end:t.start]
		trimmed := strings.TrimSpace(gap)
		switch {
		case prev.kind == tokNum && trimmed == "/":
			return true // "2 / 6 / 1436هـ"
		case prev.kind == tokSym && p.word(k-1) == "+" && len(gap) <= 2:
			return true // "5+ 1", "+966"
		case prev.kind == tokNum && isYearLike(prev) && isYearLike(t) && isDash(trimmed):
			return true // "1436 – 1437هـ"
		case prev.kind == tokLatin && gap == " " && t.digits >= 5:
			return true // an operator's short code: "Stc 635031"
		case prev.kind == tokWord && (gap == ":" || gap == ": "):
			return true // a verse or article reference: "النساء:66"
		case prev.kind == tokWord && gap == "" && !glueOK[p.word(k-1)]:
			return true // "جنيف1": a name with its number
		case prev.kind == tokLatin && (gap == "" || gap == "-"):
			return true // M4, F-16, COVID-19
		case prev.kind == tokWord && p.word(k-1) == "ال" && len(gap) <= 1:
			return true // الـ20: an ordinal or a name
		case prev.kind == tokWord && gap == "-":
			return true
		}
	}
	if n.next < len(p.toks) {
		nx := &p.toks[n.next]
		gap := p.text[t.end:nx.start]
		if nx.kind == tokLatin && (gap == "" || gap == "-") {
			return true // 4G
		}
		if strings.HasPrefix(p.text[t.end:], "/") {
			return true // "النموذج 101/أ"
		}
		if nx.kind == tokSym && p.word(n.next) == "+" && gap == "" {
			return true // "5+1"
		}
		trimmed := strings.TrimSpace(gap)
		if nx.kind == tokNum && (trimmed == "/" || isYearLike(t) && isYearLike(nx) && isDash(trimmed)) {
			return true
		}
	}
	if rest := p.text[t.end:]; strings.HasPrefix(rest, "-") && len(rest) > 1 && rest[1] >= utf8.RuneSelf {
		return true // a list marker glued to its item: "4-حادث"
	}
	// A list marker at the start of a line or a sentence: "1- ", "2) ", ". 3 - ".
	if k == 0 || strings.Contains(p.text[p.toks[k-1].end:t.start], "\n") ||
		strings.HasSuffix(strings.TrimSpace(p.text[p.toks[k-1].end:t.start]), ".") ||
		strings.HasSuffix(strings.TrimSpace(p.text[p.toks[k-1].end:t.start]), "*") {
		rest := strings.TrimLeft(p.text[t.end:], " ")
		if strings.HasPrefix(rest, ")") || strings.HasPrefix(rest, ". ") ||
			strings.HasPrefix(rest, "-") && (len(rest) == 1 || digitVal(rune(rest[1])) < 0) {
			return true
		}
	}
	return false
}

// constructDual reports whether the scale word at token k is the nominative dual in construct before its noun,
// "مليارا دولار", "ألفا جندي" (2000), rather than the accusative singular "ألفاً", which cannot take a noun
// after it and is read alone when it bears its tanween.
func (p *parser) constructDual(k int) bool {
	t := &p.toks[k]
	if !strings.HasSuffix(p.word(k), "ا") || strings.ContainsRune(p.text[t.start:t.end], '\u064b') || !p.next(k+1) {
		return false
	}
	if p.e.counted[p.word(k+1)] {
		return true
	}
	_, _, c := p.matchPhrase(p.e.units, nil, k+1, false)
	return c == 0
}

// countedAt reports whether token k is the singular of a counted noun right after the number before it, which
// makes "2000 مقاتل" and "1438 خيمة" counts rather than years.
func (p *parser) countedAt(k int) bool {
	return p.next(k) && p.toks[k].kind == tokWord && p.e.counted[p.word(k)]
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }

// glueOK lists the letters that may be written against digits: proclitics ("و500", "بـ500") and the
// article of an ordinal, which the caller rejects on its own.
var glueOK = map[string]bool{"و": true, "ف": true, "ب": true, "ل": true, "ك": true, "لل": true, "وب": true,
	"ول": true, "فب": true, "فل": true, "وك": true, "ال": true, "بال": true, "وال": true}

// round12 rounds v to 12 significant digits, so 32.01 × 10⁶ is 32010000 and not 32009999.999999996.
func round12(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	p := math.Pow10(11 - int(math.Floor(math.Log10(math.Abs(v)))))
	if math.IsInf(p, 0) || p == 0 {
		return v
	}
	return math.Round(v*p) / p
}
