package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/input"
)

var update = flag.Bool("update", false, "rewrite testdata/golden after a reviewed change")

// TestGolden runs the standard pipeline over the bundled sample articles and compares every layer with
// testdata/golden/<id>.json, so a change in any stage shows up as a reviewable diff.
func TestGolden(t *testing.T) {
	p, err := Standard(clean.New(nil))
	if err != nil {
		t.Fatal(err)
	}
	read := func(emit func(input.Record) error) error {
		return input.Read(context.Background(), []string{"../sample"}, input.Auto, nil, emit)
	}
	n := 0
	err = p.Run(t.Context(), 2, read, func(r Result) error {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Origin, r.Err)
			return nil
		}
		n++
		got, _ := json.MarshalIndent(r.Doc, "", " ")
		path := filepath.Join("testdata", "golden", filepath.Base(r.Doc.Origins[len(r.Doc.Origins)-1])+".json")
		if *update {
			os.MkdirAll(filepath.Dir(path), 0o755)
			return os.WriteFile(path, append(got, '\n'), 0o644)
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v (run go test ./pipeline -run Golden -update after reviewing)", r.Origin, err)
			return nil
		}
		if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
			t.Errorf("%s: output differs from %s; review with -update and git diff", r.Origin, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 7 {
		t.Errorf("%d sample articles processed; want 7", n)
	}
}
