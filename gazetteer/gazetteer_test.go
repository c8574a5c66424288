package gazetteer

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad"
)

// TestLoadTime keeps the best of three loads, since a shared machine may stall any one of them.
func TestLoadTime(t *testing.T) {
	var g *Gazetteer
	best := time.Hour
	for range 3 {
		start := time.Now()
		var err error
		if g, err = load(); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
	}
	t.Logf("load: %v", best)
	if best > time.Second {
		t.Errorf("load took %v; want < 1s", best)
	}
	places, actors := g.Len()
	if places < 25000 || actors < 150 {
		t.Errorf("got %d places, %d actors; want ≥ 25000 and ≥ 150", places, actors)
	}
}

func TestKey(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"diacritics and shadda", "دَيْرُ الزّور", "دير الزور"},
		{"hamza and ta marbuta", "إدلب، الرقّة", "ادلب الرقه"},
		{"extra blanks", "  رأس   العين ", "راس العين"},
		{"tatweel", "قـسـد", "قسد"},
	} {
		if got := Key(tc.in); got != tc.want {
			t.Errorf("%s: got %q; want %q", tc.name, got, tc.want)
		}
	}
}

func TestVariants(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"conjunction", "والرقه", []string{"والرقه", "الرقه", "رقه"}},
		{"preposition", "بمنبج", []string{"بمنبج", "منبج"}},
		{"li + article", "للرقه", []string{"للرقه", "الرقه", "رقه"}},
		{"conjunction + preposition", "ولقسد", []string{"ولقسد", "لقسد", "قسد"}},
		{"short word kept", "بري", []string{"بري"}},
	} {
		var got []string
		for _, v := range variants(tc.in, nil) {
			got = append(got, v.form)
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s: got %q; want %q", tc.name, got, tc.want)
		}
	}
}

func TestLookup(t *testing.T) {
	g := Default()
	for _, tc := range []struct {
		name, in string
		lat, lon float64
	}{
		{"Kurdish name", "كوباني", 36.89, 38.35},
		{"Arabic name of the same town", "عين العرب", 36.89, 38.35},
		{"Ras al-Ain means the Hasakah town", "رأس العين", 36.85, 40.07},
		{"Serê Kaniyê", "سري كانيه", 36.85, 40.07},
		{"spelling without a space", "ديرالزور", 35.34, 40.14},
		{"Qamishlo", "قامشلو", 37.05, 41.22},
		{"Tirbespî", "تربه سبيه", 37.03, 41.55},
		{"Dêrik", "ديريك", 37.18, 42.14},
		{"Baghuz", "الباغوز", 34.45, 40.95},
		{"Mosul", "الموصل", 36.34, 43.13},
		{"Gaziantep", "غازي عنتاب", 37.07, 37.38},
	} {
		ps := g.LookupPlaces(tc.in)
		if len(ps) == 0 {
			t.Errorf("%s: %q not found", tc.name, tc.in)
			continue
		}
		if d := km(ps[0].Lat, ps[0].Lon, tc.lat, tc.lon); d > MaxKm {
			t.Errorf("%s: got %s %s (%.2f,%.2f), %.0f km off", tc.name, ps[0].GID, ps[0].Name, ps[0].Lat, ps[0].Lon, d)
		}
	}
	for _, tc := range []struct{ name, in, want string }{
		{"acronym", "قسد", "sdf"},
		{"full name", "قوات سوريا الديمقراطية", "sdf"},
		{"spelling with ة", "قوات سورية الديمقراطية", "sdf"},
		{"ISIS", "داعش", "isis"},
		{"ISIS long", "تنظيم الدولة الإسلامية", "isis"},
		{"coalition", "قوات التحالف", "coalition"},
		{"Turkish army", "الاحتلال التركي", "turkey-army"},
		{"PETRARCH person", "هوشيار زيباري", "iraq-hwshyar-zybary"},
	} {
		as := g.LookupActors(tc.in)
		if len(as) == 0 || as[0].ID != tc.want {
			t.Errorf("%s: got %v; want %s", tc.name, as, tc.want)
		}
	}
}

// TestTables checks the curated files: every alias points to a place, ids are unique and lowercase ASCII,
// and no alias names two actors.
func TestTables(t *testing.T) {
	g := Default()
	for _, a := range g.actors {
		for _, r := range a.ID {
			if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-') {
				t.Errorf("actor id %q: not lowercase ASCII", a.ID)
				break
			}
		}
	}
	for k, refs := range g.names {
		n := 0
		for _, r := range refs {
			if r.kind == refActor {
				n++
			}
		}
		if n > 1 {
			t.Errorf("name %q names %d actors", k, n)
		}
	}
}

