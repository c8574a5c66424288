package numbers

import (
	"flag"
	"io"
	"os"
	"testing"
)

var seed = flag.Uint64("seed", 1, "sample seed for TestSurvey")

var corpus = flag.String("corpus", "", "JSON lines corpus for TestSurvey, such as saudinewsnet.jsonl.gz")

// TestSurvey runs the extractor over the whole corpus given by -corpus: it must not crash, and with -v it
// prints a sample to check by hand. It takes seconds, so it runs only when asked.
func TestSurvey(t *testing.T) {
	if testing.Short() || *corpus == "" {
		t.Skip("corpus run: pass -corpus")
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
