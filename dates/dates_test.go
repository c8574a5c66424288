package dates

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

var pub = time.Date(2019, 3, 23, 9, 0, 0, 0, time.UTC) // a Saturday

func TestExtract(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		pub        time.Time
		want       string // "span=value" or "span=value r", joined by "; "
	}{
		{"paired months", "في 9 تشرين الأول/أكتوبر 2019 بدأت العملية", pub, "9 تشرين الأول/أكتوبر 2019=2019-10-09"},
		{"parenthesised pair", "منذ تشرين الأول (أكتوبر) الماضي", pub, "تشرين الأول (أكتوبر) الماضي=2018-10 r"},
		{"ordinal day", "في الثالث والعشرين من مارس عام 2019", pub, "الثالث والعشرين من مارس عام 2019=2019-03-23"},
		{"feminine ordinal", "في الحادية عشرة من نيسان 2018", pub, "الحادية عشرة من نيسان 2018=2018-04-11"},
		{"year in words", "في عام ألفين وأربعة عشر", pub, "عام ألفين وأربعة عشر=2014"},
		{"year in words after في", "في ألفين وتسعة عشر", pub, "ألفين وتسعة عشر=2019"},
		{"month and year", "في آذار 2019", pub, "آذار 2019=2019-03"},
		{"numeric d/m/y", "بتاريخ 15/3/2022", pub, "15/3/2022=2022-03-15"},
		{"Arabic-Indic y/m/d", "في ٢٠١٩/٠٣/٢٣", pub, "٢٠١٩/٠٣/٢٣=2019-03-23"},
		{"ISO", "صدر في 2022-03-15.", pub, "2022-03-15=2022-03-15"},
		{"today with weekday", "قال اليوم السبت إن", pub, "اليوم السبت=2019-03-23 r"},
		{"yesterday with clitic", "وأمس قصفت الطائرات", pub, "أمس=2019-03-22 r"},
		{"bi-al-ams", "خرجت بالأمس مظاهرة", pub, "الأمس=2019-03-22 r"},
		{"day before yesterday", "أول أمس وأمس الأول", pub, "أول أمس=2019-03-21 r; أمس الأول=2019-03-21 r"},
		{"tomorrow", "تبدأ غداً", pub, "غداً=2019-03-24 r"},
		{"day after tomorrow with weekday", "بعد غد الاثنين", pub, "بعد غد الاثنين=2019-03-25 r"},
		{"Wednesday after next", "الأربعاء بعد المقبل", pub, "الأربعاء بعد المقبل=2019-04-03 r"},
		{"Thursday before last", "الخميس قبل الماضي", pub, "الخميس قبل الماضي=2019-03-14 r"},
		{"month without article", "في 5 كانون ثاني 2014", pub, "5 كانون ثاني 2014=2014-01-05"},
		{"quoted newspaper name", "قال في تصريح لـ«اليوم» إن", pub, ""},
		{"article before day", "حتى الـ5 من آب (أغسطس) عام 2016", pub, "الـ5 من آب (أغسطس) عام 2016=2016-08-05"},
		{"slashed textual date", "بتاريخ 7 / يوليو /2015 م", pub, "7 / يوليو /2015 م=2015-07-07"},
		{"per day", "ينتج 9.5 مليون برميل في اليوم", pub, ""},
		{"ordinal after إلى", "إلى السادس من شهر ذي القعدة 1436هـ", pub, "السادس من شهر ذي القعدة 1436هـ=2015-08-21"},
		{"tomorrow with weekday", "تبدأ غداً الأحد", pub, "غداً الأحد=2019-03-24 r"},
		{"last Thursday", "يوم الخميس الماضي", pub, "يوم الخميس الماضي=2019-03-21 r"},
		{"weekday on publication day", "يوم السبت", pub, "يوم السبت=2019-03-23 r"},
		{"next weekday", "الخميس المقبل", pub, "الخميس المقبل=2019-03-28 r"},
		{"future cue", "ومن المقرر أن تعقد الجلسة يوم الأحد", pub, "يوم الأحد=2019-03-24 r"},
		{"days ago", "قبل ثلاثة أيام", pub, "قبل ثلاثة أيام=2019-03-20 r"},
		{"weeks ago", "قبل أسبوعين", pub, "قبل أسبوعين=2019-03-09 r"},
		{"years ago", "قبل سنتين", pub, "قبل سنتين=2017 r"},
		{"ago from an event", "قبل ثلاثة أيام من الانتخابات", pub, ""},
		{"last week", "الأسبوع الماضي", pub, "الأسبوع الماضي=2019-W11 r"},
		{"last month", "الشهر الماضي", pub, "الشهر الماضي=2019-02 r"},
		{"month past", "في أيار الماضي", pub, "أيار الماضي=2018-05 r"},
		{"day of this month, next", "في 28 آذار المقبل", pub, "28 آذار المقبل=2019-03-28 r"},
		{"month current", "حزيران الجاري", pub, "حزيران الجاري=2019-06 r"},
		{"anniversary", "في مثل هذا اليوم قبل سنتين", pub, "مثل هذا اليوم قبل سنتين=2017-03-23 r"},
		{"day and month only", "في 15 آذار", pub, "15 آذار=2019-03-15 r"},
		{"day and month a year back", "في 15 حزيران", pub, "15 حزيران=2018-06-15 r"},
		{"schedule within lookahead", "تستأنف المحاكمة في 2 نيسان", pub, "2 نيسان=2019-04-02 r"},
		{"weekday picks the year", "يوم الخميس 30 تموز", time.Date(2015, 7, 23, 0, 0, 0, 0, time.UTC),
			"يوم الخميس 30 تموز=2015-07-30 r"},
		{"unmarked Hijri year", "منذ العام 1433", pub, "العام 1433=2012"},
		{"in dire need", "هم في أمس الحاجة للعلاج", pub, ""},
		{"year after keyword", "منذ عام 2011", pub, "عام 2011=2011"},
		{"year pair", "بين عامي 2011 و2015", pub, "عامي 2011=2011; 2015=2015"},
		{"Hijri year", "ولد عام 1380هـ", pub, "عام 1380هـ=1960"},
		{"Hijri day", "في 26 / 9 / 1436هـ", pub, "26 / 9 / 1436هـ=2015-07-13"},
		{"Hijri agreeing", "25 شوال 1436 هـ الموافق 10 أغسطس 2015 م", pub,
			"25 شوال 1436 هـ=2015-08-10; 10 أغسطس 2015 م=2015-08-10"},
		{"unknown publication", "قصفت الطائرات أمس المدينة في 5 آب 2012", time.Time{}, "أمس= r; 5 آب 2012=2012-08-05"},
		{"ordinal not a date", "احتل المركز الأول في النصف الثاني من الموسم", pub, ""},
		{"day noun", "في اليوم الأول من المعركة وفي ذلك اليوم واليوم العالمي للمياه", pub, ""},
		{"verb مارس", "ومارس النظام ضغوطاً", pub, ""},
		{"Friday prayer", "بعد صلاة الجمعة", pub, ""},
		{"eleven", "قتل أحد عشر مدنياً", pub, ""},
		{"metres", "فاز بسباق 400م", pub, ""},
		{"bare number", "القرار 2254 نص على", pub, ""},
	} {
		var got []string
		for _, d := range Extract(tc.text, tc.pub) {
			s := d.Text + "=" + d.Value
			if d.Relative {
				s += " r"
			}
			if d.Unresolved != (d.Relative && tc.pub.IsZero()) {
				t.Errorf("%s: %q unresolved=%v", tc.name, d.Text, d.Unresolved)
			}
			got = append(got, s)
		}
		if g := strings.Join(got, "; "); g != tc.want {
			t.Errorf("%s: got %q; want %q", tc.name, g, tc.want)
		}
	}
}

