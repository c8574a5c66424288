package quotes

import (
	"fmt"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

func TestDbg(t *testing.T) {
	doc := &marsad.Document{Text: "وشدد الفرج على أن الحوار هو الطريق الوحيد لحل الخلافات."}
	toks := arabic.AppendTokens(nil, doc.Text)
	for _, tk := range toks {
		w := arabic.Fold(doc.Text[tk.Start:tk.End])
		c, ok := New().lx.cues[w]
		fmt.Printf("%q %v %+v\n", w, ok, c)
	}
	New().Annotate(doc)
	fmt.Printf("%+v\n", doc.Quotes)
}
