package ner

import (
	"sync/atomic"

	"github.com/marsad/marsad/arabic"
)

// The models are linear, and most features read one word at a fixed offset from the token, so tagging sums
// per token five cached vectors (the words at offsets −2…+2), looks up the few features that read two words
// or the gazetteer, and adds one precomputed row for the context features. The sums equal those of the
// listed features (sentence.local) that training reads; the weights are multiples of 1/64, so the order of
// summation does not change them.

// wordVec is one folded word form's share of the scores of the tokens around it.
type wordVec struct {
	wordInfo
	// em[m][d+window] sums the weights in model m (0 base, 1 context) of the features the word gives the
	// token d positions after it (wordFeatures).
	em [2][2*window + 1][numTags]float32
	// raw[m] is the weight of rawFeature(folded): the raw-word feature of the word when it is written in its
	// folded form, as most words are.
	raw [2][numTags]float32
}

// sharedWords is the number of most frequent folded words (the head of the cluster vocabulary) whose
// vectors, once computed, every tagging call shares; they cover 97% of running news text. Rarer words are
// kept per scratch space.
const sharedWords = 100000

// oovLimit bounds the words a scratch space keeps computed between calls.
const oovLimit = 50000

func (tg *Tagger) newWordVec(folded string) *wordVec {
	v := &wordVec{wordInfo: tg.lex.wordInfo(folded)}
	var arr [64]uint32
	for d := -window; d <= window; d++ {
		fs := wordFeatures(arr[:0], &v.wordInfo, d)
		tg.base.addScores(v.em[0][d+window][:], fs)
		tg.ctx.addScores(v.em[1][d+window][:], fs)
	}
	raw := rawFeature(folded)
	tg.base.addScore(v.raw[0][:], raw)
	tg.ctx.addScore(v.raw[1][:], raw)
	return v
}

// prepareTagging builds what tagging reads besides the models: the vectors of the frequent words, the pads,
// the context rows and the confidence potentials.
func (tg *Tagger) prepareTagging() {
	for i, m := range [2]*model{tg.base, tg.ctx} {
		for d := -window; d <= window; d++ {
			if d != 0 {
				m.addScore(tg.pad[i][d+window][:], padFeature(d))
			}
		}
	}
	for s, fs := range ctxSlotFeatures {
		tg.ctx.addScores(tg.slots[s][:], fs)
	}
	tg.pot = expTrans(&tg.ctx.trans, confidenceTemperature)
	tg.vocab = make([]atomic.Pointer[wordVec], min(sharedWords, len(tg.lex.vocab)))
	tg.pool.New = func() any { return &scratch{oov: map[string]*wordVec{}, ids: keyIDs{}} }
}

// scratch is the working space of one tagging call, reused through Tagger.pool.
type scratch struct {
	// oov holds the vectors of words outside the precomputed vocabulary met in earlier calls.
	oov  map[string]*wordVec
	ids  keyIDs
	mem  memory
	fold []byte
	// Per token of the whole text (virtual periods included): its word, whether it is written folded, its
	// memory key id, gazetteer bits, and its token features at tokF[tokOff[k]:tokOff[k+1]].
	vecs       []*wordVec
	info       []*wordInfo
	same       []bool
	keys       []int32
	gazB, gazI []uint8
	tokF       []uint32
	tokOff     []int32
	em         []float32
	base, path []int
	back       []int8
	// Per sentence: its first token, and its key ids and base tags as windowed reads them.
	start     []int
	sentKeys  [][]int32
	sentBases [][]int
	slots     []int32
	sents     []tagged
	marg, buf []float64
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
	clear(sc.ids)
	tg.pool.Put(sc)
}

