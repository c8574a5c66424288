package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/conflicts"
	"github.com/marsad/marsad/dates"
	"github.com/marsad/marsad/events"
	"github.com/marsad/marsad/gazetteer"
	"github.com/marsad/marsad/input"
	"github.com/marsad/marsad/ner"
	"github.com/marsad/marsad/numbers"
	"github.com/marsad/marsad/pipeline"
	"github.com/marsad/marsad/quotes"
	"github.com/marsad/marsad/sqlite"
)

type evalCommand struct {
	*Main
}

const evalUsage = `Usage: marsad eval <what> [flags] [arguments]

  search CORPUS        recall of the Arabic-aware index vs FTS5's plain unicode61 tokenizer
  clean CORPUS         what boilerplate removal removes, by reason, with a sample to check by hand
  numbers [SET]        quantities: P/R/F1 (span + value + unit) on the annotated sets
  dates [SET]          dates: P/R/F1 (span + value) on the annotated sets
  gazetteer [SET]      entity resolution: type + id + coordinates accuracy
  quotes [SET]         quotations: span and speaker P/R/F1
  conflicts [SET]      contradictions: P/R/F1
  ner [CONLL]          entity-level P/R/F1 per type (conlleval: exact span and type) on a CoNLL file
  events [--gsr DIR] [--news FILE] [--alone]
                       ASSAULT/PROTEST detection and actor spans on the event GSR; type + actors + location,
                       after the pipeline's earlier stages (news also without them; --alone: never)
  numbers|dates --corpus FILE [--sample N] [--seed S]
                       run over a JSONL corpus: counts, speed, a sample to check by hand
  gazetteer|quotes --corpus FILE [--sample N]
                       score the geocodes or quote speakers judged by hand on that corpus (quotes: print up
                       to N misses)

SET defaults to the package's testdata; run from the repository root.
`

// setEvaluations score an extractor on annotated sets; corpusEvaluations survey a raw corpus.
var (
	setEvaluations = map[string]struct {
		data string
		run  func(io.Writer, string) error
	}{
		"numbers":   {"numbers/testdata", numbers.Evaluate},
		"dates":     {"dates/testdata", dates.Evaluate},
		"gazetteer": {"gazetteer/testdata", evaluateResolution},
		"quotes":    {"quotes/testdata", quotes.Evaluate},
		"conflicts": {"conflicts/testdata", conflicts.Evaluate},
		"ner":       {"ner/testdata/regional_heldout.conll", ner.Evaluate},
	}
	corpusEvaluations = map[string]func(w io.Writer, path string, sample int, seed uint64) error{
		"numbers":   numbers.Survey,
		"conflicts": conflicts.Survey,
		"dates":     dates.EvaluateCorpus,
	}
)

// evaluateResolution scores entity resolution on gold spans, on gazetteer matching alone, and behind the
// trained tagger as the standard pipeline runs them.
func evaluateResolution(w io.Writer, path string) error {
	tagger, err := ner.Default()
	if err != nil {
		return err
	}
	return gazetteer.EvaluateTagged(w, path, func(d *marsad.Document) error {
		d.Sentences = clean.AppendSentences(d.Sentences[:0], d.Text, 0, len(d.Text))
		return tagger.Annotate(d)
	})
}

