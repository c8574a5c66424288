package quotes

import (
	"unicode"
	"unicode/utf8"
)

// direct is a run of text between quotation marks.
type direct struct {
	open  int // offset of the opening mark
	start int // content [start, end), trimmed of spaces
	end   int
	after int // offset just past the closing mark, or end when the quote was never closed
}

// family groups marks that pair with each other. Scraped text mixes them freely (“…” , ”…“ , "…"), so within a
// family the direction of a mark comes from its neighbours, not from its shape.
type family uint8

const (
	noMark family = iota
	guillemet
	double
)

func markFamily(r rune) family {
	switch r {
	case '«', '»':
		return guillemet
	case '"', '“', '”', '„', '‟':
		return double
	}
	return noMark
}

// role of a mark: it opens, closes, or could do either ("word"word, «:»).
type role uint8

const (
	ignore role = iota
	opens
	closes
	either
)

// markRole reads the direction of the mark at text[i] from the runes around it: an opener is followed by
// text and preceded by space; a closer the reverse. « and » keep their usual direction unless their
// neighbours clearly contradict it, as in RTL-mangled »…«.
func markRole(text string, i, size int) role {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	prevText := i > 0 && !unicode.IsSpace(prev)
	nextText := i+size < len(text) && !unicode.IsSpace(next)
	r, _ := utf8.DecodeRuneInString(text[i:])
	switch {
	case nextText && !prevText:
		if r == '»' && isClosingPunct(next) {
			return closes
		}
		return opens
	case prevText && !nextText:
		if r == '«' && i+size == len(text) {
			return ignore
		}
		return closes
	case prevText && nextText:
		switch r {
		case '«':
			return opens
		case '»':
			return closes
		}
		return either
	}
	return ignore
}

func isClosingPunct(r rune) bool {
	switch r {
	case '.', '،', ',', '؛', ';', ':', '!', '?', '؟', ')':
		return true
	}
	return false
}

// findDirect returns the quoted runs of text in order. A quote may span paragraphs when the next paragraph
// reopens it («…\n\n«…») or closes it without reopening; otherwise an unclosed quote ends with its paragraph.
// Marks of the other family inside a quote nest ("«قال: "نعم"»"); a stray closer of the other family ends a
// quote whose own closer never comes («…”).
func findDirect(dst []direct, text string) []direct {
	var (
		open    bool
		fam     family
		depth   int
		opened  int
		start   int
		fdepth  int
		foreign = -1 // a closer of the other family with no opener, and the offset past it
		fafter  int
	)
	emit := func(end, after int) {
		s, e := trimSpace(text, start, end)
		if s < e {
			dst = append(dst, direct{open: opened, start: s, end: e, after: after})
		}
		open = false
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			if open {
				if j, ok := continues(text, i, fam); ok {
					i = j
					continue
				}
				if foreign >= 0 {
					emit(foreign, fafter)
				} else {
					emit(i, i)
				}
			}
			i += size
			continue
		}
		f := markFamily(r)
		if f == noMark {
			i += size
			continue
		}
		ro := markRole(text, i, size)
		switch {
		case !open:
			if ro == opens || ro == either {
				open, fam, depth, opened, start, fdepth, foreign = true, f, 1, i, i+size, 0, -1
			}
		case f == fam:
			switch ro {
			case opens:
				depth++
			case closes, either:
				depth--
			}
			if depth == 0 {
				emit(i, i+size)
			}
		default:
			switch ro {
			case opens:
				fdepth++
			case closes, either:
				if fdepth > 0 {
					fdepth--
				} else if foreign < 0 {
					foreign, fafter = i, i+size
				}
			}
		}
		i += size
	}
	if open {
		if foreign >= 0 {
			emit(foreign, fafter)
		} else {
			emit(len(text), len(text))
		}
	}
	return dst
}

// continues reports whether a quote of family fam left open at the line break at i goes on in the next
// paragraph, and where scanning resumes: past a reopening mark, or at the paragraph start when the paragraph
// closes the quote before opening another.
func continues(text string, i int, fam family) (int, bool) {
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(r) {
			break
		}
		j += size
	}
	if j == len(text) {
		return 0, false
	}
	r, size := utf8.DecodeRuneInString(text[j:])
	if markFamily(r) != noMark {
		if ro := markRole(text, j, size); ro == opens || ro == either {
			return j + size, true
		}
	}
	for k := j; k < len(text); {
		r, size := utf8.DecodeRuneInString(text[k:])
		if r == '\n' {
			return 0, false
		}
		if markFamily(r) == fam {
			switch markRole(text, k, size) {
			case closes:
				return j, true
			case opens, either:
				return 0, false
			}
		}
		k += size
	}
	return 0, false
}

func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}
