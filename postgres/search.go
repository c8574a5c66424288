package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/sqlrows"
	"github.com/marsad/marsad/search"
)

// rank weighs a title word above a body word above a clitic-stripped variant (weights D, C, B, A), as the
// sqlite store's bm25 column weights do; normalization 1 divides by the log of the article's length.
const rank = `ts_rank('{0.125, 0.125, 0.25, 1.0}', a.tsv, query, 1)`

// querySQL is how PostgreSQL tests an article against the fields of a marsad.Query besides its text.
var querySQL = sqlrows.QuerySQL{
	Source: "a.source = %s",
	From:   "a.published >= %s",
	To:     "a.published <= %s",
	Time:   func(t time.Time) any { return t.UTC() },
}

// Search implements marsad.Store. Snippets mark matches with [ and ].
func (s *Store) Search(ctx context.Context, q marsad.Query) ([]marsad.Hit, error) {
	clauses, w, err := filter(q)
	if err != nil {
		return nil, err
	}
	query := `SELECT a.id, a.title, a.published, a.source, a.text, ` + rank + ` AS score
		FROM articles a, to_tsquery('simple', $1) query ` + w.String() +
		` ORDER BY score DESC, a.id LIMIT ` + w.Param(sqlrows.Limit(q.Limit, 10)) + ` OFFSET ` + w.Param(max(q.Offset, 0))
	return collect(ctx, s, nil, sqlrows.Hits(clauses), query, w.Args...)
}

// filter returns the parsed query and the conditions and arguments that select its articles; $1 is the
// tsquery text, which the FROM clause turns into the query the conditions and rank read.
func filter(q marsad.Query) ([]search.Clause, *sqlrows.Where, error) {
	clauses, err := search.Parse(q.Text)
	if err != nil {
		return nil, nil, err
	}
	w := sqlrows.NewWhere(dollar)
	w.Args = append(w.Args, TSQuery(clauses))
	w.Add("a.tsv @@ query")
	querySQL.Where(w, q)
	return clauses, w, nil
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
