package events

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

//go:generate go run gencameo.go
//go:generate go run gentrain.go
//go:generate go run genrank.go

//go:embed data/triggers.txt data/cues.txt data/cameo_plover.txt data/cameo_lexicon.txt data/report_weights.txt data/rank_weights.txt
var dataFS embed.FS

// Trigger kinds: how the words around a trigger fill its roles.
const (
	kindVerb        = 'v'  // active verb: subject is the doer, object the target
	kindVictimVerb  = 'q'  // verb whose subject is the victim (أصيب)
	kindNoun        = 'n'  // verbal noun: genitive is the doer when it names a force, else the target
	kindVictimNoun  = 'p'  // verbal noun whose genitive is the victim (مقتل)
	kindParticipant = 'a'  // noun naming those who take part (المتظاهرون): the doer itself
	kindCircumstant = 'c'  // participle after a comma (، مطالبا): the doer is its clause's subject
	sourceOwn       = 0.7  // rank of a hand-written trigger: it wins over a CAMEO one on the same words
	sourceCAMEO     = 0.45 // rank of a CAMEO-derived trigger
	cameoMinLetters = 3    // shorter CAMEO words are too ambiguous to code
)

// entry is one trigger: a head word and the words that must follow it.
type entry struct {
	typ, mode string
	kind      byte
	next      [][]alt // alternatives for each following word, in order
	conf      float64 // sourceOwn or sourceCAMEO
}

// alt is a word that may follow a trigger, folded and without clitics; own is the stem of a word written
// by hand in triggers.txt with the pronoun ه ("دعمه"), which matches the word with any pronoun ("دعمها",
// "تأييدهم"). (The CAMEO dictionary writes ta marbuta as ه, so its words get none.)
type alt struct{ f, b, own string }

func newAlt(w string) alt {
	f := arabic.Fold(w)
	_, _, _, b := split(f)
	if hamzaAlef(w, false) {
		b = f
	}
	return alt{f: f, b: b}
}

// ownAlt is newAlt for a hand-written word.
func ownAlt(w string) alt {
	a := newAlt(w)
	if strings.HasSuffix(w, "ه") && utf8.RuneCountInString(w) > 3 {
		a.own = strings.TrimSuffix(a.b, "ه")
	}
	return a
}

// modeCue gives the events of one type a mode when one of its words is near.
type modeCue struct {
	typ, mode string
	rank      int
}

// roleCue says that a count next to the word has this role.
type roleCue struct {
	role   string
	before bool // the word precedes the count ("مقتل 5")
}

// lexicon holds every table the stage reads; it is built once and only read afterwards.
type lexicon struct {
	// past holds verbs by their past stem and nouns by their stems; present holds verbs by the stem that
	// follows the imperfect prefix (يستهدف → ستهدف).
	past, present, nouns map[string][]*entry
	uncoded              map[string]bool // CAMEO verbs of no event type, by their past (see derivedVerb)
	starts, keys         bloom           // the keys of past, present and nouns: their beginnings, and whole
	follows              bloom           // the forms of every following word (alt.f, alt.b, alt.own)
	modes                map[string][]modeCue
	roles                map[string][]roleCue
	// Every class as a bit, so a token learns all its classes from two lookups: exact holds the classes
	// matched on the folded word, bare those matched without clitics.
	classBit map[string]uint64
	bits     [nClasses]uint64 // classBit of the classes the code reads, by class
	// genitives holds the classes of words that may be an indefinite noun's genitive in a construct chain:
	// bodies, forces, people of a place, places ("مسلحو عشيرة آل غزي", "مزارعو قضاء الفاو", "قيادة قوات حرس الحدود").
	genitives   uint64
	exact, bare map[string]uint64
	classWords  bloom              // the words of exact and bare
	models      map[string]*model  // report models by type, see report.go
	rankers     [nRoles]*rankTable // the role models, see rank.go; a nil one leaves its role to the rules
	// threats holds, for each verb of harm (ASSAULT, COERCE), the THREATEN entry its future takes: "سنطرد
	// طالبان", "سوف نلاحقهم" announce the force (PLOVER: threaten with military force or repression).
	threats map[*entry]*entry
}

