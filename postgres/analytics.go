package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/marsad/marsad"
)

// Events implements marsad.Analytics.
func (s *Store) Events(ctx context.Context, f marsad.EventFilter) ([]marsad.StoredEvent, error) {
	var where []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if f.Type != "" {
		add("e.type = $%d", f.Type)
	}
	if f.Actor != "" {
		add("strpos(e.actors, $%d) > 0", "|"+marsad.FoldName(f.Actor)+"|")
	}
	if f.Place != "" {
		add("strpos(e.place, $%d) > 0", "|"+marsad.FoldName(f.Place)+"|")
	}
	if f.MinConfidence > 0 {
		add("coalesce((e.event->>'confidence')::float8, 0) >= $%d", f.MinConfidence)
	}
	if !f.From.IsZero() {
		add("e.day >= $%d", f.From.UTC().Format("2006-01-02"))
	}
	if !f.To.IsZero() {
		add("e.day != '' AND e.day <= $%d", f.To.UTC().Format("2006-01-02"))
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	args = append(args, limit(f.Limit, 1000), max(f.Offset, 0))
	rows, err := s.pool.Query(ctx, `SELECT a.id, a.title, a.published, a.source, e.day, e.lat, e.lon, e.event
		FROM events e JOIN articles a ON a.id = e.article `+cond+
		fmt.Sprintf(` ORDER BY e.day DESC, a.id, e.seq LIMIT $%d OFFSET $%d`, len(args)-1, len(args)), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []marsad.StoredEvent{}
	for rows.Next() {
		var e marsad.StoredEvent
		var pub *time.Time
		var blob []byte
		if err := rows.Scan(&e.Article, &e.Title, &pub, &e.Source, &e.Day, &e.Lat, &e.Lon, &blob); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(blob, &e.Event); err != nil {
			return nil, err
		}
		e.Published = timeOf(pub)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Entities implements marsad.Analytics.
func (s *Store) Entities(ctx context.Context, q string, n int) ([]marsad.EntityCount, error) {
	where, args := "", []any{limit(n, 100)}
	if q = marsad.FoldName(q); q != "" {
		where, args = "WHERE strpos(names, $2) > 0", append(args, q)
	}
	rows, err := s.pool.Query(ctx, `SELECT entity, max(id), max(name), max(type), sum(n), count(*), max(lat), max(lon)
		FROM mentions `+where+` GROUP BY entity ORDER BY sum(n) DESC, entity LIMIT $1`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []marsad.EntityCount{}
	for rows.Next() {
		var c marsad.EntityCount
		if err := rows.Scan(&c.Key, &c.ID, &c.Name, &c.Type, &c.Mentions, &c.Articles, &c.Lat, &c.Lon); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Conflicts implements marsad.Analytics.
func (s *Store) Conflicts(ctx context.Context, n, offset int) ([]marsad.StoredConflict, error) {
	rows, err := s.pool.Query(ctx, `SELECT a.id, a.title, a.published, a.source, c.conflict
		FROM conflicts c JOIN articles a ON a.id = c.article
		ORDER BY a.published DESC NULLS LAST, a.id, c.seq LIMIT $1 OFFSET $2`, limit(n, 100), max(offset, 0))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []marsad.StoredConflict{}
	for rows.Next() {
		var c marsad.StoredConflict
		var pub *time.Time
		var blob []byte
		if err := rows.Scan(&c.Article, &c.Title, &pub, &c.Source, &blob); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(blob, &c.Conflict); err != nil {
			return nil, err
		}
		c.Published = timeOf(pub)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Facets implements marsad.Analytics.
func (s *Store) Facets(ctx context.Context, q marsad.Query) (marsad.Facets, error) {
	f := marsad.Facets{Sources: []marsad.Count{}, Months: []marsad.Count{}}
	_, where, args, err := filter(q)
	if err != nil {
		return f, err
	}
	from := ` FROM articles a, to_tsquery('simple', $1) query WHERE ` + strings.Join(where, " AND ")
	if err := s.pool.QueryRow(ctx, `SELECT count(*)`+from, args...).Scan(&f.Total); err != nil {
		return f, err
	}
	if f.Sources, err = s.counts(ctx, `SELECT a.source, count(*)`+from+` AND a.source != '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50`, args); err != nil {
		return f, err
	}
	f.Months, err = s.counts(ctx, `SELECT to_char(a.published AT TIME ZONE 'UTC', 'YYYY-MM'), count(*)`+from+
		` AND a.published IS NOT NULL GROUP BY 1 ORDER BY 1`, args)
	return f, err
}

func (s *Store) counts(ctx context.Context, query string, args []any) ([]marsad.Count, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []marsad.Count{}
	for rows.Next() {
		var c marsad.Count
		if err := rows.Scan(&c.Value, &c.N); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func limit(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}
