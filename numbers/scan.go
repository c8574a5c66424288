package numbers

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
)

type tokKind uint8

const (
	tokWord  tokKind = iota + 1 // a run of letters (with their marks and tatweel)
	tokNum                      // a well-formed number written in digits
	tokCode                     // digits that are not a quantity: 15/3/2022, 10:30, 3-1, 1.2.3
	tokSym                      // one of the symbols that can be a unit or sign: % ٪ ² ³ $ € £ +
	tokLatin                    // a run of Latin letters (M4, F-16, COVID-19 sit next to one)
)

// token is a word, number or symbol of the text: [start, end) in the original text and [fs, fe) of its
// folded form in scanner.buf.
type token struct {
	start, end int
	fs, fe     int
	kind       tokKind
	// For tokNum: the value and what the digits looked like.
	value    float64
	digits   int  // digits before the decimal point
	grouped  bool // had thousands separators
	decimal  bool
	leadZero bool // "0112": a code or phone number, never a count
}

// scanner splits text into tokens. Its buffers are reused between texts.
type scanner struct {
	toks []token
	buf  []byte
}

func digitVal(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '٠' && r <= '٩':
		return int(r - '٠')
	case r >= '۰' && r <= '۹':
		return int(r - '۰')
	}
	return -1
}

func isSym(r rune) bool {
	switch r {
	case '%', '٪', '²', '³', '$', '€', '£', '+':
		return true
	}
	return false
}

func isLatin(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

func (sc *scanner) scan(s string) {
	sc.toks, sc.buf = sc.toks[:0], sc.buf[:0]
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case digitVal(r) >= 0:
			i = sc.number(s, i)
		case isLatin(r):
			j := i + size
			for j < len(s) && isLatin(rune(s[j])) {
				j++
			}
			sc.push(s, i, j, tokLatin)
			i = j
		case r >= utf8.RuneSelf && isWordRune(r):
			j := i + size
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if r2 < utf8.RuneSelf || !isWordRune(r2) || digitVal(r2) >= 0 {
					break
				}
				j += n
			}
			sc.push(s, i, j, tokWord)
			i = j
		case isSym(r):
			sc.push(s, i, i+size, tokSym)
			i += size
		default:
			i += size
		}
	}
}

func (sc *scanner) push(s string, start, end int, kind tokKind) {
	fs := len(sc.buf)
	sc.buf = appendFold(sc.buf, s[start:end])
	sc.toks = append(sc.toks, token{start: start, end: end, fs: fs, fe: len(sc.buf), kind: kind})
}

// number scans a run of digits with the separators inside it and decides what it is. A separator counts only
// between two digits, so the full stop in "قتل 5." ends the number. Some papers write the decimal point as the
// letter ر ("4ر35" is 4.35), and the Arabic comma between digits is read like the Latin one ("2،5"). The comma is read as a decimal point when
// it is not followed by a group of exactly three digits ("2,5 مليون"), as some outlets write it.
func (sc *scanner) number(s string, i int) int {
	start := i
	var (
		groups [8]int // digit count of each group
		seps   [8]rune
		ng     int
		bad    bool
	)
	lastSep := 0 // where the group after the last separator starts
	for {
		n := 0
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if digitVal(r) < 0 {
				break
			}
			n++
			i += size
		}
		if ng < len(groups) {
			groups[ng] = n
		} else {
			bad = true
		}
		ng++
		if i >= len(s) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case ',', '،', '٬', '.', '٫', 'ر', '/', '-', ':', '\\':
		default:
			goto done
		}
		if i+size >= len(s) {
			break
		}
		// A direction mark after the separator is an editing slip ("76.\u200f2"), not the end of the number.
		mark := 0
		if strings.HasPrefix(s[i+size:], "\u200f") || strings.HasPrefix(s[i+size:], "\u200e") {
			mark = len("\u200f")
		}
		if r2, _ := utf8.DecodeRuneInString(s[i+size+mark:]); digitVal(r2) < 0 {
			break
		}
		if ng-1 < len(seps) {
			seps[ng-1] = r
		}
		i += size + mark
		lastSep = i
	}
