package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

var _ marsad.Annotator = (*Tagger)(nil)

// entityTypes maps ANERcorp's types to the document model's.
var entityTypes = map[string]string{"PERS": marsad.PER, "LOC": marsad.LOC, "ORG": marsad.ORG, "MISC": marsad.MISC}

// confidenceTemperature scales perceptron scores into the confidence distribution (see marginals); it was
// set so that confidence tracks precision on the development set.
const confidenceTemperature = 4.0

// Annotate tags each sentence of doc.Text (the whole text when doc.Sentences is empty) and appends an Entity
// for every entity span, typed PER, ORG, LOC or MISC, with the mean probability of its tags as Confidence.
// ID and Name stay empty: resolving a mention to a canonical entity is the gazetteer's job.
func (tg *Tagger) Annotate(doc *marsad.Document) error {
	sents := doc.Sentences
	if len(sents) == 0 {
		sents = []marsad.Range{{Start: 0, End: len(doc.Text)}}
	}
	var toks []arabic.Token
	var words []string
	for _, r := range sents {
		if r.Start < 0 || r.End > len(doc.Text) || r.Start > r.End {
			return fmt.Errorf("ner: document %s: sentence [%d,%d) outside the text", doc.ID, r.Start, r.End)
		}
		text := doc.Text[r.Start:r.End]
		toks = AppendTokens(toks[:0], text)
		if len(toks) == 0 {
			continue
		}
		words = words[:0]
		for _, t := range toks {
			words = append(words, text[t.Start:t.End])
		}
		s := tg.lex.prepare(words)
		em := tg.emissions(s)
		path := viterbi(em, &tg.trans, len(words))
		probs := marginals(em, &tg.trans, len(words), confidenceTemperature)
		tags := make([]string, len(path))
		for i, t := range path {
			tags[i] = Tags[t]
		}
		for _, c := range chunks(tags) {
			conf := 0.0
			for i := c.start; i < c.end; i++ {
				conf += probs[i*numTags+path[i]]
			}
			conf /= float64(c.end - c.start)
			start, end := r.Start+toks[c.start].Start, r.Start+toks[c.end-1].End
			doc.Entities = append(doc.Entities, marsad.Entity{
				Span:       marsad.SpanOf(doc.Text, start, end),
				Type:       entityTypes[c.typ],
				Confidence: float64(int(conf*1000+0.5)) / 1000,
			})
		}
	}
	return nil
}

// TagCoNLL reads CoNLL-style input, one token per line (further fields, such as a gold tag, are ignored)
// with a blank line between sentences, and writes "token TAG" lines in the same layout.
func (tg *Tagger) TagCoNLL(r io.Reader, w io.Writer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	bw := bufio.NewWriter(w)
	var words []string
	flush := func() {
		for i, tag := range tg.Tag(words) {
			bw.WriteString(words[i])
			bw.WriteByte(' ')
			bw.WriteString(tag)
			bw.WriteByte('\n')
		}
		words = words[:0]
	}
	n := 0
	for sc.Scan() {
		n++
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			if len(words) > 0 {
				flush()
				bw.WriteByte('\n')
			}
			continue
		}
		words = append(words, fields[0])
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("ner: conll line %d: %w", n+1, err)
	}
	if len(words) > 0 {
		flush()
	}
	return bw.Flush()
}
