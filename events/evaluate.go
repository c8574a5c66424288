package events

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"github.com/marsad/marsad/internal/evalset"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// HeldOut reports whether the i-th item (0-based, in file order) of an evaluation set is held out from
// tuning: every fifth one.
func HeldOut(i int) bool { return i%5 == 4 }

// Evaluate measures the annotator and prints three tables to w:
//   - sentence-level ASSAULT and PROTEST detection against the Arabic event GSR in gsrDir (the dev files
//     assault_gsr.dev.csv and protest_gsr.dev.csv): "yes" rows are positive, "easy no" and "difficult no"
//     rows negative, "ambiguous" rows left out;
//   - source and target actor spans against assault_spans.dev.json and protest_spans.dev.json;
//   - type, actors and location on the annotated news sentences of the files listed in ownPath,
//     separated by commas, each a name or a glob pattern (see testdata/news.tsv and readOwn for which
//     lines are held out);
//   - reports told from mentions at confidence 0.5 on the report sets in ownPath, the files named
//     reports*.tsv (see testdata/reports.tsv and evaluateReports).
//
// A sentence is detected when one of its events of the type has confidence 0.5 or more. Each table has a
// tuning part and a held-out part (HeldOut). An empty gsrDir or ownPath skips its tables.
//
// prepare, when not nil, runs the stages before events on each sentence (numbers, dates, entities), as the
// pipeline does; the GSR tables are then scored after it, and the news table both ways ("alone" and
// "staged"). Each sentence is given to prepare as a document whose Text is the sentence and whose
// Sentences is that one sentence.
func Evaluate(w io.Writer, gsrDir, ownPath string, prepare func(*marsad.Document) error) error {
	an, err := New()
	if err != nil {
		return err
	}
	a := &evaluator{a: an, prepare: prepare}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	defer tw.Flush()
	newsSets, reportSets, err := splitSets(ownPath)
	if err != nil {
		return err
	}
	if gsrDir != "" {
		fmt.Fprintln(tw, "GSR detection\tpart\tsentences\tTP\tFP\tFN\tP\tR\tF1\t")
		for _, typ := range []string{marsad.ASSAULT, marsad.PROTEST} {
			name := filepath.Join(gsrDir, strings.ToLower(typ)+"_gsr.dev.csv")
			rows, err := readGSR(name)
			if err != nil {
				return err
			}
			for _, part := range []string{"tune", "held-out"} {
				var c counts
				for i, r := range rows {
					if HeldOut(i) != (part == "held-out") || r.label == "ambiguous" {
						continue
					}
					got, err := a.detects(r.text, typ)
					if err != nil {
						return err
					}
					c.add(r.label == "yes", got)
				}
				fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", typ, part, c.n, c.tp, c.fp, c.fn, c.p(), c.r(), c.f1())
			}
		}
		fmt.Fprintln(tw, "\t\t\t\t\t\t\t\t\t")
		fmt.Fprintln(tw, "GSR actor spans\tpart\trecords\tsource exact\tsource overlap\ttarget exact\ttarget overlap\t")
		for _, typ := range []string{marsad.ASSAULT, marsad.PROTEST} {
			recs, err := readSpans(filepath.Join(gsrDir, strings.ToLower(typ)+"_spans.dev.json"))
			if err != nil {
				return err
			}
			for _, part := range []string{"tune", "held-out"} {
				var n, se, so, te, to int
				for i, r := range recs {
					if HeldOut(i) != (part == "held-out") {
						continue
					}
					ev, err := a.first(r.Text, typ)
					if err != nil {
						return err
					}
					var src, dst *marsad.Ref
					if ev != nil {
						src, dst = ev.Actor1, ev.Actor2
					}
					n++
					e, o := r.judge(src, true)
					se, so = se+b2i(e), so+b2i(o)
					e, o = r.judge(dst, false)
					te, to = te+b2i(e), to+b2i(o)
				}
				fmt.Fprintf(tw, "%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t\n", typ, part, n, evalset.Ratio(se, n), evalset.Ratio(so, n), evalset.Ratio(te, n), evalset.Ratio(to, n))
			}
		}
	}
	if len(newsSets) > 0 {
		if gsrDir != "" {
			fmt.Fprintln(tw, "\t\t\t\t\t\t\t\t\t")
		}
		fmt.Fprintln(tw, "news set\tstages\tpart\tevents\ttype\tactor1\tactor2\tlocation\tall four\t")
		ways := []*evaluator{{a: an}}
		if prepare != nil {
			ways = append(ways, a)
		}
		for _, name := range newsSets {
			rows, held, err := readOwn(name)
			if err != nil {
				return err
			}
			for _, a := range ways {
				if err := a.scoreNews(tw, name, rows, held); err != nil {
					return err
				}
			}
		}
	}
	if len(reportSets) > 0 {
		if gsrDir != "" || len(newsSets) > 0 {
			fmt.Fprintln(tw, "\t\t\t\t\t\t\t\t\t\t\t\t")
		}
		return evaluateReports(tw, a, reportSets)
	}
	return nil
}

