package arabic

import (
	"unicode"
	"unicode/utf8"
)

// Token is a word of the text, as byte offsets [Start, End).
type Token struct {
	Start, End int
}

// IsWordRune reports whether r belongs inside a word: letters, digits, combining marks and tatweel.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if arabicBlock <= r && r < arabicBlock+0x100 {
		return arabicWordRunes[r-arabicBlock]
	}
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == Tatweel || r == '\u200c' || r == '\u200d'
}

// arabicWordRunes answers IsWordRune for the Arabic block, where nearly every rune of the text lies, without
// the binary searches of the unicode tables.
const arabicBlock = 0x0600

var arabicWordRunes = func() (t [0x100]bool) {
	for i := range t {
		t[i] = isWordRune(arabicBlock + rune(i))
	}
	return t
}()

// AppendTokens appends the words of s to dst. A word is a maximal run of word runes.
func AppendTokens(dst []Token, s string) []Token {
	start := -1
	for i, size := 0, 0; i < len(s); i += size {
		var word bool
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			word, size = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9', 1
		case c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			// A rune of the Arabic block: its two bytes are looked up, not decoded.
			word, size = arabicWordRunes[int(c&0x03)<<6|int(s[i+1]&0x3F)], 2
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			word = IsWordRune(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			dst = append(dst, Token{start, i})
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, Token{start, len(s)})
	}
	return dst
}

// CountTokens returns the number of words in s without allocating. It reads s as AppendTokens does.
func CountTokens(s string) int {
	n, in := 0, false
	for i, size := 0, 0; i < len(s); i += size {
		var w bool
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			w, size = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9', 1
		case c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			w, size = arabicWordRunes[int(c&0x03)<<6|int(s[i+1]&0x3F)], 2
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			w = IsWordRune(r)
		}
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
