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

// keyHash is the hash of memory key k that keyIDs reads: computed once per word form (tokenInfo.keyHash),
// so numbering a token's key reads neither the key's bytes nor a Go map.
func keyHash(k string) uint64 { return hashStr(fnvOffset, k) }

// keyIDs numbers the memory keys of one text densely, so the memory is a pair of slices. It is a table with
// open addressing on the keys' hashes.
type keyIDs struct {
	slots []keySlot
	n     int // keys numbered
	shift uint
}

type keySlot struct {
	hash uint64
	key  string // "" for an empty slot
	id   int32
}

// id returns the number of key k with hash h (keyHash), or -1 for the empty key (punctuation, numbers).
func (ids *keyIDs) id(k string, h uint64) int32 {
	if k == "" {
		return -1
	}
	if 2*(ids.n+1) > len(ids.slots) {
		ids.grow()
	}
	mask := uint64(len(ids.slots) - 1)
	for i := ids.slot(h); ; i = (i + 1) & mask {
		s := &ids.slots[i]
		if s.key == "" {
			*s = keySlot{hash: h, key: k, id: int32(ids.n)}
			ids.n++
			return s.id
		}
		// Most often the same word form, whose key shares its bytes: == compares no bytes then.
		if s.hash == h && s.key == k {
			return s.id
		}
	}
}

// slot is the home slot of hash h (Fibonacci hashing: FNV's low bits alone spread short keys poorly).
func (ids *keyIDs) slot(h uint64) uint64 { return (h * 0x9e3779b97f4a7c15) >> ids.shift }

// grow doubles the table, keeping the numbers given.
func (ids *keyIDs) grow() {
	old := ids.slots
	bits := uint(6)
	if len(old) > 0 {
		bits = uint(64-ids.shift) + 1
	}
	ids.slots, ids.shift = make([]keySlot, 1<<bits), 64-bits
	mask := uint64(len(ids.slots) - 1)
	for _, s := range old {
		if s.key == "" {
			continue
		}
		i := ids.slot(s.hash)
		for ids.slots[i].key != "" {
			i = (i + 1) & mask
		}
		ids.slots[i] = s
	}
}

// reset empties the table for another text; one grown for a long text is dropped rather than cleared for
// every short one after it.
func (ids *keyIDs) reset() {
	if len(ids.slots) > 1<<12 {
		*ids = keyIDs{}
		return
	}
	clear(ids.slots)
	ids.n = 0
}

// memory counts, per word key, its occurrences and how often the base model put it inside an entity of each
// type, over a sliding window of sentences.
type memory struct {
	occ []int32
	ent [][4]int32
}

// reset empties the memory for n keys.
func (m *memory) reset(n int) {
	m.occ = append(m.occ[:0], make([]int32, n)...)
	m.ent = append(m.ent[:0], make([][4]int32, n)...)
}

// add counts a sentence of key ids with base tags path into the memory (sign 1) or removes it (sign -1).
func (m *memory) add(keys []int32, path []int, sign int32) {
	for i, k := range keys {
		if k < 0 {
			continue
		}
		m.occ[k] += sign
		if t := path[i]; t > 0 {
			m.ent[k][(t-1)/2] += sign
		}
	}
}

// windowed calls fn for each sentence j with the memory of the base tags of sentences j-contextWindow to
// j+contextWindow, sliding the window instead of recounting it. keys[j] are the key ids of sentence j, and
// mem holds at least as many keys as they use.
func windowed(keys [][]int32, bases [][]int, mem *memory, fn func(j int)) {
	hi := 0 // sentences [lo, hi) are in the memory
	for j := range keys {
		for ; hi < len(keys) && hi <= j+contextWindow; hi++ {
			mem.add(keys[hi], bases[hi], 1)
		}
		if lo := j - contextWindow - 1; lo >= 0 {
			mem.add(keys[lo], bases[lo], -1)
		}
		fn(j)
	}
}

var typeNames = [4]string{"PERS", "LOC", "ORG", "MISC"}

// The context features are few and take few values, so they are numbered: a slot stands for one feature,
// which training hashes (ctxSlotFeatures) and tagging reads as a precomputed weight row.
const (
	// slotTags + (p·(numTags+1) + c)·(numTags+1) + n: the base tags before, at and after the token (index 0
	// beyond the sentence, else tag+1); one slot stands for its four features b-1, b0, b+1, b-1b0b+1.
	slotTags = 0
	// slotMem + 4·type + bucket: the quarter of the word's occurrences tagged with the type.
	slotMem = slotTags + (numTags+1)*(numTags+1)*(numTags+1)
	// slotMemMax + type: the type most often given to the word.
	slotMemMax = slotMem + 4*4
	// slotMemMaxTag + type·numTags + tag: that type while the token has another base tag.
	slotMemMaxTag = slotMemMax + 4
	// slotMemNone: a word seen more than once and never in an entity.
	slotMemNone = slotMemMaxTag + 4*numTags
	numSlots    = slotMemNone + 1
)

// ctxSlotFeatures[s] are the hashed features of slot s.
var ctxSlotFeatures [numSlots][]uint32

func init() {
	tagName := func(i int) string {
		if i == 0 {
			return "<pad>"
		}
		return Tags[i-1]
	}
	for p := range numTags + 1 {
		for c := 1; c <= numTags; c++ {
			for n := range numTags + 1 {
				ctxSlotFeatures[slotTags+(p*(numTags+1)+c)*(numTags+1)+n] = []uint32{
					feat("b0", tagName(c)),
					feat("b-1", tagName(p)),
					feat("b+1", tagName(n)),
					feat("b-1b0b+1", tagName(p), tagName(c), tagName(n)),
				}
			}
		}
	}
	for t, name := range typeNames {
		for b := range 4 {
			ctxSlotFeatures[slotMem+4*t+b] = []uint32{feat("mem", name, strconv.Itoa(b))}
		}
		ctxSlotFeatures[slotMemMax+t] = []uint32{feat("memmax", name)}
		for tag := range numTags {
			ctxSlotFeatures[slotMemMaxTag+t*numTags+tag] = []uint32{feat("memmax", name, Tags[tag])}
		}
	}
	ctxSlotFeatures[slotMemNone] = []uint32{feat("memnone")}
}

// contextSlots appends the slots of the features the context model adds to the local ones for token i: the
// base tags of the token and its neighbours, and the memory of its word (key id k, -1 for none).
func contextSlots(dst []int32, base []int, i int, k int32, mem *memory) []int32 {
	tagAt := func(j int) int {
		if j < 0 || j >= len(base) {
			return 0
		}
		return base[j] + 1
	}
	dst = append(dst, int32(slotTags+(tagAt(i-1)*(numTags+1)+tagAt(i))*(numTags+1)+tagAt(i+1)))
	if k < 0 {
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
			// Quarter buckets of the share of occurrences tagged with this type; n ≤ occ.
			dst = append(dst, int32(slotMem+4*t+int(4*n/(occ+1))))
		}
	}
	if best >= 0 {
		dst = append(dst, int32(slotMemMax+best))
		if bestN < occ {
			dst = append(dst, int32(slotMemMaxTag+best*numTags+base[i]))
		}
	}
	if total == 0 && occ > 1 {
		dst = append(dst, slotMemNone)
	}
	return dst
}
