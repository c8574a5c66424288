package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/input"
	"github.com/marsad/marsad/pipeline"
	"github.com/marsad/marsad/sqlite"
)

type evalCommand struct {
	*Main
}

const evalUsage = `Usage: marsad eval <what> [flags] [arguments]

  search CORPUS   recall of the Arabic-aware index vs FTS5's plain unicode61 tokenizer
  clean CORPUS    what boilerplate removal removes, by reason, with a sample to check by hand
`

func (c *evalCommand) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(c.Stderr, evalUsage)
		return fmt.Errorf("%w: eval needs what to evaluate", errUsage)
	}
	switch args[0] {
	case "search":
		return c.search(ctx, args[1:])
	case "clean":
		return c.clean(ctx, args[1:])
	}
	fmt.Fprint(c.Stderr, evalUsage)
	return fmt.Errorf("%w: unknown evaluation %q", errUsage, args[0])
}

func (c *evalCommand) search(ctx context.Context, args []string) error {
	fs := c.flags("eval search", "CORPUS ...")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: eval search needs a corpus", errUsage)
	}
	dir, err := os.MkdirTemp("", "marsad-eval")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(filepath.Join(dir, "eval.db"))
	if err != nil {
		return err
	}
	defer store.Close()
	ev, err := sqlite.NewSearchEval(store)
	if err != nil {
		return err
	}
	p := pipeline.New(clean.New(nil))
	var batch []*marsad.Document
	read := func(emit func(input.Record) error) error {
		return input.Read(ctx, fs.Args(), input.Auto, c.Stdin, emit)
	}
	err = p.Run(ctx, runtime.NumCPU(), read, func(r pipeline.Result) error {
		if r.Err != nil {
			return nil
		}
		if batch = append(batch, r.Doc); len(batch) == batchSize {
			err := ev.Add(ctx, batch)
			batch = batch[:0]
			return err
		}
		return nil
	})
	if err == nil {
		err = ev.Add(ctx, batch)
	}
	if err != nil {
		return err
	}
	return ev.Report(ctx, c.Stdout)
}

func (c *evalCommand) clean(ctx context.Context, args []string) error {
	fs := c.flags("eval clean", "[--boilerplate FILE] [--sample N] CORPUS ...")
	boilerplate := fs.String("boilerplate", "", "`file` of learned boilerplate lines (from 'marsad boilerplate')")
	sample := fs.Int("sample", 60, "removed lines to print for checking by hand")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: eval clean needs a corpus", errUsage)
	}
	learned, err := readBoilerplate(*boilerplate)
	if err != nil {
		return err
	}
	cl := clean.New(learned)
	var articles, touched, lines int
	reasons := map[clean.Reason]int{}
	var removed []clean.Removal
	err = input.Read(ctx, fs.Args(), input.Auto, c.Stdin, func(r input.Record) error {
		body := r.Body
		if r.Err == nil && r.Raw != nil {
			body, _, r.Err = clean.Decode(r.Raw)
		}
		if r.Err != nil {
			return nil
		}
		articles++
		rs := cl.Removals(body, r.Source)
		if len(rs) > 0 {
			touched++
		}
		for _, x := range rs {
			reasons[x.Reason]++
			lines++
		}
		removed = append(removed, rs...)
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "%d articles, %d with boilerplate removed, %d lines removed\n", articles, touched, lines)
	keys := make([]clean.Reason, 0, len(reasons))
	for k := range reasons {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(c.Stdout, "  %-9s %6d\n", k, reasons[k])
	}
	rng := rand.New(rand.NewPCG(1, 2))
	rng.Shuffle(len(removed), func(i, j int) { removed[i], removed[j] = removed[j], removed[i] })
	fmt.Fprintf(c.Stdout, "sample of removed lines (seeded) to check by hand:\n")
	for _, x := range removed[:min(*sample, len(removed))] {
		line := []rune(x.Line)
		fmt.Fprintf(c.Stdout, "  %-9s %s\n", x.Reason, string(line[:min(len(line), 90)]))
	}
	return nil
}
