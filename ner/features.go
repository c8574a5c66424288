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

// feat hashes kind and value parts into one feature, with a separator so ("ab","c") ≠ ("a","bc"). Keys are
// folded to 32 bits: a few hundred thousand features rarely collide, and the model stays small.
func feat(kind string, vals ...string) uint32 {
	h := hashStr(fnvOffset, kind)
	for _, v := range vals {
		h ^= 0xff
		h *= fnvPrime
		h = hashStr(h, v)
	}
	return uint32(h ^ h>>32)
}

// sentence is a token sequence with the per-word views the features read.
type sentence struct {
	words    []string
	folded   []string
	stems    []string
	gazB     []uint8
	gazI     []uint8
	clusters [][numClusterLevels]uint16
	known    []bool
	// keys are the memory keys of the words (see memKey); empty for punctuation and numbers.
	keys []string
	// local holds the local features of token i at local[off[i]:off[i+1]].
	local []uint32
	off   []int
}

func (lex *lexicon) prepare(words []string) *sentence {
	n := len(words)
	s := &sentence{
		words:    words,
		folded:   make([]string, n),
		stems:    make([]string, n),
		gazB:     make([]uint8, n),
		gazI:     make([]uint8, n),
		clusters: make([][numClusterLevels]uint16, n),
		known:    make([]bool, n),
		keys:     make([]string, n),
		off:      make([]int, n+1),
	}
	for i, w := range words {
		f := arabic.Fold(w)
		s.folded[i] = f
		s.stems[i] = arabic.Stem(f)
		s.clusters[i], s.known[i] = lex.cluster(f)
		if sh := shape(f); sh == "arab" || sh == "latin" {
			s.keys[i] = memKey(f)
		}
	}
	lex.matchGazetteer(s.folded, s.gazB, s.gazI)
	s.local = make([]uint32, 0, n*64)
	for i := range words {
		s.local = lex.features(s.local, s, i)
		s.off[i+1] = len(s.local)
	}
	return s
}

// localFeatures returns the local features of token i.
func (s *sentence) localFeatures(i int) []uint32 { return s.local[s.off[i]:s.off[i+1]] }

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

var levelKinds = [numClusterLevels]string{"c0", "c1", "c2"}

// features appends the hashed features of token i to dst.
func (lex *lexicon) features(dst []uint32, s *sentence, i int) []uint32 {
	f := s.folded[i]
	dst = append(dst,
		feat("bias"),
		feat("w", s.words[i]),
		feat("f", f),
		feat("s", s.stems[i]),
		feat("shape", shape(f)),
	)
	if n := utf8.RuneCountInString(f); n <= 2 {
		dst = append(dst, feat("short"))
	}
	if rest, ok := cliticRest(f); ok {
		dst = append(dst, feat("rest", rest), feat("restst", arabic.Stem(rest)))
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
	if i == 0 {
		dst = append(dst, feat("first"))
	}
	// Neighbouring words, their stems, and the word bigrams around the token.
	for _, d := range [...]int{-2, -1, 1, 2} {
		j := i + d
		ds := strconv.Itoa(d)
		if j < 0 || j >= len(s.words) {
			dst = append(dst, feat("f"+ds, "<pad>"))
			continue
		}
		dst = append(dst, feat("f"+ds, s.folded[j]))
		if d == -1 || d == 1 {
			dst = append(dst, feat("s"+ds, s.stems[j]))
			if rest, ok := cliticRest(s.folded[j]); ok {
				dst = append(dst, feat("rest"+ds, gazKey(rest)))
			}
		}
	}
	if i > 0 {
		dst = append(dst, feat("f-1f0", s.folded[i-1], f))
	}
	if i+1 < len(s.words) {
		dst = append(dst, feat("f0f+1", f, s.folded[i+1]))
	}
	// Trigger words: titles before persons, place nouns before places, institution nouns before organizations.
	for _, d := range [...]int{-2, -1, 0, 1} {
		j := i + d
		if j < 0 || j >= len(s.words) {
			continue
		}
		cls, ok := lex.triggers[s.folded[j]]
		if !ok {
			if rest, cut := cliticRest(s.folded[j]); cut {
				cls, ok = lex.triggers[gazKey(rest)]
			}
			if !ok {
				cls, ok = lex.triggers["ال"+gazKey(s.folded[j])]
			}
		}
		if ok {
			dst = append(dst, feat("trig", strconv.Itoa(d), cls))
		}
	}
	// Gazetteer membership of the token and its neighbours.
	for _, d := range [...]int{-1, 0, 1} {
		j := i + d
		if j < 0 || j >= len(s.words) {
			continue
		}
		ds := strconv.Itoa(d)
		for b, name := range gazNames {
			bit := uint8(1) << b
			if s.gazB[j]&bit != 0 {
				dst = append(dst, feat("gB", ds, name))
			}
			if s.gazI[j]&bit != 0 {
				dst = append(dst, feat("gI", ds, name))
			}
		}
	}
	// Word clusters of the token and its neighbours: they carry what the training set never showed.
	for _, d := range [...]int{-1, 0, 1} {
		j := i + d
		if j < 0 || j >= len(s.words) {
			continue
		}
		ds := strconv.Itoa(d)
		if !s.known[j] {
			dst = append(dst, feat("cunk", ds))
			continue
		}
		for l, kind := range levelKinds {
			if d != 0 && l == numClusterLevels-1 {
				break
			}
			dst = append(dst, feat(kind, ds, strconv.Itoa(int(s.clusters[j][l]))))
		}
	}
	if s.known[i] && i > 0 {
		dst = append(dst, feat("f-1c0", s.folded[i-1], strconv.Itoa(int(s.clusters[i][1]))))
	}
	return dst
}
