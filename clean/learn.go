package clean

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Boilerplate is the set of lines learned from a corpus as boilerplate, per source. A nil *Boilerplate is
// empty.
type Boilerplate struct {
	lines map[string]map[string]bool // source → line key
}

// Has reports whether the line with this key is boilerplate for the source.
func (b *Boilerplate) Has(source, key string) bool {
	return b != nil && b.lines[source][key]
}

// Len returns the number of learned lines.
func (b *Boilerplate) Len() int {
	if b == nil {
		return 0
	}
	n := 0
	for _, m := range b.lines {
		n += len(m)
	}
	return n
}

// WriteTo writes the learned lines as "source<TAB>line" rows, sorted.
func (b *Boilerplate) WriteTo(w io.Writer) (int64, error) {
	var rows []string
	for src, m := range b.lines {
		for k := range m {
			rows = append(rows, src+"\t"+k)
		}
	}
	slices.Sort(rows)
	bw := bufio.NewWriter(w)
	var n int64
	for _, r := range rows {
		k, _ := bw.WriteString(r + "\n")
		n += int64(k)
	}
	return n, bw.Flush()
}

// ReadBoilerplate reads rows written by WriteTo. Lines are re-keyed, so a hand-edited file works too.
func ReadBoilerplate(r io.Reader) (*Boilerplate, error) {
	b := &Boilerplate{lines: map[string]map[string]bool{}}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		row := sc.Text()
		if strings.TrimSpace(row) == "" || strings.HasPrefix(row, "#") {
			continue
		}
		src, text, ok := strings.Cut(row, "\t")
		if !ok {
			return nil, fmt.Errorf("line %d: want source<TAB>line", n)
		}
		b.add(src, lineKey(text))
	}
	return b, sc.Err()
}

func (b *Boilerplate) add(src, key string) {
	if b.lines[src] == nil {
		b.lines[src] = map[string]bool{}
	}
	b.lines[src][key] = true
}

// Learner finds boilerplate the rules do not know: short lines that recur verbatim across many articles of
// one source (a site's bylines, SMS footers, "// انتهى //") are page furniture, not news.
type Learner struct {
	docs  map[string]int
	count map[string]map[string]int
}

// maxLearnedLine bounds the lines considered, in words: recurring long lines are rare and may be news.
const maxLearnedLine = 15

// NewLearner returns an empty Learner.
func NewLearner() *Learner {
	return &Learner{docs: map[string]int{}, count: map[string]map[string]int{}}
}

// Add counts the distinct short lines of one article of the source.
func (l *Learner) Add(source, body string) {
	l.docs[source]++
	m := l.count[source]
	if m == nil {
		m = map[string]int{}
		l.count[source] = m
	}
	seen := map[string]bool{}
	for _, ln := range splitLines(body) {
		if ln.words <= maxLearnedLine && ln.key != "" && !seen[ln.key] {
			seen[ln.key] = true
			m[ln.key]++
		}
	}
}

// Boilerplate returns the lines seen in at least minDocs articles of their source.
func (l *Learner) Boilerplate(minDocs int) *Boilerplate {
	b := &Boilerplate{lines: map[string]map[string]bool{}}
	for src, m := range l.count {
		for k, n := range m {
			if n >= minDocs {
				b.add(src, k)
			}
		}
	}
	return b
}
