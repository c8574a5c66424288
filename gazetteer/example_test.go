package gazetteer_test

import (
	"fmt"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/gazetteer"
)

func ExampleResolver() {
	doc := &marsad.Document{Text: "أعلنت قسد طرد داعش من بلدة الباغوز، وقال مظلوم عبدي إن التنظيم هُزم. وقصفت القوات التركية ريف كوباني."}
	if err := gazetteer.NewResolver(gazetteer.Default()).Annotate(doc); err != nil {
		panic(err)
	}
	for _, e := range doc.Entities {
		if e.Lat != nil {
			fmt.Printf("%s\t%s\t%s (%.2f, %.2f)\n", e.Text, e.Type, e.Name, *e.Lat, *e.Lon)
		} else {
			fmt.Printf("%s\t%s\t%s\n", e.Text, e.Type, e.ID)
		}
	}
	// Output:
	// قسد	ORG	sdf
	// داعش	ORG	isis
	// الباغوز	LOC	باغوز (34.43, 40.99)
	// مظلوم عبدي	PER	mazloum-abdi
	// التنظيم	ORG	isis
	// القوات التركية	ORG	turkey-army
	// كوباني	LOC	عين العرب (36.60, 38.35)
}
