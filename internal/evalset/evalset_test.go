package evalset

import (
	"compress/gzip"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestPRF(t *testing.T) {
	for _, tc := range []struct {
		match, pred, gold int
		p, r, f           float64
	}{
		{8, 10, 16, 0.8, 0.5, 2 * 0.8 * 0.5 / 1.3},
		{0, 0, 5, 0, 0, 0},
		{0, 3, 0, 0, 0, 0},
	} {
		p, r, f := PRF(tc.match, tc.pred, tc.gold)
		if p != tc.p || r != tc.r || f != tc.f {
			t.Errorf("PRF(%d, %d, %d) = %v %v %v; want %v %v %v", tc.match, tc.pred, tc.gold, p, r, f, tc.p, tc.r, tc.f)
		}
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "b.txt", "README.md"} {
		os.WriteFile(filepath.Join(dir, n), nil, 0o644)
	}
	if fs, err := Files(dir); err != nil || len(fs) != 2 {
		t.Errorf("Files(dir) = %v, %v; want the two .txt sets", fs, err)
	}
	if fs, err := Files(filepath.Join(dir, "README.md")); err != nil || len(fs) != 1 {
		t.Errorf("Files(file) = %v, %v; want the file", fs, err)
	}
	if _, err := Files(filepath.Join(dir, "missing")); err == nil {
		t.Error("Files(missing): want an error")
	}
}

func TestSaudiNewsNet(t *testing.T) {
	path := filepath.Join(t.TempDir(), "snn.jsonl.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	zw.Write([]byte(`{"title":"عنوان","content":"جملة أولى. جملة ثانية؟\nسطر"}` + "\n" + `{"title":"ثان","content":"نص"}` + "\n"))
	zw.Close()
	f.Close()
	t.Setenv("MARSAD_SNN", path)
	docs, size, err := SaudiNewsNet(5)
	if err != nil || len(docs) != 2 || size != len(docs[0].Text)+len(docs[1].Text) {
		t.Fatalf("got %d docs, size %d, %v; want 2 and their size", len(docs), size, err)
	}
	var sents []string
	for _, r := range docs[0].Sentences {
		sents = append(sents, docs[0].Text[r.Start:r.End])
	}
	if want := []string{"عنوان\n", "جملة أولى.", " جملة ثانية؟", "سطر"}; !slices.Equal(sents, want) {
		t.Errorf("sentences: got %q; want %q", sents, want)
	}
	t.Setenv("MARSAD_SNN", filepath.Join(t.TempDir(), "missing.gz"))
	if _, _, err := SaudiNewsNet(1); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing corpus: got %v; want ErrNotExist", err)
	}
}

func TestSample(t *testing.T) {
	s := NewSample[int](5, 1)
	built := 0
	for i := range 1000 {
		s.Offer(func() int { built++; return i })
	}
	if len(s.Items) != 5 || built >= 1000 {
		t.Fatalf("got %d items, %d built; want 5 kept and most offers never built", len(s.Items), built)
	}
	again := NewSample[int](5, 1)
	for i := range 1000 {
		again.Offer(func() int { return i })
	}
	if !slices.Equal(s.Items, again.Items) {
		t.Errorf("same seed: got %v and %v", s.Items, again.Items)
	}
	if s.Items[4] == 4 && s.Items[0] == 0 {
		t.Errorf("got the first five offers %v; want later ones to replace some", s.Items)
	}
}
