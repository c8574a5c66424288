package sqlite

import (
	"context"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/search"
)

// Column weights for bm25: a word in the title says more about an article than one in its body, and a
// clitic-stripped variant is the least certain reading.
const rank = `bm25(fts, 4.0, 1.0, 0.5)`

// snippetWords is the snippet's width in words.
const snippetWords = 30

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
	// Rank inside the index first and fetch the texts of the page only: carrying every match's text
	// through the sort is what makes a frequent word slow.
	from := "fts"
	if len(where) > 1 {
		from = "fts JOIN articles a ON a.rowid = fts.rowid"
	}
	args = append(args, limit, max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.published, a.source, a.text, r.score FROM (
			SELECT fts.rowid AS rid, `+rank+` AS score FROM `+from+`
			WHERE `+strings.Join(where, " AND ")+` ORDER BY score LIMIT ? OFFSET ?
		) r JOIN articles a ON a.rowid = r.rid ORDER BY r.score`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []marsad.Hit
	for rows.Next() {
		var h marsad.Hit
		var published, text string
		if err := rows.Scan(&h.ID, &h.Title, &published, &h.Source, &text, &h.Score); err != nil {
			return nil, err
		}
		h.Published = parseTime(published)
		h.Score = -h.Score // FTS5's bm25 is lower for better matches
		h.Snippet = search.Snippet(text, clauses, snippetWords, "[", "]")
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// filter returns the parsed query and the SQL conditions and arguments that select its articles.
func filter(q marsad.Query) (clauses []search.Clause, where []string, args []any, err error) {
	clauses, err = search.Parse(q.Text)
	if err != nil {
		return nil, nil, nil, err
	}
	where = []string{"fts MATCH ?"}
	args = []any{MatchExpr(clauses)}
	if q.Source != "" {
		where, args = append(where, "a.source = ?"), append(args, q.Source)
	}
	if !q.From.IsZero() {
		where, args = append(where, "a.published >= ?"), append(args, formatTime(q.From))
	}
	if !q.To.IsZero() {
		where, args = append(where, "a.published != '' AND a.published <= ?"), append(args, formatTime(q.To))
	}
	return clauses, where, args, nil
}

// MatchExpr translates parsed clauses into an FTS5 MATCH expression: every clause must match; a word matches
// its stem in any column or its clitic variant; phrases match only the ordered stem columns.
func MatchExpr(clauses []search.Clause) string {
	parts := make([]string, 0, len(clauses))
	for _, c := range clauses {
		switch {
		case c.Phrase:
			parts = append(parts, "{title body} : "+quote(strings.Join(c.Stems, " ")))
		case c.Prefix:
			parts = append(parts, quote(c.Stems[0])+" *")
		case c.Variant != "":
			parts = append(parts, "("+quote(c.Stems[0])+" OR "+quote(c.Variant)+")")
		default:
			parts = append(parts, quote(c.Stems[0]))
		}
	}
	return strings.Join(parts, " AND ")
}

// quote makes s an FTS5 string, so no user word is read as an operator.
func quote(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
