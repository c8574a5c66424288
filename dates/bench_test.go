package dates

import (
	"os"
	"strings"
	"testing"
	"time"
)

// benchText is the development set's sentences joined into one article-sized text.
func benchText(tb testing.TB) string {
	exs, err := readExamples("testdata/dev.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	for _, ex := range exs {
		b.WriteString(ex.text)
		b.WriteByte(' ')
	}
	return b.String()
}

func BenchmarkExtract(b *testing.B) {
	text := benchText(b)
	if p := os.Getenv("MARSAD_BENCH_TEXT"); p != "" {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		text = string(raw)
	}
	e := New()
	pub := time.Date(2019, 3, 23, 0, 0, 0, 0, time.UTC)
	var dst = e.Append(nil, text, pub)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		dst = e.Append(dst[:0], text, pub)
	}
}
