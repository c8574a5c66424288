package main

import (
	"bufio"
	"context"
	"fmt"

	"github.com/marsad/marsad/ner"
)

type nerCommand struct {
	*Main
}

// Run reads CoNLL-style input (one token a line, first column used, blank line between sentences) and writes
// "token TAG" lines with ANERcorp's IOB tags, so the output can be scored against any CoNLL test file.
func (c *nerCommand) Run(ctx context.Context, args []string) error {
	fs := c.flags("ner", "< tokens.conll > tagged.conll")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: ner reads standard input", errUsage)
	}
	t, err := ner.Default()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(c.Stdout)
	if err := t.TagCoNLL(c.Stdin, w); err != nil {
		return err
	}
	return w.Flush()
}
