package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad/marsad"
)

func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	err = m.Run(t.Context(), args)
	return out.String(), errb.String(), err
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIngestSearchShow(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "baghouz.txt"), "قسد تحتفل بذكرى تحرير الباغوز\n\nأقامت قوات سوريا الديمقراطية احتفالاً في بلدة الباغوز بريف دير الزور.\nANHA\nANHA\nاظهر المزيد\n")
	writeFile(t, filepath.Join(in, "terror.txt"), "تحذير من عودة الإرهاب\n\nحذر مسؤولون من أن خلايا التنظيم تحاول إعادة بناء نفسها في البادية.\n")
	writeFile(t, filepath.Join(in, "copy", "baghouz-again.txt"), "قسد تحتفل بذكرى تحرير الباغوز\n\nأقامت قوات سوريا الديمقراطية احتفالاً في بلدة الباغوز بريف دير الزور.\n")
	writeFile(t, filepath.Join(in, "photo.jpg"), "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01")
	writeFile(t, filepath.Join(in, "empty.txt"), "\n\n")

	_, stderr, err := run(t, "", "ingest", "--db", db, in)
	var rej errRejected
	if !errors.As(err, &rej) || rej.n != 2 {
		t.Fatalf("ingest: err %v; want 2 rejected\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "photo.jpg: not text") || !strings.Contains(stderr, "empty.txt: empty") ||
		!strings.Contains(stderr, "ingested 2 new, 1 already stored, 2 rejected") {
		t.Errorf("ingest messages:\n%s", stderr)
	}
	_, stderr, err = run(t, "", "ingest", "--db", db, filepath.Join(in, "baghouz.txt"), filepath.Join(in, "terror.txt"))
	if err != nil || !strings.Contains(stderr, "ingested 0 new, 2 already stored, 0 rejected") {
		t.Errorf("re-ingest: %v\n%s", err, stderr)
	}

	for _, q := range []string{"والباغوز", "بالباغوز", "الباغوز", "الارهاب", "ارهاب", "إرهاب", `"قوات سوريا الديمقراطية"`, "الديمقراط*"} {
		out, _, err := run(t, "", "search", "--db", db, "--json", q)
		if err != nil {
			t.Fatalf("search %s: %v", q, err)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		var hit marsad.Hit
		if len(lines) != 1 || json.Unmarshal([]byte(lines[0]), &hit) != nil || hit.ID == "" || hit.Snippet == "" {
			t.Errorf("search %s: got %q; want one JSON hit", q, out)
		}
	}
	out, _, _ := run(t, "", "search", "--db", db, "الباغوز")
	if !strings.Contains(out, "[الباغوز]") || !strings.Contains(out, "قسد تحتفل") {
		t.Errorf("human search output:\n%s", out)
	}

	out, _, err = run(t, "", "show", "--db", db, filepath.Join(in, "copy", "baghouz-again.txt"))
	var d marsad.Document
	if err != nil || json.Unmarshal([]byte(out), &d) != nil || len(d.Origins) != 2 || strings.Contains(d.Text, "ANHA") {
		t.Errorf("show by origin: %v %+v", err, d)
	}
	if _, _, err := run(t, "", "show", "--db", db, "no-such-id"); !errors.Is(err, marsad.ErrNotFound) {
		t.Errorf("show missing: %v", err)
	}
}

func TestExtractJSONL(t *testing.T) {
	in := `{"id":"a","title":"مقتل مدنيين في قصف","text":"قتل مدنيان في قصف على القرية. وأصيب ثلاثة آخرون.","published":"2024-03-23"}
{"id":"b","text":"bad","published":"not a date"}
not json at all
{"title":"السعودية","content":"نص من الصحيفة.","date_extracted":"2015-07-21 02:51:32","source":"okaz"}
`
	out, stderr, err := run(t, in, "extract", "--input", "jsonl", "-")
	var rej errRejected
	if !errors.As(err, &rej) || rej.n != 2 || !strings.Contains(stderr, "stdin:2: published") || !strings.Contains(stderr, "stdin:3: malformed JSON") {
		t.Errorf("extract: %v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d documents; want 2:\n%s", len(lines), out)
	}
	var d marsad.Document
	if err := json.Unmarshal([]byte(lines[0]), &d); err != nil {
		t.Fatal(err)
	}
	if d.Title != "مقتل مدنيين في قصف" || d.Published.Format("2006-01-02") != "2024-03-23" || len(d.Sentences) != 3 || d.Tokens == 0 {
		t.Errorf("document: %+v", d)
	}
	for _, s := range d.Sentences {
		if s.Start < 0 || s.End > len(d.Text) || s.Start >= s.End {
			t.Errorf("sentence %v out of text", s)
		}
	}
	var raw map[string]any
	json.Unmarshal([]byte(lines[1]), &raw)
	for _, k := range []string{"id", "title", "published", "text", "paragraphs", "sentences", "tokens", "source"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("extract output lacks %q: %s", k, lines[1])
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"nope"}, {"ingest"}, {"show"}, {"search", "--db", filepath.Join(t.TempDir(), "x.db"), "--from", "yesterday", "x"}} {
		if _, _, err := run(t, "", args...); !errors.Is(err, errUsage) {
			t.Errorf("%q: got %v; want a usage error", args, err)
		}
	}
}

func TestDisplayDBRedactsPassword(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://marsad:secret@127.0.0.1/m":  "postgres://marsad:xxxxx@127.0.0.1/m",
		"/home/a/.local/share/marsad/marsad.db": "/home/a/.local/share/marsad/marsad.db",
	} {
		if got := displayDB(in); got != want {
			t.Errorf("displayDB(%q) = %q; want %q", in, got, want)
		}
	}
}

