package events

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// Verb endings, tried in this order on a folded word after its conjunction: first an object pronoun
// ("قصفوها"), then a subject ending ("قصفوا"), so "استهدفتهم" reaches "استهدف".
var (
	// (Not ني, "me": news seldom says it, and "التقني", "technical", is no "التقاني".)
	objectEndings  = []string{"", "ه", "ها", "هم", "هما", "كم", "نا", "هن"}
	subjectEndings = []string{"", "وا", "و", "ون", "ان", "ين", "ت", "تا", "تم", "ن", "نا", "ا"}
	// Noun endings: plural and dual, accusative tanween ("هجوما"), possessives.
	nounEndings = []string{"", "ات", "ين", "ون", "ان", "تين", "تان", "ا", "ه", "ها", "هم", "هما"}
)

// runes counts the runes of s by its leading bytes, faster than decoding them.
func runes(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// byLast indexes endings by their last byte, so a word tries only the endings it can have (a shared last
// byte of two letters only costs a failed suffix test).
func byLast(endings []string) *[256][]string {
	var m [256][]string
	for _, e := range endings {
		if e != "" {
			m[e[len(e)-1]] = append(m[e[len(e)-1]], e)
		}
	}
	return &m
}

// endingsOf returns the endings of m that may end w.
func endingsOf(m *[256][]string, w string) []string {
	if w == "" {
		return nil
	}
	return m[w[len(w)-1]]
}

var objectByLast, subjectByLast = byLast(objectEndings), byLast(subjectEndings)

// verbEntries calls fn for each verb trigger the word f can be a form of, saying whether it was read as
// an imperfect (يقصف) rather than a past (قصف).
func (lx *lexicon) verbEntries(f string, fn func(e *entry, imperfect bool)) {
	w := f
	// "سنطرد", "وسيقصفون": the future is an imperfect after س, read only for the verbs of harm, whose
	// future is a threat (see lexicon.threats); other plans are no events.
	if y, ok := futureStem(f); ok {
		lx.verbEntries(y, func(e *entry, imperfect bool) {
			if imperfect && lx.threats[e] != nil {
				fn(e, true)
			}
		})
	}
	for pass := 0; pass < 2; pass++ {
		if pass == 1 {
			if runes(w) < 3 || !strings.HasPrefix(w, "و") && !strings.HasPrefix(w, "ف") {
				return
			}
			w = w[len("و"):]
			if runes(w) == 2 {
				// A doubled verb leaves two letters after the conjunction (وحث, وصد, ودك), as do many other
				// words (وفر "provided", وجد "found"): only a hand-written verb whose following words are
				// required is read there.
				lx.verbStems(w, func(e *entry, imperfect bool) {
					if e.short() {
						fn(e, imperfect)
					}
				})
				return
			}
		}
		lx.verbStems(w, fn)
		for _, o := range endingsOf(objectByLast, w) {
			if x, ok := strings.CutSuffix(w, o); ok && runes(x) >= 2 {
				lx.verbStems(x, fn)
			}
		}
	}
}

// futureStem returns the word f, folded, without the future prefix س (after a conjunction), when an
// imperfect prefix follows it: "سنطرد" → "نطرد", "وسيلاحقونهم" → "يلاحقونهم".
func futureStem(f string) (string, bool) {
	w := f
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		w = w[len("و"):]
	}
	y, ok := strings.CutPrefix(w, "س")
	if !ok || runes(y) < 4 {
		return "", false
	}
	switch y[:len("ي")] {
	case "ي", "ت", "ن", "ا":
		return y, true
	}
	return "", false
}

// verbStems looks up x, stripped of one subject ending, as a past and as an imperfect stem.
func (lx *lexicon) verbStems(x string, fn func(e *entry, imperfect bool)) {
	try := func(y string) {
		if runes(y) < 2 {
			return
		}
		if lx.keys.has(y) {
			for _, e := range lx.past[y] {
				fn(e, false)
			}
		}
		// The imperfect: يقصف, تستهدف, نطالب, and the first person أطالب; of a doubled verb (يحث, تشن) only
		// where the verb's following words are required, as for the conjunction above.
		if runes(y) >= 3 {
			switch {
			case strings.HasPrefix(y, "ي"), strings.HasPrefix(y, "ت"), strings.HasPrefix(y, "ن"), strings.HasPrefix(y, "ا"):
				if p := y[len("ي"):]; lx.keys.has(p) {
					for _, e := range lx.present[p] {
						if runes(y) >= 4 || e.short() {
							fn(e, true)
						}
					}
				}
			}
		}
	}
	try(x)
	for _, s := range endingsOf(subjectByLast, x) {
		if y, ok := strings.CutSuffix(x, s); ok {
			try(y)
		}
	}
}

