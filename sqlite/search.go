package sqlite

import (
	"context"
	"strings"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/sqlrows"
	"github.com/marsad/marsad/search"
)

// Column weights for bm25: a word in the title says more about an article than one in its body, and a
// clitic-stripped variant is the least certain reading.
const rank = `bm25(fts, 4.0, 1.0, 0.5)`

// querySQL is how SQLite tests an article against the fields of a marsad.Query besides its text. An undated
// article's published is "", which "To" would otherwise let through.
var querySQL = sqlrows.QuerySQL{
	Source: "a.source = %s",
	From:   "a.published >= %s",
	To:     "a.published != '' AND a.published <= %s",
	Time:   func(t time.Time) any { return formatTime(t) },
}

// Search implements marsad.Store. Snippets mark matches with [ and ].
func (s *Store) Search(ctx context.Context, q marsad.Query) ([]marsad.Hit, error) {
	clauses, w, err := filter(q)
	if err != nil {
		return nil, err
	}
	// Rank inside the index first and fetch the texts of the page only: carrying every match's text
	// through the sort is what makes a frequent word slow.
	from := "fts"
	if w.Len() > 1 {
		from = "fts JOIN articles a ON a.rowid = fts.rowid"
	}
	// FTS5's bm25 is lower for better matches; a hit's score is higher.
	query := `SELECT a.id, a.title, a.published, a.source, a.text, -r.score FROM (
			SELECT fts.rowid AS rid, ` + rank + ` AS score FROM ` + from + ` ` + w.String() +
		` ORDER BY score LIMIT ` + w.Param(sqlrows.Limit(q.Limit, 10)) + ` OFFSET ` + w.Param(max(q.Offset, 0)) + `
		) r JOIN articles a ON a.rowid = r.rid ORDER BY r.score`
	return collect(ctx, s, nil, sqlrows.Hits(clauses), query, w.Args...)
}

// filter returns the parsed query and the conditions and arguments that select its articles.
func filter(q marsad.Query) ([]search.Clause, *sqlrows.Where, error) {
	clauses, err := search.Parse(q.Text)
	if err != nil {
		return nil, nil, err
	}
	w := sqlrows.NewWhere(question)
	w.Add("fts MATCH %s", MatchExpr(clauses))
	querySQL.Where(w, q)
	return clauses, w, nil
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
