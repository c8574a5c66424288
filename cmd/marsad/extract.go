package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"runtime"

	"github.com/marsad/marsad/input"
	"github.com/marsad/marsad/pipeline"
)

type extractCommand struct {
	*Main
}

func (c *extractCommand) Run(ctx context.Context, args []string) error {
	fs := c.flags("extract", "[--input auto|text|jsonl] [FILE|DIR|- ...]")
	format := fs.String("input", input.Auto, "input `format`: auto (by file name), text or jsonl")
	boilerplate := fs.String("boilerplate", "", "`file` of learned boilerplate lines (from 'marsad boilerplate')")
	workers := fs.Int("workers", runtime.NumCPU(), "parallel workers")
	cleanOnly := fs.Bool("clean-only", false, "only decode, clean and segment: no extraction layers")
	if err := fs.Parse(args); err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	p, err := newPipeline(*boilerplate, *cleanOnly)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(c.Stdout, 1<<16)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	rejected := 0
	read := func(emit func(input.Record) error) error {
		return input.Read(ctx, paths, *format, c.Stdin, emit)
	}
	err = p.Run(ctx, *workers, read, func(r pipeline.Result) error {
		if r.Err != nil {
			rejected++
			fmt.Fprintln(c.Stderr, "rejected:", r.Err)
			return nil
		}
		return enc.Encode(r.Doc)
	})
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if rejected > 0 {
		return errRejected{rejected}
	}
	return nil
}