// beforePronoun are the last letters of a noun (folded) that are written otherwise before a pronoun: ta
// marbuta as ت ("استقالته", "مطالبتهم"), a final hamza as ئ ("لقائه", "اعتدائهم").
var beforePronoun = []struct{ last, written string }{{"ه", "ت"}, {"ء", "ئ"}}

// nounEntries calls fn for each noun trigger the word can be a form of.
func (lx *lexicon) nounEntries(t *tok, fn func(*entry)) {
	try := func(w string) {
		for _, s := range nounEndings {
			y, ok := strings.CutSuffix(w, s)
			if !ok || runes(y) < 2 {
				continue
			}
			// Two letters ("مد" of "بمد حالة الطوارئ") are read only as a hand-written noun whose following
			// words are required, as for the verbs.
			if runes(y) == 2 {
				if s == "" && lx.keys.has(y) {
					for _, e := range lx.nouns[y] {
						if e.short() {
							fn(e)
						}
					}
				}
				continue
			}
			if strings.HasPrefix(s, "ه") {
				for _, w := range beforePronoun {
					if stem, ok := strings.CutSuffix(y, w.written); ok && lx.keys.has(stem+w.last) {
						for _, e := range lx.nouns[stem+w.last] {
							fn(e)
						}
					}
				}
			}
			if !lx.keys.has(y) {
				continue
			}
			for _, e := range lx.nouns[y] {
				fn(e)
			}
		}
	}
	try(t.b)
	// A noun that begins with و is not a conjunction: "وقفة".
	if t.conj && !t.def {
		try(t.f)
	}
	// An indefinite noun after a one-letter preposition: "بقصف", "لهجوم".
	if !t.def && runes(t.b) > 2 && (strings.HasPrefix(t.b, "ب") || strings.HasPrefix(t.b, "ل") || strings.HasPrefix(t.b, "ك")) {
		try(t.b[len("ب"):])
	}
}

// bloom is a Bloom filter of strings with one FNV-1a hash: it answers "maybe" or "surely not" from a few
// bytes of memory, cheaper than a map lookup for the many words a table lacks.
type bloom [1 << 16 / 64]uint64

func (b *bloom) set(h uint32) { b[h>>22] |= 1 << (h >> 16 % 64) }

func (b *bloom) get(h uint32) bool { return b[h>>22]&(1<<(h>>16%64)) != 0 }

func fnv(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

func (b *bloom) add(s string) { b.set(fnv(s)) }

// has reports whether s may have been added.
func (b *bloom) has(s string) bool { return b.get(fnv(s)) }

// The trigger keys are held by their first minKey to maxKey bytes (two or three folded letters): reading
// a word tries dozens of clitic and ending splits, while most words begin like no trigger. The endings are
// stripped from the end, so a key is always a prefix of the word once its proclitics are gone.
const minKey, maxKey = 4, 6

// addKey records a trigger key; one shorter than minKey bytes lets every word through.
func (b *bloom) addKey(key string) {
	if len(key) < minKey {
		for i := range b {
			b[i] = ^uint64(0)
		}
		return
	}
	b.add(key[:min(len(key), maxKey)])
}

// hasKey reports whether a trigger key may begin w.
func (b *bloom) hasKey(w string) bool {
	h := uint32(2166136261)
	for i := 0; i < maxKey && i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
		if i+1 >= minKey && b.get(h) {
			return true
		}
	}
	return false
}

// mayRead reports whether a token may be read as a trigger: whether a key may begin it after each
// proclitic verbEntries and nounEntries strip (conjunction, imperfect prefix, preposition, article).
func (p *bloom) mayRead(t *tok) bool {
	if p.hasAfter(t.f) || p.hasAfter(t.b) {
		return true
	}
	if y, ok := futureStem(t.f); ok && p.hasAfter(y) {
		return true
	}
	return len(t.f) > 2 && (t.f[:2] == "و" || t.f[:2] == "ف") && p.hasAfter(t.f[2:])
}

// hasAfter reports whether a key may begin w or w without its first letter, an imperfect prefix or a
// one-letter preposition.
func (p *bloom) hasAfter(w string) bool {
	if p.hasKey(w) {
		return true
	}
	if len(w) < 2+minKey {
		return false
	}
	switch w[:2] {
	case "ي", "ت", "ن", "ا", "ب", "ل", "ك":
		return p.hasKey(w[2:])
	}
	return false
}

