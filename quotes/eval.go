package quotes

import (
	"fmt"
	"github.com/marsad/marsad/internal/evalset"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/tabwriter"

	"github.com/marsad/marsad"
)

// An evaluation file holds articles in a light markup. Each article starts with a line "=== id"; its first
// paragraph is the title and paragraphs are separated by blank lines; lines starting with '#' are comments.
// Inline tags mark the gold layers:
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

var tagRE = regexp.MustCompile(`<(/?)([esqQ])((?:\s+\w+=[^\s>]+)*)\s*>`)

// parseArticles reads the articles of an evaluation file; name is used in error messages.
func parseArticles(name, src string) ([]article, error) {
	var arts []article
	var id string
	var body []string
	line0 := 0
	flush := func() error {
		if id == "" {
			return nil
		}
		a, err := parseArticle(id, strings.TrimSpace(strings.Join(body, "\n")))
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
			id, body, line0 = strings.TrimSpace(strings.TrimPrefix(line, "===")), nil, n+1
		default:
			body = append(body, strings.TrimRight(line, " \t\r"))
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return arts, nil
}

func parseArticle(id, src string) (article, error) {
	type open struct {
		tag   string
		attrs map[string]string
		start int
	}
	var (
		text  strings.Builder
		stack []open
		a     = article{mentions: map[string][]marsad.Range{}}
		doc   = &marsad.Document{ID: id}
	)
	last := 0
	for _, m := range tagRE.FindAllStringSubmatchIndex(src, -1) {
		text.WriteString(src[last:m[0]])
		last = m[1]
		closing, tag := src[m[2]:m[3]] == "/", src[m[4]:m[5]]
		if !closing {
			attrs := map[string]string{}
			for _, kv := range strings.Fields(src[m[6]:m[7]]) {
				k, v, _ := strings.Cut(kv, "=")
				attrs[k] = v
			}
			stack = append(stack, open{tag, attrs, text.Len()})
			continue
		}
		j := len(stack) - 1
		for j >= 0 && stack[j].tag != tag {
			j--
		}
		if j < 0 {
			return a, fmt.Errorf("article %s: </%s> without <%s>", id, tag, tag)
		}
		o := stack[j]
		stack = append(stack[:j], stack[j+1:]...)
		r := marsad.Range{Start: o.start, End: text.Len()}
		switch tag {
		case "e":
			doc.Entities = append(doc.Entities, marsad.Entity{Type: o.attrs["type"], ID: o.attrs["id"], Name: o.attrs["name"],
				Span: marsad.Span{Start: r.Start, End: r.End}})
		case "s":
			a.mentions[o.attrs["n"]] = append(a.mentions[o.attrs["n"]], r)
		case "q", "Q":
			a.gold = append(a.gold, goldQuote{Range: r, direct: tag == "Q", speaker: o.attrs["s"]})
		}
	}
	if len(stack) > 0 {
		return a, fmt.Errorf("article %s: <%s> not closed", id, stack[len(stack)-1].tag)
	}
	text.WriteString(src[last:])
	doc.Text = text.String()
	for i := range doc.Entities {
		e := &doc.Entities[i]
		e.Text = doc.Text[e.Start:e.End]
	}
	start := 0
	for _, p := range strings.Split(doc.Text, "\n\n") {
		doc.Paragraphs = append(doc.Paragraphs, marsad.Range{Start: start, End: start + len(p)})
		start += len(p) + 2
	}
	if len(doc.Paragraphs) > 1 {
		doc.TitleEnd = doc.Paragraphs[0].End
	}
	a.doc = doc
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
		src, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		arts, err := parseArticles(file, string(src))
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
