package pipeline

import "github.com/marsad/marsad/clean"

// Standard returns the pipeline with every annotation stage marsad has, in dependency order.
func Standard(c *clean.Cleaner) *Pipeline {
	return New(c)
}