// match is a trigger found in the text: its entry and the tokens it covers.
type match struct {
	e         *entry
	head      int
	extra     []int // tokens of the following words, in order
	noun      bool
	imperfect bool // a verb read only as an imperfect: a habit or a plan more often than a report
}

func (m *match) last() int {
	if len(m.extra) > 0 {
		return m.extra[len(m.extra)-1]
	}
	return m.head
}

// spanEnd is the last token of the trigger span: the following words when they are adjacent, else the head.
func (m *match) spanEnd() int {
	end := m.head
	for _, x := range m.extra {
		if x != end+1 {
			break
		}
		end = x
	}
	return end
}

// mayFollow reports whether the token may be a following word of some trigger, by the forms altMatches
// compares; most words are none, and the answer is kept on the token.
func (sc *scan) mayFollow(t *tok) bool {
	if t.follows == 0 {
		t.follows = 1
		f := &sc.lx.follows
		ok := f.has(t.f) || f.has(t.b) || t.conj && f.has(t.f[len("و"):])
		if s, cut := strings.CutSuffix(t.b, "ا"); !ok && cut {
			ok = f.has(s)
		}
		for _, p := range [...]string{"ه", "ها", "هم", "هما", "هن"} {
			if s, cut := strings.CutSuffix(t.b, p); !ok && cut {
				ok = f.has(s)
			}
		}
		if ok {
			t.follows = 2
		}
	}
	return t.follows == 2
}

// altMatches reports whether the token is one of the folded alternatives of a following word.
func altMatches(t *tok, alts []alt) bool {
	for _, a := range alts {
		if t.f == a.f || t.b == a.f || t.b == a.b {
			return true
		}
		if t.conj && t.f[len("و"):] == a.f {
			return true
		}
		if s, ok := strings.CutSuffix(t.b, "ا"); ok && s == a.b {
			return true
		}
		if a.own != "" && strings.HasPrefix(t.b, a.own) && pronoun(t.b[len(a.own):]) {
			return true
		}
	}
	return false
}

// pronoun reports a possessive pronoun ending: "ه", "ها", "هم", "هما", "هن".
func pronoun(s string) bool {
	switch s {
	case "ه", "ها", "هم", "هما", "هن":
		return true
	}
	return false
}

// follow finds the following words of e after token i, each within four tokens of the previous one (not
// counting time words and numbers: "أطلقت صباح أمس خمسة صواريخ") and without crossing punctuation; it
// returns nil when one is missing.
func (sc *scan) follow(e *entry, i, hi int) ([]int, bool) {
	var got []int
	at := i
	for x, alts := range e.next {
		found := sc.near(alts, at, hi, phrase{})
		// "نفذ، قرابة الساعة 11:40 من ليل الاثنين، عدواناً جوياً", "هدمت، الخميس، عشرات المنازل": an aside
		// between commas after the verb.
		if e := sc.parenthetical(at+1, hi); found < 0 && x == 0 && e > at+1 {
			found = sc.followingFrom(alts, e, hi)
		}
		// Only the hand-written triggers: the CAMEO verbs are many and read their objects right after them.
		if found < 0 && x == 0 && (e.kind == kindVerb || e.kind == kindVictimVerb) && e.conf != sourceCAMEO {
			if found = sc.afterSubject(alts, i, hi); found < 0 {
				found = sc.pastLongAside(alts, i, hi)
			}
		}
		if found < 0 {
			return nil, false
		}
		got = append(got, found)
		at = found
	}
	// "وقع الانفجار على الطريق", "ووقع الهجوم على حاجز": a verb of happening with an event for subject
	// says where or on whom it happened; no "على" of it signs anything.
	if e.kind == kindVerb && len(got) > 0 && sc.toks[got[0]].f == "علي" && sc.is(cHappened, &sc.toks[i]) && sc.eventSubject(i, hi) {
		return nil, false
	}
	return got, true
}

// eventSubject reports a verb at i whose subject, right after it past time words, is a verbal noun of a
// trigger.
func (sc *scan) eventSubject(i, hi int) bool {
	k := sc.skip(i+1, hi)
	if k >= hi || k == i+1 && sc.toks[k].gap {
		return false
	}
	found := false
	sc.lx.nounEntries(&sc.toks[k], func(*entry) { found = true })
	return found
}

