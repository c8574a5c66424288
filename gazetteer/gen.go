//go:build ignore

// gen builds places.tsv.gz, the compact place table the gazetteer embeds, from the Who's On First extract for
// Syria, Iraq and Turkey and the OpenSyria (OCHA p-code) administrative units, and actors_petrarch.tsv, the
// people of the region found in the UniversalPetrarch Arabic actor dictionary. Run it with `go generate`.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/marsad/marsad/arabic"
)

var (
	wofDir   = flag.String("wof", "/work/shared/data/wof_gazetteer_sy_iq_tr", "Who's On First extract directory")
	ochaDir  = flag.String("ocha", "/work/shared/data/syria_admin_opensyria", "OpenSyria data-geography directory")
	petrDir  = flag.String("petrarch", "/work/shared/data/universalpetrarch_arabic_dicts", "UniversalPetrarch Arabic dictionaries")
	placeOut = flag.String("places", "places.tsv.gz", "output place table")
	actorOut = flag.String("actors", "actors_petrarch.tsv", "output PETRARCH person table")
)

type place struct {
	gid, ptype, cc string
	lat, lon       float64
	pop            int64
	wikidata       bool
	seat           bool
	parent         string // source parent id before mapping
	parents        []string
	name           string
	keys           []string
}

func main() {
	log.SetFlags(0)
	flag.Parse()
	places := readOCHA()
	byWOF := map[string]*place{}
	for _, cc := range []string{"sy", "iq", "tr"} {
		for _, p := range readWOF(filepath.Join(*wofDir, "wof_"+cc+".tsv.gz")) {
			byWOF[p.gid] = p
		}
	}
	mapSyrianAdmin(byWOF, places)
	for _, p := range byWOF {
		places = append(places, p)
	}
	// Map order must not leak into the output: the run is reproducible.
	sort.Slice(places, func(i, j int) bool { return places[i].gid < places[j].gid })
	byGID := map[string]*place{}
	for _, p := range places {
		byGID[p.gid] = p
	}
	for _, p := range places {
		p.parents = chain(byGID, p)
	}
	markSeats(byGID, places)
	places = dedup(places)
	sort.Slice(places, func(i, j int) bool { return places[i].gid < places[j].gid })
	writePlaces(places)
	writeActors()
}

// prefixes are the generic words news puts before a place name ("محافظة الرقة", "ناحية عامودا"); names are
// indexed without them and the resolver reads them as context instead.
var prefixes = []string{"محافظه", "منطقه", "ناحيه", "مدينه", "قضاء", "حي", "بلده", "قريه", "مركز", "مخيم"}

// key returns the matching key of an Arabic name: folded words joined by one space, generic prefix removed.
func key(s string) string {
	f := arabic.Fold(s)
	var words []string
	for _, t := range arabic.AppendTokens(nil, f) {
		words = append(words, f[t.Start:t.End])
	}
	for len(words) > 1 && contains(prefixes, words[0]) {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// arabicName reports whether s is written in Arabic script only (WOF variants sometimes hold Latin spellings).
func arabicName(s string) bool {
	has := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Arabic, r):
			has = true
		case unicode.IsLetter(r):
			return false
		case r == ',' || r == '،' || r == '(':
			return false
		}
	}
	return has
}

func (p *place) addName(s string) {
	s = strings.TrimSpace(s)
	if !arabicName(s) {
		return
	}
	k := key(s)
	if k == "" || contains(p.keys, k) {
		return
	}
	if p.name == "" {
		p.name = strings.Join(strings.Fields(s), " ")
	}
	p.keys = append(p.keys, k)
}

