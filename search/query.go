package search

import (
	"errors"
	"strings"
	"unicode"

	"github.com/marsad/marsad/arabic"
)

// ErrEmptyQuery is returned for a query with no searchable word.
var ErrEmptyQuery = errors.New("empty query: give at least one word")

// Clause is one part of a query; every clause must match.
type Clause struct {
	// Stems are the analyzed words: one for a word, several for a "phrase".
	Stems []string
	// Variant is the clitic-stripped reading of a single word ("لقسد" → "قسد"), or empty.
	Variant string
	// Prefix is set for word* queries: Stems[0] is then the folded prefix, not a stem.
	Prefix bool
	Phrase bool
}

// Parse reads the query syntax: words, "quoted phrases" (also «…» and “…”) and prefix* words. Words are
// folded and stemmed as the index is, so "والباغوز" and "الباغوز" are the same query.
func Parse(q string) ([]Clause, error) {
	var clauses []Clause
	for len(q) > 0 {
		q = strings.TrimLeftFunc(q, func(r rune) bool { return unicode.IsSpace(r) })
		if q == "" {
			break
		}
		if closer, n := openQuote(q); n > 0 {
			body, rest, _ := strings.Cut(q[n:], closer)
			q = rest
			if c, ok := phrase(body); ok {
				clauses = append(clauses, c)
			}
			continue
		}
		end := strings.IndexFunc(q, unicode.IsSpace)
		if end < 0 {
			end = len(q)
		}
		word := q[:end]
		q = q[end:]
		clauses = append(clauses, words(word)...)
	}
	if len(clauses) == 0 {
		return nil, ErrEmptyQuery
	}
	return clauses, nil
}

func openQuote(q string) (closer string, n int) {
	switch {
	case strings.HasPrefix(q, `"`):
		return `"`, 1
	case strings.HasPrefix(q, "«"):
		return "»", len("«")
	case strings.HasPrefix(q, "“"):
		return "”", len("“")
	}
	return "", 0
}

func phrase(s string) (Clause, bool) {
	a := Analyze(s)
	stems := strings.Fields(a.Stems)
	switch len(stems) {
	case 0:
		return Clause{}, false
	case 1:
		cs := words(s)
		return cs[0], len(cs) == 1
	}
	return Clause{Stems: stems, Phrase: true}, true
}

// words analyzes one whitespace-separated query word; punctuation inside it ("قسد/داعش") may split it into
// several clauses.
func words(w string) []Clause {
	prefix := strings.HasSuffix(w, "*")
	f := arabic.Fold(strings.TrimRight(w, "*"))
	toks := arabic.AppendTokens(nil, f)
	var out []Clause
	for i, t := range toks {
		word := f[t.Start:t.End]
		if prefix && i == len(toks)-1 {
			out = append(out, Clause{Stems: []string{stripArticle(word)}, Prefix: true})
			continue
		}
		c := Clause{Stems: []string{arabic.Stem(word)}}
		if v, ok := arabic.CliticVariant(word); ok && v != c.Stems[0] {
			c.Variant = v
		}
		out = append(out, c)
	}
	return out
}

// stripArticle removes what Stem removes at the front of a word, leaving the end alone: a prefix query must
// match stems, which lost their article but whose ending the user has not finished typing.
func stripArticle(w string) string {
	s := arabic.Stem(w)
	if i := strings.Index(w, s); i > 0 {
		return w[i:]
	}
	return w
}
