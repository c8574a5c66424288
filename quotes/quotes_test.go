package quotes

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/evalset"
)

func annotate(t testing.TB, text string, ents ...marsad.Entity) []marsad.Quote {
	t.Helper()
	doc := &marsad.Document{Text: text}
	for _, e := range ents {
		// Test fixtures only: each entity text occurs at most once.
		if e.Start = strings.Index(text, e.Text); e.Start >= 0 {
			e.End = e.Start + len(e.Text)
			doc.Entities = append(doc.Entities, e)
		}
	}
	if err := New().Annotate(doc); err != nil {
		t.Fatal(err)
	}
	return doc.Quotes
}

func TestQuotes(t *testing.T) {
	type want struct {
		text, speaker string
		direct        bool
	}
	for _, tc := range []struct {
		name string
		text string
		want []want
	}{
		{"vso indirect", "وقال المتحدث باسم قسد فرهاد شامي إن الهجوم فشل.",
			[]want{{"الهجوم فشل", "المتحدث باسم قسد فرهاد شامي", false}}},
		{"svo indirect", "المرصد السوري قال إن القصف طال قرية الكبينة.",
			[]want{{"القصف طال قرية الكبينة", "المرصد السوري", false}}},
		{"particle", "وأشار المصدر إلى أن الطريق مقطوع.", []want{{"الطريق مقطوع", "المصدر", false}}},
		{"colon guillemets", "وقال أبو علي: «لم يبق لنا شيء».", []want{{"لم يبق لنا شيء", "أبو علي", true}}},
		{"speaker after", "\"الوضع هادئ الآن في المدينة\"، قال شامي.", []want{{"الوضع هادئ الآن في المدينة", "شامي", true}}},
		{"according to", "قتل ثلاثة مدنيين بقصف مدفعي، بحسب المرصد.",
			[]want{{"قتل ثلاثة مدنيين بقصف مدفعي", "المرصد", false}}},
		{"according to, attached lam", "ووفقاً للمرصد، فإن القصف استمر ساعتين.",
			[]want{{"القصف استمر ساعتين", "للمرصد", false}}},
		{"pro-drop", "وقال شامي إن الهجوم فشل. وأضاف أن المهاجمين فروا.",
			[]want{{"الهجوم فشل", "شامي", false}, {"المهاجمين فروا", "شامي", false}}},
		{"participle ends the clause", "وأكد الوزير أن الحدود آمنة، مضيفاً أن الجيش مستعد.",
			[]want{{"الحدود آمنة", "الوزير", false}, {"الجيش مستعد", "الوزير", false}}},
		{"statement refers back", "وذكرت قسد في بيان أن العملية انتهت. وأشار البيان إلى أن الخلية فككت.",
			[]want{{"العملية انتهت", "قسد", false}, {"الخلية فككت", "قسد", false}}},
		{"addressee in quotes", "وقال شامي لـ\"نورث برس\": \"المعارك مستمرة على الجبهات\".",
			[]want{{"المعارك مستمرة على الجبهات", "شامي", true}}},
		{"scare quotes are not speech", "انطلقت عملية «درع الفرات» عام ألفين وستة عشر.", nil},
		{"after is a conjunction", "وصل الوفد بعد أن انتهى الاجتماع.", nil},
		{"two paragraphs, reopened", "وقال: «الجملة الأولى هنا.\n\n«والجملة الثانية هناك».",
			[]want{{"الجملة الأولى هنا.\n\n«والجملة الثانية هناك", "", true}}},
		{"unclosed at paragraph end", "وقال شامي إن “التنظيم ما زال خطراً على المنطقة.\n\nوتابع الحديث عن الوضع.",
			[]want{{"التنظيم ما زال خطراً على المنطقة.", "شامي", true}}},
		{"mixed marks", "وقال شامي: «الوضع تحت السيطرة تماماً”.", []want{{"الوضع تحت السيطرة تماماً", "شامي", true}}},
		{"nested marks", "وقال: “القضاء على “داعش” يحتاج إلى وقت”.", []want{{"القضاء على “داعش” يحتاج إلى وقت", "", true}}},
		{"quoted name in the speaker", "وقالت صحيفة «ذا صن» إن الفيديو قديم.", []want{{"الفيديو قديم", "صحيفة «ذا صن»", false}}},
		{"relayed", "ونقلت الوكالة عن الوزير قوله: «لن نتراجع عن قرارنا».", []want{{"لن نتراجع عن قرارنا", "الوزير", true}}},
	} {
		got := annotate(t, tc.text)
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %d quotes %+v; want %d", tc.name, len(got), got, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			g := got[i]
			sp := ""
			if g.Speaker != nil {
				sp = g.Speaker.Text
			}
			if g.Text != w.text || sp != w.speaker || g.Direct != w.direct {
				t.Errorf("%s: quote %d: got %q by %q direct=%v; want %q by %q direct=%v", tc.name, i, g.Text, sp, g.Direct,
					w.text, w.speaker, w.direct)
			}
		}
	}
}