// loadLexicon reads the embedded tables; without the report model when training it.
func loadLexicon(withModel bool) (*lexicon, error) {
	lx := &lexicon{
		past: map[string][]*entry{}, present: map[string][]*entry{}, nouns: map[string][]*entry{}, uncoded: map[string]bool{},
		modes: map[string][]modeCue{}, roles: map[string][]roleCue{},
		classBit: map[string]uint64{}, exact: map[string]uint64{}, bare: map[string]uint64{},
		models: map[string]*model{anyType: {weights: make([]float64, nFeatures)}},
	}
	if err := lx.loadCues("data/cues.txt"); err != nil {
		return nil, err
	}
	if err := lx.loadTriggers("data/triggers.txt"); err != nil {
		return nil, err
	}
	defer lx.indexFollows()
	if err := lx.loadCAMEO("data/cameo_plover.txt", "data/cameo_lexicon.txt"); err != nil {
		return nil, err
	}
	for _, m := range []map[string][]*entry{lx.past, lx.present, lx.nouns} {
		for k := range m {
			lx.starts.addKey(k)
			lx.keys.add(k)
		}
	}
	lx.threats = map[*entry]*entry{}
	for _, es := range lx.present {
		for _, e := range es {
			if harm(e.typ) && lx.threats[e] == nil {
				t := *e
				t.typ, t.mode = marsad.THREATEN, ""
				lx.threats[e] = &t
			}
		}
	}
	if withModel {
		if err := lx.loadWeights("data/report_weights.txt"); err != nil {
			return nil, err
		}
		if err := lx.loadRankers("data/rank_weights.txt"); err != nil {
			return nil, err
		}
	}
	if len(lx.classBit) > 64 {
		return nil, fmt.Errorf("cues.txt: %d word classes; at most 64", len(lx.classBit))
	}
	for c, name := range classNames {
		bit, ok := lx.classBit[name]
		if !ok {
			return nil, fmt.Errorf("cues.txt: no [%s] section", name)
		}
		lx.bits[c] = bit
	}
	for _, c := range []class{cAgent, cConstruct, cResidents, cPlace, cCity, cBroad, cWeapon} {
		lx.genitives |= lx.bits[c]
	}
	return lx, nil
}

