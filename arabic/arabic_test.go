package arabic

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"hamza alefs", "أإآٱ", "اااا"},
		{"diacritics", "مُحَمَّدٌ", "محمد"},
		{"tatweel", "الإرهــــاب", "الارهاب"},
		{"ta marbuta", "مدينة", "مدينه"},
		{"alef maqsura", "مستشفى", "مستشفي"},
		{"indic digits", "٢٠١٩ و۱۲", "2019 و12"},
		{"latin", "ANHA Sdf", "anha sdf"},
		{"punctuation kept", "قسد، داعش.", "قسد، داعش."},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("%s: Fold(%q) = %q; want %q", tc.name, tc.in, got, tc.want)
		}
		got, _, err := transform.String(Folder(), tc.in)
		if err != nil || got != tc.want {
			t.Errorf("%s: Folder on %q = %q, %v; want %q", tc.name, tc.in, got, err, tc.want)
		}
	}
}

func TestFolderStreams(t *testing.T) {
	in := strings.Repeat("الإرهـابُ في سوريّا ", 5000)
	b, err := io.ReadAll(transform.NewReader(strings.NewReader(in), Folder()))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), Fold(in); got != want {
		t.Errorf("streamed fold differs from Fold: %d vs %d bytes", len(got), len(want))
	}
}

func TestTokens(t *testing.T) {
	s := "قسد حررت 52 كم2، و«داعش» (ISIS)."
	var got []string
	for _, tok := range AppendTokens(nil, s) {
		got = append(got, s[tok.Start:tok.End])
	}
	want := []string{"قسد", "حررت", "52", "كم2", "و", "داعش", "ISIS"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("tokens of %q = %q; want %q", s, got, want)
	}
	if n := CountTokens(s); n != len(want) {
		t.Errorf("CountTokens = %d; want %d", n, len(want))
	}
}

func TestStem(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"والباغوز", "باغوز"},
		{"الباغوز", "باغوز"},
		{"بالباغوز", "باغوز"},
		{"الارهاب", "ارهاب"},
		{"ارهاب", "ارهاب"},
		{"الارهابيه", "ارهاب"},
		{"للمدنيين", "مدن"}, // the nisba comes off with its plural: "المدني" → "مدن" too
		{"الحوثيين", "حوث"},
		{"الحوثي", "حوث"},
		{"سوريا", "سور"},
		{"سوريه", "سور"},
		{"ايران", "ايران"},
		{"الايرانيه", "ايران"},
		{"والمدن", "مدن"},
		{"فالقوات", "قو"},
		{"قوات", "قو"},
		{"قسد", "قسد"},
		{"و", "و"},
	} {
		if got := Stem(tc.in); got != tc.want {
			t.Errorf("Stem(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestCliticVariant(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"لقسد", "قسد", true},
		{"بدمشق", "دمشق", true},
		{"بلده", "", false}, // too short once stripped: "لده" would stem to "لد"
		{"لبنان", "بنان", true},
		{"لبني", "", false},     // "بني" would stem to "بن"
		{"بالباغوز", "", false}, // the article form is Stem's job
		{"قسد", "", false},
	} {
		got, ok := CliticVariant(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("CliticVariant(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestFoldAllocs(t *testing.T) {
	s := "قوات سوريا الديمقراطية تحرر الباغوز"
	buf := make([]byte, 0, 256)
	if n := testing.AllocsPerRun(100, func() { buf = AppendFold(buf[:0], s) }); n != 0 {
		t.Errorf("AppendFold allocates %v times; want 0", n)
	}
}

func ExampleFold() {
	fmt.Println(Fold("الإرهــابُ في مدينةِ الرَّقَّة"))
	// Output: الارهاب في مدينه الرقه
}

func ExampleStem() {
	for _, w := range []string{"والباغوز", "الإرهاب", "الارهاب", "ارهاب"} {
		fmt.Print(Stem(Fold(w)), " ")
	}
	fmt.Println()
	// Output: باغوز ارهاب ارهاب ارهاب
}

var benchText = strings.Repeat("أعلنت قوات سوريا الديمقراطية، اليوم السبت، تحرير بلدة الباغوز بريف دير الزور الشرقي من مرتزقة داعش. ", 100)

func BenchmarkFold(b *testing.B) {
	buf := make([]byte, 0, len(benchText))
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		buf = AppendFold(buf[:0], benchText)
	}
}

func BenchmarkTokensAndStem(b *testing.B) {
	f := Fold(benchText)
	var toks []Token
	b.SetBytes(int64(len(f)))
	for b.Loop() {
		toks = AppendTokens(toks[:0], f)
		for _, t := range toks {
			Stem(f[t.Start:t.End])
		}
	}
}

func TestIsWordRuneTable(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := IsWordRune(r), isWordRune(r); got != want {
			t.Fatalf("IsWordRune(%U) = %v; want %v", r, got, want)
		}
	}
}

// FuzzFold checks that Fold's shortcut for folded words gives what AppendFold gives, and that folding is
// idempotent.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "قوات", "الأمم المتحدة", "مُسيّرة", "ABC ١٢٣", "\xff\xfeم", "ـــ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if want := string(AppendFold(nil, s)); got != want {
			t.Fatalf("Fold(%q) = %q; AppendFold gives %q", s, got, want)
		}
		// AppendFold looks the Arabic block up in a table; rune by rune it is FoldRune without the ignorable.
		var want []byte
		for _, r := range s {
			if r >= utf8.RuneSelf && ignorable(r) {
				continue
			}
			want = utf8.AppendRune(want, FoldRune(r))
		}
		if got != string(want) {
			t.Fatalf("Fold(%q) = %q; rune by rune %q", s, got, want)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold(Fold(%q)) = %q; want %q", s, again, got)
		}
	})
}

