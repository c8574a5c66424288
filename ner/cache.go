package ner

import (
	"hash/maphash"
	"sync/atomic"

	"github.com/marsad/marsad/arabic"
)

// The models are linear, and most features read one word at a fixed offset from the token, so tagging sums
// per token five cached vectors (the words at offsets −2…+2), looks up the few features that read two words
// or the gazetteer, and adds one precomputed row for the context features. The sums equal those of the
// listed features (sentence.local) that training reads: a saved model's weights are multiples of 1/64, so
// the order of summation does not change them (a model fresh from training may differ in the last bits).

// wordVec is one folded word form's share of the scores of the tokens around it.
type wordVec struct {
	tokenInfo
	// em[d+window][m] sums the weights in model m (0 base, 1 context) of the features the word gives the
	// token d positions after it (wordFeatures).
	em [2*window + 1]pairRow
	// raw[m] is the weight of rawFeature(folded): the raw-word feature of the word when it is written in its
	// folded form, as most words are.
	raw rawVec
}

// pairRow holds a score per tag under each model: 0 base, 1 context. Tagging computes the local scores of
// both at once, so each word's vectors are read once.
type pairRow [2][numTags]float32

func addPair(row, v *pairRow) {
	for m := range row {
		for t := range row[m] {
			row[m][t] += v[m][t]
		}
	}
}

// rawVec is the weight of the raw-word feature (rawFeature) of one written form in each model.
type rawVec = pairRow

// newRawVec returns the weights of the raw-word feature of written form w; they are only read.
func (tg *Tagger) newRawVec(w string) *rawVec {
	k, ok := tg.both.get(rawFeature(w))
	if !ok {
		// Most written forms that are not their folded form have no weight of their own: they share one
		// row rather than allocate one each time the cache of recent words takes them in.
		return &noRawWeights
	}
	r := tg.bothRows[k]
	return &r
}

var noRawWeights rawVec

// addBoth adds the weights of feature f in both models to row.
func (tg *Tagger) addBoth(row *pairRow, f uint32) {
	if k, ok := tg.both.get(f); ok {
		addPair(row, &tg.bothRows[k])
	}
}

// The vectors of the clustered words (150,000, 98.5% of running news text), once computed, are shared by
// every tagging call; other words are kept per scratch space, and oovLimit bounds how many it keeps between
// calls.
const oovLimit = 20000

func (tg *Tagger) newWordVec(folded string) *wordVec {
	info := tg.lex.wordInfo(folded)
	v := &wordVec{tokenInfo: info.tokenInfo}
	// The features at all offsets, then one lookup of all of them in the merged table, which finds a
	// feature's row in both models (see featTable.find).
	var keyArr [128]uint32
	var end [2*window + 1]int
	keys := keyArr[:0]
	for d := -window; d <= window; d++ {
		keys = wordFeatures(keys, &info, d)
		end[d+window] = len(keys)
	}
	var rowArr [128]int32
	rows := tg.both.find(keys, rowArr[:0])
	k := 0
	for d := range end {
		for ; k < end[d]; k++ {
			if rows[k] >= 0 {
				addPair(&v.em[d], &tg.bothRows[rows[k]])
			}
		}
	}
	v.raw = *tg.newRawVec(folded)
	return v
}

// prepareTagging builds what tagging reads besides the models: the pads, the context rows, the confidence
// potentials, the merged feature table and the (empty) shared word vectors.
func (tg *Tagger) prepareTagging() {
	for i, m := range [2]*model{tg.base, tg.ctx} {
		for d := -window; d <= window; d++ {
			if d != 0 {
				m.addScore(tg.pad[d+window][i][:], padFeature(d))
			}
		}
	}
	for s, fs := range ctxSlotFeatures {
		tg.ctx.addScores(tg.slots[s][:], fs)
	}
	tg.pot = expTrans(&tg.ctx.trans, confidenceTemperature)
	tg.confExp = newExpGaps(confidenceTemperature)
	// Both key lists are sorted: merge them, copying each feature's weights in both models into one row (zero
	// where a model lacks the feature), so a feature found costs one read of adjacent memory.
	bk, ck := tg.base.keys, tg.ctx.keys
	keys := make([]uint32, 0, len(bk)+len(ck))
	tg.bothRows = make([]pairRow, 0, len(bk)+len(ck))
	for i, j := 0, 0; i < len(bk) || j < len(ck); {
		var r pairRow
		var f uint32
		useBase := j == len(ck) || i < len(bk) && bk[i] <= ck[j]
		useCtx := i == len(bk) || j < len(ck) && ck[j] <= bk[i]
		if useBase {
			f, r[0] = bk[i], [numTags]float32(tg.base.weights[i*numTags:])
			i++
		}
		if useCtx {
			f, r[1] = ck[j], [numTags]float32(tg.ctx.weights[j*numTags:])
			j++
		}
		keys = append(keys, f)
		tg.bothRows = append(tg.bothRows, r)
	}
	tg.both = newFeatTable(keys)
	tg.vocab = make([]atomic.Pointer[wordVec], len(tg.lex.vocab))
	tg.seed = maphash.MakeSeed()
	tg.pool.New = func() any { return &scratch{oov: map[string]*wordVec{}} }
}

