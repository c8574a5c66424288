//go:build ignore

// gen_model trains the tagger on ANERcorp (see ner.TrainModel): it reports entity scores on the development
// set (the last 10% of the train split, model trained on the first 90%), then retrains on the whole split and
// writes data/model.bin.gz, which the package embeds.
//
//	go run gen_model.go [-data /work/shared/data] [-dev-only]
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"github.com/marsad/marsad/ner"
)

func main() {
	data := flag.String("data", "/work/shared/data", "directory holding anercorp_camellab/")
	devOnly := flag.Bool("dev-only", false, "only train on 90% and score the development set")
	flag.Parse()
	log.SetFlags(0)
	path := filepath.Join(*data, "anercorp_camellab", "ANERCorp_CamelLab_train.txt")
	if err := ner.TrainModel(os.Stdout, path, filepath.Join("data", "model.bin.gz"), *devOnly); err != nil {
		log.Fatal(err)
	}
}
