package marsad

import (
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	d := &Document{Text: "قالت «قسد» إنّ"}
	words, folded := d.Words()
	var got []string
	for i, w := range words {
		got = append(got, d.Text[w.Start:w.End]+"="+folded[i])
	}
	if want := "قالت=قالت قسد=قسد إنّ=ان"; strings.Join(got, " ") != want {
		t.Errorf("got %q; want %q", strings.Join(got, " "), want)
	}
	if again, _ := d.Words(); &again[0] != &words[0] {
		t.Error("second call recomputed the words")
	}
	d.Text = "تل أبيض"
	if _, folded := d.Words(); strings.Join(folded, " ") != "تل ابيض" {
		t.Errorf("after a new text: got %q", folded)
	}
}
