package ner

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
)

// Features are hashed strings "kind=value"; the model stores only the hash, so feature extraction
// allocates little per feature.
//
// Most features read one word at a fixed offset from the token (the token's own affixes, the folded form of
// the word two to the left, the cluster of the word to the right …). Their weights summed per word and
// offset are a fixed vector per model, which tagging caches per word form (see wordVec); only the features
// that read two words, the sentence position or the gazetteer phrases are looked up per token.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// featState hashes kind and value parts, with a separator before each value so ("ab","c") ≠ ("a","bc"). A
// state can be extended with more values by featMore, so a feature of two words hashes the first once.
func featState(kind string, vals ...string) uint64 {
	h := hashStr(fnvOffset, kind)
	for _, v := range vals {
		h = featMore(h, v)
	}
	return h
}

func featMore(h uint64, v string) uint64 {
	h ^= 0xff
	h *= fnvPrime
	return hashStr(h, v)
}

// featKey folds a feature state to 32 bits: a few hundred thousand features rarely collide, and the model
// stays small.
func featKey(h uint64) uint32 { return uint32(h ^ h>>32) }

// feat hashes kind and value parts into one feature.
func feat(kind string, vals ...string) uint32 { return featKey(featState(kind, vals...)) }

// shape classifies a word by its script and characters: numbers, Latin words and punctuation behave alike
// within a class whatever the word.
func shape(w string) string {
	var digit, latin, arab, other bool
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9' || r >= '٠' && r <= '٩':
			digit = true
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			latin = true
		case unicode.IsLetter(r) || unicode.IsMark(r):
			arab = true
		default:
			other = true
		}
	}
	switch {
	case digit && !latin && !arab:
		return "num"
	case latin && !arab:
		return "latin"
	case arab && !digit && !latin && !other:
		return "arab"
	case other && !digit && !latin && !arab:
		return "punct"
	}
	return "mixed"
}

func runePrefix(s string, n int) (string, bool) {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return "", false
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], i < len(s)
}

func runeSuffix(s string, n int) (string, bool) {
	i := len(s)
	for k := 0; k < n; k++ {
		if i <= 0 {
			return "", false
		}
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:], i > 0
}

// cliticRest returns the word without a leading conjunction or preposition letter when what remains is still
// a plausible word: ANERcorp keeps "وسوريا" and "بلبنان" as one token and tags the whole of it.
func cliticRest(f string) (string, bool) {
	if utf8.RuneCountInString(f) < 4 {
		return "", false
	}
	for _, p := range []string{"و", "ف", "ب", "ل", "ك"} {
		if rest, ok := strings.CutPrefix(f, p); ok {
			return rest, true
		}
	}
	return "", false
}

// hasArticle reports whether the word carries the definite article, possibly after clitics: "الحسكة",
// "والحسكة", "بالحسكة", "للحسكة".
func hasArticle(f string) bool {
	for _, p := range []string{"ال", "وال", "فال", "بال", "كال", "لل", "وبال", "ولل"} {
		if strings.HasPrefix(f, p) && utf8.RuneCountInString(f) > utf8.RuneCountInString(p)+1 {
			return true
		}
	}
	return false
}

// wordInfo is what the features read of one folded word form: the word's own features (wordFeatures) read
// all of it, the features of a token and its neighbours (tokenFeatures, matchGazetteer) only its tokenInfo.
type wordInfo struct {
	tokenInfo
	stem string
	// rest is the word without a leading clitic letter (cliticRest), "" when it has none.
	rest string
	// trig is the trigger class of the word, "" when it is none.
	trig     string
	clusters [numClusterLevels]uint16
}

// tokenInfo is what tagging reads of a word for every token; a word's vector (wordVec) keeps only this part
// of its wordInfo. The fields read first come first, so that they share the vector's first cache line.
type tokenInfo struct {
	// The hash states of the two-word features with this word on the left (see tokenFeatures).
	pairLeft, pairRight, pairCluster uint64
	folded                           string
	// key is the memory key of the word (see memKey); "" for punctuation and numbers.
	key     string
	keyHash uint64
	known   bool
	// clusterVal is the feature value the word gives as the right word of f-1c0.
	clusterVal string
	// gazKey is the word's form inside a gazetteer phrase, gaz its readings as the first word of one.
	gaz    []gazCand
	gazKey string
}

