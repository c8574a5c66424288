package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// migrations are the schema's versions, in order: migration i brings the schema to version i+1. Only ever
// append; a released migration never changes.
var migrations = []string{
	// 1: articles with their index, origins, and the layer tables the analytics queries filter on. The layer
	// items stay JSON, so a layer type can grow a field without a migration.
	`CREATE TABLE articles (
		id          text PRIMARY KEY,
		title       text NOT NULL,
		published   timestamptz,
		source      text NOT NULL,
		url         text NOT NULL,
		text        text NOT NULL,
		doc         json NOT NULL,
		tsv         tsvector NOT NULL,
		stored      timestamptz NOT NULL DEFAULT now()
	);
	CREATE INDEX articles_tsv ON articles USING gin (tsv);
	CREATE INDEX articles_published ON articles (published);
	CREATE INDEX articles_source ON articles (source);
	CREATE TABLE origins (
		article text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
		origin  text NOT NULL,
		PRIMARY KEY (article, origin)
	);
	CREATE INDEX origins_origin ON origins (origin);
	CREATE TABLE events (
		article text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
		seq     int NOT NULL,
		type    text NOT NULL,
		day     text NOT NULL,
		actors  text NOT NULL,
		place   text NOT NULL,
		lat     double precision,
		lon     double precision,
		event   json NOT NULL,
		PRIMARY KEY (article, seq)
	);
	CREATE INDEX events_day ON events (day);
	CREATE INDEX events_type ON events (type, day);
	CREATE TABLE mentions (
		entity  text NOT NULL,
		article text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
		id      text NOT NULL,
		name    text NOT NULL,
		type    text NOT NULL,
		n       int NOT NULL,
		names   text NOT NULL,
		lat     double precision,
		lon     double precision,
		PRIMARY KEY (entity, article)
	);
	CREATE TABLE conflicts (
		article  text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
		seq      int NOT NULL,
		conflict json NOT NULL,
		PRIMARY KEY (article, seq)
	);`,
	// 2: an article's mentions are replaced when its layers are extracted again.
	`CREATE INDEX mentions_article ON mentions (article);`,
}

// migrationLock is the advisory lock that keeps two processes starting at once from migrating together.
const migrationLock = 0x6d61727361640001 // "marsad" 1

// migrate applies the migrations the database lacks, each in its own transaction with its version row.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, int64(migrationLock)); err != nil {
		return err
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, int64(migrationLock))
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version int PRIMARY KEY,
		applied timestamptz NOT NULL DEFAULT now()
	)`); err != nil {
		return err
	}
	var version int
	if err := conn.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("the database's schema is version %d, newer than this program's %d", version, len(migrations))
	}
	for v := version + 1; v <= len(migrations); v++ {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, migrations[v-1]); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations(version) VALUES ($1)`, v)
			return err
		})
		if err != nil {
			return fmt.Errorf("version %d: %w", v, err)
		}
	}
	return nil
}
