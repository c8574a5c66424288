// Package evalset holds what the extractors' evaluations share: the annotated set format, its files, the ratios.
package evalset

import (
	"os"
	"path/filepath"
)

// Files returns path itself when it is a file, or the *.txt set files in it when it is a directory.
func Files(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	return filepath.Glob(filepath.Join(path, "*.txt"))
}

// Ratio is a/b, or 0 when b is 0 (no gold items or no predictions).
func Ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// PRF returns precision, recall and F1 from the matched, predicted and gold counts.
func PRF(match, pred, gold int) (p, r, f float64) {
	p, r = Ratio(match, pred), Ratio(match, gold)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
