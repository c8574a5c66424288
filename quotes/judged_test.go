package quotes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad/marsad"
)

func TestJudged(t *testing.T) {
	// Offsets are bytes: "قال" is 6 bytes, so the speaker "سامي" is [7, 15) and the speech "الجو حار" is [21, 34).
	text := "قال سامي إن الجو حار. وقال إن البحر هادئ."
	doc := &marsad.Document{ID: "d1", Text: text}
	New().Annotate(doc)
	file := "# comment\n" +
		"d1\t21\t34\tR\tR\t7-15\tسامي\n" + // the first speech, speaker right
		"d1\t50\t69\tR\tW\t-\tnobody\n" + // the second: judged to name no speaker, but the quoter carries سامي over
		"d1\t0\t5\tW\tW\tx\tno speech\n" + // no speech, not reported
		"d2\t0\t9\tR\tR\t0-3\tother article\n"
	path := filepath.Join(t.TempDir(), "j.tsv")
	if err := os.WriteFile(path, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	j, err := ReadJudged(path)
	if err != nil {
		t.Fatal(err)
	}
	j.Score(doc)
	j.Score(doc) // a repeated article counts once
	if j.seen != 3 || j.right != 1 || j.wrong != 1 || j.lost != 0 || j.falseDropped != 1 || j.rightThen != 1 {
		t.Errorf("got seen %d right %d wrong %d lost %d dropped %d then %d; want 3 1 1 0 1 1", j.seen, j.right,
			j.wrong, j.lost, j.falseDropped, j.rightThen)
	}
	var b strings.Builder
	if err := j.Misses(&b, 10); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "line 3: d1 50: speaker \"سامي\"; want nobody\n"; got != want {
		t.Errorf("misses: got %q; want %q", got, want)
	}
}

func TestReadJudgedErrors(t *testing.T) {
	for _, tc := range []struct{ name, line string }{
		{"few columns", "d1\t1\t2\tR\tR\t-"},
		{"bad verdict", "d1\t1\t2\tX\tR\t-\tm"},
		{"empty span", "d1\t5\t5\tR\tR\t-\tm"},
		{"bad range", "d1\t1\t9\tR\tR\t3\tm"},
	} {
		if _, err := parseJudgment(tc.line); err == nil {
			t.Errorf("%s: got no error; want one", tc.name)
		}
	}
}
