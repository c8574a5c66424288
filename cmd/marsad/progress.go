package main

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"

	"golang.org/x/term"
)

// progress draws a one-line counter on a terminal every 200 ms, and nothing when w is not a terminal.
type progress struct {
	w          io.Writer
	done, fail atomic.Int64
	bytes      atomic.Int64
	start      time.Time
	stop       chan struct{}
	stopped    chan struct{}
}

func startProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now()}
	if f, ok := w.(*os.File); !ok || !term.IsTerminal(int(f.Fd())) {
		return p
	}
	p.stop, p.stopped = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(p.stopped)
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.draw()
			case <-p.stop:
				p.draw()
				fmt.Fprintln(p.w)
				return
			}
		}
	}()
	return p
}

func (p *progress) draw() {
	secs := time.Since(p.start).Seconds()
	n := p.done.Load()
	fmt.Fprintf(p.w, "\r%d articles, %d rejected, %.1f MB, %.0f articles/s   ", n, p.fail.Load(),
		float64(p.bytes.Load())/1e6, float64(n)/max(secs, 1e-3))
}

func (p *progress) finish() {
	if p.stop != nil {
		close(p.stop)
		<-p.stopped
	}
}
