package numbers

import (
	"flag"
	"io"
	"os"
	"testing"
)

var seed = flag.Uint64("seed", 1, "sample seed for TestSurvey")

var corpus = flag.String("corpus", "/work/shared/data/saudinewsnet/saudinewsnet.jsonl.gz", "JSON lines corpus for TestSurvey")

// TestSurvey runs the extractor over a whole corpus (SaudiNewsNet by default): it must not crash, and with -v
// it prints a sample to check by hand.
func TestSurvey(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus run")
	}
	if _, err := os.Stat(*corpus); err != nil {
		t.Skip(err)
	}
	var w io.Writer = io.Discard
	if testing.Verbose() {
		w = os.Stdout
	}
	if err := Survey(w, *corpus, 100, *seed); err != nil {
		t.Fatal(err)
	}
}
