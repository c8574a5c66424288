package conflicts

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/evalset"
)

// An evaluation file is an annotated set (see internal/evalset) whose <n> tags give the numbers layer, so the
// check is measured apart from the numbers stage:
//
//	<n id=a v=52000 u=km2 a=over>اثنين وخمسين ألف كيلو متر مربع</n>
//
// and a line "! headline_body a b c" expects a conflict of that kind between quantity a and each of b, c.
// Scores count pairs (first span, other span) of predicted and expected conflicts, with their kind.

type article struct {
	doc  *marsad.Document
	ids  map[string]marsad.Range
	gold map[pair]bool
}

type pair struct {
	kind string
	a, b marsad.Range
}

var markup = evalset.NewMarkup("n")

// readArticles parses the evaluation file name.
func readArticles(name string) ([]article, error) {
	src, err := markup.ReadFile(name)
	if err != nil {
		return nil, err
	}
	arts := make([]article, 0, len(src))
	for _, s := range src {
		a, err := newArticle(s)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: article %s: %w", name, s.Line, s.ID, err)
		}
		arts = append(arts, a)
	}
	return arts, nil
}

func newArticle(s evalset.Article) (article, error) {
	a := article{doc: s.Document(), ids: map[string]marsad.Range{}, gold: map[pair]bool{}}
	for _, t := range s.Tags {
		v, err := strconv.ParseFloat(t.Attrs["v"], 64)
		if err != nil {
			return a, fmt.Errorf("quantity %s: %w", t.Attrs["id"], err)
		}
		a.doc.Quantities = append(a.doc.Quantities, marsad.Quantity{Span: marsad.SpanOf(s.Text, t.Start, t.End),
			Value: v, Unit: t.Attrs["u"], Approx: t.Attrs["a"]})
		a.ids[t.Attrs["id"]] = t.Range
	}
	for _, w := range s.Notes {
		f := strings.Fields(w)
		if len(f) < 3 {
			return a, fmt.Errorf("want \"! kind a b…\", got %q", w)
		}
		for _, o := range f[2:] {
			x, ok1 := a.ids[f[1]]
			y, ok2 := a.ids[o]
			if !ok1 || !ok2 {
				return a, fmt.Errorf("unknown quantity in %q", w)
			}
			a.gold[pair{f[0], x, y}] = true
		}
	}
	return a, nil
}

func pairs(cs []marsad.Conflict) map[pair]bool {
	ps := map[pair]bool{}
	for _, c := range cs {
		for _, s := range c.Spans[1:] {
			ps[pair{c.Kind, marsad.Range{Start: c.Spans[0].Start, End: c.Spans[0].End},
				marsad.Range{Start: s.Start, End: s.End}}] = true
		}
	}
	return ps
}

// Evaluate runs the checker on the annotated articles in path, a file or a directory of *.txt files, and
// writes one row per file and a total: articles, expected and predicted conflicting pairs, precision, recall,
// F1, and the articles with a false alarm.
func Evaluate(w io.Writer, path string) error {
	files, err := evalset.Files(path)
	if err != nil {
		return err
	}
	c := New()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\tarticles\tgold\tpred\tP\tR\tF1\tfalse alarms\t")
	type score struct{ arts, gold, pred, match, alarms int }
	var total score
	row := func(name string, s score) {
		p, r, f := evalset.PRF(s.match, s.pred, s.gold)
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%d\t\n", name, s.arts, s.gold, s.pred, p, r, f, s.alarms)
	}
	for _, file := range files {
		arts, err := readArticles(file)
		if err != nil {
			return err
		}
		var s score
		for _, a := range arts {
			if err := c.Annotate(a.doc); err != nil {
				return fmt.Errorf("%s: article %s: %w", file, a.doc.ID, err)
			}
			got := pairs(a.doc.Conflicts)
			s.arts++
			s.gold += len(a.gold)
			s.pred += len(got)
			alarm := false
			for p := range got {
				if a.gold[p] {
					s.match++
				} else {
					alarm = true
				}
			}
			if alarm {
				s.alarms++
			}
		}
		row(filepath.Base(file), s)
		total.arts += s.arts
		total.gold += s.gold
		total.pred += s.pred
		total.match += s.match
		total.alarms += s.alarms
	}
	if len(files) > 1 {
		row("total", total)
	}
	return tw.Flush()
}
