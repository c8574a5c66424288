package dates

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestEvaluate(t *testing.T) {
	var b strings.Builder
	if err := Evaluate(&b, "testdata"); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	e := New()
	paths, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		name := filepath.Base(path)
		exs, err := readExamples(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := e.score(exs)
		for _, msg := range sc.errors {
			t.Logf("%s: %s", name, msg)
		}
		if _, _, f1 := sc.prf(); f1 < 0.95 {
			t.Errorf("%s: F1 %.3f; want at least 0.95", name, f1)
		}
	}
}
