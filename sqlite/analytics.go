package sqlite

import (
	"context"
	"database/sql"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/sqlrows"
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

// layerInserts are the INSERTs of the rows sqlrows.Layers makes, by table.
var layerInserts = map[string]string{
	"events":    `INSERT INTO events(article, seq, type, day, actors, place, lat, lon, event) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"mentions":  `INSERT INTO mentions(entity, article, id, name, type, n, names, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"conflicts": `INSERT INTO conflicts(article, seq, conflict) VALUES (?, ?, ?)`,
}

// layerStmts are the layerInserts prepared in a transaction.
type layerStmts map[string]*sql.Stmt

func prepareLayers(ctx context.Context, tx *sql.Tx) (layerStmts, error) {
	l := layerStmts{}
	for table, insert := range layerInserts {
		st, err := tx.PrepareContext(ctx, insert)
		if err != nil {
			return nil, err
		}
		l[table] = st
	}
	return l, nil
}

// put indexes the layers of a newly stored article.
func (l layerStmts) put(ctx context.Context, rowid int64, d *marsad.Document) error {
	return sqlrows.Layers(rowid, d, func(table string, values ...any) error {
		_, err := l[table].ExecContext(ctx, values...)
		return err
	})
}

// eventSQL is how SQLite tests an event against each field of a marsad.EventFilter.
var eventSQL = sqlrows.EventSQL{
	Type:          "e.type = %s",
	Actor:         "instr(e.actors, %s) > 0",
	Place:         "instr(e.place, %s) > 0",
	MinConfidence: "coalesce(json_extract(e.event, '$.confidence'), 0) >= %s",
	From:          "e.day >= %s",
	To:            "e.day != '' AND e.day <= %s",
}

// Events implements marsad.Analytics.
func (s *Store) Events(ctx context.Context, f marsad.EventFilter) ([]marsad.StoredEvent, error) {
	w := sqlrows.NewWhere(question)
	eventSQL.Where(w, f)
	query := `SELECT a.id, a.title, a.published, a.source, e.day, e.lat, e.lon, e.event
		FROM events e JOIN articles a ON a.rowid = e.article ` + w.String() +
		` ORDER BY e.day DESC, a.rowid, e.seq LIMIT ` + w.Param(sqlrows.Limit(f.Limit, 1000)) + ` OFFSET ` + w.Param(max(f.Offset, 0))
	return collect(ctx, s, []marsad.StoredEvent{}, sqlrows.Event, query, w.Args...)
}

// Entities implements marsad.Analytics.
func (s *Store) Entities(ctx context.Context, q string, n int) ([]marsad.EntityCount, error) {
	w := sqlrows.NewWhere(question)
	if q = marsad.FoldName(q); q != "" {
		w.Add("instr(names, %s) > 0", q)
	}
	query := `SELECT entity, max(id), max(name), max(type), sum(n), count(*), max(lat), max(lon)
		FROM mentions ` + w.String() + ` GROUP BY entity ORDER BY sum(n) DESC, entity LIMIT ` + w.Param(sqlrows.Limit(n, 100))
	return collect(ctx, s, []marsad.EntityCount{}, sqlrows.EntityCount, query, w.Args...)
}

// Conflicts implements marsad.Analytics.
func (s *Store) Conflicts(ctx context.Context, n, offset int) ([]marsad.StoredConflict, error) {
	return collect(ctx, s, []marsad.StoredConflict{}, sqlrows.Conflict, `SELECT a.id, a.title, a.published, a.source, c.conflict
		FROM conflicts c JOIN articles a ON a.rowid = c.article
		ORDER BY a.published DESC, a.rowid DESC, c.seq LIMIT ? OFFSET ?`, sqlrows.Limit(n, 100), max(offset, 0))
}

// Facets implements marsad.Analytics.
func (s *Store) Facets(ctx context.Context, q marsad.Query) (marsad.Facets, error) {
	f := marsad.Facets{Sources: []marsad.Count{}, Months: []marsad.Count{}}
	_, w, err := filter(q)
	if err != nil {
		return f, err
	}
	from := ` FROM fts JOIN articles a ON a.rowid = fts.rowid ` + w.String()
	if err := s.db.QueryRowContext(ctx, `SELECT count(*)`+from, w.Args...).Scan(&f.Total); err != nil {
		return f, err
	}
	if f.Sources, err = collect(ctx, s, f.Sources, sqlrows.Count, `SELECT a.source, count(*)`+from+
		` AND a.source != '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50`, w.Args...); err != nil {
		return f, err
	}
	f.Months, err = collect(ctx, s, f.Months, sqlrows.Count, `SELECT substr(a.published, 1, 7), count(*)`+from+
		` AND a.published != '' GROUP BY 1 ORDER BY 1`, w.Args...)
	return f, err
}