func TestAnnotate(t *testing.T) {
	doc := &marsad.Document{Text: "عنوان\n\nأعلن الجيش أمس السيطرة على البلدة.", Published: pub}
	if err := New().Annotate(doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Dates) != 1 || doc.Dates[0].Value != "2019-03-22" || doc.Text[doc.Dates[0].Start:doc.Dates[0].End] != "أمس" {
		t.Errorf("got %+v; want أمس=2019-03-22", doc.Dates)
	}
}

func TestAllocs(t *testing.T) {
	e := New()
	text := benchText(t)
	dst := e.Append(nil, text, pub)
	allocs := testing.AllocsPerRun(20, func() { dst = e.Append(dst[:0], text, pub) })
	// One per formatted value; the folded text lives in the pooled scanner.
	if max := float64(len(dst) + 2); allocs > max {
		t.Errorf("got %.0f allocations for %d dates; want at most %.0f", allocs, len(dst), max)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"في 9 تشرين الأول/أكتوبر 2019", "اليوم السبت", "قبل ثلاثة أيام", "15/3/2022",
		"٢٠١٩/٠٣/٢٣", "عام ألفين وأربعة عشر", "26 / 9 / 1436هـ", "الأحد 17 شوال 1436هـ", "في 29 شباط",
		"مثل هذا اليوم من عام 2016", "للعام الماضي", "و2015-", "الـ22 من تموز (يوليو) الجاري"} {
		f.Add(s, int64(1553331600))
		f.Add(s, int64(0))
	}
	e := New()
	f.Fuzz(func(t *testing.T, text string, sec int64) {
		var p time.Time
		if sec != 0 {
			p = time.Unix(sec%(1<<35), 0).UTC()
		}
		got := e.Extract(text, p)
		// Annotate reads the document's words instead of finding them: the dates must be the same.
		words := arabic.AppendTokens(nil, text)
		if viaWords := e.appendWords(nil, text, p, words, arabic.FoldWords(text, words)); !reflect.DeepEqual(viaWords, got) {
			t.Fatalf("with the document's words: got %+v; want %+v", viaWords, got)
		}
		last := 0
		for _, d := range got {
			if d.Start < last || d.End <= d.Start || d.End > len(text) || text[d.Start:d.End] != d.Text {
				t.Fatalf("bad span %d-%d %q after %d", d.Start, d.End, d.Text, last)
			}
			last = d.End
			if d.Unresolved != (d.Value == "") || d.Unresolved && !d.Relative {
				t.Fatalf("%q: value %q relative=%v unresolved=%v", d.Text, d.Value, d.Relative, d.Unresolved)
			}
			if d.Value != "" && !validISO(d.Value) {
				t.Fatalf("%q: value %q is not ISO 8601", d.Text, d.Value)
			}
		}
	})
}

// validISO reports whether v is a year, a month, a day or an ISO week.
func validISO(v string) bool {
	for _, layout := range []string{"2006", "2006-01", time.DateOnly} {
		if _, err := time.Parse(layout, v); err == nil {
			return true
		}
	}
	var y, w int
	n, _ := fmt.Sscanf(v, "%4d-W%2d", &y, &w)
	return n == 2 && w >= 1 && w <= 53
}

func ExampleExtract() {
	published := time.Date(2019, 3, 23, 0, 0, 0, 0, time.UTC)
	text := "أعلنت قوات سوريا الديمقراطية اليوم السبت السيطرة على البلدة بعد معارك بدأت في 9 شباط الماضي، " +
		"أي بعد نحو خمس سنوات على سيطرة التنظيم عليها عام ألفين وأربعة عشر."
	for _, d := range Extract(text, published) {
		fmt.Printf("%s → %s (relative %v)\n", d.Text, d.Value, d.Relative)
	}
	// Output:
	// اليوم السبت → 2019-03-23 (relative true)
	// 9 شباط الماضي → 2019-02-09 (relative true)
	// عام ألفين وأربعة عشر → 2014 (relative false)
}
