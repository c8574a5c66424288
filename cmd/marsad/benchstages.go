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

// timedStage runs one stage and adds up the time it takes, across workers: the CPU time of the worker's thread
// on Linux, so the figures hold on a shared machine, else the wall time. Each stage is timed on its own, so
// the pipeline runs them as extract does, a batch of articles through one stage at a time; this costs two
// clock readings per stage and article (a system call each, a few microseconds on a virtual machine).
type timedStage struct {
	stage pipeline.Stage
	total *atomic.Int64
}

func (t timedStage) Annotate(d *marsad.Document) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	start := stageClock()
	err := t.stage.Annotate(d)
	t.total.Add(int64(stageClock() - start))
	return err
}

func stageClock() time.Duration {
	if c, ok := threadCPU(); ok {
		return c
	}
	return time.Duration(time.Now().UnixNano())
}

// benchStages runs the standard pipeline over the corpus and prints the throughput of cleaning and of
// every stage, in MB of cleaned text per second of one core.
func benchStages(ctx context.Context, w io.Writer, paths []string, stdin io.Reader) error {
	std, err := pipeline.Stages()
	if err != nil {
		return err
	}
	totals := make([]atomic.Int64, len(std))
	timed := make([]pipeline.Stage, len(std))
	for i, s := range std {
		timed[i] = pipeline.Stage{Name: s.Name, Annotator: timedStage{stage: s, total: &totals[i]}}
	}
	p := pipeline.New(clean.New(nil), timed...)
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
	for i := range totals {
		stageTotal += totals[i].Load()
	}
	mb := float64(bytes) / 1e6
	fmt.Fprintf(w, "extract: %d articles, %.1f MB of text in %.1f s wall on %d cores (%.2f MB/s)\n", docs, mb, wall.Seconds(), runtime.NumCPU(), mb/wall.Seconds())
	fmt.Fprintf(w, "%-10s %10s %12s\n", "stage", "core s", "MB/s/core")
	for i := range totals {
		secs := time.Duration(totals[i].Load()).Seconds()
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