done:
	t := token{start: start, end: i, kind: tokNum}
	nsep := ng - 1
	dec := -1 // index of the separator that is the decimal point
	if !bad && nsep > 0 {
		last := seps[nsep-1]
		count := 0
		for _, r := range seps[:nsep] {
			if r == last {
				count++
			}
		}
		switch {
		case last == '.' && count == 1 && groups[nsep] == 3 && isZeros(s[lastSep:i]):
			// "60.000 ريال" is sixty thousand: nobody writes a fraction as .000.
		case last == '٫' || last == 'ر' || last == '.' && count == 1:
			dec = nsep - 1
		case (last == ',' || last == '،') && nsep == 1 && groups[1] != 3:
			dec = 0
		}
		for k := 0; k < nsep; k++ {
			switch r := seps[k]; {
			case k == dec:
			case r == ',' || r == '،' || r == '٬' || r == '.' && dec < 0:
				if groups[k+1] != 3 || k == 0 && groups[0] > 3 {
					bad = true
				}
				t.grouped = true
			default:
				bad = true
			}
		}
	}
	if bad {
		t.kind = tokCode
	} else {
		var mant uint64
		fracDigits, k, afterDec := 0, 0, false
		for _, r := range s[start:i] {
			d := digitVal(r)
			if r == '\u200f' || r == '\u200e' {
				continue
			}
			if d < 0 {
				afterDec = afterDec || k == dec
				k++
				continue
			}
			if mant > (1<<63)/10 {
				t.kind = tokCode
				break
			}
			mant = mant*10 + uint64(d)
			if afterDec {
				fracDigits++
			} else {
				t.digits++
			}
		}
		div := 1.0
		for range fracDigits {
			div *= 10
		}
		t.decimal = dec >= 0
		t.value = float64(mant) / div
		if dec >= 0 && seps[dec] == 'ر' {
			// The older wire style writes the fraction first: "38ر5146" is 5146.38.
			before, after, _ := strings.Cut(s[start:i], "ر")
			t.value = digitsValue(after) + digitsValue(before)/math.Pow10(utf8.RuneCountInString(before))
			t.digits = utf8.RuneCountInString(after)
		}
		t.leadZero = groups[0] > 1 && firstDigit(s[start:]) == 0
	}
	t.fs = len(sc.buf)
	sc.buf = appendFold(sc.buf, s[start:i])
	t.fe = len(sc.buf)
	sc.toks = append(sc.toks, t)
	return i
}

func firstDigit(s string) int {
	r, _ := utf8.DecodeRuneInString(s)
	return digitVal(r)
}

// digitsValue returns the value of a run of digits.
func digitsValue(s string) float64 {
	v := 0.0
	for _, r := range s {
		v = v*10 + float64(digitVal(r))
	}
	return v
}

func isZeros(s string) bool {
	for _, r := range s {
		if digitVal(r) != 0 {
			return false
		}
	}
	return true
}

// The Arabic block is most of the text, so its folding and word test are read from a table built from the
// arabic package's own functions instead of going through the Unicode tables for every letter.
const (
	blockLo, blockHi = 0x0600, 0x06FF
	foldDrop         = -1
)

// The tables are variables with an initializer rather than filled by init, so that package-level callers of
// New (tests, examples) see them filled.
var blockFold, blockWord = blockTables()

func blockTables() (fold [blockHi - blockLo + 1]rune, word [blockHi - blockLo + 1]bool) {
	for r := rune(blockLo); r <= blockHi; r++ {
		f := arabic.FoldRune(r)
		if arabic.Fold(string(r)) == "" {
			f = foldDrop
		}
		fold[r-blockLo] = f
		word[r-blockLo] = arabic.IsWordRune(r)
	}
	return fold, word
}

func isWordRune(r rune) bool {
	if r >= blockLo && r <= blockHi {
		return blockWord[r-blockLo]
	}
	return arabic.IsWordRune(r)
}

// appendFold appends arabic.Fold(s) to dst.
func appendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
		case r >= blockLo && r <= blockHi:
			if f := blockFold[r-blockLo]; f != foldDrop {
				dst = utf8.AppendRune(dst, f)
			}
		default:
			dst = arabic.AppendFold(dst, s[i:i+size])
		}
		i += size
	}
	return dst
}
