// Package sqlite is the embedded marsad.Store: one SQLite file with an FTS5 index over the Arabic-aware terms.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // pure Go: a fresh machine needs no C toolchain

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/sqlrows"
	"github.com/marsad/marsad/search"
)

var _ marsad.Store = (*Store)(nil)

// Store is a marsad.Store in one SQLite file.
type Store struct {
	db *sql.DB
}

// The articles table keeps the document (all layers) as JSON without its text, which has its own column
// so snippets need not decode JSON. The FTS table is contentless: it holds only the index; its rowid is the
// article's.
const schema = `
CREATE TABLE IF NOT EXISTS articles (
	rowid     INTEGER PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	title     TEXT NOT NULL,
	published TEXT NOT NULL,
	source    TEXT NOT NULL,
	url       TEXT NOT NULL,
	text      TEXT NOT NULL,
	doc       BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE TABLE IF NOT EXISTS origins (
	article INTEGER NOT NULL REFERENCES articles(rowid),
	origin  TEXT NOT NULL,
	PRIMARY KEY (article, origin)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS origins_origin ON origins(origin);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(title, body, variants, content='', tokenize='unicode61');
` + layersSchema

// Open opens or creates the store at path, creating its directory.
func Open(path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
	}
	// Transactions begin IMMEDIATE: a deferred one that starts reading and then writes fails at once with
	// SQLITE_BUSY, without waiting out the busy timeout, when another writer (a server POST while an ingest
	// runs) holds the lock.
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(ON)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return &Store{db: db}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Put implements marsad.Store.
func (s *Store) Put(ctx context.Context, docs []*marsad.Document) ([]bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	insert, err := tx.PrepareContext(ctx, `INSERT INTO articles(id, title, published, source, url, text, doc)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING RETURNING rowid`)
	if err != nil {
		return nil, err
	}
	index, err := tx.PrepareContext(ctx, `INSERT INTO fts(rowid, title, body, variants) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	origin, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO origins(article, origin)
		SELECT rowid, ? FROM articles WHERE id = ?`)
	if err != nil {
		return nil, err
	}
	layers, err := prepareLayers(ctx, tx)
	if err != nil {
		return nil, err
	}
	added := make([]bool, len(docs))
	for i, d := range docs {
		blob, err := marsad.EncodeStored(d)
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", d.ID, err)
		}
		var rowid int64
		err = insert.QueryRowContext(ctx, d.ID, d.Title, formatTime(d.Published), d.Source, d.URL, d.Text, blob).Scan(&rowid)
		switch {
		case errors.Is(err, sql.ErrNoRows): // stored already: only its origins may be new
		case err != nil:
			return nil, fmt.Errorf("article %s: %w", d.ID, err)
		default:
			added[i] = true
			title, body := search.Analyze(d.Text[:d.TitleEnd]), search.Analyze(d.Text[d.TitleEnd:])
			variants := strings.TrimSpace(title.Variants + " " + body.Variants)
			if _, err := index.ExecContext(ctx, rowid, title.Stems, body.Stems, variants); err != nil {
				return nil, fmt.Errorf("index article %s: %w", d.ID, err)
			}
			if err := layers.put(ctx, rowid, d); err != nil {
				return nil, fmt.Errorf("index layers of article %s: %w", d.ID, err)
			}
		}
		for _, o := range d.Origins {
			if _, err := origin.ExecContext(ctx, o, d.ID); err != nil {
				return nil, fmt.Errorf("article %s: %w", d.ID, err)
			}
		}
	}
	return added, tx.Commit()
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// Get implements marsad.Store. The id may also be an origin the article was read from (a file path or an
// input id), so a user can find an article by what they fed in.
func (s *Store) Get(ctx context.Context, id string) (*marsad.Document, error) {
	var rowid int64
	var text string
	var blob []byte
	err := s.db.QueryRowContext(ctx, `SELECT rowid, text, doc FROM articles WHERE id = ?`, id).Scan(&rowid, &text, &blob)
	if errors.Is(err, sql.ErrNoRows) {
		err = s.db.QueryRowContext(ctx, `SELECT a.rowid, a.text, a.doc FROM origins o JOIN articles a ON a.rowid = o.article
			WHERE o.origin = ? LIMIT 1`, id).Scan(&rowid, &text, &blob)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, marsad.ErrNotFound
	} else if err != nil {
		return nil, err
	}
	d, err := marsad.DecodeStored(id, text, blob)
	if err != nil {
		return nil, err
	}
	d.Origins, err = collect(ctx, s, nil, sqlrows.String, `SELECT origin FROM origins WHERE article = ? ORDER BY origin`, rowid)
	return d, err
}

// Count implements marsad.Store.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n)
	return n, err
}

var _ marsad.Relayering = (*Store)(nil)

// Documents implements marsad.Relayering.
func (s *Store) Documents(ctx context.Context, after string, n int) ([]*marsad.Document, error) {
	return collect(ctx, s, nil, sqlrows.Document, `SELECT id, text, doc FROM articles WHERE id > ? ORDER BY id LIMIT ?`, after, n)
}

// ReplaceLayers implements marsad.Relayering.
func (s *Store) ReplaceLayers(ctx context.Context, docs []*marsad.Document) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	update, err := tx.PrepareContext(ctx, `UPDATE articles SET doc = ? WHERE id = ? RETURNING rowid`)
	if err != nil {
		return err
	}
	layers, err := prepareLayers(ctx, tx)
	if err != nil {
		return err
	}
	for _, d := range docs {
		blob, err := marsad.EncodeStored(d)
		if err != nil {
			return fmt.Errorf("article %s: %w", d.ID, err)
		}
		var rowid int64
		err = update.QueryRowContext(ctx, blob, d.ID).Scan(&rowid)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("article %s: %w", d.ID, marsad.ErrNotFound)
		} else if err != nil {
			return fmt.Errorf("article %s: %w", d.ID, err)
		}
		for _, table := range [...]string{"events", "mentions", "conflicts"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE article = ?`, rowid); err != nil {
				return fmt.Errorf("article %s: %w", d.ID, err)
			}
		}
		if err := layers.put(ctx, rowid, d); err != nil {
			return fmt.Errorf("index layers of article %s: %w", d.ID, err)
		}
	}
	return tx.Commit()
}

// collect runs the query and appends the value scan makes of each row to dst.
func collect[T any](ctx context.Context, s *Store, dst []T, scan func(sqlrows.Rows) (T, error), query string, args ...any) ([]T, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return sqlrows.Append(dst, rows, scan)
}

// question writes SQLite's placeholder, the same whatever its number.
func question(int) string { return "?" }
