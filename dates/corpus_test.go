package dates

import (
	"os"
	"strings"
	"testing"
)

// TestCorpus runs EvaluateCorpus over SaudiNewsNet when MARSAD_SAUDINEWSNET names the file; the corpus is
// not in the repository (non-commercial license) and the run takes seconds, so it is skipped by -short too.
func TestCorpus(t *testing.T) {
	path := os.Getenv("MARSAD_SAUDINEWSNET")
	if path == "" || testing.Short() {
		t.Skip("set MARSAD_SAUDINEWSNET to the saudinewsnet.jsonl.gz path")
	}
	var b strings.Builder
	if err := EvaluateCorpus(&b, path, 100, 1); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
}
