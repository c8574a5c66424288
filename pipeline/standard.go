package pipeline

import (
	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/conflicts"
	"github.com/marsad/marsad/dates"
	"github.com/marsad/marsad/gazetteer"
	"github.com/marsad/marsad/numbers"
	"github.com/marsad/marsad/quotes"
)

// Standard returns the pipeline with every annotation stage marsad has, in dependency order: quantities and
// dates first, then entities (resolved and geocoded), quotes that link speakers to them, and the
// contradiction check over the quantities.
func Standard(c *clean.Cleaner) *Pipeline {
	return New(c, Stages()...)
}

// Stages returns the standard annotation stages, in order.
func Stages() []Stage {
	return []Stage{
		{"numbers", numbers.New()},
		{"dates", dates.New()},
		{"gazetteer", gazetteer.NewResolver(gazetteer.Default())},
		{"quotes", quotes.New()},
		{"conflicts", conflicts.New()},
	}
}
