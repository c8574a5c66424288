// Package sqlrows is what the sqlite and postgres stores do alike around their SQL.
package sqlrows

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/search"
)

// Rows is the part of a query result that both *sql.Rows and pgx.Rows offer. Closing it stays with the
// caller, as the two close differently.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// Append appends the value scan makes of each row to dst, as pgx.AppendRows does for pgx alone.
func Append[T any](dst []T, rows Rows, scan func(Rows) (T, error)) ([]T, error) {
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		dst = append(dst, v)
	}
	return dst, rows.Err()
}

// published scans an article's publication time from either store's column: a timestamp or NULL in
// PostgreSQL, RFC 3339 text or "" in SQLite. The zero time means the date is not known.
type published struct{ time.Time }

// Scan implements sql.Scanner, which pgx uses as well.
func (t *published) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		t.Time = time.Time{}
	case time.Time:
		t.Time = v.UTC()
	case string:
		t.Time, _ = time.Parse(time.RFC3339, v) // "" is no date
	default:
		return fmt.Errorf("publication time: cannot scan %T", src)
	}
	return nil
}

// String scans a row of one text column.
func String(r Rows) (string, error) {
	var s string
	err := r.Scan(&s)
	return s, err
}

// Document scans a row of an article's id, text and stored document.
func Document(r Rows) (*marsad.Document, error) {
	var id, text string
	var blob []byte
	if err := r.Scan(&id, &text, &blob); err != nil {
		return nil, err
	}
	return marsad.DecodeStored(id, text, blob)
}

// Event scans a row of an article's id, title, publication time and source, then the event's day, lat, lon
// and JSON.
func Event(r Rows) (marsad.StoredEvent, error) {
	var e marsad.StoredEvent
	var pub published
	var blob []byte
	if err := r.Scan(&e.Article, &e.Title, &pub, &e.Source, &e.Day, &e.Lat, &e.Lon, &blob); err != nil {
		return e, err
	}
	e.Published = pub.Time
	return e, json.Unmarshal(blob, &e.Event)
}

// Conflict scans a row of an article's id, title, publication time and source, then the conflict's JSON.
func Conflict(r Rows) (marsad.StoredConflict, error) {
	var c marsad.StoredConflict
	var pub published
	var blob []byte
	if err := r.Scan(&c.Article, &c.Title, &pub, &c.Source, &blob); err != nil {
		return c, err
	}
	c.Published = pub.Time
	return c, json.Unmarshal(blob, &c.Conflict)
}

// EntityCount scans a row of an entity's key, id, name, type, mentions, articles, lat and lon.
func EntityCount(r Rows) (marsad.EntityCount, error) {
	var c marsad.EntityCount
	err := r.Scan(&c.Key, &c.ID, &c.Name, &c.Type, &c.Mentions, &c.Articles, &c.Lat, &c.Lon)
	return c, err
}

// Count scans a row of a value and its count.
func Count(r Rows) (marsad.Count, error) {
	var c marsad.Count
	err := r.Scan(&c.Value, &c.N)
	return c, err
}

// snippetWords is a hit's snippet's width in words.
const snippetWords = 30

// Hits returns the scan of a search result row: an article's id, title, publication time, source, text and
// score, higher for a better match. The hit's snippet marks the clauses' matches with [ and ].
func Hits(clauses []search.Clause) func(Rows) (marsad.Hit, error) {
	return func(r Rows) (marsad.Hit, error) {
		var h marsad.Hit
		var pub published
		var text string
		if err := r.Scan(&h.ID, &h.Title, &pub, &h.Source, &text, &h.Score); err != nil {
			return h, err
		}
		h.Published = pub.Time
		h.Snippet = search.Snippet(text, clauses, snippetWords, "[", "]")
		return h, nil
	}
}
