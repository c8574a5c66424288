package dates

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/marsad/marsad/internal/evalset"

	"github.com/marsad/marsad"
)

// An evaluation file has one sentence per line: the publication date (YYYY-MM-DD, or "-" when unknown), a
// tab, and the sentence with every date marked as [[span|value]] or, when relative, [[span|value|r]]
// (an unresolved one has an empty value: [[أمس||r]]). Lines starting with # are comments.

// gold is one annotated date.
type gold struct {
	start, end int
	value      string
	rel        bool
}

// example is one annotated sentence.
type example struct {
	line int
	pub  time.Time
	text string
	want []gold
}

var errMarkup = errors.New("bad markup")

func parseExample(line string, n int) (example, error) {
	ex := example{line: n}
	date, body, ok := strings.Cut(line, "\t")
	if !ok {
		return ex, fmt.Errorf("line %d: %w: no tab after the date", n, errMarkup)
	}
	if date != "-" {
		t, err := time.Parse(time.DateOnly, date)
		if err != nil {
			return ex, fmt.Errorf("line %d: %w", n, err)
		}
		ex.pub = t
	}
	var b strings.Builder
	for {
		i := strings.Index(body, "[[")
		if i < 0 {
			b.WriteString(body)
			break
		}
		j := strings.Index(body[i:], "]]")
		if j < 0 {
			return ex, fmt.Errorf("line %d: %w: unclosed [[", n, errMarkup)
		}
		b.WriteString(body[:i])
		parts := strings.Split(body[i+2:i+j], "|")
		if len(parts) < 2 || len(parts) > 3 || len(parts) == 3 && parts[2] != "r" {
			return ex, fmt.Errorf("line %d: %w: %q", n, errMarkup, body[i:i+j+2])
		}
		start := b.Len()
		b.WriteString(parts[0])
		ex.want = append(ex.want, gold{start, b.Len(), parts[1], len(parts) == 3})
		body = body[i+j+2:]
	}
	ex.text = b.String()
	return ex, nil
}

func readExamples(path string) ([]example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var exs []example
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ex, err := parseExample(line, n)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		exs = append(exs, ex)
	}
	return exs, sc.Err()
}

// score counts matches of one set; a found date is correct only when span, value and the relative flag all
// equal the gold ones.
type score struct {
	sentences, gold, found, correct int
	errors                          []string
}

func (e *Extractor) score(exs []example) score {
	var sc score
	for _, ex := range exs {
		got := e.Extract(ex.text, ex.pub)
		sc.sentences++
		sc.gold += len(ex.want)
		sc.found += len(got)
		for _, d := range got {
			g := gold{d.Start, d.End, d.Value, d.Relative}
			if slices.Contains(ex.want, g) {
				sc.correct++
			} else {
				sc.errors = append(sc.errors, fmt.Sprintf("line %d: extra %q=%q rel=%v", ex.line, d.Text, d.Value, d.Relative))
			}
		}
		for _, g := range ex.want {
			if !slices.ContainsFunc(got, func(d marsad.Date) bool {
				return gold{d.Start, d.End, d.Value, d.Relative} == g
			}) {
				sc.errors = append(sc.errors, fmt.Sprintf("line %d: missed %q=%q rel=%v", ex.line, ex.text[g.start:g.end], g.value, g.rel))
			}
		}
	}
	return sc
}

func (sc score) prf() (p, r, f float64) { return evalset.PRF(sc.correct, sc.found, sc.gold) }

// Evaluate scores the extractor on every annotated set (*.txt) in dir, one row per set, and prints
// precision, recall and F1 over spans with their values. The heldout*.txt sets were written after the rules;
// their first-run (held-out) figures are in the README.
func Evaluate(w io.Writer, dir string) error {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("evaluate dates: no *.txt sets in %s", dir)
	}
	e := New()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\tsentences\tgold\tfound\tcorrect\tprecision\trecall\tF1\t")
	for _, p := range paths {
		exs, err := readExamples(p)
		if err != nil {
			return err
		}
		sc := e.score(exs)
		pr, rc, f1 := sc.prf()
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", strings.TrimSuffix(filepath.Base(p), ".txt"),
			sc.sentences, sc.gold, sc.found, sc.correct, pr, rc, f1)
	}
	return tw.Flush()
}

// EvaluateCorpus runs the extractor over a gzipped JSONL news corpus in the SaudiNewsNet layout (fields
// "content" and "date_extracted", "YYYY-MM-DD hh:mm:ss", taken as the publication date), prints how many
// articles and dates it saw and the throughput, and then a random sample of sample dates, each with its
// context, for checking by hand.
func EvaluateCorpus(w io.Writer, path string, sample int, seed uint64) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	e := New()
	picked := evalset.NewSample[string](sample, seed)
	var (
		articles, bytes, items, rel, unresolved int
		elapsed                                 time.Duration
		dst                                     []marsad.Date
	)
	dec := json.NewDecoder(bufio.NewReaderSize(zr, 1<<20))
	for {
		var a struct {
			Content string `json:"content"`
			Date    string `json:"date_extracted"`
		}
		if err := dec.Decode(&a); err == io.EOF {
			break
		} else if err != nil {
			return fmt.Errorf("%s: article %d: %w", path, articles+1, err)
		}
		pub, _ := time.Parse(time.DateTime, a.Date)
		t0 := time.Now()
		dst = e.Append(dst[:0], a.Content, pub)
		elapsed += time.Since(t0)
		articles++
		bytes += len(a.Content)
		for _, d := range dst {
			items++
			if d.Relative {
				rel++
			}
			if d.Unresolved {
				unresolved++
			}
			picked.Offer(func() string {
				return fmt.Sprintf("%s\t%s\t%q\trel=%v\t…%s…", pub.Format(time.DateOnly), d.Value, d.Text, d.Relative,
					context(a.Content, d.Start, d.End))
			})
		}
	}
	fmt.Fprintf(w, "articles %d, %.1f MB, dates %d (relative %d, unresolved %d), %.1f MB/s\n", articles,
		float64(bytes)/1e6, items, rel, unresolved, float64(bytes)/1e6/elapsed.Seconds())
	for i, l := range picked.Items {
		fmt.Fprintf(w, "%3d\t%s\n", i+1, l)
	}
	return nil
}

// context returns about 60 bytes of text on each side of [start, end), cut at rune boundaries.
func context(text string, start, end int) string {
	a, b := max(0, start-60), min(len(text), end+60)
	for a > 0 && a < len(text) && text[a]&0xc0 == 0x80 {
		a++
	}
	for b < len(text) && text[b]&0xc0 == 0x80 {
		b++
	}
	return strings.ReplaceAll(text[a:start]+"[["+text[start:end]+"]]"+text[end:b], "\n", " ")
}
