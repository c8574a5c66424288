package conflicts

import (
	"fmt"
	"strings"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/evalset"
)

// doc builds a document from a title and body whose quantities are marked [text|value|unit|approx].
func doc(t testing.TB, title, body string) *marsad.Document {
	t.Helper()
	var b strings.Builder
	var qs []marsad.Quantity
	src := title + "\n\n" + body
	for {
		i := strings.IndexByte(src, '[')
		if i < 0 {
			b.WriteString(src)
			break
		}
		j := strings.IndexByte(src[i:], ']') + i
		b.WriteString(src[:i])
		f := strings.Split(src[i+1:j], "|")
		for len(f) < 4 {
			f = append(f, "")
		}
		var v float64
		fmt.Sscan(f[1], &v)
		start := b.Len()
		b.WriteString(f[0])
		qs = append(qs, marsad.Quantity{Span: marsad.Span{Start: start, End: b.Len(), Text: f[0]}, Value: v, Unit: f[2], Approx: f[3]})
		src = src[j+1:]
	}
	text := b.String()
	return &marsad.Document{Text: text, TitleEnd: strings.Index(text, "\n\n"), Quantities: qs}
}

func TestConflicts(t *testing.T) {
	for _, tc := range []struct {
		name, title, body string
		want              []string // kind and the texts of the spans
	}{
		{"count differs", "مقتل [15|15] مدنياً بقصف على إدلب", "قُتل [خمسة|5] مدنيين بقصف مدفعي.",
			[]string{"headline_body 15 خمسة"}},
		{"scale slip", "قسد حررت [52 كم2|52|km2] من الأراضي", "حررت القوات [اثنين وخمسين ألف كيلو متر مربع|52000|km2|over].",
			[]string{"headline_body 52 كم2 اثنين وخمسين ألف كيلو متر مربع"}},
		{"same value in words", "تحرير [5 ملايين|5000000||over] مدني", "حررت القوات [خمسة ملايين|5000000||over] مدني.", nil},
		{"different things counted", "عودة [600|600] عائلة", "عادت [600|600] عائلة، فيما تنتظر [300|300] عائلة العودة.", nil},
		{"different roles", "مقتل [3|3] عناصر", "قتل [ثلاثة|3] عناصر وأصيب [سبعة|7] عناصر آخرون.", nil},
		{"headline adds up the body", "مقتل [ثمانية|8] أشخاص", "قتل [خمسة|5] مدنيين و[ثلاثة|3] عناصر من الشرطة.", nil},
		{"update in the body", "ارتفاع حصيلة القتلى إلى [12|12]", "قتل [تسعة|9] عناصر. ثم ارتفعت حصيلة القتلى إلى [12|12].", nil},
		{"approximate", "نحو [50 ألف|50000||about] نازح", "يقيم [48500|48500] نازح في المخيمات.", nil},
		{"lower bound met", "إصابة [أكثر من 30|30||over] شخصاً", "أصيب [34|34] شخصاً بحالات اختناق.", nil},
		{"month against one day", "مقتل [40|40] مدنياً في إدلب خلال شهر", "قتل [ستة|6] مدنيين اليوم بقصف على مدينة أريحا.", nil},
		{"no role, no claim", "[600|600] عائلة في المخيم", "تقيم [300|300] عائلة في المخيم.", nil},
		{"a day set off by dashes", "مسلح يقتل [شخصين|2] داخل سينما",
			"قتل -الخميس- [شخصان|2] داخل سينما. وأدين شاب في قضية سابقة بقتل [12|12] شخصاً.", nil},
		{"open noun differs", "اعتقال [12|12] مهرباً على الحدود", "اعتقلت القوات [21|21] مهرباً قرب الحدود.",
			[]string{"headline_body 12 21"}},
		{"open nouns differ", "اعتقال [12|12] مهرباً على الحدود", "اعتقلت القوات [21|21] متسللاً قرب الحدود.", nil},
		{"same value, other role", "مقتل [10|10] أشخاص بحادث سير", "قتل [سبعة|7] أشخاص وأصيب [عشرة|10] آخرون بحادث.",
			[]string{"headline_body 10 سبعة"}},
		{"killed and injured together", "مقتل وإصابة [12|12] شخصاً بقصف",
			"قتل [أربعة|4] أشخاص وأصيب [ثمانية|8] آخرون بقصف على البلدة.", nil},
		{"lost full stop is no heading", "حصيلة القصف على ريف إدلب",
			"قتل [خمسة|5] مدنيين بقصف على البلدة.\n\nوقتل [ثلاثة|3] مدنيين في قرية مجاورة", nil},
		{"a dual the numbers layer missed adds up", "مقتل [ستة|6] عناصر بهجوم", "قتل [أربعة|4] جنود وضابطان بهجوم على نقطة.", nil},
		{"a number the numbers layer missed backs", "تضرر [أكثر من 1400|1400||over] خيمة",
			"تضررت [140|140] خيمة في أطمة وحدها، وتضررت 1438 خيمة في عموم المخيمات.", nil},
		{"a casualty noun gives the role", "حصيلة الانفجار", "بلغت الحصيلة [17|17] قتيلاً و[121|121] جريحاً بحسب المستشفى.", nil},
		{"a duration counts nobody", "مقتل [40|40] مسلحاً في [12|12] يوماً", "قتل الجيش [40|40] مسلحاً في عمليات متفرقة.", nil},
		{"a roundup title", "مصرع [9|9] أشخاص في حوادث سير", "لقي [خمسة|5] أشخاص مصرعهم بحادث على طريق حمص.", nil},
		{"a body that moves on", "مقتل [ستة|6] مدنيين بقصف على ريف إدلب",
			"قتل [أربعة|4] مدنيين بقصف على بلدة كنصفرة. من جهة أخرى، قتل مدنيان بقصف على قرية مجاورة.", nil},
		{"at least", "مقتل [4|4] أشخاص بهجوم على حاجز", "قتل [ثلاثة|3] أشخاص على الأقل بهجوم على حاجز.", nil},
		{"an encoded quotation mark", "مقتل [3|3] أشخاص بهجوم على &#[8220|8220]; سوق &#8221; شعبي", "قتل [ثلاثة|3] أشخاص بهجوم.", nil},
		{"a clause without its verb", "إصابة [17|17] شخصاً بحريق", "أصيب [15|15] شخصاً بالاختناق، و[اثنان|2] بحروق.", nil},
		{"a list of totals", "سجل الهجمات",
			"عام 2003 كانت الحصيلة مقتل [26|26] شخصاً. وعام 2004 كانت الحصيلة مقتل [5|5] أشخاص. وعام 2015 كانت الحصيلة مقتل [22|22] شخصاً.", nil},
		{"a cue in the present tense", "الجيش يسيطر على [25 كم2|25|km2] في ريف حماة", "سيطر الجيش على [250 كيلومتراً مربعاً|250|km2] في ريف حماة.",
			[]string{"headline_body 25 كم2 250 كيلومتراً مربعاً"}},
		{"an earlier event", "الفصيل يعدم [10|10] أشخاص في حلب", "وكان الفصيل قد أعدم [ستة|6] رجال في فبراير الماضي في المدينة نفسها.", nil},
		{"a dual the numbers layer missed", "مقتل [2|2] بإطلاق نار في سوق", "قتل شخصين بإطلاق نار، وقتل [12|12] شخصاً في هجوم مماثل عام 2012.", nil},
		{"a dual of a listed noun is read", "مقتل [ثلاثة|3] من عناصر الشرطة بهجوم", "قتل عنصران من الشرطة بهجوم على حاجز.",
			[]string{"headline_body ثلاثة عنصران"}},
		{"a plural in ين is no dual", "إصابة [ثلاثة|3] عناصر بهجوم", "أصيب [ثلاثة|3] عناصر، وقال إن المصابين نقلوا إلى المشفى.", nil},
		{"a body that moves on to other news", "مقتل [7|7] جنود بكمين في كركوك",
			"قتل [خمسة|5] جنود بكمين في وادي الشاي.\n\nوفي سياق متصل، قصفت طائرات التحالف مواقع للتنظيم.",
			[]string{"headline_body 7 خمسة"}},
		{"one more, far from the figures", "القبض على [ثلاثة|3] عناصر من خلية إرهابية",
			"ألقت قوات الأمن القبض على [عنصرين|2] من الخلية في ريف المدينة، بحسب بيان لوزارة الداخلية صدر صباح اليوم. " +
				"وقالت الوزارة إن العملية جاءت بعد متابعة استمرت أسابيع وشاركت فيها وحدات من الاستخبارات والشرطة، وإن التحقيقات " +
				"ما زالت جارية لكشف بقية أفراد الخلية ومصادر تمويلها وارتباطاتها بخلايا أخرى في المحافظات الشمالية والشرقية.\n\n" +
				"كما ألقت القبض على عنصر ثالث في منطقة أخرى.", nil},
		{"cases counted by a verbal noun", "تسجيل [35|35] إصابة بالكوليرا",
			"سجلت الصحة [53|53] إصابة جديدة خلال يوم، ليرتفع العدد الإجمالي للإصابات إلى [410|410].",
			[]string{"headline_body 35 53"}},
		{"a feminine dual", "تدمير [12|12] آلية عسكرية بقصف", "دمر القصف آليتين عسكريتين في ريف المدينة.",
			[]string{"headline_body 12 آليتين"}},
		{"body totals disagree", "حصيلة الزلزال",
			"بلغت حصيلة القتلى [23|23] شخصاً.\n\nوقالت الإدارة إن الحصيلة الإجمالية للقتلى بلغت [32|32] شخصاً.",
			[]string{"body_body 23 32"}},
	} {
		d := doc(t, tc.title, tc.body)
		if err := New().Annotate(d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range d.Conflicts {
			s := c.Kind
			for _, q := range c.Spans {
				s += " " + q.Text
			}
			got = append(got, s)
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: got %q; want %q", tc.name, got, tc.want)
		}
	}
}

func TestScaleNote(t *testing.T) {
	for _, tc := range []struct {
		x, y float64
		want bool
	}{{52, 52000, true}, {15, 150, true}, {15, 5, false}, {600, 6000, true}, {3, 4, false}} {
		if got := scaleNote(tc.x, tc.y) != ""; got != tc.want {
			t.Errorf("scaleNote(%v, %v): got %v; want %v", tc.x, tc.y, got, tc.want)
		}
	}
}

func TestCrossCheck(t *testing.T) {
	ev := func(typ, place, date string, killed float64) marsad.Event {
		return marsad.Event{Type: typ, Date: date, Place: &marsad.Ref{ID: place},
			Quantities: []marsad.EventQuantity{{Role: "killed", Value: killed}}}
	}
	reports := []Report{
		{"a", ev(marsad.ASSAULT, "idlib", "2024-03-01", 5)},
		{"b", ev(marsad.ASSAULT, "idlib", "2024-03-02", 7)},  // same event a day later, different toll
		{"c", ev(marsad.ASSAULT, "idlib", "2024-03-02", 5)},  // agrees with a
		{"d", ev(marsad.ASSAULT, "idlib", "2024-03-09", 12)}, // a week later: another strike
		{"e", ev(marsad.ASSAULT, "raqqa", "2024-03-01", 9)},  // another place
		{"f", ev(marsad.PROTEST, "idlib", "2024-03-01", 1)},  // another type
		{"g", ev(marsad.ASSAULT, "raqqa", "2024-03", 3)},     // month only: cannot be matched
		{"h", ev(marsad.ASSAULT, "raqqa", "2024-03-01", 9)},  // agrees with e
	}
	got := CrossCheck(reports, CasualtyRoles)
	if len(got) != 1 {
		t.Fatalf("got %d disagreements %+v; want 1", len(got), got)
	}
	d := got[0]
	if d.Place != "idlib" || d.Role != "killed" || d.From != "2024-03-01" || d.To != "2024-03-02" || len(d.Counts) != 3 {
		t.Errorf("got %+v; want idlib killed 2024-03-01..02 with counts from a, b, c", d)
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

func FuzzConflicts(f *testing.F) {
	f.Add("مقتل 15 مدنياً\n\nقتل 5 مدنيين.", 6, 8, 15.0)
	f.Add("x", 0, 1, 1.0)
	// A noun inside the span ("قتيلين") once sent the role search backwards; keep such layouts in the corpus.
	seed := "مقتل وإصابة 12 بهجوم\n\nقتل قتيلين و3 جرحى، واثنان بحروق (بينهم 5 أطفال) على الأقل &#8220;"
	i := strings.Index(seed, "قتيلين")
	f.Add(seed, i, i+len("قتيلين"), 2.0)
	f.Add(seed, strings.Index(seed, "12"), strings.Index(seed, "12")+2, 12.0)
	c := New()
	f.Fuzz(func(t *testing.T, text string, start, end int, v float64) {
		if start < 0 || end > len(text) || start > end {
			return
		}
		d := &marsad.Document{Text: text, TitleEnd: strings.Index(text, "\n\n") + 1, Quantities: []marsad.Quantity{
			{Span: marsad.SpanOf(text, start, end), Value: v}, {Span: marsad.SpanOf(text, end, len(text)), Value: v + 1},
		}}
		if err := c.Annotate(d); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkAnnotate(b *testing.B) {
	evalset.Bench(b, New(), "testdata/dev.txt", readArticles, func(a article) *marsad.Document { return a.doc })
}

func ExampleChecker_Annotate() {
	text := "قسد حررت 52 كم2 من الأراضي السورية\n\nحررت القوات أكثر من اثنين وخمسين ألف كيلو متر مربع من التراب السوري."
	title := "52 كم2"
	body := "اثنين وخمسين ألف كيلو متر مربع"
	t0, b0 := strings.Index(text, title), strings.Index(text, body)
	doc := &marsad.Document{Text: text, TitleEnd: strings.Index(text, "\n\n"), Quantities: []marsad.Quantity{
		{Span: marsad.SpanOf(text, t0, t0+len(title)), Value: 52, Unit: "km2"},
		{Span: marsad.SpanOf(text, b0, b0+len(body)), Value: 52000, Unit: "km2", Approx: "over"},
	}}
	if err := New().Annotate(doc); err != nil {
		panic(err)
	}
	for _, c := range doc.Conflicts {
		fmt.Println(c.Kind + ": " + c.Message)
	}
	// Output:
	// headline_body: العنوان يذكر «52 كم2» بينما يذكر النص «اثنين وخمسين ألف كيلو متر مربع»؛ فرق بمضاعف 1000 (خطأ محتمل في المرتبة أو الوحدة)
}
