// Package storetest is the test suite every marsad.Store must pass, run by each store's own tests.
package storetest

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/marsad/marsad"
)

// Run runs the suite; open returns a new, empty store, closed by the suite. A store that also implements
// marsad.Analytics or marsad.Relayering is tested on it too.
func Run(t *testing.T, open func(t *testing.T) marsad.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s marsad.Store)
	}{
		{"PutGet", testPutGet},
		{"Search", testSearch},
		{"ConcurrentPut", testConcurrentPut},
		{"Analytics", testAnalytics},
		{"Relayering", testRelayering},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s)
		})
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// Doc builds a document as the cleaner would: Text is the title, a blank line and the body.
func Doc(id, title, body, published, source string) *marsad.Document {
	d := &marsad.Document{ID: id, Title: title, Source: source, Text: title + "\n\n" + body, TitleEnd: len(title)}
	if published != "" {
		d.Published = day(published)
	}
	d.Paragraphs = []marsad.Range{{Start: 0, End: len(title)}, {Start: len(title) + 2, End: len(d.Text)}}
	d.Sentences = d.Paragraphs
	d.Origins = []string{"in/" + id + ".txt"}
	return d
}

// span returns the span of the n-th occurrence (from 0) of w in d.Text.
func span(d *marsad.Document, w string, n int) marsad.Span {
	off := 0
	for ; n > 0; n-- {
		off += strings.Index(d.Text[off:], w) + len(w)
	}
	i := off + strings.Index(d.Text[off:], w)
	return marsad.SpanOf(d.Text, i, i+len(w))
}

func corpus() []*marsad.Document {
	lat, lon := 34.45, 40.92
	a := Doc("a", "هجوم لقسد على الباغوز", "شنت قوات سوريا الديمقراطية (قسد) هجوما على بلدة الباغوز في ريف دير الزور، وقتل ثلاثة مسلحين.", "2019-03-23", "sana")
	a.Entities = []marsad.Entity{
		{Span: span(a, "قسد", 0), Type: marsad.ORG, ID: "sdf", Name: "SDF", Confidence: 0.9},
		{Span: span(a, "الباغوز", 0), Type: marsad.LOC, ID: "baghouz", Name: "الباغوز", Lat: &lat, Lon: &lon, Confidence: 0.8},
		{Span: span(a, "قسد", 1), Type: marsad.ORG, ID: "sdf", Name: "SDF", Confidence: 0.9},
		{Span: span(a, "الباغوز", 1), Type: marsad.LOC, ID: "baghouz", Name: "الباغوز", Lat: &lat, Lon: &lon, Confidence: 0.8},
		{Span: span(a, "دير الزور", 0), Type: marsad.LOC, Confidence: 0.5},
	}
	a.Quantities = []marsad.Quantity{{Span: span(a, "ثلاثة", 0), Value: 3}}
	a.Dates = []marsad.Date{{Span: span(a, "ريف", 0), Value: "2019-03-23", Relative: true}}
	a.Events = []marsad.Event{{Type: marsad.ASSAULT, Trigger: span(a, "هجوما", 0), Actor1: &marsad.Ref{Span: span(a, "قسد", 1), ID: "sdf", Name: "SDF"},
		Place: &marsad.Ref{Span: span(a, "الباغوز", 1), ID: "baghouz", Name: "الباغوز"}, Quantities: []marsad.EventQuantity{{Role: "killed", Value: 3}}, Confidence: 0.7}}
	a.Quotes = []marsad.Quote{{Span: span(a, "هجوما على بلدة الباغوز", 0), Speaker: &marsad.Ref{Span: span(a, "قسد", 1), ID: "sdf"}}}
	a.Conflicts = []marsad.Conflict{{Kind: "headline_body", Message: "عدد القتلى", Spans: a.Quantities}}

	b := Doc("b", "اجتماع في بغداد لبحث الإعمار", "عقد وزراء من العراق وسوريا اجتماعا في بغداد، وقالوا إن الإعمار أولوية. الباغوز لم تذكر في البيان.", "2019-04-02", "ina")
	b.Events = []marsad.Event{{Type: marsad.CONSULT, Trigger: span(b, "اجتماعا", 0), Date: "2019-04-01", Confidence: 0.6}}
	b.Entities = []marsad.Entity{{Span: span(b, "بغداد", 0), Type: marsad.LOC, ID: "baghdad", Name: "بغداد", Confidence: 1}}

	c := Doc("c", "أسعار النفط", "ارتفعت أسعار النفط في الأسواق العالمية اليوم.", "", "reuters")
	return []*marsad.Document{a, b, c}
}

