// Package arabic holds the Arabic text primitives every stage shares: folding for matching, tokens with byte
// offsets, and a light stemmer.
package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
)

// Tatweel (kashida) stretches a word for layout and carries no meaning.
const Tatweel = '\u0640'

// IsDiacritic reports whether r is a short vowel, tanween, shadda, sukun or another Quranic mark: marks that
// most news text omits, so matching ignores them.
func IsDiacritic(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r >= 0x06D6 && r <= 0x06ED
}

// IsIgnorable reports whether folding drops r: a caller that folds rune by rune (FoldRune) skips these.
func IsIgnorable(r rune) bool { return ignorable(r) }

// ignorable reports whether folding drops r.
func ignorable(r rune) bool {
	return r == Tatweel || IsDiacritic(r) || r == '\u200c' || r == '\u200d' || r == '\u200f' || r == '\u200e'
}

// FoldRune maps r to the letter it is matched as: the hamza-carrying and wasla alefs to bare alef (أ إ آ ٱ → ا),
// ta marbuta to ha (ة → ه) and alef maqsura to ya (ى → ي), because news text spells these inconsistently;
// Arabic-Indic and Persian digits to ASCII; Latin letters to lower case.
func FoldRune(r rune) rune {
	switch {
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
		return 'ا'
	case r == 'ة':
		return 'ه'
	case r == 'ى':
		return 'ي'
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠')
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰')
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r >= arabicBlock && r < arabicBlock+0x100:
		// No case here; the unicode tables would be searched for nothing.
		return r
	}
	return unicode.ToLower(r)
}

// Folder returns a Transformer that folds text as Fold does, for streams.
func Folder() transform.Transformer {
	return transform.Chain(runes.Remove(runes.Predicate(ignorable)), runes.Map(FoldRune))
}

// Fold returns the matching view of s: diacritics and tatweel removed, letters folded by FoldRune.
// It is not reversible; the original text is kept wherever offsets point.
func Fold(s string) string {
	// Most words are folded already; they are returned without a copy.
	for i, r := range s {
		if r >= utf8.RuneSelf && (ignorable(r) || FoldRune(r) != r || r == utf8.RuneError) || 'A' <= r && r <= 'Z' {
			return string(AppendFold(append(make([]byte, 0, len(s)), s[:i]...), s[i:]))
		}
	}
	return s
}

// AppendFold appends the folded s to dst.
func AppendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, byte(FoldRune(rune(c))))
			i++
			continue
		}
		// The two bytes of a rune of the Arabic block (lead byte 0xD8…0xDB) are looked up, not decoded.
		if c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			f := &arabicFold[int(c&0x03)<<6|int(s[i+1]&0x3F)]
			dst = append(dst, f.b[:f.n]...)
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if ignorable(r) {
			continue
		}
		dst = utf8.AppendRune(dst, FoldRune(r))
	}
	return dst
}

// arabicFold holds the folded form of each rune of the Arabic block as UTF-8, nothing for an ignorable one.
var arabicFold = func() (t [0x100]struct {
	n uint8
	b [2]byte
}) {
	for i := range t {
		r := arabicBlock + rune(i)
		if ignorable(r) {
			continue
		}
		t[i].n = uint8(copy(t[i].b[:], utf8.AppendRune(nil, FoldRune(r))))
	}
	return t
}()

// FoldWords returns the folded form (Fold) of each word of text. The folded words share one string, so a
// document costs two allocations for them, not one a word.
func FoldWords(text string, words []Token) []string {
	// The folded text is built in a Builder, whose String does not copy it (each word is folded into a small
	// buffer first, as AppendFold appends to a slice); the words are cut from it once it is complete.
	var b strings.Builder
	b.Grow(len(text))
	var arr [64]byte
	ends := make([]int32, len(words))
	for i, t := range words {
		b.Write(AppendFold(arr[:0], text[t.Start:t.End]))
		ends[i] = int32(b.Len())
	}
	all, from := b.String(), 0
	folded := make([]string, len(words))
	for i, end := range ends {
		folded[i], from = all[from:end], int(end)
	}
	return folded
}

// AppendFoldedTokens appends the words of s to dst, as AppendTokens does, and returns them with the folded
// form (Fold) of each new word, in one pass over s. The folded words share one string, so the words cost
// three allocations at most; a dst with room for every word (CountTokens) is not grown.
func AppendFoldedTokens(dst []Token, s string) ([]Token, []string) {
	first := len(dst)
	// The folded words are appended to one buffer, copied once into the string they are cut from at the
	// ends noted in ends.
	buf := make([]byte, 0, len(s))
	ends := make([]int32, 0, cap(dst)-first)
	start := -1
	for i, size := 0, 0; i < len(s); i += size {
		var word bool
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			word, size = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9', 1
			if word {
				buf = append(buf, byte(FoldRune(rune(c))))
			}
		case c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			// A rune of the Arabic block: its two bytes are looked up, not decoded (see AppendTokens and
			// AppendFold).
			k := int(c&0x03)<<6 | int(s[i+1]&0x3F)
			word, size = arabicWordRunes[k], 2
			if word {
				f := &arabicFold[k]
				buf = append(buf, f.b[:f.n]...)
			}
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			word = IsWordRune(r)
			if word && !ignorable(r) {
				buf = utf8.AppendRune(buf, FoldRune(r))
			}
		}
		if word {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			dst = append(dst, Token{start, i})
			ends = append(ends, int32(len(buf)))
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, Token{start, len(s)})
		ends = append(ends, int32(len(buf)))
	}
	all, from := string(buf), 0
	folded := make([]string, len(ends))
	for i, end := range ends {
		folded[i], from = all[from:end], int(end)
	}
	return dst, folded
}
