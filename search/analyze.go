// Package search is the Arabic-aware analysis shared by every store's full-text index: the terms indexed for
// a text, the parsed query, and highlighted snippets.
package search

import (
	"strings"

	"github.com/marsad/marsad/arabic"
)

// Terms is what a store indexes for one text: the light stem of every word in order (so phrases match), and
// the clitic-stripped variants, which cannot take part in phrases because they share their word's position.
type Terms struct {
	Stems    string
	Variants string
}

// Analyze returns the index terms of text, space-separated.
func Analyze(text string) Terms {
	folded := arabic.AppendFold(make([]byte, 0, len(text)), text)
	f := string(folded)
	var stems, variants strings.Builder
	stems.Grow(len(f))
	for _, t := range arabic.AppendTokens(nil, f) {
		w := f[t.Start:t.End]
		appendWord(&stems, arabic.Stem(w))
		if v, ok := arabic.CliticVariant(w); ok {
			appendWord(&variants, v)
		}
	}
	return Terms{Stems: stems.String(), Variants: variants.String()}
}

func appendWord(b *strings.Builder, w string) {
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(w)
}
