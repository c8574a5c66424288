package server

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkPost measures ingest through the API: the sample articles posted as JSON Lines, processed and
// stored (after the first round, found stored already).
func BenchmarkPost(b *testing.B) {
	sample, err := os.ReadFile(filepath.Join("testdata", "sample.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	srv := newServer(b, Options{Token: token})
	b.SetBytes(int64(len(sample)))
	for b.Loop() {
		req, _ := http.NewRequest("POST", srv.URL+"/api/articles", strings.NewReader(string(sample)))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/x-ndjson")
		resp, err := srv.Client().Do(req)
		if err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode >= 300 && resp.StatusCode != http.StatusOK {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
}

// BenchmarkSearch measures a search with facets through the API; bytes are those of the answer.
func BenchmarkSearch(b *testing.B) {
	sample, err := os.ReadFile(filepath.Join("testdata", "sample.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	srv := newServer(b, Options{Token: token})
	post(b, srv, "application/x-ndjson", string(sample))
	for b.Loop() {
		_, _, body := do(b, srv, call{method: "GET", path: "/api/search?q=قسد"})
		b.SetBytes(int64(len(body)))
	}
}
