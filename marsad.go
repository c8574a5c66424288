// Package marsad is the domain of a monitor for Arabic conflict news: the document that flows through the
// pipeline, its annotation layers, and the interfaces that stages and stores implement.
package marsad

import (
	"errors"
	"time"

	"github.com/marsad/marsad/arabic"
)

// ErrNotFound is returned by a Store when no article has the requested id.
var ErrNotFound = errors.New("not found")

// Range is a half-open byte range [Start, End) into Document.Text.
type Range struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Span is a Range together with the text it covers. Every extracted item embeds a Span, so a reader can
// check it without slicing the text: Text == doc.Text[Start:End] always holds.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// SpanOf returns the Span of text[start:end].
func SpanOf(text string, start, end int) Span {
	return Span{Start: start, End: end, Text: text[start:end]}
}

// Document is one article. Cleaning fills Text, Title, Paragraphs, Sentences and Tokens; each later stage
// adds its own layer. All offsets are byte offsets into Text, which starts with the title when there is one.
type Document struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Published time.Time `json:"published,omitzero"`
	Source    string    `json:"source,omitempty"`
	URL       string    `json:"url,omitempty"`
	// Origins lists every input (file path, URL or input id) this exact article was read from.
	Origins []string `json:"origins,omitempty"`
	Text    string   `json:"text"`
	// TitleEnd is the byte offset where the title ends in Text (0 when there is no title).
	TitleEnd   int     `json:"title_end"`
	Paragraphs []Range `json:"paragraphs"`
	Sentences  []Range `json:"sentences"`
	Tokens     int     `json:"tokens"`

	Quantities []Quantity `json:"quantities,omitempty"`
	Dates      []Date     `json:"dates,omitempty"`
	Entities   []Entity   `json:"entities,omitempty"`
	Events     []Event    `json:"events,omitempty"`
	Quotes     []Quote    `json:"quotes,omitempty"`
	Conflicts  []Conflict `json:"conflicts,omitempty"`

	// words caches Words for the text wordsOf.
	words   []arabic.Token
	folded  []string
	wordsOf string
}

// Words returns the words of Text (arabic.AppendTokens) and the folded form of each (arabic.Fold). They are
// computed once per Text and shared by the stages that read words, which would otherwise each tokenize and
// fold the whole article again. The slices must not be modified.
func (d *Document) Words() (words []arabic.Token, folded []string) {
	if d.words != nil && d.wordsOf == d.Text {
		return d.words, d.folded
	}
	// Tokens, when cleaning set it for this Text, is the number of words: their slice is not grown.
	d.words, d.folded = arabic.AppendFoldedTokens(make([]arabic.Token, 0, d.Tokens), d.Text)
	d.wordsOf = d.Text
	return d.words, d.folded
}

// Annotator is one pipeline stage: it reads the document (its Text and the layers of earlier stages) and
// adds its own layer. An Annotator must be safe for concurrent use on different documents.
type Annotator interface {
	Annotate(doc *Document) error
}

// SentenceAt returns the index of the sentence that contains byte offset off, or -1.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := d.Sentences[m]; {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}
