//go:build ignore

// genrank fits the events role models on the tuning rows of the annotated news sets testdata/news*.tsv
// (written) and testdata/real*.tsv (sentences of published articles), and of the GSR span files (-gsr),
// and writes data/rank_weights.txt. Each sentence goes through the pipeline's stages before events first,
// as in use and in marsad eval events.
package main

import (
	"bytes"
	"flag"
	"log"
	"os"
	"path/filepath"

	"github.com/marsad/marsad/events"
	"github.com/marsad/marsad/pipeline"
)

func main() {
	gsr := flag.String("gsr", "/work/shared/data/arabic_event_gsr", "directory of the GSR dev files")
	out := flag.String("o", "data/rank_weights.txt", "output file")
	flag.Parse()
	var paths []string
	for _, glob := range []string{"testdata/news*.tsv", "testdata/real*.tsv"} {
		ps, err := filepath.Glob(glob)
		if err != nil {
			log.Fatal(err)
		}
		paths = append(paths, ps...)
	}
	prepare, err := pipeline.Before("events")
	if err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	if err := events.TrainRankModels(&b, os.Stderr, paths, *gsr, prepare); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
