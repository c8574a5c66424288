package gazetteer

import (
	"bufio"
	"errors"
	"fmt"
	"github.com/marsad/marsad/internal/evalset"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/marsad/marsad"
)

// Gold is an annotated mention of an evaluation document.
type Gold struct {
	marsad.Span
	Type string
	// ID is the expected canonical id; empty when only the coordinates are checked.
	ID string
	// HasCoord tells whether Lat and Lon are expected, within MaxKm.
	HasCoord bool
	Lat, Lon float64
}

// GoldDoc is an evaluation document: its text and its annotated mentions.
type GoldDoc struct {
	Text     string
	Mentions []Gold
}

// MaxKm is how far a resolved place may lie from the expected coordinates.
const MaxKm = 30

// ErrMarkup is returned for a malformed annotation.
var ErrMarkup = errors.New("bad markup")

// ParseGold reads evaluation documents. Documents are separated by blank lines; a line starting with "#" is
// a comment; a document's lines are its paragraphs. A mention is written in place as
// [text|TYPE|id] or [text|TYPE|id|lat,lon] (id may be empty when coordinates are given), e.g.
// "سيطرت [قسد|ORG|sdf] على [الباغوز|LOC||34.43,40.99]".
func ParseGold(r io.Reader) ([]GoldDoc, error) {
	var docs []GoldDoc
	var lines []string
	flush := func(line int) error {
		if len(lines) == 0 {
			return nil
		}
		d, err := parseDoc(strings.Join(lines, "\n\n"))
		if err != nil {
			return fmt.Errorf("document ending at line %d: %w", line, err)
		}
		docs = append(docs, d)
		lines = lines[:0]
		return nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		t := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(t, "#"):
		case t == "":
			if err := flush(n); err != nil {
				return nil, err
			}
		default:
			lines = append(lines, t)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := flush(n); err != nil {
		return nil, err
	}
	return docs, nil
}

func parseDoc(src string) (GoldDoc, error) {
	var d GoldDoc
	var b strings.Builder
	for {
		i := strings.IndexByte(src, '[')
		if i < 0 {
			if strings.IndexByte(src, ']') >= 0 {
				return d, fmt.Errorf("%w: stray ]", ErrMarkup)
			}
			b.WriteString(src)
			break
		}
		if strings.IndexByte(src[:i], ']') >= 0 {
			return d, fmt.Errorf("%w: stray ]", ErrMarkup)
		}
		b.WriteString(src[:i])
		j := strings.IndexByte(src[i:], ']')
		if j < 0 {
			return d, fmt.Errorf("%w: unclosed [", ErrMarkup)
		}
		f := strings.Split(src[i+1:i+j], "|")
		src = src[i+j+1:]
		if len(f) < 3 || len(f) > 4 || f[0] == "" || strings.ContainsRune(f[0], '[') {
			return d, fmt.Errorf("%w: %q", ErrMarkup, strings.Join(f, "|"))
		}
		g := Gold{Type: f[1], ID: f[2]}
		switch g.Type {
		case marsad.PER, marsad.ORG, marsad.LOC, marsad.MISC:
		default:
			return d, fmt.Errorf("%w: type %q", ErrMarkup, g.Type)
		}
		if len(f) == 4 {
			lat, lon, ok := strings.Cut(f[3], ",")
			var e1, e2 error
			g.Lat, e1 = strconv.ParseFloat(strings.TrimSpace(lat), 64)
			g.Lon, e2 = strconv.ParseFloat(strings.TrimSpace(lon), 64)
			if !ok || e1 != nil || e2 != nil {
				return d, fmt.Errorf("%w: coordinates %q", ErrMarkup, f[3])
			}
			g.HasCoord = true
		}
		if g.ID == "" && !g.HasCoord {
			return d, fmt.Errorf("%w: %q has neither id nor coordinates", ErrMarkup, f[0])
		}
		start := b.Len()
		b.WriteString(f[0])
		g.Span = marsad.Span{Start: start, End: b.Len()}
		d.Mentions = append(d.Mentions, g)
	}
	d.Text = b.String()
	for i := range d.Mentions {
		d.Mentions[i].Text = d.Text[d.Mentions[i].Start:d.Mentions[i].End]
	}
	return d, nil
}

// correct reports whether e resolves gold mention g: same type, same id when one is expected, and within
// MaxKm of the expected coordinates.
func correct(g Gold, e marsad.Entity) bool {
	if e.Type != g.Type || g.ID != "" && e.ID != g.ID {
		return false
	}
	if g.HasCoord {
		return e.Lat != nil && e.Lon != nil && km(g.Lat, g.Lon, *e.Lat, *e.Lon) <= MaxKm
	}
	return true
}

// Score is the result of one evaluation run.
type Score struct {
	Mentions  int // gold mentions
	Correct   int // resolved right (type, id, coordinates); in find mode the span must match too
	Predicted int // entities output (find mode)
	Matched   int // output entities whose span and type are a gold mention's (find mode)
	Errors    []string
}

// Accuracy is Correct / Mentions.
func (s Score) Accuracy() float64 { return evalset.Ratio(s.Correct, s.Mentions) }

// Precision is Matched / Predicted.
func (s Score) Precision() float64 { return evalset.Ratio(s.Matched, s.Predicted) }

// EvalGold resolves the gold spans, given with their types and without ids, as the tagger would hand them over.
func (r *Resolver) EvalGold(docs []GoldDoc) (Score, error) {
	var s Score
	for _, d := range docs {
		doc := &marsad.Document{Text: d.Text}
		for _, g := range d.Mentions {
			doc.Entities = append(doc.Entities, marsad.Entity{Span: g.Span, Type: g.Type})
		}
		rr := *r
		rr.AddMissing = false
		if err := rr.Annotate(doc); err != nil {
			return s, err
		}
		for i, g := range d.Mentions {
			s.Mentions++
			if e := doc.Entities[i]; correct(g, e) {
				s.Correct++
			} else {
				s.Errors = append(s.Errors, fmt.Sprintf("gold %q %s %s: got %s %q %s", g.Text, g.Type, expected(g), e.Type, e.ID, coord(e)))
			}
		}
	}
	return s, nil
}

// EvalFind lets the resolver find the mentions itself from the gazetteer and actor table alone.
func (r *Resolver) EvalFind(docs []GoldDoc) (Score, error) {
	return r.evalPrepared(docs, nil)
}

// evalPrepared is EvalFind with the documents first given to prepare (nil for none): a tagger, so the score
// is that of the tagger and the resolver together.
func (r *Resolver) evalPrepared(docs []GoldDoc, prepare func(*marsad.Document) error) (Score, error) {
	var s Score
	for _, d := range docs {
		doc := &marsad.Document{Text: d.Text}
		if prepare != nil {
			if err := prepare(doc); err != nil {
				return s, err
			}
		}
		rr := *r
		rr.AddMissing = true
		rr.AfterTagger = prepare != nil
		if err := rr.Annotate(doc); err != nil {
			return s, err
		}
		byStart := map[[2]int]marsad.Entity{}
		for _, e := range doc.Entities {
			byStart[[2]int{e.Start, e.End}] = e
		}
		gold := map[[2]int]Gold{}
		for _, g := range d.Mentions {
			gold[[2]int{g.Start, g.End}] = g
			s.Mentions++
			e, ok := byStart[[2]int{g.Start, g.End}]
			switch {
			case ok && correct(g, e):
				s.Correct++
			case ok:
				s.Errors = append(s.Errors, fmt.Sprintf("gold %q %s %s: got %s %q %s", g.Text, g.Type, expected(g), e.Type, e.ID, coord(e)))
			default:
				s.Errors = append(s.Errors, fmt.Sprintf("gold %q %s %s: missed", g.Text, g.Type, expected(g)))
			}
		}
		for _, e := range doc.Entities {
			s.Predicted++
			if g, ok := gold[[2]int{e.Start, e.End}]; ok && g.Type == e.Type {
				s.Matched++
			} else if !ok {
				s.Errors = append(s.Errors, fmt.Sprintf("extra %q %s %q %s", e.Text, e.Type, e.ID, coord(e)))
			}
		}
	}
	return s, nil
}

func expected(g Gold) string {
	if g.HasCoord {
		return fmt.Sprintf("%q (%.2f,%.2f)", g.ID, g.Lat, g.Lon)
	}
	return strconv.Quote(g.ID)
}

func coord(e marsad.Entity) string {
	if e.Lat == nil || e.Lon == nil {
		return ""
	}
	return fmt.Sprintf("(%.2f,%.2f)", *e.Lat, *e.Lon)
}

// Evaluate scores the default resolver on the annotated documents at path (a file, or a directory of *.txt
// files such as this package's testdata) and prints, per file, the accuracy of type + id + coordinates in two
// modes: "gold", resolving the gold spans as the tagger would hand them over, and "find", where the resolver
// finds the mentions itself from the gazetteer and actor table alone (with its precision).
func Evaluate(w io.Writer, path string) error {
	return EvaluateTagged(w, path, nil)
}

// EvaluateTagged is Evaluate with a third mode, "tagged", when tag is not nil: tag (segmenting and running
// the NER tagger, say) fills the entities first and the resolver resolves them and adds what they missed, as
// in the standard pipeline.
func EvaluateTagged(w io.Writer, path string, tag func(*marsad.Document) error) error {
	files, err := evalset.Files(path)
	if err != nil {
		return err
	}
	r := NewResolver(Default())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\tmode\tmentions\tcorrect\taccuracy\tpredicted\tprecision\t")
	for _, f := range files {
		docs, err := readGold(f)
		if err != nil {
			return err
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		g, err := r.EvalGold(docs)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\tgold\t%d\t%d\t%.3f\t\t\t\n", name, g.Mentions, g.Correct, g.Accuracy())
		fd, err := r.EvalFind(docs)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\tfind\t%d\t%d\t%.3f\t%d\t%.3f\t\n", name, fd.Mentions, fd.Correct, fd.Accuracy(), fd.Predicted, fd.Precision())
		if tag != nil {
			td, err := r.evalPrepared(docs, tag)
			if err != nil {
				return err
			}
			fmt.Fprintf(tw, "%s\ttagged\t%d\t%d\t%.3f\t%d\t%.3f\t\n", name, td.Mentions, td.Correct, td.Accuracy(), td.Predicted, td.Precision())
		}
	}
	return tw.Flush()
}

func readGold(path string) ([]GoldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ParseGold(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}
