package ner

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad"
)

var _ marsad.Annotator = (*Tagger)(nil)

// entityTypes maps ANERcorp's types to the document model's.
var entityTypes = map[string]string{"PERS": marsad.PER, "LOC": marsad.LOC, "ORG": marsad.ORG, "MISC": marsad.MISC}

// confidenceTemperature scales perceptron scores into the confidence distribution (see marginals); 24 gave
// the lowest Brier score of entity confidence against exact-match correctness on the development set (0.147,
// model trained on the first 90%; 16 gave 0.159, 32 0.156).
const confidenceTemperature = 24.0

// Annotate tags each sentence of doc.Text (the whole text when doc.Sentences is empty) and appends an Entity
// for every entity span, typed PER, ORG, LOC or MISC, with the mean probability of its tags as Confidence.
// ID and Name stay empty: resolving a mention to a canonical entity is the gazetteer's job.
func (tg *Tagger) Annotate(doc *marsad.Document) error {
	sents := doc.Sentences
	if len(sents) == 0 {
		sents = []marsad.Range{{Start: 0, End: len(doc.Text)}}
	}
	sc := tg.getScratch()
	defer tg.putScratch(sc)
	// Tokens of every sentence, in document offsets, then one tagging of the whole text so the context model
	// sees the other sentences. Sentence j's tokens are toks[first[j]:].
	toks, words := sc.toks[:0], sc.words[:0]
	first := sc.first[:0]
	for _, r := range sents {
		if r.Start < 0 || r.End > len(doc.Text) || r.Start > r.End {
			return fmt.Errorf("ner: document %s: sentence [%d,%d) outside the text", doc.ID, r.Start, r.End)
		}
		lo := len(toks)
		toks = AppendTokens(toks, doc.Text[r.Start:r.End])
		if len(toks) == lo {
			continue
		}
		first = append(first, lo)
		for i := lo; i < len(toks); i++ {
			toks[i].Start += r.Start
			toks[i].End += r.Start
			words = append(words, doc.Text[toks[i].Start:toks[i].End])
		}
	}
	doc2 := sc.doc[:0]
	for j, lo := range first {
		hi := len(words)
		if j+1 < len(first) {
			hi = first[j+1]
		}
		doc2 = append(doc2, words[lo:hi])
	}
	sc.toks, sc.words, sc.first, sc.doc = toks, words, first, doc2
	for j, t := range tg.tagDoc(sc, doc2) {
		inside := func(id int) bool { return id != 0 }
		// The confidences are asked about the tokens from the first to the last one inside an entity.
		from := slices.IndexFunc(t.path, inside)
		if from < 0 {
			continue
		}
		to := len(t.path) - 1
		for t.path[to] == 0 {
			to--
		}
		n := len(t.path)
		sc.buf = marginals(sc.buf, t.em, &tg.pot, n, from, to, tg.confExp)
		tags := sc.tags[:0]
		for _, id := range t.path {
			tags = append(tags, Tags[id])
		}
		sc.tags = tags
		ts := toks[first[j]:]
		for _, c := range chunks(tags) {
			// A lone letter at the edge of a name is a typo's remnant ("قسد ن" for "قسد أن"), not part of it.
			for c.end-c.start > 1 && oneLetter(words[first[j]+c.end-1]) {
				c.end--
			}
			for c.end-c.start > 1 && oneLetter(words[first[j]+c.start]) {
				c.start++
			}
			conf := 0.0
			for i := c.start; i < c.end; i++ {
				conf += prob(sc.buf, n, i, t.path[i])
			}
			conf /= float64(c.end - c.start)
			doc.Entities = append(doc.Entities, marsad.Entity{
				Span:       marsad.SpanOf(doc.Text, ts[c.start].Start, ts[c.end-1].End),
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

// oneLetter reports whether w is a single Arabic letter.
func oneLetter(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && r >= 0x0621 && r <= 0x064A
}
