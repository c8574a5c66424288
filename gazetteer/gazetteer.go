// Package gazetteer resolves entity mentions to canonical actors and geocoded places of Syria, Iraq and Turkey.
package gazetteer

//go:generate go run gen.go
//go:generate go run gen_common.go

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

var (
	//go:embed places.tsv.gz
	placesGz []byte
	//go:embed places_extra.tsv
	placesExtra string
	//go:embed aliases.tsv
	aliasesTSV string
	//go:embed actors.tsv
	actorsTSV string
	//go:embed actors_petrarch.tsv
	actorsPetrarch string
	//go:embed stopnames.txt
	stopNames string
	//go:embed commonnames.txt
	commonNames string
)

// Place is a gazetteer record.
type Place struct {
	// GID is the id in the source gazetteer: "wof:<id>" (Who's On First), "ocha:<p-code>" (OCHA via OpenSyria)
	// or "marsad:<slug>" for the few places curated here.
	GID string
	// Type is the source placetype: country, region, county, localadmin, locality, neighbourhood, campus, or
	// the Syrian governorate, district, subdistrict.
	Type       string
	Country    string // ISO 3166-1 alpha-2
	Lat, Lon   float64
	Population int64
	// Parents are the administrative ancestors, nearest first, without the country.
	Parents []string
	Name    string // Arabic
	// Seat marks a locality named like one of its administrative ancestors (the district's town).
	Seat     bool
	wikidata bool
	actor    int32 // index of the actor this place is (a state), or -1
}

// Actor is a row of the canonical entity table.
type Actor struct {
	ID      string
	Type    string // marsad.PER, ORG, LOC or MISC
	Name    string // canonical Arabic name
	English string
	Aliases []string
	// Backrefs are short forms that name the actor only after it was named in the same article.
	Backrefs []string
	// GID, Lat and Lon locate a state; GID is empty for a state outside the place table.
	GID      string
	Lat, Lon float64
	located  bool
}

// refKind says what a name refers to.
type refKind uint8

const (
	refPlace   refKind = iota
	refActor           // an alias: names the actor anywhere
	refBackref         // names the actor only after it was named
)

type ref struct {
	kind refKind
	// curated marks a name from aliases.tsv: the place it names is what the news means by it.
	curated bool
	idx     int32
}

// Gazetteer holds places, actors and the index of their folded names. It is read-only after loading and safe
// for concurrent use.
type Gazetteer struct {
	places  []Place
	byGID   map[string]int32
	actors  []Actor
	byActor map[string]int32
	// names maps a matching key (folded words joined by one space) to what it may refer to.
	names    map[string][]ref
	maxWords int
	// first maps the first word of every name to the most words a name starting with it has, so that the
	// scan builds a key only where one may exist.
	first map[string]int
	// firstWords is a filter in front of first: the scan asks it about every reading of every word, and most
	// begin no name. nameKeys is one in front of names: three in four of the keys the scan then builds name
	// nothing.
	firstWords, nameKeys wordFilter
	// stop holds keys that are ordinary words as well as place names ("الثورة", "تشرين"): they are found
	// in running text only after a place word such as مدينة or قرية.
	stop map[string]bool
	// common holds one-word place names a large news corpus uses as ordinary words ("الله", "الملك"): a
	// tagger's mention of one is a small place only after a place word.
	common map[string]bool
}

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
	defaultErr  error
)

// Default returns the gazetteer built from the embedded tables, loading it on first use. It panics if the
// embedded data is corrupt, which a test of this package would have caught.
func Default() *Gazetteer {
	defaultOnce.Do(func() { defaultG, defaultErr = load() })
	if defaultErr != nil {
		panic(defaultErr)
	}
	return defaultG
}

// Key returns the matching key of a name: folded words joined by one space ("ديرُ الزّور" → "دير الزور").
func Key(s string) string {
	f := arabic.Fold(s)
	toks := arabic.AppendTokens(nil, f)
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f[t.Start:t.End])
	}
	return b.String()
}

