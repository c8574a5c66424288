package events

import (
	"compress/gzip"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestReadOwnStandoff(t *testing.T) {
	content := "عنوان.\nقصفت طائرات التحالف مواقع للحوثيين في مدينة تعز أمس."
	start := strings.Index(content, "قصفت")
	sent := content[start:]
	sum := sha1.Sum([]byte(sent))
	hash := hex.EncodeToString(sum[:])[:10]
	span := func(s string) string {
		i := strings.Index(sent, s)
		return strconv.Itoa(i) + ":" + strconv.Itoa(i+len(s))
	}
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "corpus.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	enc := json.NewEncoder(zw)
	for _, a := range []map[string]string{{"url": "u0", "content": "x"}, {"url": "u1", "content": content}} {
		if err := enc.Encode(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	row := strings.Join([]string{"u1", strconv.Itoa(start), strconv.Itoa(len(content)), hash, "ASSAULT", span("طائرات التحالف"), span("مواقع"), span("مدينة تعز")}, "\t")
	for _, tc := range []struct {
		name, body, err string
	}{
		{"good", row, ""},
		{"changed corpus", strings.Replace(row, hash, "0000000000", 1), "hash"},
		{"bad role", strings.Replace(row, span("مواقع"), "5:2", 1), "bad role range"},
		{"five fields", "ASSAULT\t-\t-\t-\tقصف", "want URL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := filepath.Join(dir, "set.tsv")
			if err := os.WriteFile(name, []byte("# corpus: corpus.jsonl.gz\n# held-out: all\n"+tc.body+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			rows, held, err := readOwn(name)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want one with %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := ownRow{text: sent, typ: "ASSAULT", actor1: "طائرات التحالف", actor2: "مواقع", place: "مدينة تعز", real: true}
			if len(rows) != 1 || rows[0] != want || !held(0) {
				t.Errorf("rows = %+v, held(0) = %v; want [%+v], true", rows, held(0), want)
			}
		})
	}
}

func TestAgreement(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.tsv", "ASSAULT\tالطائرات الروسية\t-\tريف إدلب\tقصفت الطائرات الروسية ريف إدلب.\n"+
		"CONSULT\tالوزير\tنظيره\t-\tالتقى الوزير نظيره.\n"+
		"ACCUSE\tالحكومة\t-\t-\tاتهمت الحكومة المعارضة.\n")
	b := write("b.tsv", "ASSAULT\tالطائرات الروسية\t-\tإدلب\tقصفت الطائرات الروسية ريف إدلب.\n"+
		"SUPPORT\tالوزير\tنظيره\t-\tالتقى الوزير نظيره.\n"+
		"PROTEST\t-\t-\t-\tتظاهر الأهالي.\n")
	var out strings.Builder
	if err := Agreement(&out, a, b); err != nil {
		t.Fatal(err)
	}
	want := "3 and 3 sentences, 2 annotated in both: same type 0.500; of those, same actor1 1.000, actor2 1.000, location 1.000; all four 0.500\n"
	if out.String() != want {
		t.Errorf("got %q\nwant %q", out.String(), want)
	}
}
