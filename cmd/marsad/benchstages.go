package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/input"
	"github.com/marsad/marsad/pipeline"
)

// timedStages runs the stages in order and adds up the time each takes, across workers: the CPU time of the
// worker's thread on Linux, so the figures hold on a shared machine, else the wall time. One clock reading
// ends a stage and starts the next, as reading a thread's clock is a system call (a few microseconds on a
// virtual machine).
type timedStages struct {
	stages []pipeline.Stage
	totals []atomic.Int64
}

func (t *timedStages) Annotate(d *marsad.Document) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	clock := func() time.Duration {
		if c, ok := threadCPU(); ok {
			return c
		}
		return time.Duration(time.Now().UnixNano())
	}
	prev := clock()
	for i, s := range t.stages {
		err := s.Annotate(d)
		now := clock()
		t.totals[i].Add(int64(now - prev))
		prev = now
		if err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
	}
	return nil
}

// benchStages runs the standard pipeline over the corpus and prints the throughput of cleaning and of
// every stage, in MB of cleaned text per second of one core.
func benchStages(ctx context.Context, w io.Writer, paths []string, stdin io.Reader) error {
	std, err := pipeline.Stages()
	if err != nil {
		return err
	}
	timed := &timedStages{stages: std, totals: make([]atomic.Int64, len(std))}
	p := pipeline.New(clean.New(nil), pipeline.Stage{Name: "stages", Annotator: timed})
	var docs, bytes int
	read := func(emit func(input.Record) error) error {
		return input.Read(ctx, paths, input.Auto, stdin, emit)
	}
	cpu0, haveCPU := processCPU()
	start := time.Now()
	err = p.Run(ctx, runtime.NumCPU(), read, func(r pipeline.Result) error {
		if r.Err == nil {
			docs++
			bytes += len(r.Doc.Text)
		}
		return nil
	})
	if err != nil {
		return err
	}
	wall := time.Since(start)
	var stageTotal int64
	for i := range timed.totals {
		stageTotal += timed.totals[i].Load()
	}
	mb := float64(bytes) / 1e6
	fmt.Fprintf(w, "extract: %d articles, %.1f MB of text in %.1f s wall on %d cores (%.2f MB/s)\n", docs, mb, wall.Seconds(), runtime.NumCPU(), mb/wall.Seconds())
	fmt.Fprintf(w, "%-10s %10s %12s\n", "stage", "core s", "MB/s/core")
	for i := range timed.totals {
		secs := time.Duration(timed.totals[i].Load()).Seconds()
		fmt.Fprintf(w, "%-10s %10.2f %12.1f\n", std[i].Name, secs, mb/max(secs, 1e-9))
	}
	secs := time.Duration(stageTotal).Seconds()
	fmt.Fprintf(w, "%-10s %10.2f %12.1f\n", "all stages", secs, mb/max(secs, 1e-9))
	if cpu1, ok := processCPU(); ok && haveCPU {
		// The process time also covers reading, decoding and cleaning: what a user of extract pays.
		secs := (cpu1 - cpu0).Seconds()
		fmt.Fprintf(w, "%-10s %10.2f %12.1f\n", "whole run", secs, mb/max(secs, 1e-9))
	}
	return nil
}