// word returns the vector of raw word w.
func (tg *Tagger) word(sc *scratch, w string) *wordVec {
	sc.fold = arabic.AppendFold(sc.fold[:0], w)
	if k, ok := tg.lex.clusters[string(sc.fold)]; ok && int(k) < len(tg.vocab) {
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
	sc.vecs, sc.info, sc.same, sc.keys = sc.vecs[:0], sc.info[:0], sc.same[:0], sc.keys[:0]
	sc.tokF, sc.tokOff = sc.tokF[:0], append(sc.tokOff[:0], 0)
	sc.start = sc.start[:0]
	for _, words := range doc {
		sc.start = append(sc.start, len(sc.vecs))
		for _, w := range words {
			v := tg.word(sc, w)
			sc.vecs = append(sc.vecs, v)
			sc.same = append(sc.same, w == v.folded)
		}
		// Every ANERcorp sentence ends with punctuation, and the model learned that a sentence's last word
		// is followed by one; a title or a line without it is tagged with a period added, dropped after.
		if n := len(words); n > 0 && shape(words[n-1]) != "punct" {
			sc.vecs = append(sc.vecs, tg.word(sc, "."))
			sc.same = append(sc.same, true)
		}
	}
	sc.start = append(sc.start, len(sc.vecs))
	total := len(sc.vecs)
	for _, v := range sc.vecs {
		sc.info = append(sc.info, &v.wordInfo)
		sc.keys = append(sc.keys, sc.ids.id(v.key))
	}
	sc.gazB = append(sc.gazB[:0], make([]uint8, total)...)
	sc.gazI = append(sc.gazI[:0], make([]uint8, total)...)
	sc.em = append(sc.em[:0], make([]float32, total*numTags)...)
	sc.base = append(sc.base[:0], make([]int, total)...)
	sc.path = append(sc.path[:0], make([]int, total)...)
	sc.sentKeys, sc.sentBases = sc.sentKeys[:0], sc.sentBases[:0]
	if cap(sc.back) < total*numTags {
		sc.back = make([]int8, total*numTags)
	}

	for j, words := range doc {
		lo, hi := sc.start[j], sc.start[j+1]
		info := sc.info[lo:hi]
		tg.lex.matchGazetteer(info, sc.gazB[lo:hi], sc.gazI[lo:hi])
		for i := range info {
			if !sc.same[lo+i] {
				sc.tokF = append(sc.tokF, rawFeature(words[i]))
			}
			sc.tokF = tokenFeatures(sc.tokF, info, sc.gazB[lo:hi], sc.gazI[lo:hi], i)
			sc.tokOff = append(sc.tokOff, int32(len(sc.tokF)))
		}
		tg.localScores(sc, 0, lo, hi)
		viterbiTo(sc.base[lo:hi], sc.back, sc.em[lo*numTags:hi*numTags], &tg.base.trans)
		sc.sentKeys = append(sc.sentKeys, sc.keys[lo:hi])
		sc.sentBases = append(sc.sentBases, sc.base[lo:hi])
	}

	sc.mem.reset(len(sc.ids))
	sc.sents = sc.sents[:0]
	windowed(sc.sentKeys, sc.sentBases, &sc.mem, func(j int) {
		lo, hi := sc.start[j], sc.start[j+1]
		tg.localScores(sc, 1, lo, hi)
		base := sc.base[lo:hi]
		for i := range hi - lo {
			sc.slots = contextSlots(sc.slots[:0], base, i, sc.keys[lo+i], &sc.mem)
			row := (*[numTags]float32)(sc.em[(lo+i)*numTags:])
			for _, s := range sc.slots {
				addRow(row, &tg.slots[s])
			}
		}
		em := sc.em[lo*numTags : hi*numTags]
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

// localScores writes the local scores under model mi (0 base, 1 context) of tokens lo…hi-1, one sentence,
// to sc.em.
func (tg *Tagger) localScores(sc *scratch, mi int, lo, hi int) {
	m := tg.base
	if mi == 1 {
		m = tg.ctx
	}
	vecs := sc.vecs[lo:hi]
	n := len(vecs)
	for i, v := range vecs {
		row := (*[numTags]float32)(sc.em[(lo+i)*numTags:])
		*row = v.em[mi][window]
		for d := 1; d <= window; d++ {
			if i-d >= 0 {
				addRow(row, &vecs[i-d].em[mi][window-d])
			} else {
				addRow(row, &tg.pad[mi][window-d])
			}
			if i+d < n {
				addRow(row, &vecs[i+d].em[mi][window+d])
			} else {
				addRow(row, &tg.pad[mi][window+d])
			}
		}
		if sc.same[lo+i] {
			addRow(row, &v.raw[mi])
		}
		for _, f := range sc.tokF[sc.tokOff[lo+i]:sc.tokOff[lo+i+1]] {
			m.addScore(row[:], f)
		}
	}
}