type want struct{ text, id string }

func TestResolver(t *testing.T) {
	r := NewResolver(Default())
	for _, tc := range []struct {
		name string
		text string
		want []want
	}{
		{"clitics stay outside the span", "وأكدت لقسد وبالرقة ولداعش",
			[]want{{"قسد", "sdf"}, {"الرقة", "wof:421172833"}, {"داعش", "isis"}}},
		{"back-reference only after the full name", "قال التنظيم إن داعش سيهاجم، لكن التنظيم انسحب",
			[]want{{"داعش", "isis"}, {"التنظيم", "isis"}}},
		{"surname after full name", "قال مظلوم عبدي إن... وأضاف عبدي أن",
			[]want{{"مظلوم عبدي", "mazloum-abdi"}, {"عبدي", "mazloum-abdi"}}},
		{"countryside means the governorate", "في ريف حلب الشمالي", []want{{"حلب", "ocha:SY02"}}},
		{"a village chosen by its district", "سقطت قذيفة على قرية رأس العين بريف جبلة",
			[]want{{"رأس العين", "wof:1226355253"}, {"جبلة", "ocha:SY0602"}}},
		{"state as place", "عاد اللاجئون من تركيا", []want{{"تركيا", "turkey"}}},
		{"adjective is not the state", "قالت الحكومة السورية إن", []want{{"الحكومة السورية", "syria-gov"}}},
		{"ordinary word that is a place", "بعد ثورة آذار اجتمع أهالي الثورة", nil},
		{"nisba after a definite noun", "وقالت الحكومة الهندية إن القوات الهندية ردت", nil},
	} {
		doc := &marsad.Document{Text: tc.text}
		if err := r.Annotate(doc); err != nil {
			t.Fatal(err)
		}
		var got []want
		for _, e := range doc.Entities {
			if e.Text != doc.Text[e.Start:e.End] {
				t.Errorf("%s: span %d:%d holds %q, not %q", tc.name, e.Start, e.End, doc.Text[e.Start:e.End], e.Text)
			}
			got = append(got, want{e.Text, e.ID})
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %v; want %v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: got %v; want %v", tc.name, got, tc.want)
				break
			}
		}
	}
}

// TestResolverKeepsEntities checks that tagger entities are resolved in place and that added mentions never
// overlap them.
func TestResolverKeepsEntities(t *testing.T) {
	text := "قصفت القوات التركية قرى ريف تل تمر، وقال مظلوم عبدي إن قسد سترد."
	start := strings.Index(text, "تل تمر")
	doc := &marsad.Document{Text: text, Entities: []marsad.Entity{{Span: marsad.SpanOf(text, start, start+len("تل تمر")), Type: marsad.LOC, Confidence: 0.7}}}
	if err := NewResolver(Default()).Annotate(doc); err != nil {
		t.Fatal(err)
	}
	var tagged *marsad.Entity
	for i, e := range doc.Entities {
		if e.Start == start {
			tagged = &doc.Entities[i]
		}
		if i > 0 && e.Start < doc.Entities[i-1].End {
			t.Errorf("entity %q overlaps %q", e.Text, doc.Entities[i-1].Text)
		}
	}
	if tagged == nil || tagged.GazetteerID == "" || tagged.Lat == nil || tagged.Confidence != 0.7 {
		t.Fatalf("tagged entity not resolved in place: %+v", tagged)
	}
	if len(doc.Entities) != 4 {
		t.Errorf("got %d entities; want 4: %+v", len(doc.Entities), doc.Entities)
	}
}

