package sqlite_test

import (
	"path/filepath"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/sqlite"
	"github.com/marsad/marsad/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) marsad.Store {
		s, err := sqlite.Open(filepath.Join(t.TempDir(), "marsad.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
