package gazetteer

import (
	"sync"
	"testing"

	"github.com/marsad/marsad"
)

// TestResolverConcurrent shares one Resolver between goroutines, as the pipeline does.
func TestResolverConcurrent(t *testing.T) {
	r := NewResolver(Default())
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			doc := &marsad.Document{Text: "قصفت القوات التركية ريف كوباني، وقال مظلوم عبدي إن قسد سترد."}
			if err := r.Annotate(doc); err != nil || len(doc.Entities) != 4 {
				t.Errorf("got %v, %v", doc.Entities, err)
			}
		})
	}
	wg.Wait()
}
