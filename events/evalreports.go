package events

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/marsad/marsad"
)

// reportRow is one line of a report set (testdata/reports.tsv): a sentence and whether it reports its event
// of the type as happening or only mentions it.
type reportRow struct {
	typ, text string
	report    bool
}

// isReportSet tells a report set from a news set in Evaluate's list of files: its name starts with
// "reports".
func isReportSet(name string) bool { return strings.HasPrefix(filepath.Base(name), "reports") }

// splitSets takes the report sets out of a comma-separated list of files, leaving the news sets.
func splitSets(paths string) (news string, reports []string) {
	if paths == "" {
		return "", nil
	}
	var rest []string
	for _, p := range strings.Split(paths, ",") {
		if isReportSet(p) {
			reports = append(reports, p)
		} else {
			rest = append(rest, p)
		}
	}
	return strings.Join(rest, ","), reports
}

// readReports reads a report set: tab-separated TYPE, LABEL ("report" or "mention"), SENTENCE; "#" lines
// are comments.
func readReports(name string) ([]reportRow, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []reportRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || !validTypes[f[0]] || f[1] != "report" && f[1] != "mention" {
			return nil, fmt.Errorf("%s:%d: want TYPE, report or mention, SENTENCE separated by tabs", name, n)
		}
		rows = append(rows, reportRow{typ: f[0], report: f[1] == "report", text: f[2]})
	}
	return rows, sc.Err()
}

// reportGroups are the rows of the report table: the types with a model of their own, the other types,
// and all.
var reportGroups = []struct {
	name string
	in   func(typ string) bool
}{
	{"ASSAULT, PROTEST", func(t string) bool { return t == marsad.ASSAULT || t == marsad.PROTEST }},
	{"other types", func(t string) bool { return t != marsad.ASSAULT && t != marsad.PROTEST }},
	{"all", func(string) bool { return true }},
}

// evaluateReports prints, for each report set, how well confidence 0.5 tells reports from mentions:
// precision, recall and F1 of "report" (a sentence is judged a report when one of its events of the
// type reaches 0.5) and the accuracy of both labels, for the tuning and held-out parts; "found" counts
// the sentences with an event of the type at all.
func evaluateReports(w io.Writer, a *evaluator, names []string) error {
	fmt.Fprintln(w, "report set\tpart\ttypes\tsentences\tfound\tTP\tFP\tFN\tP\tR\tF1\taccuracy\t")
	for _, name := range names {
		rows, err := readReports(name)
		if err != nil {
			return err
		}
		type judged struct {
			found, got bool
		}
		js := make([]judged, len(rows))
		for i, r := range rows {
			evs, err := a.events(r.text)
			if err != nil {
				return err
			}
			for _, e := range evs {
				if e.Type == r.typ {
					js[i].found = true
					js[i].got = js[i].got || e.Confidence >= marsad.ReportedConfidence
				}
			}
		}
		for _, part := range []string{"tune", "held-out"} {
			for _, g := range reportGroups {
				var c counts
				found, right := 0, 0
				for i, r := range rows {
					if HeldOut(i) != (part == "held-out") || !g.in(r.typ) {
						continue
					}
					c.add(r.report, js[i].got)
					found += b2i(js[i].found)
					right += b2i(r.report == js[i].got)
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t\n", filepath.Base(name), part, g.name,
					c.n, found, c.tp, c.fp, c.fn, c.p(), c.r(), c.f1(), float64(right)/float64(max(c.n, 1)))
			}
		}
	}
	return nil
}
