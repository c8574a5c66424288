//go:build ignore

// gen_model trains the tagger on ANERcorp. It first trains on the first 90% of the train split and reports
// entity scores on the last 10% (the development set), then retrains on the whole split and writes
// data/model.bin.gz, which the package embeds.
//
//	go run gen_model.go [-data /work/shared/data] [-epochs 12] [-dev-only]
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/marsad/marsad/ner"
)

func main() {
	data := flag.String("data", "/work/shared/data", "directory holding anercorp_camellab/")
	epochs := flag.Int("epochs", ner.DefaultTrainConfig.Epochs, "training passes")
	devOnly := flag.Bool("dev-only", false, "only train on 90% and score the development set")
	flag.Parse()
	log.SetFlags(0)

	path := filepath.Join(*data, "anercorp_camellab", "ANERCorp_CamelLab_train.txt")
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	sents, err := ner.ReadCoNLL(f, path)
	f.Close()
	if err != nil {
		log.Fatal(err)
	}
	cfg := ner.DefaultTrainConfig
	cfg.Epochs = *epochs
	cfg.Log = os.Stderr

	train, dev := ner.SplitDev(sents, 0.1)
	start := time.Now()
	tg, err := ner.Train(train, cfg)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("trained on %d sentences in %s; development set (%d sentences):\n", len(train), time.Since(start).Round(time.Millisecond), len(dev))
	tg.Score(dev).WriteTable(os.Stdout)
	if *devOnly {
		return
	}

	start = time.Now()
	tg, err = ner.Train(sents, cfg)
	if err != nil {
		log.Fatal(err)
	}
	out, err := os.Create(filepath.Join("data", "model.bin.gz"))
	if err != nil {
		log.Fatal(err)
	}
	if err := tg.Save(out); err != nil {
		log.Fatal(err)
	}
	if err := out.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("trained on all %d sentences in %s; wrote data/model.bin.gz\n", len(sents), time.Since(start).Round(time.Millisecond))
}
