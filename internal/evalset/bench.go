package evalset

import (
	"testing"

	"github.com/marsad/marsad"
)

// Bench runs benchmark b over the annotated set in file: each article becomes a document with read and doc,
// and a annotates them all, reporting MB/s of document text and allocations.
func Bench[A any](b *testing.B, a marsad.Annotator, file string, read func(string) ([]A, error), doc func(A) *marsad.Document) {
	arts, err := read(file)
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*marsad.Document, len(arts))
	n := 0
	for i, x := range arts {
		docs[i] = doc(x)
		n += len(docs[i].Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if err := a.Annotate(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
