package evalset

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	m := NewMarkup("n", "q")
	for _, tc := range []struct {
		name, src string
		want      string // id|text|tags|notes of each article, ";" between articles
		err       string
	}{
		{name: "one article", src: "# set\n=== a1\nمقتل <n id=a v=3>3</n>\n\nقتل <n v=3>ثلاثة</n>.\n! headline_body a b\n",
			want: "a1|مقتل 3\n\nقتل ثلاثة.|n[9:10]id=a,v=3 n[19:29]v=3|[ headline_body a b]"},
		{name: "nested, closed out of order", src: "=== x\n<q s=a>قال <n v=1>واحد</n></q>",
			want: "x|قال واحد|n[7:15]v=1 q[0:15]s=a|[]"},
		{name: "two articles, trailing spaces trimmed", src: "=== a  \nعنوان  \n\nنص\n=== b\nآخر",
			want: "a|عنوان\n\nنص||[];b|آخر||[]"},
		{name: "other tags are text", src: "=== a\n<b>نص</b> <n>1</n>", want: "a|<b>نص</b> 1|n[12:13]|[]"},
		{name: "unclosed", src: "=== a\n\n<n v=1>1", err: "f.txt:1: article a: <n> not closed"},
		{name: "stray close", src: "# c\n=== z\nنص</q>", err: "f.txt:2: article z: </q> without <q>"},
	} {
		arts, err := m.Parse("f.txt", tc.src)
		if tc.err != "" || err != nil {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%s: got error %v; want %q", tc.name, err, tc.err)
			}
			continue
		}
		var got []string
		for _, a := range arts {
			var tags []string
			for _, tg := range a.Tags {
				var kv []string
				for _, k := range []string{"id", "s", "v"} {
					if v, ok := tg.Attrs[k]; ok {
						kv = append(kv, k+"="+v)
					}
				}
				tags = append(tags, fmt.Sprintf("%s[%d:%d]%s", tg.Name, tg.Start, tg.End, strings.Join(kv, ",")))
			}
			got = append(got, fmt.Sprintf("%s|%s|%s|%v", a.ID, a.Text, strings.Join(tags, " "), a.Notes))
		}
		if g := strings.Join(got, ";"); g != tc.want {
			t.Errorf("%s: got %q; want %q", tc.name, g, tc.want)
		}
	}
}

func TestDocument(t *testing.T) {
	for _, tc := range []struct {
		text     string
		paras    int
		titleEnd int
	}{
		{"عنوان\n\nفقرة\n\nأخرى", 3, len("عنوان")},
		{"عنوان فقط", 1, 0},
	} {
		d := Article{ID: "a", Text: tc.text}.Document()
		if len(d.Paragraphs) != tc.paras || d.TitleEnd != tc.titleEnd || d.Text != tc.text || d.ID != "a" {
			t.Errorf("%q: got %d paragraphs, title end %d; want %d, %d", tc.text, len(d.Paragraphs), d.TitleEnd, tc.paras, tc.titleEnd)
		}
		for _, p := range d.Paragraphs {
			if strings.Contains(tc.text[p.Start:p.End], "\n\n") {
				t.Errorf("%q: paragraph %v spans a blank line", tc.text, p)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("=== a\nمقتل <n id=a v=3>3</n>\n\nقتل <q s=x>ثلاثة</q>.\n! k a b\n")
	f.Add("=== a\n<n><q></n></q>")
	m := NewMarkup("n", "q")
	f.Fuzz(func(t *testing.T, src string) {
		arts, err := m.Parse("fuzz", src)
		if err != nil {
			return
		}
		for _, a := range arts {
			for _, tg := range a.Tags {
				if tg.Start < 0 || tg.Start > tg.End || tg.End > len(a.Text) {
					t.Fatalf("tag %+v outside %q", tg, a.Text)
				}
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	src := strings.Repeat("=== a\nمقتل <n id=a v=15>15</n> مدنياً بقصف على ريف إدلب\n\nقُتل <n id=b v=5>خمسة</n> مدنيين، بحسب مصادر محلية.\n! headline_body a b\n\n", 50)
	m := NewMarkup("n")
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := m.Parse("bench", src); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleMarkup_Parse() {
	arts, err := NewMarkup("n").Parse("set.txt", "=== c01\nمقتل <n id=a v=15>15</n> مدنياً\n\nقتل <n id=b v=5>خمسة</n> مدنيين.\n! headline_body a b\n")
	if err != nil {
		panic(err)
	}
	a := arts[0]
	for _, t := range a.Tags {
		fmt.Println(t.Attrs["id"], a.Text[t.Start:t.End], t.Attrs["v"])
	}
	fmt.Println(a.Notes[0], "|", a.Text[:a.Document().TitleEnd])
	// Output:
	// a 15 15
	// b خمسة 5
	//  headline_body a b | مقتل 15 مدنياً
}

func TestRead(t *testing.T) {
	file := filepath.Join(t.TempDir(), "set.txt")
	os.WriteFile(file, []byte("=== a\nنص <n v=1>1</n>\n=== b\n! bad\nنص\n"), 0o644)
	conv := func(a Article) (string, error) {
		if len(a.Notes) > 0 {
			return "", errors.New("no notes here")
		}
		return a.ID + ":" + a.Text, nil
	}
	_, err := Read(NewMarkup("n"), file, conv)
	if want := file + ":3: article b: no notes here"; err == nil || err.Error() != want {
		t.Errorf("Read with a bad article: got error %v; want %q", err, want)
	}
	got, err := Read(NewMarkup("n"), file, func(a Article) (string, error) { return a.ID, nil })
	if err != nil || strings.Join(got, ",") != "a,b" {
		t.Errorf("Read: got %v, %v; want [a b]", got, err)
	}
}
