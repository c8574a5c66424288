package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
)

// AppendTokens appends the tokens of s to dst the way ANERcorp tokenizes: words as arabic.AppendTokens finds
// them (clitics stay attached: "وسوريا" is one token), every punctuation mark as a token of its own, and
// numbers with a decimal or thousands separator kept whole ("6.3", "1,500").
func AppendTokens(dst []arabic.Token, s string) []arabic.Token {
	i := 0
	for i < len(s) {
		if s[i] == ' ' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			start := i
			i += size
			for i < len(s) {
				r, size = utf8.DecodeRuneInString(s[i:])
				if isWordRune(r) {
					i += size
					continue
				}
				if isNumberSeparator(r) && isDigitBefore(s[:i]) && i+size < len(s) {
					if next, _ := utf8.DecodeRuneInString(s[i+size:]); unicode.IsDigit(next) {
						i += size
						continue
					}
				}
				break
			}
			dst = append(dst, arabic.Token{Start: start, End: i})
		case unicode.IsSpace(r) || unicode.IsControl(r) || r == '\ufeff' || r == '\u200f' || r == '\u200e':
			i += size
		default:
			dst = append(dst, arabic.Token{Start: i, End: i + size})
			i += size
		}
	}
	return dst
}

// isWordRune is arabic.IsWordRune with a shortcut for the Arabic letters, marks and tatweel (U+0620–U+065F),
// most of the text.
func isWordRune(r rune) bool { return r >= 0x0620 && r <= 0x065f || arabic.IsWordRune(r) }

func isNumberSeparator(r rune) bool { return r == '.' || r == ',' || r == '٫' || r == '٬' }

func isDigitBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsDigit(r)
}
