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
		{"a figure after a verb spelled like a preposition", "وتتراوح أعمارهم بين 17 و23 عاما، ورغبتهم في أن يكونوا أتباعا له.", nil},
		{"what follows the verb's particle is said, not the speaker", "وقال الوزير إن العدد كبير. وشدد على ضرورة أن يكون التوزيع عادلا.",
			[]want{{"العدد كبير", "الوزير", false}, {"يكون التوزيع عادلا", "الوزير", false}}},
		{"a contrast before the subject", "لكن مسؤولا ليبيا رفيعا قال إن السبب مالي.", []want{{"السبب مالي", "مسؤولا ليبيا رفيعا", false}}},
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
		{"the verb's particle ends its subject", "وقال الجيش في بيان إن الغارة أصابت هدفها. وحذّر البيان من أن الخروقات تتكرر.",
			[]want{{"الغارة أصابت هدفها", "الجيش", false}, {"الخروقات تتكرر", "الجيش", false}}},
		{"long aside", "وقال أحد وجهاء المدينة، طلب عدم نشر اسمه لأسباب أمنية، لـعنب بلدي: «حاولنا التوسط منذ الصباح للإفراج عنهم».",
			[]want{{"حاولنا التوسط منذ الصباح للإفراج عنهم", "أحد وجهاء المدينة", true}}},
		{"relayed without قوله", "ونقلت واع عن مصدر أمني أن المتهم اعترف.", []want{{"المتهم اعترف", "مصدر أمني", false}}},
		{"passive", "وأُفيد بأن المتهم نُقل إلى بغداد.", []want{{"المتهم نُقل إلى بغداد", "", false}}},
		{"narration", "ويُذكر أن المدينة تشهد توترات متكررة.", nil},
		{"connective", "أعلن الجيش سيطرته على المدينة، إلا أن الاشتباكات استمرت.", nil},
		{"clause break, subject before an object", "وقال ناشطون إن المساجد دعت الأهالي إلى التزام منازلهم، في حين نشرت حسابات مقربة من " +
			"الحكومة مقطعاً مصوراً قالت إنه يظهر المسلحين.",
			[]want{{"المساجد دعت الأهالي إلى التزام منازلهم", "ناشطون", false}, {"يظهر المسلحين", "حسابات مقربة من الحكومة", false}}},
		{"subject before a statement", "أصدرت فصائل محلية في السويداء بياناً مشتركاً قالت فيه إن أي اعتداء سيقابل برد حازم.",
			[]want{{"أي اعتداء سيقابل برد حازم", "فصائل محلية", false}}},
		{"quoted word after أن", "ورأى القيادي أن \"المقاومة\" حق مشروع للشعب.", []want{{"المقاومة\" حق مشروع للشعب", "القيادي", false}}},
		{"quotation after أن, then a gloss", "وقال شامي إن «الهجوم فشل تماماً»، أي قبل وصول التعزيزات.",
			[]want{{"الهجوم فشل تماماً", "شامي", true}}},
		{"a cue inside speech", "وقال شامي إن الهجوم فشل. وأضاف أن قواتهم أبلغت التحالف بالهجوم، لافتاً إلى أن هذا الاستهداف الثالث.",
			[]want{{"الهجوم فشل", "شامي", false}, {"قواتهم أبلغت التحالف بالهجوم", "شامي", false}, {"هذا الاستهداف الثالث", "شامي", false}}},
		{"speaker after, then a participle", "“الدولة عازمة على ضبط حدودها بالكامل”، صرّح وزير الخارجية، مشيراً إلى أن بلاده فككت الشبكات.",
			[]want{{"الدولة عازمة على ضبط حدودها بالكامل", "وزير الخارجية", true}, {"بلاده فككت الشبكات", "وزير الخارجية", false}}},
		{"the medium of a clause that has its speaker", "وقال المتحدث باسم الوزارة إن المتهم اعترف بانتمائه، وفق ما نقلت وكالة الأنباء.",
			[]want{{"المتهم اعترف بانتمائه", "المتحدث باسم الوزارة", false}}},
		{"attribution relayed", "سيعقد الاجتماع المقبل في أنقرة، وفق ما نقلت وكالة بترا عن مصدر دبلوماسي.",
			[]want{{"سيعقد الاجتماع المقبل في أنقرة", "مصدر دبلوماسي", false}}},
		{"attribution refers back", "قال مصدر حكومي إن الحكومة تلقت رسائل. «لا نريد أن يتحول العراق إلى ساحة لتصفية الحسابات»، بحسب المصدر نفسه.",
			[]want{{"الحكومة تلقت رسائل", "مصدر حكومي", false}, {"لا نريد أن يتحول العراق إلى ساحة لتصفية الحسابات", "مصدر حكومي", true}}},
		{"حسبما", "قتل راعي أغنام بانفجار لغم أرضي، حسبما أفاد المرصد السوري.",
			[]want{{"قتل راعي أغنام بانفجار لغم أرضي", "المرصد السوري", false}}},
		{"حسبما with an object pronoun, a quoted phrase before it", "بدأ التنظيم استخدام “الدجاج الانتحاري”، حسبما أوردته صحيفة الديلي ميل.",
			[]want{{"بدأ التنظيم استخدام “الدجاج الانتحاري”", "صحيفة الديلي ميل", false}}},
		{"حسبما with a pronoun subject", "وهي المدرسة التي، حسبما يزعم، لا بد أن تلقى في مزبلة التاريخ.", nil},
		{"attribution inside the clause", "يقول الناطق علي الأحمدي - حسب وكالة الصحافة الفرنسية - إن المقاتلين نجحوا في السيطرة على الحي.",
			[]want{{"المقاتلين نجحوا في السيطرة على الحي", "الناطق علي الأحمدي", false}}},
		{"no subject in a relative clause", "وقال شامي إن العيد غداً. وكانت الفرحة سائدة في غالب الدول التي أعلنت أن اليوم هو العيد.",
			[]want{{"العيد غداً", "شامي", false}, {"اليوم هو العيد", "شامي", false}}},
		{"headline speaker", "وزير الطاقة: “تحسن ملموس في ساعات التغذية خلال الصيف”\n\nأكد الوزير أن الشبكة تتحسن.",
			[]want{{"تحسن ملموس في ساعات التغذية خلال الصيف", "وزير الطاقة", true}, {"الشبكة تتحسن", "وزير الطاقة", false}}},
		{"an actor after من جانبه", "وقال الوزير الأردني إن الحدود آمنة. من جانبه، أعرب وزير الخارجية التركي عن ارتياحه. وقال إن أنقرة مستعدة للدعم.",
			[]want{{"الحدود آمنة", "الوزير الأردني", false}, {"أنقرة مستعدة للدعم", "وزير الخارجية التركي", false}}},
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
		{"a title joined to its person", "وصرّح قائد الأمن الداخلي في محافظة درعا العميد فرهاد شامي بأن الحرب مستمرة.", "farhad-shami"},
		{"a title refers back", "أكد وزير الطاقة فرهاد شامي أن الشبكة تتحسن. وقال الوزير: «نحتاج إلى استثمارات كبيرة».", "farhad-shami"},
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

