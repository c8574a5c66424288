package search

import (
	"strings"

	"github.com/marsad/marsad/arabic"
)

// Snippet returns about width words of text around the densest run of query matches, with each matching
// word wrapped in open and close. Matching is on the original text's tokens, so the snippet shows the
// article's own spelling.
func Snippet(text string, clauses []Clause, width int, open, close string) string {
	toks := arabic.AppendTokens(nil, text)
	if len(toks) == 0 {
		return ""
	}
	hit := make([]bool, len(toks))
	for i, t := range toks {
		hit[i] = matches(arabic.Fold(text[t.Start:t.End]), clauses)
	}
	best, bestN, n := 0, -1, 0
	for i := range toks {
		if hit[i] {
			n++
		}
		if i >= width && hit[i-width] {
			n--
		}
		if start := max(0, i-width+1); n > bestN {
			best, bestN = start, n
		}
	}
	// Center the matches of the best window, so the reader sees context on both sides.
	first, last := best, best
	for i := best; i < min(len(toks), best+width); i++ {
		if hit[i] {
			if !hit[first] {
				first = i
			}
			last = i
		}
	}
	best = max(0, min((first+last)/2-width/2, len(toks)-width))
	end := min(len(toks), best+width)
	var b strings.Builder
	if best > 0 {
		b.WriteString("… ")
	}
	pos := toks[best].Start
	for i := best; i < end; i++ {
		t := toks[i]
		b.WriteString(oneLine(text[pos:t.Start]))
		if hit[i] {
			b.WriteString(open + text[t.Start:t.End] + close)
		} else {
			b.WriteString(text[t.Start:t.End])
		}
		pos = t.End
	}
	if end < len(toks) {
		b.WriteString(" …")
	}
	return b.String()
}

func oneLine(s string) string {
	if strings.ContainsAny(s, "\n\r") {
		return strings.Join(strings.Fields(s), " ") + " "
	}
	return s
}

func matches(folded string, clauses []Clause) bool {
	stem := arabic.Stem(folded)
	variant, _ := arabic.CliticVariant(folded)
	for _, c := range clauses {
		for _, s := range c.Stems {
			switch {
			case c.Prefix && (strings.HasPrefix(stem, s) || strings.HasPrefix(stripArticle(folded), s)):
				return true
			case !c.Prefix && (s == stem || s == variant):
				return true
			}
		}
		if c.Variant != "" && (c.Variant == stem || c.Variant == variant) {
			return true
		}
	}
	return false
}