// near returns the first token after at matching alts within four words, not counting time words, numbers
// and the words of skip; -1 when there is none.
func (sc *scan) near(alts []alt, at, hi int, skip phrase) int {
	for k, n := at+1, 0; k < hi && n < 4; k++ {
		t := &sc.toks[k]
		if t.gap {
			break
		}
		if !t.num && !sc.is(cSkip, t) && !sc.is(cNumber, t) && !(skip.s <= k && k < skip.e) {
			n++
		}
		if sc.followingAt(alts, k) {
			return k
		}
	}
	return -1
}

// followingAt reports whether token k is one of the following words alts; a word of a person's name is none
// ("أصدر الفريق أول عبد الفتاح البرهان" issues no proof, برهان).
func (sc *scan) followingAt(alts []alt, k int) bool {
	t := &sc.toks[k]
	return sc.mayFollow(t) && altMatches(t, alts) && (t.ent < 0 || sc.doc.Entities[t.ent].Type != marsad.PER)
}

// followingFrom returns token k when it is one of the following words alts, else the first one within
// reach after it (near); -1 when there is none.
func (sc *scan) followingFrom(alts []alt, k, hi int) int {
	if sc.followingAt(alts, k) {
		return k
	}
	return sc.near(alts, k, hi, phrase{})
}

// pastLongAside finds the first following word of the verb at i past a subject that ends at a comma, in the
// aside that follows or right after it, where the aside is too long or too loosely built for parenthetical:
// "حمّل الشيخ حكمت الهجري، الرئيس الروحي لطائفة الموحدين الدروز، حكومة دمشق المسؤولية", "وقّع محافظ نينوى
// مع نظيره في دهوك، خلال لقاء جمعهما في ناحية فايدة الحدودية بين المحافظتين، مذكرة تفاهم", "أجرى صاحب
// السمو الملكي الأمير فيصل بن فرحان بن عبدالله وزير الخارجية، اتصالاً". على right after a comma is not
// taken: "وقع الانفجار، بحسب مصادر، على الطريق" is no signing.
func (sc *scan) pastLongAside(alts []alt, i, hi int) int {
	const subjectWords, asideWords = 12, 24
	c := i + 1
	for ; c < hi && c <= i+subjectWords && !sc.toks[c].gap; c++ {
	}
	if c >= hi || c > i+subjectWords || c == i+1 || !sc.comma(c) {
		return -1
	}
	// The words before the comma must read as the verb's subject: a noun opening it, not in the accusative
	// ("بحثا عن الأجنبي الرابع،" is a search, "توقف نوعاً ما،" no subject), no clause inside it ("وأكد مروان
	// شحار أن هذه الرمال …،"), and no condition before the verb ("وإن دعت الضرورة،").
	// ("إن وزارة الدفاع وقعت مع نظيرتها التركية، خلال اجتماع …، اتفاقية": after its subject, the verb's partner.)
	// ("توصلت عشيرتا الموالي والحديديين،": a dual in construct ends in ا too.)
	dual := i+2 < hi && !sc.toks[i+2].gap && sc.toks[i+2].def && !sc.toks[i+2].prep
	if s := &sc.toks[i+1]; s.f != "مع" && (sc.is(cPrep, s) || !sc.head(i+1) || !s.def && s.ent < 0 && strings.HasSuffix(s.f, "ا") && !dual) {
		return -1
	}
	if i > 0 && (sc.is(cConditional, &sc.toks[i-1]) || sc.toks[i-1].f == "ان" || sc.toks[i-1].f == "وان") {
		return -1
	}
	for k := i + 1; k < c; k++ {
		t := &sc.toks[k]
		if t.f == "ان" || t.f == "بان" || sc.is(cPronounParticle, t) || sc.is(cRelative, t) || sc.is(cNegation, t) || sc.is(cModal, t) {
			return -1
		}
	}
	// على right after a comma opens an aside of its own; after an object it is the verb's ("دعت البعثة، في
	// بيان …، حكومتي بغداد وأربيل إلى"), and other prepositions are ("توصلت العشيرتان، بوساطة وجهاء، إلى").
	taken := func(k, from int) int {
		if k < 0 || k == from && sc.toks[k].f == "علي" {
			return -1
		}
		return k
	}
	if sc.followingAt(alts, c) {
		return taken(c, c)
	}
	if k := taken(sc.near(alts, c, hi, phrase{}), c); k >= 0 {
		return k
	}
	// An aside opens like one ("في بيان", "خلال لقاء", "الرئيس الروحي لطائفة …"); a participle or a verb
	// after the comma starts another clause ("، مشيرا إلى أن …", "، انتشرت عروض …").
	if a := &sc.toks[c]; !(sc.is(cPrep, a) || sc.is(cPlacePrep, a) || sc.prepWord(a) || sc.is(cLed, a) || sc.is(cSkip, a) || sc.is(cTime, a) ||
		a.def || a.ent >= 0 || sc.is(cTitle, a) || sc.is(cAgent, a) || sc.is(cAside, a) || sc.is(cRelative, a)) {
		return -1
	}
	for k := c + 1; k < hi && k <= c+asideWords; k++ {
		if !sc.toks[k].gap || !sc.comma(k) && sc.bracket(k) {
			continue
		}
		if !sc.comma(k) {
			return -1
		}
		// ("حمّلت منظومة المجتمع الكوردستاني، المظلة السياسية لحزب العمال، في بيان …، الحزب الديمقراطي": and
		// a second aside after it.)
		found := taken(sc.followingFrom(alts, k, hi), k)
		if next := sc.parenthetical(k, hi); found < 0 && next > k {
			found = taken(sc.followingFrom(alts, next, hi), next)
		}
		return found
	}
	return -1
}

