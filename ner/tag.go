package ner

import (
	"math"
	"slices"
)

// model is one linear scorer: a weight per tag for each hashed feature, and tag transition scores.
type model struct {
	// keys are the feature hashes in increasing order; feature keys[i] has the numTags weights
	// weights[i·numTags:].
	keys []uint32
	// rows maps a feature hash to its row: tagging looks up every feature of every token, and most are
	// missing, which a Go map answers several times slower.
	rows    featTable
	weights []float32
	// trans[p+1][t] scores tag t after tag p (p = -1 at the sentence start).
	trans [numTags + 1][numTags]float32
}

// addScores adds the weights of features fs to row.
func (m *model) addScores(row []float32, fs []uint32) {
	for _, f := range fs {
		m.addScore(row, f)
	}
}

func (m *model) addScore(row []float32, f uint32) {
	k, ok := m.rows.get(f)
	if !ok {
		return
	}
	w := m.weights[int(k)*numTags : (int(k)+1)*numTags]
	for t := range row[:numTags] {
		row[t] += w[t]
	}
}

// featTable maps feature hashes to weight rows with linear probing at a load factor of at most one half.
type featTable struct {
	// slots holds a key in its low and row+1 in its high 32 bits, so a probe reads one word; row+1 = 0 marks
	// an empty slot.
	slots []uint64
	shift uint
	// filter has one bit per 16 keys' worth of space set for each key (a one-hash Bloom filter): most
	// features looked up are missing, and the filter, small enough for the core's cache, rejects 95% of
	// them without touching the table.
	filter      []uint64
	filterShift uint
}

// newFeatTable maps keys[i] to row i.
func newFeatTable(keys []uint32) featTable {
	bits := uint(1)
	for 1<<bits < 2*len(keys) {
		bits++
	}
	t := featTable{slots: make([]uint64, 1<<bits), shift: 32 - bits}
	fbits := max(bits+3, 6) // at least one word of filter, for a model with few features
	t.filter, t.filterShift = make([]uint64, 1<<fbits/64), 32-fbits
	mask := uint32(len(t.slots) - 1)
	for row, f := range keys {
		i := t.slot(f)
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = uint64(f) | uint64(row+1)<<32
		b := t.filterBit(f)
		t.filter[b/64] |= 1 << (b % 64)
	}
	return t
}

// filterBit is the filter bit of f, from a multiplier other than slot's so the two are independent.
func (t *featTable) filterBit(f uint32) uint32 { return (f * 0x85ebca6b) >> t.filterShift }

// slot is the home slot of f: Fibonacci hashing spreads the feature hashes over the table.
func (t *featTable) slot(f uint32) uint32 { return (f * 2654435769) >> t.shift }

// find writes the row of each of keys to rows (grown to their number), -1 for a key the table lacks, and
// returns rows. It reads the filter for all keys, then the table for those that pass: a read of either is
// most often a cache miss (a few hundred nanoseconds on a virtual machine), and reads of different keys in
// one pass, none waiting on another, are served at once, while get's reads for one key wait on each other.
func (t *featTable) find(keys []uint32, rows []int32) []int32 {
	rows = slices.Grow(rows[:0], len(keys))[:len(keys)]
	for i, f := range keys {
		// Without a branch on the bit, which would stall the pass on each read.
		b := t.filterBit(f)
		rows[i] = int32(t.filter[b/64]>>(b%64)&1) - 1
	}
	mask := uint32(len(t.slots) - 1)
	for i, f := range keys {
		if rows[i] < 0 {
			continue
		}
		rows[i] = -1
		for j := t.slot(f); ; j = (j + 1) & mask {
			s := t.slots[j]
			if s == 0 {
				break
			}
			if uint32(s) == f {
				rows[i] = int32(s>>32) - 1
				break
			}
		}
	}
	return rows
}

func (t *featTable) get(f uint32) (int32, bool) {
	if b := t.filterBit(f); t.filter[b/64]&(1<<(b%64)) == 0 {
		return 0, false
	}
	mask := uint32(len(t.slots) - 1)
	for i := t.slot(f); ; i = (i + 1) & mask {
		s := t.slots[i]
		switch {
		case s == 0:
			return 0, false
		case uint32(s) == f:
			return int32(s>>32) - 1, true
		}
	}
}

