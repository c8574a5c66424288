package postgres

import (
	"context"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/sqlrows"
)

// eventSQL is how PostgreSQL tests an event against each field of a marsad.EventFilter.
var eventSQL = sqlrows.EventSQL{
	Type:          "e.type = %s",
	Actor:         "strpos(e.actors, %s) > 0",
	Place:         "strpos(e.place, %s) > 0",
	MinConfidence: "coalesce((e.event->>'confidence')::float8, 0) >= %s",
	From:          "e.day >= %s",
	To:            "e.day != '' AND e.day <= %s",
}

// Events implements marsad.Analytics.
func (s *Store) Events(ctx context.Context, f marsad.EventFilter) ([]marsad.StoredEvent, error) {
	w := sqlrows.NewWhere(dollar)
	eventSQL.Where(w, f)
	query := `SELECT a.id, a.title, a.published, a.source, e.day, e.lat, e.lon, e.event
		FROM events e JOIN articles a ON a.id = e.article ` + w.String() +
		` ORDER BY e.day DESC, a.id, e.seq LIMIT ` + w.Param(sqlrows.Limit(f.Limit, 1000)) + ` OFFSET ` + w.Param(max(f.Offset, 0))
	return collect(ctx, s, []marsad.StoredEvent{}, sqlrows.Event, query, w.Args...)
}

// Entities implements marsad.Analytics.
func (s *Store) Entities(ctx context.Context, q string, n int) ([]marsad.EntityCount, error) {
	w := sqlrows.NewWhere(dollar)
	if q = marsad.FoldName(q); q != "" {
		w.Add("strpos(names, %s) > 0", q)
	}
	query := `SELECT entity, max(id), max(name), max(type), sum(n), count(*), max(lat), max(lon)
		FROM mentions ` + w.String() + ` GROUP BY entity ORDER BY sum(n) DESC, entity LIMIT ` + w.Param(sqlrows.Limit(n, 100))
	return collect(ctx, s, []marsad.EntityCount{}, sqlrows.EntityCount, query, w.Args...)
}

// Conflicts implements marsad.Analytics.
func (s *Store) Conflicts(ctx context.Context, n, offset int) ([]marsad.StoredConflict, error) {
	return collect(ctx, s, []marsad.StoredConflict{}, sqlrows.Conflict, `SELECT a.id, a.title, a.published, a.source, c.conflict
		FROM conflicts c JOIN articles a ON a.id = c.article
		ORDER BY a.published DESC NULLS LAST, a.id, c.seq LIMIT $1 OFFSET $2`, sqlrows.Limit(n, 100), max(offset, 0))
}

// Facets implements marsad.Analytics.
func (s *Store) Facets(ctx context.Context, q marsad.Query) (marsad.Facets, error) {
	f := marsad.Facets{Sources: []marsad.Count{}, Months: []marsad.Count{}}
	_, w, err := filter(q)
	if err != nil {
		return f, err
	}
	from := ` FROM articles a, to_tsquery('simple', $1) query ` + w.String()
	if err := s.pool.QueryRow(ctx, `SELECT count(*)`+from, w.Args...).Scan(&f.Total); err != nil {
		return f, err
	}
	if f.Sources, err = collect(ctx, s, f.Sources, sqlrows.Count, `SELECT a.source, count(*)`+from+
		` AND a.source != '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50`, w.Args...); err != nil {
		return f, err
	}
	f.Months, err = collect(ctx, s, f.Months, sqlrows.Count, `SELECT to_char(a.published AT TIME ZONE 'UTC', 'YYYY-MM'), count(*)`+from+
		` AND a.published IS NOT NULL GROUP BY 1 ORDER BY 1`, w.Args...)
	return f, err
}
