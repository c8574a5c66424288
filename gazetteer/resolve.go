package gazetteer

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// Resolver is the annotator that gives entity mentions their canonical id, name and, for places, gazetteer id
// and coordinates. It resolves the mentions already in doc.Entities (those with an empty ID, as the tagger
// leaves them) and, when AddMissing is set, adds the mentions the tagger missed that the gazetteer or the actor
// table names unambiguously.
type Resolver struct {
	g *Gazetteer
	// AddMissing adds gazetteer and actor matches found in the text that overlap no existing entity.
	AddMissing bool
	// AfterTagger tells that a tagger has marked the names in the text first. A small place (one the name
	// alone does not vouch for: no province, no town of size, not curated), and a place name the tagger
	// left unmarked with no place word before it, are then kept only when the article names a place of the
	// same country without doubt (or the name is the news's own, from aliases.tsv): in SaudiNewsNet most
	// such geocodes were ordinary words ("حديثه" his talk, "بورصة" stock exchange, "مدينة أثرية") or towns
	// abroad the tables lack ("قرية الخزنة" in Jazan); see snn_judged.tsv.
	AfterTagger bool
}

var _ marsad.Annotator = (*Resolver)(nil)

// NewResolver returns a Resolver over g that also adds missed mentions.
func NewResolver(g *Gazetteer) *Resolver { return &Resolver{g: g, AddMissing: true} }

// beginsUnknown marks a token scan has not read (see scan).
const beginsUnknown = 255

// placeWord classifies the generic words written before a place name; the word tells which of the
// same-named places is meant ("ريف دير الزور" is the governorate, "مدينة دير الزور" the city).
type placeWord uint8

const (
	noPlaceWord placeWord = iota
	provinceWord
	countrysideWord // "ريف": around a province's or a town's centre
	townWord
	subdistrictWord
	districtWord
	areaWord
)

var placeWords = map[string]placeWord{
	"محافظه": provinceWord, "ريف": countrysideWord, "ولايه": provinceWord, "اقليم": provinceWord, "محافظات": provinceWord,
	"مدينه": townWord, "بلده": townWord, "قريه": townWord, "مخيم": townWord, "حي": townWord, "بلدات": townWord,
	"قري": townWord, "مدن": townWord, "معبر": townWord, "مزرعه": townWord, "بلدتي": townWord, "قريتي": townWord, "مدينتي": townWord,
	"ناحيه": subdistrictWord, "قضاء": districtWord, "منطقه": areaWord, "مناطق": areaWord,
}

// mention is one entity mention under resolution.
type mention struct {
	ent        int // index into doc.Entities, or -1 for a mention found here
	start, end int // bytes
	typ        string
	key        string
	refs       []ref
	word       placeWord
	sent       int
	place      int32
	actor      int32
	backref    bool
	fixed      bool // resolved before this run; never rewritten
	// placeOK tells whether a mention found here may be a place; a name that is also a back-reference to an
	// actor not yet named is kept only when it could stand alone as a place.
	placeOK bool
	// inner tells that a tagger's mention matched only a name inside it ("عون" in "ميشال عون").
	inner bool
	// skip counts the clitic letters of a tagger's span before the name ("والعراق" → "العراق").
	skip int
	// bare tells that a tagger's span matched only without its article ("الإسلام" as the village "إسلام").
	bare bool
	// adjective tells that a tagger's span reads as the adjective of the noun before it ("القوات الهندية").
	adjective bool
	// doubted marks a place reading kept only when the article backs it (see AfterTagger).
	doubted bool
	// pronoun tells that the span ends in ه where the place's name ends in ة: a word with the pronoun
	// ("حديثه" his talk, "بصره" his sight), unless a place word says otherwise.
	pronoun    bool
	margin     float64 // over the runner-up
	candidates []int32
	priors     []float64
}

