package ner

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

var _ marsad.Annotator = (*Tagger)(nil)

// entityTypes maps ANERcorp's types to the document model's.
var entityTypes = map[string]string{"PERS": marsad.PER, "LOC": marsad.LOC, "ORG": marsad.ORG, "MISC": marsad.MISC}

// confidenceTemperature scales perceptron scores into the confidence distribution (see marginals); 16 gave
// the lowest Brier score of entity confidence against exact-match correctness on the development set.
const confidenceTemperature = 16.0

// Annotate tags each sentence of doc.Text (the whole text when doc.Sentences is empty) and appends an Entity
// for every entity span, typed PER, ORG, LOC or MISC, with the mean probability of its tags as Confidence.
// ID and Name stay empty: resolving a mention to a canonical entity is the gazetteer's job.
func (tg *Tagger) Annotate(doc *marsad.Document) error {
	sents := doc.Sentences
	if len(sents) == 0 {
		sents = []marsad.Range{{Start: 0, End: len(doc.Text)}}
	}
	// Tokens of every sentence, in document offsets, then one tagging of the whole text so the context model
	// sees the other sentences.
	toks := make([][]arabic.Token, 0, len(sents))
	doc2 := make([][]string, 0, len(sents))
	for _, r := range sents {
		if r.Start < 0 || r.End > len(doc.Text) || r.Start > r.End {
			return fmt.Errorf("ner: document %s: sentence [%d,%d) outside the text", doc.ID, r.Start, r.End)
		}
		ts := AppendTokens(nil, doc.Text[r.Start:r.End])
		if len(ts) == 0 {
			continue
		}
		words := make([]string, len(ts))
		for i := range ts {
			ts[i].Start += r.Start
			ts[i].End += r.Start
			words[i] = doc.Text[ts[i].Start:ts[i].End]
		}
		toks = append(toks, ts)
		doc2 = append(doc2, words)
	}
	sc := tg.getScratch()
	defer tg.putScratch(sc)
	for j, t := range tg.tagDoc(sc, doc2) {
		if !slices.ContainsFunc(t.path, func(id int) bool { return id != 0 }) {
			continue
		}
		sc.marg = slices.Grow(sc.marg[:0], len(t.em))[:len(t.em)]
		sc.buf = slices.Grow(sc.buf[:0], 3*len(t.em))
		probs := marginals(sc.marg, sc.buf, t.em, &tg.pot, len(t.path), confidenceTemperature)
		tags := make([]string, len(t.path))
		for i, id := range t.path {
			tags[i] = Tags[id]
		}
		for _, c := range chunks(tags) {
			conf := 0.0
			for i := c.start; i < c.end; i++ {
				conf += probs[i*numTags+t.path[i]]
			}
			conf /= float64(c.end - c.start)
			doc.Entities = append(doc.Entities, marsad.Entity{
				Span:       marsad.SpanOf(doc.Text, toks[j][c.start].Start, toks[j][c.end-1].End),
				Type:       entityTypes[c.typ],
				Confidence: math.Round(conf*1000) / 1000,
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
	var doc [][]string
	var words []string
	// Sentences are tagged in blocks, so input of any length streams through; a block boundary only cuts the
	// context the second stage sees.
	scr := tg.getScratch()
	defer tg.putScratch(scr)
	flush := func() {
		for _, t := range tg.tagDoc(scr, doc) {
			for i, id := range t.path {
				bw.WriteString(t.words[i])
				bw.WriteByte(' ')
				bw.WriteString(Tags[id])
				bw.WriteByte('\n')
			}
			bw.WriteByte('\n')
		}
		doc = doc[:0]
	}
	n := 0
	for sc.Scan() {
		n++
		fields := strings.Fields(sc.Text())
		if len(fields) > 0 {
			words = append(words, fields[0])
			continue
		}
		if len(words) > 0 {
			doc = append(doc, words)
			words = nil
			if len(doc) >= conllBlock {
				flush()
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("ner: conll line %d: %w", n+1, err)
	}
	if len(words) > 0 {
		doc = append(doc, words)
	}
	flush()
	return bw.Flush()
}

// conllBlock is the number of sentences TagCoNLL tags at once.
const conllBlock = 2000
