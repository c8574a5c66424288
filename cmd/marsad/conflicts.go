package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/conflicts"
	"github.com/marsad/marsad/input"
)

type conflictsCommand struct {
	*Main
}

// eventPage is how many stored events are read at a time.
const eventPage = 5000

// Run lists reports of the same event in different stored articles (same type and place, dates within a day)
// whose casualty counts disagree.
func (c *conflictsCommand) Run(ctx context.Context, args []string) error {
	fs := c.flags("conflicts", "[--db PATH] [--json] [--roles killed,injured] [--from DATE] [--to DATE] [--min-confidence X]")
	db := fs.String("db", defaultDB(), "store `path`, or a postgres:// URL")
	asJSON := fs.Bool("json", false, "print one JSON object per disagreement")
	roles := fs.String("roles", strings.Join(conflicts.CasualtyRoles, ","), "comma-separated event `roles` whose counts are compared")
	from := fs.String("from", "", "only events on or after this `date` (YYYY-MM-DD)")
	to := fs.String("to", "", "only events on or before this `date` (YYYY-MM-DD)")
	minConf := fs.Float64("min-confidence", marsad.ReportedConfidence, "only events at least this `confident` (0.5 and above are reported as happening)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	f := marsad.EventFilter{MinConfidence: *minConf}
	var err error
	if *from != "" {
		if f.From, err = input.ParseTime(*from); err != nil {
			return fmt.Errorf("%w: --from: %v", errUsage, err)
		}
	}
	if *to != "" {
		if f.To, err = input.ParseTime(*to); err != nil {
			return fmt.Errorf("%w: --to: %v", errUsage, err)
		}
	}
	store, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer store.Close()
	an, ok := store.(marsad.Analytics)
	if !ok {
		return fmt.Errorf("store %s cannot list events", displayDB(*db))
	}
	var reports []conflicts.Report
	f.Limit = eventPage
	for {
		page, err := an.Events(ctx, f)
		if err != nil {
			return err
		}
		for _, e := range page {
			reports = append(reports, conflicts.Report{DocID: e.Article, Event: e.Event})
		}
		if len(page) < eventPage {
			break
		}
		f.Offset += eventPage
	}
	found := conflicts.CrossCheck(reports, strings.Split(*roles, ","))
	w := bufio.NewWriter(c.Stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range found {
		if *asJSON {
			if err := enc.Encode(d); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(w, "%s at %s, %s..%s: %s", d.Type, d.Place, d.From, d.To, d.Role)
		for _, n := range d.Counts {
			fmt.Fprintf(w, "  %s=%g", n.DocID, n.Value)
		}
		fmt.Fprintln(w)
	}
	if !*asJSON {
		fmt.Fprintf(w, "%d events read, %d disagreements\n", len(reports), len(found))
	}
	return nil
}
