package ner

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
)

// Word embeddings are learned by skip-gram with negative sampling (Mikolov et al. 2013) on the same folded
// SaudiNewsNet words as the clusters. The vectors themselves are not shipped: the tagger reads two things
// derived from them per word, which cost nothing when tagging since they join the per-word cache.
//
//   - k-means classes of the unit vectors (spherical k-means) at two sizes: a second clustering of the
//     vocabulary, biased otherwise than the exchange algorithm's (a word's whole context window rather than
//     its left and right neighbour).
//   - how much nearer the word is to the gazetteer's place, person and organization words than to other
//     words (see neighbourBuckets): a name never seen in training that sits among known person names looks
//     like one.
//
// EXPERIMENT (issue #5): neither gained on the held-out tenths; see README "tried".

// EmbedConfig sets the embedding training and what is derived from the vectors.
type EmbedConfig struct {
	// Vocab is the number of most frequent folded words embedded (as ClusterConfig.Vocab).
	Vocab int
	// Dim is the vector size, Window the largest distance of a context word, Negative the number of noise
	// words per context word, Epochs the passes over the corpus.
	Dim, Window, Negative, Epochs int
	// Sample is the frequency above which words are randomly skipped (word2vec's -sample).
	Sample float64
	// KMeans are the class counts of the two k-means clusterings.
	KMeans [numEmbedLevels]int
	// Neighbours is the number of nearest words of each class whose similarity is averaged.
	Neighbours int
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// DefaultEmbedConfig is the configuration the embedded table was built with.
var DefaultEmbedConfig = EmbedConfig{
	Vocab: 150000, Dim: 64, Window: 3, Negative: 5, Epochs: 3, Sample: 1e-4,
	KMeans: [numEmbedLevels]int{256, 1024}, Neighbours: 10,
}

// BuildEmbeddings trains word vectors on a SaudiNewsNet-style corpus (gzip JSONL, text in the "content"
// field) and writes the derived table (gzip TSV: folded word, its k-means class at each size, then its
// neighbour quintile for places, persons and organizations). gazetteer is the gzip TSV written by
// BuildGazetteer. Training runs on one goroutine with fixed seeds and the rest splits by word, so the table
// is reproducible.
func BuildEmbeddings(w io.Writer, corpusPath string, gazetteer []byte, cfg EmbedConfig) error {
	logw := cfg.Log
	if logw == nil {
		logw = io.Discard
	}
	start := time.Now()
	words, stream, err := readCorpus(corpusPath, cfg.Vocab)
	if err != nil {
		return err
	}
	fmt.Fprintf(logw, "embeddings: %d tokens, %d word types, read in %s\n", len(stream), len(words), time.Since(start).Round(time.Millisecond))
	vecs := skipGram(stream, len(words)-1, cfg, logw)
	if err := writeEmbedTable(w, words[:len(words)-1], vecs, gazetteer, cfg); err != nil {
		return err
	}
	fmt.Fprintf(logw, "embeddings: done in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

// writeEmbedTable derives the table BuildEmbeddings writes from the vectors of words.
func writeEmbedTable(w io.Writer, words []string, vecs []float32, gazetteer []byte, cfg EmbedConfig) error {
	logw := cfg.Log
	if logw == nil {
		logw = io.Discard
	}
	centre(vecs, cfg.Dim)
	normalize(vecs, cfg.Dim)
	var levels [numEmbedLevels][]int
	for l, k := range cfg.KMeans {
		levels[l] = sphericalKMeans(vecs, cfg.Dim, k, 12, logw)
	}
	labels, err := gazetteerWordClasses(gazetteer, words)
	if err != nil {
		return err
	}
	near := neighbourBuckets(vecs, cfg.Dim, labels, cfg.Neighbours)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for i, word := range words {
		bw.WriteString(word)
		for l := range levels {
			fmt.Fprintf(bw, "\t%d", levels[l][i])
		}
		for _, q := range near[i] {
			fmt.Fprintf(bw, "\t%d", q)
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// numEmbedLevels is the number of k-means clusterings of the embeddings.
const numEmbedLevels = 2

// skipGram trains the input vectors of words 0…n-1 (id n, rare words and article breaks, is skipped) by
// skip-gram with negative sampling, with word2vec's linearly decaying learning rate and noise distribution
// (unigram counts to the power 3/4).
func skipGram(stream []int32, n int, cfg EmbedConfig, logw io.Writer) []float32 {
	dim := cfg.Dim
	rng := rand.New(rand.NewPCG(1, 2))
	in := make([]float32, n*dim)
	out := make([]float32, n*dim)
	for i := range in {
		in[i] = (rng.Float32() - 0.5) / float32(dim)
	}
	count := make([]float64, n)
	total := 0.0
	for _, id := range stream {
		if int(id) < n {
			count[id]++
			total++
		}
	}
	// The noise table: word i fills a share of the slots proportional to count^0.75.
	const tableSize = 1 << 23
	table := make([]int32, 0, tableSize)
	pow := 0.0
	for _, c := range count {
		pow += math.Pow(c, 0.75)
	}
	acc := 0.0
	for i, c := range count {
		acc += math.Pow(c, 0.75) / pow
		for len(table) < tableSize && float64(len(table)) < acc*tableSize {
			table = append(table, int32(i))
		}
	}
	for len(table) < tableSize {
		table = append(table, int32(n-1))
	}
	keep := make([]float32, n)
	for i, c := range count {
		f := c / total
		keep[i] = float32(min(1, math.Sqrt(cfg.Sample/f)+cfg.Sample/f))
	}
	sig := newSigmoid()
	grad := make([]float32, dim)
	sent := make([]int32, 0, len(stream))
	const lr0 = 0.025
	steps := float64(cfg.Epochs) * float64(len(stream))
	done := 0.0
	for ep := range cfg.Epochs {
		t0 := time.Now()
		sent = sent[:0]
		for _, id := range stream {
			if int(id) < n && rng.Float32() < keep[id] {
				sent = append(sent, id)
			}
		}
		scale := float64(len(stream)) / float64(len(sent))
		for pos, c := range sent {
			if pos%10000 == 0 {
				done = float64(ep)*float64(len(stream)) + float64(pos)*scale
			}
			lr := float32(lr0 * max(1e-4, 1-done/steps))
			b := 1 + rng.IntN(cfg.Window)
			for p := max(0, pos-b); p <= min(len(sent)-1, pos+b); p++ {
				if p == pos {
					continue
				}
				// The context word's input vector predicts the centre word against noise words.
				v := in[int(sent[p])*dim : int(sent[p]+1)*dim]
				clear(grad)
				for k := 0; k <= cfg.Negative; k++ {
					target, label := c, float32(1)
					if k > 0 {
						target = table[rng.IntN(tableSize)]
						if target == c {
							continue
						}
						label = 0
					}
					u := out[int(target)*dim : int(target+1)*dim]
					g := (label - sig.at(dot(v, u))) * lr
					for j := range grad {
						grad[j] += g * u[j]
						u[j] += g * v[j]
					}
				}
				for j := range v {
					v[j] += grad[j]
				}
			}
		}
		fmt.Fprintf(logw, "embeddings: epoch %d, %d tokens after subsampling, %s\n", ep+1, len(sent), time.Since(t0).Round(time.Millisecond))
	}
	return in
}

// sigmoid is a table of the logistic function on [−6, 6], as word2vec keeps.
type sigmoid [1000]float32

const sigmoidMax = 6

func newSigmoid() *sigmoid {
	var s sigmoid
	for i := range s {
		x := (float64(i)/float64(len(s))*2 - 1) * sigmoidMax
		s[i] = float32(1 / (1 + math.Exp(-x)))
	}
	return &s
}

func (s *sigmoid) at(x float32) float32 {
	switch {
	case x >= sigmoidMax:
		return 1
	case x <= -sigmoidMax:
		return 0
	}
	return s[int((x+sigmoidMax)*(float32(len(s))/(2*sigmoidMax)))]
}

func dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return s0 + s1 + s2 + s3
}

// centre subtracts the mean vector from every vector. The rare words' vectors, seldom updated, share a
// common direction that would make them all near one another (Mu & Viswanath 2018, "All-but-the-top").
func centre(vecs []float32, dim int) {
	mean := make([]float64, dim)
	n := len(vecs) / dim
	for i := 0; i < len(vecs); i += dim {
		for j, x := range vecs[i : i+dim] {
			mean[j] += float64(x)
		}
	}
	for i := 0; i < len(vecs); i += dim {
		for j := range dim {
			vecs[i+j] -= float32(mean[j] / float64(n))
		}
	}
}

// normalize scales each vector to unit length, so dot products are cosines.
func normalize(vecs []float32, dim int) {
	for i := 0; i < len(vecs); i += dim {
		v := vecs[i : i+dim]
		norm := float32(math.Sqrt(float64(dot(v, v))))
		if norm == 0 {
			continue
		}
		for j := range v {
			v[j] /= norm
		}
	}
}

// sphericalKMeans clusters unit vectors by cosine into k classes. The centres start at k words spread over
// the frequency ranks, so the result is reproducible.
func sphericalKMeans(vecs []float32, dim, k, iterations int, logw io.Writer) []int {
	n := len(vecs) / dim
	cent := make([]float32, k*dim)
	for c := range k {
		i := c * n / k
		copy(cent[c*dim:(c+1)*dim], vecs[i*dim:(i+1)*dim])
	}
	class := make([]int, n)
	for it := range iterations {
		t0 := time.Now()
		var movedBy [embedWorkers]int
		parallel(n, func(part, lo, hi int) {
			for i := lo; i < hi; i++ {
				v := vecs[i*dim : (i+1)*dim]
				best, bestSim := 0, float32(-2)
				for c := range k {
					if s := dot(v, cent[c*dim:(c+1)*dim]); s > bestSim {
						best, bestSim = c, s
					}
				}
				if best != class[i] || it == 0 {
					movedBy[part]++
				}
				class[i] = best
			}
		})
		moved := 0
		for _, m := range movedBy {
			moved += m
		}
		clear(cent)
		for i := range n {
			c := cent[class[i]*dim : (class[i]+1)*dim]
			for j, x := range vecs[i*dim : (i+1)*dim] {
				c[j] += x
			}
		}
		normalize(cent, dim)
		fmt.Fprintf(logw, "embeddings: k-means k=%d pass %d: %d moved, %s\n", k, it+1, moved, time.Since(t0).Round(time.Millisecond))
		if moved == 0 {
			break
		}
	}
	return class
}

// gazetteerWordClasses labels the words of the vocabulary that occur mostly in gazetteer phrases of one class
// (countries count as places): "حلب" a place, "نوري" a person. Trigger words and short words are not
// labelled; one in refEvery of the other words is labelled refClass, the reference that tells a word near
// names from a word near everything.
func gazetteerWordClasses(gazetteer []byte, words []string) ([]int8, error) {
	triggers := map[string]bool{}
	for _, line := range strings.Split(triggersData, "\n") {
		if class, word, ok := strings.Cut(strings.TrimSpace(line), " "); ok && !strings.HasPrefix(class, "#") {
			triggers[gazKey(arabic.Fold(strings.TrimSpace(word)))] = true
		}
	}
	// seen counts the phrases of each class a word occurs in.
	seen := map[string]*[numNameClasses]int{}
	err := readGzipLines(gazetteer, func(n int, fields []string) error {
		if len(fields) < 2 {
			return fmt.Errorf("gazetteer.tsv:%d: want 3 fields", n)
		}
		bits, err := strconv.ParseUint(fields[1], 10, 8)
		if err != nil {
			return fmt.Errorf("gazetteer.tsv:%d: %w", n, err)
		}
		for _, w := range strings.Fields(fields[0]) {
			c := seen[w]
			if c == nil {
				c = new([numNameClasses]int)
				seen[w] = c
			}
			if uint8(bits)&(gazLoc|gazLocMajor|gazCountry) != 0 {
				c[nameLoc]++
			}
			if uint8(bits)&gazPer != 0 {
				c[namePer]++
			}
			if uint8(bits)&gazOrg != 0 {
				c[nameOrg]++
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	labels := make([]int8, len(words))
	others := 0
	for i, w := range words {
		labels[i] = -1
		k := gazKey(w)
		if triggers[k] || utf8.RuneCountInString(k) < 3 {
			continue
		}
		c := seen[k]
		if c == nil {
			if others%refEvery == 0 {
				labels[i] = refClass
			}
			others++
			continue
		}
		// A word takes the class of at least two thirds of its phrases.
		total := c[nameLoc] + c[namePer] + c[nameOrg]
		for v := range int8(numNameClasses) {
			if 3*c[v] >= 2*total {
				labels[i] = v
			}
		}
	}
	return labels, nil
}

// Name classes of the neighbour similarities, and the reference class of words outside the gazetteer.
const (
	nameLoc = iota
	namePer
	nameOrg
	numNameClasses
	refClass = numNameClasses
	refEvery = 20
)

// neighbourBuckets returns, for each word and name class, how much nearer the word is to the gazetteer words
// of the class than to reference words: the mean cosine of its k nearest words of the class minus that of
// its k nearest reference words (itself excluded), as a quintile over the vocabulary (0 far … 4 near). Rare
// words' vectors are all near one another, so only the difference tells a name among names. A name never
// seen in training that sits among known person names looks like one.
func neighbourBuckets(vecs []float32, dim int, labels []int8, k int) [][numNameClasses]uint8 {
	n := len(vecs) / dim
	var lab []int
	for i, l := range labels {
		if l >= 0 {
			lab = append(lab, i)
		}
	}
	diffs := make([][numNameClasses]float32, n)
	parallel(n, func(_, lo, hi int) {
		var top [numNameClasses + 1][]float32
		for i := lo; i < hi; i++ {
			v := vecs[i*dim : (i+1)*dim]
			for c := range top {
				top[c] = top[c][:0]
			}
			for _, j := range lab {
				if j == i {
					continue
				}
				s := dot(v, vecs[j*dim:(j+1)*dim])
				t := &top[labels[j]]
				if len(*t) == k && s <= (*t)[k-1] {
					continue
				}
				// Kept in descending order.
				p, _ := slices.BinarySearchFunc(*t, s, func(x, s float32) int {
					if x > s {
						return -1
					}
					return 1
				})
				*t = slices.Insert(*t, p, s)
				if len(*t) > k {
					*t = (*t)[:k]
				}
			}
			var mean [numNameClasses + 1]float32
			for c, t := range top {
				for _, s := range t {
					mean[c] += s / float32(len(t))
				}
			}
			for c := range numNameClasses {
				diffs[i][c] = mean[c] - mean[refClass]
			}
		}
	})
	out := make([][numNameClasses]uint8, n)
	for c := range numNameClasses {
		col := make([]float32, n)
		for i := range diffs {
			col[i] = diffs[i][c]
		}
		slices.Sort(col)
		for i := range diffs {
			for q := 1; q < nearBuckets; q++ {
				if diffs[i][c] >= col[q*n/nearBuckets] {
					out[i][c] = uint8(q)
				}
			}
		}
	}
	return out
}

// nearBuckets is the number of quantiles of neighbour similarity.
const nearBuckets = 5

// embedWorkers is the number of goroutines that derive the table from the vectors; each word's result is
// its own, so the table does not depend on it.
const embedWorkers = 2

// parallel calls fn on embedWorkers consecutive parts lo…hi-1 of 0…n-1 at once.
func parallel(n int, fn func(part, lo, hi int)) {
	var wg sync.WaitGroup
	for p := range embedWorkers {
		wg.Go(func() { fn(p, p*n/embedWorkers, (p+1)*n/embedWorkers) })
	}
	wg.Wait()
}
