package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/marsad/marsad"
)

var _ marsad.Analytics = (*Store)(nil)

// The layer tables index what the analytics queries filter and group on; the items themselves stay JSON, so
// a layer type can grow a field without a migration. Names are stored folded (marsad.FoldName) so filters
// match "قسد" whatever its spelling in the article.
const layersSchema = `
CREATE TABLE IF NOT EXISTS events (
	article INTEGER NOT NULL REFERENCES articles(rowid),
	seq     INTEGER NOT NULL,
	type    TEXT NOT NULL,
	day     TEXT NOT NULL,
	actors  TEXT NOT NULL,
	place   TEXT NOT NULL,
	lat     REAL,
	lon     REAL,
	event   BLOB NOT NULL,
	PRIMARY KEY (article, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_day ON events(day);
CREATE INDEX IF NOT EXISTS events_type ON events(type, day);
CREATE TABLE IF NOT EXISTS mentions (
	entity  TEXT NOT NULL,
	article INTEGER NOT NULL REFERENCES articles(rowid),
	id      TEXT NOT NULL,
	name    TEXT NOT NULL,
	type    TEXT NOT NULL,
	n       INTEGER NOT NULL,
	names   TEXT NOT NULL,
	lat     REAL,
	lon     REAL,
	PRIMARY KEY (entity, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);
CREATE TABLE IF NOT EXISTS conflicts (
	article  INTEGER NOT NULL REFERENCES articles(rowid),
	seq      INTEGER NOT NULL,
	conflict BLOB NOT NULL,
	PRIMARY KEY (article, seq)
) WITHOUT ROWID;
`

type layerStmts struct {
	event, mention, conflict *sql.Stmt
}

func prepareLayers(ctx context.Context, tx *sql.Tx) (*layerStmts, error) {
	var l layerStmts
	var err error
	if l.event, err = tx.PrepareContext(ctx, `INSERT INTO events(article, seq, type, day, actors, place, lat, lon, event)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		return nil, err
	}
	if l.mention, err = tx.PrepareContext(ctx, `INSERT INTO mentions(entity, article, id, name, type, n, names, lat, lon)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		return nil, err
	}
	if l.conflict, err = tx.PrepareContext(ctx, `INSERT INTO conflicts(article, seq, conflict) VALUES (?, ?, ?)`); err != nil {
		return nil, err
	}
	return &l, nil
}

// put indexes the layers of a newly stored article.
func (l *layerStmts) put(ctx context.Context, rowid int64, d *marsad.Document) error {
	for i := range d.Events {
		e := &d.Events[i]
		row := marsad.IndexEvent(d, e)
		blob, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if _, err := l.event.ExecContext(ctx, rowid, i, e.Type, row.Day, row.Actors, row.Place, row.Lat, row.Lon, blob); err != nil {
			return err
		}
	}
	for _, m := range marsad.IndexMentions(d) {
		if _, err := l.mention.ExecContext(ctx, m.Key, rowid, m.ID, m.Name, m.Type, m.Mentions, m.Names, m.Lat, m.Lon); err != nil {
			return err
		}
	}
	for i := range d.Conflicts {
		blob, err := json.Marshal(&d.Conflicts[i])
		if err != nil {
			return err
		}
		if _, err := l.conflict.ExecContext(ctx, rowid, i, blob); err != nil {
			return err
		}
	}
	return nil
}