// recentBits sizes the direct-mapped cache of recent raw words in a scratch space: news text repeats its
// words, and the cache answers most tokens without folding them or looking them up in the large tables.
const recentBits = 16

// recentWord is a slot of the cache of recent raw words. The word is kept in the slot, not as a string, so
// a hit compares it without reading memory elsewhere (the tokens are a random walk over a large
// vocabulary, and each read of a word's own memory is likely a cache miss); longer words are not cached.
type recentWord struct {
	n   uint8 // the word's length
	raw [23]byte
	v   *wordVec
	rv  *rawVec
}

// scratch is the working space of one tagging call, reused through Tagger.pool.
type scratch struct {
	// oov holds the vectors of words outside the clustered vocabulary met in earlier calls.
	oov map[string]*wordVec
	// recent maps a raw word's hash to its latest word, its vector and the weights of the written form.
	recent [1 << recentBits]recentWord
	ids    keyIDs
	mem    memory
	fold   []byte
	// Per token of the whole text (virtual periods included): its word, the weights of its written form, its
	// memory key id, gazetteer bits, scores under the base and the context model, and its base and final
	// tags.
	vecs       []*wordVec
	info       []*tokenInfo
	raw        []*rawVec
	keys       []int32
	gazB, gazI []uint8
	em, emCtx  []float32
	base, path []int
	// One sentence's token features (tokenFeatures), the end of each token's and their rows in the merged
	// table, and Viterbi's back pointers.
	tokF    []uint32
	tokFEnd []int
	tokRows []int32
	back    []int8
	// Per sentence: its first token, and its key ids and base tags as windowed reads them.
	start     []int
	sentKeys  [][]int32
	sentBases [][]int
	slots     []int32
	sents     []tagged
	buf       []float64
	// Annotate's tokens and words, flat, the first token of each sentence, the sentences and one sentence's
	// tags.
	toks  []arabic.Token
	words []string
	first []int
	doc   [][]string
	tags  []string
}

func (tg *Tagger) getScratch() *scratch { return tg.pool.Get().(*scratch) }

func (tg *Tagger) putScratch(sc *scratch) {
	if len(sc.oov) > oovLimit {
		clear(sc.oov)
	}
	sc.ids.reset()
	tg.pool.Put(sc)
}

// word returns the vector of raw word w and the weights of its raw-word feature.
func (tg *Tagger) word(sc *scratch, w string) (*wordVec, *rawVec) {
	if len(w) > len(recentWord{}.raw) {
		v := tg.lookupWord(sc, w)
		if w == v.folded {
			return v, &v.raw
		}
		return v, tg.newRawVec(w)
	}
	slot := &sc.recent[maphash.String(tg.seed, w)>>(64-recentBits)]
	if slot.v != nil && int(slot.n) == len(w) && string(slot.raw[:slot.n]) == w {
		return slot.v, slot.rv
	}
	v := tg.lookupWord(sc, w)
	slot.n = uint8(copy(slot.raw[:], w))
	slot.v, slot.rv = v, &v.raw
	if w != v.folded {
		slot.rv = tg.newRawVec(w)
	}
	return v, slot.rv
}

// lookupWord returns the vector of raw word w from the shared vectors or the scratch space's own, computing
// it if need be.
func (tg *Tagger) lookupWord(sc *scratch, w string) *wordVec {
	sc.fold = arabic.AppendFold(sc.fold[:0], w)
	if k, ok := tg.lex.clusters[string(sc.fold)]; ok {
		if v := tg.vocab[k].Load(); v != nil {
			return v
		}
		// Two calls may compute the same vector at once; either result is the same.
		v := tg.newWordVec(tg.lex.vocab[k])
		tg.vocab[k].Store(v)
		return v
	}
	if v, ok := sc.oov[string(sc.fold)]; ok {
		return v
	}
	v := tg.newWordVec(string(sc.fold))
	sc.oov[v.folded] = v
	return v
}

// tagged is one sentence's tagging: its words, context-model scores and best path.
type tagged struct {
	words []string
	em    []float32
	path  []int
}