var negInf = float32(math.Inf(-1))

// allowedTab[p+1][t] is allowed(p, t).
var allowedTab = func() (a [numTags + 1][numTags]bool) {
	for p := -1; p < numTags; p++ {
		for t := range numTags {
			a[p+1][t] = allowed(p, t)
		}
	}
	return a
}()

// viterbi returns the best IOB-valid tag sequence under the emission and transition scores.
func viterbi(em []float32, trans *[numTags + 1][numTags]float32, n int) []int {
	return viterbiTo(make([]int, n), nil, em, trans)
}

// viterbiTo writes the best path of len(path) tokens to path, with back as scratch space; it returns path.
func viterbiTo(path []int, back []int8, em []float32, trans *[numTags + 1][numTags]float32) []int {
	n := len(path)
	if n == 0 {
		return path
	}
	if cap(back) < n*numTags {
		back = make([]int8, n*numTags)
	}
	back = back[:n*numTags]
	var cur, next [numTags]float32
	for t := range numTags {
		cur[t] = negInf
		if allowedTab[0][t] {
			cur[t] = em[t] + trans[0][t]
		}
	}
	// tr[t][p] is trans[p+1][t], so the predecessors of t are contiguous.
	var tr [numTags][numTags]float32
	for p := range numTags {
		for t := range numTags {
			tr[t][p] = trans[p+1][t]
		}
	}
	for i := 1; i < n; i++ {
		e := (*[numTags]float32)(em[i*numTags:])
		bk := (*[numTags]int8)(back[i*numTags:])
		for t := range numTags {
			// An I- tag t only follows t-1 (its B-) or itself; any other tag follows any tag. Tag O is always
			// reachable, so cur[0] is finite, and an unreachable tag (-Inf) never wins.
			if isInside(t) {
				best, arg := cur[t-1]+tr[t][t-1], t-1
				if v := cur[t] + tr[t][t]; v > best {
					best, arg = v, t
				}
				next[t] = best + e[t]
				bk[t] = int8(arg)
				continue
			}
			best, arg := cur[0]+tr[t][0], 0
			for p := 1; p < numTags; p++ {
				if v := cur[p] + tr[t][p]; v > best {
					best, arg = v, p
				}
			}
			next[t] = best + e[t]
			bk[t] = int8(arg)
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

// expTrans returns the transition potentials exp(trans/temperature) of marginals, 0 where IOB forbids the
// transition.
func expTrans(trans *[numTags + 1][numTags]float32, temperature float64) (pot [numTags + 1][numTags]float64) {
	for p := range pot {
		for t := range pot[p] {
			if allowedTab[p][t] {
				pot[p][t] = math.Exp(float64(trans[p][t]) / temperature)
			}
		}
	}
	return pot
}

// expGaps computes exp(d/temperature) for the gaps d ≤ 0 between a token's scores and their maximum. A
// saved model's weights are multiples of 1/64 (quantum), and so are the scores and their gaps: it keeps
// exp(d/temperature) for the gaps d = -k/64 up to 512 points, computed as math.Exp computes it, and answers
// those from the table. On SaudiNewsNet 98% of the gaps are under 256 points and none reaches 1024; the
// values are the same to the bit.
type expGaps struct {
	temperature float64
	table       []float64
}

func newExpGaps(temperature float64) *expGaps {
	x := &expGaps{temperature: temperature, table: make([]float64, 512*64)}
	for k := range x.table {
		x.table[k] = math.Exp(float64(float32(-k)/64) / temperature)
	}
	return x
}

// exp returns math.Exp(float64(d) / x.temperature).
func (x *expGaps) exp(d float32) float64 {
	// Multiplying by 64 is exact; a gap that is not a multiple of 1/64 (a model fresh from training) or
	// beyond the table is computed.
	if k := -d * 64; k >= 0 && k < float32(len(x.table)) && k == float32(int(k)) {
		return x.table[int(k)]
	}
	return math.Exp(float64(d) / x.temperature)
}

// marginals computes, for tokens from…to, the probability of each tag under a linear-chain distribution
// whose log-potentials are the perceptron scores divided by x.temperature, with pot = expTrans(trans,
// x.temperature). It runs the forward-backward pass over the n tokens of em into buf (grown as needed) and
// returns it; prob reads a token's probability from it. The forward pass stops at token to and the backward
// pass at token from: the tokens of a sentence's entities are all that Annotate asks about. The perceptron
// is not trained as a probability model, so these are confidence scores, not calibrated probabilities.
func marginals(buf []float64, em []float32, pot *[numTags + 1][numTags]float64, n, from, to int, x *expGaps) []float64 {
	if cap(buf) < 3*n*numTags {
		buf = make([]float64, 3*n*numTags)
	}
	buf = buf[:3*n*numTags]
	alpha := buf[:n*numTags]
	beta := buf[n*numTags : 2*n*numTags]
	emit := buf[2*n*numTags:]
	for i := range n {
		e := (*[numTags]float32)(em[i*numTags:])
		row := (*[numTags]float64)(emit[i*numTags:])
		// Shift by the row maximum so exp never overflows; each row's scale cancels in the normalization.
		mx := float32(negInf)
		for t := range numTags {
			mx = max(mx, e[t])
		}
		for t := range numTags {
			row[t] = x.exp(e[t] - mx)
		}
	}
	a0 := (*[numTags]float64)(alpha)
	for t := range numTags {
		a0[t] = pot[0][t] * emit[t]
	}
	normRow(a0)
	for i := 1; i <= to; i++ {
		prev := (*[numTags]float64)(alpha[(i-1)*numTags:])
		cur := (*[numTags]float64)(alpha[i*numTags:])
		x := (*[numTags]float64)(emit[i*numTags:])
		for t := range numTags {
			// Forbidden transitions have potential 0 and add nothing (see viterbiTo).
			s := 0.0
			if isInside(t) {
				s += prev[t-1] * pot[t][t]
				s += prev[t] * pot[t+1][t]
			} else {
				for p := range numTags {
					s += prev[p] * pot[p+1][t]
				}
			}
			cur[t] = s * x[t]
		}
		normRow(cur)
	}
	last := (*[numTags]float64)(beta[(n-1)*numTags:])
	for t := range numTags {
		last[t] = 1
	}
	for i := n - 2; i >= from; i-- {
		cur := (*[numTags]float64)(beta[i*numTags:])
		next := (*[numTags]float64)(beta[(i+1)*numTags:])
		x := (*[numTags]float64)(emit[(i+1)*numTags:])
		for p := range numTags {
			s := 0.0
			for t := range numTags {
				if isInside(t) && p != t && p != t-1 {
					continue
				}
				s += pot[p+1][t] * x[t] * next[t]
			}
			cur[p] = s
		}
		normRow(cur)
	}
	return buf
}

// prob returns the probability of tag t at token i, between marginals' from and to, from a marginals
// result over n tokens.
func prob(m []float64, n, i, t int) float64 {
	var v [numTags]float64
	a := (*[numTags]float64)(m[i*numTags:])
	b := (*[numTags]float64)(m[(n+i)*numTags:])
	for k := range numTags {
		v[k] = a[k] * b[k]
	}
	normRow(&v)
	return v[t]
}

// normRow scales v to sum to 1 (unless it is all zero).
func normRow(v *[numTags]float64) {
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

// Tag returns the IOB tag of each word. Words are tokens as in ANERcorp: punctuation separate, clitics
// attached ("وسوريا"). The sentence is tagged on its own; TagCoNLL and Annotate also use the neighbouring
// sentences of the same text.
func (tg *Tagger) Tag(words []string) []string {
	out := make([]string, len(words))
	sc := tg.getScratch()
	defer tg.putScratch(sc)
	for i, t := range tg.tagDoc(sc, [][]string{words})[0].path {
		out[i] = Tags[t]
	}
	return out
}