// afterSubject finds the first following word of the verb at i past its subject, which does not count
// against the distance: "حمّل المرصد السوري قوات النظام مسؤولية", "توصلت الحكومة العراقية وإقليم كردستان
// إلى اتفاق". The subject is read only when the word is in reach, as most verbs have no such word.
func (sc *scan) afterSubject(alts []alt, i, hi int) int {
	k := i + 1
	for ; k < hi && k <= i+2*maxPhrase+8 && (!sc.toks[k].gap || sc.comma(k) || sc.bracket(k)); k++ {
		if sc.followingAt(alts, k) {
			break
		}
	}
	if k >= hi || k > i+2*maxPhrase+8 || sc.toks[k].gap && !sc.comma(k) && !sc.bracket(k) {
		return -1
	}
	// "وصلت إلى ميناء عدن، أمس الثلاثاء، سفينة محمّلة": the destination before the subject.
	if k := sc.skip(i+1, hi); k+1 < hi && sc.toks[k].f == "الي" && !sc.toks[k+1].gap {
		if p := sc.placeAt(k+1, hi); p.ok() {
			if found, ok := sc.pastAsideMatch(alts, p.e, hi); ok && found >= 0 {
				return found
			}
		}
	}
	subj, _ := sc.np(sc.skip(i+1, hi), hi)
	if subj.e < hi && sc.toks[subj.e].conj && !sc.toks[subj.e].gap {
		if b, _ := sc.np(subj.e, hi); b.ok() {
			subj.e = b.e
		}
	}
	if subj.ok() {
		subj.e = sc.pastDescription(sc.pastLeader(sc.pastParens(subj.e, hi), hi), hi)
		// "سلّم 40 مسلحاً من فلول النظام السابق أنفسهم": the group the subject belongs to.
		if e := subj.e; e+1 < hi && sc.toks[e].f == "من" && !sc.toks[e].gap && !sc.toks[e+1].gap {
			if g, _ := sc.np(e+1, hi); g.ok() && g.s == e+1 && (sc.toks[g.s].def || sc.toks[g.s].ent >= 0 || sc.is(cAgent, &sc.toks[g.s])) {
				subj.e = g.e
			}
		}
	}
	// "قدّمت هيئة الإغاثة الإنسانية التركية (IHH) خياماً": right after a name in brackets.
	if e := subj.e; subj.ok() && e < hi && sc.bracket(e) {
		if found := sc.followingFrom(alts, e, hi); found >= 0 {
			return found
		}
	}
	// "أبدت الفصائل المحلية في ريف درعا الغربي استعدادها": a place or a statement after the subject.
	if subj.ok() {
		// "بحث الوزير، في اتصال هاتفي مع نظيره التركي، …": the partner named inside the aside.
		if e := sc.parenthetical(subj.e, hi); e > subj.e && subj.e < k && k < e && sc.toks[k].f == "مع" {
			return k
		}
		// "دعت المنظمة، في تقرير نشرته الثلاثاء، السلطات": an aside between commas after the subject.
		if found, ok := sc.pastAsideMatch(alts, subj.e, hi); ok {
			return found
		}
		// ("أعلنت فصائل غرفة عمليات عزم، في بيان مصوّر، وقوفها": a last word of the name the phrase missed.)
		if e := subj.e + 1; e < hi && !sc.toks[subj.e].gap {
			if found, ok := sc.pastAsideMatch(alts, e, hi); ok && found >= 0 {
				return found
			}
		}
		subj.e = sc.inPhrase(subj.e, hi)
		// ("أكد المجلس الوطني الكردي في سوريا، في بيان، وقوفه": and an aside after it.)
		if found, ok := sc.pastAsideMatch(alts, subj.e, hi); ok {
			return found
		}
	}
	if found := sc.near(alts, i, hi, subj); found >= 0 || !subj.ok() {
		return found
	}
	// "حمّل المرصد السوري لحقوق الإنسان مجموعات رديفة للقوات الحكومية مسؤولية": past the subject and a
	// first object, with the body it belongs to; a name the subject's phrase left out may come first ("حمّل
	// فريق منسقو استجابة سوريا قوات النظام السوري مسؤولية").
	for k, hops := subj.e, 0; hops < 2 && k < hi && !sc.toks[k].gap; hops++ {
		obj, _ := sc.np(k, hi)
		if obj.s != k {
			break
		}
		// ("دعا الأمين العام … طرفي النزاع في السودان إلى": and the place of a phrase.)
		k = sc.inPhrase(sc.pastOwner(obj.e, hi), hi)
		if k < hi && !sc.toks[k].gap && sc.followingAt(alts, k) {
			return k
		}
	}
	return -1
}

