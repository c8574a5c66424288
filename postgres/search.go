package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/search"
)

// snippetWords is the snippet's width in words, as in the sqlite store.
const snippetWords = 30

// rank weighs a title word above a body word above a clitic-stripped variant (weights D, C, B, A), as the
// sqlite store's bm25 column weights do; normalization 1 divides by the log of the article's length.
const rank = `ts_rank('{0.125, 0.125, 0.25, 1.0}', a.tsv, query, 1)`

// Search implements marsad.Store. Snippets mark matches with [ and ].
func (s *Store) Search(ctx context.Context, q marsad.Query) ([]marsad.Hit, error) {
	clauses, where, args, err := filter(q)
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	args = append(args, limit, max(q.Offset, 0))
	rows, err := s.pool.Query(ctx, `SELECT a.id, a.title, a.published, a.source, a.text, `+rank+` AS score
		FROM articles a, to_tsquery('simple', $1) query
		WHERE `+strings.Join(where, " AND ")+fmt.Sprintf(` ORDER BY score DESC, a.id LIMIT $%d OFFSET $%d`, len(args)-1, len(args)), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []marsad.Hit
	for rows.Next() {
		var h marsad.Hit
		var text string
		var pub *time.Time
		if err := rows.Scan(&h.ID, &h.Title, &pub, &h.Source, &text, &h.Score); err != nil {
			return nil, err
		}
		h.Published = timeOf(pub)
		h.Snippet = search.Snippet(text, clauses, snippetWords, "[", "]")
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// filter returns the parsed query and the SQL conditions and arguments that select its articles; $1 is the
// tsquery text.
func filter(q marsad.Query) (clauses []search.Clause, where []string, args []any, err error) {
	clauses, err = search.Parse(q.Text)
	if err != nil {
		return nil, nil, nil, err
	}
	where, args = []string{"a.tsv @@ query"}, []any{TSQuery(clauses)}
	if q.Source != "" {
		args = append(args, q.Source)
		where = append(where, fmt.Sprintf("a.source = $%d", len(args)))
	}
	if !q.From.IsZero() {
		args = append(args, q.From.UTC())
		where = append(where, fmt.Sprintf("a.published >= $%d", len(args)))
	}
	if !q.To.IsZero() {
		args = append(args, q.To.UTC())
		where = append(where, fmt.Sprintf("a.published <= $%d", len(args)))
	}
	return clauses, where, args, nil
}

// TSQuery translates parsed clauses into to_tsquery syntax with the sqlite store's semantics: every clause
// must match; a word matches its stem anywhere or its clitic variant; a prefix matches any term starting
// with it; a phrase matches consecutive stems of the title or the body (weights A and B), not the variants.
func TSQuery(clauses []search.Clause) string {
	parts := make([]string, 0, len(clauses))
	for _, c := range clauses {
		switch {
		case c.Phrase:
			words := make([]string, len(c.Stems))
			for i, s := range c.Stems {
				words[i] = lexeme(s) + ":AB"
			}
			parts = append(parts, "("+strings.Join(words, " <-> ")+")")
		case c.Prefix:
			parts = append(parts, lexeme(c.Stems[0])+":*")
		case c.Variant != "":
			parts = append(parts, "("+lexeme(c.Stems[0])+" | "+lexeme(c.Variant)+")")
		default:
			parts = append(parts, lexeme(c.Stems[0]))
		}
	}
	return strings.Join(parts, " & ")
}

// lexeme quotes s so no user word is read as a tsquery operator.
func lexeme(s string) string {
	return "'" + strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(s) + "'"
}

func timeOf(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}
