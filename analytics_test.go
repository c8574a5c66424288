package marsad

import (
	"testing"
	"time"
)

func TestEventDay(t *testing.T) {
	pub := time.Date(2019, 3, 23, 22, 30, 0, 0, time.FixedZone("AST", 3*3600))
	tests := []struct {
		name, date string
		published  time.Time
		want       string
	}{
		{"full date", "2019-03-20", pub, "2019-03-20"},
		{"month only falls back", "2019-03", pub, "2019-03-23"},
		{"no date, publication day in UTC", "", pub, "2019-03-23"},
		{"nothing known", "", time.Time{}, ""},
	}
	for _, tc := range tests {
		if got := EventDay(&Event{Date: tc.date}, tc.published); got != tc.want {
			t.Errorf("%s: got %q; want %q", tc.name, got, tc.want)
		}
	}
}

func TestIndex(t *testing.T) {
	text := "هاجمت قسد مواقع في الرَّقّة"
	lat, lon := 35.95, 39.01
	doc := &Document{Text: text, Entities: []Entity{
		{Span: SpanOf(text, 11, 17), Type: ORG, ID: "sdf", Name: "SDF"},
		{Span: SpanOf(text, 34, len(text)), Type: LOC, Lat: &lat, Lon: &lon},
	}}
	e := &Event{Type: ASSAULT, Actor1: &Ref{Span: doc.Entities[0].Span, ID: "sdf", Name: "SDF"}, Place: &Ref{Span: doc.Entities[1].Span}}
	row := IndexEvent(doc, e)
	if want := "|sdf|قسد|"; row.Actors != want {
		t.Errorf("actors: got %q; want %q", row.Actors, want)
	}
	if want := "|الرقه|"; row.Place != want {
		t.Errorf("place: got %q; want %q (folded)", row.Place, want)
	}
	if row.Lat == nil || *row.Lat != lat {
		t.Errorf("place coordinates: got %v; want %v from the entity with the same span", row.Lat, lat)
	}
	ms := IndexMentions(doc)
	if len(ms) != 2 || ms[0].Key != "sdf" || ms[1].Key != "~الرقه" || ms[1].Name != "الرَّقّة" {
		t.Errorf("mentions: got %+v", ms)
	}
}
