package ner

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
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
	// Folds is the number of parts the training set is cut into to produce the base tags the context model
	// learns from: each part is tagged by a base model trained on the others, so the context model sees base
	// tags with realistic errors.
	Folds int
	// Augment is the share of training sentences with a place that are also added as a copy whose places
	// are swapped for random major places of the gazetteer (Syrian, Iraqi, Turkish). ANERcorp is world news
	// of the 2000s: without the copies the model rarely sees a gazetteer place, least of all a multi-word one
	// ("دير الزور", "رأس العين"), and learns to trust neither.
	Augment float64
	// Ensemble is the number of perceptrons, each visiting the sentences in another order, whose mean
	// weights make the model (0 means 1).
	Ensemble int
	// Prune drops a feature whose averaged weights are all below it in magnitude, to keep the model small.
	Prune float32
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// DefaultTrainConfig holds the hyper-parameters chosen on the development set.
var DefaultTrainConfig = TrainConfig{Epochs: 12, Folds: 5, Augment: 0.3, Prune: 0.05, Ensemble: 3}

// Train fits the two-stage tagger on sents (consecutive sentences of running text, as in ANERcorp) with the
// embedded lexicon (gazetteer, triggers and clusters), each stage an averaged structured perceptron.
func Train(sents []Sentence, cfg TrainConfig) (*Tagger, error) {
	lex, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	logw := cfg.Log
	if logw == nil {
		logw = io.Discard
	}
	cfg.Log = logw
	sents = append(slices.Clip(sents), augmentPlaces(sents, lex.places, cfg.Augment)...)
	prepared := make([]*sentence, len(sents))
	gold := make([][]int, len(sents))
	for k, snt := range sents {
		prepared[k] = lex.prepare(snt.Words)
		gold[k] = make([]int, len(snt.Words))
		for i, tag := range snt.Tags {
			t, ok := tagIndex(tag)
			if !ok {
				return nil, fmt.Errorf("ner: sentence %d: unknown tag %q", k+1, tag)
			}
			gold[k][i] = t
		}
	}
	local := func(k, i int) []uint32 { return prepared[k].localFeatures(i) }

	// Base tags for the context model's training data, each fold tagged by a model that never saw it.
	bases := make([][]int, len(sents))
	folds := max(cfg.Folds, 2)
	for f := range folds {
		lo, hi := f*len(sents)/folds, (f+1)*len(sents)/folds
		var idx []int
		for k := range sents {
			if k < lo || k >= hi {
				idx = append(idx, k)
			}
		}
		fmt.Fprintf(logw, "ner: base model for fold %d/%d\n", f+1, folds)
		m := trainModel(idx, gold, local, cfg)
		for k := lo; k < hi; k++ {
			s := prepared[k]
			em := make([]float32, len(s.words)*numTags)
			for i := range s.words {
				m.addScores(em[i*numTags:(i+1)*numTags], s.localFeatures(i))
			}
			bases[k] = viterbi(em, &m.trans, len(s.words))
		}
	}
	all := make([]int, len(sents))
	for k := range all {
		all[k] = k
	}
	fmt.Fprintf(logw, "ner: base model\n")
	tg := &Tagger{lex: lex, base: trainModel(all, gold, local, cfg)}

	var ids keyIDs
	keys := make([][]int32, len(sents))
	for k, s := range prepared {
		keys[k] = make([]int32, len(s.words))
		for i, w := range s.info {
			keys[k][i] = ids.id(w.key, w.keyHash)
		}
	}
	var mem memory
	mem.reset(ids.n)
	ctxFeats := make([][]uint32, len(sents))
	ctxOff := make([][]int, len(sents))
	var slots []int32
	windowed(keys, bases, &mem, func(k int) {
		off := make([]int, len(keys[k])+1)
		var fs []uint32
		for i := range keys[k] {
			slots = contextSlots(slots[:0], bases[k], i, keys[k][i], &mem)
			for _, s := range slots {
				fs = append(fs, ctxSlotFeatures[s]...)
			}
			off[i+1] = len(fs)
		}
		ctxFeats[k], ctxOff[k] = fs, off
	})
	fmt.Fprintf(logw, "ner: context model\n")
	var buf []uint32
	tg.ctx = trainModel(all, gold, func(k, i int) []uint32 {
		buf = append(buf[:0], local(k, i)...)
		return append(buf, ctxFeats[k][ctxOff[k][i]:ctxOff[k][i+1]]...)
	}, cfg)
	tg.prepareTagging()
	return tg, nil
}

