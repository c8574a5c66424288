package conflicts

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/input"
	"github.com/marsad/marsad/internal/evalset"
	"github.com/marsad/marsad/numbers"
)

// Survey runs cleaning, the numbers stage and the checker over an unlabelled corpus (any input marsad reads,
// such as SaudiNewsNet's gzip JSON lines) and writes how many articles raised a conflict, by kind and per
// thousand articles, the checker's throughput, and a reproducible random sample of the conflicts with the
// context of each figure, to judge by hand how many are false alarms.
func Survey(w io.Writer, path string, sample int, seed uint64) error {
	cl, nums, c := clean.New(nil), numbers.New(), New()
	type item struct {
		origin string
		text   string
		c      marsad.Conflict
	}
	picked := evalset.NewSample[item](sample, seed)
	var (
		articles, flagged, skipped int
		bytes                      int64
		elapsed                    time.Duration
		kinds                      = map[string]int{}
	)
	err := input.Read(context.Background(), []string{path}, input.Auto, nil, func(r input.Record) error {
		body, err := clean.Body(r)
		doc := &marsad.Document{Title: r.Title}
		if err != nil || cl.Clean(doc, body) != nil {
			skipped++
			return nil
		}
		articles++
		if err := nums.Annotate(doc); err != nil {
			return err
		}
		start := time.Now()
		if err := c.Annotate(doc); err != nil {
			return fmt.Errorf("%s: %w", r.Origin, err)
		}
		elapsed += time.Since(start)
		bytes += int64(len(doc.Text))
		if len(doc.Conflicts) > 0 {
			flagged++
		}
		for _, x := range doc.Conflicts {
			kinds[x.Kind]++
			picked.Offer(func() item { return item{r.Origin, doc.Text, x} })
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d articles (%d unreadable), %d with a conflict (%.2f per 1000): %d %s, %d %s\n", articles, skipped,
		flagged, 1000*float64(flagged)/float64(max(articles, 1)), kinds[HeadlineBody], HeadlineBody, kinds[BodyBody], BodyBody)
	if elapsed > 0 {
		fmt.Fprintf(w, "check: %.1f MB/s over the numbers layer\n", float64(bytes)/1e6/elapsed.Seconds())
	}
	fmt.Fprintf(w, "sample of %d conflicts (seed %d) to judge by hand:\n", len(picked.Items), seed)
	for _, it := range picked.Items {
		fmt.Fprintf(w, "%s %s: %s\n", it.origin, it.c.Kind, it.c.Message)
		for _, q := range it.c.Spans {
			fmt.Fprintf(w, "    …%s…\n", around(it.text, q.Start, q.End))
		}
	}
	return nil
}

// around returns up to 60 characters of text on each side of [start, end), on one line.
func around(text string, start, end int) string {
	before, after := []rune(text[:start]), []rune(text[end:])
	s := string(before[max(0, len(before)-60):]) + "[" + text[start:end] + "]" + string(after[:min(60, len(after))])
	return strings.ReplaceAll(s, "\n", " / ")
}
