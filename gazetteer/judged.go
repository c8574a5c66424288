package gazetteer

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/evalset"
)

// Judged holds geocodes of a corpus judged right or wrong by hand (see snn_judged.tsv) and counts, over the
// documents given to Score, how many of them the resolver still gives: the precision of the geocodes on
// real news outside the annotated sets, and what a change costs in right ones.
type Judged struct {
	items                    map[judgedKey]judgment
	done                     map[string]bool // documents scored: a corpus may repeat an article
	seen                     int
	keptRight, keptWrong     int
	droppedRight, droppedWrg int
}

type judgedKey struct {
	doc   string
	start int
}

type judgment struct {
	right    bool
	text     string
	lat, lon float64
}

// ReadJudged reads a judged file: article id, byte offset, R or W, mention, "lat,lon" per line.
func ReadJudged(path string) (*Judged, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	j := &Judged{items: map[judgedKey]judgment{}, done: map[string]bool{}}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 5 || c[2] != "R" && c[2] != "W" {
			return nil, fmt.Errorf("%s:%d: want id, offset, R|W, mention, lat,lon", path, n)
		}
		start, err1 := strconv.Atoi(c[1])
		lat, lon, _ := strings.Cut(c[4], ",")
		la, err2 := strconv.ParseFloat(lat, 64)
		lo, err3 := strconv.ParseFloat(lon, 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("%s:%d: bad offset or coordinates", path, n)
		}
		j.items[judgedKey{c[0], start}] = judgment{c[2] == "R", c[3], la, lo}
	}
	return j, sc.Err()
}

// Score counts the judged mentions of doc that keep their geocode (within 30 km). It is not safe for
// concurrent use.
func (j *Judged) Score(doc *marsad.Document) {
	if j.done[doc.ID] {
		return
	}
	j.done[doc.ID] = true
	kept := map[int]bool{}
	for _, e := range doc.Entities {
		if e.Lat == nil || e.Lon == nil {
			continue
		}
		if g, ok := j.items[judgedKey{doc.ID, e.Start}]; ok && km(*e.Lat, *e.Lon, g.lat, g.lon) <= 30 {
			kept[e.Start] = true
		}
	}
	for k, g := range j.items {
		if k.doc != doc.ID {
			continue
		}
		j.seen++
		switch {
		case g.right && kept[k.start]:
			j.keptRight++
		case g.right:
			j.droppedRight++
		case kept[k.start]:
			j.keptWrong++
		default:
			j.droppedWrg++
		}
	}
}

// Report writes the counts and the precision of the geocodes kept.
func (j *Judged) Report(w io.Writer) error {
	right := j.keptRight + j.droppedRight
	wrong := j.keptWrong + j.droppedWrg
	_, err := fmt.Fprintf(w, "judged geocodes found in the corpus: %d of %d (%d right, %d wrong when judged)\n"+
		"kept: %d right, %d wrong; dropped or moved: %d right, %d wrong\n"+
		"precision of the kept geocodes %.3f (%.3f when judged); right ones kept %.3f\n",
		j.seen, len(j.items), right, wrong, j.keptRight, j.keptWrong, j.droppedRight, j.droppedWrg,
		evalset.Ratio(j.keptRight, j.keptRight+j.keptWrong), evalset.Ratio(right, right+wrong), evalset.Ratio(j.keptRight, right))
	return err
}
