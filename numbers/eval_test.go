package numbers

import (
	"flag"
	"os"
	"testing"
)

var showErrors = flag.Bool("errors", false, "log every evaluation error")

func TestEvaluate(t *testing.T) {
	e := New()
	scores, err := e.evaluate("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range scores {
		p, r, f := s.prf()
		t.Logf("%s: P %.4f R %.4f F1 %.4f (tp %d fp %d fn %d), negatives %d/%d", s.name, p, r, f, s.tp, s.fp, s.fn, s.negOK, s.negs)
		if *showErrors && s.name != "all" && s.name != "held-out" {
			for _, msg := range s.errors {
				t.Log(msg)
			}
		}
		if f < 0.95 {
			t.Errorf("%s: F1 %.4f; want ≥ 0.95", s.name, f)
		}
	}
	if err := Evaluate(os.Stdout, "testdata"); err != nil {
		t.Fatal(err)
	}
}
