package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/marsad/marsad"
)

type showCommand struct {
	*Main
}

func (c *showCommand) Run(ctx context.Context, args []string) error {
	fs := c.flags("show", "[--db PATH] ID")
	db := fs.String("db", defaultDB(), "store `path`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("%w: show needs one id", errUsage)
	}
	store, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer store.Close()
	doc, err := store.Get(ctx, fs.Arg(0))
	if errors.Is(err, marsad.ErrNotFound) {
		return fmt.Errorf("article %q: %w", fs.Arg(0), err)
	} else if err != nil {
		return err
	}
	enc := json.NewEncoder(c.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
