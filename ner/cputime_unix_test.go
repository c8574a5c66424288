//go:build unix

package ner

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used, so a benchmark on a shared machine can report
// throughput per core-second rather than per wall-clock second.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
