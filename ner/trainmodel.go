package ner

import (
	"fmt"
	"io"
	"os"
	"time"
)

// TrainModel trains the tagger on the CoNLL file at conllPath (the ANERcorp CAMeL train split) with
// DefaultTrainConfig and the embedded lexicon. It first trains on the first 90% of the sentences and writes
// the development-set table (the last 10%) to w; unless devOnly, it then retrains on every sentence and
// writes the model to outPath, in the format of data/model.bin.gz.
func TrainModel(w io.Writer, conllPath, outPath string, devOnly bool) error {
	f, err := os.Open(conllPath)
	if err != nil {
		return fmt.Errorf("ner: %w", err)
	}
	sents, err := ReadCoNLL(f, conllPath)
	f.Close()
	if err != nil {
		return fmt.Errorf("ner: %w", err)
	}
	// The development tenth and the five folds of the context stage need a few sentences each.
	const fewest = 10
	if len(sents) < fewest {
		return fmt.Errorf("ner: %s: %d sentences; training needs at least %d", conllPath, len(sents), fewest)
	}
	train, dev := SplitDev(sents, 0.1)
	start := time.Now()
	tg, err := Train(train, DefaultTrainConfig)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "trained on %d sentences in %s; development set (%d sentences):\n", len(train), time.Since(start).Round(time.Millisecond), len(dev))
	if err := tg.Score(dev).WriteTable(w); err != nil {
		return err
	}
	if devOnly {
		return nil
	}
	start = time.Now()
	if tg, err = Train(sents, DefaultTrainConfig); err != nil {
		return err
	}
	out, err := os.Create(outPath)
	if err != nil {
		return fmt.Errorf("ner: %w", err)
	}
	if err := tg.Save(out); err != nil {
		out.Close()
		return fmt.Errorf("ner: write %s: %w", outPath, err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("ner: write %s: %w", outPath, err)
	}
	_, err = fmt.Fprintf(w, "trained on all %d sentences in %s; wrote %s\n", len(sents), time.Since(start).Round(time.Millisecond), outPath)
	return err
}

// LoadModel returns a Tagger with the model read from r (as written by Save or TrainModel) and the embedded
// lexicon, which must be the one the model was trained with.
func LoadModel(r io.Reader) (*Tagger, error) {
	lex, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	tg, err := readModel(r, lex)
	if err != nil {
		return nil, fmt.Errorf("ner: model: %w", err)
	}
	return tg, nil
}
