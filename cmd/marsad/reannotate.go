package main

import (
	"context"
	"fmt"
	"runtime"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/pipeline"
)

type reannotateCommand struct {
	*Main
}

func (c *reannotateCommand) Run(ctx context.Context, args []string) error {
	fs := c.flags("reannotate", "[--db PATH] [--workers N]")
	db := fs.String("db", defaultDB(), "store `path`")
	workers := fs.Int("workers", runtime.NumCPU(), "parallel workers")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: reannotate takes no arguments", errUsage)
	}
	p, err := pipeline.Standard(nil)
	if err != nil {
		return err
	}
	store, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer store.Close()
	r, ok := store.(marsad.Relayering)
	if !ok {
		return fmt.Errorf("the store at %s cannot replace layers", displayDB(*db))
	}
	done, failed, err := reannotate(ctx, r, p, c.Main, *workers)
	fmt.Fprintf(c.Stderr, "reannotated %d articles in %s, %d failed\n", done, displayDB(*db), failed)
	if err != nil {
		return err
	}
	if failed > 0 {
		return errRejected{failed}
	}
	return nil
}

// reannotate runs the stages again over every stored article, a batch at a time on the workers, and
// replaces the layers of each batch in one transaction. An article a stage fails on is reported and keeps
// its layers.
func reannotate(ctx context.Context, r marsad.Relayering, p *pipeline.Pipeline, m *Main, workers int) (done, failed int, err error) {
	bar := startProgress(m.Stderr)
	defer bar.finish()
	after := ""
	for {
		docs, err := r.Documents(ctx, after, batchSize)
		if err != nil || len(docs) == 0 {
			return done, failed, err
		}
		after = docs[len(docs)-1].ID
		errs := p.ReannotateAll(docs, workers)
		ok := docs[:0]
		for i, d := range docs {
			if errs[i] != nil {
				fmt.Fprintln(m.Stderr, errs[i])
				bar.fail.Add(1)
				failed++
				continue
			}
			bar.done.Add(1)
			bar.bytes.Add(int64(len(d.Text)))
			ok = append(ok, d)
		}
		if err := r.ReplaceLayers(ctx, ok); err != nil {
			return done, failed, err
		}
		done += len(ok)
	}
}
