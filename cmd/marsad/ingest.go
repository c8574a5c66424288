package main

import (
	"context"
	"fmt"
	"runtime"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/input"
	"github.com/marsad/marsad/pipeline"
)

type ingestCommand struct {
	*Main
}

// batchSize is how many articles share one transaction: large enough to amortize the commit, small enough
// that an interrupted run loses little.
const batchSize = 256

func (c *ingestCommand) Run(ctx context.Context, args []string) error {
	fs := c.flags("ingest", "[--db PATH] [--input auto|text|jsonl] FILE|DIR|- ...")
	db := fs.String("db", defaultDB(), "store `path`")
	format := fs.String("input", input.Auto, "input `format`: auto (by file name), text or jsonl")
	boilerplate := fs.String("boilerplate", "", "`file` of learned boilerplate lines (from 'marsad boilerplate')")
	workers := fs.Int("workers", runtime.NumCPU(), "parallel workers")
	cleanOnly := fs.Bool("clean-only", false, "store cleaned text only, without extraction layers (faster)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: ingest needs a file, directory or -", errUsage)
	}
	p, err := newPipeline(*boilerplate, *cleanOnly)
	if err != nil {
		return err
	}
	store, err := openStore(*db)
	if err != nil {
		return err
	}
	defer store.Close()
	n, err := ingest(ctx, store, p, fs.Args(), *format, c.Main, *workers)
	fmt.Fprintf(c.Stderr, "ingested %d new, %d already stored, %d rejected into %s\n", n.added, n.existing, n.rejected, displayDB(*db))
	if err != nil {
		return err
	}
	if n.rejected > 0 {
		return errRejected{n.rejected}
	}
	return nil
}

type ingestCounts struct{ added, existing, rejected int }

// ingest streams the inputs through the pipeline into the store in batches. A rejected input is reported and
// skipped; the others are stored.
func ingest(ctx context.Context, store marsad.Store, p *pipeline.Pipeline, paths []string, format string, m *Main, workers int) (ingestCounts, error) {
	var n ingestCounts
	bar := startProgress(m.Stderr)
	defer bar.finish()
	batch := make([]*marsad.Document, 0, batchSize)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		added, err := store.Put(ctx, batch)
		if err != nil {
			return err
		}
		for _, a := range added {
			if a {
				n.added++
			} else {
				n.existing++
			}
		}
		batch = batch[:0]
		return nil
	}
	read := func(emit func(input.Record) error) error {
		return input.Read(ctx, paths, format, m.Stdin, emit)
	}
	err := p.Run(ctx, workers, read, func(r pipeline.Result) error {
		if r.Err != nil {
			n.rejected++
			bar.fail.Add(1)
			fmt.Fprintln(m.Stderr, "rejected:", r.Err)
			return nil
		}
		bar.done.Add(1)
		bar.bytes.Add(int64(len(r.Doc.Text)))
		batch = append(batch, r.Doc)
		if len(batch) == batchSize {
			return flush()
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	return n, flush()
}
