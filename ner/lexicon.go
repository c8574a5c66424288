package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
)

// The lexicon holds the word knowledge the features look up: hand-written trigger words, gazetteer phrases
// built from the place and actor dictionaries, and word clusters learned from unlabeled news text. It is
// part of the model: a model is only valid with the lexicon it was trained with.

//go:embed data/triggers.txt
var triggersData string

//go:embed data/gazetteer.tsv.gz
var gazetteerData []byte

//go:embed data/clusters.tsv.gz
var clustersData []byte

// Gazetteer classes, one bit each: a phrase can be a place and an actor at once ("حماة" is a city,
// "حماس" an actor).
const (
	gazLoc      uint8 = 1 << iota // a place of any kind
	gazLocMajor                   // a country, region, district or populous place
	gazPer                        // an actor dictionary entry that names a person
	gazOrg                        // an actor dictionary entry that names a group or institution
	gazCountry                    // an actor dictionary entry coded as a bare country
	gazActor                      // an actor dictionary entry without a code
)

var gazNames = [...]string{"loc", "locmajor", "per", "org", "country", "actor"}

// maxGazWords bounds the phrase length looked up in the gazetteer.
const maxGazWords = 5

// numClusterLevels is the number of clusterings, coarse to fine, each word carries.
const numClusterLevels = 3

type lexicon struct {
	triggers map[string]string
	gaz      map[string]uint8
	// gazPrefix holds every proper prefix, at a word boundary, of the gazetteer phrases.
	gazPrefix map[string]struct{}
	// clusters maps a clustered folded word to its index in vocab and clusterIDs: the words most frequent
	// first, and their cluster ids coarse to fine.
	clusters   map[string]int32
	vocab      []string
	clusterIDs [][numClusterLevels]uint16
	// places are written forms of the major places, for training-time augmentation.
	places []string
}

