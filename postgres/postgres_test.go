package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/postgres"
	"github.com/marsad/marsad/search"
	"github.com/marsad/marsad/storetest"
)

// testURL returns the database of MARSAD_TEST_POSTGRES with a fresh schema for one test, dropped after it;
// the test is skipped when the variable is not set (.ci/postgres.sh sets it up).
func testURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv("MARSAD_TEST_POSTGRES")
	if base == "" {
		t.Skip("MARSAD_TEST_POSTGRES is not set; see .ci/postgres.sh")
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "marsad_test_" + hex.EncodeToString(b)
	conn, err := pgx.Connect(t.Context(), base)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(t.Context(), "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), base)
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Error(err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) marsad.Store {
		s, err := postgres.Open(t.Context(), testURL(t))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestMigrateConcurrently opens several stores on an empty schema at once, as workers started together do:
// the advisory lock must let one migrate and the others find the schema done.
func TestMigrateConcurrently(t *testing.T) {
	u := testURL(t)
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			s, err := postgres.Open(t.Context(), u)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// FuzzSearch checks that no query text makes PostgreSQL reject the tsquery built from it: every user word
// must reach to_tsquery quoted, whatever characters it holds.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"قسد", `"قوات سوريا"`, "الديمقر*", `' & | ! ( ) :* <-> \`, `"'"`, "a:*B", "«»", "x''y"} {
		f.Add(s)
	}
	store, err := postgres.Open(f.Context(), testURL(f))
	if err != nil {
		f.Fatal(err)
	}
	defer store.Close()
	f.Fuzz(func(t *testing.T, q string) {
		_, err := store.Search(context.Background(), marsad.Query{Text: q})
		if err != nil && !errors.Is(err, search.ErrEmptyQuery) {
			t.Errorf("search %q: %v", q, err)
		}
	})
}