// Annotate implements marsad.Annotator.
func (r *Resolver) Annotate(doc *marsad.Document) error {
	text := doc.Text
	toks, fold := doc.Words()
	sent := sentences(doc, toks)
	// A tagger that marked names here and left a word unmarked has doubted it (see AfterTagger).
	doubt := r.AfterTagger && len(doc.Entities) > 0
	// joins[i] tells whether token i and i+1 may belong to one name: only blanks between them.
	joins := make([]bool, len(toks))
	for i := 0; i+1 < len(toks); i++ {
		joins[i] = strings.Trim(text[toks[i].End:toks[i+1].Start], " \t\u00a0\u200f\u200e") == ""
	}
	covered := make([]bool, len(toks))
	// What the first scan learns of each token's readings spares the second looking them up again.
	begins := make([]uint8, len(toks))
	for i := range begins {
		begins[i] = beginsUnknown
	}
	if r.AddMissing && len(doc.Entities) > 0 {
		doc.Entities = r.dropInsideLongerNames(doc.Entities, r.scan(text, toks, fold, joins, covered, begins, sent, false))
	}
	var ms []*mention
	for ei := range doc.Entities {
		e := &doc.Entities[ei]
		if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
			continue
		}
		t0, t1 := tokenRange(toks, e.Start, e.End)
		if t0 >= t1 {
			continue
		}
		for i := t0; i < t1; i++ {
			covered[i] = true
		}
		if e.ID != "" {
			// Already resolved (by an earlier run or another stage): kept as is, but it names its actor
			// for the back-references after it.
			if a, ok := r.g.byActor[e.ID]; ok {
				ms = append(ms, &mention{ent: ei, start: e.Start, end: e.End, sent: sent[t0], place: -1, actor: a, fixed: true})
			}
			continue
		}
		// The span is tokenized on its own: a tagger may cut a word ("لـقسد" tagged from the ق).
		span := text[e.Start:e.End]
		local := arabic.AppendTokens(nil, span)
		if len(local) == 0 {
			continue
		}
		lf := make([]string, len(local))
		for i, t := range local {
			lf[i] = arabic.Fold(span[t.Start:t.End])
		}
		m := r.matchSpan(lf, 0, len(lf), e.Type)
		m.ent, m.start, m.end, m.typ, m.sent = ei, e.Start, e.End, e.Type, sent[t0]
		if m.skip > 0 {
			// ANERcorp tokens keep their clitics, so the tagger's span does too; the name starts after them.
			first := e.Start + local[0].Start
			m.start = first + skipRunes(text[first:e.End], m.skip)
		}
		if m.word == noPlaceWord && t0 > 0 && toks[t0].Start >= e.Start && joins[t0-1] {
			m.word = r.wordBefore(fold[t0-1])
			m.adjective = m.word == noPlaceWord && r.nisbaAfterDefinite(m.key, fold[t0-1])
		}
		// A small place the tagger marked is doubted, a place word before it or not: many share their name
		// with a town abroad that the tables lack ("قرية الخزنة", "حي الروضة").
		m.doubted = r.AfterTagger && (m.typ == marsad.MISC || !r.placeOK(m.refs, m.key, noPlaceWord))
		m.pronoun = r.withPronoun(text[m.start:m.end], m.refs)
		ms = append(ms, m)
	}
	if r.AddMissing {
		ms = append(ms, r.scan(text, toks, fold, joins, covered, begins, sent, doubt)...)
	}
	slices.SortStableFunc(ms, func(a, b *mention) int { return a.start - b.start })
	r.resolve(ms)
	r.fill(doc, ms)
	return nil
}

// dropInsideLongerNames removes the tagger's entities that lie inside a longer name of the tables: a
// statistical tagger trained on older news reads "قوات سوريا الديمقراطية" as the place "سوريا", while the
// actor table knows the whole name. Only unresolved entities (the tagger's) give way.
func (r *Resolver) dropInsideLongerNames(ents []marsad.Entity, found []*mention) []marsad.Entity {
	return slices.DeleteFunc(ents, func(e marsad.Entity) bool {
		if e.ID != "" {
			return false
		}
		for _, m := range found {
			if m.start <= e.Start && e.End <= m.end && m.end-m.start > e.End-e.Start {
				return true
			}
		}
		return false
	})
}

// sentences returns the sentence index of each token: doc.Sentences when the cleaner filled them, otherwise
// breaks at sentence punctuation and line ends.
func sentences(doc *marsad.Document, toks []arabic.Token) []int {
	out := make([]int, len(toks))
	if len(doc.Sentences) > 0 {
		for i, t := range toks {
			out[i] = doc.SentenceAt(t.Start)
		}
		return out
	}
	s := 0
	for i, t := range toks {
		if i > 0 && strings.ContainsAny(doc.Text[toks[i-1].End:t.Start], ".!?؟\n") {
			s++
		}
		out[i] = s
	}
	return out
}