// augmentPlaces returns copies of a share of the sentences that have a place, each place replaced by one of
// places (tokenized as ANERcorp, keeping a leading clitic of the original: "وبغداد" → "وحلب").
func augmentPlaces(sents []Sentence, places []string, share float64) []Sentence {
	if len(places) == 0 || share <= 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(3, 4))
	var out []Sentence
	for _, snt := range sents {
		cs := chunks(snt.Tags)
		if !slices.ContainsFunc(cs, func(c chunk) bool { return c.typ == "LOC" }) || rng.Float64() >= share {
			continue
		}
		var cp Sentence
		last := 0
		for _, c := range cs {
			if c.typ != "LOC" {
				continue
			}
			cp.Words = append(cp.Words, snt.Words[last:c.start]...)
			cp.Tags = append(cp.Tags, snt.Tags[last:c.start]...)
			place := places[rng.IntN(len(places))]
			var words []string
			for _, t := range AppendTokens(nil, place) {
				words = append(words, place[t.Start:t.End])
			}
			if strings.HasPrefix(snt.Words[c.start], "و") && !strings.HasPrefix(words[0], "و") {
				words[0] = "و" + words[0]
			}
			for i, w := range words {
				cp.Words = append(cp.Words, w)
				if i == 0 {
					cp.Tags = append(cp.Tags, "B-LOC")
				} else {
					cp.Tags = append(cp.Tags, "I-LOC")
				}
			}
			last = c.end
		}
		cp.Words = append(cp.Words, snt.Words[last:]...)
		cp.Tags = append(cp.Tags, snt.Tags[last:]...)
		out = append(out, cp)
	}
	return out
}

// trainModel fits an averaged structured perceptron on the sentences idx, with gold tags and the features of
// token i of sentence k given by feats(k, i).
func trainModel(idx []int, gold [][]int, feats func(k, i int) []uint32, cfg TrainConfig) *model {
	index := map[uint32]int32{}
	rows := make([][][]int32, len(gold))
	for _, k := range idx {
		rows[k] = make([][]int32, len(gold[k]))
		for i := range gold[k] {
			fs := feats(k, i)
			row := make([]int32, len(fs))
			for j, f := range fs {
				id, ok := index[f]
				if !ok {
					id = int32(len(index))
					index[f] = id
				}
				row[j] = id
			}
			rows[k][i] = row
		}
	}
	nf := len(index)
	// Perceptrons trained on different orders of the sentences err differently (a different order moves
	// the development F1 by a point); their mean is still one linear model, so an ensemble costs training
	// time only.
	runs := max(cfg.Ensemble, 1)
	var avg []float32
	var avgT [numTags + 1][numTags]float32
	for r := range runs {
		w, tw := perceptron(idx, gold, rows, nf, uint64(r), cfg)
		if avg == nil {
			avg = make([]float32, len(w))
		}
		for i := range w {
			avg[i] += w[i] / float32(runs)
		}
		for p := range tw {
			for t := range tw[p] {
				avgT[p][t] += tw[p][t] / float32(runs)
			}
		}
	}

	m := &model{trans: avgT}
	var kept []uint32
	for f := range index {
		kept = append(kept, f)
	}
	slices.Sort(kept)
	for _, f := range kept {
		id := index[f]
		var row [numTags]float32
		keep := false
		for t := range row {
			row[t] = avg[int(id)*numTags+t]
			if row[t] >= cfg.Prune || row[t] <= -cfg.Prune {
				keep = true
			}
		}
		if !keep {
			continue
		}
		m.keys = append(m.keys, f)
		m.weights = append(m.weights, row[:]...)
	}
	fmt.Fprintf(cfg.Log, "ner: kept %d of %d features\n", len(m.keys), nf)
	m.rows = newFeatTable(m.keys)
	return m
}

// perceptron runs the averaged structured perceptron over the sentences idx, whose tokens have the feature
// ids rows, shuffling them with seed; it returns the averaged weights (nf·numTags) and transitions.
func perceptron(idx []int, gold [][]int, rows [][][]int32, nf int, seed uint64, cfg TrainConfig) ([]float32, [numTags + 1][numTags]float32) {
	// Averaging by the standard trick: u accumulates c·Δw, and the average is w − u/c.
	w := make([]float32, nf*numTags)
	u := make([]float32, nf*numTags)
	var tw, tu [numTags + 1][numTags]float32
	c := float32(1)
	rng := rand.New(rand.NewPCG(1+seed, 2))
	order := slices.Clone(idx)
	em := make([]float32, 0, 256*numTags)
	for epoch := range cfg.Epochs {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, k := range order {
			n := len(gold[k])
			em = em[:0]
			for i := range n {
				var row [numTags]float32
				for _, f := range rows[k][i] {
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
				g, p := gold[k][i], pred[i]
				if g != p {
					errs++
					for _, f := range rows[k][i] {
						w[int(f)*numTags+g]++
						w[int(f)*numTags+p]--
						u[int(f)*numTags+g] += c
						u[int(f)*numTags+p] -= c
					}
				}
				gp, pp := -1, -1
				if i > 0 {
					gp, pp = gold[k][i-1], pred[i-1]
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
		fmt.Fprintf(cfg.Log, "ner: epoch %d: %.4f token errors, %s\n", epoch+1, float64(errs)/float64(toks), time.Since(start).Round(time.Millisecond))
	}

	for i := range w {
		w[i] -= u[i] / c
	}
	for p := range tw {
		for t := range tw[p] {
			tw[p][t] -= tu[p][t] / c
		}
	}
	return w, tw
}
