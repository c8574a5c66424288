//go:build ignore

// gentrain fits the events report models on the tuning parts of the Arabic event GSR dev set (-gsr) and of
// the report set testdata/reports.tsv (-reports), and writes data/report_weights.txt. Run it with go generate.
// Each sentence goes through the pipeline's stages before events first (numbers, dates, ner, gazetteer), as
// in use and in marsad eval events; -alone fits on the events stage alone.
package main

import (
	"bytes"
	"flag"
	"log"
	"os"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/events"
	"github.com/marsad/marsad/pipeline"
)

func main() {
	gsr := flag.String("gsr", "/work/shared/data/arabic_event_gsr", "directory of the GSR dev files")
	reports := flag.String("reports", "testdata/reports.tsv", "report set: news sentences labelled report or mention")
	out := flag.String("o", "data/report_weights.txt", "output file")
	alone := flag.Bool("alone", false, "fit on the events stage alone, without the stages before it")
	flag.Parse()
	var prepare func(*marsad.Document) error
	if !*alone {
		var err error
		if prepare, err = pipeline.Before("events"); err != nil {
			log.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := events.TrainReportModel(&b, os.Stderr, *gsr, *reports, prepare); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
