// Package ner tags persons, places, organizations and other names in Arabic news text (ANERcorp-trained).
package ner

//go:generate go run gen_lexicon.go
//go:generate go run gen_model.go

import (
	"bytes"
	_ "embed"
	"fmt"
	"hash/maphash"
	"sync"
	"sync/atomic"
)

// Tags are the IOB labels of ANERcorp. The order is the model's label index and must not change without
// retraining.
var Tags = []string{"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

const numTags = 9

func tagIndex(tag string) (int, bool) {
	for i, t := range Tags {
		if t == tag {
			return i, true
		}
	}
	return 0, false
}

// isInside reports whether tag t is an I- tag; its type is then that of t-1 (the matching B- tag).
func isInside(t int) bool { return t > 0 && t%2 == 0 }

// allowed reports whether tag t may follow tag prev under IOB: an I- tag continues only its own type.
// prev < 0 means the sentence start.
func allowed(prev, t int) bool {
	if !isInside(t) {
		return true
	}
	return prev == t || prev == t-1
}

// Tagger labels token sequences. It is immutable after construction and safe for concurrent use.
type Tagger struct {
	lex *lexicon
	// base tags a sentence from local features; ctx retags it with the base tags of the text around it (see
	// tagDoc).
	base, ctx *model

	// What tagging reads besides the models (see prepareTagging): the vectors of the clustered words as they are met, the
	// pads beyond the sentence under each model, the context model's rows per context slot and its
	// confidence potentials, and the scratch spaces of tagging calls.
	vocab []atomic.Pointer[wordVec]
	pad   [2*window + 1]pairRow
	slots [numSlots][numTags]float32
	pot   [numTags + 1][numTags]float64
	// confExp computes the exponentials of marginals.
	confExp *expGaps
	// both maps a feature to its row in bothRows: its weights in the base and the context model, so a
	// token's own features are looked up once for both.
	both     featTable
	bothRows []pairRow
	pool     sync.Pool
	seed     maphash.Seed
}

//go:embed data/model.bin.gz
var modelData []byte

// Load returns a new Tagger with the embedded trained model and lexicon.
func Load() (*Tagger, error) {
	lex, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	t, err := readModel(bytes.NewReader(modelData), lex)
	if err != nil {
		return nil, fmt.Errorf("ner: embedded model: %w", err)
	}
	return t, nil
}

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
	defaultErr    error
)

// Default returns the embedded Tagger, loading it on first use; every caller shares the one instance.
func Default() (*Tagger, error) {
	defaultOnce.Do(func() { defaultTagger, defaultErr = Load() })
	return defaultTagger, defaultErr
}
