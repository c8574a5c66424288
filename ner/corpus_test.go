package ner

import (
	"errors"
	"io/fs"
	"testing"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/evalset"
)

// loadSaudiNewsNet returns the first n articles of SaudiNewsNet and their size; it skips tb when the corpus
// is absent.
func loadSaudiNewsNet(tb testing.TB, n int) ([]*marsad.Document, int) {
	tb.Helper()
	docs, size, err := evalset.SaudiNewsNet(n)
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skip("SaudiNewsNet not available:", err)
	} else if err != nil {
		tb.Fatal(err)
	}
	return docs, size
}

// BenchmarkSaudiNewsNet annotates real newspaper articles (the first 2,000 of SaudiNewsNet, 8.8 MB): the
// throughput that counts for `marsad extract`. Run it with -cpu 1; MB/cpu-s is the throughput per second
// of CPU time, which other jobs on the machine do not dilute.
func BenchmarkSaudiNewsNet(b *testing.B) {
	docs, size := loadSaudiNewsNet(b, 2000)
	tg := mustDefault(b)
	toks := 0
	for _, d := range docs {
		for _, r := range d.Sentences {
			toks += len(AppendTokens(nil, d.Text[r.Start:r.End]))
		}
	}
	// One pass first, as a long run is past filling the word caches after its first few thousand articles.
	for _, d := range docs {
		if err := tg.Annotate(d); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(size))
	var cpu time.Duration
	for b.Loop() {
		start := cpuTime()
		for _, d := range docs {
			d.Entities = d.Entities[:0]
			if err := tg.Annotate(d); err != nil {
				b.Fatal(err)
			}
		}
		cpu += cpuTime() - start
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		// On a shared machine wall time overstates the cost; the CPU time is what a core spends.
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}
