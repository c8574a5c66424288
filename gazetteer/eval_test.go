package gazetteer

import (
	"os"
	"strings"
	"testing"
)

// TestEvalTune reports the accuracy on the tuning set and lists the errors (go test -v -run EvalTune).
func TestEvalTune(t *testing.T) {
	f, err := os.Open("testdata/tune.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ParseGold(f)
	if err != nil {
		t.Fatal(err)
	}
	r := NewResolver(Default())
	for _, mode := range []struct {
		name string
		run  func([]GoldDoc) (Score, error)
		min  float64
	}{{"gold", r.EvalGold, 0.9}, {"find", r.EvalFind, 0.85}} {
		s, err := mode.run(docs)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d/%d = %.3f, precision %.3f\n%s", mode.name, s.Correct, s.Mentions, s.Accuracy(), s.Precision(), strings.Join(s.Errors, "\n"))
		if s.Accuracy() < mode.min {
			t.Errorf("%s: accuracy %.3f; want ≥ %.2f", mode.name, s.Accuracy(), mode.min)
		}
	}
}

func TestEvaluate(t *testing.T) {
	var b strings.Builder
	if err := Evaluate(&b, "testdata"); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if !strings.Contains(b.String(), "heldout") || !strings.Contains(b.String(), "tune") {
		t.Errorf("missing a set:\n%s", b.String())
	}
}
