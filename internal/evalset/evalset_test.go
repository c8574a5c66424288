package evalset

import (
	"os"
	"path/filepath"
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