func (c *evalCommand) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(c.Stderr, evalUsage)
		return fmt.Errorf("%w: eval needs what to evaluate", errUsage)
	}
	switch args[0] {
	case "search":
		return c.search(ctx, args[1:])
	case "clean":
		return c.clean(ctx, args[1:])
	case "events":
		fs := c.flags("eval events", "[--gsr DIR] [--news FILE] [--alone] [--misses] [--agree A,B]")
		gsr := fs.String("gsr", "../shared/data/arabic_event_gsr", "`dir` of the Arabic event GSR dev files (empty: skip)")
		news := fs.String("news", "events/testdata/news*.tsv,events/testdata/real*.tsv,events/testdata/reports.tsv", "annotated news `files` or glob patterns, comma-separated (empty: skip)")
		alone := fs.Bool("alone", false, "run the events stage alone, without the stages before it in the pipeline")
		misses := fs.Bool("misses", false, "print the tuning sentences got wrong (GSR detection, news on all four roles) instead of the tables")
		agree := fs.String("agree", "", "`A,B`: print how far two annotations of the same articles agree instead of the tables")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		var prepare func(*marsad.Document) error
		if !*alone {
			var err error
			if prepare, err = pipeline.Before("events"); err != nil {
				return err
			}
		}
		if a, b, ok := strings.Cut(*agree, ","); ok {
			return events.Agreement(c.Stdout, a, b)
		} else if *agree != "" {
			return fmt.Errorf("%w: --agree wants two files separated by a comma", errUsage)
		}
		if *misses {
			return events.Misses(c.Stdout, *gsr, *news, prepare)
		}
		return events.Evaluate(c.Stdout, *gsr, *news, prepare)
	}
	ev, ok := setEvaluations[args[0]]
	if !ok {
		fmt.Fprint(c.Stderr, evalUsage)
		return fmt.Errorf("%w: unknown evaluation %q", errUsage, args[0])
	}
	fs := c.flags("eval "+args[0], "[--corpus FILE [--sample N] [--seed S]] [SET]")
	corpus := fs.String("corpus", "", "survey this JSONL `corpus` instead of scoring the annotated sets")
	sample := fs.Int("sample", 100, "items to print for checking by hand (with --corpus)")
	seed := fs.Uint64("seed", 1, "random seed of the sample (with --corpus)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *corpus != "" && args[0] == "gazetteer" {
		return evaluateJudgedGeocodes(ctx, c.Stdout, *corpus, "gazetteer/snn_judged.tsv", "gazetteer/snn_judged_heldout.tsv")
	}
	if *corpus != "" && args[0] == "quotes" {
		return evaluateJudgedQuotes(ctx, c.Stdout, *corpus, *sample, "quotes/snn_judged.tsv", "quotes/snn_judged_heldout.tsv")
	}
	if *corpus != "" {
		survey, ok := corpusEvaluations[args[0]]
		if !ok {
			return fmt.Errorf("%w: eval %s has no --corpus survey", errUsage, args[0])
		}
		return survey(c.Stdout, *corpus, *sample, *seed)
	}
	data := ev.data
	if fs.NArg() > 0 {
		data = fs.Arg(0)
	}
	return ev.run(c.Stdout, data)
}

func (c *evalCommand) search(ctx context.Context, args []string) error {
	fs := c.flags("eval search", "CORPUS ...")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: eval search needs a corpus", errUsage)
	}
	dir, err := os.MkdirTemp("", "marsad-eval")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(filepath.Join(dir, "eval.db"))
	if err != nil {
		return err
	}
	defer store.Close()
	ev, err := sqlite.NewSearchEval(store)
	if err != nil {
		return err
	}
	p := pipeline.New(clean.New(nil))
	var batch []*marsad.Document
	read := func(emit func(input.Record) error) error {
		return input.Read(ctx, fs.Args(), input.Auto, c.Stdin, emit)
	}
	err = p.Run(ctx, runtime.NumCPU(), read, func(r pipeline.Result) error {
		if r.Err != nil {
			return nil
		}
		if batch = append(batch, r.Doc); len(batch) == batchSize {
			err := ev.Add(ctx, batch)
			batch = batch[:0]
			return err
		}
		return nil
	})
	if err == nil {
		err = ev.Add(ctx, batch)
	}
	if err != nil {
		return err
	}
	return ev.Report(ctx, c.Stdout)
}

