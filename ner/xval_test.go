package ner

import (
	"bytes"
	"os"
	"sync"
	"testing"
)

// TestHeldOutTenths trains on 90% of the ANERcorp train split and scores the held-out tenth, for three
// tenths (60–70%, 30–40% and 90–100%, the last being the development set), and logs each table and the
// pooled one. It takes about a minute, so it runs only with NER_TENTHS=1.
func TestHeldOutTenths(t *testing.T) {
	if os.Getenv("NER_TENTHS") == "" {
		t.Skip("set NER_TENTHS=1 to train three models (about a minute)")
	}
	path := "/work/shared/data/anercorp_camellab/ANERCorp_CamelLab_train.txt"
	f, err := os.Open(path)
	if err != nil {
		t.Skip("ANERcorp not available")
	}
	sents, err := ReadCoNLL(f, path)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	tenths := []int{6, 3, 9}
	scores := make([]*Scores, len(tenths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for k, tenth := range tenths {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			lo, hi := tenth*len(sents)/10, (tenth+1)*len(sents)/10
			if tenth == 9 {
				// The development set as SplitDev cuts it.
				_, dev := SplitDev(sents, 0.1)
				lo = len(sents) - len(dev)
			}
			train := append(append([]Sentence(nil), sents[:lo]...), sents[hi:]...)
			tg, err := Train(train, DefaultTrainConfig)
			if err != nil {
				t.Error(err)
				return
			}
			scores[k] = tg.Score(sents[lo:hi])
		})
	}
	wg.Wait()
	all := newScores()
	for k, s := range scores {
		if s == nil {
			return
		}
		var out bytes.Buffer
		s.WriteTable(&out)
		t.Logf("tenth %d:\n%s", tenths[k], out.String())
		for _, m := range []struct{ dst, src map[string]int }{{all.Gold, s.Gold}, {all.Pred, s.Pred}, {all.Correct, s.Correct}} {
			for typ, n := range m.src {
				m.dst[typ] += n
			}
		}
	}
	var out bytes.Buffer
	all.WriteTable(&out)
	t.Logf("pooled:\n%s", out.String())
	p, r, f1 := all.PRF("")
	_, _, dev := scores[2].PRF("")
	t.Logf("SUMMARY dev F1 %.4f; pooled P %.4f R %.4f F1 %.4f", dev, p, r, f1)
}
