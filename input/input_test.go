package input

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func collect(t *testing.T, paths []string, format string, stdin string) []Record {
	t.Helper()
	var recs []Record
	err := Read(t.Context(), paths, format, strings.NewReader(stdin), func(r Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestJSONL(t *testing.T) {
	in := `{"id":"a1","title":"عنوان","text":"نص","published":"2024-03-23","url":"u","source":"anha"}
{"title":"t","content":"نص سعودي","date_extracted":"2015-07-21 02:51:32","source":"aawsat","author":"x"}

{"id": 7, "text": "رقم"}
{not json
{"text":"x","published":"yesterday"}
{"title":"","text":"  "}
`
	recs := collect(t, []string{"-"}, JSONL, in)
	if len(recs) != 6 {
		t.Fatalf("got %d records; want 6 (blank lines skipped)", len(recs))
	}
	if r := recs[0]; r.ID != "a1" || r.Title != "عنوان" || r.Body != "نص" || r.Source != "anha" ||
		!r.Published.Equal(time.Date(2024, 3, 23, 0, 0, 0, 0, time.UTC)) || r.Origin != "stdin:1" {
		t.Errorf("marsad fields: got %+v", r)
	}
	if r := recs[1]; r.Body != "نص سعودي" || r.Published.Format(time.DateTime) != "2015-07-21 02:51:32" {
		t.Errorf("SaudiNewsNet fields: got %+v", r)
	}
	if r := recs[2]; r.ID != "7" || r.Origin != "stdin:4" {
		t.Errorf("numeric id: got %+v", r)
	}
	for i, want := range []string{"malformed JSON", "not a date", "empty article"} {
		if r := recs[3+i]; r.Err == nil || !strings.Contains(r.Err.Error(), want) {
			t.Errorf("record %d: got error %v; want %q", 3+i, r.Err, want)
		}
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "b", ".hidden"), 0o755)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("عنوان\nنص"), 0o644)
	os.WriteFile(filepath.Join(dir, "b", "c.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "b", ".hidden", "d.txt"), []byte("x"), 0o644)
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte(`{"text":"one"}` + "\n" + `{"text":"two"}`))
	w.Close()
	os.WriteFile(filepath.Join(dir, "b", "feed.jsonl.gz"), gz.Bytes(), 0o644)

	var origins []string
	for _, r := range collect(t, []string{dir}, Auto, "") {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Origin, r.Err)
		}
		origins = append(origins, strings.TrimPrefix(r.Origin, dir+"/"))
	}
	want := "a.txt b/c.txt b/feed.jsonl.gz:1 b/feed.jsonl.gz:2"
	if got := strings.Join(origins, " "); got != want {
		t.Errorf("walk order: got %s; want %s", got, want)
	}
	if r := collect(t, []string{filepath.Join(dir, "missing")}, Auto, ""); len(r) != 1 || r[0].Err == nil {
		t.Errorf("missing path: got %+v; want one error record", r)
	}
}

func TestStopsOnCallbackError(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	err := Read(ctx, []string{"-"}, JSONL, strings.NewReader(`{"text":"x"}`), func(Record) error { return nil })
	if err == nil {
		t.Error("cancelled read: got nil error")
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add(`{"id":"1","text":"نص","published":"2024-01-02"}`)
	f.Add(`{"content":"x","date_extracted":"2015-07-21 02:51:32"}`)
	f.Add(`{"text":1}`)
	f.Fuzz(func(t *testing.T, line string) {
		r := parseJSONL([]byte(line))
		if r.Err == nil && strings.TrimSpace(r.Body) == "" && strings.TrimSpace(r.Title) == "" {
			t.Errorf("accepted an empty article from %q", line)
		}
	})
}
