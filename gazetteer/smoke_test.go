package gazetteer

import (
	"fmt"
	"testing"
	"time"

	"github.com/marsad/marsad"
)

func TestSmoke(t *testing.T) {
	t0 := time.Now()
	g := Default()
	fmt.Println("load", time.Since(t0))
	r := NewResolver(g)
	doc := &marsad.Document{Text: "أعلنت قوات سوريا الديمقراطية تحرير بلدة الباغوز من داعش. وقال مظلوم عبدي إن قسد ستلاحق خلايا التنظيم في ريف دير الزور والرقة وكوباني. وقصف الاحتلال التركي قرى في ريف سري كانيه. وأكد عبدي أن التحالف الدولي يدعم القوات."}
	r.Annotate(doc)
	for _, e := range doc.Entities {
		fmt.Printf("%q %s %s %s %s %s\n", e.Text, e.Type, e.ID, e.Name, e.GazetteerID, coord(e))
	}
}
