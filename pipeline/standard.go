package pipeline

import (
	"fmt"
	"slices"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/conflicts"
	"github.com/marsad/marsad/dates"
	"github.com/marsad/marsad/events"
	"github.com/marsad/marsad/gazetteer"
	"github.com/marsad/marsad/ner"
	"github.com/marsad/marsad/numbers"
	"github.com/marsad/marsad/quotes"
)

// Standard returns the pipeline with every annotation stage marsad has.
func Standard(c *clean.Cleaner) (*Pipeline, error) {
	stages, err := Stages()
	if err != nil {
		return nil, err
	}
	return New(c, stages...), nil
}

// Stages returns the standard annotation stages in dependency order: quantities and dates first, then
// entities (tagged, then resolved and geocoded), events that use all three, quotes that link speakers to entities, and the
// contradiction check over the quantities.
func Stages() ([]Stage, error) {
	tagger, err := ner.Default()
	if err != nil {
		return nil, err
	}
	// The tagger runs first, so the resolver may doubt the names it left unmarked.
	resolver := gazetteer.NewResolver(gazetteer.Default())
	resolver.AfterTagger = true
	ev, err := events.New()
	if err != nil {
		return nil, err
	}
	return []Stage{
		{"numbers", numbers.New()},
		{"dates", dates.New()},
		{"ner", tagger},
		{"gazetteer", resolver},
		{"events", ev},
		{"quotes", quotes.New()},
		{"conflicts", conflicts.New()},
	}, nil
}

// StagesBefore returns the standard stages that run before the named one.
func StagesBefore(name string) ([]Stage, error) {
	stages, err := Stages()
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(stages, func(s Stage) bool { return s.Name == name })
	if i < 0 {
		return nil, fmt.Errorf("no pipeline stage %q", name)
	}
	return stages[:i], nil
}

// Before returns a function that runs the standard stages before the named one on a document, so that stage,
// or an evaluation of it, sees the layers it gets in use.
func Before(name string) (func(*marsad.Document) error, error) {
	stages, err := StagesBefore(name)
	if err != nil {
		return nil, err
	}
	return func(d *marsad.Document) error {
		for _, s := range stages {
			if err := s.Annotate(d); err != nil {
				return fmt.Errorf("%s: %w", s.Name, err)
			}
		}
		return nil
	}, nil
}
