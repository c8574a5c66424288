package clean

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"golang.org/x/text/unicode/norm"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestDecode(t *testing.T) {
	arabic := "أعلنت قوات سوريا الديمقراطية تحرير بلدة الباغوز"
	cp1256, _ := charmap.Windows1256.NewEncoder().Bytes([]byte(arabic))
	u16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(arabic))
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(arabic))
	u16leNoBOM, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(arabic))
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
	for _, tc := range []struct {
		name    string
		in      []byte
		want    string
		enc     string
		wantErr error
	}{
		{"utf-8", []byte(arabic), arabic, UTF8, nil},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, arabic...), arabic, UTF8, nil},
		{"utf-16le with BOM", u16le, arabic, UTF16LE, nil},
		{"utf-16be with BOM", u16be, arabic, UTF16BE, nil},
		{"utf-16le without BOM", u16leNoBOM, arabic, UTF16LE, nil},
		{"windows-1256", cp1256, arabic, Windows1256, nil},
		{"binary", png, "", "", ErrBinary},
		{"latin-1 is not Arabic", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e"), "", "", ErrBinary},
		{"empty", nil, "", "", ErrEmpty},
		{"blank", []byte(" \n\t\n"), "", "", ErrEmpty},
		{"controls", bytes.Repeat([]byte{1, 2, 3, 'a'}, 50), "", "", ErrBinary},
	} {
		got, enc, err := Decode(tc.in)
		if tc.wantErr != nil {
			if !errors.Is(err, tc.wantErr) {
				t.Errorf("%s: got error %v; want %v", tc.name, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want || enc != tc.enc {
			t.Errorf("%s: got %q, %s, %v; want %q, %s", tc.name, got, enc, err, tc.want, tc.enc)
		}
	}
}

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"arabic question mark", "هل انتهى داعش؟ لا، يقول المسؤولون.", []string{"هل انتهى داعش؟", "لا، يقول المسؤولون."}},
		{"comma and semicolon do not split", "قصفت المدفعية القرية، وقتل مدني؛ ونزح آخرون.", []string{"قصفت المدفعية القرية، وقتل مدني؛ ونزح آخرون."}},
		{"decimal", "بلغت الخسائر 2.5 مليون دولار. وهذا كثير.", []string{"بلغت الخسائر 2.5 مليون دولار.", "وهذا كثير."}},
		{"closing guillemet stays", "قال: «انتهت المعركة.» ثم غادر.", []string{"قال: «انتهت المعركة.»", "ثم غادر."}},
		{"closing quote stays", `وأكد أن "الحرب مستمرة". وختم.`, []string{`وأكد أن "الحرب مستمرة".`, "وختم."}},
		{"abbreviation", "قال د. أحمد إن الوضع صعب.", []string{"قال د. أحمد إن الوضع صعب."}},
		{"ellipsis and exclamation", "انتظروا… ثم هاجموا! وانسحبوا", []string{"انتظروا…", "ثم هاجموا!", "وانسحبوا"}},
		{"heading without punctuation", "قسد تحرر الباغوز", []string{"قسد تحرر الباغوز"}},
		{"no split without space", "موقع example.com مغلق.", []string{"موقع example.com مغلق."}},
	} {
		var got []string
		for _, r := range AppendSentences(nil, tc.in, 0, len(tc.in)) {
			got = append(got, tc.in[r.Start:r.End])
		}
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tc.want) {
			t.Errorf("%s: got %q; want %q", tc.name, got, tc.want)
		}
	}
}

