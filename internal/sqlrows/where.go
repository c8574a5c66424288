package sqlrows

import (
	"fmt"
	"strings"
	"time"

	"github.com/marsad/marsad"
)

// Where collects the conditions of a WHERE clause and the arguments of a query's placeholders.
type Where struct {
	// Args are the arguments in placeholder order.
	Args  []any
	conds []string
	param func(n int) string
}

// NewWhere returns an empty Where whose placeholders param writes from the argument's number (from 1): "$1"
// in PostgreSQL, "?" in SQLite.
func NewWhere(param func(n int) string) *Where {
	return &Where{param: param}
}

// Add adds the condition cond; given a value v, %s in cond stands for v's placeholder.
func (w *Where) Add(cond string, v ...any) {
	if len(v) > 0 {
		cond = fmt.Sprintf(cond, w.Param(v[0]))
	}
	w.conds = append(w.conds, cond)
}

// Param adds the argument v and returns its placeholder.
func (w *Where) Param(v any) string {
	w.Args = append(w.Args, v)
	return w.param(len(w.Args))
}

// Len returns the number of conditions.
func (w *Where) Len() int { return len(w.conds) }

// String returns the clause, "WHERE" and the conditions joined by AND, or "" when there are none.
func (w *Where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return "WHERE " + strings.Join(w.conds, " AND ")
}

// Limit returns n, or def when n is not positive.
func Limit(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}

// EventSQL is a store's condition for each field of a marsad.EventFilter, %s standing for the placeholder of
// the field's value.
type EventSQL struct {
	Type, Actor, Place, MinConfidence, From, To string
}

// Where adds the conditions of the fields f sets to w. Actor and Place are given as "|" and the folded name
// and "|", which is a substring of an event row's actors (place) exactly when it names one (marsad.EventRow);
// days as YYYY-MM-DD.
func (c EventSQL) Where(w *Where, f marsad.EventFilter) {
	if f.Type != "" {
		w.Add(c.Type, f.Type)
	}
	if f.Actor != "" {
		w.Add(c.Actor, "|"+marsad.FoldName(f.Actor)+"|")
	}
	if f.Place != "" {
		w.Add(c.Place, "|"+marsad.FoldName(f.Place)+"|")
	}
	if f.MinConfidence > 0 {
		w.Add(c.MinConfidence, f.MinConfidence)
	}
	if !f.From.IsZero() {
		w.Add(c.From, f.From.UTC().Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		w.Add(c.To, f.To.UTC().Format(time.DateOnly))
	}
}

// QuerySQL is a store's condition for each field of a marsad.Query besides its text, %s standing for the
// placeholder of the field's value, and the argument a time is compared as.
type QuerySQL struct {
	Source, From, To string
	Time             func(time.Time) any
}

// Where adds the conditions of the fields q sets to w.
func (c QuerySQL) Where(w *Where, q marsad.Query) {
	if q.Source != "" {
		w.Add(c.Source, q.Source)
	}
	if !q.From.IsZero() {
		w.Add(c.From, c.Time(q.From))
	}
	if !q.To.IsZero() {
		w.Add(c.To, c.Time(q.To))
	}
}
