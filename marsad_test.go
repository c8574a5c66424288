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

func TestStoredRoundTrip(t *testing.T) {
	d := &Document{ID: "a", Title: "ع", Text: "ع\n\nنص", TitleEnd: 2, Origins: []string{"in.txt"},
		Quantities: []Quantity{{Span: SpanOf("ع\n\nنص", 4, 8), Value: 1}}}
	blob, err := EncodeStored(d)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(blob), "in.txt") || strings.Contains(string(blob), `"text":"ع`) {
		t.Errorf("stored form keeps the origins or the text: %s", blob)
	}
	back, err := DecodeStored("a", d.Text, blob)
	if err != nil || back.Text != d.Text || back.Origins != nil || len(back.Quantities) != 1 || back.TitleEnd != 2 {
		t.Errorf("got %+v, %v", back, err)
	}
	if _, err := DecodeStored("b", "", []byte("{")); err == nil || !strings.Contains(err.Error(), "article b") {
		t.Errorf("bad blob: got %v; want an error naming the article", err)
	}
}