func testPutGet(t *testing.T, s marsad.Store) {
	ctx := t.Context()
	docs := corpus()
	added, err := s.Put(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{true, true, true}; !slices.Equal(added, want) {
		t.Errorf("first put: got added %v; want %v", added, want)
	}
	again := corpus()
	again[0].Origins = []string{"elsewhere/a.json:7"}
	dup := corpus()[1]
	added, err = s.Put(ctx, []*marsad.Document{again[0], Doc("d", "خبر جديد", "نص جديد.", "", ""), dup, dup})
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{false, true, false, false}; !slices.Equal(added, want) {
		t.Errorf("second put: got added %v; want %v", added, want)
	}
	if n, err := s.Count(ctx); err != nil || n != 4 {
		t.Errorf("count: got %d, %v; want 4", n, err)
	}
	got, err := s.Get(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	want := corpus()[0]
	want.Origins = []string{"elsewhere/a.json:7", "in/a.txt"}
	if !reflect.DeepEqual(normalize(got), normalize(want)) {
		t.Errorf("get a: got\n%+v\nwant\n%+v", got, want)
	}
	for _, id := range []string{"in/a.txt", "elsewhere/a.json:7"} {
		if got, err := s.Get(ctx, id); err != nil || got.ID != "a" {
			t.Errorf("get by origin %q: got %v, %v; want article a", id, got, err)
		}
	}
	if _, err := s.Get(ctx, "nope"); !errors.Is(err, marsad.ErrNotFound) {
		t.Errorf("get nope: got %v; want ErrNotFound", err)
	}
}

// normalize makes stored and built documents comparable: times in UTC.
func normalize(d *marsad.Document) *marsad.Document {
	c := *d
	c.Published = c.Published.UTC()
	return &c
}

func testSearch(t *testing.T, s marsad.Store) {
	ctx := t.Context()
	if _, err := s.Put(ctx, corpus()); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		q    marsad.Query
		want []string
	}{
		{"word, title before body", marsad.Query{Text: "الباغوز"}, []string{"a", "b"}},
		{"clitic in the query", marsad.Query{Text: "والباغوز"}, []string{"a", "b"}},
		{"clitic in the text", marsad.Query{Text: "قسد"}, []string{"a"}},
		{"hamza and ta marbuta folded", marsad.Query{Text: "الاعمار"}, []string{"b"}},
		{"all words must match", marsad.Query{Text: "الباغوز بغداد"}, []string{"b"}},
		{"phrase", marsad.Query{Text: `"قوات سوريا الديمقراطية"`}, []string{"a"}},
		{"phrase out of order", marsad.Query{Text: `"الديمقراطية سوريا"`}, nil},
		{"prefix", marsad.Query{Text: "الديمقر*"}, []string{"a"}},
		{"source", marsad.Query{Text: "الباغوز", Source: "ina"}, []string{"b"}},
		{"from", marsad.Query{Text: "الباغوز", From: day("2019-04-01")}, []string{"b"}},
		{"to", marsad.Query{Text: "الباغوز", To: day("2019-03-31")}, []string{"a"}},
		{"to leaves out undated", marsad.Query{Text: "في", To: day("2030-01-01"), Limit: 1, Offset: 0, Source: "sana"}, []string{"a"}},
		{"undated found without dates", marsad.Query{Text: "في", Source: "reuters"}, []string{"c"}},
		{"to leaves out undated, other source", marsad.Query{Text: "في", To: day("2030-01-01"), Source: "reuters"}, nil},
		{"limit", marsad.Query{Text: "الباغوز", Limit: 1}, []string{"a"}},
		{"offset", marsad.Query{Text: "الباغوز", Offset: 1}, []string{"b"}},
		{"operator characters are not operators", marsad.Query{Text: `النفط & | ' ( ) :* ! <-> "`}, []string{"c"}},
		{"no match", marsad.Query{Text: "الموصل"}, nil},
	}
	for _, tc := range tests {
		hits, err := s.Search(ctx, tc.q)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.ID)
			if !strings.Contains(h.Snippet, "[") || h.Title == "" {
				t.Errorf("%s: got hit %+v; want a title and a marked snippet", tc.name, h)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q; want %q", tc.name, got, tc.want)
		}
	}
	if _, err := s.Search(ctx, marsad.Query{Text: " ؟ "}); err == nil {
		t.Errorf("empty query: got no error")
	}

	// A hit carries its article's fields, times in UTC, and a better match scores higher.
	stored := map[string]*marsad.Document{}
	for _, d := range corpus() {
		stored[d.ID] = d
	}
	hits, err := s.Search(ctx, marsad.Query{Text: "في"})
	if err != nil || len(hits) != 3 {
		t.Fatalf("hit fields: got %+v, %v; want 3 hits", hits, err)
	}
	for i, h := range hits {
		d := stored[h.ID]
		if h.Title != d.Title || h.Source != d.Source || !h.Published.Equal(d.Published) || h.Published.Location() != time.UTC {
			t.Errorf("hit fields: got %s %q %q %v; want %q %q %v", h.ID, h.Title, h.Source, h.Published, d.Title, d.Source, d.Published)
		}
		if h.Score <= 0 || i > 0 && h.Score > hits[i-1].Score {
			t.Errorf("hit fields: got scores %v; want positive, best first", hits)
		}
	}
}