// lines calls fn with the fields of each non-blank, non-comment line of an embedded file.
func lines(name string, fn func(n int, f []string) error) error {
	f, err := dataFS.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(n, strings.Fields(line)); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func (lx *lexicon) loadTriggers(name string) error {
	return lines(name, func(_ int, f []string) error {
		if len(f) < 4 || len(f[2]) != 1 || !strings.Contains("vqnpac", f[2]) {
			return fmt.Errorf("want TYPE MODE KIND WORD [+NEXT...], got %q", strings.Join(f, " "))
		}
		if !validTypes[f[0]] {
			return fmt.Errorf("unknown PLOVER type %q", f[0])
		}
		if strings.Contains(f[3], "|") {
			return fmt.Errorf("trigger word %q has alternatives: write one line per word", f[3])
		}
		e := &entry{typ: f[0], kind: f[2][0], conf: sourceOwn}
		if f[1] != "-" {
			e.mode = f[1]
		}
		for _, nx := range f[4:] {
			if !strings.HasPrefix(nx, "+") {
				return fmt.Errorf("following word %q lacks its +", nx)
			}
			var alts []alt
			for _, a := range strings.Split(nx[1:], "|") {
				alts = append(alts, ownAlt(a))
			}
			e.next = append(e.next, alts)
		}
		lx.add(arabic.Fold(f[3]), e)
		return nil
	})
}

// indexFollows records the following words of every trigger in lx.follows.
func (lx *lexicon) indexFollows() {
	for _, m := range []map[string][]*entry{lx.past, lx.present, lx.nouns} {
		for _, es := range m {
			for _, e := range es {
				for _, alts := range e.next {
					for _, a := range alts {
						lx.follows.add(a.f)
						lx.follows.add(a.b)
						if a.own != "" {
							lx.follows.add(a.own)
						}
					}
				}
			}
		}
	}
}

// short reports whether e may be read from a stem of two letters left by a clitic or a prefix: a
// hand-written trigger whose following words are required, so that they, not the two letters, tell it.
func (e *entry) short() bool { return len(e.next) > 0 && e.conf == sourceOwn }

// add indexes e under the stems its word takes in text.
func (lx *lexicon) add(w string, e *entry) {
	if e.kind == kindVerb || e.kind == kindVictimVerb {
		lx.past[w] = append(lx.past[w], e)
		// Forms IV, VII, VIII and X lose their alef after the imperfect prefix: أرسل → يرسل, اعتقل → يعتقل.
		p := w
		if strings.HasPrefix(w, "ا") && utf8.RuneCountInString(w) >= 4 {
			p = w[len("ا"):]
		}
		lx.present[p] = append(lx.present[p], e)
		for _, h := range hollowPresent(w, p) {
			lx.present[h] = append(lx.present[h], e)
		}
		// A verb ending in alef or alef maqsura loses it before the feminine ending: أخلى → أخلت, دعا → دعت.
		// Two letters are left of a verb of three (نفى → نفت), a stem too short to tell apart ("بنت" is a
		// girl, not بنى) unless the words that must follow the verb do it (نفت … أن), as hand-written ones do.
		if s, ok := strings.CutSuffix(w, "ي"); ok && (runes(s) >= 3 || runes(s) == 2 && e.short()) {
			lx.past[s] = append(lx.past[s], e)
		} else if s, ok := strings.CutSuffix(w, "ا"); ok && runes(s) >= 2 {
			lx.past[s] = append(lx.past[s], e)
		}
		return
	}
	lx.nouns[w] = append(lx.nouns[w], e)
	// The feminine plural and dual replace ta marbuta: مظاهرة → مظاهرات, غارة → غارتين. The bare stem is not
	// a key, as it is often another word: مصادرة (seizure) → مصادر (sources).
	if s, ok := strings.CutSuffix(w, "ه"); ok && runes(s) >= 3 {
		for _, end := range []string{"ات", "تين", "تان"} {
			lx.nouns[s+end] = append(lx.nouns[s+end], e)
		}
	}
}

// hollowPresent returns the imperfect stems of a hollow verb w (past stem p after the imperfect prefix), whose
// middle alef turns into ي or و: أدان → يدين, أشاد → يشيد, استعاد → يستعيد; زار → يزور, باع → يبيع (form I
// may take either). Forms VII and VIII keep the alef (انقاد → ينقاد, اختار → يختار).
func hollowPresent(w, p string) []string {
	r := []rune(p)
	n := len(r)
	if n < 3 || r[n-2] != 'ا' {
		return nil
	}
	stem, last := string(r[:n-2]), string(r[n-1])
	switch nw := runes(w); {
	case w == p && nw == 3:
		return []string{stem + "ي" + last, stem + "و" + last}
	case strings.HasPrefix(w, "ا") && (nw == 4 || nw == 6 && strings.HasPrefix(w, "است")):
		return []string{stem + "ي" + last}
	}
	return nil
}

func (lx *lexicon) loadCues(name string) error {
	var section []string
	exact := false
	return lines(name, func(_ int, f []string) error {
		if strings.HasPrefix(f[0], "[") {
			section = strings.Fields(strings.Trim(strings.Join(f, " "), "[]"))
			exact = section[len(section)-1] == "exact"
			if _, ok := lx.classBit[section[0]]; !ok && section[0] != "mode" && section[0] != "role" {
				lx.classBit[section[0]] = 1 << len(lx.classBit)
			}
			return nil
		}
		if section == nil {
			return fmt.Errorf("words before any [section]")
		}
		for _, raw := range f {
			w := arabic.Fold(raw)
			if !exact && !hamzaAlef(raw, false) {
				w = bare(w)
			}
			switch section[0] {
			case "mode":
				if len(section) != 4 {
					return fmt.Errorf("want [mode TYPE NAME RANK]")
				}
				rank, err := strconv.Atoi(section[3])
				if err != nil {
					return err
				}
				lx.modes[w] = append(lx.modes[w], modeCue{section[1], section[2], rank})
			case "role":
				if len(section) != 3 {
					return fmt.Errorf("want [role NAME after|before]")
				}
				lx.roles[w] = append(lx.roles[w], roleCue{section[1], section[2] == "before"})
			default:
				lx.classWords.add(w)
				if exact {
					lx.exact[w] |= lx.classBit[section[0]]
				} else {
					lx.bare[w] |= lx.classBit[section[0]]
				}
			}
		}
		return nil
	})
}

// loadCAMEO adds the verb patterns of the UniversalPetrarch dictionary: a verb that codes as an event only
// with its object ("أدام ... قصف" 190, "فرض ... حظر تجول" 1723). Its objects are merged into one trigger per
// verb and type; hand-written triggers outrank them where both match.
func (lx *lexicon) loadCAMEO(mapName, lexName string) error {
	prefixes := map[string]string{}
	if err := lines(mapName, func(_ int, f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want CODE TYPE")
		}
		prefixes[f[0]] = f[1]
		return nil
	}); err != nil {
		return err
	}
	plover := func(code string) string {
		for n := len(code); n > 0; n-- {
			if t, ok := prefixes[code[:n]]; ok {
				return t
			}
		}
		return "-"
	}
	type vt struct{ verb, typ string }
	single := map[vt]*entry{}
	return lines(lexName, func(_ int, f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want CODE VERB OBJECT...")
		}
		typ := plover(f[0])
		if typ == "-" {
			lx.uncoded[f[1]] = true
		}
		if typ == "-" || runes(f[1]) < cameoMinLetters {
			return nil
		}
		for _, w := range f[2:] {
			if runes(w) < cameoMinLetters {
				return nil
			}
		}
		if len(f) == 3 {
			k := vt{f[1], typ}
			if e := single[k]; e != nil {
				e.next[0] = append(e.next[0], newAlt(f[2]))
				return nil
			}
			e := &entry{typ: typ, kind: kindVerb, conf: sourceCAMEO, next: [][]alt{{newAlt(f[2])}}}
			single[k] = e
			lx.add(f[1], e)
			return nil
		}
		e := &entry{typ: typ, kind: kindVerb, conf: sourceCAMEO}
		for _, w := range f[2:] {
			e.next = append(e.next, []alt{newAlt(w)})
		}
		lx.add(f[1], e)
		return nil
	})
}

