// Package dates finds date expressions in Arabic news text and resolves them to ISO 8601 against the publication date.
package dates

import (
	"sync"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// Extractor finds date expressions. It holds read-only tables, so one Extractor serves any number of
// goroutines.
//
// Span convention: a span covers the whole expression as a reader would quote it, including the words that
// make it a date ("يوم الخميس الماضي", "عام 2019", "قبل ثلاثة أيام", "مثل هذا اليوم قبل سنتين",
// "تشرين الأول (أكتوبر)" with its closing parenthesis, "1436هـ"), but not the preposition that introduces it
// ("في", "منذ" before a date, "خلال"), nor an attached proclitic و ف ب ل ك ("وأمس" → "أمس",
// "بالأمس" → "الأمس"; the exception is ل fused with the article, "للعام الماضي", kept whole), nor a time of
// day ("صباح"، "مساء").
type Extractor struct {
	lx   *lexicon
	pool sync.Pool // *scanner scratch space
}

var _ marsad.Annotator = (*Extractor)(nil)

// New returns an Extractor built from the embedded tables. It panics if they are malformed, which tests rule out.
func New() *Extractor {
	lx, err := loadLexicon()
	if err != nil {
		panic("dates: " + err.Error())
	}
	return &Extractor{lx: lx}
}

// Annotate replaces doc.Dates with the dates found in doc.Text, resolved against doc.Published.
func (e *Extractor) Annotate(doc *marsad.Document) error {
	// The document's words, which the later stages read too, spare the scan tokenizing and folding.
	words, folded := doc.Words()
	doc.Dates = e.appendWords(doc.Dates[:0], doc.Text, doc.Published, words, folded)
	return nil
}

// Extract returns the dates in text in order of position. Relative expressions ("أمس", "العام الماضي") are
// resolved against published; when published is the zero time they are returned with Relative and Unresolved
// set and an empty Value.
func (e *Extractor) Extract(text string, published time.Time) []marsad.Date {
	return e.Append(nil, text, published)
}

// Append appends the dates in text to dst, as Extract does, so callers can reuse a slice.
func (e *Extractor) Append(dst []marsad.Date, text string, published time.Time) []marsad.Date {
	return e.appendWords(dst, text, published, nil, nil)
}

// appendWords is Append with the words of text and their folded forms, or nil (see scanner.reset).
func (e *Extractor) appendWords(dst []marsad.Date, text string, published time.Time, words []arabic.Token, folded []string) []marsad.Date {
	s, _ := e.pool.Get().(*scanner)
	if s == nil {
		s = &scanner{}
	}
	s.reset(e.lx, text, published, dst, words, folded)
	s.run()
	dst = s.out
	s.out, s.text = nil, ""
	e.pool.Put(s)
	return dst
}

var defaultExtractor = sync.OnceValue(New)

// Extract returns the dates in text resolved against published, using a shared Extractor.
func Extract(text string, published time.Time) []marsad.Date {
	return defaultExtractor().Extract(text, published)
}
