package conflicts

import (
	"fmt"
	"github.com/marsad/marsad/internal/evalset"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/marsad/marsad"
)

// An evaluation file holds articles in a light markup. Each article starts with a line "=== id"; its first
// paragraph is the title and paragraphs are separated by blank lines; lines starting with '#' are comments.
// The numbers layer is given inline, so the check is measured apart from the numbers stage:
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

var numRE = regexp.MustCompile(`<(/?)n((?:\s+\w+=[^\s>]+)*)\s*>`)

func parseArticles(name, src string) ([]article, error) {
	var arts []article
	var id string
	var body, wants []string
	line0 := 0
	flush := func() error {
		if id == "" {
			return nil
		}
		a, err := parseArticle(id, strings.TrimSpace(strings.Join(body, "\n")), wants)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, line0, err)
		}
		arts = append(arts, a)
		return nil
	}
	for n, line := range strings.Split(src, "\n") {
		switch {
		case strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "==="):
			if err := flush(); err != nil {
				return nil, err
			}
			id, body, wants, line0 = strings.TrimSpace(strings.TrimPrefix(line, "===")), nil, nil, n+1
		case strings.HasPrefix(line, "!"):
			wants = append(wants, strings.TrimPrefix(line, "!"))
		default:
			body = append(body, strings.TrimRight(line, " \t\r"))
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return arts, nil
}

func parseArticle(id, src string, wants []string) (article, error) {
	a := article{ids: map[string]marsad.Range{}, gold: map[pair]bool{}}
	doc := &marsad.Document{ID: id}
	var text strings.Builder
	var open map[string]string
	openAt, last := -1, 0
	for _, m := range numRE.FindAllStringSubmatchIndex(src, -1) {
		text.WriteString(src[last:m[0]])
		last = m[1]
		if src[m[2]:m[3]] == "" {
			if openAt >= 0 {
				return a, fmt.Errorf("article %s: nested <n>", id)
			}
			open, openAt = map[string]string{}, text.Len()
			for _, kv := range strings.Fields(src[m[4]:m[5]]) {
				k, v, _ := strings.Cut(kv, "=")
				open[k] = v
			}
			continue
		}
		if openAt < 0 {
			return a, fmt.Errorf("article %s: </n> without <n>", id)
		}
		v, err := strconv.ParseFloat(open["v"], 64)
		if err != nil {
			return a, fmt.Errorf("article %s: quantity %s: %w", id, open["id"], err)
		}
		doc.Quantities = append(doc.Quantities, marsad.Quantity{Span: marsad.Span{Start: openAt, End: text.Len()},
			Value: v, Unit: open["u"], Approx: open["a"]})
		a.ids[open["id"]] = marsad.Range{Start: openAt, End: text.Len()}
		openAt = -1
	}
	if openAt >= 0 {
		return a, fmt.Errorf("article %s: <n> not closed", id)
	}
	text.WriteString(src[last:])
	doc.Text = text.String()
	for i := range doc.Quantities {
		q := &doc.Quantities[i]
		q.Text = doc.Text[q.Start:q.End]
	}
	start := 0
	for _, p := range strings.Split(doc.Text, "\n\n") {
		doc.Paragraphs = append(doc.Paragraphs, marsad.Range{Start: start, End: start + len(p)})
		start += len(p) + 2
	}
	if len(doc.Paragraphs) > 1 {
		doc.TitleEnd = doc.Paragraphs[0].End
	}
	for _, w := range wants {
		f := strings.Fields(w)
		if len(f) < 3 {
			return a, fmt.Errorf("article %s: want \"! kind a b…\", got %q", id, w)
		}
		for _, o := range f[2:] {
			x, ok1 := a.ids[f[1]]
			y, ok2 := a.ids[o]
			if !ok1 || !ok2 {
				return a, fmt.Errorf("article %s: unknown quantity in %q", id, w)
			}
			a.gold[pair{f[0], x, y}] = true
		}
	}
	a.doc = doc
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
		src, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		arts, err := parseArticles(file, string(src))
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