// tokenRange returns the tokens that overlap [start, end).
func tokenRange(toks []arabic.Token, start, end int) (int, int) {
	t0, _ := slices.BinarySearchFunc(toks, start, func(t arabic.Token, off int) int { return t.End - off - 1 })
	t1 := t0
	for t1 < len(toks) && toks[t1].Start < end {
		t1++
	}
	return t0, t1
}

// variant is a reading of a word with its leading clitics removed: skip runes of the original word are not
// part of the name.
type variant struct {
	form string
	skip int
	// bare marks a reading without the article, which only a place may have.
	bare bool
	// longest is the most words a name beginning with form has (Gazetteer.longest), set by readings.
	longest int
}

// variants returns the readings of a folded word, the word itself first: the conjunctions و and ف, then the
// prepositions ب ل ك, and "لل" for ل + the article ("للرقة" is "الرقة"), and then each without the article
// for the names the gazetteer spells without it ("الباغوز" is listed as "باغوز").
func variants(w string, dst []variant) []variant {
	dst = append(dst[:0], variant{form: w})
	rest, skip := w, 0
	if (strings.HasPrefix(rest, "و") || strings.HasPrefix(rest, "ف")) && utf8.RuneCountInString(rest) >= 3 {
		rest, skip = rest[len("و"):], 1
		dst = append(dst, variant{form: rest, skip: skip})
	}
	switch {
	case strings.HasPrefix(rest, "لل") && utf8.RuneCountInString(rest) >= 4:
		dst = append(dst, variant{form: "ال" + rest[len("لل"):], skip: skip})
	case (strings.HasPrefix(rest, "ب") || strings.HasPrefix(rest, "ل") || strings.HasPrefix(rest, "ك")) && utf8.RuneCountInString(rest) >= 4:
		dst = append(dst, variant{form: rest[len("ب"):], skip: skip + 1})
	}
	for _, v := range dst {
		if strings.HasPrefix(v.form, "ال") && utf8.RuneCountInString(v.form) >= 5 {
			dst = append(dst, variant{form: v.form[len("ال"):], skip: v.skip, bare: true})
		}
	}
	return dst
}

// wordBefore classifies the word before a name, read without its clitics ("وريف", "بمدينة"). With the
// article the word is no longer followed by a name: "البلدات والقرى" lists, "مدينة القامشلي" names.
func (r *Resolver) wordBefore(w string) placeWord {
	var buf [6]variant
	for _, v := range variants(w, buf[:0]) {
		if k := placeWords[v.form]; k != noPlaceWord && !v.bare {
			return k
		}
	}
	return noPlaceWord
}

// readings returns the variants of folded word w with the length of the longest name each begins, so a
// scan trying several lengths of name looks each reading up once.
func (r *Resolver) readings(w string, dst []variant) []variant {
	dst = variants(w, dst)
	for k := range dst {
		dst[k].longest = r.g.longest(dst[k].form)
	}
	return dst
}

// lookup returns the refs of tokens [i, i+n) read with each variant of the first word, and the variant used.
func (r *Resolver) lookup(fold []string, i, n int, buf []variant) ([]ref, variant, string) {
	return r.lookupVariants(r.readings(fold[i], buf), fold, i, n)
}

// lookupVariants is lookup with the readings (from readings) of the first word.
func (r *Resolver) lookupVariants(vs []variant, fold []string, i, n int) ([]ref, variant, string) {
	// The key is built in a stack buffer: most lookups miss, and a map index by string(bytes) allocates
	// nothing.
	var buf [128]byte
	for _, v := range vs {
		if v.longest < n {
			continue
		}
		k := append(buf[:0], v.form...)
		for _, w := range fold[i+1 : i+n] {
			k = append(append(k, ' '), w...)
		}
		if !r.g.nameKeys.hasBytes(k) {
			continue
		}
		refs := r.g.names[string(k)]
		if v.bare {
			// "السورية" must not read as "سورية": without its article a word may only be a town or village.
			refs = r.townsOnly(refs)
		}
		if len(refs) > 0 {
			if n == 1 {
				// The key of a one-word name is the reading itself: no copy of it.
				return refs, v, v.form
			}
			return refs, v, string(k)
		}
	}
	return nil, variant{}, ""
}

