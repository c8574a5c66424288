package ner

import "math"

// model is one linear scorer: a weight per tag for each hashed feature, and tag transition scores.
type model struct {
	// feats maps a feature hash to its row in weights: numTags weights per feature.
	feats map[uint32]int32
	// rows is feats as an open-addressing table, built once the model is complete: tagging looks up every
	// feature of every token, and most are missing, which a Go map answers several times slower.
	rows    featTable
	weights []float32
	// trans[p+1][t] scores tag t after tag p (p = -1 at the sentence start).
	trans [numTags + 1][numTags]float32
}

// addScores adds the weights of features fs to row.
func (m *model) addScores(row []float32, fs []uint32) {
	for _, f := range fs {
		k, ok := m.rows.get(f)
		if !ok {
			continue
		}
		w := m.weights[int(k)*numTags : (int(k)+1)*numTags]
		for t := range row {
			row[t] += w[t]
		}
	}
}

// featTable maps feature hashes to weight rows with linear probing at a load factor of at most one half.
type featTable struct {
	keys  []uint32
	rows  []int32 // row+1; 0 marks an empty slot
	shift uint
}

func newFeatTable(feats map[uint32]int32) featTable {
	bits := uint(1)
	for 1<<bits < 2*len(feats) {
		bits++
	}
	t := featTable{keys: make([]uint32, 1<<bits), rows: make([]int32, 1<<bits), shift: 32 - bits}
	mask := uint32(len(t.keys) - 1)
	for f, row := range feats {
		i := t.slot(f)
		for t.rows[i] != 0 {
			i = (i + 1) & mask
		}
		t.keys[i], t.rows[i] = f, row+1
	}
	return t
}

// slot is the home slot of f: Fibonacci hashing spreads the feature hashes over the table.
func (t *featTable) slot(f uint32) uint32 { return (f * 2654435769) >> t.shift }

func (t *featTable) get(f uint32) (int32, bool) {
	mask := uint32(len(t.keys) - 1)
	for i := t.slot(f); ; i = (i + 1) & mask {
		switch r := t.rows[i]; {
		case r == 0:
			return 0, false
		case t.keys[i] == f:
			return r - 1, true
		}
	}
}

var negInf = float32(math.Inf(-1))

// viterbi returns the best IOB-valid tag sequence under the emission and transition scores.
func viterbi(em []float32, trans *[numTags + 1][numTags]float32, n int) []int {
	path := make([]int, n)
	if n == 0 {
		return path
	}
	back := make([]int8, n*numTags)
	var cur, next [numTags]float32
	for t := range numTags {
		cur[t] = negInf
		if allowed(-1, t) {
			cur[t] = em[t] + trans[0][t]
		}
	}
	for i := 1; i < n; i++ {
		for t := range numTags {
			best, arg := negInf, -1
			for p := range numTags {
				if !allowed(p, t) || cur[p] == negInf {
					continue
				}
				if v := cur[p] + trans[p+1][t]; v > best {
					best, arg = v, p
				}
			}
			next[t] = best + em[i*numTags+t]
			back[i*numTags+t] = int8(arg)
		}
		cur = next
	}
	best := 0
	for t := range numTags {
		if cur[t] > cur[best] {
			best = t
		}
	}
	for i := n - 1; i >= 0; i-- {
		path[i] = best
		best = int(back[i*numTags+best])
	}
	return path
}

// marginals returns, for each token, the probability of each tag under a linear-chain distribution whose
// log-potentials are the perceptron scores divided by temperature. The perceptron is not trained as a
// probability model, so these are confidence scores, not calibrated probabilities.
func marginals(em []float32, trans *[numTags + 1][numTags]float32, n int, temperature float64) []float64 {
	alpha := make([]float64, n*numTags)
	beta := make([]float64, n*numTags)
	pot := func(p, t int) float64 {
		if !allowed(p, t) {
			return 0
		}
		return math.Exp(float64(trans[p+1][t]) / temperature)
	}
	emit := make([]float64, n*numTags)
	for i := range n {
		// Shift by the row maximum so exp never overflows; each row's scale cancels in the normalization.
		mx := float32(negInf)
		for t := range numTags {
			mx = max(mx, em[i*numTags+t])
		}
		for t := range numTags {
			emit[i*numTags+t] = math.Exp(float64(em[i*numTags+t]-mx) / temperature)
		}
	}
	norm := func(v []float64) {
		s := 0.0
		for _, x := range v {
			s += x
		}
		if s > 0 {
			for k := range v {
				v[k] /= s
			}
		}
	}
	for t := range numTags {
		alpha[t] = pot(-1, t) * emit[t]
	}
	norm(alpha[:numTags])
	for i := 1; i < n; i++ {
		for t := range numTags {
			s := 0.0
			for p := range numTags {
				s += alpha[(i-1)*numTags+p] * pot(p, t)
			}
			alpha[i*numTags+t] = s * emit[i*numTags+t]
		}
		norm(alpha[i*numTags : (i+1)*numTags])
	}
	for t := range numTags {
		beta[(n-1)*numTags+t] = 1
	}
	for i := n - 2; i >= 0; i-- {
		for p := range numTags {
			s := 0.0
			for t := range numTags {
				s += pot(p, t) * emit[(i+1)*numTags+t] * beta[(i+1)*numTags+t]
			}
			beta[i*numTags+p] = s
		}
		norm(beta[i*numTags : (i+1)*numTags])
	}
	m := make([]float64, n*numTags)
	for i := range n {
		for t := range numTags {
			m[i*numTags+t] = alpha[i*numTags+t] * beta[i*numTags+t]
		}
		norm(m[i*numTags : (i+1)*numTags])
	}
	return m
}

// Tag returns the IOB tag of each word. Words are tokens as in ANERcorp: punctuation separate, clitics
// attached ("وسوريا"). The sentence is tagged on its own; TagCoNLL and Annotate also use the neighbouring
// sentences of the same text.
func (tg *Tagger) Tag(words []string) []string {
	out := make([]string, len(words))
	for i, t := range tg.tagDoc([][]string{words})[0].path {
		out[i] = Tags[t]
	}
	return out
}
