// Package events finds who did what to whom in Arabic conflict news, coded as PLOVER events.
package events

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/marsad/marsad"
)

// Annotator fills doc.Events. It reads doc.Sentences, and uses doc.Entities, doc.Dates and doc.Quantities
// when earlier stages filled them; without them it finds actors, places and counts from the words alone.
type Annotator struct {
	lx *lexicon
	// toks recycles the token slices of finished calls (*[]tok): a long article's tokens are tens of
	// kilobytes, and a corpus run would otherwise collect them as garbage.
	toks sync.Pool
}

var _ marsad.Annotator = (*Annotator)(nil)

// New builds the trigger and cue tables from the embedded data files.
func New() (*Annotator, error) {
	lx, err := loadLexicon(true)
	if err != nil {
		return nil, err
	}
	return &Annotator{lx: lx}, nil
}

// Annotate replaces doc.Events with the events of the document, in text order. Every trigger found is kept;
// Confidence 0.5 or more means the report model judges the event reported as happening, below it more
// likely mentioned (a plan, a memory, a topic). Without doc.Sentences the whole text is sentence 0.
func (a *Annotator) Annotate(doc *marsad.Document) error {
	buf, _ := a.toks.Get().(*[]tok)
	if buf == nil {
		buf = new([]tok)
	}
	sc := newScan(a.lx, doc, *buf)
	doc.Events = sc.run()
	// Nothing of the result points into the tokens; they are cleared so the pool keeps no text alive.
	clear(sc.toks)
	*buf = sc.toks[:0]
	a.toks.Put(buf)
	return nil
}

// tok is a word of the document with its folded forms and the flags the grammar rules read.
type tok struct {
	start, end int
	f          string // folded word
	b          string // folded word without conjunction, preposition and article
	gap        bool   // punctuation or a sentence start precedes it
	conj       bool   // starts with the conjunction و or ف
	def        bool   // carries the article
	prep       bool   // carries a one-letter preposition before the article (بال, لل)
	num        bool   // a number in digits
	val        float64
	trig       bool   // part of an accepted trigger
	cls        uint64 // word classes of cues.txt, as lexicon.classBit
	ent        int    // index into doc.Entities of the entity covering it, or -1
	date       bool   // inside a date of doc.Dates ("في السابع من يوليو")
	clitics    int    // letters a phrase beginning here leaves out: a conjunction ("وفصائل"), ب ("بدور", "وبمدينة")
	follows    uint8  // whether it may be a trigger's following word: 0 not yet known, 1 no, 2 maybe (see mayFollow)
}

// scan holds the state of one Annotate call.
type scan struct {
	lx   *lexicon
	doc  *marsad.Document
	toks []tok
}

// newScan prepares the tokens of doc, in buf when it is large enough.
func newScan(lx *lexicon, doc *marsad.Document, buf []tok) *scan {
	text := doc.Text
	spans, folded := doc.Words()
	if cap(buf) < len(spans) {
		buf = make([]tok, len(spans))
	}
	sc := &scan{lx: lx, doc: doc, toks: buf[:len(spans)]}
	for i, t := range spans {
		f := folded[i]
		conj, prep, art, rest := split(f)
		// "ألوية", "ألغام", "ألف": a hamza on the alef makes it the word's own, not the article's.
		if art && !prep && hamzaAlef(text[t.Start:t.End], conj) {
			art, rest = false, f
			if conj {
				rest = f[len("و"):]
			}
		}
		tk := &sc.toks[i]
		*tk = tok{start: t.Start, end: t.End, f: f, b: rest, conj: conj, def: art, prep: prep && art, ent: -1}
		tk.cls = lx.exactClasses(f) | lx.bareClasses(rest)
		if conj {
			// "وزارة", "فصائل": the first letter may be the word's own.
			_, _, whole := article(f)
			tk.cls |= lx.exactClasses(f[len("و"):]) | lx.bareClasses(whole)
		}
		if i == 0 || strings.TrimSpace(text[spans[i-1].End:t.Start]) != "" {
			tk.gap = true
		}
		// A number in digits, maybe after ب or ل ("ب5"); digits fold to ASCII, and a number ends in one.
		if rest != "" && rest[len(rest)-1] >= '0' && rest[len(rest)-1] <= '9' {
			if d := strings.TrimLeft(rest, "بل"); d != "" && d[0] >= '0' && d[0] <= '9' {
				if v, err := strconv.ParseFloat(d, 64); err == nil {
					tk.num, tk.val = true, v
				}
			}
		}
	}
	// "العرض الحكومي القاضي بزيادة الرواتب": after a definite noun and before ب, القاضي is "stipulating", no
	// judge, and the noun phrase ends before it.
	for i := 1; i+1 < len(sc.toks); i++ {
		t := &sc.toks[i]
		if (t.b == "قاضي" || t.b == "قاضيه") && t.def && !t.conj && !t.gap && sc.toks[i-1].def && strings.HasPrefix(sc.toks[i+1].f, "ب") {
			t.cls = t.cls&^lx.bits[cTitle] | lx.bits[cStop]
		}
	}
	// Entities are sorted by start in practice; a token takes the first entity that covers it.
	for ei, e := range doc.Entities {
		for k := range sc.covered(e.Start, e.End) {
			if sc.toks[k].ent < 0 {
				sc.toks[k].ent = ei
			}
		}
	}
	for _, d := range doc.Dates {
		for k := range sc.covered(d.Start, d.End) {
			sc.toks[k].date = true
		}
	}
	return sc
}

