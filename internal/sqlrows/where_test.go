package sqlrows

import (
	"fmt"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/marsad/marsad"
)

func dollar(n int) string { return "$" + strconv.Itoa(n) }

func question(int) string { return "?" }

var testEventSQL = EventSQL{
	Type: "type = %s", Actor: "actors ~ %s", Place: "place ~ %s", MinConfidence: "confidence >= %s",
	From: "day >= %s", To: "day <= %s",
}

func TestEventSQLWhere(t *testing.T) {
	tests := []struct {
		name     string
		param    func(int) string
		f        marsad.EventFilter
		want     string
		wantArgs []any
	}{
		{"no filter", dollar, marsad.EventFilter{}, "", nil},
		{"numbered in order", dollar, marsad.EventFilter{Type: "ASSAULT", Actor: " قسد ", MinConfidence: 0.5},
			"WHERE type = $1 AND actors ~ $2 AND confidence >= $3", []any{"ASSAULT", "|قسد|", 0.5}},
		{"folded place", question, marsad.EventFilter{Place: "الرقة"}, "WHERE place ~ ?", []any{"|الرقه|"}},
		{"days in UTC", question, marsad.EventFilter{From: time.Date(2019, 3, 23, 1, 0, 0, 0, time.FixedZone("AST", 3*3600)),
			To: time.Date(2019, 4, 1, 0, 0, 0, 0, time.UTC)}, "WHERE day >= ? AND day <= ?", []any{"2019-03-22", "2019-04-01"}},
	}
	for _, tc := range tests {
		w := NewWhere(tc.param)
		testEventSQL.Where(w, tc.f)
		if got := w.String(); got != tc.want || !reflect.DeepEqual(w.Args, tc.wantArgs) {
			t.Errorf("%s: got %q %v; want %q %v", tc.name, got, w.Args, tc.want, tc.wantArgs)
		}
	}
}

func TestQuerySQLWhere(t *testing.T) {
	c := QuerySQL{Source: "source = %s", From: "published >= %s", To: "published <= %s",
		Time: func(t time.Time) any { return t.Format(time.RFC3339) }}
	from := time.Date(2019, 3, 23, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		q        marsad.Query
		want     string
		wantArgs []any
	}{
		{"text only", marsad.Query{Text: "قسد"}, "WHERE fts MATCH $1", []any{"قسد"}},
		{"source and from", marsad.Query{Text: "قسد", Source: "sana", From: from},
			"WHERE fts MATCH $1 AND source = $2 AND published >= $3", []any{"قسد", "sana", "2019-03-23T00:00:00Z"}},
		{"to", marsad.Query{Text: "قسد", To: from}, "WHERE fts MATCH $1 AND published <= $2", []any{"قسد", "2019-03-23T00:00:00Z"}},
	}
	for _, tc := range tests {
		w := NewWhere(dollar)
		w.Add("fts MATCH %s", tc.q.Text)
		c.Where(w, tc.q)
		if got := w.String(); got != tc.want || !reflect.DeepEqual(w.Args, tc.wantArgs) {
			t.Errorf("%s: got %q %v; want %q %v", tc.name, got, w.Args, tc.want, tc.wantArgs)
		}
	}
}

// A placeholder outside the conditions (LIMIT) takes the next number; a condition without a value takes none.
func TestWhereParam(t *testing.T) {
	w := NewWhere(dollar)
	w.Args = append(w.Args, "tsquery")
	w.Add("tsv @@ query")
	w.Add("source = %s", "sana")
	got := w.String() + " LIMIT " + w.Param(10)
	if want := "WHERE tsv @@ query AND source = $2 LIMIT $3"; got != want || w.Len() != 2 || len(w.Args) != 3 {
		t.Errorf("got %q, %d conditions, args %v; want %q, 2, 3 args", got, w.Len(), w.Args, want)
	}
}

func TestLimit(t *testing.T) {
	for _, tc := range []struct{ n, want int }{{-1, 10}, {0, 10}, {3, 3}} {
		if got := Limit(tc.n, 10); got != tc.want {
			t.Errorf("Limit(%d, 10): got %d; want %d", tc.n, got, tc.want)
		}
	}
}

func ExampleEventSQL_Where() {
	w := NewWhere(dollar)
	EventSQL{Actor: "strpos(e.actors, %s) > 0"}.Where(w, marsad.EventFilter{Actor: "قسد"})
	fmt.Println(w.String(), w.Args)
	// Output: WHERE strpos(e.actors, $1) > 0 [|قسد|]
}
