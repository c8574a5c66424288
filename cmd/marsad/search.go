package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/input"
)

type searchCommand struct {
	*Main
}

func (c *searchCommand) Run(ctx context.Context, args []string) error {
	fs := c.flags("search", "[--db PATH] [--json] [--limit N] QUERY")
	db := fs.String("db", defaultDB(), "store `path`")
	asJSON := fs.Bool("json", false, "print one JSON object per result")
	limit := fs.Int("limit", 10, "results to print")
	offset := fs.Int("offset", 0, "results to skip")
	source := fs.String("source", "", "only articles from this `source`")
	from := fs.String("from", "", "only articles published on or after this `date` (YYYY-MM-DD)")
	to := fs.String("to", "", "only articles published on or before this `date` (YYYY-MM-DD)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	q := marsad.Query{Text: strings.Join(fs.Args(), " "), Limit: *limit, Offset: *offset, Source: *source}
	var err error
	if *from != "" {
		if q.From, err = input.ParseTime(*from); err != nil {
			return fmt.Errorf("%w: --from: %v", errUsage, err)
		}
	}
	if *to != "" {
		if q.To, err = input.ParseTime(*to); err != nil {
			return fmt.Errorf("%w: --to: %v", errUsage, err)
		}
		q.To = q.To.Add(24*time.Hour - time.Second)
	}
	store, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer store.Close()
	hits, err := store.Search(ctx, q)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(c.Stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i, h := range hits {
		if *asJSON {
			if err := enc.Encode(h); err != nil {
				return err
			}
			continue
		}
		date := ""
		if !h.Published.IsZero() {
			date = h.Published.Format("2006-01-02")
		}
		fmt.Fprintf(w, "%d. %s\n   %s  %s  %s  score %.2f\n   %s\n\n", q.Offset+i+1, h.Title, h.ID, date, h.Source, h.Score, h.Snippet)
	}
	if len(hits) == 0 && !*asJSON {
		fmt.Fprintln(w, "no results")
	}
	return nil
}
