package main

import (
	"context"
	"fmt"

	"github.com/marsad/marsad/ner"
)

type trainCommand struct {
	*Main
}

// defaultANERcorp is the ANERcorp CAMeL Lab train split in the shared data directory next to a checkout.
const defaultANERcorp = "../shared/data/anercorp_camellab/ANERCorp_CamelLab_train.txt"

// Run trains a model. Only the NER tagger is trained from annotated data; the events report model is fitted
// by `go generate ./events`.
func (c *trainCommand) Run(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "ner" {
		fmt.Fprintln(c.Stderr, "Usage: marsad train ner [--data FILE] [--out FILE] [--dev-only]")
		return fmt.Errorf("%w: train what? (ner)", errUsage)
	}
	fs := c.flags("train ner", "[--data FILE] [--out FILE] [--dev-only]")
	data := fs.String("data", defaultANERcorp, "CoNLL `file` to train on (the ANERcorp CAMeL train split)")
	out := fs.String("out", "ner-model.bin.gz", "model `file` to write (load it with 'marsad ner --model'; ner/data/model.bin.gz replaces the embedded one)")
	devOnly := fs.Bool("dev-only", false, "train on the first 90% and print the development table only")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: train ner takes no arguments", errUsage)
	}
	return ner.TrainModel(c.Stdout, *data, *out, *devOnly)
}