func TestFoldWords(t *testing.T) {
	text := "قالت «قسدٌ» إنّ"
	got := FoldWords(text, AppendTokens(nil, text))
	if want := []string{"قالت", "قسد", "ان"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("FoldWords: got %q; want %q", got, want)
	}
	toks, folded := AppendFoldedTokens([]Token{{0, 1}}, text)
	if want := []Token{{0, 1}, {0, 8}, {11, 19}, {22, 28}}; !slices.Equal(toks, want) {
		t.Errorf("AppendFoldedTokens: got tokens %v; want %v", toks, want)
	}
	if want := []string{"قالت", "قسد", "ان"}; !slices.Equal(folded, want) {
		t.Errorf("AppendFoldedTokens: got %q; want %q", folded, want)
	}
}

// FuzzAppendTokens checks AppendTokens and CountTokens, which look the Arabic block up by its bytes, against the maximal
// runs of IsWordRune rune by rune.
func FuzzAppendTokens(f *testing.F) {
	for _, s := range []string{"", "قوات سوريا", "ABC ١٢٣ x", "مُسيّرة،قسد", "\xd8", "\xd8A \xdbقسد", "ـــ a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []Token
		start := -1
		for i, r := range s {
			if IsWordRune(r) {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				want = append(want, Token{start, i})
				start = -1
			}
		}
		if start >= 0 {
			want = append(want, Token{start, len(s)})
		}
		if got := AppendTokens(nil, s); !slices.Equal(got, want) {
			t.Fatalf("AppendTokens(%q) = %v; want %v", s, got, want)
		}
		if got := CountTokens(s); got != len(want) {
			t.Fatalf("CountTokens(%q) = %d; want %d", s, got, len(want))
		}
		// The fused pass finds the same words, folded as FoldWords folds them, whether dst has room or not.
		wantFolded := FoldWords(s, want)
		for _, room := range []int{0, len(want)} {
			got, folded := AppendFoldedTokens(make([]Token, 0, room), s)
			if !slices.Equal(got, want) || !slices.Equal(folded, wantFolded) {
				t.Fatalf("AppendFoldedTokens(%q) = %v %q; want %v %q", s, got, folded, want, wantFolded)
			}
		}
	})
}

func BenchmarkAppendFoldedTokens(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	n := CountTokens(benchText)
	for b.Loop() {
		AppendFoldedTokens(make([]Token, 0, n), benchText)
	}
}

// BenchmarkTokensThenFold is what AppendFoldedTokens does in one pass.
func BenchmarkTokensThenFold(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		FoldWords(benchText, AppendTokens(make([]Token, 0, len(benchText)/6), benchText))
	}
}

func BenchmarkAppendTokens(b *testing.B) {
	var toks []Token
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		toks = AppendTokens(toks[:0], benchText)
	}
}
