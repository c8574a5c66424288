// Package quotes finds reported speech in Arabic news: direct quotations, indirect speech after a reporting cue, and who said it.
package quotes

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// Quoter fills doc.Quotes. It is safe for concurrent use.
type Quoter struct {
	lx *lexicon
	sw *speakerWords
}

var _ marsad.Annotator = (*Quoter)(nil)

// New returns a Quoter with the embedded cue tables.
func New() *Quoter {
	lx, err := newLexicon(cuesFile)
	if err != nil {
		// The tables are embedded at build time, so a bad line is a bug in the build, not in the input.
		panic(err)
	}
	sw, err := newSpeakerWords(speakersFile)
	if err != nil {
		panic(err)
	}
	return &Quoter{lx: lx, sw: sw}
}

// Annotate replaces doc.Quotes with the quotations in doc.Text, ordered by offset. Speakers are linked to the
// doc.Entities item they overlap, so the entities layer should be filled first.
func (q *Quoter) Annotate(doc *marsad.Document) error {
	s := newScan(q.lx, q.sw, doc)
	doc.Quotes = s.run(doc.Quotes[:0])
	return nil
}

// Resolution of a speaker that the clause does not name.
type resolve uint8

const (
	named    resolve = iota // np is the speaker
	anaphor                 // np is "البيان", "المصدر": an earlier speaker whose clause has the noun, else the latest
	backref                 // np is "المرصد": an earlier speaker whose clause has the noun, else np itself
	previous                // no np: the latest speaker (pro-drop "وأضاف أن", "مضيفاً", a quote continued)
	nobody                  // an unattributed quotation
)

// cand is a quotation found by one rule, before speakers that refer back are resolved in text order.
type cand struct {
	start, end int
	direct     bool
	cue        *marsad.Span
	npStart    int // speaker noun phrase, byte offsets; npStart == npEnd when none
	npEnd      int
	res        resolve
	noun       string // folded noun of an anaphor without its article: "بيان"
	clause     [2]int // token range of the cue clause, searched by later anaphors
	topic      bool   // no quotation: an actor that a later pro-drop cue may refer to
}

// scan holds the per-document state of one Annotate call.
type scan struct {
	lx   *lexicon
	sw   *speakerWords
	doc  *marsad.Document
	text string
	toks []arabic.Token
	// fold is every token folded, separated by spaces; tokens [i, j) are fold[foff[i]:foff[j]-1].
	fold   string
	foff   []int
	dq     []direct
	inDQ   []int // per token: index into dq of the quotation containing it, or -1
	usedDQ []bool
	cands  []cand
	// surnames holds the folded last words of the persons in doc.Entities, built on first use.
	surnames map[string]bool
}

func newScan(lx *lexicon, sw *speakerWords, doc *marsad.Document) *scan {
	s := &scan{lx: lx, sw: sw, doc: doc, text: doc.Text}
	toks, words := doc.Words()
	s.toks = toks
	var b strings.Builder // its String does not copy the folded text
	b.Grow(len(s.text))
	s.foff = make([]int, len(s.toks)+1)
	for i, w := range words {
		s.foff[i] = b.Len()
		b.WriteString(w)
		b.WriteByte(' ')
	}
	s.foff[len(s.toks)] = b.Len()
	s.fold = b.String()
	s.dq = findDirect(nil, s.text)
	s.usedDQ = make([]bool, len(s.dq))
	s.inDQ = make([]int, len(s.toks))
	d := 0
	for i, t := range s.toks {
		for d < len(s.dq) && s.dq[d].end <= t.Start {
			d++
		}
		s.inDQ[i] = -1
		if d < len(s.dq) && t.Start >= s.dq[d].start {
			s.inDQ[i] = d
		}
	}
	return s
}

// f returns token i folded.
func (s *scan) f(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.fold[s.foff[i] : s.foff[i+1]-1]
}

// gap returns the text between token i-1 and token i (from the text start for i == 0, to the end for
// i == len(toks)).
func (s *scan) gap(i int) (int, int) {
	a, b := 0, len(s.text)
	if i > 0 {
		a = s.toks[i-1].End
	}
	if i < len(s.toks) {
		b = s.toks[i].Start
	}
	return a, b
}

// gapHas reports whether the gap before token i holds one of the runes in set.
func (s *scan) gapHas(i int, set string) bool {
	a, b := s.gap(i)
	return strings.ContainsAny(s.text[a:b], set)
}