// doubtedEntity is the confidence below which a one-word entity may be read as a verb (see triggers).
const doubtedEntity = 0.6

// doubted reports a one-word entity at k that the tagger gave less than doubtedEntity and that ends as a
// verb with a plural or dual subject ends ("توصلتا", "اتفقوا"), as names seldom do ("تشاد", "سلمان" do not).
func (sc *scan) doubted(k int) bool {
	t := &sc.toks[k]
	e := &sc.doc.Entities[t.ent]
	return e.Confidence > 0 && e.Confidence < doubtedEntity && e.Start >= t.start && e.End <= t.end &&
		(strings.HasSuffix(t.b, "تا") || strings.HasSuffix(t.b, "وا"))
}

// pastAsideMatch finds a following word right after an aside between commas that starts at k, or within
// reach of its end (-1 when there is none); ok is false when no aside starts at k.
func (sc *scan) pastAsideMatch(alts []alt, k, hi int) (found int, ok bool) {
	e := sc.parenthetical(k, hi)
	if e == k {
		return -1, false
	}
	found = sc.followingFrom(alts, e, hi)
	// ("أفرجت اللجنة الأمنية، صباح اليوم الأحد، في مبنى المجمع الحكومي بمدينة نوى، عن": one aside after another.)
	if next := sc.parenthetical(e, hi); found < 0 && next > e {
		found = sc.followingFrom(alts, next, hi)
	}
	return found, true
}

// dualSubjectBefore reports whether the words before token i end a subject of two: a definite dual
// ("الطرفان", "الطرفين") or definites joined by و ("الحكومة اليمنية والمجلس الانتقالي الجنوبي").
func (sc *scan) dualSubjectBefore(i, lo int) bool {
	p := &sc.toks[i-1]
	if p.def && (strings.HasSuffix(p.b, "ان") || strings.HasSuffix(p.b, "ين")) {
		return true
	}
	// The definites must open their clause, not follow a verb whose subject they are ("اعتقلت المخابرات
	// والشرطة طالبا").
	joined := false
	for k := i - 1; k >= lo && k >= i-6; k-- {
		t := &sc.toks[k]
		if !t.def {
			return joined && (t.f == "ان" || t.f == "بان" || t.f == "وان")
		}
		joined = joined || t.conj
		if t.gap || k == lo {
			return joined
		}
	}
	return false
}