func (c *evalCommand) clean(ctx context.Context, args []string) error {
	fs := c.flags("eval clean", "[--boilerplate FILE] [--sample N] CORPUS ...")
	boilerplate := fs.String("boilerplate", "", "`file` of learned boilerplate lines (from 'marsad boilerplate')")
	sample := fs.Int("sample", 60, "removed lines to print for checking by hand")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: eval clean needs a corpus", errUsage)
	}
	learned, err := readBoilerplate(*boilerplate)
	if err != nil {
		return err
	}
	cl := clean.New(learned)
	var articles, touched, lines int
	reasons := map[clean.Reason]int{}
	var removed []clean.Removal
	err = input.Read(ctx, fs.Args(), input.Auto, c.Stdin, func(r input.Record) error {
		body, err := clean.Body(r)
		if err != nil {
			return nil
		}
		articles++
		rs := cl.Removals(body, r.Source)
		if len(rs) > 0 {
			touched++
		}
		for _, x := range rs {
			reasons[x.Reason]++
			lines++
		}
		removed = append(removed, rs...)
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "%d articles, %d with boilerplate removed, %d lines removed\n", articles, touched, lines)
	keys := make([]clean.Reason, 0, len(reasons))
	for k := range reasons {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(c.Stdout, "  %-9s %6d\n", k, reasons[k])
	}
	rng := rand.New(rand.NewPCG(1, 2))
	rng.Shuffle(len(removed), func(i, j int) { removed[i], removed[j] = removed[j], removed[i] })
	fmt.Fprintf(c.Stdout, "sample of removed lines (seeded) to check by hand:\n")
	for _, x := range removed[:min(*sample, len(removed))] {
		line := []rune(x.Line)
		fmt.Fprintf(c.Stdout, "  %-9s %s\n", x.Reason, string(line[:min(len(line), 90)]))
	}
	return nil
}

// judgedSet is a set of items judged by hand in a corpus (geocodes, quote speakers), scored on the documents
// the pipeline makes of it.
type judgedSet interface {
	Score(doc *marsad.Document)
	Report(w io.Writer) error
}

// scoreJudged runs the standard stages before the named one over a corpus, as the pipeline does, and scores
// every judged set on each document.
func scoreJudged(ctx context.Context, corpus, before string, sets []judgedSet) error {
	stages, err := pipeline.StagesBefore(before)
	if err != nil {
		return err
	}
	p := pipeline.New(clean.New(nil), stages...)
	read := func(emit func(input.Record) error) error {
		return input.Read(ctx, []string{corpus}, input.Auto, nil, emit)
	}
	return p.Run(ctx, runtime.NumCPU(), read, func(r pipeline.Result) error {
		if r.Err == nil {
			for _, j := range sets {
				j.Score(r.Doc)
			}
		}
		return nil
	})
}

// evaluateJudgedGeocodes scores the geocodes judged by hand in each judged file (gazetteer.Judged).
func evaluateJudgedGeocodes(ctx context.Context, w io.Writer, corpus string, judgedPaths ...string) error {
	var sets []judgedSet
	for _, path := range judgedPaths {
		j, err := gazetteer.ReadJudged(path)
		if err != nil {
			return err
		}
		sets = append(sets, j)
	}
	if err := scoreJudged(ctx, corpus, "events", sets); err != nil {
		return err
	}
	for i, j := range sets {
		fmt.Fprintf(w, "%s\n", judgedPaths[i])
		if err := j.Report(w); err != nil {
			return err
		}
	}
	return nil
}

// evaluateJudgedQuotes scores the quote speakers judged by hand in each judged file (quotes.Judged), printing
// up to misses of each file's misses to check by hand.
func evaluateJudgedQuotes(ctx context.Context, w io.Writer, corpus string, misses int, judgedPaths ...string) error {
	var judged []*quotes.Judged
	var sets []judgedSet
	for _, path := range judgedPaths {
		j, err := quotes.ReadJudged(path)
		if err != nil {
			return err
		}
		judged, sets = append(judged, j), append(sets, j)
	}
	if err := scoreJudged(ctx, corpus, "conflicts", sets); err != nil {
		return err
	}
	for i, j := range judged {
		fmt.Fprintf(w, "%s\n", judgedPaths[i])
		if err := j.Report(w); err != nil {
			return err
		}
		if err := j.Misses(w, misses); err != nil {
			return err
		}
	}
	return nil
}