// scoreNews prints the rows of the news table for one set.
func (a *evaluator) scoreNews(tw io.Writer, name string, rows []ownRow, held func(int) bool) error {
	stages := "alone"
	if a.prepare != nil {
		stages = "staged"
	}
	for _, part := range []string{"tune", "held-out"} {
		var n, ty, a1, a2, lo, all int
		for i, r := range rows {
			if held(i) != (part == "held-out") {
				continue
			}
			n++
			ev, err := a.first(r.text, r.typ)
			if err != nil {
				return err
			}
			if ev == nil {
				continue
			}
			ok1, ok2, ok3 := sameRef(ev.Actor1, r.actor1), sameRef(ev.Actor2, r.actor2), sameRef(ev.Place, r.place)
			ty, a1, a2, lo = ty+1, a1+b2i(ok1), a2+b2i(ok2), lo+b2i(ok3)
			all += b2i(ok1 && ok2 && ok3)
		}
		if n == 0 {
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", filepath.Base(name), stages, part, n,
			evalset.Ratio(ty, n), evalset.Ratio(a1, n), evalset.Ratio(a2, n), evalset.Ratio(lo, n), evalset.Ratio(all, n))
	}
	return nil
}

// Misses prints the sentences of the tuning parts that the events stage gets wrong. For the GSR files
// in gsrDir (empty: skip): the sentences labelled yes but not detected (FN) and detected but labelled
// no (FP), with the label and the events found. For each news set in ownPath (comma-separated; report
// sets are skipped): the sentences whose first event of the gold type is not right on all four of type,
// actor1, actor2 and location, with the line number, what was found and what was wanted for each role, a
// wrong role marked with "*". Held-out parts are never printed. prepare is as for Evaluate (nil: the
// events stage alone).
func Misses(w io.Writer, gsrDir, ownPath string, prepare func(*marsad.Document) error) error {
	an, err := New()
	if err != nil {
		return err
	}
	a := &evaluator{a: an, prepare: prepare}
	if gsrDir != "" {
		if err := a.gsrMisses(w, gsrDir); err != nil {
			return err
		}
	}
	newsSets, _, err := splitSets(ownPath)
	if err != nil {
		return err
	}
	for _, name := range newsSets {
		rows, _, err := readOwn(name)
		if err != nil {
			return err
		}
		n := 0
		for i, r := range rows {
			evs, err := a.events(r.text)
			if err != nil {
				return err
			}
			ev := firstOfType(evs, r.typ)
			if ev != nil && sameRef(ev.Actor1, r.actor1) && sameRef(ev.Actor2, r.actor2) && sameRef(ev.Place, r.place) {
				continue
			}
			n++
			fmt.Fprintf(w, "%s #%d %s\n  %s\n", filepath.Base(name), i+1, r.typ, r.text)
			if ev == nil {
				fmt.Fprintf(w, "  * no %s event%s\n", r.typ, foundInstead(evs))
				continue
			}
			fmt.Fprintf(w, "  trigger %q\n", ev.Trigger.Text)
			for _, role := range []struct {
				name string
				got  *marsad.Ref
				want string
			}{{"actor1", ev.Actor1, r.actor1}, {"actor2", ev.Actor2, r.actor2}, {"location", ev.Place, r.place}} {
				mark := " "
				if !sameRef(role.got, role.want) {
					mark = "*"
				}
				got := "-"
				if role.got != nil {
					got = role.got.Text
				}
				want := role.want
				if want == "" {
					want = "-"
				}
				fmt.Fprintf(w, "  %s %-8s got %q want %q\n", mark, role.name, got, want)
			}
		}
		fmt.Fprintf(w, "%s: %d of %d missed\n\n", filepath.Base(name), n, len(rows))
	}
	return nil
}

