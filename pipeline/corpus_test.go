package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"testing"

	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/input"
	"github.com/marsad/marsad/internal/evalset"
)

// BenchmarkSaudiNewsNet runs the whole pipeline (cleaning and every stage) over the first 2,000 SaudiNewsNet
// records on one goroutine, after one warm-up pass that fills the word caches. MB/s counts the records'
// input bytes; with -memprofile it shows where a corpus run allocates.
func BenchmarkSaudiNewsNet(b *testing.B) {
	path := evalset.SaudiNewsNetPath()
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		b.Skip("SaudiNewsNet not available:", err)
	}
	var recs []input.Record
	size := 0
	err := input.Read(context.Background(), []string{path}, input.Auto, nil, func(r input.Record) error {
		if len(recs) == 2000 {
			return errStop
		}
		recs = append(recs, r)
		size += len(r.Body)
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		b.Fatal(err)
	}
	p, err := Standard(clean.New(nil))
	if err != nil {
		b.Fatal(err)
	}
	run := func() {
		for _, r := range recs {
			p.Document(r) // rejected records (empty articles) are part of the corpus
		}
	}
	run()
	b.SetBytes(int64(size))
	for b.Loop() {
		run()
	}
}

var errStop = errors.New("stop")