func (r *Resolver) townsOnly(refs []ref) []ref {
	var out []ref
	for _, x := range refs {
		if x.kind == refPlace {
			switch r.g.places[x.idx].Type {
			case "locality", "neighbourhood", "campus":
				out = append(out, x)
			}
		}
	}
	return out
}

// matchSpan finds what an existing mention over tokens [t0, t1) names: the whole span, else the span without
// a leading place word, else the longest name inside it, preferring an actor of the mention's type.
func (r *Resolver) matchSpan(fold []string, t0, t1 int, typ string) *mention {
	m := &mention{place: -1, actor: -1}
	var buf [6]variant
	if refs, v, k := r.lookup(fold, t0, t1-t0, buf[:0]); refs != nil {
		m.refs, m.key, m.skip, m.bare = refs, k, v.skip, v.bare
		return m
	}
	if t1-t0 > 1 {
		if w := r.wordBefore(fold[t0]); w != noPlaceWord {
			m.word = w
			if refs, _, k := r.lookup(fold, t0+1, t1-t0-1, buf[:0]); refs != nil {
				m.refs, m.key = refs, k
				return m
			}
		}
	}
	best, bestN := -1.0, 0
	for i := t0; i < t1; i++ {
		vs := r.readings(fold[i], buf[:0])
		for n := min(t1-i, r.g.maxWords); n >= 1 && n > bestN-1; n-- {
			refs, _, k := r.lookupVariants(vs, fold, i, n)
			if refs == nil {
				continue
			}
			s := float64(n)
			for _, x := range refs {
				if x.kind == refActor && r.g.actors[x.idx].Type == typ {
					s += 10
					break
				}
			}
			if s > best {
				best, bestN, m.refs, m.key, m.inner = s, n, refs, k, true
			}
			break
		}
	}
	return m
}

// scan finds names in the tokens no existing entity covers, longest first.
//
// begins[i] is the most words a name beginning with a reading of token i has, capped at beginsUnknown-1, or
// beginsUnknown: scan sets it for the tokens it reads, and skips at once a token that begins no name.
func (r *Resolver) scan(text string, toks []arabic.Token, fold []string, joins, covered []bool, begins []uint8, sent []int, doubt bool) []*mention {
	var out []*mention
	vs := make([]variant, 0, 8)
	for i := 0; i < len(toks); i++ {
		if covered[i] || begins[i] == 0 {
			continue
		}
		vs = r.readings(fold[i], vs)
		longest := 0
		for _, v := range vs {
			longest = max(longest, v.longest)
		}
		begins[i] = uint8(min(longest, beginsUnknown-1))
		if longest == 0 {
			continue
		}
		maxN := 1
		for maxN < longest && i+maxN < len(toks) && joins[i+maxN-1] && !covered[i+maxN] {
			maxN++
		}
		word := noPlaceWord
		if i > 0 && joins[i-1] {
			word = r.wordBefore(fold[i-1])
		}
		for n := maxN; n >= 1; n-- {
			refs, v, k := r.lookupVariants(vs, fold, i, n)
			if refs == nil {
				continue
			}
			adjective := word == noPlaceWord && i > 0 && joins[i-1] && r.nisbaAfterDefinite(k, fold[i-1])
			ok, placeOK := r.acceptable(refs, k, word, adjective)
			// Without its article a word is a name only after a place word ("بلدة الباغوز"); otherwise
			// "الحلب" (milking) would be حلب.
			if !ok || v.bare && (word == noPlaceWord || word == areaWord) {
				continue
			}
			start := toks[i].Start + skipRunes(text[toks[i].Start:toks[i].End], v.skip)
			out = append(out, &mention{ent: -1, start: start, end: toks[i+n-1].End, key: k, refs: refs,
				word: word, sent: sent[i], place: -1, actor: -1, placeOK: placeOK,
				doubted: placeOK && doubt && (introduced(word) && !r.placeOK(refs, k, noPlaceWord) ||
					!introduced(word) && (r.g.common[k] || !r.major(refs)))})
			i += n - 1
			break
		}
	}
	return out
}