func TestCleanRules(t *testing.T) {
	c := New(nil)
	for _, tc := range []struct {
		name, title, body, wantTitle string
		wantParas                    []string
	}{
		{"widgets and repeated byline", "", "العنوان هنا\n\nANHA\nANHA\nنص الخبر الأول.\nاظهر المزيد\nزر الذهاب إلى الأعلى",
			"العنوان هنا", []string{"نص الخبر الأول."}},
		{"title repeated in body", "قصف على منبج", "قصف على منبج\nقتل مدنيان في القصف.", "قصف على منبج", []string{"قتل مدنيان في القصف."}},
		{"long repeated paragraph kept once", "ع", "فقرة طويلة فيها أكثر من ستة كلمات بكثير جداً.\nفقرة طويلة فيها أكثر من ستة كلمات بكثير جداً.",
			"ع", []string{"فقرة طويلة فيها أكثر من ستة كلمات بكثير جداً."}},
		{"read-also prefix", "ع", "خبر.\nاقرأ أيضاً: تصعيد جديد في الشمال\nخبر آخر.", "ع", []string{"خبر.", "خبر آخر."}},
		{"prose starting like a widget is kept", "ع", "شارك آلاف المتظاهرين في مسيرة حاشدة وسط مدينة القامشلي للتنديد بالهجمات التركية المتكررة على المدنيين والبنية التحتية في المنطقة.",
			"ع", []string{"شارك آلاف المتظاهرين في مسيرة حاشدة وسط مدينة القامشلي للتنديد بالهجمات التركية المتكررة على المدنيين والبنية التحتية في المنطقة."}},
		{"tag line with commas", "ع", "خبر.\nسوريا، قسد، داعش، الباغوز", "ع", []string{"خبر."}},
		{"trailer drops the rest", "ع", "خبر.\nمواضيع ذات صلة\nعنوان آخر طويل.", "ع", []string{"خبر."}},
		{"html character references", "قصف &quot;عنيف&quot;", "قال&nbsp;المرصد &#8220;قتل 5&#8221; وAT&T.", "قصف \"عنيف\"", []string{"قال المرصد “قتل 5” وAT&T."}},
		{"presentation forms", "ﻗﺼﻒ ﻋﻠﻰ ﻣﻨﺒﺞ", "ﺍﻟﻤﻘﺎﻭﻣﺔ ﻻ ﺗﺰﺍﻝ ﺗﺘﻘﺪﻡ ﷺ.", "قصف على منبج", []string{"المقاومة لا تزال تتقدم ﷺ."}},
		{"spaces and controls", "ع", "  نص\u00a0\u00a0فيه\tمسافات\u200f.  ", "ع", []string{"نص فيه مسافات."}},
	} {
		d := marsad.Document{Title: tc.title}
		if err := c.Clean(&d, tc.body); err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		var paras []string
		for _, p := range d.Paragraphs[1:] {
			paras = append(paras, d.Text[p.Start:p.End])
		}
		if d.Title != tc.wantTitle || fmt.Sprintf("%q", paras) != fmt.Sprintf("%q", tc.wantParas) {
			t.Errorf("%s: got %q %q; want %q %q", tc.name, d.Title, paras, tc.wantTitle, tc.wantParas)
		}
	}
}

func TestCleanEmpty(t *testing.T) {
	var d marsad.Document
	if err := New(nil).Clean(&d, "اظهر المزيد\nزر الذهاب إلى الأعلى\n"); !errors.Is(err, ErrEmpty) {
		t.Errorf("boilerplate only: got %v; want ErrEmpty", err)
	}
}

func TestLearner(t *testing.T) {
	l := NewLearner()
	for i := range 6 {
		l.Add("alwatan", fmt.Sprintf("خبر رقم %d عن الاقتصاد.\nللتواصل مع المحرر: 0555\n", i))
	}
	l.Add("okaz", "للتواصل مع المحرر: 0555\n")
	b := l.Boilerplate(5)
	if !b.Has("alwatan", lineKey("للتواصل مع المحرر: 0555")) || b.Has("okaz", lineKey("للتواصل مع المحرر: 0555")) {
		t.Errorf("learned %d lines; want the alwatan footer only", b.Len())
	}
	var buf bytes.Buffer
	b.WriteTo(&buf)
	back, err := ReadBoilerplate(&buf)
	if err != nil || back.Len() != b.Len() {
		t.Errorf("round trip: %v, %d lines; want %d", err, back.Len(), b.Len())
	}
	d := marsad.Document{Source: "alwatan"}
	New(b).Clean(&d, "عنوان\nنص.\nللتواصل مع المحرر: 0555")
	if strings.Contains(d.Text, "0555") {
		t.Errorf("learned line kept: %q", d.Text)
	}
}

