package events

import (
	"bufio"
	"compress/gzip"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/marsad/marsad/internal/evalset"
)

// A standoff row annotates a sentence of a corpus article without copying its words, so that a set drawn
// from a corpus whose license forbids redistribution (SaudiNewsNet) can live in the repository: tab-separated
// URL, START, END (byte offsets of the sentence in the article's content), SHA1 (the first 10 hex digits of
// the sentence's hash, to catch a changed corpus), TYPE, then ACTOR1, ACTOR2 and LOCATION as byte ranges
// "START:END" in the sentence, or "-".
type standoffRow struct {
	url        string
	start, end int
	sum        string
	typ        string
	roles      [3][2]int // actor1, actor2, place; {-1, -1} when empty
}

func parseStandoff(f []string) (standoffRow, error) {
	var r standoffRow
	if len(f) != 8 || !validTypes[f[4]] {
		return r, errors.New("want URL, START, END, SHA1, TYPE, ACTOR1, ACTOR2, LOCATION separated by tabs")
	}
	var err1, err2 error
	r.url, r.sum, r.typ = f[0], f[3], f[4]
	r.start, err1 = strconv.Atoi(f[1])
	r.end, err2 = strconv.Atoi(f[2])
	if err := errors.Join(err1, err2); err != nil || r.start >= r.end {
		return r, fmt.Errorf("bad sentence range %s:%s", f[1], f[2])
	}
	for i, s := range f[5:] {
		r.roles[i] = [2]int{-1, -1}
		if s == "-" {
			continue
		}
		a, b, ok := strings.Cut(s, ":")
		lo, err1 := strconv.Atoi(a)
		hi, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || lo < 0 || lo >= hi || hi > r.end-r.start {
			return r, fmt.Errorf("bad role range %q", s)
		}
		r.roles[i] = [2]int{lo, hi}
	}
	return r, nil
}

// resolveStandoff reads the sentences of rows from the corpus, a gzipped JSON-lines file of articles with
// "url" and "content" (SaudiNewsNet's form), streaming it and keeping only the articles the rows name.
func resolveStandoff(rows []standoffRow, corpus string) ([]ownRow, error) {
	want := map[string]string{}
	for _, r := range rows {
		want[r.url] = ""
	}
	missing := len(want)
	f, err := os.Open(corpus)
	if err != nil {
		return nil, fmt.Errorf("the sentences' text is in a corpus that is not here: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", corpus, err)
	}
	dec := json.NewDecoder(bufio.NewReader(zr))
	for missing > 0 {
		var a struct{ URL, Content string }
		if err := dec.Decode(&a); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("%s: %w", corpus, err)
		}
		if c, ok := want[a.URL]; ok && c == "" {
			want[a.URL] = a.Content
			missing--
		}
	}
	out := make([]ownRow, 0, len(rows))
	for _, r := range rows {
		content := want[r.url]
		if r.end > len(content) {
			return nil, fmt.Errorf("%s: no sentence at %d:%d in %s", r.url, r.start, r.end, corpus)
		}
		text := content[r.start:r.end]
		if sum := sha1.Sum([]byte(text)); !strings.HasPrefix(hex.EncodeToString(sum[:]), r.sum) || len(r.sum) < 8 {
			return nil, fmt.Errorf("%s %d:%d: the sentence's hash is not %s: corpus changed?", r.url, r.start, r.end, r.sum)
		}
		role := func(i int) string {
			if r.roles[i][0] < 0 {
				return ""
			}
			return text[r.roles[i][0]:r.roles[i][1]]
		}
		out = append(out, ownRow{text: text, typ: r.typ, actor1: role(0), actor2: role(1), place: role(2), real: true})
	}
	return out, nil
}

// Agreement prints how far two annotations of the same articles agree (news set files a and b, as readOwn
// reads them): the sentences both annotated, and on those the share with the same type and, of these, with
// each role the same by the rule the scores use (sameWords).
func Agreement(w io.Writer, a, b string) error {
	ra, _, err := readOwn(a)
	if err != nil {
		return err
	}
	rb, _, err := readOwn(b)
	if err != nil {
		return err
	}
	other := make(map[string]ownRow, len(rb))
	for _, r := range rb {
		other[r.text] = r
	}
	var both, typ, a1, a2, place, all int
	for _, r := range ra {
		o, ok := other[r.text]
		if !ok {
			continue
		}
		both++
		if r.typ != o.typ {
			continue
		}
		typ++
		same := func(a, b string) bool { return a == b || a != "" && b != "" && sameWords(a, b) }
		ok1, ok2, ok3 := same(r.actor1, o.actor1), same(r.actor2, o.actor2), same(r.place, o.place)
		a1, a2, place, all = a1+b2i(ok1), a2+b2i(ok2), place+b2i(ok3), all+b2i(ok1 && ok2 && ok3)
	}
	fmt.Fprintf(w, "%d and %d sentences, %d annotated in both: same type %.3f; of those, same actor1 %.3f, actor2 %.3f, location %.3f; all four %.3f\n",
		len(ra), len(rb), both, evalset.Ratio(typ, both), evalset.Ratio(a1, typ), evalset.Ratio(a2, typ), evalset.Ratio(place, typ), evalset.Ratio(all, both))
	return nil
}