// acceptable reports whether a name found in running text is safe to add as a mention, and whether it is as
// a place. Any actor name is (the table holds multi-word names and curated aliases only); a back-reference
// is kept for resolve to check; a place must be curated, a state or province, a town of some size or a
// district seat, or be introduced by a place word. Place names that are ordinary words need the place word.
func (r *Resolver) acceptable(refs []ref, key string, word placeWord, adjective bool) (ok, placeOK bool) {
	for _, x := range refs {
		if x.kind != refPlace {
			ok = true
		}
	}
	placeOK = !adjective && r.placeOK(refs, key, word)
	return ok || placeOK, placeOK
}

// withPronoun tells whether span ends in ه while a place of refs has its name in ة.
func (r *Resolver) withPronoun(span string, refs []ref) bool {
	span = strings.TrimRightFunc(span, func(c rune) bool { return arabic.IsDiacritic(c) || c == arabic.Tatweel })
	if !strings.HasSuffix(span, "ه") {
		return false
	}
	for _, x := range refs {
		if x.kind == refPlace && strings.HasSuffix(r.g.places[x.idx].Name, "ة") {
			return true
		}
	}
	return false
}

// introduced tells whether a place word that names the kind of place stands before a name ("مدينة", "ريف",
// "قضاء"; not "منطقة", which precedes ordinary phrases too).
func introduced(word placeWord) bool { return word != noPlaceWord && word != areaWord }

// major tells whether one of refs is a state or a first-level province, whose names the news uses as names.
func (r *Resolver) major(refs []ref) bool {
	for _, x := range refs {
		if x.kind != refPlace {
			continue
		}
		switch r.g.places[x.idx].Type {
		case "country", "region", "governorate":
			return true
		}
	}
	return false
}

// nisbaAfterDefinite tells whether a name that is a frequent word and reads as a feminine nisba follows a
// definite noun, whose adjective it then is ("القوات الهندية" is not the town الهندية).
func (r *Resolver) nisbaAfterDefinite(key, before string) bool {
	return r.g.common[key] && strings.HasSuffix(key, "يه") && definite(before)
}

// placeOK: "منطقة" precedes too many ordinary phrases ("منطقة الشرق الأوسط") to introduce a name by itself.
func (r *Resolver) placeOK(refs []ref, key string, word placeWord) bool {
	// After a place word a definite name is a name ("بلدة الصور"); an indefinite one may be an adjective
	// ("مدينة تركية").
	if r.g.stop[key] && (!introduced(word) || !strings.HasPrefix(key, "ال")) {
		return false
	}
	if introduced(word) {
		return true
	}
	if utf8.RuneCountInString(key) < 3 {
		return false
	}
	for _, x := range refs {
		if x.kind != refPlace {
			continue
		}
		p := &r.g.places[x.idx]
		switch {
		case x.curated, p.Type == "country", p.Type == "region", p.Type == "governorate":
			return true
		case p.Type == "locality" && p.Country != "TR" && (p.Population >= 10000 || p.Seat):
			return true
		case p.Type == "locality" && p.Population >= 100000:
			// Syrian and Iraqi news names few Turkish towns beyond the cities and the curated border
			// towns, while many smaller ones share a spelling with an Arabic word ("دمرة").
			return true
		}
	}
	return false
}

// skipRunes returns the byte length of the first n letters of s with the marks that follow them.
func skipRunes(s string, n int) int {
	off := 0
	for n > 0 && off < len(s) {
		_, size := utf8.DecodeRuneInString(s[off:])
		off += size
		n--
		for off < len(s) {
			r, size := utf8.DecodeRuneInString(s[off:])
			if !arabic.IsDiacritic(r) && r != arabic.Tatweel {
				break
			}
			off += size
		}
	}
	return off
}

// resolve picks the actor or place of every mention in text order, so a back-reference sees only what was
// named before it.
func (r *Resolver) resolve(ms []*mention) {
	named := map[int32]bool{}
	for _, m := range ms {
		if !m.fixed {
			r.chooseActor(m, named)
		}
		if m.actor >= 0 {
			named[m.actor] = true
		}
	}
	r.resolvePlaces(ms)
}

