//go:build ignore

// gen_lexicon rebuilds the generated lexicon files the package embeds: data/gazetteer.tsv.gz from the place
// and actor dictionaries, and data/clusters.tsv.gz from the unlabeled SaudiNewsNet corpus (several minutes
// on one core; -clusters=false skips it).
//
//	go run gen_lexicon.go [-data /work/shared/data] [-clusters=true]
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"github.com/marsad/marsad/ner"
)

func main() {
	data := flag.String("data", "/work/shared/data", "shared data directory")
	clusters := flag.Bool("clusters", true, "rebuild the word clusters too")
	flag.Parse()
	log.SetFlags(0)

	write("gazetteer.tsv.gz", func(f *os.File) error { return ner.BuildGazetteer(f, *data) })
	if *clusters {
		cfg := ner.DefaultClusterConfig
		cfg.Log = os.Stderr
		corpus := filepath.Join(*data, "saudinewsnet", "saudinewsnet.jsonl.gz")
		write("clusters.tsv.gz", func(f *os.File) error { return ner.BuildClusters(f, corpus, cfg) })
	}
}

// write builds a file beside the old one and renames it into place only when the build succeeded.
func write(name string, build func(*os.File) error) {
	path := filepath.Join("data", name)
	f, err := os.CreateTemp("data", name+".tmp*")
	if err != nil {
		log.Fatal(err)
	}
	if err := build(f); err != nil {
		os.Remove(f.Name())
		log.Fatalf("%s: %v", name, err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s", path)
}
