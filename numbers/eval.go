package numbers

import (
	"bufio"
	"fmt"
	"github.com/marsad/marsad/internal/evalset"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/marsad/marsad"
)

// An evaluation set is a text file with one sentence a line and every gold quantity marked in place as
// [[span|value|unit|approx]], unit and approx possibly empty: "قتل [[أكثر من 20|20||over]] مدنياً". Lines
// starting with # are comments; a line without marks is a negative (it must yield nothing).

// example is one annotated sentence.
type example struct {
	file string
	line int
	text string
	gold []marsad.Quantity
}

// parseSet reads an evaluation set.
func parseSet(path string) ([]example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []example
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ex, err := parseExample(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		ex.file, ex.line = filepath.Base(path), n
		out = append(out, ex)
	}
	return out, sc.Err()
}

func parseExample(line string) (example, error) {
	var ex example
	var b strings.Builder
	for {
		i := strings.Index(line, "[[")
		if i < 0 {
			b.WriteString(line)
			break
		}
		j := strings.Index(line[i:], "]]")
		if j < 0 {
			return ex, fmt.Errorf("unclosed [[")
		}
		b.WriteString(line[:i])
		f := strings.Split(line[i+2:i+j], "|")
		if len(f) != 4 {
			return ex, fmt.Errorf("mark %q: want span|value|unit|approx", line[i:i+j+2])
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return ex, fmt.Errorf("mark %q: %w", line[i:i+j+2], err)
		}
		start := b.Len()
		b.WriteString(f[0])
		ex.gold = append(ex.gold, marsad.Quantity{
			Span: marsad.Span{Start: start, End: b.Len(), Text: f[0]}, Value: v, Unit: f[2], Approx: f[3]})
		line = line[i+j+2:]
	}
	ex.text = b.String()
	return ex, nil
}

func sameValue(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// match reports whether a found quantity equals a gold one: span, value and unit (approx is scored apart).
func match(got, want marsad.Quantity) bool {
	return got.Start == want.Start && got.End == want.End && got.Unit == want.Unit && sameValue(got.Value, want.Value)
}

// score counts the results of one set.
type score struct {
	name             string
	sentences, exact int // sentences, and those whose quantities are all exactly right (approx included)
	tp, fp, fn       int
	approxOK, negs   int
	negOK            int
	errors           []string
}

func (s *score) add(ex example, got []marsad.Quantity) {
	s.sentences++
	if len(ex.gold) == 0 {
		s.negs++
		if len(got) == 0 {
			s.negOK++
		}
	}
	used := make([]bool, len(got))
	allRight := len(got) == len(ex.gold)
	for _, g := range ex.gold {
		found := false
		for i, q := range got {
			if !used[i] && match(q, g) {
				used[i], found = true, true
				s.tp++
				if q.Approx == g.Approx {
					s.approxOK++
				} else {
					allRight = false
					s.errors = append(s.errors, fmt.Sprintf("%s:%d approx %q, want %q: %s", ex.file, ex.line, q.Approx, g.Approx, g.Text))
				}
				break
			}
		}
		if !found {
			s.fn++
			allRight = false
			s.errors = append(s.errors, fmt.Sprintf("%s:%d missed %q = %v %s %s", ex.file, ex.line, g.Text, g.Value, g.Unit, g.Approx))
		}
	}
	for i, q := range got {
		if !used[i] {
			s.fp++
			s.errors = append(s.errors, fmt.Sprintf("%s:%d wrong  %q = %v %s %s", ex.file, ex.line, q.Text, q.Value, q.Unit, q.Approx))
		}
	}
	if allRight {
		s.exact++
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s *score) prf() (p, r, f float64) {
	p, r = ratio(s.tp, s.tp+s.fp), ratio(s.tp, s.tp+s.fn)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// evaluate scores the extractor on the set at path, or on every *.txt set in the directory path.
func (e *Extractor) evaluate(path string) ([]*score, error) {
	files, err := evalset.Files(path)
	if err != nil {
		return nil, err
	}
	var out []*score
	total := &score{name: "all"}
	held := &score{name: "held-out"} // every set whose file name starts with "heldout"
	for _, file := range files {
		set, err := parseSet(file)
		if err != nil {
			return nil, err
		}
		s := &score{name: strings.TrimSuffix(filepath.Base(file), ".txt")}
		for _, ex := range set {
			got := e.Extract(ex.text)
			s.add(ex, got)
			total.add(ex, got)
			if strings.HasPrefix(s.name, "heldout") {
				held.add(ex, got)
			}
		}
		out = append(out, s)
	}
	if held.sentences > 0 && held.sentences < total.sentences {
		out = append(out, held)
	}
	if len(out) > 1 {
		out = append(out, total)
	}
	return out, nil
}

// Evaluate scores a new Extractor on the annotated set at path (a file, or a directory of *.txt sets such as
// numbers/testdata, where the heldout*.txt sets are the part never used for tuning, also summed as "held-out")
// and writes a table: precision,
// recall and F1 over quantities whose span, value and unit all match; how many matches also got the
// qualifier right; how many negative sentences stayed empty; and the share of sentences entirely right.
func Evaluate(w io.Writer, path string) error {
	scores, err := New().evaluate(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%-10s %5s %5s %5s %4s %4s  %-9s %-6s %-7s %-9s %s\n",
		"set", "sents", "gold", "tp", "fp", "fn", "precision", "recall", "F1", "approx", "negatives  exact")
	for _, s := range scores {
		p, r, f := s.prf()
		fmt.Fprintf(w, "%-10s %5d %5d %5d %4d %4d  %-9.4f %-6.4f %-7.4f %4d/%-4d %4d/%-4d %.4f\n",
			s.name, s.sentences, s.tp+s.fn, s.tp, s.fp, s.fn, p, r, f, s.approxOK, s.tp, s.negOK, s.negs,
			ratio(s.exact, s.sentences))
	}
	return nil
}