// endsSentence reports whether the gap before token i ends a sentence. A point between digits is a decimal
// point ("2.5"), not an end.
func (s *scan) endsSentence(i int) bool {
	a, b := s.gap(i)
	g := s.text[a:b]
	if !strings.ContainsAny(g, ".!?؟\n") {
		return false
	}
	if g == "." && i > 0 && i < len(s.toks) && isDigit(s.text[a-1]) && isDigit(s.text[b]) {
		return false
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// dqAt returns the quotation whose opening mark lies in the gap before token i, or -1.
func (s *scan) dqAt(i int) int {
	if i >= len(s.toks) || s.inDQ[i] < 0 {
		return -1
	}
	d := s.inDQ[i]
	if a, b := s.gap(i); s.dq[d].open >= a && s.dq[d].open < b {
		return d
	}
	return -1
}

// dqSkip returns the number of tokens of the quotation holding token i (from i on) and the token after it.
func (s *scan) dqSkip(i int) (n, next int) {
	d := s.inDQ[i]
	for next = i; next < len(s.toks) && s.inDQ[next] == d; next++ {
	}
	return next - i, next
}

// strip removes the conjunction و or ف from a folded word when the rest is a known word of set.
func strip(w string, set map[string]bool) bool {
	if set[w] {
		return true
	}
	for _, p := range []string{"و", "ف"} {
		if r, ok := strings.CutPrefix(w, p); ok && set[r] {
			return true
		}
	}
	return false
}

// run applies the rules in text order and resolves speakers.
func (s *scan) run(dst []marsad.Quote) []marsad.Quote {
	for i := 0; i < len(s.toks); i++ {
		if s.inDQ[i] >= 0 {
			continue
		}
		c, ok := s.lx.cues[s.f(i)]
		if !ok {
			continue
		}
		switch c.kind {
		case topicCue:
			s.topic(i)
		case verbCue, partCue:
			s.verb(i, c)
		case prepCue:
			s.prep(i, c)
		}
	}
	s.unlinked()
	return s.resolve(dst)
}

// topic records the subject of the verb after a topic phrase at token i ("من جانبه، أعرب وزير الخارجية
// التركي عن …") for a later pro-drop cue. A reporting verb there makes a quotation instead.
func (s *scan) topic(i int) {
	v := i + 1
	// The comma may be left out after "من جانبه", not after "بدوره", which may sit after its verb.
	if v+1 >= len(s.toks) || s.endsSentence(v) || s.inDQ[v] >= 0 ||
		!s.gapHas(v, "،,") && (s.gapHas(i, ".!?؟\n،,:;؛()") || s.f(i-1) != "من" && s.f(i-1) != "ومن") {
		return
	}
	if c, isCue := s.lx.cues[s.f(v)]; isCue && c.kind != topicCue {
		return
	}
	a := v + 1
	if s.gapHas(a, ".!?؟\n،,:;؛()") || s.inDQ[a] >= 0 {
		return
	}
	s.actor(a, min(s.npAfter(a), a+maxLabel))
}

// actor records tokens [a, b), when they name a person or a body, as an actor that a later pro-drop cue may
// refer to. With no speech to vouch for it, the phrase must overlap a person or an organization or start
// with a noun that speaks: "وكشف مخاتلته" is a noun, not a verb and its subject.
func (s *scan) actor(a, b int) {
	if b = s.npEnd(a, b); !s.canSpeak(a, b, false) || !s.personOrBody(s.toks[a].Start, s.toks[b-1].End) &&
		!s.sw.noun[strings.TrimPrefix(s.bare(s.f(a)), "ال")] {
		return
	}
	b = s.trimActor(a, b)
	s.cands = append(s.cands, cand{start: s.toks[a].Start, end: s.toks[a].Start, npStart: s.toks[a].Start,
		npEnd: s.toks[b-1].End, clause: [2]int{a, b}, topic: true})
}

// openingSubject returns the subject of the verb that opens the sentence of token i, when the sentence has no
// reporting cue before i: a first word with و or ف that is no noun ("وحدد", "ورصد"), then a phrase that names a
// person or a body or starts with a noun that speaks. It returns an empty range otherwise.
func (s *scan) openingSubject(i int) (int, int) {
	first := s.sentenceStart(i)
	if first+1 >= i || s.inDQ[first] >= 0 {
		return i, i
	}
	for _, c := range s.cands {
		if c.cue != nil && c.cue.Start >= s.toks[first].Start && c.cue.Start < s.toks[i].Start || c.topic && c.start >= s.toks[first].Start {
			return i, i
		}
	}
	w := s.f(first)
	if utf8.RuneCountInString(w) < 4 || !strings.HasPrefix(w, "و") && !strings.HasPrefix(w, "ف") || s.bare(w) != w ||
		s.sw.noun[w] || strip(w, s.lx.lead) || strip(w, s.lx.stop) || s.personOrBody(s.toks[first].Start, s.toks[first].End) {
		return i, i
	}
	a := first + 1
	if s.gapHas(a, ".!?؟\n،,:;؛()") || s.inDQ[a] >= 0 {
		return i, i
	}
	b := s.npEnd(a, min(s.npAfter(a), i))
	if b == a || !s.canSpeak(a, b, false) || !s.personOrBody(s.toks[a].Start, s.toks[b-1].End) &&
		!s.sw.noun[strings.TrimPrefix(s.bare(s.f(a)), "ال")] {
		return i, i
	}
	return a, s.trimActor(a, b)
}

// trimActor cuts the phrase [a, b) of a verb with no speech after it, which runs on into the verb's object
// ("وأكد التقرير ارتفاع العمليات", "وقدم مفتي السعودية نداء"): after its person or organization, or else
// before the first indefinite word after a definite one (a noun goes on only with its adjectives and a
// definite genitive).
func (s *scan) trimActor(a, b int) int {
	if e := s.personOrBodyEnd(a, b); e > a {
		return e
	}
	definite := false
	for k := a; k < b; k++ {
		d := strings.HasPrefix(s.bare(s.f(k)), "ال")
		if definite && !d {
			return k
		}
		definite = definite || d
	}
	return b
}

// demonstrative reports whether token k is a demonstrative object right after a verb, with words after it:
// "أكد ذلك رئيس المجلس".
func (s *scan) demonstrative(k int) bool {
	switch s.f(k) {
	case "ذلك", "هذا", "هذه":
		return k+1 < len(s.toks) && !s.endsSentence(k+1) && !s.gapHas(k+1, "،,:;؛()") && !s.lx.comp[s.f(k+1)]
	}
	return false
}

// addressee returns the token after an addressee that starts at token k ("لـ"الاقتصادية"", "لـ(عكاظ)",
// "للصحيفة", "لـعنب بلدي" is left to the stop rules), or k when there is none.
func (s *scan) addressee(k int) int {
	w := s.f(k)
	switch w {
	case "له", "لها", "لهم", "لي", "لنا", "عنه", "عنها", "عنهم":
		// A pronoun object right after the verb: "وأكد لي أنه", "الذي قال عنه الكاتب إنه".
		if k+1 < len(s.toks) && !s.endsSentence(k+1) && !s.gapHas(k+1, ":") {
			return k + 1
		}
		return k
	}
	if w == "ل" && k+1 < len(s.toks) {
		if d := s.dqAt(k + 1); d >= 0 {
			if n, next := s.dqSkip(k + 1); n <= 4 && next < len(s.toks) && !s.endsSentence(next) && !s.gapHas(next, ":") {
				return next
			}
			return k
		}
		if a, b := s.gap(k + 1); strings.Contains(s.text[a:b], "(") {
			for m := k + 2; m < len(s.toks) && m <= k+5; m++ {
				if s.gapHas(m, ")") {
					if m < len(s.toks) && !s.endsSentence(m) && !s.gapHas(m, ":") {
						return m
					}
					return k
				}
			}
		}
		return k
	}
	if strings.HasPrefix(w, "لل") && k+1 < len(s.toks) && !s.gapHas(k+1, ".!?؟\n،,:;؛()") && !s.lx.comp[s.f(k+1)] {
		return k + 1
	}
	return k
}

// term says how a cue's clause ends.
type term uint8

const (
	noTerm term = iota
	compTerm
	colonTerm
	quoteTerm
)

// forward reads the words after a cue up to what introduces the speech: a complementizer (أن، إن، بأن), a
// colon, or a quotation. It returns the speaker's noun phrase as tokens [npA, npB) and where the speech starts.
// Words after a stop word (في بيان، لـ"نورث برس"، اليوم) may follow the speaker before the speech.
func (s *scan) forward(i int, c cue) (t term, at, npA, npB int) {
	// at is the complementizer's token for compTerm, the token after the colon for colonTerm and the
	// quotation's first token for quoteTerm.
	npA, npB = i+1, i+1
	stopped := false
	k := i + 1
	if s.demonstrative(k) {
		k++ // "ذكر ذلك الدكتور أيمن الخضراء": the object, then the subject
		npA, npB = k, k
	}
	particle := c.particle
	if particle != "" && s.f(k) == particle {
		k++ // "جاء في البيان أن", "أشار إلى أن"
		npA, npB = k, k
		// Only في names the source ("جاء في البيان"); after إلى، على، من، عن comes what is said, and the
		// speaker is the subject before the verb or the one before: "وشدد على ضرورة أن".
		stopped = particle != "في"
	}
	// far: the phrase ended at a stop word or a quoted name, and a long adverbial may follow before the speech
	// ("قالت قسد في الذكرى الخامسة لتحرير … إن"). aside: a relative clause, whose own verbs are not cues
	// ("وأضاف المسؤول، الذي طلب عدم ذكر اسمه، أن").
	far, aside := false, false
	for start := k; k < len(s.toks) && (k < start+12 || far && k < start+30); k++ {
		if s.endsSentence(k) {
			return noTerm, k, npA, npB // the sentence ends: no speech, but the verb may name a speaker for later
		}
		if d := s.dqAt(k); d >= 0 {
			n, next := s.dqSkip(k)
			// A short quoted name right after the verb is its subject: "وأضاف "اليامي" أن".
			if npB == npA && n <= 3 && !stopped && !s.gapHas(k, ":") && next < len(s.toks) && !s.endsSentence(next) {
				npB = next
				k = next - 1
				continue
			}
			// Speech after a colon, or long enough to be speech; a short quoted run that the sentence goes on
			// after is a name: "قالت صحيفة "فيلت إم زونتاج" إن".
			if s.gapHas(k, ":") || n >= 6 || n >= 3 && (next >= len(s.toks) || s.endsSentence(next)) {
				return quoteTerm, k, npA, npB
			}
			// A short quoted name in the clause: part of the speaker right after its noun ("صحيفة «ذا صن»"),
			// else the addressee ("لـ"نورث برس"") or a medium.
			if !stopped && npB == k && npB > npA {
				npB = next
			}
			stopped, far = true, true
			k = next - 1
			continue
		}
		if s.gapHas(k, ":") {
			return colonTerm, k, npA, npB
		}
		if npB == npA && !stopped && !s.gapHas(k, "،,;؛()") {
			// The addressee may come before the subject: "قال لـ"الاقتصادية" مختصون إن", "وأوضح لـ(عكاظ) رئيس
			// اللجنة أن", "أكد للصحيفة مسؤول أن".
			if next := s.addressee(k); next > k {
				k, npA, npB = next-1, next, next
				continue
			}
		}
		if s.gapHas(k, "،,;؛()") {
			// Commas set off an apposition or an aside before the speech: "وقال أبو محمد، وهو من سكان
			// الحي، لـ"نورث برس": «…»". They end the speaker's phrase but not the clause, and the aside may be
			// long ("وقال أحد وجهاء المدينة، طلب عدم نشر اسمه لأسباب أمنية، لـعنب بلدي: «…»").
			if npB > npA {
				stopped, far = true, true
			}
		}
		w := s.f(k)
		if s.lx.comp[w] && !strip(s.f(k-1), s.lx.notcomp) {
			return compTerm, k, npA, npB
		}
		aside = aside || s.lx.relative[w]
		c, isCue := s.lx.cues[w]
		if isCue && c.kind == verbCue && k > start && !aside {
			return noTerm, 0, 0, 0 // another reporting clause starts
		}
		if isCue && c.kind == partCue {
			stopped = true // "أضاف قائلاً:"
		}
		if isCue && c.kind == prepCue && npB > npA && s.prepAt(k, c) {
			// An attribution set off inside the clause names the medium: "يقول الناطق علي الأحمدي - حسب
			// وكالة الصحافة الفرنسية - إن".
			stopped, far = true, true
		}
		if !stopped {
			// The verb's own preposition ends its subject: "وحذّر البيان من أن".
			if s.npStop(k, w, npB-npA) || utf8.RuneCountInString(w) == 1 || w == particle && npB > npA {
				stopped, far = true, true
			} else {
				npB = k + 1
			}
		}
	}
	return noTerm, k, npA, npB
}

// npStop reports whether token k, folded w, at position n of a noun phrase, ends the phrase.
func (s *scan) npStop(k int, w string, n int) bool {
	if strip(w, s.lx.stop) {
		// Folding merges على and the name علي: a stop word spelled with ى does not stop a word with ي.
		return !s.lx.stopYa[w] || !strings.HasSuffix(s.text[s.toks[k].Start:s.toks[k].End], "ي")
	}
	// لل marks the addressee ("للصحيفة", "للمرصد"); no name starts with it. Nor with ل drawn out by a tatweel
	// ("لـنورث برس"), which the news writes only before the addressee's name.
	return strings.HasPrefix(w, "لل") || strings.HasPrefix(s.text[s.toks[k].Start:], "لـ")
}

// verb handles a reporting verb or participle at token i.
func (s *scan) verb(i int, c cue) {
	if p, ok := s.lx.cues[s.f(i-1)]; ok && p.kind == prepCue && strings.HasSuffix(s.f(i-1), "ما") || s.f(i-1) == "ما" &&
		i > 1 && s.lx.cues[s.f(i-2)].kind == prepCue {
		return // "حسبما يزعم"، "بحسب ما أفاد": the attribution's own verb
	}
	if w := strings.TrimPrefix(s.f(i), "و"); w == "بين" && (strings.HasPrefix(s.f(i-1), "بين") || s.f(i-1) == "ما" || s.f(i-1) == "من") {
		return // "بينها وبين المدافعين", "ما بين": the preposition, spelt as بيّن
	}
	if next := i + 1; next < len(s.toks) && s.f(next) != "" && isDigit(s.f(next)[0]) && !s.gapHas(next, ":") {
		// A figure right after the verb is what the verb counts, not who speaks: "بين 17 و23 عاماً"
		// (between, spelled as بيّن), "ذكر 3 أسباب".
		return
	}
	t, at, npA, npB := s.forward(i, c)
	if t == noTerm && npB > npA && c.kind == verbCue && !c.passive {
		// "حذرت مقررة الأمم المتحدة … هلال إيلفر من أزمة غذائية.": no speech, but the one who spoke, for a
		// pro-drop "وقالت" after.
		s.actor(npA, s.title(npA, npB, at))
		return
	}
	if t == noTerm || t == compTerm && npA == npB && at == i+1 && s.lx.narration[s.f(i)] {
		// "ويُذكر أن": the writer's narration.
		return
	}
	cn := cand{cue: s.span(i, i+1), npStart: -1, clause: [2]int{i, at}}
	// "ونقلت وكالة الأناضول عن كالن قوله": the speaker is the one quoted, not the agency; a verb that takes
	// عن relays without قوله too ("ونقلت واع عن مصدر أمني أن").
	if a, b, ok := s.relayed(npB, at, c.particle == "عن"); ok {
		npA, npB = a, b
	} else if npB > npA {
		npB = s.title(npA, npB, at)
	}
	switch {
	case c.passive:
		cn.res = nobody
	case c.kind == partCue:
		cn.res = previous
		// "وحدد المنشور مهلة أربعة أيام، مضيفاً أن": the participle goes on from the subject of the verb that
		// opens its sentence when no reporting cue came before it there.
		if a, b := s.openingSubject(i); a < b {
			cn.res, cn.npStart, cn.npEnd, cn.clause = named, s.toks[a].Start, s.toks[b-1].End, [2]int{a, b}
		}
	default:
		s.speaker(&cn, i, npA, npB)
	}
	switch t {
	case compTerm:
		if at+1 >= len(s.toks) || s.endsSentence(at+1) {
			return
		}
		// A quotation right after أن is the speech only when the clause ends with it; otherwise it is a quoted
		// word inside indirect speech: "معتبراً أن "المقاومة" حق مشروع".
		if d := s.dqAt(at + 1); d >= 0 && !s.usedDQ[d] && s.speechEnds(d, at+1) {
			s.linkDQ(&cn, d)
			return
		}
		cn.start = s.toks[at+1].Start
		cn.end = s.clauseEnd(at + 1)
		cn.direct = s.mostlyQuoted(cn.start, cn.end)
	case colonTerm:
		if d := s.dqAt(at); d >= 0 {
			if !s.usedDQ[d] {
				s.linkDQ(&cn, d)
			}
			return
		}
		// Speech after a colon without marks is still the speaker's own words.
		cn.start, cn.end, cn.direct = s.toks[at].Start, s.clauseEnd(at), true
	case quoteTerm:
		if d := s.inDQ[at]; !s.usedDQ[d] {
			s.linkDQ(&cn, d)
		}
		return
	}
	if cn.start < cn.end {
		s.cands = append(s.cands, cn)
	}
}

// speechEnds reports whether quotation d, right after the complementizer at token k-1, is the whole speech:
// the clause ends with it or goes on only after a punctuation mark ("أن «…»، أي القوات …").
func (s *scan) speechEnds(d, k int) bool {
	if s.clauseEnd(k) <= s.dq[d].after {
		return true
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s.text[s.dq[d].after:], " \t"))
	return isClosingPunct(r) || r == '-' || r == '–' || r == '—'
}

func (s *scan) linkDQ(cn *cand, d int) {
	s.usedDQ[d] = true
	cn.start, cn.end, cn.direct = s.dq[d].start, s.dq[d].end, true
	s.cands = append(s.cands, *cn)
}

// maxTitle bounds, in words, the rest of a title between where its phrase stopped and the person's name.
const maxTitle = 10

// title extends a speaker phrase [npA, npB) that stopped at a preposition to the person it names before token
// at: "قائد الأمن الداخلي | في محافظة درعا العميد شاهر عمران"، "مدير المؤسسة العامة | للحبوب في حكومة الإنقاذ
// عمر الأحمد". The phrase must name no person itself, and no comma may come before the name.
func (s *scan) title(npA, npB, at int) int {
	if npB >= at || !strings.HasPrefix(s.f(npB), "ل") && !strip(s.f(npB), s.lx.stop) {
		return npB
	}
	a, b := s.toks[npA].Start, s.toks[npB-1].End
	limit := s.toks[min(at, npB+maxTitle)-1].End
	name := -1 // offset where the first person after the phrase ends
	first := limit
	for _, e := range s.doc.Entities {
		if e.Type != marsad.PER || e.Start >= limit || e.End <= a {
			continue
		}
		if e.Start < b {
			return npB // the phrase names its person: "المتحدث باسم قسد فرهاد شامي"
		}
		if e.End <= limit && e.Start < first {
			first, name = e.Start, e.End
		}
	}
	if name < 0 {
		return npB
	}
	k := npB
	for ; k < at && s.toks[k].End <= name; k++ {
		if s.gapHas(k, ".!?؟\n،,:;؛()") || s.inDQ[k] >= 0 {
			return npB
		}
		// Only "في" and "عن" join a title to its body ("عضو اللجنة المالية في مجلس النواب"); other stop
		// words lead elsewhere ("إلى أوبك خلال ندوة").
		if w := s.f(k); strip(w, s.lx.stop) && w != "في" && w != "عن" {
			return npB
		}
	}
	return k
}

// relayed finds "عن X قوله" in tokens [from, to) and returns X. With bare, "عن X" is enough; X then ends at a
// punctuation mark.
func (s *scan) relayed(from, to int, bare bool) (int, int, bool) {
	an := -1
	for k := from; k < to; k++ {
		switch s.f(k) {
		case "عن":
			an = k + 1
		case "قوله", "قولها", "قولهم", "قولهما":
			if an >= 0 && an < k {
				return an, k, true
			}
		}
	}
	if !bare || an < 0 || an >= to {
		return 0, 0, false
	}
	b := an + 1
	for b < to && !s.gapHas(b, ".!?؟\n،,:;؛()") && s.inDQ[b] < 0 {
		b++
	}
	return an, b, true
}

// speaker sets the speaker of cn from the noun phrase [npA, npB) after the verb at token i, or, when there is
// none, from the subject before the verb (SVO: "المرصد السوري قال إن"), or else from an earlier speaker.
func (s *scan) speaker(cn *cand, i, npA, npB int) {
	cn.res = named
	npB = s.npEnd(npA, npB)
	if !s.canSpeak(npA, npB, false) {
		// A phrase that cannot speak ("إذ", "يوم الجمعة") is not the subject: look before the verb, or back.
		npA, npB = i, i
	}
	if npA == npB {
		npA, npB = s.subject(i)
		if npB = s.npEnd(npA, npB); !s.canSpeak(npA, npB, false) {
			npA, npB = i, i
		}
		cn.clause[0] = npA
	}
	if npA == npB {
		cn.res = previous
		// "نشرت لجنة التحقيق تقريرها، وقالت فيه إن": a verb inside the sentence shares the subject named
		// earlier in it.
		if e := s.sentenceEntity(i); e >= 0 {
			cn.res = named
			cn.npStart, cn.npEnd = s.doc.Entities[e].Start, s.doc.Entities[e].End
		}
		return
	}
	cn.npStart, cn.npEnd = s.toks[npA].Start, s.toks[npB-1].End
	if d := s.inDQ[npB-1]; d >= 0 && s.dq[d].end == cn.npEnd {
		cn.npEnd = s.dq[d].after // keep the closing mark of a quoted name
		if s.dq[d].start == cn.npStart {
			cn.npStart = s.dq[d].open // and its opening one when it is the whole phrase: "وأضاف "اليامي" أن"
		}
	}
	s.refersBack(cn, npA, npB)
}

// refersBack marks the speaker of cn, tokens [npA, npB), as referring back when it is a word such as
// "البيان" or "المصدر نفسه" and not linked to an entity.
func (s *scan) refersBack(cn *cand, npA, npB int) {
	if s.linked(cn.npStart, cn.npEnd) {
		return
	}
	w := s.f(npA)
	if npB-npA == 2 {
		switch s.f(npA + 1) {
		case "نفسه", "ذاته", "نفسها", "ذاتها":
		default:
			return
		}
	} else if npB-npA != 1 {
		return
	}
	noun := strings.TrimPrefix(w, "ال")
	switch {
	case s.lx.anaphor[w]:
		cn.res, cn.noun = anaphor, noun
	case s.lx.backref[w]:
		cn.res, cn.noun = backref, noun
	}
}

// sentenceEntity returns the first person or organization between the start of the sentence and token i,
// or -1.
func (s *scan) sentenceEntity(i int) int {
	first := s.sentenceStart(i)
	if first == i {
		return -1
	}
	lo, hi := s.toks[first].Start, s.toks[i].Start
	best := -1
	for j, e := range s.doc.Entities {
		if e.Start >= lo && e.End <= hi && (e.Type == marsad.PER || e.Type == marsad.ORG) &&
			(best < 0 || e.Start < s.doc.Entities[best].Start) {
			best = j
		}
	}
	return best
}

// subject returns the noun phrase that opens the clause of the verb at token i (SVO: "المرصد السوري قال إن",
// "وكانت قسد قد أعلنت أن"), or an empty range. The phrase must reach back to the start of the clause, a
// punctuation mark or a word such as "وكانت" or "من جهته"; otherwise the words before the verb belong to an
// earlier clause ("وهنأ المجتمع الدولي قسد على الإنجاز واعتبرت أن").
func (s *scan) subject(i int) (int, int) {
	const punct = ".!?؟\n،,:;؛()«»\"“”"
	b := i
	for b > 0 && i-b < 2 && s.inDQ[b-1] < 0 && !s.gapHas(b, punct) && strip(s.f(b-1), s.lx.lead) {
		b-- // "قد" between subject and verb
	}
	// An object before the verb, marked by its tanween ("أصدرت فصائل محلية بياناً مشتركاً قالت فيه إن",
	// "نشرت حسابات مقطعاً مصوراً قالت إنه"), belongs to an earlier verb, which shares its subject.
	for n := 0; b > 0 && n < 3 && s.inDQ[b-1] < 0 && !s.gapHas(b, punct) && s.accusative(b-1); n++ {
		b--
	}
	a := b
	for a > 0 && b-a < 6 && s.inDQ[a-1] < 0 && !s.gapHas(a, punct) {
		w := s.f(a - 1)
		// A lead word that is also a preposition ("في" of "في حين") belongs to the subject: "فصائل محلية في
		// السويداء".
		if c, isCue := s.lx.cues[w]; isCue && c.kind == verbCue || s.lx.comp[w] || strip(w, s.lx.lead) && !s.lx.stop[w] {
			break
		}
		a--
	}
	boundary := a == 0 || s.inDQ[a-1] >= 0 || s.gapHas(a, punct) || strip(s.f(a-1), s.lx.lead)
	if a == b || !boundary {
		return i, i
	}
	for k := a; k < b; k++ {
		if w := s.f(k); strip(w, s.lx.stop) && strip(w, s.lx.relative) {
			return i, i // a verb in a relative clause: "في غالب الدول التي أعلنت أن"
		}
	}
	for k := a; k < b; k++ {
		if strip(s.f(k), s.lx.stop) {
			if k == a {
				return i, i // a preposition first: "في الأثناء قال" has no subject before the verb
			}
			return a, k // "فصائل محلية في السويداء"
		}
	}
	return a, b
}

// accusative reports whether token k carries the tanween of the accusative (ً): an object or an adverb, never
// the subject.
func (s *scan) accusative(k int) bool {
	return strings.Contains(s.text[s.toks[k].Start:s.toks[k].End], "\u064B")
}

// prep handles an attribution such as "بحسب المرصد" at token i: the speaker follows, the content is the
// clause before it, or the clause after it when it opens the sentence.
func (s *scan) prep(i int, c cue) {
	k := i + 1
	npStart := -1
	if c.next != "" {
		switch w := s.f(k); {
		case w == c.next:
			k++
		case c.next == "ل" && w == "لما":
			// "وفقاً لما أفاد به المرصد": ل with the relative, read as "بحسب ما".
		case c.next == "ل" && strings.HasPrefix(w, "ل") && s.inDQ[k] < 0:
			// "وفقاً لمصادر", "وفقاً لـمراسل": the speaker starts after the attached ل and any tatweel. In
			// "للمرصد" the ل has eaten the article's alef, so the word is kept whole.
			if !strings.HasPrefix(w, "لل") {
				npStart = s.toks[k].Start + len("ل")
				for strings.HasPrefix(s.text[npStart:], "ـ") {
					npStart += len("ـ")
				}
			}
		default:
			return
		}
	}
	cueEnd := k
	// "بحسب ما أفاد به المرصد", "حسبما أفاد المرصد": skip the relative and its verb.
	var rel cue
	if w := s.f(i); (s.f(k) == "ما" || s.f(k) == "لما" && c.next == "ل" || strings.HasSuffix(w, "ما") && c.next == "") && !s.endsSentence(k) {
		if s.f(k) == "ما" || s.f(k) == "لما" {
			k++
		}
		if c, ok := s.cueObj(k); ok && !s.endsSentence(k) {
			rel = c
			k++
			// The verb's preposition with the pronoun of the speech: "بحسب ما أفاد به"، "حسبما أشارت إليه".
			switch s.f(k) {
			case "به", "بها", "اليه", "اليها", "عنه", "عنها":
				if !s.endsSentence(k) {
					k++
				}
			}
			if k < len(s.toks) && s.gapHas(k, "،,:;؛()") {
				return // "حسبما يزعم، …": the verb's subject is a pronoun
			}
		}
		npStart = -1
	}
	npA, npB := k, s.npAfter(k)
	// "وفق ما نقلت وكالة بترا عن مصدر دبلوماسي": the speaker is the one the medium relays.
	if rel.particle == "عن" && npB > npA && s.f(npB) == "عن" && !s.gapHas(npB, ".!?؟\n،,:;؛()") {
		if b := s.npAfter(npB + 1); b > npB+1 {
			npA, npB = npB+1, b
		}
	}
	if npA == npB {
		return
	}
	cn := cand{cue: s.span(i, cueEnd), clause: [2]int{i, npB}}
	if npStart < 0 {
		npStart = s.toks[npA].Start
	}
	cn.npStart, cn.npEnd = npStart, s.toks[npB-1].End
	if !s.canSpeak(npA, npB, c.next == "ل" && npA == cueEnd) {
		if rel.kind == 0 {
			return // "وفقاً للأغراض البحثية", "حسب الأصول": no attribution
		}
		// "بحسب ما ذكر يوم الجمعة": the relative's verb names no speaker.
		cn.npStart, cn.res = -1, nobody
	}
	// "«…»، بحسب المصدر نفسه". An attribution that names a source refers back only to a speaker whose clause
	// has the noun: "بحسب البيان" is as often a first mention.
	if s.refersBack(&cn, npA, npB); cn.res == anaphor {
		cn.res = backref
	}
	first := s.sentenceStart(i)
	// A quotation right before the attribution is its speech when it opens the sentence; one that ends a
	// longer clause is a quoted phrase in it: "عن طريق “الدجاج الانتحاري”، حسبما أوردته صحيفة".
	if d := s.dqBefore(i); d >= 0 && (s.dq[d].open <= s.toks[first].Start || s.mostlyQuoted(s.toks[first].Start, s.toks[i-1].End)) {
		if !s.usedDQ[d] {
			s.linkDQ(&cn, d)
		}
		return
	}
	if i-first >= 3 {
		// A clause that already has its speaker names the medium it was reported in: "وقال المتحدث إن …،
		// وفق ما نقلت وكالة الأنباء العراقية".
		for _, o := range s.cands {
			if o.cue != nil && o.cue.Start >= s.toks[first].Start && o.end >= s.toks[i-1].End {
				return
			}
		}
		cn.start, cn.end = s.toks[first].Start, s.toks[i-1].End
		if d := s.inDQ[i-1]; d >= 0 && s.dq[d].end == cn.end {
			cn.end = s.dq[d].after // keep the closing mark of a quoted phrase
		}
		cn.direct = s.mostlyQuoted(cn.start, cn.end)
		s.cands = append(s.cands, cn)
		return
	}
	// The attribution opens the sentence: "وبحسب المرصد، فإن القصف …".
	for npB < len(s.toks) && (s.f(npB) == "فان" || s.f(npB) == "فقد" || s.f(npB) == "فانه") {
		npB++
	}
	if npB+2 >= len(s.toks) || s.endsSentence(npB) {
		return
	}
	cn.start, cn.end = s.toks[npB].Start, s.clauseEnd(npB)
	cn.direct = s.mostlyQuoted(cn.start, cn.end)
	s.cands = append(s.cands, cn)
}

// npAfter returns the end of the speaker's noun phrase that starts at token k after an attribution: at most
// eight words, up to a punctuation mark, a quotation, a complementizer, a stop word or a reporting verb.
func (s *scan) npAfter(k int) int {
	npB := k
	for ; npB < len(s.toks) && npB < k+8; npB++ {
		if npB > k && (s.gapHas(npB, ".!?؟\n،,:;؛()") || s.dqAt(npB) >= 0) || s.inDQ[npB] >= 0 && s.dqAt(npB) < 0 {
			break
		}
		if npB == k && s.endsSentence(npB) {
			break
		}
		w := s.f(npB)
		if s.lx.comp[w] || s.npStop(npB, w, npB-k) && npB > k {
			break
		}
		if c, isCue := s.lx.cues[w]; isCue && (c.kind == verbCue || c.kind == partCue) && npB > k {
			break // "وبحسب تقرير الوكالة أوضح …": the verb starts the clause
		}
	}
	return npB
}

// prepAt reports whether the prep cue c at token k has its second word ("على لسان", "وفقاً لـ").
func (s *scan) prepAt(k int, c cue) bool {
	switch w := s.f(k + 1); {
	case c.next == "" || w == c.next:
		return true
	case c.next == "ل":
		return strings.HasPrefix(w, "ل")
	}
	return false
}

// cueObj returns the cue of token k, which may carry the object pronoun that stands for the speech: "ما
// قاله"، "ما أكدته"، "حسبما أوردته".
func (s *scan) cueObj(k int) (cue, bool) {
	c, ok := s.lx.cues[s.f(k)]
	for _, suf := range []string{"ه", "ها"} {
		if ok {
			break
		}
		if w, cut := strings.CutSuffix(s.f(k), suf); cut {
			c, ok = s.lx.cues[w]
		}
	}
	return c, ok && c.kind != topicCue
}

// dqBefore returns the quotation that closes right before token i (only spaces, commas or dashes between), or -1.
func (s *scan) dqBefore(i int) int {
	if i == 0 || s.inDQ[i-1] < 0 {
		return -1
	}
	d := s.inDQ[i-1]
	a, b := s.dq[d].after, s.toks[i].Start
	if a > b || strings.Trim(s.text[a:b], " \t،,-–—") != "" {
		return -1
	}
	return d
}

// unlinked attributes the quotations no cue before them claimed: to a cue right after them ("«…»، قال شامي"),
// to the speaker of the previous quotation when they go on from it, or to nobody when long enough to be speech.
func (s *scan) unlinked() {
	for d, q := range s.dq {
		if s.usedDQ[d] {
			continue
		}
		first := sort.Search(len(s.toks), func(i int) bool { return s.toks[i].Start >= q.start })
		if first == len(s.toks) {
			continue
		}
		n, next := s.dqSkip(first)
		cn := cand{start: q.start, end: q.end, direct: true, npStart: -1, res: nobody}
		if a := s.label(q, first); a < first {
			// "وزير الطاقة: «…»": a headline, or an interview's turn, names its speaker before a colon.
			cn.res, cn.clause = named, [2]int{a, first}
			cn.npStart, cn.npEnd = s.toks[a].Start, s.toks[first-1].End
			s.refersBack(&cn, a, first)
			s.usedDQ[d] = true
			s.cands = append(s.cands, cn)
			continue
		}
		if next < len(s.toks) && s.after(&cn, d, next) {
			s.usedDQ[d] = true
			s.cands = append(s.cands, cn)
			continue
		}
		switch {
		case n >= 3 && s.follows(q):
			cn.res = previous
		case n >= 6:
		default:
			continue
		}
		s.usedDQ[d] = true
		s.cands = append(s.cands, cn)
	}
}

// maxLabel bounds, in words, a speaker named before a colon at the start of a line.
const maxLabel = 6

// label returns the first token of the words that open the line of quotation q, whose first token is first,
// and end in a colon right before its mark ("مسؤول كوردي: "…""), or first when there are none. The words
// may not hold a reporting verb, a complementizer or a stop word first (a verb before the colon claims the
// quotation itself).
func (s *scan) label(q direct, first int) int {
	if first == 0 || strings.TrimSpace(s.text[s.toks[first-1].End:q.open]) != ":" {
		return first
	}
	a := first - 1
	for a > 0 && first-a < maxLabel && !s.gapHas(a, "\n") {
		if s.gapHas(a, ".!?؟،,:;؛()«»\"“”-–—") {
			return first
		}
		a--
	}
	if a > 0 && !s.gapHas(a, "\n") || !s.canSpeak(a, first, false) {
		return first
	}
	for k := a; k < first; k++ {
		w := s.f(k)
		if c, isCue := s.lx.cues[w]; isCue && c.kind != topicCue || s.lx.comp[w] || s.inDQ[k] >= 0 || k == a && strip(w, s.lx.stop) {
			return first
		}
	}
	return a
}

// after reads a reporting verb and its subject right after quotation d ("«…»، قال شامي."), which must end
// there: a verb followed by أن starts new speech instead.
func (s *scan) after(cn *cand, d, i int) bool {
	a, b := s.dq[d].after, s.toks[i].Start
	if a > b || strings.Trim(s.text[a:b], " \t،,.-–—") != "" {
		return false
	}
	// "«…». هذا ما قاله مسؤول": skip the demonstrative and relative.
	for n := 0; n < 2 && i+1 < len(s.toks) && s.lx.relative[s.f(i)] && !s.endsSentence(i+1); n++ {
		i++
	}
	c, ok := s.cueObj(i)
	if !ok || c.kind == prepCue {
		return false
	}
	k := i + 1
	if c.particle != "" && s.f(k) == c.particle {
		k++
	}
	npB := k
	for ; npB < len(s.toks) && npB < k+8; npB++ {
		if npB > k && s.gapHas(npB, ".!?؟\n،,:;؛()") || s.dqAt(npB) >= 0 || s.inDQ[npB] >= 0 {
			break
		}
		w := s.f(npB)
		if s.lx.comp[w] {
			return false
		}
		if s.npStop(npB, w, npB-k) {
			break
		}
	}
	// Nothing may follow but the end of the clause or a stop phrase ("لـ"نورث برس"", "في تصريح"); after a
	// comma, a new clause may ("صرّح الوزير، مشيراً إلى أن").
	for j := npB; j < len(s.toks) && !s.endsSentence(j) && !s.gapHas(j, "،,;؛"); j++ {
		if s.lx.comp[s.f(j)] || s.gapHas(j, ":") {
			return false
		}
	}
	cn.cue = s.span(i, i+1)
	cn.clause = [2]int{i, npB}
	if c.kind == partCue || npB == k {
		cn.res = previous
		return true
	}
	s.speaker(cn, i, k, npB)
	return true
}

// follows reports whether quotation q goes on from the speech just before it: the previous quotation ends in
// the same paragraph, or q opens a paragraph right after the one holding it.
func (s *scan) follows(q direct) bool {
	var prev *cand
	for i := range s.cands {
		c := &s.cands[i]
		if c.end <= q.open && (prev == nil || c.end > prev.end) {
			prev = c
		}
	}
	if prev == nil {
		return false
	}
	breaks := strings.Count(s.text[prev.end:q.open], "\n\n")
	if breaks == 0 {
		breaks = strings.Count(s.text[prev.end:q.open], "\n")
	}
	if breaks == 0 {
		return true
	}
	lineStart := strings.LastIndexByte(s.text[:q.open], '\n') + 1
	return breaks == 1 && strings.TrimSpace(s.text[lineStart:q.open]) == ""
}

// clauseEnd returns where indirect speech that starts at token k ends: at the end of the sentence, or before a
// comma that opens further speech ("…، مضيفاً أن"). Quotations inside are skipped whole.
func (s *scan) clauseEnd(k int) int {
	end := s.toks[k].End
	for m := k + 1; m < len(s.toks) && m < k+maxSentence; m++ {
		if s.inDQ[m] >= 0 && s.inDQ[m] == s.inDQ[m-1] {
			end = s.toks[m].End
			continue
		}
		if s.endsSentence(m) {
			break
		}
		if s.gapHas(m, "،,;؛") {
			if c, isCue := s.lx.cues[s.f(m)]; isCue && c.kind != topicCue || s.opensClause(m) {
				break
			}
		}
		end = s.toks[m].End
	}
	return end
}

// opensClause reports whether a phrase such as "في حين" or "بينما" starts at token m.
func (s *scan) opensClause(m int) bool {
	for _, rest := range s.lx.clause[s.f(m)] {
		ok := true
		for j, w := range rest {
			if s.f(m+1+j) != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// maxSentence bounds, in tokens, how far a sentence is followed, so that text without full stops stays linear.
const maxSentence = 300

// sentenceStart returns the first token of the sentence holding token i.
func (s *scan) sentenceStart(i int) int {
	for limit := i - maxSentence; i > 0 && i > limit; {
		if s.inDQ[i] >= 0 && s.inDQ[i] == s.inDQ[i-1] {
			i--
			continue
		}
		if s.endsSentence(i) {
			break
		}
		i--
	}
	return i
}

// mostlyQuoted reports whether quotation marks cover at least half of [start, end): indirect speech that is
// mostly the speaker's words ("أن التنظيم «يسعى إلى…»") is marked direct.
func (s *scan) mostlyQuoted(start, end int) bool {
	n := 0
	for _, q := range s.dq {
		a, b := max(q.start, start), min(q.end, end)
		if a < b {
			n += b - a
		}
	}
	return 2*n >= end-start
}

func (s *scan) span(i, j int) *marsad.Span {
	sp := marsad.SpanOf(s.text, s.toks[i].Start, s.toks[j-1].End)
	return &sp
}

// linked reports whether [a, b) overlaps an entity with an id; such a speaker is named even when it is a
// word like "المرصد".
func (s *scan) linked(a, b int) bool {
	for _, e := range s.doc.Entities {
		if e.ID != "" && e.Start < b && a < e.End {
			return true
		}
	}
	return false
}

// ref returns the speaker [a, b) linked to the entity it overlaps: a person before an organization before
// anything else, then the longest, so "المتحدث باسم قسد فرهاد شامي" is شامي's.
func (s *scan) ref(a, b int) *marsad.Ref {
	r := &marsad.Ref{Span: marsad.SpanOf(s.text, a, b)}
	best, bestScore := -1, 0
	for i, e := range s.doc.Entities {
		if e.Start >= b || a >= e.End {
			continue
		}
		score := e.End - e.Start
		switch e.Type {
		case marsad.PER:
			score += 3000
		case marsad.ORG:
			score += 2000
		default:
			score += 1000
		}
		if e.ID != "" {
			score += 500
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best >= 0 {
		r.ID, r.Name = s.doc.Entities[best].ID, s.doc.Entities[best].Name
	}
	return r
}

// resolve turns candidates into quotes in text order, resolving speakers that refer back, and drops a quote
// that lies inside another (a quoted phrase inside indirect speech, speech reported within speech).
func (s *scan) resolve(dst []marsad.Quote) []marsad.Quote {
	sort.SliceStable(s.cands, func(i, j int) bool {
		a, b := s.cands[i], s.cands[j]
		if a.start != b.start {
			return a.start < b.start
		}
		return a.end > b.end
	})
	type said struct {
		ref    *marsad.Ref
		clause string
	}
	var hist []said
	last := -1
	for i, c := range s.cands {
		if c.topic {
			hist = append(hist, said{s.ref(c.npStart, c.npEnd), s.fold[s.foff[c.clause[0]] : s.foff[c.clause[1]]-1]})
			continue
		}
		if last >= 0 && c.start >= s.cands[last].start && c.end <= s.cands[last].end {
			continue
		}
		// A cue inside reported speech reports speech within it, never past its end: in "وأضاف أن قواتهم
		// أبلغت التحالف بالهجوم، لافتاً إلى أن …" the participle continues وأضاف, not أبلغت.
		if last >= 0 && c.cue != nil && c.cue.Start >= s.cands[last].start && c.cue.End <= s.cands[last].end {
			continue
		}
		last = i
		var ref *marsad.Ref
		switch c.res {
		case named:
			if c.npStart >= 0 {
				ref = s.ref(c.npStart, c.npEnd)
			}
		case anaphor, backref:
			for h := len(hist) - 1; h >= 0 && ref == nil; h-- {
				if strings.Contains(hist[h].clause, c.noun) {
					ref = hist[h].ref
				}
			}
			if ref == nil && c.res == anaphor && len(hist) > 0 {
				ref = hist[len(hist)-1].ref
			}
			if ref == nil {
				ref = s.ref(c.npStart, c.npEnd)
			}
		case previous:
			if len(hist) > 0 {
				ref = hist[len(hist)-1].ref
			}
		}
		if ref != nil {
			clause := ""
			if c.clause[1] > c.clause[0] {
				clause = s.fold[s.foff[c.clause[0]] : s.foff[c.clause[1]]-1]
			}
			hist = append(hist, said{ref, clause})
			cp := *ref
			ref = &cp
		}
		dst = append(dst, marsad.Quote{
			Span:    marsad.SpanOf(s.text, c.start, c.end),
			Direct:  c.direct,
			Speaker: ref,
			Cue:     c.cue,
		})
	}
	return dst
}
