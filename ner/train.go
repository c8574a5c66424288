package ner

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

// Sentence is a tagged token sequence, as read from a CoNLL file.
type Sentence struct {
	Words []string
	Tags  []string
}

// ReadCoNLL reads "token TAG" lines (the tag is the last space-separated field; lines without one get "O"),
// with a blank line between sentences. name labels errors.
func ReadCoNLL(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			flush()
			continue
		}
		fields := strings.Fields(line)
		tag := "O"
		if len(fields) > 1 {
			tag = fields[len(fields)-1]
			if _, ok := tagIndex(tag); !ok {
				return nil, fmt.Errorf("%s:%d: unknown tag %q", name, n, tag)
			}
		}
		cur.Words = append(cur.Words, fields[0])
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, n, err)
	}
	flush()
	return out, nil
}

// SplitDev splits sentences by order: the first (1-frac) for training, the rest as the development set.
func SplitDev(sents []Sentence, frac float64) (train, dev []Sentence) {
	k := len(sents) - int(float64(len(sents))*frac+0.5)
	return sents[:k], sents[k:]
}

// TrainConfig sets the training hyper-parameters.
type TrainConfig struct {
	// Epochs is the number of passes over the training sentences (shuffled each pass with a fixed seed).
	Epochs int
	// Prune drops a feature whose averaged weights are all below it in magnitude, to keep the model small.
	Prune float32
	// Log receives one progress line per epoch; nil discards it.
	Log io.Writer
}

// DefaultTrainConfig holds the hyper-parameters chosen on the development set.
var DefaultTrainConfig = TrainConfig{Epochs: 12, Prune: 0.05}

type example struct {
	feats [][]int32 // feature rows per token
	gold  []int
}

// Train fits an averaged structured perceptron on sents with the embedded lexicon (gazetteer, triggers and
// clusters) and returns the resulting Tagger.
func Train(sents []Sentence, cfg TrainConfig) (*Tagger, error) {
	lex, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	logw := cfg.Log
	if logw == nil {
		logw = io.Discard
	}
	index := map[uint32]int32{}
	exs := make([]example, len(sents))
	var fs []uint32
	for k, snt := range sents {
		s := lex.prepare(snt.Words)
		ex := example{feats: make([][]int32, len(snt.Words)), gold: make([]int, len(snt.Words))}
		for i := range snt.Words {
			t, ok := tagIndex(snt.Tags[i])
			if !ok {
				return nil, fmt.Errorf("ner: sentence %d: unknown tag %q", k+1, snt.Tags[i])
			}
			ex.gold[i] = t
			fs = lex.features(fs[:0], s, i)
			row := make([]int32, len(fs))
			for j, f := range fs {
				id, ok := index[f]
				if !ok {
					id = int32(len(index))
					index[f] = id
				}
				row[j] = id
			}
			ex.feats[i] = row
		}
		exs[k] = ex
	}
	nf := len(index)
	fmt.Fprintf(logw, "ner: %d sentences, %d features\n", len(exs), nf)

	// Averaging by the standard trick: u accumulates c·Δw, and the average is w − u/c.
	w := make([]float32, nf*numTags)
	u := make([]float32, nf*numTags)
	var tw, tu [numTags + 1][numTags]float32
	c := float32(1)
	rng := rand.New(rand.NewPCG(1, 2))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	em := make([]float32, 0, 256*numTags)
	for epoch := range cfg.Epochs {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, k := range order {
			ex := &exs[k]
			n := len(ex.gold)
			em = em[:0]
			for i := range n {
				var row [numTags]float32
				for _, f := range ex.feats[i] {
					wf := w[int(f)*numTags : (int(f)+1)*numTags]
					for t := range row {
						row[t] += wf[t]
					}
				}
				em = append(em, row[:]...)
			}
			pred := viterbi(em, &tw, n)
			toks += n
			for i := range n {
				g, p := ex.gold[i], pred[i]
				if g != p {
					errs++
					for _, f := range ex.feats[i] {
						w[int(f)*numTags+g]++
						w[int(f)*numTags+p]--
						u[int(f)*numTags+g] += c
						u[int(f)*numTags+p] -= c
					}
				}
				gp, pp := -1, -1
				if i > 0 {
					gp, pp = ex.gold[i-1], pred[i-1]
				}
				if g != p || gp != pp {
					tw[gp+1][g]++
					tw[pp+1][p]--
					tu[gp+1][g] += c
					tu[pp+1][p] -= c
				}
			}
			c++
		}
		fmt.Fprintf(logw, "ner: epoch %d: %.4f token errors, %s\n", epoch+1, float64(errs)/float64(toks), time.Since(start).Round(time.Millisecond))
	}

	tg := &Tagger{lex: lex, feats: map[uint32]int32{}}
	for p := range tw {
		for t := range tw[p] {
			tg.trans[p][t] = tw[p][t] - tu[p][t]/c
		}
	}
	for f, id := range index {
		var row [numTags]float32
		keep := false
		for t := range row {
			row[t] = w[int(id)*numTags+t] - u[int(id)*numTags+t]/c
			if row[t] >= cfg.Prune || row[t] <= -cfg.Prune {
				keep = true
			}
		}
		if !keep {
			continue
		}
		tg.feats[f] = int32(len(tg.feats))
		tg.weights = append(tg.weights, row[:]...)
	}
	fmt.Fprintf(logw, "ner: kept %d of %d features\n", len(tg.feats), nf)
	return tg, nil
}
