package ner

import (
	"fmt"
	"github.com/marsad/marsad/internal/evalset"
	"io"
	"os"
	"strings"
	"text/tabwriter"
)

// chunk is an entity span [start, end) of tokens with its type ("PERS", "LOC", "ORG", "MISC").
type chunk struct {
	start, end int
	typ        string
}

// chunks reads entity spans from IOB tags as conlleval does: an I- tag that does not continue a span of its
// type starts a new one.
func chunks(tags []string) []chunk {
	var out []chunk
	open := -1
	typ := ""
	for i := 0; i <= len(tags); i++ {
		prefix, t := "O", ""
		if i < len(tags) && tags[i] != "O" {
			prefix, t, _ = strings.Cut(tags[i], "-")
		}
		continues := prefix == "I" && t == typ && open >= 0
		if open >= 0 && !continues {
			out = append(out, chunk{open, i, typ})
			open, typ = -1, ""
		}
		if prefix != "O" && !continues {
			open, typ = i, t
		}
	}
	return out
}

// Scores counts entity-level matches per type: an entity counts as found only with its exact span and type.
type Scores struct {
	Gold, Pred, Correct map[string]int
}

func newScores() *Scores {
	return &Scores{Gold: map[string]int{}, Pred: map[string]int{}, Correct: map[string]int{}}
}

func (s *Scores) add(gold, pred []string) {
	g := chunks(gold)
	p := chunks(pred)
	set := map[chunk]bool{}
	for _, c := range g {
		set[c] = true
		s.Gold[c.typ]++
		s.Gold[""]++
	}
	for _, c := range p {
		s.Pred[c.typ]++
		s.Pred[""]++
		if set[c] {
			s.Correct[c.typ]++
			s.Correct[""]++
		}
	}
}

// PRF returns precision, recall and F1 for one type, or overall for "".
func (s *Scores) PRF(typ string) (p, r, f float64) {
	return evalset.PRF(s.Correct[typ], s.Pred[typ], s.Gold[typ])
}

// WriteTable prints the scores as a small table, one row per type and the overall row.
func (s *Scores) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "type\tgold\tpred\tcorrect\tP\tR\tF1\t")
	for _, typ := range []string{"PERS", "LOC", "ORG", "MISC", ""} {
		p, r, f := s.PRF(typ)
		name := typ
		if name == "" {
			name = "all"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t\n", name, s.Gold[typ], s.Pred[typ], s.Correct[typ], p, r, f)
	}
	return tw.Flush()
}

// Score tags the sentences as one running text (as TagCoNLL does) and counts entity matches against their
// gold tags.
func (tg *Tagger) Score(sents []Sentence) *Scores {
	doc := make([][]string, len(sents))
	for i, snt := range sents {
		doc[i] = snt.Words
	}
	s := newScores()
	sc := tg.getScratch()
	defer tg.putScratch(sc)
	for i, t := range tg.tagDoc(sc, doc) {
		pred := make([]string, len(t.path))
		for j, id := range t.path {
			pred[j] = Tags[id]
		}
		s.add(sents[i].Tags, pred)
	}
	return s
}

// Evaluate tags the CoNLL file at path with the embedded model and writes conlleval-style entity-level
// precision, recall and F1 per type and overall. The embedded model was trained on the whole ANERcorp train
// split, so score it on text outside that split (the CAMeL test split, or your own annotated file).
func Evaluate(w io.Writer, path string) error {
	tg, err := Default()
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sents, err := ReadCoNLL(f, path)
	if err != nil {
		return err
	}
	return tg.Score(sents).WriteTable(w)
}