// chooseActor decides between the actor and place readings of a mention. A mention typed LOC is a place
// unless the name is a state's; otherwise an actor of the mention's type wins, then any actor, then a
// back-reference to an actor already named.
func (r *Resolver) chooseActor(m *mention, named map[int32]bool) {
	var actor, typed, back int32 = -1, -1, -1
	hasPlace := false
	for _, x := range m.refs {
		switch x.kind {
		case refActor:
			if m.inner && m.typ != marsad.LOC && r.g.actors[x.idx].Type == marsad.LOC {
				// A group or a work named after a state or city is not that place ("نيويورك تايمز").
				continue
			}
			if actor < 0 {
				actor = x.idx
			}
			if typed < 0 && r.g.actors[x.idx].Type == m.typ {
				typed = x.idx
			}
		case refBackref:
			if back < 0 && named[x.idx] {
				back = x.idx
			}
		case refPlace:
			hasPlace = true
		}
	}
	switch {
	case typed >= 0:
		m.actor = typed
	case m.typ == marsad.LOC && hasPlace:
	case actor >= 0:
		m.actor = actor
	case back >= 0 && !(hasPlace && (m.typ == marsad.LOC || m.ent < 0 && m.placeOK)):
		m.actor, m.backref = back, true
	}
	if m.actor < 0 && (!hasPlace || m.ent < 0 && !m.placeOK || m.ent >= 0 && !r.taggedPlace(m)) {
		m.refs = nil
	}
}

// taggedPlace tells whether a tagger's mention may be the place its name matched. Many family names are
// also villages ("ميشال عون", "سعد الحريري"), so a person is a place only when the whole name would stand
// alone as one in running text (a tagger's slip on "حلب", not a surname). A name that is a common word as
// well ("الله", "القرآن") is a small place only after a place word.
func (r *Resolver) taggedPlace(m *mention) bool {
	switch {
	case m.typ == marsad.PER:
		return !m.inner && r.placeOK(m.refs, m.key, m.word)
	case m.inner && m.typ != marsad.LOC:
		// An organization or a work named after a place is not the place ("نيويورك تايمز", "جامعة دمشق").
		return false
	case m.adjective:
		return false
	case (m.typ == marsad.ORG || m.pronoun) && !introduced(m.word):
		// A club or a firm named like a place is not that place ("القادسية" the club).
		return false
	case r.g.common[m.key], m.bare:
		return r.placeOK(m.refs, m.key, m.word)
	}
	return true
}

// definite tells whether a folded word carries the article, after its clitics ("القوات", "للقوات").
func definite(w string) bool {
	var buf [6]variant
	for _, v := range variants(w, buf[:0]) {
		if strings.HasPrefix(v.form, "ال") && utf8.RuneCountInString(v.form) >= 4 {
			return true
		}
	}
	return false
}

// anchor is a place the article names without doubt; it is context for the others.
type anchor struct {
	idx  int32
	p    *Place
	sent int
	key  string // the name, so that no mention of it is its own context
	// admin holds the administrative units the anchor names: itself and, for a town, the province or
	// district of the same name ("الرقة" the city also names محافظة الرقة).
	admin []string
}