func readWOF(path string) []*place {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out []*place
	for line := 0; sc.Scan(); line++ {
		c := strings.Split(sc.Text(), "\t")
		if line == 0 {
			continue
		}
		if len(c) != 13 {
			log.Fatalf("%s:%d: %d columns", path, line+1, len(c))
		}
		switch c[1] {
		case "country", "region", "county", "localadmin", "locality", "neighbourhood", "campus":
		default:
			continue
		}
		p := &place{gid: "wof:" + c[0], ptype: c[1], cc: c[9], parent: "wof:" + c[8], wikidata: c[11] != ""}
		p.lat, _ = strconv.ParseFloat(c[6], 64)
		p.lon, _ = strconv.ParseFloat(c[7], 64)
		p.pop, _ = strconv.ParseInt(c[12], 10, 64)
		for _, n := range strings.Split(c[3], "|") {
			p.addName(n)
		}
		for _, n := range strings.Split(c[4], "|") {
			p.addName(n)
		}
		if p.name == "" && p.ptype != "region" && p.ptype != "county" {
			continue
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	return out
}

type ochaUnit struct {
	Name struct {
		AR string `json:"ar"`
	} `json:"name"`
	Aliases []struct {
		Value    string `json:"value"`
		Language string `json:"language"`
	} `json:"aliases"`
	Centroid struct {
		Latitude  float64 `json:"latitude"`
		Longitude float64 `json:"longitude"`
	} `json:"centroid"`
	Population struct {
		Value int64 `json:"value"`
	} `json:"population"`
	ExternalIDs struct {
		Pcode    string `json:"ochaPcode"`
		Wikidata string `json:"wikidata"`
		Geonames string `json:"geonames"`
	} `json:"externalIds"`
	ID            string `json:"id"`
	GovernorateID string `json:"governorateId"`
	DistrictID    string `json:"districtId"`
}

// ochaGeonames maps an OCHA governorate's GeoNames id to its p-code gid, to join WOF regions to it.
var ochaGeonames = map[string]string{}

// ochaPlaces holds the OCHA districts for mapping WOF counties onto them.
var ochaDistricts []*place

func readOCHA() []*place {
	var out []*place
	ids := map[string]string{}
	for _, level := range []struct{ file, ptype string }{{"governorates", "governorate"}, {"districts", "district"}, {"subdistricts", "subdistrict"}} {
		b, err := os.ReadFile(filepath.Join(*ochaDir, level.file+".json"))
		if err != nil {
			log.Fatal(err)
		}
		var units []ochaUnit
		if err := json.Unmarshal(b, &units); err != nil {
			log.Fatalf("%s: %v", level.file, err)
		}
		for _, u := range units {
			p := &place{gid: "ocha:" + u.ExternalIDs.Pcode, ptype: level.ptype, cc: "SY", lat: u.Centroid.Latitude,
				lon: u.Centroid.Longitude, pop: u.Population.Value, wikidata: u.ExternalIDs.Wikidata != ""}
			p.addName(u.Name.AR)
			for _, a := range u.Aliases {
				if a.Language == "ar" {
					p.addName(a.Value)
				}
			}
			ids[u.ID] = p.gid
			switch level.ptype {
			case "governorate":
				ochaGeonames[u.ExternalIDs.Geonames] = p.gid
			case "district":
				p.parent = ids[u.GovernorateID]
				ochaDistricts = append(ochaDistricts, p)
			case "subdistrict":
				p.parent = ids[u.DistrictID]
			}
			out = append(out, p)
		}
	}
	return out
}

// mapSyrianAdmin replaces WOF's Syrian regions and counties by the OCHA governorates and districts (which carry
// p-codes and Arabic names for every unit): a WOF region is joined by its GeoNames id, a county by the nearest
// district centroid, and every WOF parent pointer is redirected.
func mapSyrianAdmin(byWOF map[string]*place, ocha []*place) {
	remap := map[string]string{}
	regionGN := readRegionGeonames()
	for gid, p := range byWOF {
		if p.cc != "SY" || p.ptype != "region" {
			continue
		}
		if o, ok := ochaGeonames[regionGN[gid]]; ok {
			remap[gid] = o
		} else {
			remap[gid] = nearest(ocha, "governorate", p).gid
		}
		delete(byWOF, gid)
	}
	for gid, p := range byWOF {
		if p.cc != "SY" || p.ptype != "county" {
			continue
		}
		remap[gid] = nearest(ocha, "district", p).gid
		delete(byWOF, gid)
	}
	for _, p := range byWOF {
		if o, ok := remap[p.parent]; ok {
			p.parent = o
		}
	}
}

// readRegionGeonames returns the GeoNames id of each Syrian WOF region.
func readRegionGeonames() map[string]string {
	f, err := os.Open(filepath.Join(*wofDir, "wof_sy.tsv.gz"))
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		log.Fatal(err)
	}
	out := map[string]string{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) == 13 && c[1] == "region" {
			out["wof:"+c[0]] = c[10]
		}
	}
	return out
}

