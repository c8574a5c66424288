// Package pipeline runs raw articles through decoding, cleaning and the annotation stages, on all cores,
// keeping input order.
package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/input"
)

// Stage is a named annotator; the name labels its errors and its cost in benchmarks.
type Stage struct {
	Name string
	marsad.Annotator
}

// Pipeline turns records into documents. It is safe for concurrent use.
type Pipeline struct {
	cleaner *clean.Cleaner
	stages  []Stage
}

// New returns a pipeline that cleans with c and then runs the stages in order.
func New(c *clean.Cleaner, stages ...Stage) *Pipeline {
	return &Pipeline{cleaner: c, stages: stages}
}

// Result is what became of one record.
type Result struct {
	Origin string
	Doc    *marsad.Document // nil when Err is set
	Err    error            // names the origin
}

// Document decodes, cleans and annotates one record.
func (p *Pipeline) Document(rec input.Record) (*marsad.Document, error) {
	doc, err := p.clean(rec)
	if err != nil {
		return nil, err
	}
	if err := p.annotate(doc); err != nil {
		return nil, fmt.Errorf("%s: %w", rec.Origin, err)
	}
	return doc, nil
}

// clean decodes and cleans one record.
func (p *Pipeline) clean(rec input.Record) (*marsad.Document, error) {
	body, err := clean.Body(rec)
	if err != nil {
		return nil, err
	}
	doc := &marsad.Document{Title: rec.Title, Published: rec.Published, URL: rec.URL, Source: rec.Source}
	if err := p.cleaner.Clean(doc, body); err != nil {
		return nil, fmt.Errorf("%s: %w", rec.Origin, err)
	}
	doc.ID = ContentID(doc.Text)
	doc.Origins = append(doc.Origins, rec.Origin)
	if rec.ID != "" && rec.ID != rec.Origin {
		doc.Origins = append(doc.Origins, rec.ID)
	}
	return doc, nil
}

// batch is at most how many records a worker of Run takes at once (see documents). On SaudiNewsNet, one
// goroutine annotating 3,000 records in batches spent 13 % less CPU time than record by record with batches
// of 16, 15 % with 32, 20 % with 64 and 128.
const batch = 64

// documents is Document for several records, which it runs through the stages one stage at a time: a stage
// then reads its tables (word vectors, gazetteers, lexicons) for several articles in a row, while they are
// still in the core's cache, instead of after every other stage has pushed them out. Each record's result
// is what Document returns for it.
func (p *Pipeline) documents(recs []input.Record, out []Result) []Result {
	out = out[:0]
	for _, rec := range recs {
		doc, err := p.clean(rec)
		out = append(out, Result{Origin: rec.Origin, Doc: doc, Err: err})
	}
	for _, s := range p.stages {
		for i := range out {
			if out[i].Err != nil {
				continue
			}
			if err := s.Annotate(out[i].Doc); err != nil {
				out[i].Doc, out[i].Err = nil, fmt.Errorf("%s: %s: %w", recs[i].Origin, s.Name, err)
			}
		}
	}
	for _, r := range out {
		if r.Err == nil {
			sortLayers(r.Doc)
		}
	}
	return out
}

// Reannotate replaces the layers of a document cleaned earlier with what the stages find now: stored
// articles get the layers of newer stages without their original input.
func (p *Pipeline) Reannotate(doc *marsad.Document) error {
	doc.Quantities, doc.Dates, doc.Entities, doc.Events, doc.Quotes, doc.Conflicts = nil, nil, nil, nil, nil, nil
	if err := p.annotate(doc); err != nil {
		return fmt.Errorf("article %s: %w", doc.ID, err)
	}
	return nil
}

// ReannotateAll reannotates the documents on workers goroutines and returns the error of each (nil when
// it succeeded); a document that fails may be left with part of its new layers.
func (p *Pipeline) ReannotateAll(docs []*marsad.Document, workers int) []error {
	errs := make([]error, len(docs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(max(workers, 1), len(docs)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(docs); i = int(next.Add(1)) - 1 {
				errs[i] = p.Reannotate(docs[i])
			}
		})
	}
	wg.Wait()
	return errs
}

func (p *Pipeline) annotate(doc *marsad.Document) error {
	for _, s := range p.stages {
		if err := s.Annotate(doc); err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
	}
	sortLayers(doc)
	return nil
}

// sortLayers puts every layer in text order: stages append as they find, and a reader expects to walk the
// text once.
func sortLayers(d *marsad.Document) {
	byStart := func(a, b marsad.Span) int { return cmp.Or(a.Start-b.Start, a.End-b.End) }
	slices.SortStableFunc(d.Quantities, func(a, b marsad.Quantity) int { return byStart(a.Span, b.Span) })
	slices.SortStableFunc(d.Dates, func(a, b marsad.Date) int { return byStart(a.Span, b.Span) })
	slices.SortStableFunc(d.Entities, func(a, b marsad.Entity) int { return byStart(a.Span, b.Span) })
	slices.SortStableFunc(d.Quotes, func(a, b marsad.Quote) int { return byStart(a.Span, b.Span) })
	slices.SortStableFunc(d.Events, func(a, b marsad.Event) int { return byStart(a.Trigger, b.Trigger) })
}

// ContentID is a document's id: a hash of its folded text, so the same article re-scraped with other
// diacritics, hamza spellings or white space keeps its id.
func ContentID(text string) string {
	// The text is folded into the hash a piece at a time, each cut before a byte that starts a rune, so the
	// pieces fold as the whole text would.
	h := sha256.New()
	var buf [4096]byte
	for len(text) > 0 {
		n := min(len(text), len(buf)/2)
		for n < len(text) && !utf8.RuneStart(text[n]) {
			n++
		}
		h.Write(arabic.AppendFold(buf[:0], text[:n]))
		text = text[n:]
	}
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])[:8])
}

// Run reads records with read, processes them on workers goroutines and calls out with each result in input
// order. A worker takes up to batch records at once, those already read, and at most 2·batch records per
// worker are in memory at once. Run stops at the first error from read or out.
func (p *Pipeline) Run(ctx context.Context, workers int, read func(emit func(input.Record) error) error, out func(Result) error) error {
	workers = max(workers, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		rec input.Record
	}
	type done struct {
		seq int
		res Result
	}
	// window bounds the records between reading and output: a batch per worker, and as many read ahead, so
	// a worker done with its batch finds the next one waiting in jobs.
	window := make(chan struct{}, 2*workers*batch)
	jobs := make(chan job, 2*workers*batch)
	results := make(chan done, workers*batch)

	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		readErr = read(func(rec input.Record) error {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{seq, rec}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var js []job
			var recs []input.Record
			var res []Result
			for j := range jobs {
				// The first record is waited for, the rest of the batch only taken if already read.
				js = append(js[:0], j)
			more:
				for len(js) < batch {
					select {
					case j, ok := <-jobs:
						if !ok {
							break more
						}
						js = append(js, j)
					default:
						break more
					}
				}
				recs = recs[:0]
				for _, j := range js {
					recs = append(recs, j.rec)
				}
				res = p.documents(recs, res)
				for k, j := range js {
					results <- done{j.seq, res[k]}
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	pending := map[int]Result{}
	next := 0
	var outErr error
	for d := range results {
		if outErr != nil {
			continue // drain so the workers can finish
		}
		pending[d.seq] = d.res
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if outErr = out(r); outErr != nil {
				cancel()
				break
			}
		}
	}
	if outErr != nil {
		return outErr
	}
	return readErr
}
