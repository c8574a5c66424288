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
	"github.com/marsad/marsad/numbers"
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
func readArticles(name string) ([]article, error) { return evalset.Read(markup, name, newArticle) }

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

func pairs(cs []marsad.Conflict) []pair {
	var ps []pair
	for _, c := range cs {
		for _, s := range c.Spans[1:] {
			ps = append(ps, pair{c.Kind, marsad.Range{Start: c.Spans[0].Start, End: c.Spans[0].End},
				marsad.Range{Start: s.Start, End: s.End}})
		}
	}
	return ps
}

// score counts articles, expected and predicted pairs, the pairs that match and the articles with a false alarm.
type score struct{ arts, gold, pred, match, alarms int }

func (s *score) add(o score) {
	s.arts += o.arts
	s.gold += o.gold
	s.pred += o.pred
	s.match += o.match
	s.alarms += o.alarms
}

// score matches the predicted pairs got with the gold pairs of a. A predicted pair matches an unused gold pair
// of its kind whose two spans overlap its own, so a quantity the numbers stage reads a word narrower than the
// markup ("52 كم2" in "أكثر من 52 كم2") still counts; with gold quantities the spans are the same.
func (a article) score(got []pair) score {
	s := score{arts: 1, gold: len(a.gold), pred: len(got)}
	used := map[pair]bool{}
	for _, p := range got {
		m, ok := pair{}, false
		for g := range a.gold {
			if !used[g] && g.kind == p.kind && overlap(g.a, p.a) && overlap(g.b, p.b) && (!ok || before(g, m)) {
				m, ok = g, true
			}
		}
		if ok {
			used[m] = true
			s.match++
		}
	}
	if s.match < s.pred {
		s.alarms = 1
	}
	return s
}

func overlap(x, y marsad.Range) bool { return x.Start < y.End && y.Start < x.End }

// before orders gold pairs so that matching does not depend on map order.
func before(x, y pair) bool {
	if x.a != y.a {
		return x.a.Start < y.a.Start
	}
	return x.b.Start < y.b.Start
}

// Evaluate runs the checker on the annotated articles in path, a file or a directory of *.txt files, and
// writes two tables, one row per file and a total: articles, expected and predicted conflicting pairs,
// precision, recall, F1, and the articles with a false alarm. The first table gives the checker the gold
// quantities of the markup and so measures it alone; the second reads the quantities with the numbers stage,
// as the pipeline does, and shows what users get.
func Evaluate(w io.Writer, path string) error {
	files, err := evalset.Files(path)
	if err != nil {
		return err
	}
	sets := make([][]article, len(files))
	for i, file := range files {
		if sets[i], err = readArticles(file); err != nil {
			return err
		}
	}
	c := New()
	modes := []struct {
		name       string
		quantities marsad.Annotator // nil: the gold quantities
	}{
		{"gold quantities (the check alone)", nil},
		{"quantities from the numbers stage (end to end)", numbers.New()},
	}
	for k, mode := range modes {
		if k > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, mode.name+":")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "set\tarticles\tgold\tpred\tP\tR\tF1\tfalse alarms\t")
		row := func(name string, s score) {
			p, r, f := evalset.PRF(s.match, s.pred, s.gold)
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%d\t\n", name, s.arts, s.gold, s.pred, p, r, f, s.alarms)
		}
		var total score
		for i, arts := range sets {
			var s score
			for _, a := range arts {
				doc := a.doc
				if mode.quantities != nil {
					doc = a.plain()
					if err := mode.quantities.Annotate(doc); err != nil {
						return fmt.Errorf("%s: article %s: %w", files[i], doc.ID, err)
					}
				}
				if err := c.Annotate(doc); err != nil {
					return fmt.Errorf("%s: article %s: %w", files[i], doc.ID, err)
				}
				s.add(a.score(pairs(doc.Conflicts)))
			}
			row(filepath.Base(files[i]), s)
			total.add(s)
		}
		if len(files) > 1 {
			row("total", total)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// plain returns a copy of the article's document without its layers.
func (a article) plain() *marsad.Document {
	return &marsad.Document{ID: a.doc.ID, Text: a.doc.Text, Paragraphs: a.doc.Paragraphs, TitleEnd: a.doc.TitleEnd}
}
