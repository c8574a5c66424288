// Package postgres is a marsad.Store on a PostgreSQL server, for a corpus that several machines or ingest
// workers share.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/sqlrows"
	"github.com/marsad/marsad/search"
)

var (
	_ marsad.Store     = (*Store)(nil)
	_ marsad.Analytics = (*Store)(nil)
)

// Store is a marsad.Store in a PostgreSQL database. It is safe for concurrent use, and several Stores (on
// several machines) may write to one database at once.
type Store struct {
	pool *pgxpool.Pool
}

// Open connects to the database at url (postgres://user:password@host/db?...) and brings its schema up to
// date. A search_path parameter in the URL selects the schema the tables live in.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: migrate: %w", err)
	}
	return &Store{pool: pool}, nil
}

// Close closes the connections.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// tsvector is the SQL of an article's index: the stems of title (weight A) and body (B), in order so phrases
// match, then the clitic-stripped variants (D), which phrases leave out by asking for weights A and B.
//
// The 'simple' configuration only lower-cases and splits, so the index holds exactly the terms search.Analyze
// produced and both stores find the same articles. PostgreSQL's own 'arabic' configuration (Snowball) was
// compared with search.Analyze on PostgreSQL 15; both fold hamza (إدلب = ادلب), diacritics and Arabic-Indic
// digits, but 'arabic' keeps apart spellings of one word that a reader of the news treats as the same:
//
//	text        'arabic'    search.Analyze
//	والباغوز    والباغوز    باغوز          (a search for الباغوز, 'باغوز', misses it)
//	الرقة       الرق        رق             (and الرقه gives 'رقه': ta marbuta is not folded)
//	قتلى        قتلي        قتل            (and قتلي gives 'قتل': alef maqsura is not folded)
//	لقسد        لقسد        لقسد + قسد     (بقسد gives 'قسد': the clitic ل is kept)
//
// Doing the analysis in Go also keeps the index independent of the server's Snowball version.
const tsvector = `setweight(to_tsvector('simple', $7), 'A') || setweight(to_tsvector('simple', $8), 'B') || setweight(to_tsvector('simple', $9), 'D')`

// Put implements marsad.Store. Articles are inserted in id order with ON CONFLICT DO NOTHING, so writers
// that store the same article at once neither duplicate it nor deadlock on each other's rows; a deadlock or
// serialization failure from elsewhere retries the batch.
func (s *Store) Put(ctx context.Context, docs []*marsad.Document) ([]bool, error) {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(docs[a].ID, docs[b].ID) })
	var added []bool
	var err error
	for attempt := 0; ; attempt++ {
		added, err = s.put(ctx, docs, order)
		var pe *pgconn.PgError
		if err == nil || attempt == 4 || !errors.As(err, &pe) || pe.Code != "40P01" && pe.Code != "40001" {
			return added, err
		}
		time.Sleep(time.Duration(10<<attempt) * time.Millisecond)
	}
}

func (s *Store) put(ctx context.Context, docs []*marsad.Document, order []int) ([]bool, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(ctx)

	// First round trip: the articles themselves; RETURNING tells which were new.
	var b pgx.Batch
	seen := map[string]bool{}
	for _, i := range order {
		d := docs[i]
		if seen[d.ID] {
			continue // the second copy in one batch is "stored already", as in the sqlite store
		}
		seen[d.ID] = true
		blob, err := marsad.EncodeStored(d)
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", d.ID, err)
		}
		title, body := search.Analyze(d.Text[:d.TitleEnd]), search.Analyze(d.Text[d.TitleEnd:])
		b.Queue(`INSERT INTO articles(id, title, published, source, url, text, doc, tsv)
			VALUES ($1, $2, $3, $4, $5, $6, $10, `+tsvector+`)
			ON CONFLICT (id) DO NOTHING RETURNING true`,
			d.ID, d.Title, published(d.Published), d.Source, d.URL, d.Text, title.Stems, body.Stems,
			strings.TrimSpace(title.Variants+" "+body.Variants), blob)
	}
	added := make([]bool, len(docs))
	results := tx.SendBatch(ctx, &b)
	seen = map[string]bool{}
	for _, i := range order {
		if seen[docs[i].ID] {
			continue
		}
		seen[docs[i].ID] = true
		var ok bool
		err := results.QueryRow().Scan(&ok)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
		case err != nil:
			results.Close()
			return nil, fmt.Errorf("article %s: %w", docs[i].ID, err)
		default:
			added[i] = true
		}
	}
	if err := results.Close(); err != nil {
		return nil, err
	}

	// Second round trip: origins of every article, layers of the new ones.
	b = pgx.Batch{}
	for _, i := range order {
		d := docs[i]
		for _, o := range d.Origins {
			b.Queue(`INSERT INTO origins(article, origin) VALUES ($1, $2) ON CONFLICT DO NOTHING`, d.ID, o)
		}
		if added[i] {
			if err := queueLayers(&b, d); err != nil {
				return nil, fmt.Errorf("article %s: %w", d.ID, err)
			}
		}
	}
	if b.Len() > 0 {
		if err := tx.SendBatch(ctx, &b).Close(); err != nil {
			return nil, err
		}
	}
	return added, tx.Commit(ctx)
}