// TestResolverTaggedTypes checks how the tagger's type meets the tables: a person named like a village is
// not geocoded, a geocoded name is a place, and a known group is a group.
func TestResolverTaggedTypes(t *testing.T) {
	r := NewResolver(Default())
	for _, tc := range []struct {
		name, text, span, typ string
		wantType, wantID      string
	}{
		{"surname that is a village", "التقى الرئيس ميشال عون في بعبدا", "ميشال عون", marsad.PER, marsad.PER, ""},
		{"whole name that is a village", "وقال عون إن الحكومة ستتشكل", "عون", marsad.PER, marsad.PER, ""},
		{"a city the tagger took for a person", "وصلت التعزيزات إلى حلب أمس", "حلب", marsad.PER, marsad.LOC, "wof:421202163"},
		{"a town the tagger took for a name", "ذكرى تحرير بلدة الباغوز", "الباغوز", marsad.MISC, marsad.LOC, "wof:1343849925"},
		{"a common word that is also a village", "وقال الملك في كلمته إن", "الملك", marsad.LOC, marsad.LOC, ""},
		{"a group the tagger took for a person", "وأكدت قسد أن التنظيم خطر", "قسد", marsad.PER, marsad.ORG, "sdf"},
		{"a word whose bare form is a hamlet", "وقال إن الإسلام دين السلام", "الإسلام", marsad.LOC, marsad.LOC, ""},
		{"a newspaper named after a city", "وقالت صحيفة نيويورك تايمز إن", "نيويورك تايمز", marsad.ORG, marsad.ORG, ""},
		{"a nisba the tagger took for a place", "وقالت الحكومة الهندية إن", "الهندية", marsad.LOC, marsad.LOC, ""},
		{"a club named after a province", "وفاز القادسية على الهلال", "القادسية", marsad.ORG, marsad.ORG, ""},
		{"a word with the pronoun ه", "وقال في حديثه للصحيفة إن", "حديثه", marsad.LOC, marsad.LOC, ""},
		{"a province abroad named like a village", "وتقدمت القوات في محافظة عمران", "عمران", marsad.LOC, marsad.LOC, ""},
		{"a city abroad in the actor table", "وسقطت قذيفة على نجران", "نجران", marsad.LOC, marsad.LOC, "najran"},
		{"a province of these states", "وتقدمت القوات في محافظة الأنبار", "الأنبار", marsad.LOC, marsad.LOC, "wof:85672483"},
	} {
		start := strings.Index(tc.text, tc.span)
		doc := &marsad.Document{Text: tc.text, Entities: []marsad.Entity{{Span: marsad.SpanOf(tc.text, start, start+len(tc.span)), Type: tc.typ}}}
		if err := r.Annotate(doc); err != nil {
			t.Fatal(err)
		}
		var got *marsad.Entity
		for i, e := range doc.Entities {
			if e.Start == start {
				got = &doc.Entities[i]
			}
		}
		if got == nil || got.Type != tc.wantType || got.ID != tc.wantID {
			t.Errorf("%s: got %+v; want type %s, id %q", tc.name, got, tc.wantType, tc.wantID)
		}
	}
}

// TestResolverTrimsTaggedClitics checks that a tagger's span, which keeps the clitics of its ANERcorp token,
// is narrowed to the name the tables know, and that a name starting with such a letter is left whole.
func TestResolverTrimsTaggedClitics(t *testing.T) {
	r := NewResolver(Default())
	for _, tc := range []struct {
		text, span, typ, want, wantID string
	}{
		{"بين سوريا والعراق", "والعراق", marsad.LOC, "العراق", "iraq"},
		{"قدمت الدعم لقسد في المعارك", "لقسد", marsad.ORG, "قسد", "sdf"},
		{"وصلت التعزيزات إلى بغداد", "بغداد", marsad.LOC, "بغداد", ""},
		{"قدمت الدعم لوكري سبي", "لوكري سبي", marsad.LOC, "لوكري سبي", ""},
	} {
		start := strings.Index(tc.text, tc.span)
		doc := &marsad.Document{Text: tc.text, Entities: []marsad.Entity{{Span: marsad.SpanOf(tc.text, start, start+len(tc.span)), Type: tc.typ}}}
		if err := r.Annotate(doc); err != nil {
			t.Fatal(err)
		}
		var e marsad.Entity
		for _, x := range doc.Entities {
			if x.End == start+len(tc.span) {
				e = x
			}
		}
		if e.Text != tc.want || e.Text != doc.Text[e.Start:e.End] || tc.wantID != "" && e.ID != tc.wantID {
			t.Errorf("%s: got %q (%d:%d) id %q; want %q id %q", tc.text, e.Text, e.Start, e.End, e.ID, tc.want, tc.wantID)
		}
	}
}

// TestResolverIdempotent runs the resolver twice: the second run must change nothing.
func TestResolverIdempotent(t *testing.T) {
	r := NewResolver(Default())
	doc := &marsad.Document{Text: "قال مظلوم عبدي إن قسد ستلاحق داعش في ريف دير الزور، وإن التنظيم ما زال خطراً، وأكد عبدي ذلك."}
	if err := r.Annotate(doc); err != nil {
		t.Fatal(err)
	}
	first := fmt.Sprint(doc.Entities)
	if err := r.Annotate(doc); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(doc.Entities); got != first {
		t.Errorf("second run changed the entities:\ngot  %s\nwant %s", got, first)
	}
}