func loadLexicon() (*lexicon, error) {
	lex := &lexicon{triggers: map[string]string{}, gaz: map[string]uint8{}, clusters: map[string]int32{}}
	for i, line := range strings.Split(triggersData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		class, word, ok := strings.Cut(line, " ")
		if !ok {
			return nil, fmt.Errorf("ner: triggers.txt:%d: want \"CLASS word\"", i+1)
		}
		lex.triggers[arabic.Fold(strings.TrimSpace(word))] = class
	}
	err := readGzipLines(gazetteerData, func(n int, fields []string) error {
		if len(fields) != 3 {
			return fmt.Errorf("gazetteer.tsv:%d: want 3 fields", n)
		}
		m, err := strconv.ParseUint(fields[1], 10, 8)
		if err != nil {
			return fmt.Errorf("gazetteer.tsv:%d: %w", n, err)
		}
		lex.gaz[fields[0]] |= uint8(m)
		if uint8(m)&gazLocMajor != 0 && fields[2] != "" {
			lex.places = append(lex.places, fields[2])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	lex.gazPrefix = map[string]struct{}{}
	for k := range lex.gaz {
		for i := range len(k) {
			if k[i] == ' ' {
				lex.gazPrefix[k[:i]] = struct{}{}
			}
		}
	}
	err = readGzipLines(clustersData, func(n int, fields []string) error {
		if len(fields) != numClusterLevels+1 {
			return fmt.Errorf("clusters.tsv:%d: want %d fields", n, numClusterLevels+1)
		}
		var c [numClusterLevels]uint16
		for i := range c {
			v, err := strconv.ParseUint(fields[i+1], 10, 16)
			if err != nil {
				return fmt.Errorf("clusters.tsv:%d: %w", n, err)
			}
			c[i] = uint16(v)
		}
		lex.clusters[fields[0]] = int32(len(lex.vocab))
		lex.vocab = append(lex.vocab, fields[0])
		lex.clusterIDs = append(lex.clusterIDs, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return lex, nil
}

func readGzipLines(data []byte, fn func(n int, fields []string) error) error {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("ner: %w", err)
	}
	sc := bufio.NewScanner(zr)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(n, strings.Split(sc.Text(), "\t")); err != nil {
			return fmt.Errorf("ner: %w", err)
		}
	}
	if err := sc.Err(); err != nil && err != io.EOF {
		return fmt.Errorf("ner: %w", err)
	}
	return nil
}

// gazKey is the form a word takes in gazetteer phrases: folded, without the article, so that "الحسكة",
// "حسكة" and the lemmatized actor entries all meet.
func gazKey(folded string) string {
	if strings.HasPrefix(folded, "ال") && utf8.RuneCountInString(folded) >= 4 {
		return folded[len("ال"):]
	}
	return folded
}

// gazCandidates returns the gazetteer keys of a folded word read with and without its leading clitics:
// "وبالحسكة" → "وبالحسكه", "بالحسكه" … "حسكه". A leading letter is often part of the word ("بيروت"),
// so every reading is tried rather than one chosen.
func gazCandidates(dst []string, folded string) []string {
	dst = append(dst, gazKey(folded))
	w := folded
	if strings.HasPrefix(w, "و") && utf8.RuneCountInString(w) >= 3 {
		w = w[len("و"):]
		dst = append(dst, gazKey(w))
	}
	switch {
	case strings.HasPrefix(w, "لل") && utf8.RuneCountInString(w) >= 4:
		dst = append(dst, w[len("لل"):])
	case utf8.RuneCountInString(w) >= 3:
		for _, p := range []string{"ب", "ل", "ك", "ف"} {
			if strings.HasPrefix(w, p) {
				dst = append(dst, gazKey(w[len(p):]))
				break
			}
		}
	}
	return dst
}

// gazCand is one reading of a word as the first word of a gazetteer phrase (see gazCandidates).
type gazCand struct {
	key string
	// classes are the classes of the one-word phrase key; more tells whether longer phrases start with it.
	classes uint8
	more    bool
}

// gazCands returns the readings of a folded word that are a phrase or begin one; most words have none, and
// a reading that is neither adds nothing to matchGazetteer.
func (lex *lexicon) gazCands(folded string) []gazCand {
	var arr [4]string
	var out []gazCand
	for _, k := range gazCandidates(arr[:0], folded) {
		c := gazCand{key: k, classes: lex.gaz[k]}
		_, c.more = lex.gazPrefix[k]
		if c.classes != 0 || c.more {
			out = append(out, c)
		}
	}
	return out
}

// matchGazetteer marks, for each token of a sentence, the gazetteer classes of every phrase that covers it,
// as begin (first word) or inside bits. A phrase is only extended while it is the beginning of a longer one.
func (lex *lexicon) matchGazetteer(info []*tokenInfo, begin, inside []uint8) {
	var arr [128]byte
	buf := arr[:0]
	for i := range info {
		for _, c := range info[i].gaz {
			begin[i] |= c.classes
			if !c.more {
				continue
			}
			buf = append(buf[:0], c.key...)
			for j := i + 1; j < len(info) && j < i+maxGazWords; j++ {
				buf = append(buf, ' ')
				buf = append(buf, info[j].gazKey...)
				if m := lex.gaz[string(buf)]; m != 0 {
					begin[i] |= m
					for k := i + 1; k <= j; k++ {
						inside[k] |= m
					}
				}
				if _, more := lex.gazPrefix[string(buf)]; !more {
					break
				}
			}
		}
	}
}

// cluster returns the cluster ids of a folded word, trying it without a leading و when the whole form is
// unknown; ok is false for words the clustering never saw.
func (lex *lexicon) cluster(folded string) (c [numClusterLevels]uint16, ok bool) {
	k, ok := lex.clusters[folded]
	if !ok {
		if w, cut := strings.CutPrefix(folded, "و"); cut {
			k, ok = lex.clusters[w]
		}
	}
	if ok {
		c = lex.clusterIDs[k]
	}
	return c, ok
}
