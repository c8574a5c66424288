package sqlrows

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/marsad/marsad"
)

// fakeRows returns its rows of values, as a driver would, assigning them to the scan destinations.
type fakeRows struct {
	rows [][]any
	i    int
	err  error
}

func (r *fakeRows) Next() bool { r.i++; return r.i <= len(r.rows) }
func (r *fakeRows) Err() error { return r.err }

func (r *fakeRows) Scan(dest ...any) error {
	for i, v := range r.rows[r.i-1] {
		if s, ok := dest[i].(interface{ Scan(any) error }); ok {
			if err := s.Scan(v); err != nil {
				return err
			}
			continue
		}
		reflect.ValueOf(dest[i]).Elem().Set(reflect.ValueOf(v))
	}
	return nil
}

func TestPublishedScan(t *testing.T) {
	day := time.Date(2019, 3, 23, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		src  any
		want time.Time
	}{
		{"NULL", nil, time.Time{}},
		{"timestamp in UTC", day.In(time.FixedZone("AST", 3*3600)), day},
		{"RFC 3339 text", "2019-03-23T00:00:00Z", day},
		{"empty text", "", time.Time{}},
	}
	for _, tc := range tests {
		var got published
		if err := got.Scan(tc.src); err != nil || !got.Equal(tc.want) || got.Location() != time.UTC {
			t.Errorf("%s: got %v, %v; want %v", tc.name, got.Time, err, tc.want)
		}
	}
	var got published
	if err := got.Scan(42); err == nil {
		t.Errorf("int: got %v; want an error", got.Time)
	}
}

func TestAppend(t *testing.T) {
	rows := &fakeRows{rows: [][]any{{"sana", 2}, {"ina", 1}}}
	got, err := Append([]marsad.Count{}, rows, Count)
	if want := []marsad.Count{{Value: "sana", N: 2}, {Value: "ina", N: 1}}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, %v; want %v", got, err, want)
	}
	broken := errors.New("connection lost")
	if _, err := Append(nil, &fakeRows{err: broken}, Count); !errors.Is(err, broken) {
		t.Errorf("rows error: got %v; want %v", err, broken)
	}
}

func TestEvent(t *testing.T) {
	lat := 34.45
	rows := &fakeRows{rows: [][]any{{"a", "هجوم على الباغوز", "2019-03-23T00:00:00Z", "sana", "2019-03-23", &lat, (*float64)(nil),
		[]byte(`{"type":"ASSAULT","confidence":0.7}`)}}}
	got, err := Append(nil, rows, Event)
	if err != nil || len(got) != 1 || got[0].Type != "ASSAULT" || got[0].Confidence != 0.7 || got[0].Lat != &lat ||
		got[0].Lon != nil || got[0].Published.Day() != 23 || got[0].Title != "هجوم على الباغوز" {
		t.Errorf("got %+v, %v", got, err)
	}
	rows = &fakeRows{rows: [][]any{{"a", "", "", "", "", (*float64)(nil), (*float64)(nil), []byte("{")}}}
	if _, err := Append(nil, rows, Event); err == nil {
		t.Errorf("broken JSON: got no error")
	}
}

func TestLayers(t *testing.T) {
	text := "هجوم لقسد"
	d := &marsad.Document{ID: "a", Text: text,
		Events:    []marsad.Event{{Type: marsad.ASSAULT, Trigger: marsad.SpanOf(text, 0, 8)}},
		Entities:  []marsad.Entity{{Span: marsad.SpanOf(text, 11, 17), Type: marsad.ORG, ID: "sdf"}},
		Conflicts: []marsad.Conflict{{Kind: "headline_body"}},
	}
	var tables []string
	err := Layers(int64(7), d, func(table string, values ...any) error {
		tables = append(tables, table)
		if want := map[string]int{"events": 9, "mentions": 9, "conflicts": 3}[table]; len(values) != want {
			t.Errorf("%s: got %d values; want %d", table, len(values), want)
		}
		return nil
	})
	if want := []string{"events", "mentions", "conflicts"}; err != nil || !reflect.DeepEqual(tables, want) {
		t.Errorf("got %v, %v; want %v", tables, err, want)
	}
}
