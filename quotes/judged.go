package quotes

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/internal/evalset"
)

// Judged holds quotes of a corpus judged by hand (see snn_judged.tsv) and counts, over the documents given to
// Score, how many of the real ones the quoter still finds with the right speaker, and how many of the false
// ones it still reports: speaker accuracy on real news outside the annotated sets.
type Judged struct {
	items []judgment
	done  map[string]bool // documents scored: a corpus may repeat an article
	seen  int
	// speech quotes: found with the right speaker, found with a wrong one, no longer found; right when judged.
	right, wrong, lost, rightThen int
	// quotes judged to be no speech: still reported, dropped.
	falseKept, falseDropped int
	misses                  []miss
}

// miss is a judged quote the quoter now gets wrong, by the line of the judged file.
type miss struct {
	line int
	text string
}

type judgment struct {
	doc        string
	span       marsad.Range
	spanRight  bool
	rightThen  bool           // the speaker marsad gave when judged was right
	notSpeech  bool           // "x": the span holds no reported speech
	speakers   []marsad.Range // mentions of the right speaker; none: the text names no speaker ("-")
	mention    string
	lineNumber int
}

// ReadJudged reads a judged file: article id, quote start and end offsets, R or W for the span, R or W for
// the speaker, the right speaker's mentions as "start-end" ranges separated by commas ("-" for none, "x" when
// the quote is no speech), and a short mention, tab-separated, one quote per line; '#' starts a comment line.
func ReadJudged(path string) (*Judged, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	j := &Judged{done: map[string]bool{}}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		g, err := parseJudgment(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		g.lineNumber = n
		j.items = append(j.items, g)
	}
	return j, sc.Err()
}

func parseJudgment(line string) (judgment, error) {
	c := strings.Split(line, "\t")
	if len(c) != 7 || !isVerdict(c[3]) || !isVerdict(c[4]) {
		return judgment{}, fmt.Errorf("want id, start, end, R|W, R|W, speaker ranges, mention")
	}
	start, err1 := strconv.Atoi(c[1])
	end, err2 := strconv.Atoi(c[2])
	if err1 != nil || err2 != nil || start >= end {
		return judgment{}, fmt.Errorf("bad quote offsets %q, %q", c[1], c[2])
	}
	g := judgment{doc: c[0], span: marsad.Range{Start: start, End: end}, spanRight: c[3] == "R",
		rightThen: c[4] == "R", mention: c[6]}
	switch c[5] {
	case "x":
		g.notSpeech = true
	case "-":
	default:
		for _, r := range strings.Split(c[5], ",") {
			a, b, ok := strings.Cut(r, "-")
			s, err1 := strconv.Atoi(a)
			e, err2 := strconv.Atoi(b)
			if !ok || err1 != nil || err2 != nil || s >= e {
				return judgment{}, fmt.Errorf("bad speaker range %q", r)
			}
			g.speakers = append(g.speakers, marsad.Range{Start: s, End: e})
		}
	}
	return g, nil
}

func isVerdict(s string) bool { return s == "R" || s == "W" }

// Score counts the judged quotes of doc. A judged quote is still found when a quote of doc overlaps it by at
// least half of the shorter of the two; its speaker is right when it overlaps a judged mention, or is absent
// when the text names none. It is not safe for concurrent use.
func (j *Judged) Score(doc *marsad.Document) {
	if j.done[doc.ID] {
		return
	}
	j.done[doc.ID] = true
	for _, g := range j.items {
		if g.doc != doc.ID {
			continue
		}
		j.seen++
		q := found(g.span, doc.Quotes)
		msg := ""
		switch {
		case g.notSpeech && q != nil:
			j.falseKept++
			msg = "still reported, no speech"
		case g.notSpeech:
			j.falseDropped++
		case q == nil:
			j.lost++
			msg = "lost"
		case g.speakerRight(q.Speaker, doc.Text):
			j.right++
		default:
			j.wrong++
			msg = "speaker none"
			if q.Speaker != nil {
				msg = "speaker " + strconv.Quote(q.Speaker.Text)
			}
		}
		if msg != "" {
			j.misses = append(j.misses, miss{g.lineNumber, fmt.Sprintf("line %d: %s %d: %s; want %s", g.lineNumber, g.doc, g.span.Start, msg, g.mention)})
		}
		if !g.notSpeech && g.rightThen {
			j.rightThen++
		}
	}
}

// found returns the quote of quotes that overlaps span most, if by at least half of the shorter of the two.
func found(span marsad.Range, quotes []marsad.Quote) *marsad.Quote {
	var best *marsad.Quote
	bestN := 0
	for i, q := range quotes {
		r := marsad.Range{Start: q.Start, End: q.End}
		n := overlap(span, r)
		if 2*n >= min(span.End-span.Start, r.End-r.Start) && n > bestN {
			best, bestN = &quotes[i], n
		}
	}
	return best
}

// speakerRight reports whether got overlaps a judged mention of the speaker in text, or names it the same way
// elsewhere: "السمحان" for "الدكتور بدر السمحان", as the judge listed one mention of a pro-drop's speaker.
func (g judgment) speakerRight(got *marsad.Ref, text string) bool {
	if got == nil || len(g.speakers) == 0 {
		return got == nil && len(g.speakers) == 0
	}
	name := arabic.Fold(got.Text)
	for _, m := range g.speakers {
		if overlap(m, marsad.Range{Start: got.Start, End: got.End}) > 0 {
			return true
		}
		if m.End > len(text) {
			continue
		}
		if mention := arabic.Fold(text[m.Start:m.End]); mention == name || strings.HasSuffix(mention, " "+name) {
			return true
		}
	}
	return false
}

// Misses writes up to n of the misses recorded by Score, one line each with the judged mention, for checking
// a change by hand: speech quotes whose speaker is now wrong or that are no longer found, and false quotes
// still reported.
func (j *Judged) Misses(w io.Writer, n int) error {
	slices.SortFunc(j.misses, func(a, b miss) int { return a.line - b.line })
	for _, m := range j.misses[:min(n, len(j.misses))] {
		if _, err := fmt.Fprintln(w, m.text); err != nil {
			return err
		}
	}
	return nil
}

// Report writes the counts and the speaker accuracy over the judged speech quotes, now and when judged.
func (j *Judged) Report(w io.Writer) error {
	speech := j.right + j.wrong + j.lost
	_, err := fmt.Fprintf(w, "judged quotes found in the corpus: %d of %d (%d speech, %d no speech)\n"+
		"speech: %d right speaker, %d wrong speaker, %d no longer found\n"+
		"speaker accuracy %.3f (%.3f when judged); no speech still reported: %d of %d\n",
		j.seen, len(j.items), speech, j.falseKept+j.falseDropped, j.right, j.wrong, j.lost,
		evalset.Ratio(j.right, speech), evalset.Ratio(j.rightThen, speech), j.falseKept, j.falseKept+j.falseDropped)
	return err
}
