package numbers

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad"
)

var ext = New()

func TestExtract(t *testing.T) {
	type want struct {
		text   string
		value  float64
		unit   string
		approx string
	}
	for _, tc := range []struct {
		name string
		in   string
		want []want
	}{
		{"digits", "قتل 12 شخصاً", []want{{"12", 12, "", ""}}},
		{"arabic-indic thousands", "بلغ ١٢٬٤٥٠ شخصاً", []want{{"١٢٬٤٥٠", 12450, "", ""}}},
		{"latin thousands", "سجلت 1,250 إصابة", []want{{"1,250", 1250, "", ""}}},
		{"arabic decimal", "نسبة ٤٥٫٣ بالمئة", []want{{"٤٥٫٣ بالمئة", 45.3, "percent", ""}}},
		{"comma decimal", "نمو 2,5 في المئة", []want{{"2,5 في المئة", 2.5, "percent", ""}}},
		{"dotted thousands", "بقيمة 10.100.000 ريال", []want{{"10.100.000 ريال", 10100000, "SAR", ""}}},
		{"wire decimal", "إلى 38ر5146 نقطة", []want{{"38ر5146", 5146.38, "", ""}}},
		{"percent sign", "بنسبة 20% و٣٠٪", []want{{"20%", 20, "percent", ""}, {"٣٠٪", 30, "percent", ""}}},
		{"digits and scale", "56 ألف نازح", []want{{"56 ألف", 56000, "", ""}}},
		{"indic and plural scale", "١٠ آلاف منزل", []want{{"١٠ آلاف", 10000, "", ""}}},
		{"decimal scale", "2.5 مليار دولار", []want{{"2.5 مليار دولار", 2.5e9, "USD", ""}}},
		{"teen", "اعتقل أحد عشر شخصاً", []want{{"أحد عشر", 11, "", ""}}},
		{"feminine teen", "اثنتا عشرة امرأة", []want{{"اثنتا عشرة", 12, "", ""}}},
		{"genitive teen", "اعتقل اثني عشر مشتبهاً", []want{{"اثني عشر", 12, "", ""}}},
		{"tens", "عشرين عنصراً", []want{{"عشرين", 20, "", ""}}},
		{"hundreds", "مئتين وخمسين منزلاً", []want{{"مئتين وخمسين", 250, "", ""}}},
		{"joined hundreds", "ثلاثمائة جندي", []want{{"ثلاثمائة", 300, "", ""}}},
		{"split hundreds", "ثلاث مئة حافلة", []want{{"ثلاث مئة", 300, "", ""}}},
		{"thousands and hundreds", "ثلاثة آلاف وسبعمائة حالة", []want{{"ثلاثة آلاف وسبعمائة", 3700, "", ""}}},
		{"billion and millions", "ملياراً ومئتي مليون دولار", []want{{"ملياراً ومئتي مليون دولار", 1.2e9, "USD", ""}}},
		{"units before tens", "اثنين وخمسين ألف نسمة", []want{{"اثنين وخمسين ألف", 52000, "", ""}}},
		{"digits after scale", "مليون و200 ألف", []want{{"مليون و200 ألف", 1.2e6, "", ""}}},
		{"half a million", "نصف مليون طالب", []want{{"نصف مليون", 5e5, "", ""}}},
		{"quarter million", "ربع مليون شخص", []want{{"ربع مليون", 2.5e5, "", ""}}},
		{"and a half", "مليون ونصف المليون لاجئ", []want{{"مليون ونصف المليون", 1.5e6, "", ""}}},
		{"dual scale", "نشر ألفي جندي", []want{{"ألفي", 2000, "", ""}}},
		{"hamzaless", "اربعة الاف طن", []want{{"اربعة الاف طن", 4000, "ton", ""}}},
		{"clitic", "تعهدت بثلاثة مليارات دولار", []want{{"ثلاثة مليارات دولار", 3e9, "USD", ""}}},
		{"clitic and", "وخمسة جرحى", []want{{"خمسة", 5, "", ""}}},
		{"tatweel preposition", "يتسع لـ 500 شخص", []want{{"500", 500, "", ""}}},
		{"diacritics", "ثَلَاثَةُ آلافٍ", []want{{"ثَلَاثَةُ آلافٍ", 3000, "", ""}}},
		{"km", "يبعد 15 كم", []want{{"15 كم", 15, "km", ""}}},
		{"km words", "300 كيلو متر", []want{{"300 كيلو متر", 300, "km", ""}}},
		{"km2 digit", "مساحتها 18,032 كم2", []want{{"18,032 كم2", 18032, "km2", ""}}},
		{"km2 sign", "على 1200 كم² من", []want{{"1200 كم²", 1200, "km2", ""}}},
		{"km square word", "80 ألف كيلومتر مربع", []want{{"80 ألف كيلومتر مربع", 80000, "km2", ""}}},
		{"syrian pound", "1300 ليرة سورية", []want{{"1300 ليرة سورية", 1300, "SYP", ""}}},
		{"iraqi dinar accusative", "1450 ديناراً عراقياً", []want{{"1450 ديناراً عراقياً", 1450, "IQD", ""}}},
		{"turkish lira", "3000 ليرة تركية", []want{{"3000 ليرة تركية", 3000, "TRY", ""}}},
		{"riyal", "12 مليون ريال", []want{{"12 مليون ريال", 12e6, "SAR", ""}}},
		{"us dollar", "10 ملايين دولار أمريكي", []want{{"10 ملايين دولار أمريكي", 1e7, "USD", ""}}},
		{"about", "بنحو 5 كم", []want{{"نحو 5 كم", 5, "km", "about"}}},
		{"over", "أكثر من 350 ألف قتيل", []want{{"أكثر من 350 ألف", 350000, "", "over"}}},
		{"over with verb", "ما يزيد على عشرة آلاف", []want{{"ما يزيد على عشرة آلاف", 10000, "", "over"}}},
		{"under", "أقل من 200 متر مكعب", []want{{"أقل من 200 متر مكعب", 200, "m3", "under"}}},
		{"at least", "ما لا يقل عن 25 شخصاً", []want{{"ما لا يقل عن 25", 25, "", "atleast"}}},
		{"postfix about", "911 كم تقريباً", []want{{"911 كم تقريباً", 911, "km", "about"}}},
		{"bracketed", "أكثر من (12) مليون", []want{{"أكثر من (12) مليون", 12e6, "", "over"}}},
		{"bracketed unit", "بقيمة (500) ريال", []want{{"(500) ريال", 500, "SAR", ""}}},
		{"range with scale", "بين 3 و5 آلاف", []want{{"3", 3000, "", ""}, {"5 آلاف", 5000, "", ""}}},
		{"range with unit", "من 20 إلى 30 بالمئة", []want{{"20", 20, "percent", ""}, {"30 بالمئة", 30, "percent", ""}}},
		{"glued range", "بين 16و18 ألف ريال", []want{{"16", 16000, "SAR", ""}, {"18 ألف ريال", 18000, "SAR", ""}}},
		{"words range", "ثلاثة أو أربعة", []want{{"ثلاثة", 3, "", ""}, {"أربعة", 4, "", ""}}},
		{"no range down", "قتل 12 و3 آلاف نزحوا", []want{{"12", 12, "", ""}, {"3 آلاف", 3000, "", ""}}},
		{"year with adjective", "في السنة الهجرية 1395 بمحافظة", nil},
		{"count after year phrase", "خلال العام الماضي 3 آلاف شخص", []want{{"3 آلاف", 3000, "", ""}}},
		{"idiom", "تهانينا وألف مبروك", nil},
		{"direction mark", "النفط الإيراني 76.\u200f2 مليون طن", []want{{"76.\u200f2 مليون طن", 76.2e6, "ton", ""}}},
		{"bracket after qualifier", "مصادرة أكثر من (30) كرتون", []want{{"أكثر من (30)", 30, "", "over"}}},
		{"label with lam", "مقراً للفرقة 30 في", nil},
		{"form number", "نموذج التوظيف 101/أ", nil},
		{"two years", "بين عامي 2011 و2012", nil},
		{"ordinal date", "في التاسع من تشرين الأول", nil},
		{"day and year", "في 9 تشرين الأول 2019", nil},
		{"year word", "عام 2019", nil},
		{"year in words", "عام ألفين وأربعة عشر", nil},
		{"bare year", "كأس العالم 2022", nil},
		{"hijri year", "في 1436هـ", nil},
		{"numeric date", "بتاريخ 15/3/2022", nil},
		{"spaced date", "بتاريخ 2 / 6 / 1436هـ", nil},
		{"time", "الساعة 10:30", nil},
		{"phone", "على الرقم 0112345678", nil},
		{"resolution", "القرار 2254", nil},
		{"indefinite one", "أحد المقاتلين", nil},
		{"one of", "واحد من السكان", nil},
		{"ordinal teen", "الخامسة عشرة", nil},
		{"definite number", "الدول الثلاث", nil},
		{"vague plural", "آلاف المدنيين وعشرات الجرحى", nil},
		{"code", "الطريق M4 وطائرات F-16", nil},
		{"score", "بنتيجة 3-1", nil},
		{"not six", "لست أدري", nil},
		{"list marker", "4-حادث", nil},
		{"name and number", "جنيف1 ينص", nil},
		{"range to a month", "من 10 إلى 16 من شهر تموز", nil},
		{"dual genitive", "مقتل شخصين", []want{{"شخصين", 2, "", ""}}},
		{"dual nominative", "قتل جنديان", []want{{"جنديان", 2, "", ""}}},
		{"dual feminine", "إصابة طفلين وامرأتين بعد ساعتين", []want{{"طفلين", 2, "", ""}, {"امرأتين", 2, "", ""}, {"ساعتين", 2, "", ""}}},
		{"dual with conjunction", "اعتقال عنصرين وطفلين", []want{{"عنصرين", 2, "", ""}, {"طفلين", 2, "", ""}}},
		{"dual with preposition", "خلال يومين وبعد لساعتين", []want{{"يومين", 2, "", ""}, {"ساعتين", 2, "", ""}}},
		{"dual unit", "مسافة كيلومترين", []want{{"كيلومترين", 2, "km", ""}}},
		{"dual area", "مترين مربعين", []want{{"مترين مربعين", 2, "m2", ""}}},
		{"dual currency", "لا يتجاوز دولارين", []want{{"لا يتجاوز دولارين", 2, "USD", "atmost"}}},
		{"dual and a half", "ساعتين ونصف", []want{{"ساعتين ونصف", 2.5, "", ""}}},
		{"dual and half the noun", "بالسجن عامين ونصف العام", []want{{"عامين ونصف العام", 2.5, "", ""}}},
		{"dual qualified", "منذ نحو عامين", []want{{"نحو عامين", 2, "", "about"}}},
		{"dual postfix", "منذ شهرين تقريباً", []want{{"شهرين تقريباً", 2, "", "about"}}},
		{"dual adjective", "قتل شخصان مسلحان", []want{{"شخصان", 2, "", ""}}},
		{"dual and two", "قتل طفلين اثنين", []want{{"اثنين", 2, "", ""}}},
		{"definite dual", "نقل الجريحين إلى المستشفى", nil},
		{"sound plurals", "مقتل مدنيين ومسلحين ومعتقلين ومقاتلين", nil},
		{"sound plural dual", "قتل مدنيان", []want{{"مدنيان", 2, "", ""}}},
		{"broken plural", "بلدان عدة", nil},
		{"names ending like duals", "حسنين والبحرين والحسين والنهرين والرافدين والعراقيين", nil},
		{"movement", "حركة طالبان", nil},
		{"kunya", "اللواء أبو قرنين", nil},
		{"nominative after preposition", "قالت بولدان", nil},
		{"two thousand", "دفع ألفين", []want{{"ألفين", 2000, "", ""}}},
		{"two hundred", "مائتين", []want{{"مائتين", 200, "", ""}}},
		{"construct dual scale", "حجمه مليارا دولار", []want{{"مليارا دولار", 2e9, "USD", ""}}},
		{"construct dual thousand", "نشر ألفا جندي", []want{{"ألفا", 2000, "", ""}}},
		{"accusative thousand", "بلغ ألفاً", []want{{"ألفاً", 1000, "", ""}}},
		{"thousand after a count", "قتلت 584 ألفا عام 2013", []want{{"584 ألفا", 584000, "", ""}}},
		{"year-like count", "أرسلت 2000 مقاتل", []want{{"2000", 2000, "", ""}}},
		{"hijri-like count", "تضم 1438 خيمة", []want{{"1438", 1438, "", ""}}},
		{"year-like accusative", "يعمل 1950 موظفاً", []want{{"1950", 1950, "", ""}}},
		{"year before time noun", "كان 2019 عاماً صعباً", nil},
		{"year after في before noun", "شهدت في 1998 هجوماً", nil},
		{"year word before noun", "عام 2000 مقاتل", nil},
		{"year and era", "عام 2000 م", nil},
		{"year slash date", "في 2019/10/9", nil},
	} {
		got := ext.Extract(tc.in)
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %d quantities %+v; want %d", tc.name, len(got), got, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			g := got[i]
			if g.Text != w.text || !sameValue(g.Value, w.value) || g.Unit != w.unit || g.Approx != w.approx {
				t.Errorf("%s: got %q %v %q %q; want %q %v %q %q", tc.name, g.Text, g.Value, g.Unit, g.Approx,
					w.text, w.value, w.unit, w.approx)
			}
			if tc.in[g.Start:g.End] != g.Text {
				t.Errorf("%s: span [%d,%d) is %q, text %q", tc.name, g.Start, g.End, tc.in[g.Start:g.End], g.Text)
			}
		}
	}
}