// validTypes lists the PLOVER types a trigger may name.
var validTypes = map[string]bool{
	marsad.AGREE: true, marsad.CONSULT: true, marsad.SUPPORT: true, marsad.CONCEDE: true, marsad.COOPERATE: true,
	marsad.AID: true, marsad.RETREAT: true, marsad.REQUEST: true, marsad.ACCUSE: true, marsad.REJECT: true,
	marsad.THREATEN: true, marsad.PROTEST: true, marsad.SANCTION: true, marsad.MOBILIZE: true, marsad.COERCE: true,
	marsad.ASSAULT: true,
}

// class names a word class of cues.txt that the code reads.
type class int

const (
	cAgent class = iota
	cAgentAfter
	cAgentVerb
	cFrame
	cGenericNisba
	cNationality
	cNegation
	cNotPlace
	cNumber
	cPlace
	cPlacePrep
	cPrep
	cReportCue
	cSkip
	cStop
	cTargetPrep
	cTime
	cTimeAnchor
	cTimeNoun
	cVictim
	cWeapon
	cConstruct
	cProtester
	cParticiple
	cTitle
	cCondemn
	cRelative
	cHappened
	cName
	cPronounParticle
	cModal
	cReflexive
	cDevice
	cDenial
	cCall
	cFuture
	cConditional
	cDirection
	cResidents
	cDeterminer
	cContent
	cLightVerb
	cSurvive
	cStatement
	cReceive
	cSince
	cContrast
	cContrastParticle
	cCompass
	cMeeting
	cPronounPrep
	cReach
	cPlacePlural
	cPhone
	cProperty
	cAside
	cPlaceKind
	cInstallation
	cLed
	cBuilding
	cBroad
	cDescribe
	cCity
	cProposal
	nClasses
)

// classNames are the sections of cues.txt, by class.
var classNames = [nClasses]string{"agent", "agent_after", "agent_verb", "frame", "generic_nisba", "nationality", "negation", "not_place", "number", "place", "place_prep", "prep", "report_cue", "skip", "stop", "target_prep", "time", "time_anchor", "time_noun", "victim", "weapon", "construct", "protester", "participle", "title", "condemn", "relative", "happened", "name", "pronoun_particle", "modal", "reflexive", "device", "denial", "call", "future", "conditional", "direction", "residents", "determiner", "content", "light_verb", "survive", "statement", "receive", "since", "contrast", "contrast_particle", "compass", "meeting", "pronoun_prep", "reach", "place_plural", "phone", "property", "aside", "place_kind", "installation", "led", "building", "broad", "describe", "city", "proposal"}