const raqqaReports = `{"id":"a","title":"مقتل مدنيين بقصف على الرقة","text":"قُتل خمسة مدنيين أمس في قصف جوي على مدينة الرقة.","published":"2024-03-23"}
{"id":"b","title":"غارة على الرقة","text":"قُتل تسعة مدنيين أمس في قصف جوي على مدينة الرقة، بحسب مصادر محلية.","published":"2024-03-23"}
{"id":"c","title":"قصف على الرقة","text":"قُتل خمسة مدنيين أمس في قصف جوي على مدينة الرقة.","published":"2024-03-23","source":"other"}
`

func TestConflictsAcrossArticles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	if _, stderr, err := run(t, raqqaReports, "ingest", "--db", db, "--input", "jsonl", "-"); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	wantRaqqaConflict(t, db)
}

func wantRaqqaConflict(t *testing.T, db string) {
	t.Helper()
	out, _, err := run(t, "", "conflicts", "--db", db, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Type, Role string
		Counts     []struct{ Value float64 }
	}
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &d); err != nil || d.Type != "ASSAULT" || d.Role != "killed" || len(d.Counts) < 2 {
		t.Errorf("got %q; want the 5 vs 9 killed in al-Raqqa", out)
	}
}

// TestReannotate stores articles without layers, as a store written before the stages existed, and brings
// them up to date.
func TestReannotate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	if _, stderr, err := run(t, raqqaReports, "ingest", "--db", db, "--clean-only", "--input", "jsonl", "-"); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if out, _, _ := run(t, "", "conflicts", "--db", db, "--json"); out != "" {
		t.Fatalf("conflicts before reannotate: got %q; want none, there are no events yet", out)
	}
	_, stderr, err := run(t, "", "reannotate", "--db", db)
	if err != nil || !strings.Contains(stderr, "reannotated 3 articles") {
		t.Fatalf("reannotate: %v\n%s", err, stderr)
	}
	out, _, err := run(t, "", "show", "--db", db, "b")
	var d marsad.Document
	if err != nil || json.Unmarshal([]byte(out), &d) != nil || len(d.Events) == 0 || len(d.Quantities) == 0 || len(d.Origins) == 0 {
		t.Errorf("show after reannotate: %v %+v; want events, quantities and the origin", err, d)
	}
	wantRaqqaConflict(t, db)
}

func TestReadCommandsNeedAStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "typo.db")
	for _, args := range [][]string{{"search", "--db", db, "قسد"}, {"show", "--db", db, "x"}, {"conflicts", "--db", db}, {"reannotate", "--db", db}} {
		if _, _, err := run(t, "", args...); err == nil || !strings.Contains(err.Error(), "no store at") {
			t.Errorf("%q: got %v; want a missing-store error", args, err)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a read command created the store")
	}
}

// TestTrainNER trains a model on the package's small annotated sets and tags with it.
func TestTrainNER(t *testing.T) {
	dir := t.TempDir()
	var data []byte
	for _, f := range []string{"../../ner/testdata/regional_tune.conll", "../../ner/testdata/regional_heldout.conll"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		data = append(data, b...)
	}
	corpus, model := filepath.Join(dir, "train.conll"), filepath.Join(dir, "model.bin.gz")
	writeFile(t, corpus, string(data))
	out, stderr, err := run(t, "", "train", "ner", "--data", corpus, "--out", model)
	if err != nil || !strings.Contains(out, "development set") || !strings.Contains(out, "wrote "+model) {
		t.Fatalf("train ner: %v\n%s%s", err, out, stderr)
	}
	out, _, err = run(t, "قال\nمظلوم\nعبدي\n.\n", "ner", "--model", model)
	if err != nil || len(strings.Split(strings.TrimSpace(out), "\n")) != 4 {
		t.Errorf("ner --model: %v\n%s", err, out)
	}
	tiny := filepath.Join(dir, "tiny.conll")
	writeFile(t, tiny, "قال O\nعبدي B-PERS\n. O\n")
	if _, _, err := run(t, "", "train", "ner", "--data", tiny, "--out", model); err == nil || !strings.Contains(err.Error(), "needs at least") {
		t.Errorf("train on one sentence: got %v; want a too-few-sentences error", err)
	}
	if _, _, err := run(t, "", "train"); !errors.Is(err, errUsage) {
		t.Errorf("train without a model name: got %v; want a usage error", err)
	}
	if _, _, err := run(t, "", "ner", "--model", filepath.Join(dir, "missing.bin.gz")); err == nil {
		t.Error("ner with a missing model: got no error")
	}
}
