package numbers

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/evalset"
)

// Survey runs a new Extractor over a corpus of JSON lines with a "content" field (gzip-compressed when the
// name ends in .gz, as SaudiNewsNet is) and writes how many articles and quantities it saw, the count per unit
// and qualifier, the throughput, and a reproducible random sample of quantities with their context for
// checking by hand, then a sample of the same size of the duals and one of the year-like counts (see
// nounRule), which are too rare to show up in the first. It stops at the first malformed line.
func Survey(w io.Writer, path string, sample int, seed uint64) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	e := New()
	type item struct {
		article int
		q       marsad.Quantity
		context string
	}
	picked := evalset.NewSample[item](sample, seed)
	// The duals and the year-like counts are rare among all quantities, so each gets a sample of its own.
	pickedRule := map[string]*evalset.Sample[item]{}
	for _, r := range nounRules {
		pickedRule[r] = evalset.NewSample[item](sample, seed)
	}
	var (
		seen     int
		articles int
		bytes    int64
		elapsed  time.Duration
		units    = map[string]int{}
		approx   = map[string]int{}
		rules    = map[string]int{}
		sc2      scanner
		buf      []marsad.Quantity
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 16<<20)
	for line := 1; sc.Scan(); line++ {
		var rec struct {
			Content string `json:"content"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		articles++
		bytes += int64(len(rec.Content))
		t0 := time.Now()
		buf = e.AppendExtract(buf[:0], rec.Content)
		elapsed += time.Since(t0)
		for _, q := range buf {
			units[q.Unit]++
			approx[q.Approx]++
			seen++
			picked.Offer(func() item { return item{line, q, context(rec.Content, q.Span)} })
			if r := e.nounRule(&sc2, q); r != "" {
				rules[r]++
				pickedRule[r].Offer(func() item { return item{line, q, context(rec.Content, q.Span)} })
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	fmt.Fprintf(w, "articles %d, bytes %d, quantities %d, %.1f MB/s (extraction only)\n", articles, bytes, seen,
		float64(bytes)/1e6/elapsed.Seconds())
	fmt.Fprintf(w, "units:%s\napprox:%s\ncounted nouns:%s\n", counts(units), counts(approx), counts(rules))
	show := func(items []item) {
		slices.SortFunc(items, func(a, b item) int { return a.article - b.article })
		for i, it := range items {
			q := it.q
			fmt.Fprintf(w, "%3d. #%d %q value=%v unit=%s approx=%s\n     %s\n", i+1, it.article, q.Text, q.Value, q.Unit,
				q.Approx, it.context)
		}
	}
	show(picked.Items)
	for _, r := range nounRules {
		if items := pickedRule[r].Items; len(items) > 0 {
			fmt.Fprintf(w, "sample of the %s quantities:\n", r)
			show(items)
		}
	}
	return nil
}

// nounRules are the names nounRule gives, in the order the survey prints their samples.
var nounRules = [...]string{"dual", "year-like"}

// nounRule names the counted-noun rule that read q, for the survey: "dual" for the dual of a noun ("شخصين"),
// "year-like" for a number such as 2000 that a noun after it made a count; "" for any other quantity.
func (e *Extractor) nounRule(sc *scanner, q marsad.Quantity) string {
	sc.scan(q.Text)
	for _, t := range sc.toks {
		if _, ok := e.dualIdx[string(sc.buf[t.fs:t.fe])]; ok && t.kind == tokWord {
			return "dual"
		}
	}
	if len(sc.toks) == 1 && isYearLike(&sc.toks[0]) && q.Unit == "" && q.Approx == "" &&
		(q.Value >= 1900 || q.Value >= 1400 && q.Value <= 1450) {
		return "year-like"
	}
	return ""
}

// counts formats a tally, largest first.
func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return m[b] - m[a] })
	var b strings.Builder
	for _, k := range keys {
		name := k
		if name == "" {
			name = "-"
		}
		fmt.Fprintf(&b, " %s=%d", name, m[k])
	}
	return b.String()
}

// context returns the span marked with ⟦ ⟧ and about 60 bytes of text either side, on one line.
func context(text string, s marsad.Span) string {
	from, to := max(0, s.Start-60), min(len(text), s.End+60)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	c := text[from:s.Start] + "⟦" + s.Text + "⟧" + text[s.End:to]
	return strings.Join(strings.Fields(c), " ")
}
