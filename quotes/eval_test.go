package quotes

import (
	"cmp"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvaluate prints the evaluation table and, with -v, every article whose quotes differ from the gold in the
// sets matched by $QUOTES_SHOW (a glob without ".txt"; dev* by default).
func TestEvaluate(t *testing.T) {
	var table strings.Builder
	if err := Evaluate(&table, "testdata"); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + table.String())
	files, _ := filepath.Glob("testdata/" + cmp.Or(os.Getenv("QUOTES_SHOW"), "dev*") + ".txt")
	q := New()
	for _, f := range files {
		arts, err := readArticles(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			q.Annotate(a.doc)
			sc := a.score(a.doc.Quotes)
			if sc.full == sc.gold && sc.pred == sc.gold {
				continue
			}
			t.Logf("%s %s: gold %d pred %d span %d full %d", f, a.doc.ID, sc.gold, sc.pred, sc.span, sc.full)
			for _, g := range a.gold {
				sp := "-"
				if m := a.mentions[g.speaker]; len(m) > 0 {
					sp = a.doc.Text[m[0].Start:m[0].End]
				}
				t.Logf("   gold %v [%s] <%s>", g.direct, a.doc.Text[g.Start:g.End], sp)
			}
			for _, p := range a.doc.Quotes {
				sp := "-"
				if p.Speaker != nil {
					sp = p.Speaker.Text + "/" + p.Speaker.ID
				}
				t.Logf("   pred %v [%s] <%s>", p.Direct, p.Text, sp)
			}
		}
	}
}