// covered yields the indexes of the tokens that overlap the bytes [start, end) of the text.
func (sc *scan) covered(start, end int) func(yield func(int) bool) {
	return func(yield func(int) bool) {
		k := sort.Search(len(sc.toks), func(k int) bool { return sc.toks[k].end > start })
		for ; k < len(sc.toks) && sc.toks[k].start < end; k++ {
			if !yield(k) {
				return
			}
		}
	}
}

// exactClasses returns the word classes of cues.txt matched on the folded word w; most words have none, which
// the filter tells without a map lookup.
func (lx *lexicon) exactClasses(w string) uint64 {
	if !lx.classWords.has(w) {
		return 0
	}
	return lx.exact[w]
}

// bareClasses returns the word classes matched on a word without its clitics.
func (lx *lexicon) bareClasses(w string) uint64 {
	if !lx.classWords.has(w) {
		return 0
	}
	return lx.bare[w]
}

// split separates a folded word into its proclitics and the rest: "وبالقصف" → conj, prep, article, "قصف".
// A letter is taken as a clitic only where the rest stays a plausible word, and a one-letter preposition
// only before the article, since ب ل ك often begin the word itself.
func split(f string) (conj, prep, art bool, rest string) {
	w := f
	if runes(w) > 3 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) && !strings.HasPrefix(w, "وو") {
		conj, w = true, w[len("و"):]
	}
	prep, art, rest = article(w)
	return conj, prep, art, rest
}

// article separates the article, and a preposition before it, from a word: "بالقصف" → prep, article, "قصف".
func article(w string) (prep, art bool, rest string) {
	n := runes(w)
	if n > 4 && strings.HasPrefix(w, "لل") {
		return true, true, w[len("لل"):]
	}
	if n > 4 && (strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ل") || strings.HasPrefix(w, "ك")) && strings.HasPrefix(w[len("ب"):], "ال") {
		prep, w, n = true, w[len("ب"):], n-1
	}
	if n > 3 && strings.HasPrefix(w, "ال") {
		art, w = true, w[len("ال"):]
	}
	return prep, art, w
}

// bare is a listed cue word without its article. A listed word carries no conjunction, so its first و or ف
// is its own ("وزارة", "فصائل"): stripped, "وادي" would match "أدى" and "والي" "إلى".
func bare(w string) string {
	_, _, r := article(w)
	return r
}

// is reports whether the token belongs to a word class of cues.txt: by its folded form (without the
// conjunction) for "exact" classes, else by its form without clitics.
func (sc *scan) is(c class, t *tok) bool { return t.cls&sc.lx.bits[c] != 0 }

// run finds the events sentence by sentence.
func (sc *scan) run() []marsad.Event {
	var out []marsad.Event
	sents := sc.doc.Sentences
	if len(sents) == 0 {
		sents = []marsad.Range{{Start: 0, End: len(sc.doc.Text)}}
	}
	k := 0
	for si, s := range sents {
		for k < len(sc.toks) && sc.toks[k].start < s.Start {
			k++
		}
		lo := k
		for k < len(sc.toks) && sc.toks[k].end <= s.End {
			k++
		}
		if lo == k {
			continue
		}
		sc.toks[lo].gap = true
		out = append(out, sc.sentence(si, lo, k)...)
	}
	return out
}

// hamzaAlef reports a word written with a hamza on its first alef (after a conjunction when conj).
func hamzaAlef(w string, conj bool) bool {
	r, n := utf8.DecodeRuneInString(w)
	if conj {
		r, _ = utf8.DecodeRuneInString(w[n:])
	}
	return r == 'أ' || r == 'إ' || r == 'آ'
}
