package evalset

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"os"
	"unicode/utf8"

	"github.com/marsad/marsad"
)

// SaudiNewsNetPath is where benchmarks look for SaudiNewsNet (not in the repository, non-commercial license);
// $MARSAD_SNN overrides it.
func SaudiNewsNetPath() string {
	if p := os.Getenv("MARSAD_SNN"); p != "" {
		return p
	}
	return "/work/shared/data/saudinewsnet/saudinewsnet.jsonl.gz"
}

// SaudiNewsNet returns the first n articles of SaudiNewsNet as documents split into sentences at . ! ؟ and
// line breaks, roughly as the pipeline's splitter does, and their total size in bytes, for benchmarks of a
// stage on real text. The error wraps os.ErrNotExist when the corpus is absent.
func SaudiNewsNet(n int) ([]*marsad.Document, int, error) {
	f, err := os.Open(SaudiNewsNetPath())
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, 0, err
	}
	var docs []*marsad.Document
	size := 0
	dec := json.NewDecoder(zr)
	for len(docs) < n {
		var art struct{ Title, Content string }
		if err := dec.Decode(&art); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, 0, err
		}
		text := art.Title + "\n\n" + art.Content
		d := &marsad.Document{Text: text}
		start := 0
		for i, r := range text {
			if r == '.' || r == '!' || r == '؟' || r == '\n' {
				if end := i + utf8.RuneLen(r); end > start+1 {
					d.Sentences = append(d.Sentences, marsad.Range{Start: start, End: end})
				}
				start = i + utf8.RuneLen(r)
			}
		}
		if start < len(text) {
			d.Sentences = append(d.Sentences, marsad.Range{Start: start, End: len(text)})
		}
		docs = append(docs, d)
		size += len(text)
	}
	return docs, size, nil
}
