package quotes

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/evalset"
)

// An evaluation file is an annotated set (see internal/evalset) whose inline tags mark the gold layers:
//
//	<e id=sdf type=ORG>قسد</e>   an entity, given to the quoter as doc.Entities (as the ner stage would)
//	<s n=a>فرهاد شامي</s>          a mention of speaker a (a speaker may have several mentions)
//	<q s=a>…</q>                   indirect speech by speaker a; <Q s=a>…</Q> a direct quotation; no s: nobody
//
// A predicted quote matches a gold one when their spans overlap by at least half of their union; its speaker
// is right when it overlaps a mention of the gold speaker or carries the id of an entity on one.

// article is one annotated evaluation document.
type article struct {
	doc      *marsad.Document
	gold     []goldQuote
	mentions map[string][]marsad.Range
}

type goldQuote struct {
	marsad.Range
	direct  bool
	speaker string // label of the speaker, "" for nobody
}

var markup = evalset.NewMarkup("e", "s", "q", "Q")

// readArticles parses the evaluation file name.
func readArticles(name string) ([]article, error) { return evalset.Read(markup, name, newArticle) }

func newArticle(s evalset.Article) (article, error) {
	a := article{doc: s.Document(), mentions: map[string][]marsad.Range{}}
	if len(s.Notes) > 0 {
		return a, errors.New("quotation sets have no '!' lines")
	}
	for _, t := range s.Tags {
		switch t.Name {
		case "e":
			a.doc.Entities = append(a.doc.Entities, marsad.Entity{Type: t.Attrs["type"], ID: t.Attrs["id"],
				Name: t.Attrs["name"], Span: marsad.SpanOf(s.Text, t.Start, t.End)})
		case "s":
			a.mentions[t.Attrs["n"]] = append(a.mentions[t.Attrs["n"]], t.Range)
		case "q", "Q":
			a.gold = append(a.gold, goldQuote{Range: t.Range, direct: t.Name == "Q", speaker: t.Attrs["s"]})
		}
	}
	return a, nil
}

// score counts the matches of one article.
type score struct {
	gold, pred, span, full, direct int
}

func (sc *score) add(o score) {
	sc.gold += o.gold
	sc.pred += o.pred
	sc.span += o.span
	sc.full += o.full
	sc.direct += o.direct
}

func overlap(a, b marsad.Range) int { return max(0, min(a.End, b.End)-max(a.Start, b.Start)) }

func (a article) score(pred []marsad.Quote) score {
	sc := score{gold: len(a.gold), pred: len(pred)}
	used := make([]bool, len(pred))
	for _, g := range a.gold {
		best, bestIoU := -1, 0.0
		for i, p := range pred {
			pr := marsad.Range{Start: p.Start, End: p.End}
			inter := overlap(g.Range, pr)
			union := max(g.End, pr.End) - min(g.Start, pr.Start)
			if iou := float64(inter) / float64(union); !used[i] && inter > 0 && iou > bestIoU {
				best, bestIoU = i, iou
			}
		}
		if best < 0 || bestIoU < 0.5 {
			continue
		}
		used[best] = true
		sc.span++
		if pred[best].Direct == g.direct {
			sc.direct++
		}
		if a.speakerRight(g.speaker, pred[best].Speaker) {
			sc.full++
		}
	}
	return sc
}

func (a article) speakerRight(label string, got *marsad.Ref) bool {
	if label == "" || got == nil {
		return label == "" && got == nil
	}
	gr := marsad.Range{Start: got.Start, End: got.End}
	for _, m := range a.mentions[label] {
		if overlap(m, gr) > 0 {
			return true
		}
		for _, e := range a.doc.Entities {
			if got.ID != "" && e.ID == got.ID && overlap(m, marsad.Range{Start: e.Start, End: e.End}) > 0 {
				return true
			}
		}
	}
	return false
}

// Evaluate runs the quoter on the annotated articles in path, a file or a directory of *.txt files, and writes
// one row per file and a total: span precision, recall and F1 (a quote counts when its span overlaps the gold
// one by half of their union), the same with the speaker also right ("+speaker"), and the share of matched
// quotes whose direct/indirect flag is right.
func Evaluate(w io.Writer, path string) error {
	files, err := evalset.Files(path)
	if err != nil {
		return err
	}
	q := New()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\tgold\tpred\tspan P\tR\tF1\t+speaker P\tR\tF1\tdirect acc\t")
	var total score
	row := func(name string, sc score) {
		p, r, f := evalset.PRF(sc.span, sc.pred, sc.gold)
		fp, fr, ff := evalset.PRF(sc.full, sc.pred, sc.gold)
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", name, sc.gold, sc.pred, p, r, f, fp, fr, ff,
			evalset.Ratio(sc.direct, sc.span))
	}
	for _, file := range files {
		arts, err := readArticles(file)
		if err != nil {
			return err
		}
		var sc score
		for _, a := range arts {
			if err := q.Annotate(a.doc); err != nil {
				return fmt.Errorf("%s: article %s: %w", file, a.doc.ID, err)
			}
			sc.add(a.score(a.doc.Quotes))
		}
		row(filepath.Base(file), sc)
		total.add(sc)
	}
	if len(files) > 1 {
		row("total", total)
	}
	return tw.Flush()
}
