package ner

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/marsad/marsad"
)

// referenceScores tags doc the way training sees it: every feature of every token listed (sentence.local,
// contextSlots) and looked up one by one. It returns the scores of both stages per sentence.
func referenceScores(tg *Tagger, doc [][]string) (base, ctx [][]float32) {
	var sents []*sentence
	var ids keyIDs
	var keys [][]int32
	var bases [][]int
	for _, words := range doc {
		if n := len(words); n > 0 && shape(words[n-1]) != "punct" {
			words = append(words[:n:n], ".")
		}
		s := tg.lex.prepare(words)
		em := make([]float32, len(words)*numTags)
		k := make([]int32, len(words))
		for i := range words {
			tg.base.addScores(em[i*numTags:(i+1)*numTags], s.localFeatures(i))
			k[i] = ids.id(s.info[i].key, s.info[i].keyHash)
		}
		sents = append(sents, s)
		base = append(base, em)
		keys = append(keys, k)
		bases = append(bases, viterbi(em, &tg.base.trans, len(words)))
	}
	var mem memory
	mem.reset(ids.n)
	var slots []int32
	windowed(keys, bases, &mem, func(j int) {
		s := sents[j]
		em := make([]float32, len(s.words)*numTags)
		for i := range s.words {
			row := em[i*numTags : (i+1)*numTags]
			tg.ctx.addScores(row, s.localFeatures(i))
			slots = contextSlots(slots[:0], bases[j], i, keys[j][i], &mem)
			for _, sl := range slots {
				tg.ctx.addScores(row, ctxSlotFeatures[sl])
			}
		}
		ctx = append(ctx, em)
	})
	return base, ctx
}

// TestCachedScores checks that tagging through the word cache scores every token exactly as the listed
// features do: the weights are multiples of 1/64, so the sums agree to the bit.
func TestCachedScores(t *testing.T) {
	tg := mustDefault(t)
	var doc [][]string
	for _, name := range []string{"regional_tune.conll", "regional_heldout.conll"} {
		sents := readTestdata(t, name)
		for _, s := range sents {
			doc = append(doc, s.Words)
		}
	}
	// A title without final punctuation, a sentence of one word, rare words and Latin script.
	doc = append(doc, strings.Fields("وصلت قافلة المساعدات إلى حلب"), []string{"والحسكةُ"},
		strings.Fields("أعلنت Reuters أن زززق وصل ، 12.5 % ."))
	wantBase, wantCtx := referenceScores(tg, doc)
	sc := tg.getScratch()
	defer tg.putScratch(sc)
	got := tg.tagDoc(sc, doc)
	for j := range doc {
		lo, hi := sc.start[j], sc.start[j+1]
		if gotBase := sc.em[lo*numTags : hi*numTags]; !slices.Equal(gotBase, wantBase[j]) {
			t.Errorf("sentence %d %q: base scores differ:\n got %v\nwant %v", j, doc[j], gotBase, wantBase[j])
		}
		if !slices.Equal(got[j].em, wantCtx[j][:len(got[j].em)]) {
			t.Errorf("sentence %d %q: context scores differ", j, doc[j])
		}
	}
}

// TestAnnotateConcurrent tags the same documents from several goroutines, sharing the word cache, and
// expects what one goroutine finds.
func TestAnnotateConcurrent(t *testing.T) {
	tg := mustDefault(t)
	texts := []string{
		"قال الرئيس التركي رجب طيب أردوغان إن قواته ستدخل مدينة منبج قريبا.",
		"قصفت الطائرات مواقع في ريف دير الزور الشرقي. وصل المبعوث الأممي غير بيدرسن إلى دمشق.",
		"اجتمع وفد من الأمم المتحدة مع مسؤولين في بغداد والموصل وأربيل.",
	}
	run := func() []string {
		var out []string
		for _, text := range texts {
			doc := &marsad.Document{Text: text}
			if err := tg.Annotate(doc); err != nil {
				t.Error(err)
			}
			for _, e := range doc.Entities {
				out = append(out, fmt.Sprintf("%s:%s:%.3f", e.Type, e.Text, e.Confidence))
			}
		}
		return out
	}
	want := run()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for range 20 {
				if got := run(); !slices.Equal(got, want) {
					t.Errorf("goroutine %d: got %q; want %q", g, got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

// BenchmarkFeatTableFind looks up the local features of the regional test sentences in the merged table of
// both models, a sentence at a time as tagging does (featTable.find); MB/s counts 4 bytes per feature.
func BenchmarkFeatTableFind(b *testing.B) {
	tg := mustDefault(b)
	var sents [][]uint32
	n := 0
	for _, s := range readTestdata(b, "regional_heldout.conll") {
		sents = append(sents, tg.lex.prepare(s.Words).local)
		n += len(sents[len(sents)-1])
	}
	b.SetBytes(int64(4 * n))
	var rows []int32
	for b.Loop() {
		for _, keys := range sents {
			rows = tg.both.find(keys, rows)
		}
	}
}

// BenchmarkKeyIDs numbers the memory keys of the regional test sentences as one text (keyIDs); MB/s counts
// the keys' bytes.
func BenchmarkKeyIDs(b *testing.B) {
	tg := mustDefault(b)
	var info []*wordInfo
	size := 0
	for _, s := range readTestdata(b, "regional_heldout.conll") {
		info = append(info, tg.lex.prepare(s.Words).info...)
	}
	for _, w := range info {
		size += len(w.key)
	}
	b.SetBytes(int64(size))
	var ids keyIDs
	for b.Loop() {
		ids.reset()
		for _, w := range info {
			ids.id(w.key, w.keyHash)
		}
	}
}

// TestExpGaps checks the table of marginals against math.Exp, on the gaps it holds and on others.
func TestExpGaps(t *testing.T) {
	x := newExpGaps(confidenceTemperature)
	for _, d := range []float32{0, -1.0 / 64, -0.5, -3.25, -63.984375, -64, -100.5, -0.01, -1e-7, -7.3} {
		if got, want := x.exp(d), math.Exp(float64(d)/confidenceTemperature); got != want {
			t.Errorf("exp(%v) = %v; want %v", d, got, want)
		}
	}
}