// triggers returns the accepted triggers of the sentence [lo, hi): every candidate, then the longest ones
// first, dropping any that overlaps one already taken.
func (sc *scan) triggers(lo, hi int) []match {
	var cands []match
	// A word's readings, reused from word to word (no match keeps them).
	var verbs, nouns []*entry
	var past []bool // parallel to verbs
	victimVerb := -1
	for i := lo; i < hi; i++ {
		t := &sc.toks[i]
		// A word inside a named entity, or a name, is part of a name: "هيئة تحرير الشام", "طالبان"; but a
		// lone word the tagger doubts may be a verb ("توصلتا" tagged a place at 0.52).
		doubted := t.ent >= 0 && sc.doubted(i)
		if t.num || t.ent >= 0 && !doubted || !sc.lx.starts.mayRead(t) || runes(t.b) < 2 || sc.is(cName, t) {
			continue
		}
		// "قيادة العمليات المشتركة": an office's name, not joint operations.
		if i > lo && t.def && !t.gap && sc.toks[i-1].f == "قياده" {
			continue
		}
		// "صلى الله عليه وسلم": the blessing after the Prophet's name, no handing over.
		if i-2 >= lo && sc.toks[i-1].f == "عليه" && sc.toks[i-2].f == "الله" {
			continue
		}
		// "جهاز دعم الاستقرار", "هيئة إغاثة": a verbal noun in construct after a body's word names the body.
		if i > lo && !t.gap && !t.prep && !sc.toks[i-1].def && sc.is(cConstruct, &sc.toks[i-1]) {
			continue
		}
		verbs, nouns, past = verbs[:0], nouns[:0], past[:0]
		sc.lx.verbEntries(t.f, func(e *entry, imperfect bool) {
			for k, x := range verbs {
				if x == e {
					past[k] = past[k] || !imperfect
					return
				}
			}
			verbs, past = append(verbs, e), append(past, !imperfect)
		})
		if !doubted {
			sc.lx.nounEntries(t, func(e *entry) { nouns = appendUnique(nouns, e) })
		}
		if len(verbs) == 0 && len(nouns) == 0 {
			continue
		}
		if sc.negated(i, lo) || sc.timeNoun(i, hi) {
			continue
		}
		// A word written with ta marbuta is a noun, not a verb with the pronoun ه: "وزارة" is not "وزاره".
		if len(nouns) == 0 && sc.taMarbuta(t) {
			continue
		}
		// An accusative noun after a word of its clause is not a dual verb: "اعتقلت المخابرات طالبا".
		// A dual verb may follow its subject: "الحكومة وجماعة الحوثي اتفقتا", "الطرفان وقعا", "إن الطرفين
		// اتفقا", "الحكومة اليمنية والمجلس الانتقالي الجنوبي اتفقا".
		// (The pronoun ها ends a verb, never an accusative: "هددها", "استهدفها".)
		if len(nouns) == 0 && strings.HasSuffix(t.f, "ا") && !strings.HasSuffix(t.f, "وا") && !strings.HasSuffix(t.f, "تا") && !strings.HasSuffix(t.f, "ها") && i > lo && !t.gap &&
			!sc.is(cStop, &sc.toks[i-1]) && !sc.dualSubjectBefore(i, lo) {
			continue
		}
		useNoun := len(verbs) == 0 || len(nouns) > 0 && sc.nounReading(i, lo, hi)
		pool := verbs
		if useNoun {
			pool = nouns
		}
		best := sc.pick(pool, past, useNoun, i, hi)
		if best == nil && len(verbs) > 0 && len(nouns) > 0 {
			// The other reading: "وقف إطلاق النار" is a noun although CAMEO lists the verb وقف.
			if useNoun {
				best = sc.pick(verbs, past, false, i, hi)
			} else {
				best = sc.pick(nouns, nil, true, i, hi)
			}
		}
		// "تعرض رتل عسكري أميركي لهجوم": the subject of a victim verb is what suffers it, not an event.
		if best != nil && best.noun && i > lo && !t.gap && victimVerb == i-1 {
			continue
		}
		if best != nil {
			cands = append(cands, *best)
			if best.e.kind == kindVictimVerb {
				victimVerb = i
			}
		}
	}
	// Hand-written triggers first, then longer ones.
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].e.conf != cands[b].e.conf {
			return cands[a].e.conf > cands[b].e.conf
		}
		return len(cands[a].extra) > len(cands[b].extra)
	})
	var out []match
	for _, m := range cands {
		if sc.toks[m.head].trig || anyTrig(sc.toks, m.extra) {
			continue
		}
		// Participants stay free to be the subject of another trigger: "وهتف المتظاهرون", "تجمع نحو 40
		// متظاهرا".
		sc.toks[m.head].trig = m.e.kind != kindParticipant
		for _, x := range m.extra {
			sc.toks[x].trig = !sc.is(cProtester, &sc.toks[x])
		}
		out = append(out, m)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].head < out[b].head })
	return out
}