func TestAnnotate(t *testing.T) {
	doc := &marsad.Document{Text: "عنوان\n\nنزح نحو 6.8 مليون سوري."}
	if err := ext.Annotate(doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Quantities) != 1 || doc.Quantities[0].Text != "نحو 6.8 مليون" {
		t.Fatalf("got %+v; want one quantity نحو 6.8 مليون", doc.Quantities)
	}
}

func TestExtractAllocs(t *testing.T) {
	text := strings.Repeat("قتل أكثر من 350 ألف شخص وأصيب ثلاثة آلاف وسبعمائة في 9 تشرين الأول 2019. ", 20)
	buf := ext.AppendExtract(nil, text)
	allocs := testing.AllocsPerRun(50, func() { buf = ext.AppendExtract(buf[:0], text) })
	if allocs > 0 {
		t.Errorf("got %v allocations per run; want 0 with a reused buffer", allocs)
	}
}

// FuzzExtract checks that any input gives spans inside the text that match it, in order, without panics.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"قتل أكثر من 350 ألف شخص", "ملياراً ومئتي مليون دولار", "١٢٬٤٥٠٫٥ ٪", "4ر35", "(12) مليون", "“9” كيلو غرام",
		"مليون ونصف المليون", "1,2,3.4.5/6-7:8", "بـ500", "اثنتا عشرة", "1436هـ", "$5", "%5", "9999999999999999999999",
		"\xff\xfe٣", "ونصف", "و", "و 5", "عام ألفين", "شخصين", "وساعتين ونصف", "مترين مربعين", "طفلين اثنين",
		"2000 مقاتل", "أبو قرنين",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, q := range ext.Extract(s) {
			if q.Start < last || q.End <= q.Start || q.End > len(s) || s[q.Start:q.End] != q.Text {
				t.Fatalf("bad span %+v in %q", q, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(q.Text) {
				t.Fatalf("span %q splits a character", q.Text)
			}
			last = q.End
		}
	})
}

