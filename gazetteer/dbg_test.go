package gazetteer

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad/marsad"
)

func TestDbg(t *testing.T) {
	r := NewResolver(Default())
	files, _ := filepath.Glob("/work/shared/examples/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		doc := &marsad.Document{Text: string(b)}
		r.Annotate(doc)
		for _, e := range doc.Entities {
			fmt.Printf("%q\t%s\t%s\t%s\t%s\n", e.Text, e.Type, e.ID, e.Name, coord(e))
		}
	}
}
