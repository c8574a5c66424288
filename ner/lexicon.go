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
	clusters map[string][numClusterLevels]uint16
	// places are written forms of the major places, for training-time augmentation.
	places []string
}

func loadLexicon() (*lexicon, error) {
	lex := &lexicon{triggers: map[string]string{}, gaz: map[string]uint8{}, clusters: map[string][numClusterLevels]uint16{}}
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
		lex.clusters[fields[0]] = c
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

// matchGazetteer marks, for each token of a sentence, the gazetteer classes of every phrase that covers it,
// as begin (first word) or inside bits.
func (lex *lexicon) matchGazetteer(folded []string, begin, inside []uint8) {
	var cands []string
	var sb strings.Builder
	for i := range folded {
		cands = gazCandidates(cands[:0], folded[i])
		for _, c := range cands {
			sb.Reset()
			sb.WriteString(c)
			for j := i; j < len(folded) && j < i+maxGazWords; j++ {
				if j > i {
					sb.WriteByte(' ')
					sb.WriteString(gazKey(folded[j]))
				}
				m := lex.gaz[sb.String()]
				if m == 0 {
					continue
				}
				begin[i] |= m
				for k := i + 1; k <= j; k++ {
					inside[k] |= m
				}
			}
		}
	}
}

// cluster returns the cluster ids of a folded word, trying it without a leading و when the whole form is
// unknown; ok is false for words the clustering never saw.
func (lex *lexicon) cluster(folded string) (c [numClusterLevels]uint16, ok bool) {
	if c, ok = lex.clusters[folded]; ok {
		return c, true
	}
	if w, cut := strings.CutPrefix(folded, "و"); cut {
		c, ok = lex.clusters[w]
	}
	return c, ok
}