// testConcurrentPut has writers store overlapping batches at once, as several ingest workers do: each
// article must be stored once and reported new exactly once.
func testConcurrentPut(t *testing.T, s marsad.Store) {
	ctx := t.Context()
	const writers, n = 4, 60
	var docs []*marsad.Document
	for i := range n {
		docs = append(docs, Doc(fmt.Sprintf("w%03d", i), fmt.Sprintf("خبر رقم %d", i), fmt.Sprintf("نص الخبر %d عن حلب.", i), "2020-01-02", "src"))
	}
	var mu sync.Mutex
	newCount := map[string]int{}
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each writer stores every article, in its own order and batches.
			mine := slices.Clone(docs)
			for i := range mine {
				j := (i*7 + w*13) % len(mine)
				mine[i], mine[j] = mine[j], mine[i]
			}
			for len(mine) > 0 {
				k := min(len(mine), 5+w)
				added, err := s.Put(ctx, mine[:k])
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				for i, a := range added {
					if a {
						newCount[mine[i].ID]++
					}
				}
				mu.Unlock()
				mine = mine[k:]
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if got, err := s.Count(ctx); err != nil || got != n {
		t.Errorf("count: got %d, %v; want %d", got, err, n)
	}
	for _, d := range docs {
		if newCount[d.ID] != 1 {
			t.Errorf("%s: reported new %d times; want once", d.ID, newCount[d.ID])
		}
	}
}

func testAnalytics(t *testing.T, s marsad.Store) {
	a, ok := s.(marsad.Analytics)
	if !ok {
		t.Skip("store does not implement marsad.Analytics")
	}
	ctx := t.Context()
	if _, err := s.Put(ctx, corpus()); err != nil {
		t.Fatal(err)
	}
	events := []struct {
		name string
		f    marsad.EventFilter
		want []string // days and types
	}{
		{"all, latest first", marsad.EventFilter{}, []string{"2019-04-01 CONSULT", "2019-03-23 ASSAULT"}},
		{"type", marsad.EventFilter{Type: marsad.ASSAULT}, []string{"2019-03-23 ASSAULT"}},
		{"actor by id", marsad.EventFilter{Actor: "SDF"}, []string{"2019-03-23 ASSAULT"}},
		{"actor by mention", marsad.EventFilter{Actor: "قسد"}, []string{"2019-03-23 ASSAULT"}},
		{"actor is whole", marsad.EventFilter{Actor: "قس"}, nil},
		{"place", marsad.EventFilter{Place: "الباغوز"}, []string{"2019-03-23 ASSAULT"}},
		{"from", marsad.EventFilter{From: day("2019-03-24")}, []string{"2019-04-01 CONSULT"}},
		{"to", marsad.EventFilter{To: day("2019-03-23")}, []string{"2019-03-23 ASSAULT"}},
		{"limit", marsad.EventFilter{Limit: 1}, []string{"2019-04-01 CONSULT"}},
		{"reported as happening", marsad.EventFilter{MinConfidence: 0.65}, []string{"2019-03-23 ASSAULT"}},
		{"confidence is inclusive", marsad.EventFilter{MinConfidence: 0.6}, []string{"2019-04-01 CONSULT", "2019-03-23 ASSAULT"}},
	}
	for _, tc := range events {
		evs, err := a.Events(ctx, tc.f)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var got []string
		for _, e := range evs {
			got = append(got, e.Day+" "+e.Type)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("events %s: got %q; want %q", tc.name, got, tc.want)
		}
	}
	evs, _ := a.Events(ctx, marsad.EventFilter{Type: marsad.ASSAULT})
	if len(evs) != 1 || evs[0].Lat == nil || *evs[0].Lat != 34.45 || evs[0].Article != "a" || evs[0].Title == "" ||
		evs[0].Actor1 == nil || evs[0].Actor1.ID != "sdf" || len(evs[0].Quantities) != 1 {
		t.Errorf("assault: got %+v; want it located, with its article, actor and quantities", evs)
	} else if want := day("2019-03-23"); !evs[0].Published.Equal(want) || evs[0].Published.Location() != time.UTC {
		t.Errorf("assault: got published %v; want %v", evs[0].Published, want)
	}

	ents, err := a.Entities(ctx, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, fmt.Sprintf("%s %s %d/%d", e.Key, e.Type, e.Mentions, e.Articles))
	}
	if want := []string{"baghouz LOC 2/1", "sdf ORG 2/1", "baghdad LOC 1/1", "~دير الزور LOC 1/1"}; !slices.Equal(got, want) {
		t.Errorf("entities: got %q; want %q", got, want)
	}
	if len(ents) == 4 && (ents[0].Lat == nil || *ents[0].Lat != 34.45 || ents[0].Lon == nil || *ents[0].Lon != 40.92 || ents[3].Lat != nil || ents[3].Lon != nil) {
		t.Errorf("entities: got %+v; want baghouz located and دير الزور not", ents)
	}
	for q, want := range map[string]string{"قسد": "sdf", "الباغوز": "baghouz", "دير": "~دير الزور"} {
		ents, err := a.Entities(ctx, q, 10)
		if err != nil || len(ents) != 1 || ents[0].Key != want {
			t.Errorf("entities %q: got %+v, %v; want %s", q, ents, err, want)
		}
	}

	cs, err := a.Conflicts(ctx, 10, 0)
	if err != nil || len(cs) != 1 || cs[0].Article != "a" || cs[0].Kind != "headline_body" || len(cs[0].Spans) != 1 {
		t.Errorf("conflicts: got %+v, %v", cs, err)
	} else if want := day("2019-03-23"); !cs[0].Published.Equal(want) || cs[0].Published.Location() != time.UTC {
		t.Errorf("conflicts: got published %v; want %v", cs[0].Published, want)
	}

	f, err := a.Facets(ctx, marsad.Query{Text: "في", Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := marsad.Facets{Total: 3,
		Sources: []marsad.Count{{Value: "ina", N: 1}, {Value: "reuters", N: 1}, {Value: "sana", N: 1}},
		Months:  []marsad.Count{{Value: "2019-03", N: 1}, {Value: "2019-04", N: 1}}}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("facets: got %+v; want %+v", f, want)
	}
}

func testRelayering(t *testing.T, s marsad.Store) {
	r, ok := s.(marsad.Relayering)
	if !ok {
		t.Skip("store does not implement marsad.Relayering")
	}
	ctx := t.Context()
	docs := corpus()
	if _, err := s.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	// Page through in id order, two at a time.
	var ids []string
	after := ""
	for {
		page, err := r.Documents(ctx, after, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, d := range page {
			if d.Text == "" || d.Title == "" {
				t.Errorf("document %s: got no text or title", d.ID)
			}
			ids = append(ids, d.ID)
		}
		after = page[len(page)-1].ID
	}
	if want := []string{"a", "b", "c"}; !slices.Equal(ids, want) {
		t.Fatalf("documents: got %q; want %q", ids, want)
	}

	// Replace a's layers: its old event, mentions and conflict go; the new ones are indexed; b is untouched.
	a, err := s.Get(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	a.Origins = nil
	a.Conflicts = nil
	a.Events = []marsad.Event{{Type: marsad.PROTEST, Trigger: span(a, "هجوما", 0), Date: "2019-03-22", Confidence: 0.9}}
	a.Entities = a.Entities[:1]
	if err := r.ReplaceLayers(ctx, []*marsad.Document{a}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Events) != 1 || got.Events[0].Type != marsad.PROTEST || len(got.Entities) != 1 || len(got.Origins) != 1 {
		t.Errorf("get after replace: got %d events, %d entities, %d origins; want the new layers and the old origin",
			len(got.Events), len(got.Entities), len(got.Origins))
	}
	if hits, err := s.Search(ctx, marsad.Query{Text: "الباغوز"}); err != nil || len(hits) == 0 || hits[0].ID != "a" {
		t.Errorf("search after replace: got %+v, %v; want a still found", hits, err)
	}
	an, ok := s.(marsad.Analytics)
	if !ok {
		return
	}
	evs, err := an.Events(ctx, marsad.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var days []string
	for _, e := range evs {
		days = append(days, e.Day+" "+e.Type)
	}
	if want := []string{"2019-04-01 CONSULT", "2019-03-22 PROTEST"}; !slices.Equal(days, want) {
		t.Errorf("events after replace: got %q; want %q", days, want)
	}
	if cs, err := an.Conflicts(ctx, 10, 0); err != nil || len(cs) != 0 {
		t.Errorf("conflicts after replace: got %+v, %v; want none", cs, err)
	}
	ents, err := an.Entities(ctx, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, e := range ents {
		keys = append(keys, fmt.Sprintf("%s %d", e.Key, e.Mentions))
	}
	if want := []string{"baghdad 1", "sdf 1"}; !slices.Equal(keys, want) {
		t.Errorf("entities after replace: got %q; want %q", keys, want)
	}

	// A document that is not stored fails the whole call and changes nothing.
	b, err := s.Get(ctx, "b")
	if err != nil {
		t.Fatal(err)
	}
	b.Events = nil
	ghost := Doc("ghost", "عنوان", "نص", "", "")
	if err := r.ReplaceLayers(ctx, []*marsad.Document{b, ghost}); !errors.Is(err, marsad.ErrNotFound) {
		t.Errorf("replace with an unknown document: got %v; want ErrNotFound", err)
	}
	if got, err := s.Get(ctx, "b"); err != nil || len(got.Events) != 1 {
		t.Errorf("b after a failed replace: got %+v, %v; want its event kept", got, err)
	}
}