// clusterNames are the decimal names of cluster ids (clusterVal, the cluster features), shared by all words.
var clusterNames = func() (names [1 << 10]string) {
	for c := range names {
		names[c] = strconv.Itoa(c)
	}
	return names
}()

// clusterName returns the decimal name of cluster id c.
func clusterName(c uint16) string {
	if int(c) < len(clusterNames) {
		return clusterNames[c]
	}
	return strconv.Itoa(int(c))
}

func (lex *lexicon) wordInfo(f string) wordInfo {
	w := wordInfo{tokenInfo: tokenInfo{folded: f}, stem: arabic.Stem(f)}
	w.rest, _ = cliticRest(f)
	w.clusters, w.known = lex.cluster(f)
	if sh := shape(f); sh == "arab" || sh == "latin" {
		w.key = memKey(f)
		w.keyHash = keyHash(w.key)
	}
	// Trigger words: titles before persons, place nouns before places, institution nouns before
	// organizations.
	cls, ok := lex.triggers[f]
	if !ok {
		if w.rest != "" {
			cls, ok = lex.triggers[gazKey(w.rest)]
		}
		if !ok {
			cls = lex.triggers["ال"+gazKey(f)]
		}
	}
	w.trig = cls
	w.gazKey = gazKey(f)
	w.gaz = lex.gazCands(f)
	w.pairLeft = featState("f-1f0", f)
	w.pairRight = featState("f0f+1", f)
	w.pairCluster = featState("f-1c0", f)
	if w.known {
		w.clusterVal = clusterName(w.clusters[1])
	}
	return w
}

// window is the span of offsets, −window…+window, at which a word feeds a token's features.
const window = 2

var (
	offsetNames = [2*window + 1]string{"-2", "-1", "0", "1", "2"}
	levelKinds  = [numClusterLevels]string{"c0", "c1", "c2"}
)

// wordFeatures appends the features that word w gives the token d positions after it (d = 0 is the token
// itself, d = −1 its left neighbour).
func wordFeatures(dst []uint32, w *wordInfo, d int) []uint32 {
	ds := offsetNames[d+window]
	f := w.folded
	if d == 0 {
		dst = append(dst,
			feat("bias"),
			feat("f", f),
			feat("s", w.stem),
			feat("shape", shape(f)),
		)
		if n := utf8.RuneCountInString(f); n <= 2 {
			dst = append(dst, feat("short"))
		}
		if w.rest != "" {
			dst = append(dst, feat("rest", w.rest), feat("restst", arabic.Stem(w.rest)))
		}
		if hasArticle(f) {
			dst = append(dst, feat("art"))
		}
		for n := 1; n <= 4; n++ {
			if p, ok := runePrefix(f, n); ok {
				dst = append(dst, feat("pre", p))
			}
		}
		for n := 1; n <= 5; n++ {
			if p, ok := runeSuffix(f, n); ok {
				dst = append(dst, feat("suf", p))
			}
		}
	} else {
		// Neighbouring words, and the stems of the adjacent ones.
		dst = append(dst, feat("f"+ds, f))
		if d == -1 || d == 1 {
			dst = append(dst, feat("s"+ds, w.stem))
			if w.rest != "" {
				dst = append(dst, feat("rest"+ds, gazKey(w.rest)))
			}
		}
	}
	if w.trig != "" && d >= -2 && d <= 1 {
		dst = append(dst, feat("trig", ds, w.trig))
	}
	// Word clusters of the token and its neighbours: they carry what the training set never showed.
	if d >= -1 && d <= 1 {
		if !w.known {
			dst = append(dst, feat("cunk", ds))
		} else {
			for l, kind := range levelKinds {
				if d != 0 && l == numClusterLevels-1 {
					break
				}
				dst = append(dst, feat(kind, ds, clusterName(w.clusters[l])))
			}
		}
	}
	return dst
}

