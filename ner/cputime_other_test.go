//go:build !unix

package ner

import "time"

// cpuTime is unavailable here; benchmarks then report no CPU-time figure.
func cpuTime() time.Duration { return 0 }