// pick returns the entry of the pool whose following words are found after token i: hand-written before
// CAMEO-derived, then the one with more following words. past says, for verbs, which were read as a past.
func (sc *scan) pick(pool []*entry, past []bool, noun bool, i, hi int) *match {
	var best *match
	for k, e := range pool {
		// "كان مطالبا بالحضور" is no demand: a participle tells an act of its own only after a comma.
		if e.kind == kindCircumstant && !sc.toks[i].gap {
			continue
		}
		extra, ok := sc.follow(e, i, hi)
		if !ok {
			continue
		}
		// "توعد" is the past of توعّد before it is the imperfect of وعد.
		pastFirst := !noun && best != nil && past[k] && best.imperfect
		if best == nil || e.conf > best.e.conf || e.conf == best.e.conf && (len(extra) > len(best.extra) || pastFirst) {
			best = &match{e: e, head: i, extra: extra, noun: noun, imperfect: !noun && !past[k]}
		}
	}
	if best != nil && best.imperfect && sc.future(i) {
		if t := sc.lx.threats[best.e]; t != nil {
			best.e = t
		}
	}
	return best
}

// future reports a verb in the future: "سنطرد", "سوف نلاحقهم".
func (sc *scan) future(i int) bool {
	if _, ok := futureStem(sc.toks[i].f); ok {
		return true
	}
	return i > 0 && !sc.toks[i].gap && sc.toks[i-1].b == "سوف"
}

func appendUnique(es []*entry, e *entry) []*entry {
	for _, x := range es {
		if x == e {
			return es
		}
	}
	return append(es, e)
}

func anyTrig(toks []tok, idx []int) bool {
	for _, x := range idx {
		if toks[x].trig {
			return true
		}
	}
	return false
}

// taMarbuta reports a word whose last letter, before any diacritics, is ة.
func (sc *scan) taMarbuta(t *tok) bool {
	w := sc.doc.Text[t.start:t.end]
	for len(w) > 0 {
		r, n := utf8.DecodeLastRuneInString(w)
		if !arabic.IsDiacritic(r) && r != 'ـ' {
			return r == 'ة'
		}
		w = w[:len(w)-n]
	}
	return false
}

// negated reports a denial right before the trigger: "لم يقصف", "لم يتم اعتقال".
func (sc *scan) negated(i, lo int) bool {
	for k := i - 1; k >= lo && k >= i-2; k-- {
		t := &sc.toks[k]
		if sc.is(cNegation, t) {
			return true
		}
		if t.b != "يتم" && t.b != "تم" {
			return false
		}
	}
	return false
}

// timeNoun reports "فجر أمس" (dawn) read as the verb فجّر.
func (sc *scan) timeNoun(i, hi int) bool {
	return sc.is(cTimeNoun, &sc.toks[i]) && i+1 < hi && sc.is(cTime, &sc.toks[i+1])
}

// nounReading decides a word that can be a verb or its verbal noun ("قصف"): a noun after the article or a
// preposition, or before an adjective ("قصف تركي"); else the verb that opens an Arabic clause.
func (sc *scan) nounReading(i, lo, hi int) bool {
	t := &sc.toks[i]
	// Ta marbuta ends nouns ("إصابة"), while a verb would carry the pronoun ه ("أصابه") far less often.
	if t.def || t.prep || strings.HasSuffix(t.b, "ه") {
		return true
	}
	if !t.conj && (strings.HasPrefix(t.f, "ب") || strings.HasPrefix(t.f, "ل")) {
		return true
	}
	if i > lo && !t.gap && sc.is(cPrep, &sc.toks[i-1]) {
		return true
	}
	if n := &sc.toks[min(i+1, hi-1)]; i+1 < hi && !n.gap && !n.def && nisba(n) && !sc.is(cVictim, n) && !sc.is(cConstruct, n) {
		return true
	}
	// "أعلنت الهيئة رفضها", "أبدى الشيوخ تأييدهم": after a light verb and its subject, the verbal noun.
	// ("قررت الحكومة، في ساعة متأخرة من ليل الخميس، قطع العلاقات": past an aside.)
	end := sc.beforeAside(i, lo)
	for j := end - 1; j >= lo && j >= end-maxPhrase-1 && (j == end-1 || !sc.toks[j+1].gap); j-- {
		if sc.toks[j].trig {
			break
		}
		if sc.is(cLightVerb, &sc.toks[j]) {
			if p, _ := sc.np(j+1, end); p.ok() && p.e == end {
				return true
			}
			break
		}
	}
	return false
}

// nisba reports an adjective in -ي: "تركي", "التركية", "مدنيين".
func nisba(t *tok) bool {
	if runes(t.b) < 4 {
		return false
	}
	for _, s := range []string{"ي", "يه", "يين", "يون", "يان", "يا"} {
		if strings.HasSuffix(t.b, s) {
			return true
		}
	}
	return false
}
