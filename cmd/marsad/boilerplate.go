package main

import (
	"bufio"
	"context"
	"fmt"

	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/input"
)

type boilerplateCommand struct {
	*Main
}

// Learning reads raw bodies, before cleaning, so the rules do not hide what a source repeats.
func (c *boilerplateCommand) Run(ctx context.Context, args []string) error {
	fs := c.flags("boilerplate", "[--min-docs N] [--input auto|text|jsonl] FILE|DIR|- ... > boilerplate.tsv")
	minDocs := fs.Int("min-docs", 5, "a line is boilerplate when at least `N` articles of one source carry it")
	format := fs.String("input", input.Auto, "input `format`: auto (by file name), text or jsonl")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: boilerplate needs a corpus", errUsage)
	}
	l := clean.NewLearner()
	docs, rejected := 0, 0
	err := input.Read(ctx, fs.Args(), *format, c.Stdin, func(r input.Record) error {
		body, err := clean.Body(r)
		if err != nil {
			rejected++
			fmt.Fprintln(c.Stderr, "rejected:", err)
			return nil
		}
		docs++
		l.Add(r.Source, body)
		return nil
	})
	if err != nil {
		return err
	}
	b := l.Boilerplate(*minDocs)
	w := bufio.NewWriter(c.Stdout)
	if _, err := b.WriteTo(w); err != nil {
		return err
	}
	fmt.Fprintf(c.Stderr, "%d articles read, %d rejected, %d boilerplate lines learned\n", docs, rejected, b.Len())
	return w.Flush()
}
