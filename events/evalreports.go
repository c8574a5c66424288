package events

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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

// splitSets expands a comma-separated list of files and glob patterns (a pattern's files in natural
// order: news2 before news10) and takes the report sets out of it, leaving the news sets.
func splitSets(paths string) (news, reports []string, err error) {
	for _, p := range strings.Split(paths, ",") {
		if p == "" {
			continue
		}
		names := []string{p}
		if strings.ContainsAny(p, "*?[") {
			if names, err = filepath.Glob(p); err != nil {
				return nil, nil, fmt.Errorf("%s: %w", p, err)
			}
			if len(names) == 0 {
				return nil, nil, fmt.Errorf("%s: no such files", p)
			}
			slices.SortFunc(names, naturalCompare)
		}
		for _, name := range names {
			if isReportSet(name) {
				reports = append(reports, name)
			} else {
				news = append(news, name)
			}
		}
	}
	return news, reports, nil
}

// naturalCompare orders names by their text with each run of digits compared as a number.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, _ := strconv.Atoi(a[:da])
			nb, _ := strconv.Atoi(b[:db])
			if c := cmp.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n
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
