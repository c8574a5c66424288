package conflicts

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
)

//go:embed terms.txt
var termsFile string

// kinds says which word lists of terms.txt a word is on, besides noun and role.
type kinds uint16

const (
	isTotal    kinds = 1 << iota // the sentence gives a running total ("حصيلة")
	isUpdate                     // … that changes as news comes in ("ارتفعت")
	isPeriod                     // … counted over a span of days ("خلال شهر")
	isSkip                       // between a number and its noun ("ألف"، "من")
	isNotNoun                    // after a number without being what it counts ("آخرون")
	isDuration                   // "12 يوماً" measures time: it counts nobody
	isPart                       // "بينهم 4 أطفال" is part of the figure before it
	isSeveral                    // a title with one gathers several events: "في حوادث مرورية"
	isPast                       // "الماضي": with no span word, the sentence dates an earlier event
	isSpan                       // "خلال": the sentence counts over a span of time up to the news
	isOrdinal                    // "عنصر ثالث"، "قتيل آخر": one more of what was counted
)

var kindNames = map[string]kinds{"total": isTotal, "update": isUpdate, "period": isPeriod, "skip": isSkip,
	"notnoun": isNotNoun, "duration": isDuration, "part": isPart, "several": isSeveral, "past": isPast, "span": isSpan, "ordinal": isOrdinal}

// entry is what the tables say about one word.
type entry struct {
	noun string // class of what is counted
	role string // what happened to it
	kinds
}

func (e entry) is(k kinds) bool { return e.kinds&k != 0 }

// terms holds the folded word tables of terms.txt. It is read-only after newTerms.
type terms struct {
	words map[string]entry
	// shift holds folded phrases that move the body on to another event ("من جهة أخرى"): the headline may
	// then total several events the body does not add up.
	shift []string
}

func newTerms(src string) (*terms, error) {
	t := &terms{words: map[string]entry{}}
	sc := bufio.NewScanner(strings.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(arabic.Fold(line))
		if len(f) == 0 {
			continue
		}
		switch k, ok := kindNames[f[0]]; {
		case f[0] == "noun" || f[0] == "role":
			if len(f) < 3 {
				return nil, fmt.Errorf("terms.txt:%d: %s wants a name and words", n, f[0])
			}
			for _, w := range f[2:] {
				e := t.words[w]
				if f[0] == "noun" {
					e.noun = f[1]
				} else {
					e.role = f[1]
				}
				t.words[w] = e
			}
		case ok:
			for _, w := range f[1:] {
				e := t.words[w]
				e.kinds |= k
				t.words[w] = e
			}
		case f[0] == "shift":
			t.shift = append(t.shift, strings.Join(f[1:], " "))
		default:
			return nil, fmt.Errorf("terms.txt:%d: unknown kind %q", n, f[0])
		}
	}
	return t, sc.Err()
}

// read returns what the tables say about folded word w, also without the clitics news text attaches (the
// conjunctions و ف, the prepositions ب ل, the article ال: "وللمدنيين" → "مدنيين"), and for a role also in the
// present tense a headline uses ("تسيطر" as "سيطر", "تعتقل" as "اعتقل"). Each list is matched on the first
// form of w it holds.
func (t *terms) read(w string) entry {
	var e entry
	add := func(x entry) {
		if e.noun == "" {
			e.noun = x.noun
		}
		if e.role == "" {
			e.role = x.role
		}
		e.kinds |= x.kinds
	}
	for _, conj := range []string{"", "و", "ف"} {
		r, ok := strings.CutPrefix(w, conj)
		if !ok {
			continue
		}
		for _, p := range []string{"", "ال", "بال", "لل", "ب", "ل", "كال"} {
			if s, ok := strings.CutPrefix(r, p); ok && s != "" {
				if x, ok := t.words[s]; ok {
					add(x)
				}
			}
		}
	}
	if e.role != "" {
		return e
	}
	for _, p := range []string{"ت", "ي", "وت", "وي"} {
		if s, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(s) >= 3 {
			if x, ok := t.words[s]; ok && x.role != "" {
				e.role = x.role
				break
			}
			if x, ok := t.words["ا"+s]; ok && x.role != "" {
				e.role = x.role
				break
			}
		}
	}
	return e
}