// TestSpeakerRules covers the checks that a speaker can speak, with the entities the ner stage would give.
func TestSpeakerRules(t *testing.T) {
	type want struct{ text, speaker string }
	per := func(s string) marsad.Entity { return marsad.Entity{Span: marsad.Span{Text: s}, Type: marsad.PER} }
	for _, tc := range []struct {
		name string
		text string
		ents []marsad.Entity
		want []want
	}{
		{"an attribution to no source", "وتستخدم البيانات وفقاً للأغراض البحثية فقط.", nil, nil},
		{"a time word after the relative's verb", "مدد النادي عقد لاعبه حتى 2018، بحسب ما ذكر يوم الجمعة على موقعه.", nil,
			[]want{{"مدد النادي عقد لاعبه حتى 2018", ""}}},
		{"an ordinal is no speaker", "وأكد الأول أن الاتفاق صامد.", nil, []want{{"الاتفاق صامد", ""}}},
		{"the addressee before the subject", "وقال لـ\"الاقتصادية\" مختصون في القطاع إن الأسعار ارتفعت.", nil,
			[]want{{"الأسعار ارتفعت", "مختصون"}}},
		{"a pronoun addressee", "وأكد لي المدير أنه عائد غدا.", nil, []want{{"عائد غدا", "المدير"}}},
		{"a short quoted name as subject", "وأضاف \"العلي\" أن الحملة مستمرة.", nil, []want{{"الحملة مستمرة", "\"العلي\""}}},
		{"a demonstrative object, then the speaker for a later pro-drop", "ذكر ذلك الدكتور سالم العلي المدير الطبي. وقال إن المريض تعافى.",
			[]marsad.Entity{per("سالم العلي")}, []want{{"المريض تعافى", "الدكتور سالم العلي"}}},
		{"a cue verb with no speech names the speaker of the next", "حذرت مقررة الأمم المتحدة سارة الخطيب من أزمة غذائية. وقالت إن الوضع خطير.",
			[]marsad.Entity{per("سارة الخطيب")}, []want{{"الوضع خطير", "مقررة الأمم المتحدة سارة الخطيب"}}},
		{"a participle after a sentence-opening verb", "ورصد التقرير ارتفاع الأسعار خلال العام، مبيناً أن الطلب زاد.", nil,
			[]want{{"الطلب زاد", "التقرير"}}},
		{"بين as a preposition", "ووقعت اشتباكات بينها وبين المدافعين عن المقر، وقال المرصد: «إن القتلى 25 عنصراً من الطرفين».", nil,
			[]want{{"إن القتلى 25 عنصراً من الطرفين", "المرصد"}}},
		{"بل إن is the writer's", "وهذا الكلام لا يعتد به، بل إن الشهادة تروى.", nil, nil},
		{"أن after يريد", "لكن الطرف الآخر يعترف بها صوريا ويريد أن يتملص منها.", nil, nil},
		{"it is expected", "ويتوقع أن ينتهي المشروع العام المقبل.", nil, nil},
		{"a phrase cut before a particle", "وقال الحربي هناك إن الطلاب عادوا.", []marsad.Entity{per("الحربي")}, []want{{"الطلاب عادوا", "الحربي"}}},
	} {
		got := annotate(t, tc.text, tc.ents...)
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %d quotes %+v; want %d", tc.name, len(got), got, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			sp := ""
			if got[i].Speaker != nil {
				sp = got[i].Speaker.Text
			}
			if got[i].Text != w.text || sp != w.speaker {
				t.Errorf("%s: quote %d: got %q by %q; want %q by %q", tc.name, i, got[i].Text, sp, w.text, w.speaker)
			}
		}
	}
}