func nearest(ps []*place, ptype string, to *place) *place {
	var best *place
	bd := math.Inf(1)
	for _, p := range ps {
		if p.ptype != ptype {
			continue
		}
		if d := km(p.lat, p.lon, to.lat, to.lon); d < bd {
			best, bd = p, d
		}
	}
	return best
}

func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371
	φ1, φ2 := lat1*math.Pi/180, lat2*math.Pi/180
	dφ, dλ := φ2-φ1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dφ/2)*math.Sin(dφ/2) + math.Cos(φ1)*math.Cos(φ2)*math.Sin(dλ/2)*math.Sin(dλ/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

// chain returns the administrative ancestors of p, nearest first, without the country.
func chain(byGID map[string]*place, p *place) []string {
	var out []string
	for cur, n := byGID[p.parent], 0; cur != nil && n < 6; cur, n = byGID[cur.parent], n+1 {
		switch cur.ptype {
		case "country":
			return out
		case "region", "county", "localadmin", "governorate", "district", "subdistrict":
			out = append(out, cur.gid)
		}
	}
	return out
}

// markSeats flags a locality that shares a name with one of its administrative ancestors: the seat of a
// district ("رأس العين" in منطقة رأس العين) is what a bare mention of that name means, even when the
// source gives it no population.
func markSeats(byGID map[string]*place, places []*place) {
	for _, p := range places {
		if p.ptype != "locality" {
			continue
		}
		for _, a := range p.parents {
			if anc := byGID[a]; anc != nil && len(anc.keys) > 0 && len(p.keys) > 0 && contains(anc.keys, p.keys[0]) {
				p.seat = true
			}
		}
	}
}

// quality orders duplicates: the record kept is the one a reader would expect.
func quality(p *place) float64 {
	q := math.Log10(float64(p.pop) + 1)
	if p.wikidata {
		q += 2
	}
	if p.seat {
		q++
	}
	return q + float64(len(p.keys))/10
}

// dedup merges WOF localities of one country that share their first name and lie within 10 km: WOF holds
// several records for some towns (from GeoNames and from other sources), and only one should answer.
func dedup(places []*place) []*place {
	groups := map[string][]*place{}
	var out []*place
	for _, p := range places {
		if p.ptype != "locality" || len(p.keys) == 0 {
			out = append(out, p)
			continue
		}
		groups[p.cc+" "+p.keys[0]] = append(groups[p.cc+" "+p.keys[0]], p)
	}
	merged := 0
	for _, g := range groups {
		sort.SliceStable(g, func(i, j int) bool { return quality(g[i]) > quality(g[j]) })
		var kept []*place
	next:
		for _, p := range g {
			for _, k := range kept {
				if km(p.lat, p.lon, k.lat, k.lon) < 10 {
					for _, n := range p.keys {
						if !contains(k.keys, n) {
							k.keys = append(k.keys, n)
						}
					}
					k.seat = k.seat || p.seat
					merged++
					continue next
				}
			}
			kept = append(kept, p)
		}
		out = append(out, kept...)
	}
	log.Printf("merged %d duplicate localities", merged)
	return out
}

func writePlaces(places []*place) {
	f, err := os.Create(*placeOut)
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# Code generated by gen.go from Who's On First and OpenSyria data; DO NOT EDIT.")
	fmt.Fprintln(w, "# gid\ttype\tcountry\tlat\tlon\tpopulation\tflags\tparents\tname\tkeys")
	n := 0
	for _, p := range places {
		if len(p.keys) == 0 {
			continue
		}
		flags := ""
		if p.wikidata {
			flags += "w"
		}
		if p.seat {
			flags += "s"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%.5f\t%.5f\t%d\t%s\t%s\t%s\t%s\n", p.gid, p.ptype, p.cc, p.lat, p.lon, p.pop, flags,
			strings.Join(p.parents, ","), p.name, strings.Join(p.keys, "|"))
		n++
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d places", *placeOut, n)
}

// PETRARCH codes start with a country (or IGO) and continue with roles; only people of the region's states
// and international bodies, in the roles that news reports quote, are kept.
var (
	codeRE      = regexp.MustCompile(`\[([A-Z]{3})([A-Z]*)`)
	petrCountry = map[string]string{"SYR": "syria", "IRQ": "iraq", "TUR": "turkey", "IRN": "iran", "RUS": "russia"}
	petrRoles   = []string{"GOV", "ELI", "MIL", "PTY", "LEG", "REB", "OPP", "SPY", "COP"}
	// Lemmatized role and institution nouns mark an entry that is not a person's name.
	notName = []string{"رئيس", "وزير", "حكومه", "قوه", "جيش", "سفير", "مجلس", "وزاره", "حزب", "جبهه", "مسؤول", "قائد",
		"نائب", "امين", "عام", "حركه", "منظمه", "اتحاد", "دوله", "جمهوريه", "شعب", "مواطن", "صحيفه", "وكاله", "ادارة",
		"اداره", "محافظه", "مدينه", "برلمان", "برلماني", "سلطه", "شرطه", "امن", "عراقي", "سوري", "تركي", "ايراني",
		"روسي", "اميركي", "امريكي", "دولي", "متحد", "مساعد", "مستشار", "متحدث", "ناطق", "رسمي", "مصدر", "زعيم",
		"ولايه", "بيت", "حرس", "لجنه", "كتله", "تيار", "ائتلاف", "مجموعه", "جماعه", "مليشيا", "ميليشيا", "قوات",
		"عضو", "نواب", "ل", "في", "مفوض", "ممثل", "مبعوث", "شيخ", "امام", "ملك", "امير", "جنرال", "مقدم", "لواء",
		"عميد", "عقيد", "اللواء", "سيد", "دكتور", "دكتوره", "عاهل", "محكمه", "قاضي", "نظام", "معارضه", "برنامج",
		"فرقه", "جند", "مجاهد", "سجن", "مؤتمر", "هيئه", "اقليم", "ديمقراطي", "عراق", "جندي", "محققين", "ملازم", "الملازم",
		"الملازم", "الملازم", "الملاْزم", "ومان", "لقفي", "قدس", "الذي", "الشاه"}
)

func writeActors() {
	f, err := os.Open(filepath.Join(*petrDir, "actor_dict_ar_v4.txt"))
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	type entry struct {
		name  string
		codes []string
	}
	var entries []*entry
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "[") {
			if len(entries) > 0 {
				entries[len(entries)-1].codes = append(entries[len(entries)-1].codes, t)
			}
			continue
		}
		name, rest, _ := strings.Cut(t, " ")
		e := &entry{name: name}
		if c := strings.TrimSpace(rest); c != "" {
			e.codes = append(e.codes, c)
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	type group struct {
		country  string
		words    []string
		aliases  []string
		backrefs []string
	}
	var cands []group
	seen := map[string]bool{}
	for _, e := range entries {
		country, dated := "", false
		for _, c := range e.codes {
			m := codeRE.FindStringSubmatch(c)
			if m == nil {
				continue
			}
			if cc, ok := petrCountry[m[1]]; ok && m[2] != "" {
				for _, r := range petrRoles {
					if strings.HasPrefix(m[2], r) || strings.HasSuffix(m[2], r) {
						country = cc
					}
				}
			}
			dated = dated || strings.ContainsAny(c, "0123456789")
		}
		if country == "" {
			continue
		}
		words := strings.FieldsFunc(strings.ReplaceAll(e.name, "اللٰه", "الله"), func(r rune) bool { return r == '_' })
		if len(words) == 0 || len(words) > 4 || len(words) == 1 && !dated {
			continue
		}
		ok := true
		for _, w := range words {
			fw := arabic.Fold(w)
			if !arabicName(w) || contains(notName, fw) || len([]rune(fw)) < 3 && fw != "بن" && fw != "غل" {
				ok = false
			}
		}
		if k := key(strings.Join(words, " ")); ok && !seen[k] {
			seen[k] = true
			cands = append(cands, group{country: country, words: words})
		}
	}
	// Variants of one person ("خامنئي", "علي خامنئي", "آية الله علي خامنئي") become one row: the longest
	// spelling is canonical, shorter multi-word spellings are aliases, and a lone surname only refers back to
	// a person already named in the article ("صدر" and "أسد" are ordinary words too).
	sort.SliceStable(cands, func(i, j int) bool { return len(cands[i].words) > len(cands[j].words) })
	var groups []*group
	for _, c := range cands {
		var home *group
		for _, g := range groups {
			if g.country == c.country && subset(c.words, g.words) && key(c.words[len(c.words)-1]) == key(g.words[len(g.words)-1]) {
				home = g
				break
			}
		}
		name := strings.Join(c.words, " ")
		switch {
		case home != nil && len(c.words) == 1:
			home.backrefs = append(home.backrefs, name)
		case home != nil:
			home.aliases = append(home.aliases, name)
		case len(c.words) > 1:
			g := c
			groups = append(groups, &g)
		}
	}
	sort.Slice(groups, func(i, j int) bool {
		return groups[i].country+key(strings.Join(groups[i].words, " ")) < groups[j].country+key(strings.Join(groups[j].words, " "))
	})
	out, err := os.Create(*actorOut)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(out)
	fmt.Fprintln(w, "# Code generated by gen.go from UniversalPetrarch actor_dict_ar_v4.txt (MIT, Open Event Data Alliance); DO NOT EDIT.")
	fmt.Fprintln(w, "# People of Syria, Iraq, Turkey, Iran and Russia. Columns as in actors.tsv.")
	ids := map[string]int{}
	for _, g := range groups {
		name := strings.Join(g.words, " ")
		id := g.country + "-" + translit(key(name))
		if ids[id]++; ids[id] > 1 {
			id = fmt.Sprintf("%s-%d", id, ids[id])
		}
		fmt.Fprintf(w, "%s\tPER\t%s\t\t%s\t%s\t\n", id, name, strings.Join(g.aliases, "|"), strings.Join(g.backrefs, "|"))
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := out.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d people", *actorOut, len(groups))
}

// subset reports whether every word of a (folded) occurs in b.
func subset(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if key(x) == key(y) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

var latin = map[rune]string{'ا': "a", 'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d", 'ذ': "dh",
	'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "z", 'ع': "", 'غ': "gh", 'ف': "f",
	'ق': "q", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h", 'و': "w", 'ي': "y", 'ء': "", 'ؤ': "", 'ئ': "", ' ': "-",
	'پ': "p", 'چ': "ch", 'ڤ': "v", 'گ': "g", 'ک': "k", 'ی': "y"}

// translit spells a folded Arabic key in lowercase ASCII for a stable, readable id ("هوشيار زيباري" → hwshyar-zybary).
func translit(k string) string {
	var b strings.Builder
	for _, r := range k {
		b.WriteString(latin[r])
	}
	return strings.Trim(b.String(), "-")
}
