package quotes

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"

	"github.com/marsad/marsad/arabic"
)

//go:embed cues.txt
var cuesFile string

type cueKind uint8

const (
	verbCue  cueKind = iota + 1 // قال: speaker after (VSO) or before (SVO), then أن or a direct quote
	partCue                     // مضيفاً: same speaker as the clause it continues
	prepCue                     // بحسب: speaker after, content is the rest of the clause
	topicCue                    // جانبه: no speech, but the subject of the verb after it may speak next
)

// cue is what a folded word means when it starts a reporting cue.
type cue struct {
	kind cueKind
	// particle is the folded preposition a verb takes before أن ("الي" for أشار إلى).
	particle string
	// next is the folded second word of a two-word prep cue ("عن" in نقلاً عن); "ل" also matches ل attached
	// to the following word.
	next string
	// passive marks a verb that reports speech without a speaker: "وأُفيد بأن"، "قيل إن".
	passive bool
}

// lexicon holds the folded word tables read from cues.txt. It is read-only after newLexicon.
type lexicon struct {
	cues    map[string]cue
	comp    map[string]bool
	anaphor map[string]bool
	backref map[string]bool
	stop    map[string]bool
	lead    map[string]bool
	// stopYa holds the stop words written with ى (على، إلى، لدى), which folding merges with names (علي).
	stopYa map[string]bool
	// relative words sit between a quotation and the verb that attributes it: "«…». هذا ما قاله".
	relative map[string]bool
	// notcomp words make the أن after them a conjunction, not speech: "بعد أن"، "قبل أن".
	notcomp map[string]bool
	// narration forms read as the writer's own narration when the complementizer follows them with no
	// subject: "ويُذكر أن" (unvocalized, the passive is spelt as the active يذكر).
	narration map[string]bool
	// clause maps the first word of a phrase that opens a new clause after a comma ("، في حين", "، بينما")
	// to the words that must follow it (none for one-word phrases).
	clause map[string][][]string
}

func newLexicon(src string) (*lexicon, error) {
	lx := &lexicon{
		cues:      map[string]cue{},
		comp:      map[string]bool{},
		anaphor:   map[string]bool{},
		backref:   map[string]bool{},
		stop:      map[string]bool{},
		lead:      map[string]bool{},
		stopYa:    map[string]bool{},
		relative:  map[string]bool{},
		notcomp:   map[string]bool{},
		narration: map[string]bool{},
		clause:    map[string][][]string{},
	}
	err := eachList(src, func(n int, line string, f []string) error {
		kind, words := f[0], f[1:]
		switch kind {
		case "verb":
			if len(words) < 2 || len(words) > 3 {
				return fmt.Errorf("cues.txt:%d: verb wants perfect, imperfect (or -) and an optional particle", n)
			}
			c := cue{kind: verbCue}
			if len(words) == 3 {
				c.particle = words[2]
			}
			for _, form := range conjugate(words[0], words[1]) {
				lx.addCue(form, c)
			}
		case "part":
			for _, w := range words {
				lx.addCue(w, cue{kind: partCue})
				if strings.HasSuffix(w, "ا") {
					lx.addCue(strings.TrimSuffix(w, "ا")+"ه", cue{kind: partCue})
				}
			}
		case "prep":
			c := cue{kind: prepCue}
			if len(words) > 2 {
				return fmt.Errorf("cues.txt:%d: prep cues have one or two words", n)
			}
			if len(words) == 2 {
				c.next = words[1]
			}
			lx.addCue(words[0], c)
		case "comp":
			addAll(lx.comp, words)
		case "anaphor":
			addAll(lx.anaphor, words)
		case "backref":
			addAll(lx.backref, words)
		case "stop":
			addAll(lx.stop, words)
			for _, w := range strings.Fields(line)[1:] {
				if strings.HasSuffix(w, "ى") {
					lx.stopYa[arabic.Fold(w)] = true
				}
			}
		case "lead":
			addAll(lx.lead, words)
		case "relative":
			addAll(lx.relative, words)
		case "notcomp":
			addAll(lx.notcomp, words)
		case "passive":
			for _, w := range words {
				lx.addCue(w, cue{kind: verbCue, passive: true})
			}
		case "narration":
			for _, w := range words {
				for _, p := range []string{"", "و", "ف"} {
					lx.narration[p+w] = true
				}
			}
		case "topic":
			// Topic words, then a comma, open a sentence whose verb's subject is a new actor ("من جانبه، أعرب
			// وزير الخارجية التركي عن …"): the speaker of a following "وقال إن".
			for _, w := range words {
				lx.addCue(w, cue{kind: topicCue})
			}
		case "clause":
			for _, p := range []string{"", "و"} {
				lx.clause[p+words[0]] = append(lx.clause[p+words[0]], words[1:])
			}
		default:
			return fmt.Errorf("cues.txt:%d: unknown kind %q", n, kind)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return lx, nil
}

// eachList calls fn with each line of a word list that names a kind and at least one word: its number, the
// line without its comment ("#"), and its folded fields.
func eachList(src string, fn func(n int, line string, f []string) error) error {
	sc := bufio.NewScanner(strings.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(arabic.Fold(line))
		if len(f) < 2 {
			continue
		}
		if err := fn(n, line, f); err != nil {
			return err
		}
	}
	return sc.Err()
}

func addAll(m map[string]bool, words []string) {
	for _, w := range words {
		m[w] = true
	}
}

// addCue adds w with the conjunctions و and ف attached. A form already present keeps its first meaning.
func (lx *lexicon) addCue(w string, c cue) {
	for _, p := range []string{"", "و", "ف"} {
		if _, ok := lx.cues[p+w]; !ok {
			lx.cues[p+w] = c
		}
	}
}

// conjugate returns the third-person forms news text reports speech with. An imperfect "-" leaves the
// imperfect out where it is another word: تبين أن means "it turned out that", not "he explained".
func conjugate(perfect, imperfect string) []string {
	forms := []string{perfect, perfect + "ت", perfect + "وا", perfect + "ا", perfect + "تا"}
	if stem, ok := strings.CutPrefix(imperfect, "ي"); ok {
		forms = append(forms, imperfect)
		forms = append(forms, "ت"+stem, imperfect+"ون", imperfect+"ان", "ت"+stem+"ان")
	}
	// Verbs ending in alef maqsura fold to ي (نفى → نفي) and conjugate on the stem: نفت، نفوا.
	if stem, ok := strings.CutSuffix(perfect, "ي"); ok {
		forms = append(forms, stem+"ت", stem+"وا")
	}
	return forms
}
