//go:build ignore

// gentrain fits the events report models on the tuning parts of the Arabic event GSR dev set (-gsr) and of
// the report set testdata/reports.tsv (-reports), and writes data/report_weights.txt. Run it with go generate.
package main

import (
	"bytes"
	"flag"
	"log"
	"os"

	"github.com/marsad/marsad/events"
)

func main() {
	gsr := flag.String("gsr", "/work/shared/data/arabic_event_gsr", "directory of the GSR dev files")
	reports := flag.String("reports", "testdata/reports.tsv", "report set: news sentences labelled report or mention")
	out := flag.String("o", "data/report_weights.txt", "output file")
	flag.Parse()
	var b bytes.Buffer
	if err := events.TrainReportModel(&b, os.Stderr, *gsr, *reports); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
