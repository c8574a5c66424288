package conflicts

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestEvaluate prints the evaluation table and, with -v, every development article whose conflicts differ
// from the gold.
func TestEvaluate(t *testing.T) {
	var table strings.Builder
	if err := Evaluate(&table, "testdata"); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + table.String())
	files, _ := filepath.Glob("testdata/dev*.txt")
	c := New()
	for _, f := range files {
		arts, err := readArticles(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			c.Annotate(a.doc)
			got := pairs(a.doc.Conflicts)
			ok := len(got) == len(a.gold)
			for p := range got {
				ok = ok && a.gold[p]
			}
			if ok {
				continue
			}
			t.Logf("%s %s: gold %d got %d", f, a.doc.ID, len(a.gold), len(got))
			for _, cf := range a.doc.Conflicts {
				t.Logf("   %s: %s", cf.Kind, cf.Message)
			}
			for _, fc := range c.facts(a.doc) {
				t.Logf("   fact %q v=%v u=%s seg=%d noun=%s role=%s total=%v update=%v", fc.q.Text, fc.value, fc.unit, fc.seg, fc.noun, fc.role, fc.total, fc.update)
			}
		}
	}
}