// TestDuals checks the dual forms built from data/nouns.txt: a dual spelled like a plural of its noun, or listed
// as something else, is left out.
// TestCounted checks the class of what each count counts, which tells casualties from days and weapons.
func TestCounted(t *testing.T) {
	text := "قتل 5 أشخاص وأصيب شخصان خلال يومين في 3 منازل ونزحت 300 عائلة بعد خمسة أيام على مسافة 4 كيلومترات وسط 20 من المدنيين"
	want := []string{"person", "person", "time", "thing", "thing", "time", "", ""}
	qs := ext.AppendExtract(nil, text)
	if len(qs) != len(want) {
		t.Fatalf("got %d quantities; want %d: %+v", len(qs), len(want), qs)
	}
	for i, q := range qs {
		if q.Counted != want[i] {
			t.Errorf("%s: got counted %q; want %q", q.Text, q.Counted, want[i])
		}
	}
}

func TestDuals(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"شخصين", true}, {"شخصان", true}, {"ساعتين", true}, {"سنتان", true}, {"جنديين", true}, {"مستشفيين", true},
		{"امراتين", true}, {"مدنيان", true}, {"مدنيين", false}, {"مسلحين", false}, {"معتقلين", false},
		{"مقاتلين", false}, {"عاملين", false}, {"بلدان", false}, {"بلدين", true}, {"طالبان", false}, {"اثنين", false},
	} {
		if _, got := ext.duals[tc.word]; got != tc.want {
			t.Errorf("%s: got dual %v; want %v", tc.word, got, tc.want)
		}
	}
}
