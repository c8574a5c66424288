package sqlite

import (
	"bufio"
	"context"
	_ "embed"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/search"
)

//go:embed searcheval.txt
var searchEvalQueries string

// SearchEval measures what the Arabic-aware index finds against a baseline on the same SQLite: FTS5's own
// unicode61 tokenizer over the raw text. An article is relevant to a query when a hand-written pattern for
// its concept matches the text; recall is the share of relevant articles a query form retrieves.
type SearchEval struct {
	s        *Store
	concepts []evalConcept
}

type evalConcept struct {
	pattern  *regexp.Regexp
	forms    []string
	relevant map[string]bool // article ids
}

// NewSearchEval prepares the baseline index in s, which should be a new, empty store.
func NewSearchEval(s *Store) (*SearchEval, error) {
	if _, err := s.db.Exec(`CREATE VIRTUAL TABLE IF NOT EXISTS plain USING fts5(text, content='', tokenize='unicode61')`); err != nil {
		return nil, err
	}
	e := &SearchEval{s: s}
	sc := bufio.NewScanner(strings.NewReader(searchEvalQueries))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		pat, forms, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("searcheval.txt: %q: want pattern<TAB>forms", line)
		}
		re, err := regexp.Compile(pat)
		if err != nil {
			return nil, fmt.Errorf("searcheval.txt: %w", err)
		}
		e.concepts = append(e.concepts, evalConcept{pattern: re, forms: strings.Split(forms, "|"), relevant: map[string]bool{}})
	}
	return e, nil
}

// Add stores the documents, indexes them for the baseline and judges their relevance.
func (e *SearchEval) Add(ctx context.Context, docs []*marsad.Document) error {
	added, err := e.s.Put(ctx, docs)
	if err != nil {
		return err
	}
	for i, d := range docs {
		if !added[i] {
			continue
		}
		if _, err := e.s.db.ExecContext(ctx, `INSERT INTO plain(rowid, text) SELECT rowid, ? FROM articles WHERE id = ?`, d.Text, d.ID); err != nil {
			return err
		}
		for _, c := range e.concepts {
			if c.pattern.MatchString(d.Text) {
				c.relevant[d.ID] = true
			}
		}
	}
	return nil
}

// Report prints recall and precision of every query form under both indexes.
func (e *SearchEval) Report(ctx context.Context, w io.Writer) error {
	fmt.Fprintf(w, "%-14s %8s | %-17s | %-17s\n", "query", "relevant", "marsad  R     P", "unicode61  R   P")
	var sumA, sumB float64
	var n int
	for _, c := range e.concepts {
		for _, f := range c.forms {
			a, err := e.retrieve(ctx, `SELECT a.id FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH ?`, f, true)
			if err != nil {
				return err
			}
			b, err := e.retrieve(ctx, `SELECT a.id FROM plain JOIN articles a ON a.rowid = plain.rowid WHERE plain MATCH ?`, f, false)
			if err != nil {
				return err
			}
			ra, pa := recallPrecision(a, c.relevant)
			rb, pb := recallPrecision(b, c.relevant)
			sumA, sumB, n = sumA+ra, sumB+rb, n+1
			fmt.Fprintf(w, "%-14s %8d | %6.3f  %6.3f   | %6.3f  %6.3f\n", f, len(c.relevant), ra, pa, rb, pb)
		}
	}
	if n > 0 {
		fmt.Fprintf(w, "%-14s %8s | %6.3f           | %6.3f\n", "mean recall", "", sumA/float64(n), sumB/float64(n))
	}
	return nil
}

func (e *SearchEval) retrieve(ctx context.Context, query, form string, analyzed bool) (map[string]bool, error) {
	match := quote(form)
	if analyzed {
		clauses, err := search.Parse(form)
		if err != nil {
			return nil, err
		}
		match = MatchExpr(clauses)
	}
	rows, err := e.s.db.QueryContext(ctx, query, match)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	got := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		got[id] = true
	}
	return got, rows.Err()
}

func recallPrecision(got, relevant map[string]bool) (recall, precision float64) {
	hit := 0
	for id := range got {
		if relevant[id] {
			hit++
		}
	}
	if len(relevant) > 0 {
		recall = float64(hit) / float64(len(relevant))
	}
	if len(got) > 0 {
		precision = float64(hit) / float64(len(got))
	}
	return recall, precision
}