func TestParseGold(t *testing.T) {
	docs, err := ParseGold(strings.NewReader("# c\nأعلنت [قسد|ORG|sdf] في [الرقة|LOC||35.95,39.01]\nسطر\n\nثان [داعش|ORG|isis]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].Text != "أعلنت قسد في الرقة\n\nسطر" || len(docs[0].Mentions) != 2 {
		t.Fatalf("got %+v", docs)
	}
	for _, m := range docs[0].Mentions {
		if docs[0].Text[m.Start:m.End] != m.Text {
			t.Errorf("mention %q: bad span", m.Text)
		}
	}
	for _, bad := range []string{"[قسد|ORG]", "[قسد|XXX|sdf]", "[قسد|ORG|sdf", "قسد]", "[قسد|LOC||a,b]", "[قسد|LOC|]"} {
		if _, err := ParseGold(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func FuzzParseGold(f *testing.F) {
	f.Add("أعلنت [قسد|ORG|sdf] في [الرقة|LOC||35.95,39.01]")
	f.Add("[[|]]")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ParseGold(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, m := range d.Mentions {
				if d.Text[m.Start:m.End] != m.Text {
					t.Fatalf("mention %q: bad span", m.Text)
				}
			}
		}
	})
}

func FuzzResolver(f *testing.F) {
	f.Add("وأكدت لقسد وبالرقة ولداعش في ريف دير الزور", 3, 9)
	f.Add("ـ\u064bو", 0, 1)
	r := NewResolver(Default())
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		doc := &marsad.Document{Text: s}
		if 0 <= a && a < b && b <= len(s) {
			doc.Entities = append(doc.Entities, marsad.Entity{Span: marsad.SpanOf(s, a, b), Type: marsad.LOC})
		}
		if err := r.Annotate(doc); err != nil {
			t.Fatal(err)
		}
		for _, e := range doc.Entities {
			if e.Start < 0 || e.End > len(s) || s[e.Start:e.End] != e.Text {
				t.Fatalf("bad span %+v", e)
			}
		}
	})
}

func BenchmarkResolver(b *testing.B) {
	data, err := os.ReadFile("testdata/tune.txt")
	if err != nil {
		b.Fatal(err)
	}
	docs, err := ParseGold(strings.NewReader(string(data)))
	if err != nil {
		b.Fatal(err)
	}
	r := NewResolver(Default())
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			doc := &marsad.Document{Text: d.Text}
			if err := r.Annotate(doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestResolverAfterTagger checks that, behind a tagger, a place the name alone does not vouch for (a word the
// tagger left unmarked, or a small place it marked) needs a place word or the article's backing.
func TestResolverAfterTagger(t *testing.T) {
	r := NewResolver(Default())
	r.AfterTagger = true
	for _, tc := range []struct {
		name, text string
		tagged     []string // LOC spans the tagger marked
		span       string
		want       bool // geocoded
	}{
		{"an ordinary word the tagger left", "وارتفعت أسهم بورصة الرياض أمس", []string{"الرياض"}, "بورصة", false},
		{"after a place word", "وزار الوفد مدينة بورصة ثم الرياض", []string{"الرياض"}, "بورصة", true},
		{"a word the tagger left, backed by a place of its country", "وقصفت الطائرات الشحيل بريف دير الزور", []string{"دير الزور"}, "الشحيل", true},
		{"the same word alone", "وقصفت الطائرات الشحيل وسط الرياض", []string{"الرياض"}, "الشحيل", false},
		{"a small place abroad the tagger marked", "وسقطت قذيفة على عمران والرياض", []string{"عمران", "الرياض"}, "عمران", false},
		{"a small place with a place of its country", "وسقطت قذيفة على فيروزة قرب حمص", []string{"فيروزة", "حمص"}, "فيروزة", true},
		{"a small place after a place word, alone", "واحتفل أهالي قرية الخزنة بالعيد في الرياض", []string{"الخزنة", "الرياض"}, "الخزنة", false},
		{"a small place after a place word, with its country", "وقصفت الطائرات قرية تل حميس بريف الحسكة", []string{"تل حميس", "الحسكة"}, "تل حميس", true},
	} {
		doc := &marsad.Document{Text: tc.text}
		for _, s := range tc.tagged {
			start := strings.Index(tc.text, s)
			doc.Entities = append(doc.Entities, marsad.Entity{Span: marsad.SpanOf(tc.text, start, start+len(s)), Type: marsad.LOC})
		}
		if err := r.Annotate(doc); err != nil {
			t.Fatal(err)
		}
		start, got := strings.Index(tc.text, tc.span), false
		for _, e := range doc.Entities {
			if e.Start == start && e.Lat != nil {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("%s: geocoded %v, want %v (%+v)", tc.name, got, tc.want, doc.Entities)
		}
	}
}
