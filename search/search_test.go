package search

import (
	"fmt"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{"والباغوز", "[{[باغوز]  false false}]"},
		{"الإرهاب ارهاب", "[{[ارهاب]  false false} {[ارهاب]  false false}]"},
		{"لقسد", "[{[لقسد] قسد false false}]"},
		{`"قوات سوريا الديمقراطية"`, "[{[قو سور ديمقراط]  false true}]"},
		{"«التحالف الدولي» داعش", "[{[تحالف دول]  false true} {[داعش]  false false}]"},
		{"الإرها*", "[{[ارها]  true false}]"},
		{`"قسد"`, "[{[قسد]  false false}]"},
		{"قسد/داعش", "[{[قسد]  false false} {[داعش]  false false}]"},
	} {
		cs, err := Parse(tc.q)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.q, err)
			continue
		}
		if got := fmt.Sprint(cs); got != tc.want {
			t.Errorf("Parse(%q) = %s; want %s", tc.q, got, tc.want)
		}
	}
	for _, q := range []string{"", "  ", `""`, "،،"} {
		if _, err := Parse(q); err != ErrEmptyQuery {
			t.Errorf("Parse(%q): got %v; want ErrEmptyQuery", q, err)
		}
	}
}

func TestAnalyze(t *testing.T) {
	a := Analyze("حرّرت قسدُ الباغوز، وسلّمت لقسد.")
	if a.Stems != "حررت قسد باغوز سلمت لقسد" || a.Variants != "قسد" {
		t.Errorf("got %+v", a)
	}
}

func TestSnippet(t *testing.T) {
	text := strings.Repeat("كلمة ", 50) + "أعلنت قسد تحرير الباغوز\n\nمن داعش. " + strings.Repeat("نهاية ", 50)
	cs, _ := Parse("والباغوز داعش")
	got := Snippet(text, cs, 8, "[", "]")
	want := "… أعلنت قسد تحرير [الباغوز] من [داعش]. نهاية نهاية …"
	if got != want {
		t.Errorf("got %q; want %q", got, want)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(`"قوات سوريا" داعش* «x`)
	f.Fuzz(func(t *testing.T, q string) {
		cs, err := Parse(q)
		if err == nil && len(cs) == 0 {
			t.Errorf("no clauses and no error for %q", q)
		}
		for _, c := range cs {
			for _, s := range c.Stems {
				if s == "" {
					t.Errorf("empty stem from %q", q)
				}
			}
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	text := strings.Repeat("أعلنت قوات سوريا الديمقراطية، اليوم السبت، تحرير بلدة الباغوز بريف دير الزور الشرقي من مرتزقة داعش. ", 50)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Analyze(text)
	}
}
