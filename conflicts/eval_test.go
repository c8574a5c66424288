package conflicts

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/numbers"
)

// TestEvaluate prints the evaluation tables and, with -v, every development article whose conflicts differ
// from the gold, with gold quantities and with those of the numbers stage.
func TestEvaluate(t *testing.T) {
	var table strings.Builder
	if err := Evaluate(&table, "testdata"); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + table.String())
	files, _ := filepath.Glob("testdata/dev*.txt")
	c, nums := New(), numbers.New()
	for _, f := range files {
		arts, err := readArticles(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			e2e := a.plain()
			nums.Annotate(e2e)
			for _, doc := range []*marsad.Document{a.doc, e2e} {
				c.Annotate(doc)
				sc := a.score(pairs(doc.Conflicts))
				if sc.match == sc.gold && sc.pred == sc.gold {
					continue
				}
				mode := "gold quantities"
				if doc == e2e {
					mode = "numbers stage"
				}
				t.Logf("%s %s (%s): gold %d, predicted %d, matched %d", f, a.doc.ID, mode, sc.gold, sc.pred, sc.match)
				for _, cf := range doc.Conflicts {
					t.Logf("   %s: %s", cf.Kind, cf.Message)
				}
				for _, fc := range c.facts(doc, true) {
					t.Logf("   fact %q v=%v u=%s a=%s seg=%d noun=%s role=%s total=%v update=%v", fc.q.Text, fc.value, fc.unit,
						fc.q.Approx, fc.seg, fc.noun, fc.role, fc.total, fc.update)
				}
			}
		}
	}
}
