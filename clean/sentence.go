package clean

import (
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad"
)

// AppendSentences splits text[start:end], one paragraph, into sentences and appends their ranges to dst.
// A sentence ends after a run of . ! ? ؟ or … together with the closing quotes and brackets that follow it,
// when white space comes next. Commas (، ,) and semicolons (؛ ;) do not end a sentence: Arabic news chains
// long clauses with them. A period does not end a sentence between digits (2.5) or after a single letter
// (the abbreviations "د." and "أ.ف.ب"). A paragraph without final punctuation (a heading) is one sentence.
// Leading and trailing spaces are not part of a sentence.
func AppendSentences(dst []marsad.Range, text string, start, end int) []marsad.Range {
	s := start
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !isTerminal(r) {
			i += n
			continue
		}
		j := i + n
		for j < end {
			r2, n2 := utf8.DecodeRuneInString(text[j:end])
			if !isTerminal(r2) && !isCloser(r2) {
				break
			}
			j += n2
		}
		if j < end {
			next, _ := utf8.DecodeRuneInString(text[j:end])
			if !unicode.IsSpace(next) || r == '.' && j == i+n && singleLetterBefore(text, start, i) {
				i = j
				continue
			}
		}
		dst = appendTrimmed(dst, text, s, j)
		s, i = j, j
	}
	return appendTrimmed(dst, text, s, end)
}

func appendTrimmed(dst []marsad.Range, text string, s, e int) []marsad.Range {
	for s < e && text[s] == ' ' {
		s++
	}
	for e > s && text[e-1] == ' ' {
		e--
	}
	if s < e {
		dst = append(dst, marsad.Range{Start: s, End: e})
	}
	return dst
}

func isTerminal(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '؟' || r == '…'
}

func isCloser(r rune) bool {
	return r == '»' || r == '”' || r == '"' || r == '\'' || r == ')' || r == ']' || r == '’'
}

// singleLetterBefore reports whether the word just before text[i] is one letter long.
func singleLetterBefore(text string, start, i int) bool {
	r, n := utf8.DecodeLastRuneInString(text[start:i])
	if !unicode.IsLetter(r) {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(text[start : i-n])
	return i-n == start || !unicode.IsLetter(p)
}
