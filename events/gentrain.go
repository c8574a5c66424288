//go:build ignore

// gentrain fits the events report model on the tuning part of the Arabic event GSR dev set and writes
// data/report_weights.txt. Run it with go generate; it reads the GSR from -gsr.
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
	out := flag.String("o", "data/report_weights.txt", "output file")
	flag.Parse()
	var b bytes.Buffer
	if err := events.TrainReportModel(&b, os.Stderr, *gsr); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