// layerInserts are the INSERTs of the rows sqlrows.Layers makes, by table.
var layerInserts = map[string]string{
	"events":    `INSERT INTO events(article, seq, type, day, actors, place, lat, lon, event) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
	"mentions":  `INSERT INTO mentions(entity, article, id, name, type, n, names, lat, lon) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
	"conflicts": `INSERT INTO conflicts(article, seq, conflict) VALUES ($1, $2, $3)`,
}

func queueLayers(b *pgx.Batch, d *marsad.Document) error {
	return sqlrows.Layers(d.ID, d, func(table string, values ...any) error {
		b.Queue(layerInserts[table], values...)
		return nil
	})
}

func published(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

// Get implements marsad.Store. The id may also be an origin the article was read from.
func (s *Store) Get(ctx context.Context, id string) (*marsad.Document, error) {
	var text, stored string
	var blob []byte
	err := s.pool.QueryRow(ctx, `SELECT id, text, doc FROM articles WHERE id = $1`, id).Scan(&stored, &text, &blob)
	if errors.Is(err, pgx.ErrNoRows) {
		err = s.pool.QueryRow(ctx, `SELECT a.id, a.text, a.doc FROM origins o JOIN articles a ON a.id = o.article
			WHERE o.origin = $1 ORDER BY a.id LIMIT 1`, id).Scan(&stored, &text, &blob)
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, marsad.ErrNotFound
	} else if err != nil {
		return nil, err
	}
	d, err := marsad.DecodeStored(id, text, blob)
	if err != nil {
		return nil, err
	}
	d.Origins, err = collect(ctx, s, nil, sqlrows.String, `SELECT origin FROM origins WHERE article = $1 ORDER BY origin`, stored)
	return d, err
}

// Count implements marsad.Store.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&n)
	return n, err
}

var _ marsad.Relayering = (*Store)(nil)

// Documents implements marsad.Relayering.
func (s *Store) Documents(ctx context.Context, after string, n int) ([]*marsad.Document, error) {
	return collect(ctx, s, nil, sqlrows.Document, `SELECT id, text, doc FROM articles WHERE id > $1 ORDER BY id LIMIT $2`, after, n)
}

// ReplaceLayers implements marsad.Relayering.
func (s *Store) ReplaceLayers(ctx context.Context, docs []*marsad.Document) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		for _, d := range docs {
			blob, err := marsad.EncodeStored(d)
			if err != nil {
				return fmt.Errorf("article %s: %w", d.ID, err)
			}
			tag, err := tx.Exec(ctx, `UPDATE articles SET doc = $1 WHERE id = $2`, blob, d.ID)
			if err != nil {
				return fmt.Errorf("article %s: %w", d.ID, err)
			}
			if tag.RowsAffected() == 0 {
				return fmt.Errorf("article %s: %w", d.ID, marsad.ErrNotFound)
			}
			var b pgx.Batch
			for _, table := range [...]string{"events", "mentions", "conflicts"} {
				b.Queue(`DELETE FROM `+table+` WHERE article = $1`, d.ID)
			}
			if err := queueLayers(&b, d); err != nil {
				return fmt.Errorf("article %s: %w", d.ID, err)
			}
			if err := tx.SendBatch(ctx, &b).Close(); err != nil {
				return fmt.Errorf("article %s: %w", d.ID, err)
			}
		}
		return nil
	})
}

// collect runs the query and appends the value scan makes of each row to dst.
func collect[T any](ctx context.Context, s *Store, dst []T, scan func(sqlrows.Rows) (T, error), query string, args ...any) ([]T, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return sqlrows.Append(dst, rows, scan)
}

// dollar writes PostgreSQL's n-th placeholder.
func dollar(n int) string { return "$" + strconv.Itoa(n) }