// Events implements marsad.Analytics.
func (s *Store) Events(ctx context.Context, f marsad.EventFilter) ([]marsad.StoredEvent, error) {
	where, args := []string{"1"}, []any{}
	if f.Type != "" {
		where, args = append(where, "e.type = ?"), append(args, f.Type)
	}
	if f.Actor != "" {
		where, args = append(where, "instr(e.actors, ?) > 0"), append(args, "|"+marsad.FoldName(f.Actor)+"|")
	}
	if f.Place != "" {
		where, args = append(where, "instr(e.place, ?) > 0"), append(args, "|"+marsad.FoldName(f.Place)+"|")
	}
	if f.MinConfidence > 0 {
		where, args = append(where, "coalesce(json_extract(e.event, '$.confidence'), 0) >= ?"), append(args, f.MinConfidence)
	}
	if !f.From.IsZero() {
		where, args = append(where, "e.day >= ?"), append(args, f.From.UTC().Format("2006-01-02"))
	}
	if !f.To.IsZero() {
		where, args = append(where, "e.day != '' AND e.day <= ?"), append(args, f.To.UTC().Format("2006-01-02"))
	}
	args = append(args, limit(f.Limit, 1000), max(f.Offset, 0))
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.published, a.source, e.day, e.lat, e.lon, e.event
		FROM events e JOIN articles a ON a.rowid = e.article
		WHERE `+strings.Join(where, " AND ")+` ORDER BY e.day DESC, a.rowid, e.seq LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []marsad.StoredEvent{}
	for rows.Next() {
		var e marsad.StoredEvent
		var published string
		var lat, lon sql.NullFloat64
		var blob []byte
		if err := rows.Scan(&e.Article, &e.Title, &published, &e.Source, &e.Day, &lat, &lon, &blob); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(blob, &e.Event); err != nil {
			return nil, err
		}
		e.Published = parseTime(published)
		e.Lat, e.Lon = floatPtr(lat), floatPtr(lon)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Entities implements marsad.Analytics.
func (s *Store) Entities(ctx context.Context, q string, n int) ([]marsad.EntityCount, error) {
	where, args := "", []any{}
	if q = marsad.FoldName(q); q != "" {
		where, args = "WHERE instr(names, ?) > 0", append(args, q)
	}
	args = append(args, limit(n, 100))
	rows, err := s.db.QueryContext(ctx, `SELECT entity, max(id), max(name), max(type), sum(n), count(*), max(lat), max(lon)
		FROM mentions `+where+` GROUP BY entity ORDER BY sum(n) DESC, entity LIMIT ?`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []marsad.EntityCount{}
	for rows.Next() {
		var c marsad.EntityCount
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&c.Key, &c.ID, &c.Name, &c.Type, &c.Mentions, &c.Articles, &lat, &lon); err != nil {
			return nil, err
		}
		c.Lat, c.Lon = floatPtr(lat), floatPtr(lon)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Conflicts implements marsad.Analytics.
func (s *Store) Conflicts(ctx context.Context, n, offset int) ([]marsad.StoredConflict, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.published, a.source, c.conflict
		FROM conflicts c JOIN articles a ON a.rowid = c.article
		ORDER BY a.published DESC, a.rowid DESC, c.seq LIMIT ? OFFSET ?`, limit(n, 100), max(offset, 0))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []marsad.StoredConflict{}
	for rows.Next() {
		var c marsad.StoredConflict
		var published string
		var blob []byte
		if err := rows.Scan(&c.Article, &c.Title, &published, &c.Source, &blob); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(blob, &c.Conflict); err != nil {
			return nil, err
		}
		c.Published = parseTime(published)
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
	from := ` FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE ` + strings.Join(where, " AND ")
	if err := s.db.QueryRowContext(ctx, `SELECT count(*)`+from, args...).Scan(&f.Total); err != nil {
		return f, err
	}
	if f.Sources, err = s.counts(ctx, `SELECT a.source, count(*)`+from+` AND a.source != '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50`, args); err != nil {
		return f, err
	}
	f.Months, err = s.counts(ctx, `SELECT substr(a.published, 1, 7), count(*)`+from+` AND a.published != '' GROUP BY 1 ORDER BY 1`, args)
	return f, err
}

func (s *Store) counts(ctx context.Context, query string, args []any) ([]marsad.Count, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
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

func floatPtr(f sql.NullFloat64) *float64 {
	if !f.Valid {
		return nil
	}
	return &f.Float64
}