// tagDoc tags consecutive sentences of one text with both stages. The result lives in sc.
func (tg *Tagger) tagDoc(sc *scratch, doc [][]string) []tagged {
	sc.vecs, sc.info, sc.raw, sc.keys = sc.vecs[:0], sc.info[:0], sc.raw[:0], sc.keys[:0]
	sc.start = sc.start[:0]
	for _, words := range doc {
		sc.start = append(sc.start, len(sc.vecs))
		for _, w := range words {
			v, rv := tg.word(sc, w)
			sc.vecs = append(sc.vecs, v)
			sc.raw = append(sc.raw, rv)
		}
		// Every ANERcorp sentence ends with punctuation, and the model learned that a sentence's last word
		// is followed by one; a title or a line without it is tagged with a period added, dropped after.
		if n := len(words); n > 0 && shape(words[n-1]) != "punct" {
			v, rv := tg.word(sc, ".")
			sc.vecs = append(sc.vecs, v)
			sc.raw = append(sc.raw, rv)
		}
	}
	sc.start = append(sc.start, len(sc.vecs))
	total := len(sc.vecs)
	for _, v := range sc.vecs {
		sc.info = append(sc.info, &v.tokenInfo)
		sc.keys = append(sc.keys, sc.ids.id(v.key, v.keyHash))
	}
	sc.gazB = append(sc.gazB[:0], make([]uint8, total)...)
	sc.gazI = append(sc.gazI[:0], make([]uint8, total)...)
	sc.em = append(sc.em[:0], make([]float32, total*numTags)...)
	sc.emCtx = append(sc.emCtx[:0], make([]float32, total*numTags)...)
	sc.base = append(sc.base[:0], make([]int, total)...)
	sc.path = append(sc.path[:0], make([]int, total)...)
	sc.sentKeys, sc.sentBases = sc.sentKeys[:0], sc.sentBases[:0]
	if cap(sc.back) < total*numTags {
		sc.back = make([]int8, total*numTags)
	}

	for j := range doc {
		lo, hi := sc.start[j], sc.start[j+1]
		info := sc.info[lo:hi]
		tg.lex.matchGazetteer(info, sc.gazB[lo:hi], sc.gazI[lo:hi])
		tg.localScores(sc, lo, hi)
		viterbiTo(sc.base[lo:hi], sc.back, sc.em[lo*numTags:hi*numTags], &tg.base.trans)
		sc.sentKeys = append(sc.sentKeys, sc.keys[lo:hi])
		sc.sentBases = append(sc.sentBases, sc.base[lo:hi])
	}

	sc.mem.reset(sc.ids.n)
	sc.sents = sc.sents[:0]
	windowed(sc.sentKeys, sc.sentBases, &sc.mem, func(j int) {
		lo, hi := sc.start[j], sc.start[j+1]
		base := sc.base[lo:hi]
		for i := range hi - lo {
			sc.slots = contextSlots(sc.slots[:0], base, i, sc.keys[lo+i], &sc.mem)
			row := (*[numTags]float32)(sc.emCtx[(lo+i)*numTags:])
			for _, s := range sc.slots {
				addRow(row, &tg.slots[s])
			}
		}
		em := sc.emCtx[lo*numTags : hi*numTags]
		viterbiTo(sc.path[lo:hi], sc.back, em, &tg.ctx.trans)
		n := len(doc[j])
		sc.sents = append(sc.sents, tagged{words: doc[j], em: em[:n*numTags], path: sc.path[lo : lo+n]})
	})
	return sc.sents
}

func addRow(row, v *[numTags]float32) {
	for t := range row {
		row[t] += v[t]
	}
}

// localScores writes the local scores of tokens lo…hi-1, one sentence, under the base model to sc.em and
// under the context model to sc.emCtx.
func (tg *Tagger) localScores(sc *scratch, lo, hi int) {
	vecs := sc.vecs[lo:hi]
	info := sc.info[lo:hi]
	n := len(vecs)
	// The token features of the whole sentence are looked up at once (see featTable.find).
	sc.tokF, sc.tokFEnd = sc.tokF[:0], sc.tokFEnd[:0]
	for i := range vecs {
		sc.tokF = tokenFeatures(sc.tokF, info, sc.gazB[lo:hi], sc.gazI[lo:hi], i)
		sc.tokFEnd = append(sc.tokFEnd, len(sc.tokF))
	}
	sc.tokRows = tg.both.find(sc.tokF, sc.tokRows)
	k := 0
	for i := range vecs {
		// The words at offsets −2…+2 (or the pads beyond the sentence) and the written form.
		var src [2*window + 2]*pairRow
		for d := -window; d <= window; d++ {
			if j := i + d; j >= 0 && j < n {
				src[d+window] = &vecs[j].em[d+window]
			} else {
				src[d+window] = &tg.pad[d+window]
			}
		}
		src[2*window+1] = sc.raw[lo+i]
		var row pairRow
		for m := range row {
			for t := range row[m] {
				row[m][t] = src[0][m][t] + src[1][m][t] + src[2][m][t] + src[3][m][t] + src[4][m][t] + src[5][m][t]
			}
		}
		for ; k < sc.tokFEnd[i]; k++ {
			if r := sc.tokRows[k]; r >= 0 {
				addPair(&row, &tg.bothRows[r])
			}
		}
		*(*[numTags]float32)(sc.em[(lo+i)*numTags:]) = row[0]
		*(*[numTags]float32)(sc.emCtx[(lo+i)*numTags:]) = row[1]
	}
}