func load() (*Gazetteer, error) {
	// Sized for the embedded tables (29k places, 100k names) so that loading never rehashes.
	g := &Gazetteer{byGID: make(map[string]int32, 1<<15), byActor: map[string]int32{}, names: make(map[string][]ref, 1<<17),
		stop: map[string]bool{}, common: map[string]bool{}, first: make(map[string]int, 1<<16), places: make([]Place, 0, 1<<15)}
	zr, err := gzip.NewReader(bytes.NewReader(placesGz))
	if err != nil {
		return nil, fmt.Errorf("places.tsv.gz: %w", err)
	}
	if err := g.readPlaces("places.tsv.gz", zr, true); err != nil {
		return nil, err
	}
	if err := g.readPlaces("places_extra.tsv", strings.NewReader(placesExtra), false); err != nil {
		return nil, err
	}
	if err := g.readAliases(); err != nil {
		return nil, err
	}
	if err := g.readActors("actors.tsv", actorsTSV, true); err != nil {
		return nil, err
	}
	if err := g.readActors("actors_petrarch.tsv", actorsPetrarch, false); err != nil {
		return nil, err
	}
	for _, line := range strings.Split(stopNames, "\n") {
		if k := Key(line); k != "" && !strings.HasPrefix(strings.TrimSpace(line), "#") {
			g.stop[k] = true
		}
	}
	for _, line := range strings.Split(commonNames, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			g.common[line] = true
		}
	}
	// The maps were sized for loading without rehashing; copies sized for what they hold are smaller, so
	// more of them stays in the core's cache during the scan.
	g.names = compact(g.names)
	g.first = compact(g.first)
	g.firstWords = newWordFilter(len(g.first))
	for w := range g.first {
		g.firstWords.add(w)
	}
	g.nameKeys = newWordFilter(len(g.names))
	for k := range g.names {
		g.nameKeys.add(k)
	}
	return g, nil
}

