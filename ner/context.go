package ner

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Tagging runs in two stages (stacking, as in Ratinov & Roth 2009): the base model tags each sentence from
// local features; the context model then sees, besides the same local features, the base tags around the
// token and how the base model tagged the same word elsewhere in the neighbouring sentences. A name is often
// tagged confidently once ("البنك التجاري" after "رئيس مجلس إدارة") and missed at its later bare mentions;
// the memory carries the first decision to them.

// contextWindow is the number of sentences on each side whose base tags feed the memory. ANERcorp has no
// document boundaries, and news articles run to a few dozen sentences.
const contextWindow = 25

// memKey is the form under which a word is remembered: folded, without a leading و and the article, so
// "والبنك" and "البنك" meet.
func memKey(folded string) string {
	w := folded
	if strings.HasPrefix(w, "و") && utf8.RuneCountInString(w) >= 4 {
		w = w[len("و"):]
	}
	for _, p := range []string{"ال", "لل", "بال"} {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 2 {
			return rest
		}
	}
	return w
}

// memory counts, per word key, its occurrences and how often the base model put it inside an entity of each
// type, over a sliding window of sentences.
type memory struct {
	occ map[string]int32
	ent map[string][4]int32
}

func newMemory() *memory {
	return &memory{occ: map[string]int32{}, ent: map[string][4]int32{}}
}

// add counts sentence s with base tags path into the memory (sign 1) or removes it (sign -1).
func (m *memory) add(s *sentence, path []int, sign int32) {
	for i, k := range s.keys {
		if k == "" {
			continue
		}
		m.occ[k] += sign
		if t := path[i]; t > 0 {
			e := m.ent[k]
			e[(t-1)/2] += sign
			m.ent[k] = e
		}
	}
}

var typeNames = [4]string{"PERS", "LOC", "ORG", "MISC"}

// contextFeatures appends the features the context model adds to the local ones for token i: the base tags
// of the token and its neighbours, and the memory of its word.
func contextFeatures(dst []uint32, s *sentence, base []int, i int, mem *memory) []uint32 {
	tagAt := func(j int) string {
		if j < 0 || j >= len(base) {
			return "<pad>"
		}
		return Tags[base[j]]
	}
	dst = append(dst,
		feat("b0", tagAt(i)),
		feat("b-1", tagAt(i-1)),
		feat("b+1", tagAt(i+1)),
		feat("b-1b0b+1", tagAt(i-1), tagAt(i), tagAt(i+1)),
	)
	k := s.keys[i]
	if k == "" {
		return dst
	}
	occ := mem.occ[k]
	if occ <= 0 {
		return dst
	}
	e := mem.ent[k]
	best, bestN := -1, int32(0)
	total := int32(0)
	for t, n := range e {
		total += n
		if n > bestN {
			best, bestN = t, n
		}
		if n > 0 {
			// Quarter buckets of the share of occurrences tagged with this type.
			dst = append(dst, feat("mem", typeNames[t], strconv.Itoa(int(4*n/(occ+1)))))
		}
	}
	if best >= 0 {
		dst = append(dst, feat("memmax", typeNames[best]))
		if bestN < occ {
			dst = append(dst, feat("memmax", typeNames[best], Tags[base[i]]))
		}
	}
	if total == 0 && occ > 1 {
		dst = append(dst, feat("memnone"))
	}
	return dst
}

// tagged is one sentence's tagging: its prepared form, scores and best path under the context model.
type tagged struct {
	s    *sentence
	em   []float32
	path []int
}

// tagDoc tags consecutive sentences of one text with both stages.
func (tg *Tagger) tagDoc(doc [][]string) []tagged {
	out := make([]tagged, len(doc))
	bases := make([][]int, len(doc))
	var fs []uint32
	for j, words := range doc {
		// Every ANERcorp sentence ends with punctuation, and the model learned that a sentence's last word
		// is followed by one; a title or a line without it is tagged with a period added, dropped after.
		if n := len(words); n > 0 && shape(words[n-1]) != "punct" {
			words = append(words[:n:n], ".")
		}
		s := tg.lex.prepare(words)
		em := make([]float32, len(words)*numTags)
		for i := range words {
			tg.base.addScores(em[i*numTags:(i+1)*numTags], s.localFeatures(i))
		}
		out[j].s = s
		bases[j] = viterbi(em, &tg.base.trans, len(words))
	}
	windowed(out, bases, func(j int, mem *memory) {
		s := out[j].s
		em := make([]float32, len(s.words)*numTags)
		for i := range s.words {
			tg.ctx.addScores(em[i*numTags:(i+1)*numTags], s.localFeatures(i))
			fs = contextFeatures(fs[:0], s, bases[j], i, mem)
			tg.ctx.addScores(em[i*numTags:(i+1)*numTags], fs)
		}
		n := len(doc[j])
		out[j].em = em[:n*numTags]
		out[j].path = viterbi(em, &tg.ctx.trans, len(s.words))[:n]
	})
	return out
}

// windowed calls fn for each sentence j with the memory of the base tags of sentences j-contextWindow to
// j+contextWindow, sliding the window instead of recounting it.
func windowed(sents []tagged, bases [][]int, fn func(j int, mem *memory)) {
	mem := newMemory()
	hi := 0 // sentences [lo, hi) are in the memory
	for j := range sents {
		for ; hi < len(sents) && hi <= j+contextWindow; hi++ {
			mem.add(sents[hi].s, bases[hi], 1)
		}
		if lo := j - contextWindow - 1; lo >= 0 {
			mem.add(sents[lo].s, bases[lo], -1)
		}
		fn(j, mem)
	}
}