func TestSpeakerEntity(t *testing.T) {
	ents := []marsad.Entity{
		{Span: marsad.Span{Text: "قسد"}, Type: marsad.ORG, ID: "sdf", Name: "قوات سوريا الديمقراطية"},
		{Span: marsad.Span{Text: "فرهاد شامي"}, Type: marsad.PER, ID: "farhad-shami"},
	}
	for _, tc := range []struct {
		name, text, wantID string
	}{
		{"person over organization", "وقال المتحدث باسم قسد فرهاد شامي إن الهجوم فشل.", "farhad-shami"},
		{"statement refers back to the entity", "وذكرت قسد في بيان أن العملية انتهت. وأشار البيان إلى أن الخلية فككت.", "sdf"},
	} {
		got := annotate(t, tc.text, ents...)
		q := got[len(got)-1]
		if q.Speaker == nil || q.Speaker.ID != tc.wantID {
			t.Errorf("%s: got speaker %+v; want id %q", tc.name, q.Speaker, tc.wantID)
		}
	}
}

func TestEvaluateFiles(t *testing.T) {
	var b strings.Builder
	if err := Evaluate(&b, "testdata"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "heldout.txt") {
		t.Errorf("got table %q; want a heldout.txt row", b.String())
	}
}

func FuzzQuotes(f *testing.F) {
	for _, s := range []string{
		"وقال شامي إن «الهجوم فشل».",
		"«نص\n\n«تتمة» قال\"",
		"\"“”«»„",
		"بحسب",
		"وفقاً لـ",
		"وأشار البيان إلى أن",
		"قال: ",
		"2.5. قال إن",
	} {
		f.Add(s)
	}
	q := New()
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		doc := &marsad.Document{Text: text}
		if err := q.Annotate(doc); err != nil {
			t.Fatal(err)
		}
		for _, qt := range doc.Quotes {
			for _, sp := range []*marsad.Span{&qt.Span, qt.Cue, spanOf(qt.Speaker)} {
				if sp != nil && (sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End || text[sp.Start:sp.End] != sp.Text) {
					t.Fatalf("bad span %+v in %q", *sp, text)
				}
			}
		}
	})
}

func spanOf(r *marsad.Ref) *marsad.Span {
	if r == nil {
		return nil
	}
	return &r.Span
}

func BenchmarkAnnotate(b *testing.B) {
	evalset.Bench(b, New(), "testdata/dev.txt", readArticles, func(a article) *marsad.Document { return a.doc })
}

func ExampleQuoter_Annotate() {
	doc := &marsad.Document{Text: "وذكرت قسد في بيان أن قواتها فككت خلية للتنظيم. وأشار البيان إلى أن العملية استمرت يومين.\n\n" +
		"وقال شامي لـ\"نورث برس\": «لن نسمح بعودة التنظيم»."}
	if err := New().Annotate(doc); err != nil {
		panic(err)
	}
	for _, q := range doc.Quotes {
		fmt.Printf("%s (direct=%v) ← %s [%s]\n", q.Text, q.Direct, q.Speaker.Text, q.Cue.Text)
	}
	// Output:
	// قواتها فككت خلية للتنظيم (direct=false) ← قسد [وذكرت]
	// العملية استمرت يومين (direct=false) ← قسد [وأشار]
	// لن نسمح بعودة التنظيم (direct=true) ← شامي [وقال]
}
