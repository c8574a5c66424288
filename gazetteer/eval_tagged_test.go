package gazetteer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/marsad/marsad"
)

// A tagger that finds nothing leaves the resolver to find every mention, so "tagged" must score as "find".
func TestEvaluateTaggedWithSilentTagger(t *testing.T) {
	var buf bytes.Buffer
	if err := EvaluateTagged(&buf, "testdata/heldout.txt", func(*marsad.Document) error { return nil }); err != nil {
		t.Fatal(err)
	}
	var find, tagged string
	for _, line := range strings.Split(buf.String(), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) > 2 && f[1] == "find":
			find = strings.Join(f[2:], " ")
		case len(f) > 2 && f[1] == "tagged":
			tagged = strings.Join(f[2:], " ")
		}
	}
	if find == "" || find != tagged {
		t.Errorf("find row %q, tagged row %q; want equal\n%s", find, tagged, buf.String())
	}
}
