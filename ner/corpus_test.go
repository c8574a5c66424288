package ner

import (
	"compress/gzip"
	"encoding/json"
	"os"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/marsad/marsad"
)

const saudiNewsNet = "/work/shared/data/saudinewsnet/saudinewsnet.jsonl.gz"

// loadSaudiNewsNet returns the first n articles of SaudiNewsNet (not in the repository) as documents split
// into sentences at . ! ؟ and line breaks, as the pipeline's sentence splitter roughly does, and their total
// size in bytes. It skips tb when the corpus is absent.
func loadSaudiNewsNet(tb testing.TB, n int) ([]*marsad.Document, int) {
	tb.Helper()
	f, err := os.Open(saudiNewsNet)
	if err != nil {
		tb.Skip("SaudiNewsNet not available:", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	var docs []*marsad.Document
	size := 0
	dec := json.NewDecoder(zr)
	for len(docs) < n {
		var art struct{ Title, Content string }
		if err := dec.Decode(&art); err != nil {
			break
		}
		text := art.Title + "\n\n" + art.Content
		d := &marsad.Document{Text: text}
		start := 0
		for i, r := range text {
			if r == '.' || r == '!' || r == '؟' || r == '\n' {
				if end := i + utf8.RuneLen(r); end > start+1 {
					d.Sentences = append(d.Sentences, marsad.Range{Start: start, End: end})
				}
				start = i + utf8.RuneLen(r)
			}
		}
		if start < len(text) {
			d.Sentences = append(d.Sentences, marsad.Range{Start: start, End: len(text)})
		}
		docs = append(docs, d)
		size += len(text)
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