// rawFeature is the feature of the word as written.
func rawFeature(w string) uint32 { return feat("w", w) }

// padFeature is the feature of an offset d ≠ 0 beyond the sentence.
func padFeature(d int) uint32 { return feat("f"+offsetNames[d+window], "<pad>") }

var (
	featFirst = feat("first")
	// featGaz[d+1][b] are the features of gazetteer class b beginning (gB) or inside (gI) at offset d.
	featGazB, featGazI [3][len(gazNames)]uint32
)

func init() {
	for d := -1; d <= 1; d++ {
		for b, name := range gazNames {
			featGazB[d+1][b] = feat("gB", offsetNames[d+window], name)
			featGazI[d+1][b] = feat("gI", offsetNames[d+window], name)
		}
	}
}

// tokenFeatures appends the features of token i that are not one word's at an offset: the sentence start,
// the word bigrams and the gazetteer phrases around the token. The raw word (rawFeature) is apart: the
// word cache is keyed by the folded form.
func tokenFeatures(dst []uint32, info []*tokenInfo, gazB, gazI []uint8, i int) []uint32 {
	w := info[i]
	if i == 0 {
		dst = append(dst, featFirst)
	}
	if i > 0 {
		dst = append(dst, featKey(featMore(info[i-1].pairLeft, w.folded)))
	}
	if i+1 < len(info) {
		dst = append(dst, featKey(featMore(w.pairRight, info[i+1].folded)))
	}
	// Gazetteer membership of the token and its neighbours.
	for d := -1; d <= 1; d++ {
		j := i + d
		if j < 0 || j >= len(info) || gazB[j]|gazI[j] == 0 {
			continue
		}
		for b := range gazNames {
			bit := uint8(1) << b
			if gazB[j]&bit != 0 {
				dst = append(dst, featGazB[d+1][b])
			}
			if gazI[j]&bit != 0 {
				dst = append(dst, featGazI[d+1][b])
			}
		}
	}
	if w.known && i > 0 {
		dst = append(dst, featKey(featMore(info[i-1].pairCluster, w.clusterVal)))
	}
	return dst
}

// sentence is a token sequence with the per-word views the features read, for training: it lists every
// feature of every token.
type sentence struct {
	words []string
	info  []*wordInfo
	gazB  []uint8
	gazI  []uint8
	// local holds the local features of token i at local[off[i]:off[i+1]].
	local []uint32
	off   []int
}

// prepare lists the local features of the tokens of words: the features of the words at offsets −2…+2
// (see wordFeatures) and the token's own (tokenFeatures). Tagging sums the same features through the
// per-word cache instead.
func (lex *lexicon) prepare(words []string) *sentence {
	n := len(words)
	s := &sentence{
		words: words,
		info:  make([]*wordInfo, n),
		gazB:  make([]uint8, n),
		gazI:  make([]uint8, n),
		off:   make([]int, n+1),
	}
	tok := make([]*tokenInfo, n)
	for i, w := range words {
		info := lex.wordInfo(arabic.Fold(w))
		s.info[i], tok[i] = &info, &info.tokenInfo
	}
	lex.matchGazetteer(tok, s.gazB, s.gazI)
	s.local = make([]uint32, 0, n*64)
	for i := range words {
		for d := -window; d <= window; d++ {
			if j := i + d; j < 0 || j >= n {
				s.local = append(s.local, padFeature(d))
			} else {
				s.local = wordFeatures(s.local, s.info[j], d)
			}
		}
		s.local = append(s.local, rawFeature(words[i]))
		s.local = tokenFeatures(s.local, tok, s.gazB, s.gazI, i)
		s.off[i+1] = len(s.local)
	}
	return s
}

// localFeatures returns the local features of token i.
func (s *sentence) localFeatures(i int) []uint32 { return s.local[s.off[i]:s.off[i+1]] }