// resolvePlaces ranks the candidates of each place mention by prior, place word and context: the provinces
// and countries the article names, and closeness to the places it names without ambiguity. One name keeps
// one reading within an article.
func (r *Resolver) resolvePlaces(ms []*mention) {
	var places []*mention
	for _, m := range ms {
		if m.actor >= 0 || m.refs == nil {
			continue
		}
		for _, x := range m.refs {
			// "محافظة" or "ولاية" before a name that is no province of these states names one abroad
			// ("محافظة أبين", "محافظة عمران" are Yemen's, not the villages).
			if x.kind == refPlace && !(m.word == provinceWord && !firstLevel(r.g.places[x.idx].Type)) {
				m.candidates = append(m.candidates, x.idx)
				m.priors = append(m.priors, r.g.prior(x)+wordBonus(m.word, &r.g.places[x.idx]))
			}
		}
		if len(m.candidates) > 0 {
			places = append(places, m)
		}
	}
	var anchors []anchor
	for _, m := range places {
		if m.doubted {
			continue // not evidence until the article backs it
		}
		best, margin := argmax(m.priors)
		if len(m.candidates) == 1 || margin >= 1.5 {
			idx := m.candidates[best]
			p := &r.g.places[idx]
			a := anchor{idx: idx, p: p, sent: m.sent, key: m.key, admin: []string{p.GID}}
			for _, c := range m.candidates {
				if q := &r.g.places[c]; q != p && isAdmin(q.Type) {
					a.admin = append(a.admin, q.GID)
				}
			}
			anchors = append(anchors, a)
		}
	}
	for _, m := range ms {
		if m.actor >= 0 && r.g.actors[m.actor].GID != "" {
			idx := r.g.byGID[r.g.actors[m.actor].GID]
			p := &r.g.places[idx]
			anchors = append(anchors, anchor{idx: idx, p: p, sent: m.sent, key: m.key, admin: []string{p.GID}})
		}
	}
	places = slices.DeleteFunc(places, func(m *mention) bool {
		if !m.doubted {
			return false
		}
		for j := 0; j < len(m.candidates); j++ {
			if !r.backed(m, m.candidates[j], anchors) {
				m.candidates = slices.Delete(m.candidates, j, j+1)
				m.priors = slices.Delete(m.priors, j, j+1)
				j--
			}
		}
		return len(m.candidates) == 0
	})
	type sense struct {
		key  string
		word placeWord
	}
	total := map[sense]map[int32]float64{}
	scores := make([][]float64, len(places))
	for i, m := range places {
		scores[i] = make([]float64, len(m.candidates))
		s := sense{m.key, m.word}
		if total[s] == nil {
			total[s] = map[int32]float64{}
		}
		for j, c := range m.candidates {
			scores[i][j] = m.priors[j] + context(&r.g.places[c], m, anchors)
			total[s][c] += scores[i][j]
		}
	}
	for i, m := range places {
		tot := total[sense{m.key, m.word}]
		sum := make([]float64, len(m.candidates))
		for j, c := range m.candidates {
			sum[j] = tot[c]
		}
		best, _ := argmax(sum)
		m.place = m.candidates[best]
		_, m.margin = argmax(scores[i])
	}
}

// backed tells whether the article backs candidate c of a doubted mention: the name is one the news uses
// for the place (curated) and no ordinary word, or the article names, without doubt, a place in the same
// country.
func (r *Resolver) backed(m *mention, c int32, anchors []anchor) bool {
	p := &r.g.places[c]
	for _, x := range m.refs {
		if x.kind == refPlace && x.idx == c && x.curated && !r.g.common[m.key] {
			return true
		}
	}
	for _, a := range anchors {
		if a.key != m.key && a.p.Country == p.Country {
			return true
		}
	}
	return false
}

func firstLevel(t string) bool { return t == "region" || t == "governorate" }

func isAdmin(t string) bool {
	switch t {
	case "region", "governorate", "county", "district", "subdistrict", "localadmin":
		return true
	}
	return false
}

// wordBonus favours the kind of place the preceding word names.
func wordBonus(w placeWord, p *Place) float64 {
	switch w {
	case provinceWord, countrysideWord:
		// "ريف حلب" is the countryside around the city, so never the city itself.
		switch p.Type {
		case "region", "governorate":
			return 3
		case "county", "district":
			return 2
		case "locality", "neighbourhood", "campus":
			return -4
		}
	case townWord:
		if p.Type == "locality" || p.Type == "neighbourhood" || p.Type == "campus" {
			return 1.5
		}
	case subdistrictWord:
		if p.Type == "subdistrict" || p.Type == "localadmin" {
			return 3
		}
	case districtWord:
		if p.Type == "county" || p.Type == "district" {
			return 3
		}
	}
	return 0
}

// context scores a candidate against the anchors: lying in a province or district the article names, in a
// country it names, or near a place it names. The same sentence counts twice as much as the rest.
//
// An anchor that is one of the mention's own candidates is skipped: it is the same place under another name
// ("كري سبي" then "تل أبيض"), not evidence for the district around it.
func context(p *Place, m *mention, anchors []anchor) float64 {
	var parent, country, near float64
	for _, a := range anchors {
		if a.key == m.key || slices.Contains(m.candidates, a.idx) {
			continue
		}
		w := 0.5
		if a.sent == m.sent {
			w = 1
		}
		if a.p.Type == "country" {
			if a.p.Country == p.Country {
				country = math.Max(country, 1.2*w)
			}
			continue
		}
		for _, g := range a.admin {
			if slices.Contains(p.Parents, g) {
				parent = math.Max(parent, 3*w)
			}
		}
		// A province or district is likelier when the article names a place inside it.
		if slices.Contains(a.p.Parents, p.GID) {
			parent = math.Max(parent, 3*w)
		}
		if firstLevel(a.p.Type) {
			continue
		}
		switch d := km(p.Lat, p.Lon, a.p.Lat, a.p.Lon); {
		case d < 40:
			near = math.Max(near, 1.5*w)
		case d < 120:
			near = math.Max(near, 0.8*w)
		}
	}
	return parent + country + near
}

