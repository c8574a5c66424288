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
		news := fs.String("news", "events/testdata/news.tsv,events/testdata/news2.tsv,events/testdata/news3.tsv,events/testdata/news5.tsv,events/testdata/news6.tsv,events/testdata/news4.tsv,events/testdata/news7.tsv,events/testdata/news8.tsv,events/testdata/news9.tsv,events/testdata/news10.tsv,events/testdata/news11.tsv,events/testdata/news12.tsv,events/testdata/news13.tsv,events/testdata/news14.tsv,events/testdata/news15.tsv,events/testdata/news16.tsv,events/testdata/news17.tsv,events/testdata/news18.tsv,events/testdata/news19.tsv,events/testdata/news20.tsv,events/testdata/news21.tsv,events/testdata/news22.tsv,events/testdata/news23.tsv,events/testdata/news24.tsv,events/testdata/news25.tsv,events/testdata/news26.tsv,events/testdata/news27.tsv,events/testdata/news28.tsv,events/testdata/news29.tsv,events/testdata/news30.tsv,events/testdata/news31.tsv,events/testdata/news32.tsv,events/testdata/news33.tsv,events/testdata/news34.tsv,events/testdata/news35.tsv,events/testdata/news36.tsv,events/testdata/news37.tsv,events/testdata/news38.tsv,events/testdata/news39.tsv,events/testdata/news40.tsv,events/testdata/news41.tsv,events/testdata/news42.tsv,events/testdata/news43.tsv,events/testdata/news44.tsv,events/testdata/news45.tsv,events/testdata/news46.tsv,events/testdata/news47.tsv,events/testdata/news48.tsv,events/testdata/news49.tsv,events/testdata/news50.tsv,events/testdata/news51.tsv,events/testdata/news52.tsv,events/testdata/news53.tsv,events/testdata/news54.tsv,events/testdata/news55.tsv,events/testdata/news56.tsv,events/testdata/news57.tsv,events/testdata/news58.tsv,events/testdata/news59.tsv,events/testdata/news60.tsv,events/testdata/news61.tsv,events/testdata/news62.tsv,events/testdata/news63.tsv,events/testdata/news64.tsv,events/testdata/news65.tsv,events/testdata/news66.tsv,events/testdata/news67.tsv,events/testdata/news68.tsv,events/testdata/news69.tsv,events/testdata/news70.tsv,events/testdata/news71.tsv,events/testdata/news72.tsv,events/testdata/news73.tsv,events/testdata/news74.tsv,events/testdata/news75.tsv,events/testdata/news76.tsv,events/testdata/news77.tsv,events/testdata/news78.tsv,events/testdata/news79.tsv,events/testdata/news80.tsv,events/testdata/news81.tsv,events/testdata/news82.tsv,events/testdata/news83.tsv,events/testdata/news84.tsv,events/testdata/news85.tsv,events/testdata/news86.tsv,events/testdata/news87.tsv,events/testdata/news88.tsv,events/testdata/news89.tsv,events/testdata/news90.tsv,events/testdata/news91.tsv,events/testdata/news92.tsv,events/testdata/news93.tsv,events/testdata/news94.tsv,events/testdata/news95.tsv,events/testdata/news96.tsv,events/testdata/news97.tsv,events/testdata/news98.tsv,events/testdata/news99.tsv,events/testdata/news100.tsv,events/testdata/news101.tsv,events/testdata/news102.tsv,events/testdata/news103.tsv,events/testdata/real1.tsv,events/testdata/real2.tsv,events/testdata/real3.tsv,events/testdata/real4.tsv,events/testdata/real5.tsv,events/testdata/real6.tsv,events/testdata/real7.tsv,events/testdata/real8.tsv,events/testdata/real9.tsv,events/testdata/real10.tsv,events/testdata/real11.tsv,events/testdata/real12.tsv,events/testdata/real13.tsv,events/testdata/real14.tsv,events/testdata/real15.tsv,events/testdata/real16.tsv,events/testdata/real17.tsv,events/testdata/real18.tsv,events/testdata/real19.tsv,events/testdata/real20.tsv,events/testdata/real21.tsv,events/testdata/real22.tsv,events/testdata/real23.tsv,events/testdata/real24.tsv,events/testdata/real25.tsv,events/testdata/real26.tsv,events/testdata/real27.tsv,events/testdata/real28.tsv,events/testdata/reports.tsv", "annotated news `files`, comma-separated (empty: skip)")
		alone := fs.Bool("alone", false, "run the events stage alone, without the stages before it in the pipeline")
		misses := fs.Bool("misses", false, "print the news sentences not right on all four roles instead of the tables")
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
			return events.Misses(c.Stdout, *news, prepare)
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