// gsrMisses prints the detection errors on the tuning part of the GSR files in dir.
func (a *evaluator) gsrMisses(w io.Writer, dir string) error {
	for _, typ := range []string{marsad.ASSAULT, marsad.PROTEST} {
		name := filepath.Join(dir, strings.ToLower(typ)+"_gsr.dev.csv")
		rows, err := readGSR(name)
		if err != nil {
			return err
		}
		var c counts
		for i, r := range rows {
			if HeldOut(i) || r.label == "ambiguous" {
				continue
			}
			evs, err := a.events(r.text)
			if err != nil {
				return err
			}
			got, gold := reported(evs, typ), r.label == "yes"
			c.add(gold, got)
			if gold == got {
				continue
			}
			kind := "FN"
			if got {
				kind = "FP"
			}
			fmt.Fprintf(w, "%s row %d %s %s (%s)\n  %s\n ", filepath.Base(name), i+1, typ, kind, r.label, r.text)
			for _, e := range evs {
				fmt.Fprintf(w, " %s %q %.2f", e.Type, e.Trigger.Text, e.Confidence)
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s tune: %d sentences, %d FP, %d FN\n\n", filepath.Base(name), c.n, c.fp, c.fn)
	}
	return nil
}

// foundInstead lists the events found where the annotated type was not, as " (found TYPE "trigger", …)".
func foundInstead(evs []marsad.Event) string {
	if len(evs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(" (found")
	for i, e := range evs {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " %s %q", e.Type, e.Trigger.Text)
	}
	b.WriteByte(')')
	return b.String()
}

// evaluator annotates evaluation sentences, after prepare when it is set.
type evaluator struct {
	a       *Annotator
	prepare func(*marsad.Document) error
}

// events annotates one evaluation sentence as a document of its own.
func (a *evaluator) events(text string) ([]marsad.Event, error) {
	d := &marsad.Document{Text: text, Sentences: []marsad.Range{{Start: 0, End: len(text)}}}
	if a.prepare != nil {
		if err := a.prepare(d); err != nil {
			return nil, err
		}
	}
	if err := a.a.Annotate(d); err != nil {
		return nil, err
	}
	return d.Events, nil
}

func (a *evaluator) detects(text, typ string) (bool, error) {
	evs, err := a.events(text)
	return reported(evs, typ), err
}

// reported reports whether evs hold an event of the type at the confidence of a reported event.
func reported(evs []marsad.Event, typ string) bool {
	for _, e := range evs {
		if e.Type == typ && e.Confidence >= marsad.ReportedConfidence {
			return true
		}
	}
	return false
}

// first returns the first event of the type in text, the one an annotator of that sentence labelled.
func (a *evaluator) first(text, typ string) (*marsad.Event, error) {
	evs, err := a.events(text)
	return firstOfType(evs, typ), err
}

// firstOfType returns the first of evs of the type, or nil.
func firstOfType(evs []marsad.Event, typ string) *marsad.Event {
	for i := range evs {
		if evs[i].Type == typ {
			return &evs[i]
		}
	}
	return nil
}

type counts struct{ n, tp, fp, fn int }

func (c *counts) add(gold, got bool) {
	c.n++
	switch {
	case gold && got:
		c.tp++
	case got:
		c.fp++
	case gold:
		c.fn++
	}
}

func (c *counts) p() float64 { return evalset.Ratio(c.tp, c.tp+c.fp) }
func (c *counts) r() float64 { return evalset.Ratio(c.tp, c.tp+c.fn) }
func (c *counts) f1() float64 {
	_, _, f := evalset.PRF(c.tp, c.tp+c.fp, c.tp+c.fn)
	return f
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// gsrRow is a GSR sentence with its label and how many annotators accepted it as an event of the type.
type gsrRow struct {
	text, label   string
	accept, total int
}

func readGSR(name string) ([]gsrRow, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("read %s: empty", name)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	ti, ok1 := col["text"]
	li, ok2 := col["label"]
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("read %s: no text or label column", name)
	}
	var rows []gsrRow
	for _, r := range recs[1:] {
		row := gsrRow{text: strings.TrimSpace(r[ti]), label: r[li]}
		if ai, ok := col["accept"]; ok {
			row.accept, _ = strconv.Atoi(r[ai])
		}
		if ni, ok := col["total"]; ok {
			row.total, _ = strconv.Atoi(r[ni])
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// spanRecord is one span-annotated GSR sentence: a consensus ("gold") bag of words per role, when the
// annotators agreed, and each annotator's spans.
type spanRecord struct {
	Text  string `json:"text"`
	Spans []struct {
		Source []string `json:"source_actor"`
		Target []string `json:"target_actor"`
	} `json:"spans"`
	SourceGold string `json:"source_gold"`
	TargetGold string `json:"target_gold"`
}

func readSpans(name string) ([]spanRecord, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var recs []spanRecord
	if err := json.Unmarshal(b, &recs); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return recs, nil
}

// judge compares a predicted actor with the record's annotations. The gold answers are the consensus bag
// and each annotator's span; a role most annotators left empty is correct only when left empty. exact
// needs the same words as one answer; overlap needs a shared word.
func (r *spanRecord) judge(got *marsad.Ref, source bool) (exact, overlap bool) {
	var answers [][]string
	empty := 0
	gold := r.TargetGold
	if source {
		gold = r.SourceGold
	}
	if gold != "" {
		answers = append(answers, strings.Fields(gold))
	}
	for _, s := range r.Spans {
		words := s.Target
		if source {
			words = s.Source
		}
		if len(words) == 0 {
			empty++
			continue
		}
		answers = append(answers, words)
	}
	if gold == "" && 2*empty >= len(r.Spans) {
		return got == nil, got == nil
	}
	if got == nil {
		return false, false
	}
	g := wordSet(strings.Fields(got.Text))
	for _, ans := range answers {
		a := wordSet(ans)
		shared := sharedWords(a, g)
		if shared == len(a) && shared == len(g) {
			exact = true
		}
		if shared > 0 {
			overlap = true
		}
	}
	return exact, overlap
}

// sharedWords counts the words of a that b has.
func sharedWords(a, b map[string]bool) int {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n
}

func wordSet(ws []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		for _, t := range arabic.AppendTokens(nil, w) {
			_, _, _, r := split(arabic.Fold(w[t.Start:t.End]))
			m[r] = true
		}
	}
	return m
}

// ownRow is one line of the annotated news set: the sentence and its main event.
type ownRow struct {
	text, typ, actor1, actor2, place string
	real                             bool // a sentence of a published article, not one an annotator wrote
}

// readOwn reads a news set: tab-separated TYPE, ACTOR1, ACTOR2, LOCATION, SENTENCE, with "-" for a role
// the sentence does not fill; "#" lines are comments. A set of sentences from a corpus that may not be
// copied names the corpus in a "# corpus: PATH" line (relative to the set's file) and gives its rows in
// standoff form instead (see parseStandoff). held tells the held-out lines: every fifth one
// (HeldOut), every line after "# held-out: all", none after "# held-out: none" (a set tuned on whole).
func readOwn(name string) (rows []ownRow, held func(int) bool, err error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	held = HeldOut
	var corpus string
	var standoff []standoffRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch strings.TrimSpace(line) {
		case "# held-out: all":
			held = func(int) bool { return true }
		case "# held-out: none":
			held = func(int) bool { return false }
		}
		if c, ok := strings.CutPrefix(line, "# corpus: "); ok {
			corpus = filepath.Join(filepath.Dir(name), strings.TrimSpace(c))
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if corpus != "" {
			r, err := parseStandoff(f)
			if err != nil {
				return nil, nil, fmt.Errorf("%s:%d: %w", name, n, err)
			}
			standoff = append(standoff, r)
			continue
		}
		if len(f) != 5 || !validTypes[f[0]] {
			return nil, nil, fmt.Errorf("%s:%d: want TYPE, ACTOR1, ACTOR2, LOCATION, SENTENCE separated by tabs", name, n)
		}
		dash := func(s string) string {
			if s == "-" {
				return ""
			}
			return s
		}
		rows = append(rows, ownRow{typ: f[0], actor1: dash(f[1]), actor2: dash(f[2]), place: dash(f[3]), text: f[4]})
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	if corpus != "" {
		if rows, err = resolveStandoff(standoff, corpus); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return rows, held, nil
}

// sameRef judges a predicted role against the annotated words: both empty, or sharing at least half of
// the words of the longer one, so "قوات النظام" matches "قوات النظام السوري" but not "النظام".
func sameRef(got *marsad.Ref, want string) bool {
	if got == nil || want == "" {
		return got == nil && want == ""
	}
	return sameWords(got.Text, want)
}

// sameWords reports whether got and want share at least half of the words of the longer one.
func sameWords(got, want string) bool {
	g, w := wordSet(strings.Fields(got)), wordSet(strings.Fields(want))
	return 2*sharedWords(w, g) >= max(len(g), len(w))
}