// TestGolden cleans whole articles written for these tests in the style of regional news, in several
// encodings, and compares with testdata/articles/*/expected.json.
func TestGolden(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/articles/*")
	if len(dirs) == 0 {
		t.Fatal("no golden articles")
	}
	c := New(nil)
	for _, dir := range dirs {
		raw, err := os.ReadFile(filepath.Join(dir, "input.txt"))
		if err != nil {
			t.Fatal(err)
		}
		text, enc, err := Decode(raw)
		if err != nil {
			t.Errorf("%s: %v", dir, err)
			continue
		}
		var d marsad.Document
		if err := c.Clean(&d, text); err != nil {
			t.Errorf("%s: %v", dir, err)
			continue
		}
		checkOffsets(t, dir, &d)
		got := golden{Encoding: enc, Title: d.Title}
		for _, s := range d.Sentences {
			got.Sentences = append(got.Sentences, d.Text[s.Start:s.End])
		}
		got.Paragraphs = d.Paragraphs
		path := filepath.Join(dir, "expected.json")
		if *update {
			b, _ := json.MarshalIndent(got, "", "  ")
			os.WriteFile(path, append(b, '\n'), 0o644)
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (run go test -update after reviewing)", dir, err)
		}
		var want golden
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		gb, _ := json.Marshal(got)
		wb, _ := json.Marshal(want)
		if !bytes.Equal(gb, wb) {
			t.Errorf("%s:\n got  %s\n want %s", dir, gb, wb)
		}
	}
}

type golden struct {
	Encoding   string         `json:"encoding"`
	Title      string         `json:"title"`
	Paragraphs []marsad.Range `json:"paragraphs"`
	Sentences  []string       `json:"sentences"`
}

func checkOffsets(t *testing.T, name string, d *marsad.Document) {
	t.Helper()
	prev := 0
	for _, s := range d.Sentences {
		if s.Start < prev || s.End <= s.Start || s.End > len(d.Text) || !utf8.ValidString(d.Text[s.Start:s.End]) {
			t.Errorf("%s: bad sentence range %v in %d bytes", name, s, len(d.Text))
		}
		prev = s.End
	}
	if d.TitleEnd > len(d.Text) || d.Title != d.Text[:d.TitleEnd] {
		t.Errorf("%s: title %q is not text[:%d]", name, d.Title, d.TitleEnd)
	}
}

func FuzzDecodeClean(f *testing.F) {
	f.Add([]byte("عنوان\n\nنص الخبر. وقال: «نعم».\nاظهر المزيد"))
	f.Add([]byte{0xFF, 0xFE, 0x27, 0x06, 0x20, 0x00})
	f.Add([]byte{0xC7, 0xE1, 0xD1, 0xDE, 0xC9})
	f.Add([]byte("\x00\x01binary"))
	c := New(nil)
	f.Fuzz(func(t *testing.T, b []byte) {
		text, _, err := Decode(b)
		if err != nil {
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("Decode returned invalid UTF-8")
		}
		var d marsad.Document
		if c.Clean(&d, text) != nil {
			return
		}
		checkOffsets(t, "fuzz", &d)
	})
}

var benchArticle = func() string {
	b, _ := os.ReadFile("testdata/articles/syria-utf8/input.txt")
	return strings.Repeat(string(b), 10)
}()

func BenchmarkDecode(b *testing.B) {
	raw := []byte(benchArticle)
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		Decode(raw)
	}
}

func BenchmarkClean(b *testing.B) {
	c := New(nil)
	b.SetBytes(int64(len(benchArticle)))
	var d marsad.Document
	for b.Loop() {
		d.Title = ""
		c.Clean(&d, benchArticle)
	}
}

func BenchmarkSentences(b *testing.B) {
	var dst []marsad.Range
	b.SetBytes(int64(len(benchArticle)))
	for b.Loop() {
		dst = AppendSentences(dst[:0], benchArticle, 0, len(benchArticle))
	}
}

func ExampleCleaner_Clean() {
	var d marsad.Document
	New(nil).Clean(&d, "قسد تحرر الباغوز\nANHA\nANHA\nأعلنت القوات تحرير البلدة. وقال القائد: «انتهى التنظيم».\nاظهر المزيد")
	for _, s := range d.Sentences {
		fmt.Println(d.Text[s.Start:s.End])
	}
	// Output:
	// قسد تحرر الباغوز
	// أعلنت القوات تحرير البلدة.
	// وقال القائد: «انتهى التنظيم».
}

func TestLineKey(t *testing.T) {
	for in, want := range map[string]string{
		"// انتهى //":       "انتهي",
		"قال:  «قسدٌ» أمس.": "قال قسد امس",
		"":                  "",
		"ANHA – 2019":       "anha 2019",
	} {
		if got := lineKey(in); got != want {
			t.Errorf("lineKey(%q) = %q; want %q", in, got, want)
		}
	}
}

// FuzzComposedAlready checks the shortcut against norm.NFC: whatever it lets through is NFC already.
func FuzzComposedAlready(f *testing.F) {
	for _, s := range []string{"قوات سوريا", "مُسيّرة", "\u0627\u0654", "café", "e\u0301", "«قسد» – ٢٠١٩", "한국"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if composedAlready(s) && !norm.NFC.IsNormalString(s) {
			t.Fatalf("composedAlready(%q) but NFC changes it to %q", s, norm.NFC.String(s))
		}
	})
}

// lineKeyRef is lineKey's definition: the words of the text folded first, joined by one space.
func lineKeyRef(s string) string {
	var b strings.Builder
	between := false
	for _, r := range arabic.Fold(s) {
		if !arabic.IsWordRune(r) {
			between = true
			continue
		}
		if between && b.Len() > 0 {
			b.WriteByte(' ')
		}
		between = false
		b.WriteRune(r)
	}
	return b.String()
}

// lineKey folds rune by rune; it must give the key of the text folded first.
func TestLineKeyFoldsAsFold(t *testing.T) {
	for _, s := range lineKeySeeds {
		if got, want := lineKey(s), lineKeyRef(s); got != want {
			t.Errorf("%q: got %q; want %q", s, got, want)
		}
	}
}

var lineKeySeeds = []string{"// انتهى //", "الإرهابُ في سوريـــا", "قسد\u200f-\u200cداعش", "ABC ٣٤٥ كم²", "", "\xff أ",
	"\xd8 \xdbA ۳ ؟!", "Ünïcode ΣΑ ẞ", "\u06f4\u0640\u0670ـ"}

// FuzzLineKey checks lineKey, which reads the Arabic block by its bytes, against its definition.
func FuzzLineKey(f *testing.F) {
	for _, s := range lineKeySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lineKey(s), lineKeyRef(s); got != want {
			t.Fatalf("lineKey(%q) = %q; want %q", s, got, want)
		}
	})
}

// TestComposedAlreadyHarakat checks the shortcut against norm.NFC on every sequence of up to three runes
// drawn from Arabic letters, the harakat it lets through, the marks that compose (hamza and madda above) and
// a space.
func TestComposedAlreadyHarakat(t *testing.T) {
	var runes []rune
	for r := rune(0x0621); r <= 0x0670; r++ {
		runes = append(runes, r)
	}
	runes = append(runes, ' ', 0x06C1, 0x06D2, 0x06D5)
	check := func(s string) {
		if composedAlready(s) && !norm.NFC.IsNormalString(s) {
			t.Fatalf("composedAlready(%q) but NFC changes it to %q", s, norm.NFC.String(s))
		}
	}
	for _, a := range runes {
		for _, b := range runes {
			for _, c := range runes {
				check(string([]rune{a, b, c}))
			}
		}
	}
	if !composedAlready("مُسَيَّرَةٌ") {
		t.Errorf("composedAlready rejects harakat in canonical order")
	}
}

// FuzzNormalLine checks normalizeLine's shortcut: a line normalLine accepts is one renormalizeLine leaves
// as it is.
func FuzzNormalLine(f *testing.F) {
	for _, s := range []string{"قوات سوريا الديمقراطية", " قسد", "قسد  في", "a&amp;b", "x\u00a0y", "\ufeffقسد", "ok.", "",
		"«قسد» – café …", "\u0600\u061c", "a\u2028b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if normalLine(s) && renormalizeLine(s) != s {
			t.Fatalf("normalLine(%q) but normalizeLine gives %q", s, renormalizeLine(s))
		}
		for _, line := range []string{s + "\n", " " + s, "  " + s + " \n"} {
			if got, want := normalizeLine(line), renormalizeLine(line); got != want {
				t.Fatalf("normalizeLine(%q) = %q; want %q", line, got, want)
			}
		}
	})
}

func TestNormalLine(t *testing.T) {
	for in, want := range map[string]bool{
		"قوات سوريا الديمقراطية (قسد)، 2019.": true,
		"":                 true,
		" قسد":             false,
		"قسد ":             false,
		"قسد  في":          false,
		"a&amp;b":          false,
		"x\u00a0y":         false,
		"\ufeffقسد":        false,
		"قسد\tفي":          false,
		"\xffقسد":          false,
		"«قسد» – café …":   true,
		"soft\u00adhyphen": false,
		"line\u2028sep":    false,
		"\u0600\u061c":     true,
	} {
		if got := normalLine(in); got != want {
			t.Errorf("normalLine(%q) = %v; want %v", in, got, want)
		}
		if want && renormalizeLine(in) != in {
			t.Errorf("renormalizeLine(%q) = %q; want it unchanged", in, renormalizeLine(in))
		}
	}
}
