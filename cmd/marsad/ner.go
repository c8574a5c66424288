package main

import (
	"bufio"
	"context"
	"fmt"
	"os"

	"github.com/marsad/marsad/ner"
)

type nerCommand struct {
	*Main
}

// Run reads CoNLL-style input (one token a line, first column used, blank line between sentences) and writes
// "token TAG" lines with ANERcorp's IOB tags, so the output can be scored against any CoNLL test file.
func (c *nerCommand) Run(ctx context.Context, args []string) error {
	fs := c.flags("ner", "[--model FILE] < tokens.conll > tagged.conll")
	model := fs.String("model", "", "model `file` from 'marsad train ner' (default: the embedded model)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: ner reads standard input", errUsage)
	}
	t, err := loadTagger(*model)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(c.Stdout)
	if err := t.TagCoNLL(c.Stdin, w); err != nil {
		return err
	}
	return w.Flush()
}

func loadTagger(model string) (*ner.Tagger, error) {
	if model == "" {
		return ner.Default()
	}
	f, err := os.Open(model)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := ner.LoadModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", model, err)
	}
	return t, nil
}
