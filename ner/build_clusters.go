package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/marsad/marsad/arabic"
)

// Word clusters come from the exchange algorithm (Kneser & Ney 1993; Martin, Liebermann & Ney 1998): each
// word in turn moves to the class that most raises the likelihood of a class bigram model of the corpus.
// It reaches Brown-cluster quality at a fraction of the cost. A hierarchy, as Brown bit-string prefixes give,
// comes from clustering the fine classes again into coarser ones with the same algorithm.

// ClusterConfig sets the word clustering.
type ClusterConfig struct {
	// Vocab is the number of most frequent folded words clustered; rarer words share one unknown class.
	Vocab int
	// Sizes are the class counts, coarse to fine; there must be numClusterLevels of them.
	Sizes [numClusterLevels]int
	// Iterations is the number of exchange passes over the vocabulary for the finest level.
	Iterations int
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// DefaultClusterConfig is the clustering the embedded lexicon was built with.
var DefaultClusterConfig = ClusterConfig{Vocab: 150000, Sizes: [numClusterLevels]int{64, 256, 1024}, Iterations: 6}

// BuildClusters clusters the words of a SaudiNewsNet-style corpus (gzip JSONL, text in the "content" field)
// and writes the cluster table (gzip TSV: folded word, then one class id per level, coarse to fine).
func BuildClusters(w io.Writer, corpusPath string, cfg ClusterConfig) error {
	logw := cfg.Log
	if logw == nil {
		logw = io.Discard
	}
	start := time.Now()
	words, stream, err := readCorpus(corpusPath, cfg.Vocab)
	if err != nil {
		return err
	}
	fmt.Fprintf(logw, "clusters: %d tokens, %d word types, read in %s\n", len(stream), len(words), time.Since(start).Round(time.Millisecond))

	g := bigramGraph(stream, len(words))
	fine := exchange(g, cfg.Sizes[numClusterLevels-1], cfg.Iterations, logw)
	levels := make([][]int, numClusterLevels)
	levels[numClusterLevels-1] = fine
	// Each coarser level clusters the classes of the next finer one, so the levels nest.
	cur := fine
	for l := numClusterLevels - 2; l >= 0; l-- {
		cg := classGraph(g, cur, cfg.Sizes[l+1])
		coarse := exchange(cg, cfg.Sizes[l], 2*cfg.Iterations, logw)
		levels[l] = make([]int, len(words))
		for i := range words {
			levels[l][i] = coarse[cur[i]]
		}
		cur = levels[l]
	}
	fmt.Fprintf(logw, "clusters: done in %s\n", time.Since(start).Round(time.Millisecond))

	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	// The last word is the unknown-word class; it is not written.
	for i, word := range words[:len(words)-1] {
		bw.WriteString(word)
		for l := range numClusterLevels {
			fmt.Fprintf(bw, "\t%d", levels[l][i])
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// readCorpus returns the vocab most frequent folded tokens (most frequent first, then the unknown word) and
// the corpus as word ids, with a sentence boundary (id of the unknown word) between articles.
func readCorpus(path string, vocab int) ([]string, []int32, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	ids := map[string]int32{}
	var names []string
	var counts []int
	var raw []int32
	var toks []arabic.Token
	var buf []byte
	for n := 1; sc.Scan(); n++ {
		var art struct{ Content string }
		if err := json.Unmarshal(sc.Bytes(), &art); err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		toks = AppendTokens(toks[:0], art.Content)
		for _, t := range toks {
			buf = arabic.AppendFold(buf[:0], art.Content[t.Start:t.End])
			id, ok := ids[string(buf)]
			if !ok {
				id = int32(len(names))
				ids[string(buf)] = id
				names = append(names, string(buf))
				counts = append(counts, 0)
			}
			counts[id]++
			raw = append(raw, id)
		}
		raw = append(raw, -1)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	order := make([]int32, len(names))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := counts[b] - counts[a]; c != 0 {
			return c
		}
		return strings.Compare(names[a], names[b])
	})
	if len(order) > vocab {
		order = order[:vocab]
	}
	remap := make([]int32, len(names))
	unk := int32(len(order))
	for i := range remap {
		remap[i] = unk
	}
	words := make([]string, 0, len(order)+1)
	for i, id := range order {
		remap[id] = int32(i)
		words = append(words, names[id])
	}
	words = append(words, "<unk>")
	for i, id := range raw {
		if id < 0 {
			raw[i] = unk
		} else {
			raw[i] = remap[id]
		}
	}
	return words, raw, nil
}

// graph holds the bigram counts of items (words or classes) as adjacency lists: item i's right neighbours
// are right[rOff[i]:rOff[i+1]] with counts rCnt, likewise left; self-bigrams are kept apart in self.
type graph struct {
	count       []int64
	rOff, lOff  []int
	right, left []int32
	rCnt, lCnt  []int64
	self        []int64
	n           int
}

// bigramGraph counts the bigrams of stream by sorting packed pairs.
func bigramGraph(stream []int32, n int) *graph {
	pairs := make([]uint64, 0, len(stream))
	for i := 1; i < len(stream); i++ {
		pairs = append(pairs, uint64(stream[i-1])<<32|uint64(uint32(stream[i])))
	}
	slices.Sort(pairs)
	var a, b []int32
	var c []int64
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		a = append(a, int32(pairs[i]>>32))
		b = append(b, int32(uint32(pairs[i])))
		c = append(c, int64(j-i))
		i = j
	}
	count := make([]int64, n)
	for _, id := range stream {
		count[id]++
	}
	return newGraph(n, count, a, b, c)
}

// classGraph folds g by the classes in class (k of them) into a graph over the classes.
func classGraph(g *graph, class []int, k int) *graph {
	cells := map[[2]int32]int64{}
	count := make([]int64, k)
	for i := range g.n {
		count[class[i]] += g.count[i]
		cells[[2]int32{int32(class[i]), int32(class[i])}] += g.self[i]
		for e := g.rOff[i]; e < g.rOff[i+1]; e++ {
			cells[[2]int32{int32(class[i]), int32(class[g.right[e]])}] += g.rCnt[e]
		}
	}
	keys := make([][2]int32, 0, len(cells))
	for key := range cells {
		keys = append(keys, key)
	}
	slices.SortFunc(keys, func(x, y [2]int32) int {
		if x[0] != y[0] {
			return int(x[0] - y[0])
		}
		return int(x[1] - y[1])
	})
	var a, b []int32
	var c []int64
	for _, key := range keys {
		a, b, c = append(a, key[0]), append(b, key[1]), append(c, cells[key])
	}
	return newGraph(k, count, a, b, c)
}

// newGraph builds adjacency lists from bigrams (a[e], b[e]) with counts c[e], sorted by a.
func newGraph(n int, count []int64, a, b []int32, c []int64) *graph {
	g := &graph{n: n, count: count, rOff: make([]int, n+1), lOff: make([]int, n+1), self: make([]int64, n)}
	for e := range a {
		if a[e] == b[e] {
			g.self[a[e]] += c[e]
			continue
		}
		g.rOff[a[e]+1]++
		g.lOff[b[e]+1]++
	}
	for i := range n {
		g.rOff[i+1] += g.rOff[i]
		g.lOff[i+1] += g.lOff[i]
	}
	g.right = make([]int32, g.rOff[n])
	g.rCnt = make([]int64, g.rOff[n])
	g.left = make([]int32, g.lOff[n])
	g.lCnt = make([]int64, g.lOff[n])
	rPos := slices.Clone(g.rOff[:n])
	lPos := slices.Clone(g.lOff[:n])
	for e := range a {
		if a[e] == b[e] {
			continue
		}
		g.right[rPos[a[e]]], g.rCnt[rPos[a[e]]] = b[e], c[e]
		rPos[a[e]]++
		g.left[lPos[b[e]]], g.lCnt[lPos[b[e]]] = a[e], c[e]
		lPos[b[e]]++
	}
	return g
}

// xlogx caches x·log x for small counts, the bulk of the objective's terms.
type xlogx []float64

func newXlogx(n int) xlogx {
	t := make(xlogx, n)
	for i := 1; i < n; i++ {
		t[i] = float64(i) * math.Log(float64(i))
	}
	return t
}

func (t xlogx) f(x int64) float64 {
	if x < int64(len(t)) {
		return t[x]
	}
	return float64(x) * math.Log(float64(x))
}

// exchange clusters the items of g into k classes, maximizing the class bigram likelihood
// Σ N(c,d)·log N(c,d) − 2·Σ N(c)·log N(c). Items are visited most frequent first (by index), and start in
// class index mod k.
func exchange(g *graph, k, iterations int, logw io.Writer) []int {
	tab := newXlogx(1 << 20)
	class := make([]int, g.n)
	N := make([]int64, k*k)
	Nc := make([]int64, k)
	for i := range g.n {
		class[i] = i % k
	}
	for i := range g.n {
		ci := class[i]
		Nc[ci] += g.count[i]
		N[ci*k+ci] += g.self[i]
		for e := g.rOff[i]; e < g.rOff[i+1]; e++ {
			N[ci*k+class[g.right[e]]] += g.rCnt[e]
		}
	}
	r := make([]int64, k)
	l := make([]int64, k)
	var rt, lt []int
	for it := range iterations {
		start := time.Now()
		moved := 0
		for i := range g.n {
			rt, lt = rt[:0], lt[:0]
			for e := g.rOff[i]; e < g.rOff[i+1]; e++ {
				d := class[g.right[e]]
				if r[d] == 0 {
					rt = append(rt, d)
				}
				r[d] += g.rCnt[e]
			}
			for e := g.lOff[i]; e < g.lOff[i+1]; e++ {
				d := class[g.left[e]]
				if l[d] == 0 {
					lt = append(lt, d)
				}
				l[d] += g.lCnt[e]
			}
			a, s, ni := class[i], g.self[i], g.count[i]
			for _, d := range rt {
				N[a*k+d] -= r[d]
			}
			for _, d := range lt {
				N[d*k+a] -= l[d]
			}
			N[a*k+a] -= s
			Nc[a] -= ni
			best, bestGain := a, math.Inf(-1)
			for c := range k {
				gain := 0.0
				row := N[c*k : (c+1)*k]
				for _, d := range rt {
					if d != c {
						gain += tab.f(row[d]+r[d]) - tab.f(row[d])
					}
				}
				for _, d := range lt {
					if d != c {
						v := N[d*k+c]
						gain += tab.f(v+l[d]) - tab.f(v)
					}
				}
				v := row[c]
				gain += tab.f(v+r[c]+l[c]+s) - tab.f(v)
				gain -= 2 * (tab.f(Nc[c]+ni) - tab.f(Nc[c]))
				if gain > bestGain {
					best, bestGain = c, gain
				}
			}
			for _, d := range rt {
				N[best*k+d] += r[d]
			}
			for _, d := range lt {
				N[d*k+best] += l[d]
			}
			N[best*k+best] += s
			Nc[best] += ni
			if best != a {
				moved++
				class[i] = best
			}
			for _, d := range rt {
				r[d] = 0
			}
			for _, d := range lt {
				l[d] = 0
			}
		}
		fmt.Fprintf(logw, "clusters: k=%d pass %d: %d of %d moved, %s\n", k, it+1, moved, g.n, time.Since(start).Round(time.Millisecond))
		if moved == 0 {
			break
		}
	}
	return class
}
