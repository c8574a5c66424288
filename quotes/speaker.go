package quotes

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

//go:embed speakers.txt
var speakersFile string

// speakerWords holds the folded tables of speakers.txt: the common nouns that can head a speaker's phrase and
// the words that never start one.
type speakerWords struct {
	noun, not map[string]bool
	// end words also end a phrase that runs into them.
	end map[string]bool
	// accusers put the subject after them in the accusative: "لكن مسؤولاً ليبياً قال".
	accusers map[string]bool
}

func newSpeakerWords(src string) (*speakerWords, error) {
	sw := &speakerWords{noun: map[string]bool{}, not: map[string]bool{}, end: map[string]bool{}, accusers: map[string]bool{}}
	err := eachList(src, func(n int, _ string, f []string) error {
		switch f[0] {
		case "noun":
			for _, w := range f[1:] {
				sw.noun[strings.TrimPrefix(w, "ال")] = true
			}
		case "not":
			addAll(sw.not, f[1:])
		case "accuser":
			addAll(sw.accusers, f[1:])
		case "end":
			addAll(sw.not, f[1:])
			addAll(sw.end, f[1:])
		default:
			return fmt.Errorf("speakers.txt:%d: unknown kind %q", n, f[0])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sw, nil
}

// canSpeak reports whether tokens [a, b) can be a speaker: a noun phrase that names a person, a title, a body,
// a source or a statement, not a particle, a time word, a verb, a prepositional phrase ("للغفيلي") or a
// common noun that cannot speak ("القبض", "الأول"). An entity on the first word is enough; so is a word with
// no article that no table rules out (a name: "مطلق البقمي"). With attached, the first word follows a cue
// ending in ل ("وفقاً للمرصد"), whose ل has eaten the article's alef.
func (s *scan) canSpeak(a, b int, attached bool) bool {
	if a >= b {
		return false
	}
	w := s.f(a)
	if attached && strings.HasPrefix(w, "لل") {
		w = "ا" + strings.TrimPrefix(w, "ل")
	} else if attached {
		w = strings.TrimPrefix(w, "ل")
	}
	w = s.bare(w)
	if s.sw.not[w] || s.lx.stop[w] && !s.lx.stopYa[w] {
		return false
	}
	raw := s.text[s.toks[a].Start:s.toks[a].End]
	if !attached && (strings.HasPrefix(w, "لل") || strings.HasPrefix(raw, "لـ") || strings.HasPrefix(raw, "بـ") ||
		strings.HasPrefix(w, "بال") || strings.HasPrefix(w, "كال")) {
		return false // a clitic preposition: "للغفيلي", "بالإضافة"
	}
	if c, isCue := s.lx.cues[w]; isCue && c.kind != topicCue {
		return false // a verb of saying is never its own subject
	}
	if s.accusative(a) && !strip(s.f(a-1), s.sw.accusers) {
		return false // an adverb or a circumstantial: "مبتسماً", never a subject but after إن or لكن
	}
	if d := s.inDQ[a]; d >= 0 && s.dq[d].start == s.toks[a].Start {
		return true // a quoted name: "وأضاف "اليامي" أن", "قالت "الوطن" إن"
	}
	if s.entityAt(s.toks[a].Start, s.toks[a].End) || s.personOrBody(s.toks[a].Start, s.toks[b-1].End) {
		return true // "الناقد الأدبي نادر السيد"
	}
	noun, ok := strings.CutPrefix(w, "ال")
	if !ok {
		return true
	}
	// A plural of people in ـون ("المحللون", "الحوثيون") can speak; an abstract noun rarely ends so.
	if s.sw.noun[noun] || s.lx.anaphor[w] || s.lx.backref[w] || strings.HasSuffix(noun, "ون") && utf8.RuneCountInString(noun) >= 5 {
		return true
	}
	return s.surname(w)
}

// npEnd cuts the phrase [a, b) before a word that ends a noun phrase: "الحربي هناك تعارض" → "الحربي".
func (s *scan) npEnd(a, b int) int {
	for k := a + 1; k < b; k++ {
		if s.sw.end[s.bare(s.f(k))] {
			return k
		}
	}
	return b
}

// bare removes the conjunction و or ف from a folded word when the rest is a word of a table or has the article.
func (s *scan) bare(w string) string {
	if s.sw.noun[w] || s.sw.not[w] {
		return w // "والدة", not و + "الدة"
	}
	for _, p := range []string{"و", "ف"} {
		if r, ok := strings.CutPrefix(w, p); ok && (s.sw.not[r] || s.sw.noun[strings.TrimPrefix(r, "ال")] || strings.HasPrefix(r, "ال")) {
			return r
		}
	}
	return w
}

// entityAt reports whether [a, b) overlaps an entity.
func (s *scan) entityAt(a, b int) bool {
	for _, e := range s.doc.Entities {
		if e.Start < b && a < e.End {
			return true
		}
	}
	return false
}

// personOrBody reports whether [a, b) overlaps a person or an organization.
func (s *scan) personOrBody(a, b int) bool {
	for _, e := range s.doc.Entities {
		if e.Start < b && a < e.End && (e.Type == marsad.PER || e.Type == marsad.ORG) {
			return true
		}
	}
	return false
}

// personOrBodyEnd returns the token after the last one of [a, b) that a person or an organization overlaps,
// or a when none does.
func (s *scan) personOrBodyEnd(a, b int) int {
	end := a
	for k := a; k < b; k++ {
		if s.personOrBody(s.toks[k].Start, s.toks[k].End) {
			end = k + 1
		}
	}
	return end
}

// surname reports whether the folded word w ends the name of a person the article names elsewhere: "الحمدان"
// after "سليمان الحمدان". The surnames are folded once per document, on first use.
func (s *scan) surname(w string) bool {
	if s.surnames == nil {
		s.surnames = map[string]bool{}
		for _, e := range s.doc.Entities {
			if e.Type == marsad.PER {
				name := arabic.Fold(e.Text)
				s.surnames[name[strings.LastIndexByte(name, ' ')+1:]] = true
			}
		}
	}
	return s.surnames[w]
}