func argmax(xs []float64) (int, float64) {
	best := 0
	for i, x := range xs {
		if x > xs[best] {
			best = i
		}
	}
	second := math.Inf(-1)
	for i, x := range xs {
		if i != best && x > second {
			second = x
		}
	}
	if math.IsInf(second, -1) {
		return best, math.Inf(1)
	}
	return best, xs[best] - second
}

// km is the great-circle distance in kilometres.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371
	φ1, φ2 := lat1*math.Pi/180, lat2*math.Pi/180
	dφ, dλ := φ2-φ1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dφ/2)*math.Sin(dφ/2) + math.Cos(φ1)*math.Cos(φ2)*math.Sin(dλ/2)*math.Sin(dλ/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

// fill writes the resolutions into doc.Entities, appends the mentions found here, and lets a later one-word
// person mention take the identity of an earlier full name ending in that word.
func (r *Resolver) fill(doc *marsad.Document, ms []*mention) {
	added := false
	for _, m := range ms {
		if m.fixed || m.actor < 0 && m.place < 0 {
			continue
		}
		e := marsad.Entity{Span: marsad.SpanOf(doc.Text, m.start, m.end), Type: m.typ}
		if m.ent >= 0 {
			e = doc.Entities[m.ent]
			if m.skip > 0 {
				e.Span = marsad.SpanOf(doc.Text, m.start, m.end)
			}
		}
		switch {
		case m.actor >= 0:
			a := &r.g.actors[m.actor]
			e.ID, e.Name = a.ID, a.Name
			// The table knows whether a name is a person or a group better than the tagger, which often
			// reads an unfamiliar acronym ("قسد") as a person; only an actor with a place (a state) may
			// stay the place the tagger saw.
			if e.Type == "" || a.Type != "" && !(a.located && e.Type == marsad.LOC) {
				e.Type = a.Type
			}
			if a.located && e.Type == marsad.LOC {
				e.GazetteerID = a.GID
				e.Lat, e.Lon = ptr(a.Lat), ptr(a.Lon)
			}
			e.Confidence = 0.9
			if m.backref {
				e.Confidence = 0.75
			}
		default:
			p := &r.g.places[m.place]
			e.ID, e.Name, e.GazetteerID = p.GID, p.Name, p.GID
			if p.actor >= 0 {
				e.ID = r.g.actors[p.actor].ID
			}
			e.Lat, e.Lon = ptr(p.Lat), ptr(p.Lon)
			// A geocoded name is a place whatever the tagger called it ("بلدة الباغوز" as MISC).
			e.Type = marsad.LOC
			e.Confidence = math.Min(0.95, 0.6+0.1*math.Min(m.margin, 3.5))
		}
		if m.ent >= 0 {
			e.Confidence = doc.Entities[m.ent].Confidence
			doc.Entities[m.ent] = e
		} else {
			doc.Entities = append(doc.Entities, e)
			added = true
		}
	}
	if added {
		slices.SortStableFunc(doc.Entities, func(a, b marsad.Entity) int { return a.Start - b.Start })
	}
	surnames(doc)
}

// surnames resolves a one-word person mention the tables do not know to the full name it ends: "الخليل"
// after "أحمد محمد الخليل" takes that mention's id (if any) and name.
func surnames(doc *marsad.Document) {
	type full struct{ id, name string }
	last := map[string]full{}
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if e.Type != marsad.PER {
			continue
		}
		words := strings.Fields(Key(e.Text))
		switch {
		case len(words) > 1:
			name := e.Name
			if name == "" {
				name = e.Text
			}
			last[words[len(words)-1]] = full{e.ID, name}
		case len(words) == 1 && e.ID == "" && e.Name == "":
			if f, ok := last[words[0]]; ok {
				e.ID, e.Name = f.id, f.name
			}
		}
	}
}

func ptr(f float64) *float64 { return &f }
