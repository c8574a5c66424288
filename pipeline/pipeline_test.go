package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/input"
)

type countWords struct{}

func (countWords) Annotate(d *marsad.Document) error {
	if strings.Contains(d.Text, "فشل") {
		return errors.New("refused")
	}
	d.Quantities = append(d.Quantities, marsad.Quantity{Span: marsad.SpanOf(d.Text, 0, d.TitleEnd), Value: float64(d.Tokens)})
	return nil
}

func TestRunKeepsOrderAndErrors(t *testing.T) {
	p := New(clean.New(nil), Stage{Name: "count", Annotator: countWords{}})
	const n = 500
	read := func(emit func(input.Record) error) error {
		for i := range n {
			rec := input.Record{Origin: fmt.Sprint(i), Body: fmt.Sprintf("عنوان %d\nنص الخبر رقم %d.", i, i)}
			switch i % 100 {
			case 7:
				rec.Raw = []byte("\x00\x01\x02 binary")
			case 8:
				rec.Body = "عنوان\nفشل"
			case 9:
				rec.Err = errors.New("malformed JSON")
			}
			if err := emit(rec); err != nil {
				return err
			}
		}
		return nil
	}
	var got []Result
	if err := p.Run(t.Context(), 4, read, func(r Result) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("got %d results; want %d", len(got), n)
	}
	for i, r := range got {
		if r.Origin != fmt.Sprint(i) {
			t.Fatalf("result %d has origin %s: order lost", i, r.Origin)
		}
		bad := i%100 >= 7 && i%100 <= 9
		if bad != (r.Err != nil) || bad && !strings.HasPrefix(r.Err.Error(), r.Origin+": ") {
			t.Errorf("result %d: err %v; want an error naming the origin: %v", i, r.Err, bad)
		}
		if !bad && (len(r.Doc.Quantities) != 1 || r.Doc.Title != fmt.Sprintf("عنوان %d", i)) {
			t.Errorf("result %d: %+v", i, r.Doc)
		}
	}
}

func TestReannotateAll(t *testing.T) {
	p := New(clean.New(nil), Stage{Name: "count", Annotator: countWords{}})
	var docs []*marsad.Document
	for i := range 50 {
		text := "عنوان\n\nنص"
		if i%10 == 3 {
			text = "عنوان\n\nفشل"
		}
		// Old layers go: a stored document carries what an earlier run found.
		docs = append(docs, &marsad.Document{ID: fmt.Sprint(i), Text: text, TitleEnd: len("عنوان"), Tokens: 2,
			Dates: []marsad.Date{{Value: "2019-01-01"}}, Quantities: []marsad.Quantity{{Value: 9}, {Value: 8}}})
	}
	errs := p.ReannotateAll(docs, 4)
	for i, d := range docs {
		bad := i%10 == 3
		if bad != (errs[i] != nil) || bad && !strings.HasPrefix(errs[i].Error(), "article "+d.ID+": count: ") {
			t.Errorf("document %d: err %v; want an error naming the article and stage: %v", i, errs[i], bad)
		}
		if !bad && (len(d.Quantities) != 1 || d.Quantities[0].Value != 2 || d.Dates != nil) {
			t.Errorf("document %d: got %+v; want only the new layers", i, d)
		}
	}
}

func TestRunStopsOnOutputError(t *testing.T) {
	p := New(clean.New(nil))
	stop := errors.New("stop")
	read := func(emit func(input.Record) error) error {
		for i := 0; ; i++ {
			if err := emit(input.Record{Origin: fmt.Sprint(i), Body: "عنوان\nنص."}); err != nil {
				return err
			}
		}
	}
	seen := 0
	err := p.Run(t.Context(), 2, read, func(Result) error {
		if seen++; seen == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("got %v; want the output error", err)
	}
}

func TestContentID(t *testing.T) {
	if ContentID("الإرهابُ") != ContentID("الارهاب") {
		t.Error("ids differ for text that differs only in diacritics and hamza")
	}
	if ContentID("قسد") == ContentID("داعش") {
		t.Error("ids equal for different texts")
	}
}

func BenchmarkDocument(b *testing.B) {
	p, err := Standard(clean.New(nil))
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat("أعلنت قوات سوريا الديمقراطية، اليوم السبت، تحرير بلدة الباغوز بريف دير الزور الشرقي من مرتزقة داعش.\n", 30)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := p.Document(input.Record{Origin: "b", Body: "عنوان\n" + body}); err != nil {
			b.Fatal(err)
		}
	}
}

// ContentID folds a long text a piece at a time; the id must be the hash of the whole text folded at once,
// whichever rune a piece boundary falls next to.
func TestContentIDLongText(t *testing.T) {
	for _, pad := range []int{0, 1, 2, 3} {
		text := strings.Repeat("x", pad) + strings.Repeat("الإرهابُ ٣ كمْ\u200f ", 400)
		h := sha256.Sum256([]byte(arabic.Fold(text)))
		if got, want := ContentID(text), hex.EncodeToString(h[:8]); got != want {
			t.Errorf("pad %d: got %s; want %s", pad, got, want)
		}
	}
}