// compact copies m into a map sized for its entries (maps.Clone keeps the size of the original).
func compact[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// longest returns the most words a name beginning with folded word w has, 0 when none begins with it.
func (g *Gazetteer) longest(w string) int {
	if !g.firstWords.has(w) {
		return 0
	}
	return g.first[w]
}

// wordFilter is a Bloom filter of words with two bits per word: about 20 bits per word, so it answers a word
// that was not added wrongly once in a few hundred times, from a table small enough for the core's cache.
// Both bits of a word are in one 64-bit word of the table, so a question reads one.
type wordFilter struct {
	bits []uint64
	seed maphash.Seed
}

func newWordFilter(n int) wordFilter {
	size := 64
	for size < 20*n {
		size *= 2
	}
	return wordFilter{bits: make([]uint64, size/64), seed: maphash.MakeSeed()}
}

// pos returns the table word of a word with hash h and the mask of its two bits in it.
func (f *wordFilter) pos(h uint64) (int, uint64) {
	return int(h & uint64(len(f.bits)-1)), 1<<(h>>52&63) | 1<<(h>>58&63)
}

func (f *wordFilter) add(w string) {
	i, m := f.pos(maphash.String(f.seed, w))
	f.bits[i] |= m
}

// has reports whether w may have been added.
func (f *wordFilter) has(w string) bool { return f.hasHash(maphash.String(f.seed, w)) }

// hasBytes is has for a word in a byte slice.
func (f *wordFilter) hasBytes(w []byte) bool { return f.hasHash(maphash.Bytes(f.seed, w)) }

func (f *wordFilter) hasHash(h uint64) bool {
	i, m := f.pos(h)
	return f.bits[i]&m == m
}

// eachRow calls f with the tab-separated fields of every non-comment line.
func eachRow(name string, r io.Reader, cols int, f func(c []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		c := strings.Split(t, "\t")
		if len(c) < cols {
			return fmt.Errorf("%s:%d: %d columns, want %d", name, line, len(c), cols)
		}
		if err := f(c); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	return sc.Err()
}

func (g *Gazetteer) add(key string, r ref) {
	if key == "" {
		return
	}
	for _, x := range g.names[key] {
		if x.kind == r.kind && x.idx == r.idx {
			return
		}
	}
	g.names[key] = append(g.names[key], r)
	n := strings.Count(key, " ") + 1
	g.maxWords = max(g.maxWords, n)
	w, _, _ := strings.Cut(key, " ")
	g.first[w] = max(g.first[w], n)
}

// readPlaces reads a place table; the generated one holds its names already as keys.
func (g *Gazetteer) readPlaces(name string, r io.Reader, keyed bool) error {
	return eachRow(name, r, 10, func(c []string) error {
		p := Place{GID: c[0], Type: c[1], Country: c[2], Name: c[8], actor: -1}
		var err error
		if p.Lat, err = strconv.ParseFloat(c[3], 64); err != nil {
			return err
		}
		if p.Lon, err = strconv.ParseFloat(c[4], 64); err != nil {
			return err
		}
		if p.Population, err = strconv.ParseInt(c[5], 10, 64); err != nil {
			return err
		}
		p.wikidata = strings.Contains(c[6], "w")
		p.Seat = strings.Contains(c[6], "s")
		if c[7] != "" {
			p.Parents = strings.Split(c[7], ",")
		}
		if _, dup := g.byGID[p.GID]; dup {
			return fmt.Errorf("duplicate place %s", p.GID)
		}
		i := int32(len(g.places))
		g.places = append(g.places, p)
		g.byGID[p.GID] = i
		for _, n := range strings.Split(c[9], "|") {
			if !keyed {
				n = Key(n)
			}
			g.add(n, ref{kind: refPlace, idx: i})
		}
		return nil
	})
}

func (g *Gazetteer) readAliases() error {
	return eachRow("aliases.tsv", strings.NewReader(aliasesTSV), 2, func(c []string) error {
		i, ok := g.byGID[c[1]]
		if !ok {
			return fmt.Errorf("unknown place %s", c[1])
		}
		k := Key(c[0])
		rs := g.names[k]
		for j := range rs {
			if rs[j].kind == refPlace && rs[j].idx == i {
				rs[j].curated = true
				return nil
			}
		}
		g.add(k, ref{kind: refPlace, curated: true, idx: i})
		return nil
	})
}

// readActors reads an actor table. Rows of a table that is not curated are skipped when one of their names
// already names an actor, so PETRARCH's spellings never split a curated person in two.
func (g *Gazetteer) readActors(name, data string, curated bool) error {
	return eachRow(name, strings.NewReader(data), 4, func(c []string) error {
		for len(c) < 7 {
			c = append(c, "")
		}
		a := Actor{ID: c[0], Type: c[1], Name: c[2], English: c[3], Aliases: split(c[4]), Backrefs: split(c[5])}
		switch a.Type {
		case marsad.PER, marsad.ORG, marsad.LOC, marsad.MISC:
		default:
			return fmt.Errorf("actor %s: bad type %q", a.ID, a.Type)
		}
		if _, dup := g.byActor[a.ID]; dup {
			return fmt.Errorf("duplicate actor id %s", a.ID)
		}
		keys := append([]string{Key(a.Name)}, mapKeys(a.Aliases)...)
		if !curated {
			for _, k := range keys {
				for _, r := range g.names[k] {
					if r.kind == refActor {
						return nil
					}
				}
			}
		}
		i := int32(len(g.actors))
		if loc := c[6]; loc != "" {
			if lat, lon, ok := strings.Cut(loc, ","); ok {
				var e1, e2 error
				a.Lat, e1 = strconv.ParseFloat(lat, 64)
				a.Lon, e2 = strconv.ParseFloat(lon, 64)
				if e1 != nil || e2 != nil {
					return fmt.Errorf("actor %s: bad coordinates %q", a.ID, loc)
				}
			} else {
				p, ok := g.byGID[loc]
				if !ok {
					return fmt.Errorf("actor %s: unknown place %s", a.ID, loc)
				}
				a.GID, a.Lat, a.Lon = loc, g.places[p].Lat, g.places[p].Lon
				g.places[p].actor = i
			}
			a.located = true
		}
		g.actors = append(g.actors, a)
		g.byActor[a.ID] = i
		for _, k := range keys {
			g.add(k, ref{kind: refActor, curated: curated, idx: i})
		}
		for _, k := range mapKeys(a.Backrefs) {
			g.add(k, ref{kind: refBackref, idx: i})
		}
		// A person's surname refers back to them once they were named in full ("عبدي" after "مظلوم عبدي").
		if a.Type == marsad.PER {
			if s := surname(keys[0]); s != "" {
				g.add(s, ref{kind: refBackref, idx: i})
			}
		}
		return nil
	})
}

// surname returns the last name of a person's key: its last word, or its last two when the name ends in a
// compound ("عبد الرحمن", "أبو عمر", "بن لادن"), whose second word alone means something else.
func surname(k string) string {
	w := strings.Fields(k)
	if len(w) < 2 {
		return ""
	}
	if p := w[len(w)-2]; len(w) >= 3 && (p == "عبد" || p == "ابو" || p == "بن" || p == "ابن") {
		return p + " " + w[len(w)-1]
	}
	if len(w) == 2 && (w[0] == "عبد" || w[0] == "ابو" || w[0] == "بن") || len([]rune(w[len(w)-1])) < 3 {
		return ""
	}
	return w[len(w)-1]
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func mapKeys(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, Key(n))
	}
	return out
}

// Place returns the place with gazetteer id gid.
func (g *Gazetteer) Place(gid string) (Place, bool) {
	i, ok := g.byGID[gid]
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}

// Actor returns the actor with canonical id id.
func (g *Gazetteer) Actor(id string) (Actor, bool) {
	i, ok := g.byActor[id]
	if !ok {
		return Actor{}, false
	}
	return g.actors[i], true
}

// Len returns the number of places and actors.
func (g *Gazetteer) Len() (places, actors int) { return len(g.places), len(g.actors) }

// LookupPlaces returns the places named name (any spelling that folds alike), most likely first when no
// context is known: curated names, then states, provinces and populous towns before villages.
func (g *Gazetteer) LookupPlaces(name string) []Place {
	var idx []int32
	var score []float64
	for _, r := range g.names[Key(name)] {
		if r.kind == refPlace {
			idx = append(idx, r.idx)
			score = append(score, g.prior(r))
		}
	}
	order := make([]int, len(idx))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return score[order[a]] > score[order[b]] })
	out := make([]Place, len(idx))
	for i, o := range order {
		out[i] = g.places[idx[o]]
	}
	return out
}

// LookupActors returns the actors that name (a canonical name or an alias) refers to.
func (g *Gazetteer) LookupActors(name string) []Actor {
	var out []Actor
	for _, r := range g.names[Key(name)] {
		if r.kind == refActor {
			out = append(out, g.actors[r.idx])
		}
	}
	return out
}

// prior scores how likely a bare mention of a name means this place: the news names states, provinces and
// towns far more often than one of the many villages that share their names.
func (g *Gazetteer) prior(r ref) float64 {
	p := &g.places[r.idx]
	var s float64
	switch p.Type {
	case "country":
		s = 6
	case "region", "governorate":
		s = 4
	case "locality":
		s = 2 + math.Min(math.Log10(float64(p.Population)+1), 6.5)/2
		if p.Seat {
			s += 2
		}
		if p.wikidata {
			s += 0.3
		}
	case "county", "district":
		s = 2.5
	case "subdistrict", "localadmin":
		s = 2
	case "campus":
		s = 1.5
	default:
		s = 1
	}
	switch p.Country {
	case "SY":
		s += 0.6
	case "IQ":
		s += 0.3
	}
	if r.curated {
		s += 2
	}
	return s
}
