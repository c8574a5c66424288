package events

import (
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/evalset"
)

func newAnnotator(t testing.TB) *Annotator {
	t.Helper()
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func doc(text string) *marsad.Document {
	return &marsad.Document{Text: text, Sentences: []marsad.Range{{Start: 0, End: len(text)}}}
}

func refText(r *marsad.Ref) string {
	if r == nil {
		return ""
	}
	return r.Text
}

// annotateCases are sentences with the event the rules find in them (see TestAnnotate).
var annotateCases = []struct {
	name, text                         string
	typ, mode, trigger, actor1, actor2 string
	place                              string
}{
	{"a participle's doer is the subject of its clause", "وندد وزير الخارجية بالهجوم، مطالبا مجلس الأمن بالتحرك.",
		"REQUEST", "", "مطالبا", "وزير الخارجية", "مجلس الأمن", ""},
	{"a participle after a quotation", "وقال الرئيس: «إنها ليست الجريمة الأولى»، داعيا المجتمع الدولي إلى التحرك.",
		"REQUEST", "", "داعيا", "الرئيس", "المجتمع الدولي", ""},
	{"VSO verb with nationality", "قصفت الطائرات التركية قرية تل رفعت في ريف حلب الشمالي.",
		"ASSAULT", "aerial", "قصفت", "الطائرات التركية", "", "قرية تل رفعت"},
	{"a named place shelled is where, no actor", "قصف الجيش قرية عون الدادات شمالي منبج.",
		"ASSAULT", "", "قصف", "الجيش", "", "قرية عون الدادات"},
	{"villages shelled are the target", "قصف الجيش قرى آشورية في ريف تل تمر.",
		"ASSAULT", "", "قصف", "الجيش", "قرى آشورية", "ريف تل تمر"},
	{"a base of a force is no named place", "استهدفت الميليشيات بصواريخ قاعدة للتحالف في حقل العمر.",
		"ASSAULT", "aerial", "استهدفت", "الميليشيات", "قاعدة", "حقل العمر"},
	{"a phone call has no place", "تلقى الوزير اتصالا هاتفيا من نظيره الإيراني بحثا خلاله الأوضاع في سوريا.",
		"CONSULT", "", "تلقى", "نظيره الإيراني", "الوزير", ""},
	{"property demolished is the target", "هدمت البلدية أكثر من ثلاثين منزلاً عشوائياً في حي الرشيدية.",
		"COERCE", "", "هدمت", "البلدية", "منزلاً عشوائياً", "حي الرشيدية"},
	{"bodies counted after a suspension", "علق البنك المركزي تعاملات أربعة عشر مصرفاً محلياً بالدولار.",
		"SANCTION", "", "علق", "البنك المركزي", "مصرفاً محلياً", ""},
	{"an aside between subject and object", "ناشد أهالي مخيم الركبان، الواقع على المثلث الحدودي، المنظمات الإنسانية إدخال مساعدات.",
		"REQUEST", "", "ناشد", "أهالي مخيم الركبان", "المنظمات الإنسانية", ""},
	{"a series of raids on named hills", "شنت الطائرات الروسية سلسلة غارات على تلال الكبينة في جبل الأكراد.",
		"ASSAULT", "aerial", "شنت", "الطائرات الروسية", "", "تلال الكبينة"},
	{"an airport's adjective", "أطلق مسلحون صواريخ على مطار أربيل الدولي ليل الثلاثاء.",
		"ASSAULT", "artillery", "أطلق", "مسلحون", "", "مطار أربيل الدولي"},
	{"a named base attacked stays the target", "استهدفت طائرة مسيرة قاعدة العند الجوية في محافظة لحج.",
		"ASSAULT", "aerial", "استهدفت", "طائرة مسيرة", "قاعدة العند الجوية", "محافظة لحج"},
	{"passive with على يد", "قُتل خمسة أشخاص على يد مسلحين مجهولين في بلدة الشحيل.",
		"ASSAULT", "", "قُتل", "مسلحين مجهولين", "أشخاص", "بلدة الشحيل"},
	{"victim noun headline", "مقتل 3 عناصر من قسد بقصف مسيرة تركية على ريف القامشلي",
		"ASSAULT", "aerial", "مقتل|بقصف", "مسيرة تركية", "عناصر", "ريف القامشلي"},
	{"SVO after أن", "وأوضحت المصادر أن «مسلحين مجهولين اغتالوا العميد جبار مساعد».",
		"ASSAULT", "assassination", "اغتالوا", "مسلحين مجهولين", "العميد جبار مساعد", ""},
	{"vowelled passive", "اعتُقل الناشط في مدينة حمص على يد عناصر الأمن.",
		"COERCE", "arrest", "اعتُقل", "عناصر الأمن", "الناشط", "مدينة حمص"},
	{"arrest", "اعتقلت قوات الأمن العراقية 12 شخصا في مدينة الموصل أمس.",
		"COERCE", "arrest", "اعتقلت", "قوات الأمن العراقية", "شخصا", "مدينة الموصل"},
	{"curfew", "فرضت السلطات المحلية حظر التجوال في مدينة السويداء.",
		"COERCE", "curfew", "فرضت", "السلطات المحلية", "", "مدينة السويداء"},
	{"protest with a grievance, no target", "وتظاهر المئات في مدينة السويداء احتجاجا على تردي الأوضاع المعيشية.",
		"PROTEST", "", "وتظاهر", "المئات", "", "مدينة السويداء"},
	{"protest against a party", "وتظاهر المئات في مدينة الرقة ضد قوات سوريا الديمقراطية.",
		"PROTEST", "", "وتظاهر", "المئات", "قوات سوريا الديمقراطية", "مدينة الرقة"},
	{"consult", "التقى وزير الخارجية السوري نظيره الإيراني في دمشق.",
		"CONSULT", "", "التقى", "وزير الخارجية السوري", "نظيره الإيراني", "دمشق"},
	{"release after its particle", "أفرجت قسد عن عشرات المعتقلين.",
		"RETREAT", "release", "أفرجت", "قسد", "المعتقلين", ""},
	{"place without its preposition", "قصفت الطائرات التركية مواقع بمدينة الباب.",
		"ASSAULT", "aerial", "قصفت", "الطائرات التركية", "مواقع", "مدينة الباب"},
	{"victims of a place and the place", "قصفت قوات النظام قرى ناحية شيراوا.",
		"ASSAULT", "", "قصفت", "قوات النظام", "قرى", "ناحية شيراوا"},
	// Of two mentions of one event the trigger kept is the one the fitted report model trusts more.
	{"attack as the subject", "دمرت غارة إسرائيلية مستودعا للذخيرة.",
		"ASSAULT", "aerial", "دمرت|غارة", "غارة إسرائيلية", "مستودعا", ""},
	{"doer of a light verb", "فرضت قوات النظام حصارا على المدينة.",
		"COERCE", "seize", "حصارا", "قوات النظام", "", "المدينة"},
	{"a subject opening the sentence after و", "والجيش هددهم بالقتل.",
		"THREATEN", "", "هددهم", "الجيش", "", ""},
	{"ceasefire is not a shooting", "أعلنت الأطراف وقف إطلاق النار في درعا.",
		"AGREE", "ceasefire", "وقف إطلاق النار", "الأطراف", "", "درعا"},
	{"mobilize", "أرسل الجيش التركي تعزيزات عسكرية إلى ريف إدلب.",
		"MOBILIZE", "", "أرسل", "الجيش التركي", "", "ريف إدلب"},
	{"sanction", "فرضت الولايات المتحدة عقوبات على شخصيات سورية.",
		"SANCTION", "", "فرضت", "الولايات المتحدة", "شخصيات سورية", ""},
	{"protesters named by the trigger's word", "وتجمع نحو 500 متظاهر أمام مبنى المحافظة.",
		"PROTEST", "", "وتجمع", "متظاهر", "", "مبنى المحافظة"},
	{"subject before a relative pronoun", "فرقت الشرطة الطلاب الذين تظاهروا في ساحة الجامعة.",
		"PROTEST", "", "تظاهروا", "الطلاب", "", "ساحة الجامعة"},
	{"a name takes no genitive", "رفضت قسد الشروط التركية.",
		"REJECT", "", "رفضت", "قسد", "الشروط التركية", ""},
	{"pronoun particle subject", "وأعلن الجيش أنه قتل عشرة مسلحين في ريف درعا.",
		"ASSAULT", "", "قتل", "الجيش", "مسلحين", "ريف درعا"},
	{"doer after ل", "مقتل خمسة مدنيين بغارة لطيران التحالف على قرية الباغوز.",
		"ASSAULT", "aerial", "مقتل|بغارة", "طيران التحالف", "مدنيين", "قرية الباغوز"},
	{"a particle with a pronoun is no phrase", "والتقى الثلاثة لأنهم أصدقاء.",
		"CONSULT", "", "والتقى", "الثلاثة", "", ""},
	{"a time phrase between verb and subject", "وقتل أواخر الشهر الماضي مسلحون مجهولون صاحب الشركة في مدينة حلب.",
		"ASSAULT", "", "وقتل", "مسلحون مجهولون", "صاحب الشركة", "مدينة حلب"},
	{"passive with the doer's weapon", "قتل مدني برصاص قناص في حي الشيخ مقصود.",
		"ASSAULT", "small_arms", "قتل", "قناص", "مدني", "حي الشيخ مقصود"},
	{"a clause describing a device", "أصيب ضابط بجروح إثر انفجار عبوة ناسفة استهدفت موكبه في قضاء الطارمية.",
		"ASSAULT", "IED", "انفجار|أصيب", "", "ضابط", "قضاء الطارمية"},
	{"two sides of a clash", "وقعت اشتباكات عنيفة بين قوات النظام وفصائل المعارضة على أطراف مدينة درعا.",
		"ASSAULT", "", "اشتباكات", "قوات النظام", "فصائل المعارضة", "مدينة درعا"},
	{"two sides of a clash, each of its own side", "دارت اشتباكات عنيفة بين المقاومة والجيش الوطني من جهة، وميليشيات الحوثي من جهة أخرى.",
		"ASSAULT", "", "اشتباكات", "المقاومة والجيش الوطني", "ميليشيات الحوثي", ""},
	{"two sides of a clash past its place", "اندلعت اشتباكات عنيفة في شوارع تعز، ثالث أكبر مدينة في اليمن، بين قوات المقاومة وميليشيات الحوثيين.",
		"ASSAULT", "", "اشتباكات", "قوات المقاومة", "ميليشيات الحوثيين", "شوارع تعز"},
	{"places between are no sides", "وقعت اشتباكات قرب الطريق الواصل بين محافظة صنعاء ومحافظة المحويت.",
		"ASSAULT", "", "اشتباكات", "", "", "الطريق"},
	{"doer of قام ب", "وقام مسلحون مقنعون بخطف ناشط من منزله.",
		"ASSAULT", "abduction", "بخطف", "مسلحون مقنعون", "ناشط", ""},
	{"target of a threatened attack", "هددت الميليشيات باستهداف القوات الأمريكية.",
		"THREATEN", "", "هددت", "الميليشيات", "القوات الأمريكية", ""},
	// Role rules of the round tuned on the independent sets news4 and news7.
	{"title with a name in apposition", "التقى وزير الخارجية العراقي فؤاد حسين نظيره الإيراني في بغداد.",
		"CONSULT", "", "التقى", "وزير الخارجية العراقي فؤاد حسين", "نظيره الإيراني", "بغداد"},
	{"owner and an aside between subject and object", "اعتقلت دورية للأمن العام، فجر الأحد، ثلاثة شبان في حي الميدان.",
		"COERCE", "arrest", "اعتقلت", "دورية", "شبان", "حي الميدان"},
	{"time with خلال before the object; people deported", "رحلت السلطات اللبنانية خلال الشهر الماضي عشرات اللاجئين عبر معبر المصنع.",
		"COERCE", "", "رحلت", "السلطات اللبنانية", "اللاجئين", "معبر المصنع"},
	{"dual weapon as the means", "قصف الجيش بقذيفتين صاروخيتين مقرا للفصائل في بلدة التح.",
		"ASSAULT", "", "قصف", "الجيش", "مقرا", "بلدة التح"},
	{"means after an SVO subject", "قوات النظام قصفت بالمدفعية منازل المدنيين في بلدة كفرنبل.",
		"ASSAULT", "artillery", "قصفت", "قوات النظام", "منازل المدنيين", "بلدة كفرنبل"},
	{"statement before the object", "اتهمت الهيئة في تقرير جديد الفصائل المسلحة بتجنيد الأطفال.",
		"ACCUSE", "", "اتهمت", "الهيئة", "الفصائل المسلحة", ""},
	{"the trigger's own على names the target", "سيطرت الفصائل على قرية المشيرفة في ريف إدلب.",
		"COERCE", "seize", "سيطرت", "الفصائل", "قرية المشيرفة", "ريف إدلب"},
	{"receiving: the giver after من", "تلقى رئيس الوزراء اتصالا هاتفيا من الرئيس الفرنسي.",
		"CONSULT", "", "تلقى", "الرئيس الفرنسي", "رئيس الوزراء", ""},
	{"support goes to the force after ل", "جددت الحكومة دعمها الكامل لقوات الجيش في مواجهة الإرهاب.",
		"SUPPORT", "", "جددت", "الحكومة", "قوات الجيش", ""},
	{"aid goes to those after إلى", "قدمت الجمعية مساعدات غذائية إلى العائلات النازحة.",
		"AID", "", "قدمت", "الجمعية", "العائلات", ""},
	{"أقدم X على", "أقدم مسلحون مجهولون يستقلون سيارة على اغتيال مختار القرية في بلدة داعل.",
		"ASSAULT", "assassination", "اغتيال", "مسلحون مجهولون", "مختار القرية", "بلدة داعل"},
	{"victim verb past its subject", "تعرضت قافلة للهلال الأحمر السوري لهجوم قرب مدينة سراقب.",
		"ASSAULT", "", "تعرضت", "", "قافلة", "مدينة سراقب"},
	{"light verb after its subject", "قوات النظام والميليشيات الموالية لها خاضت معارك مع الفصائل على محور الملاجة.",
		"ASSAULT", "", "معارك", "قوات النظام والميليشيات الموالية", "الفصائل", "محور الملاجة"},
	{"light verb of a light verb", "تواصل قوات الأمن فرض حصار على حي الصابونية.",
		"COERCE", "seize", "حصار", "قوات الأمن", "", "حي الصابونية"},
	{"target of a threat after ضد", "هدد قائد الفصيل بشن هجوم واسع ضد قوات النظام.",
		"THREATEN", "", "هدد", "قائد الفصيل", "قوات النظام", ""},
	{"doer marked after an unmarked verb", "قتل راعيان على يد مسلحين في بادية الشولا.",
		"ASSAULT", "", "قتل", "مسلحين", "راعيان", "بادية الشولا"},
	{"where a victim comes from is not where", "قتل شاب من أبناء قرية الكسرة برصاص مجهولين في مدينة الرقة.",
		"ASSAULT", "small_arms", "قتل", "مجهولين", "شاب", "مدينة الرقة"},
	{"a place after the trigger before residents' place", "تظاهر مئات من أهالي مدينة الكسوة في ساحة البلدية.",
		"PROTEST", "", "تظاهر", "أهالي مدينة الكسوة", "", "ساحة البلدية"},
	{"aid goes to the place after إلى", "أدخلت المنظمة قافلة مساعدات عبر معبر نصيب إلى الجنوب السوري.",
		"AID", "", "أدخلت", "المنظمة", "", "الجنوب السوري"},
	{"an agreement is where its parties met", "اتفق الطرفان خلال اجتماعهما في مدينة القامشلي على تبادل الأسرى.",
		"AGREE", "", "اتفق", "الطرفان", "", "مدينة القامشلي"},
	{"a promise has no place of what is promised", "تعهد المحافظ بإعادة تأهيل المدارس في قضاء تلعفر.",
		"AGREE", "", "تعهد", "المحافظ", "", ""},
	{"the force surrendered to", "سلم عشرات المطلوبين أنفسهم للقوات الأمنية في مدينة الصنمين.",
		"RETREAT", "", "سلم", "المطلوبين", "للقوات الأمنية", "مدينة الصنمين"},
	{"a siege lifted from a place", "رفعت قوات الجيش الحصار عن بلدة الحارة.",
		"RETREAT", "", "رفعت", "قوات الجيش", "", "بلدة الحارة"},
	{"a diplomat expelled", "قررت الوزارة طرد القائم بالأعمال الهولندي.",
		"SANCTION", "", "طرد القائم", "الوزارة", "القائم بالأعمال الهولندي", ""},
	{"those called on", "دعا المفتي أتباعه إلى الهدوء.",
		"REQUEST", "", "دعا", "المفتي", "أتباعه", ""},
	{"ta marbuta before a pronoun, light verb قدم", "قدم رئيس البلدية استقالته إلى المحافظ.",
		"CONCEDE", "", "استقالته", "رئيس البلدية", "المحافظ", ""},
	{"what a campaign reaches", "حملة دهم تطال عشرات الشبان في مدينة الحسكة على يد قوات الأسايش.",
		"COERCE", "arrest", "حملة دهم", "قوات الأسايش", "الشبان", "مدينة الحسكة"},
	{"a following word with another pronoun", "أبدى الوجهاء تأييدهم لمجلس العشائر.",
		"SUPPORT", "", "أبدى", "الوجهاء", "مجلس العشائر", ""},
	{"two sides of talks", "مباحثات بين وفد الحكومة وممثلي المعارضة في جنيف.",
		"CONSULT", "", "مباحثات", "وفد الحكومة", "ممثلي المعارضة", "جنيف"},
	{"a count opening an SVO clause", "قالت مصادر إن العشرات من عمال المصفاة أضربوا عن العمل.",
		"PROTEST", "", "أضربوا عن", "عمال المصفاة", "", ""},
	{"a spokesman's باسم", "أشاد المتحدث باسم الجيش بالدور الشعبي.",
		"SUPPORT", "", "أشاد", "المتحدث باسم الجيش", "بالدور الشعبي", ""},
	{"parties joined by و", "اتفق الحزب الشيوعي والحزب الاشتراكي على خوض الانتخابات بقائمة واحدة.",
		"AGREE", "", "اتفق", "الحزب الشيوعي", "الحزب الاشتراكي", ""},
	{"an adjective joined by و is no party", "سيرت القوات الروسية والتركية دورية مشتركة في ريف الحسكة.",
		"COOPERATE", "", "سيرت", "القوات الروسية والتركية", "", "ريف الحسكة"},
	{"a region between subject and object", "ناشد أهالي بلدة الحارة في الجولان الشرقي المنظمات الدولية إرسال الأدوية.",
		"REQUEST", "", "ناشد", "أهالي بلدة الحارة", "المنظمات الدولية", ""},
	{"a named place after على of a siege", "فرضت قوات النظام حصارا على حي جوبر في مدينة دمشق.",
		"COERCE", "seize", "حصارا", "قوات النظام", "", "حي جوبر"},
	{"a title's عام", "التقى الأمين العام وزير الخارجية في القاهرة.",
		"CONSULT", "", "التقى", "الأمين العام", "وزير الخارجية", "القاهرة"},
	{"a concession to those after its ل", "استجابت البلدية لمطالب المتظاهرين.",
		"CONCEDE", "", "استجابت", "البلدية", "المتظاهرين", ""},
	{"a manner is no object", "أدانت الحكومة بأشد العبارات القصف الإسرائيلي.",
		"ACCUSE", "", "أدانت", "الحكومة", "القصف الإسرائيلي", ""},
	{"a partner past the talks agreed to", "أبدت الحكومة استعدادها للدخول في مفاوضات مع المعارضة.",
		"AGREE", "", "أبدت", "الحكومة", "المعارضة", ""},
	{"a long aside after the subject", "حمّل وزير الإعلام، في تصريح لوكالة الأنباء الرسمية (سبأ)، الحكومة مسؤولية تدهور الأوضاع.",
		"ACCUSE", "", "حمّل", "وزير الإعلام", "الحكومة", ""},
	{"a partner inside the subject, a meeting aside", "وقّع محافظ البصرة مع نظيره في ميسان، خلال لقاء جمعهما في مدينة العمارة، مذكرة تفاهم.",
		"AGREE", "", "وقّع", "محافظ البصرة", "نظيره", "مدينة العمارة"},
	{"an object counted past an aside after the verb", "هدمت الجرافات، الخميس، عشرات المنازل في حي الصفا.",
		"COERCE", "", "هدمت", "الجرافات", "المنازل", "حي الصفا"},
	{"two asides after the subject", "حمّلت منظومة المجتمع الكوردستاني، المظلة السياسية لحزب العمال، في بيان نشرته وكالة فرات، الحزب الديمقراطي الكوردستاني مسؤولية الهجمات.",
		"ACCUSE", "", "حمّلت", "منظومة المجتمع الكوردستاني", "الحزب الديمقراطي الكوردستاني", ""},
	{"a region by its compass point", "طالب محافظ شمال الباطنة المنظمات الدولية بإدخال الوقود.",
		"REQUEST", "", "طالب", "محافظ شمال الباطنة", "المنظمات الدولية", ""},
	{"stipulating, no judge", "رفضت النقابة العرض الحكومي القاضي بزيادة الرواتب.",
		"REJECT", "", "رفضت", "النقابة", "العرض الحكومي", ""},
	{"a unit is no conjunction", "اعتقلت وحدة مكافحة الإرهاب، مساء أمس، الصحفي فهد الشرعبي.",
		"COERCE", "arrest", "اعتقلت", "وحدة مكافحة الإرهاب", "الصحفي فهد الشرعبي", ""},
	{"a participle after a name in brackets", "رفعت قوى الأمن الداخلي (الأسايش) التابعة للإدارة الذاتية، مساء السبت، الحصار المفروض على المربع الأمني.",
		"RETREAT", "", "رفعت", "قوى الأمن الداخلي", "", ""},
	{"a name in curly quotes", "قتل مسلحو “داعش” عشرة مدنيين في القرية.",
		"ASSAULT", "", "قتل", "مسلحو “داعش”", "مدنيين", "القرية"},
	{"a place named in guillemets", "قصفت الطائرات التركية قضاء «نارلي دره» في دهوك.",
		"ASSAULT", "aerial", "قصفت", "الطائرات التركية", "", "قضاء «نارلي دره»"},
	{"the trigger's own word after the subject", "ووجه المحافظ نداء إلى المنظمات الدولية.",
		"REQUEST", "", "ووجه", "المحافظ", "المنظمات الدولية", ""},
}

// TestAnnotate checks the rules: the role models are left out, as they may rank another phrase first.
func TestAnnotate(t *testing.T) {
	a := newAnnotator(t)
	a.lx.rankers = [nRoles]*rankTable{}
	for _, tc := range annotateCases {
		got, want := annotateCase(t, a, tc.name, tc.text, tc.typ), []string{tc.mode, tc.trigger, tc.actor1, tc.actor2, tc.place}
		for i, role := range []string{"mode", "trigger", "actor1", "actor2", "location"} {
			// A headline's victim noun and its attack noun are one event; either may be its trigger.
			if got != nil && got[i] != want[i] && !(role == "trigger" && slices.Contains(strings.Split(want[i], "|"), got[i])) {
				t.Errorf("%s: %s: got %q; want %q", tc.name, role, got[i], want[i])
			}
		}
	}
}

// TestRankersKeepRules checks that the role models keep nearly all roles of TestAnnotate's sentences, each
// of which the rules get right by the guideline. The models follow the real-news annotators where the two
// differ: the sides of talks or of a clash, which both do the act, are one coordinated doer for them and
// two roles for the guideline; so the bar is 0.95 (round 26's refit on 2,778 real rows kept 0.958, and
// raised the real held-out all four by 0.013).
func TestRankersKeepRules(t *testing.T) {
	a := newAnnotator(t)
	roles, kept := 0, 0
	for _, tc := range annotateCases {
		got := annotateCase(t, a, tc.name, tc.text, tc.typ)
		for i, want := range []string{tc.actor1, tc.actor2, tc.place} {
			roles++
			if got != nil && got[2+i] == want {
				kept++
			} else if got != nil {
				t.Logf("%s: %s: got %q; the rules %q", tc.name, []string{"actor1", "actor2", "location"}[i], got[2+i], want)
			}
		}
	}
	if r := float64(kept) / float64(roles); r < 0.95 {
		t.Errorf("the role models kept %d of %d roles (%.3f); want at least 0.95", kept, roles, r)
	}
}

// annotateCase returns the mode, trigger, actor1, actor2 and place of the first event of type typ in text,
// or nil when there is none.
func annotateCase(t *testing.T, a *Annotator, name, text, typ string) []string {
	t.Helper()
	d := doc(text)
	if err := a.Annotate(d); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, ev := range d.Events {
		if ev.Type == typ {
			return []string{ev.Mode, ev.Trigger.Text, refText(ev.Actor1), refText(ev.Actor2), refText(ev.Place)}
		}
	}
	t.Errorf("%s: no %s event in %+v", name, typ, d.Events)
	return nil
}

func TestNoEvent(t *testing.T) {
	a := newAnnotator(t)
	for _, text := range []string{
		"لم تقصف الطائرات أي موقع في المنطقة.",
		"ووصل الوفد فجر أمس إلى المدينة.",
		"ارتفعت أسعار الخبز في الأسواق.",
	} {
		d := doc(text)
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Events {
			if e.Type == marsad.ASSAULT {
				t.Errorf("%q: got %s %q; want no assault", text, e.Type, e.Trigger.Text)
			}
		}
	}
}

// TestTriggerFamilies checks the light-verb and noun phrasings of each type: the type found and the trigger.
func TestTriggerFamilies(t *testing.T) {
	a := newAnnotator(t)
	cases := []struct{ name, text, typ, trigger string }{
		{"promise", "وتعهدت الحكومة بصرف تعويضات للمتضررين من الفيضانات.", "AGREE", "وتعهدت"},
		{"a doubled verb after the conjunction", "وحث المجلس الأطراف على ضبط النفس.", "REQUEST", "وحث"},
		{"a doubled verb in the imperfect", "ويحث الاتحاد الدول الأعضاء على استقبال اللاجئين.", "REQUEST", "ويحث"},
		{"an attack repelled", "وصدت القوات الحكومية هجوما للمسلحين على البلدة.", "ASSAULT", "وصدت"},
		{"an advance", "وأحرزت المقاومة تقدما في محيط المدينة.", "ASSAULT", "وأحرزت"},
		{"casualties fallen", "وأفادت المصادر بسقوط قتلى وجرحى في المدينة.", "ASSAULT", "بسقوط"},
		{"an attack attributed", "ونسبت السلطات الهجوم إلى حزب العمال الكردستاني.", "ACCUSE", "ونسبت"},
		{"release on bail", "وأخلت المحكمة سبيل خمسة متهمين بكفالة.", "RETREAT", "وأخلت"},
		{"flight", "ولاذ المسلحون بالفرار باتجاه الجبال.", "RETREAT", "ولاذ"},
		{"an attack in the future is a threat", "وقال القائد: «سنقصف مواقعهم في المدينة».", "THREATEN", "سنقصف"},
		{"an arrest after سوف is a threat", "وقال الوزير إن الشرطة سوف تعتقل كل من يخرق الحظر.", "THREATEN", "تعتقل"},
		{"a cell dismantled", "وفككت الأجهزة الأمنية خلية تابعة للتنظيم.", "COERCE", "وفككت"},
		{"clashes", "واندلعت صدامات بين الشرطة والسكان في الحي.", "ASSAULT", "صدامات"},
		{"fighting", "كما دار قتال في منطقة كريتر بين المقاومة والمتمردين.", "ASSAULT", "قتال"},
		{"a battle as the first event", "واندلعت معركة عنيفة بين الطرفين في أطراف البلدة.", "ASSAULT", "معركة"},
		{"a bomb dropped", "وقال شاهدان إن الطائرة الحربية أسقطت قنبلة في قلب الشارع التجاري.", "ASSAULT", "أسقطت قنبلة"},
		{"a curfew as a verb", "ووفق القرار يحظر التجوال في المنطقة من السابعة مساء.", "COERCE", "يحظر التجوال"},
		{"a state of emergency extended", "أصدرت الحكومة قرارا بتمديد حالة الطوارئ في شمال سيناء.", "COERCE", "بتمديد حالة الطوارئ"},
		{"tear gas", "وأطلقت الشرطة الغاز المسيل للدموع على المشجعين.", "COERCE", "وأطلقت"},
		{"a vow of revenge", "تعهد رئيس الإقليم بالانتقام من التنظيم.", "THREATEN", "تعهد"},
		{"positions struck", "وكانت القوات البرية ضربت مواقع للتنظيم بقذائف المدفعية.", "ASSAULT", "ضربت مواقع"},
		{"a war waged", "وشنت تركيا حربا على حزب العمال الكردستاني.", "ASSAULT", "وشنت"},
		{"a two-letter noun after a preposition", "وأصدر رئيس الوزراء قرارا بمد إعلان حالة الطوارئ في شمال سيناء.", "COERCE", "بمد إعلان"},
		{"a denial of the report", "إلا أن وزارة الدفاع الأميركية نفت الأمر.", "REJECT", "نفت الأمر"},
		{"shelling as a noun", "وأعلنت المقاومة دك آخر تجمعات الميليشيات في الشريط الحدودي.", "ASSAULT", "دك"},
		{"an air campaign", "منذ أن بدأت تركيا حملتها الجوية على معسكرات الحزب.", "ASSAULT", "حملتها الجوية"},
		{"a phone call as a noun", "وجاء ذلك بعد اتصال هاتفي بين الرئيسين التركي والأمريكي.", "CONSULT", "اتصال هاتفي"},
		{"a security sweep", "وتقوم قوات الجيش بتمشيط المنطقة المحيطة بموقع الحادث.", "COERCE", "بتمشيط"},
		{"arming allies", "وتحدث عن برنامج تدريب وتسليح المعارضة السورية.", "COOPERATE", "وتسليح"},
		{"forces heading out", "وتوجهت قوات عسكرية كبيرة باتجاه مدينة زنجبار.", "MOBILIZE", "وتوجهت قوات"},
		{"a trial", "واستأنفت محكمة الجنايات محاكمة الرئيس المعزول.", "ACCUSE", "محاكمة"},
		{"an attack described", "ووصف الوزير الهجوم بالجبان.", "ACCUSE", "ووصف"},
		{"displeasure expressed", "وأعرب الوزير عن امتعاضه من انسحاب القوات من المدينة.", "ACCUSE", "وأعرب"},
		{"an investigation opened against", "وفتحت النيابة عدة تحقيقات قضائية بحق الحزب.", "ACCUSE", "وفتحت"},
		{"a call past the subject, its addressee and the addressee's place", "دعا الأمين العام للجامعة العربية طرفي النزاع في السودان إلى وقف القتال.", "REQUEST", "دعا"},
		{"suspended participation (PLOVER SANCTION, withdraw)", "علقت الإدارة الذاتية مشاركتها في اللجان المشتركة مع الحكومة.", "SANCTION", "علقت"},
		{"a detention as a noun", "أعلن الجيش توقيف ثلاثة أشخاص متورطين في إطلاق النار.", "COERCE", "توقيف"},
		{"a grant counted in money", "منحت الكويت 10 ملايين دولار لبرنامج الأغذية العالمي.", "AID", "منحت"},
		{"training camps opened", "فتحت حكومة الولاية معسكرات لتدريب المستنفرين.", "MOBILIZE", "فتحت"},
		{"dual verb after joined definites", "وأضاف أن الحكومة اليمنية والمجلس الانتقالي اتفقا على تشكيل لجنة مشتركة.", "AGREE", "اتفقا"},
		{"dual verb after a dual in the genitive", "وقال إن الطرفين اتفقا على تبادل الأسرى.", "AGREE", "اتفقا"},
		{"partner after the verb, then an aside", "وقال إن وزارة الدفاع وقعت مع نظيرتها التركية، خلال اجتماع عقد في أنقرة، اتفاقية للتدريب.", "AGREE", "وقعت"},
		{"an aside led by بحضور", "ووقعت وزارة الكهرباء مع شركة أجنبية، بحضور المحافظ، مذكرة تفاهم لإنشاء محطة.", "AGREE", "ووقعت"},
		{"willingness", "أبدى المجلس المحلي استعداده للحوار مع الوجهاء.", "AGREE", "أبدى"},
		{"declared support", "جددت أنقرة دعمها للحكومة الليبية في طرابلس.", "SUPPORT", "جددت"},
		{"giving in", "استجابت البلدية لمطالب السكان وأعادت ضخ المياه.", "CONCEDE", "استجابت"},
		{"reversed decision", "تراجعت المحافظة عن قرارها إغلاق الأسواق الشعبية.", "CONCEDE", "تراجعت"},
		{"resignation", "استقال رئيس المجلس البلدي بعد أسبوع من الاحتجاجات.", "CONCEDE", "استقال"},
		{"shared intelligence", "تبادلت الأجهزة الأمنية المعلومات حول خلايا التنظيم.", "COOPERATE", "تبادلت"},
		{"joint operation", "نفذت القوات عملية دهم مشتركة مع الشرطة المحلية.", "COOPERATE", "نفذت"},
		{"aid received", "تسلم مستشفى البلدة شحنة أدوية من منظمة دولية.", "AID", "تسلم"},
		{"medical point", "افتتحت المنظمة نقطة طبية في المخيم.", "AID", "افتتحت"},
		{"evacuated post", "أخلت القوات نقطة المراقبة قرب الطريق الدولي.", "RETREAT", "أخلت"},
		{"surrender", "استسلم عشرات المسلحين للقوات الحكومية.", "RETREAT", "استسلم"},
		{"call", "دعا الوزير المجتمع الدولي إلى دعم جهود الإعمار.", "REQUEST", "دعا"},
		{"warning", "حذرت الفصائل من أي تقدم نحو مواقعها.", "THREATEN", "حذرت"},
		{"suspension", "علقت الوزارة عمل جمعية خيرية في المدينة.", "SANCTION", "علقت"},
		{"funding cut", "أوقفت الدولة المانحة تمويلها للمشروع.", "SANCTION", "أوقفت"},
		{"alert", "رفعت قوات الجيش حالة التأهب على الحدود.", "MOBILIZE", "رفعت"},
		{"deployment", "نشرت الوحدات الكردية مقاتليها على طول الطريق.", "MOBILIZE", "نشرت"},
		{"deportation", "رحلت السلطات عشرات اللاجئين عبر المعبر.", "COERCE", "رحلت"},
		{"raid campaign", "شنت قوات الأمن حملة اعتقالات في الحي.", "COERCE", "شنت"},
		{"charges", "وجهت النيابة اتهامات إلى ثلاثة موظفين.", "ACCUSE", "وجهت"},
		{"shelling", "دكت المدفعية مواقع المسلحين في الجبل.", "ASSAULT", "دكت"},
		{"surrender of oneself", "سلم ثلاثة مطلوبين أنفسهم للشرطة.", "RETREAT", "سلم"},
		{"curfew lifted (PLOVER manual: CONCEDE)", "رفعت السلطات حظر التجوال عن المدينة.", "CONCEDE", "رفعت"},
		{"operations halted", "أوقفت الفصائل عملياتها العسكرية في المنطقة.", "RETREAT", "أوقفت"},
		{"restrictions eased", "أعلنت الوزارة تخفيف القيود على السفر.", "CONCEDE", "تخفيف"},
		{"diplomat expelled", "طردت الحكومة السفير الهولندي.", "SANCTION", "طردت"},
		{"talks halted", "أوقفت الإدارة مفاوضاتها مع الحكومة.", "SANCTION", "أوقفت"},
		{"extradition", "سلمت السلطات البلد المجاور خمسة مطلوبين.", "COOPERATE", "سلمت"},
		{"intelligence given", "زودت الاستخبارات الجيش بمعلومات عن الخلايا.", "COOPERATE", "زودت"},
		{"grant", "منحت الحكومة البلدية منحة لإعادة الإعمار.", "AID", "منحت"},
		{"field hospital", "أقامت المنظمة مستشفى ميدانيا في المخيم.", "AID", "أقامت"},
		{"blame", "ألقت الحكومة باللائمة على المعارضة.", "ACCUSE", "ألقت"},
		{"raid on", "أغارت طائرة حربية على سيارة في البادية.", "ASSAULT", "أغارت"},
		{"arrest noun", "أعلنت الشرطة القبض على مطلوب في المدينة.", "COERCE", "القبض"},
		{"led away", "اقتادت دورية أمنية شابا إلى جهة مجهولة.", "COERCE", "اقتادت"},
		{"seizure", "ضبطت الجمارك شحنة أسلحة في الميناء.", "COERCE", "ضبطت"},
		{"appeal", "وجه المجلس المحلي نداء إلى المنظمات الدولية.", "REQUEST", "وجه"},
		{"exercises", "أجرت القوات البحرية مناورات بالذخيرة الحية.", "MOBILIZE", "أجرت"},
		{"standing with", "أعربت الجامعة عن وقوفها إلى جانب الحكومة.", "SUPPORT", "أعربت"},
		{"dealings suspended", "علق البنك المركزي تعاملات عدة مصارف.", "SANCTION", "علق"},
		{"walkout from talks", "انسحب الوفد من جلسة المباحثات احتجاجا.", "REJECT", "انسحب"},
		{"formal request", "تقدمت الوزارة بطلب رسمي إلى السفارة.", "REQUEST", "تقدمت"},
		{"a bomb thrown", "ألقى مجهول قنبلة صوتية قرب مقر الحزب.", "ASSAULT", "ألقى"},
		{"gratitude", "وعبرت الحكومة عن تقديرها لجهود الأشقاء.", "SUPPORT", "وعبرت"},
		{"a complaint filed", "وتقدم الحزب بشكوى ضد رئيس الحكومة.", "ACCUSE", "وتقدم"},
		{"looting", "وقامت مجموعة من الشبان بنهب متجرين في المدينة.", "COERCE", "بنهب"},
		{"an appeal launched", "ويطلق الأطباء نداءات إلى المواطنين للتبرع بالدم.", "REQUEST", "ويطلق"},
		{"hospitals supplied", "وسيتم تزويد المستشفيات بالأدوية والمعدات الطبية.", "AID", "تزويد"},
		{"booty", "وأضاف أن الثوار غنموا عددا من العربات العسكرية.", "COERCE", "غنموا"},
		{"a plot foiled", "وأحبطت الشرطة محاولة تهريب أسلحة عبر الحدود.", "COERCE", "وأحبطت"},
		{"a cell brought down", "وتمكنت الأجهزة الأمنية من الإطاحة بخلية إرهابية.", "COERCE", "الإطاحة بخلية"},
		{"chairing a meeting", "وترأس رئيس الوزراء اجتماعا طارئا لمجلس الأمن الوطني.", "CONSULT", "وترأس"},
		{"a report denied", "ونفى نائب وزير الداخلية معلومات تحدثت عن رهائن.", "REJECT", "ونفى"},
	}
	for _, c := range cases {
		d := doc(c.text)
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		var got []string
		found := false
		for _, e := range d.Events {
			got = append(got, string(e.Type)+" "+e.Trigger.Text)
			found = found || string(e.Type) == c.typ && strings.HasPrefix(e.Trigger.Text, c.trigger)
		}
		if !found {
			t.Errorf("%s: got %v; want %s %q", c.name, got, c.typ, c.trigger)
		}
	}
}

// TestNotTrigger checks words that read as a new trigger's verb or noun but are not one.
func TestNotTrigger(t *testing.T) {
	a := newAnnotator(t)
	cases := []struct{ name, text, typ string }{
		{"number two", "وأصيب اثنان على الأقل في الحادث.", "SUPPORT"},
		{"before the agreement", "وصل الوفد قبل الاتفاق بيومين.", "AGREE"},
		{"sports preparation", "أقام الفريق معسكرا في النمسا تأهبا للموسم الجديد.", "MOBILIZE"},
		{"affection", "حاول المرشحون كسب ودهم قبل الانتخابات.", "COERCE"},
		{"passed away", "رحل الفنان عن عالمنا أمس.", "COERCE"},
		{"heritage list", "أدرجت المنظمة الموقع في قائمة التراث العالمي.", "SANCTION"},
		{"heritage list, the noun", "وتسعى الهيئة إلى إدراج مواقع أثرية في قائمة التراث العالمي.", "SANCTION"},
		{"a shop", "فتح التاجر دكانا في السوق.", "ASSAULT"},
		{"provided, not fled", "ووفر المشروع فرص عمل للشباب.", "RETREAT"},
		{"found, not a doubled verb", "ووجد الفريق حلا للمشكلة.", "ASSAULT"},
		{"a future attack is no attack", "وقال القائد: «سنقصف مواقعهم في المدينة».", "ASSAULT"},
		{"control, not the future of a verb", "وسيطرت القوات على المدينة.", "THREATEN"},
		{"a meeting planned", "وقال إن الوفد سيلتقي الرئيس غدا.", "CONSULT"},
		{"a participle without a comma", "وكان الوزير مطالبا بالحضور أمام البرلمان.", "REQUEST"},
		{"a company stops", "أوقفت الشركة عملياتها في السوق المحلية.", "RETREAT"},
		{"a dollar gives momentum", "ومنح ارتفاع الدولار الزخم لخسائر الذهب.", "AID"},
		{"a resolution allows", "ويسمح القرار بإعادة فرض العقوبات.", "CONCEDE"},
		// A subject that ends at a comma, then an aside (pastLongAside): not after a condition, nor
		// with a clause inside the subject or after the comma.
		{"if need be", "وإن دعت الضرورة، فالحذر بالتأهب لا بالترقب، كما قال الشاعر.", "REQUEST"},
		{"a clause in the subject", "وأكد المدير أن المواد آمنة، في تصريح للصحفيين، على ضرورة الفحص.", "REQUEST"},
		{"an accusative after a verb's joined subject", "اعتقلت المخابرات والشرطة طالبا في الجامعة.", "REQUEST"},
		{"another clause after the comma", "نقل الاتحاد المباراة إلى لندن، انتشرت عروض السفر، ومعها طائرات الشركات.", "MOBILIZE"},
		// A verb of happening whose subject is an event: where it happened, not a signing.
		{"an explosion happened on", "وقع الانفجار، بحسب مصادر محلية، على الطريق الواصل بين البلدتين.", "AGREE"},
		{"an attack happened on", "ووقع الهجوم على حاجز للجيش قرب البلدة.", "AGREE"},
	}
	for _, c := range cases {
		d := doc(c.text)
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Events {
			if string(e.Type) == c.typ {
				t.Errorf("%s: got %s %q; want none", c.name, e.Type, e.Trigger.Text)
			}
		}
	}
}

// TestConfidence checks that the report model tells a report from a memory.
func TestConfidence(t *testing.T) {
	a := newAnnotator(t)
	for _, tc := range []struct {
		name, text string
		reported   bool
	}{
		{"report", "قتل خمسة مدنيين أمس بقصف للطائرات الروسية على بلدة في ريف إدلب.", true},
		{"memory", "وتحدث الكاتب في مقاله عن ذكرى اغتيال الرئيس عام 1990.", false},
		{"protest", "تظاهر المئات أمس في ساحة المدينة احتجاجا على الغلاء.", true},
		{"arrest", "اعتقلت قوات الأمن أمس ثلاثة مطلوبين في حي الزهراء بمدينة حمص.", true},
		{"sanctions", "فرضت واشنطن عقوبات جديدة على مسؤولين في الحكومة السورية.", true},
		{"planned meeting", "من المقرر أن يلتقي وزير الخارجية التركي نظيره الإيراني الأسبوع المقبل في طهران.", false},
		{"question", "هل تفرض أوروبا عقوبات جديدة على طهران؟", false},
	} {
		d := doc(tc.text)
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		if len(d.Events) == 0 {
			t.Errorf("%s: no event", tc.name)
			continue
		}
		if got := d.Events[0].Confidence >= 0.5; got != tc.reported {
			t.Errorf("%s: got confidence %.2f; want reported %v", tc.name, d.Events[0].Confidence, tc.reported)
		}
	}
}

func TestTaMarbutaIsNoVerb(t *testing.T) {
	a := newAnnotator(t)
	d := doc("وصل وفد من وزارة الدفاع إلى المدينة.")
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Events {
		if e.Trigger.Text == "وزارة" {
			t.Errorf("got %s event %q; want none: وزارة is not وزاره", e.Type, e.Trigger.Text)
		}
	}
}

// TestDerivedVerb checks that a past verb of the derived forms heads no noun phrase, while their verbal
// nouns, names and other words of the same letters do.
func TestDerivedVerb(t *testing.T) {
	a := newAnnotator(t)
	for _, c := range []struct {
		word string
		verb bool
	}{
		{"اعتقد", true}, {"استلم", true}, {"انسحبت", true}, {"استقبلوا", true}, {"اصطدم", true},
		{"اعتقاد", false}, {"استقبال", false}, {"انتخابات", false}, {"استاذ", false}, {"الاعتقد", false},
		{"اتحاد", false}, {"اجتماع", false}, {"انقرة", false},
	} {
		sc := newScan(a.lx, doc(c.word), nil)
		if got := sc.derivedVerb(&sc.toks[0]); got != c.verb {
			t.Errorf("derivedVerb(%s) = %v; want %v", c.word, got, c.verb)
		}
	}
}

func TestFeatureNames(t *testing.T) {
	if len(featureNames) != nNamed {
		t.Errorf("got %d feature names; want %d, one per named feature", len(featureNames), nNamed)
	}
}

// TestBloom checks that the filters before the trigger tables never turn away a key they hold.
func TestBloom(t *testing.T) {
	a := newAnnotator(t)
	lx := a.lx
	for _, m := range []map[string][]*entry{lx.past, lx.present, lx.nouns} {
		for k := range m {
			if !lx.keys.has(k) || !lx.starts.hasKey(k+"ات") {
				t.Errorf("key %q: got filtered out; want kept", k)
			}
		}
	}
	for w := range lx.exact {
		if !lx.classWords.has(w) {
			t.Errorf("class word %q: got filtered out; want kept", w)
		}
	}
}

func TestLayers(t *testing.T) {
	a := newAnnotator(t)
	text := "قصفت الطائرات التركية قرية تل رفعت يوم الجمعة ما أسفر عن مقتل خمسة مدنيين وإصابة عشرة آخرين."
	d := doc(text)
	d.Published = time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC)
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		return i, i + len(s)
	}
	s, e := at("الطائرات التركية")
	d.Entities = []marsad.Entity{{Span: marsad.SpanOf(text, s, e), Type: marsad.ORG, ID: "tr-af", Name: "القوات الجوية التركية"}}
	s, e = at("تل رفعت")
	d.Entities = append(d.Entities, marsad.Entity{Span: marsad.SpanOf(text, s, e), Type: marsad.LOC, ID: "tal-rifaat", Name: "تل رفعت"})
	s, e = at("يوم الجمعة")
	d.Dates = []marsad.Date{{Span: marsad.SpanOf(text, s, e), Value: "2024-03-08", Relative: true}}
	s, e = at("خمسة")
	d.Quantities = []marsad.Quantity{{Span: marsad.SpanOf(text, s, e), Value: 5}}
	s, e = at("عشرة")
	d.Quantities = append(d.Quantities, marsad.Quantity{Span: marsad.SpanOf(text, s, e), Value: 10})
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 {
		t.Fatalf("got %d events %+v; want 1", len(d.Events), d.Events)
	}
	ev := d.Events[0]
	if ev.Actor1 == nil || ev.Actor1.ID != "tr-af" {
		t.Errorf("actor1: got %+v; want entity tr-af", ev.Actor1)
	}
	if ev.Place == nil || ev.Place.ID != "tal-rifaat" {
		t.Errorf("location: got %+v; want entity tal-rifaat", ev.Place)
	}
	if ev.Date != "2024-03-08" || ev.DateSource != "text" {
		t.Errorf("date: got %q from %q; want 2024-03-08 from text", ev.Date, ev.DateSource)
	}
	want := []marsad.EventQuantity{{Role: "killed", Value: 5}, {Role: "injured", Value: 10}}
	if len(ev.Quantities) != 2 || ev.Quantities[0] != want[0] || ev.Quantities[1] != want[1] {
		t.Errorf("quantities: got %+v; want %+v", ev.Quantities, want)
	}
	d.Dates = nil
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if got := d.Events[0]; got.Date != "2024-03-10" || got.DateSource != "published" {
		t.Errorf("no date in text: got %q from %q; want 2024-03-10 from published", got.Date, got.DateSource)
	}
}

// TestTitleWithName checks that a title phrase goes on through its adjectives of status and a name that
// begins with علي, which folds like the preposition على, and that a definite title joined to a body goes
// on to its name.
func TestTitleWithName(t *testing.T) {
	a := newAnnotator(t)
	for _, tc := range []struct{ text, head, name, want string }{
		{"جمدت تركيا أموال الرئيس اليمني المخلوع علي عبدالله صالح.", "الرئيس", "عبدالله صالح", "الرئيس اليمني المخلوع علي عبدالله صالح"},
		{"وقصفت الدبابات ميليشيات الحوثي والمخلوع صالح قرب الحدود.", "ميليشيات", "صالح", "ميليشيات الحوثي والمخلوع صالح"},
	} {
		d := doc(tc.text)
		i := strings.Index(tc.text, tc.name)
		d.Entities = []marsad.Entity{{Span: marsad.SpanOf(tc.text, i, i+len(tc.name)), Type: marsad.PER}}
		sc := newScan(a.lx, d, nil)
		k := slices.IndexFunc(sc.toks, func(t tok) bool { return t.f == tc.head })
		p, _ := sc.np(k, len(sc.toks))
		if got := refText(sc.ref(p)); got != tc.want {
			t.Errorf("%s: got %q; want %q", tc.text, got, tc.want)
		}
	}
}

// TestCountsByClass checks that a count of days or of weapons near a victim word is no casualty count.
func TestCountsByClass(t *testing.T) {
	a := newAnnotator(t)
	text := "أسفر تفجيران عن مقتل ثلاثة أشخاص خلال يومين ونزوح 300 عائلة."
	d := doc(text)
	for _, q := range []struct {
		s       string
		v       float64
		counted string
	}{{"تفجيران", 2, "thing"}, {"ثلاثة", 3, "person"}, {"يومين", 2, "time"}, {"300", 300, "thing"}} {
		i := strings.Index(text, q.s)
		d.Quantities = append(d.Quantities, marsad.Quantity{Span: marsad.SpanOf(text, i, i+len(q.s)), Value: q.v, Counted: q.counted})
	}
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	var got []marsad.EventQuantity
	for _, e := range d.Events {
		got = append(got, e.Quantities...)
	}
	want := []marsad.EventQuantity{{Role: "killed", Value: 3}, {Role: "displaced", Value: 300}}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v; want %+v", got, want)
	}
}

// TestSpans checks the contract every layer keeps: a span's text is the document's text at its offsets.
func TestSpans(t *testing.T) {
	a := newAnnotator(t)
	b, err := os.ReadFile("testdata/news.tsv")
	if err != nil {
		t.Fatal(err)
	}
	d := &marsad.Document{Text: string(b)}
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) < 100 {
		t.Errorf("got %d events in the news set; want at least 100", len(d.Events))
	}
	for _, e := range d.Events {
		spans := []marsad.Span{e.Trigger}
		for _, r := range []*marsad.Ref{e.Actor1, e.Actor2, e.Place} {
			if r != nil {
				spans = append(spans, r.Span)
			}
		}
		for _, s := range spans {
			if d.Text[s.Start:s.End] != s.Text {
				t.Errorf("span %d:%d: got %q; want %q", s.Start, s.End, s.Text, d.Text[s.Start:s.End])
			}
		}
	}
}

func TestEvaluateOwn(t *testing.T) {
	var b strings.Builder
	if err := Evaluate(&b, "", "testdata/news.tsv,testdata/news2.tsv,testdata/news3.tsv", nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "news3.tsv   alone  tune") {
		t.Errorf("got %q; want a row for news3.tsv scored alone on its tuning part", b.String())
	}
}

func TestMisses(t *testing.T) {
	name := t.TempDir() + "/set.tsv"
	rows := "# held-out: none\n" +
		"COERCE\tقوات الأمن\tشبان\tمدينة حمص\tاعتقلت قوات الأمن ثلاثة شبان في مدينة حمص.\n" +
		"COERCE\tقسد\tشبان\tمدينة حمص\tاعتقلت قوات الأمن ثلاثة شبان في مدينة حمص.\n"
	if err := os.WriteFile(name, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := Misses(&b, "", name, nil); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{"set.tsv #2 COERCE", `* actor1   got "قوات الأمن" want "قسد"`, "set.tsv: 1 of 2 missed"} {
		if !strings.Contains(got, want) {
			t.Errorf("got %q; want it to contain %q", got, want)
		}
	}
	if strings.Contains(got, "#1 ") {
		t.Errorf("got %q; want no line for the sentence right on all four", got)
	}
}

func FuzzAnnotate(f *testing.F) {
	a := newAnnotator(f)
	f.Add("قصفت الطائرات التركية قرية في ريف حلب")
	f.Add("مقتل 5 مدنيين بـ«قصف» على يد")
	f.Add("وكانت فرقة قد قتلت أول من أمس")
	f.Add("ـــ قصف ـ 5")
	f.Add("وأعلن الجيش أنه قتل، فجر نفسه وتجمع 40 متظاهرا الذين تظاهروا احتجاجا على")
	f.Add("قام بخطف، هددت باستهداف")
	f.Fuzz(func(t *testing.T, text string) {
		d := &marsad.Document{Text: text}
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Events {
			if e.Trigger.Start < 0 || e.Trigger.End > len(text) || text[e.Trigger.Start:e.Trigger.End] != e.Trigger.Text {
				t.Fatalf("bad trigger span %+v", e.Trigger)
			}
		}
	})
}

func BenchmarkAnnotate(b *testing.B) {
	a := newAnnotator(b)
	raw, err := os.ReadFile("testdata/news.tsv")
	if err != nil {
		b.Fatal(err)
	}
	var sents []marsad.Range
	text := string(raw)
	start := 0
	for i, r := range text {
		if r == '\n' || r == '.' {
			sents = append(sents, marsad.Range{Start: start, End: i + 1})
			start = i + 1
		}
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		d := &marsad.Document{Text: text, Sentences: sents}
		if err := a.Annotate(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaudiNewsNet runs the stage over real newspaper articles (the first 2,000 of SaudiNewsNet, not
// in the repository), split into sentences at . ! ؟ and line breaks. It is skipped when the corpus is absent.
func BenchmarkSaudiNewsNet(b *testing.B) {
	docs, size, err := evalset.SaudiNewsNet(2000)
	if errors.Is(err, fs.ErrNotExist) {
		b.Skip("SaudiNewsNet not available:", err)
	} else if err != nil {
		b.Fatal(err)
	}
	a := newAnnotator(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			if err := a.Annotate(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestReportSet checks the make-up of the report set the other types' model is fitted on: every type at
// least ten times, and reports about three in five.
func TestReportSet(t *testing.T) {
	rows, err := readReports("testdata/reports.tsv")
	if err != nil {
		t.Fatal(err)
	}
	per := map[string]int{}
	reports := 0
	for _, r := range rows {
		per[r.typ]++
		reports += b2i(r.report)
	}
	for typ := range validTypes {
		if per[typ] < 10 {
			t.Errorf("%s: got %d rows; want at least 10", typ, per[typ])
		}
	}
	if share := float64(reports) / float64(len(rows)); share < 0.5 || share > 0.7 {
		t.Errorf("got %.2f of rows labelled report; want 0.5 to 0.7", share)
	}
}

func TestSplitSets(t *testing.T) {
	for _, tc := range []struct {
		name, in      string
		news, reports []string
	}{
		{"empty", "", nil, nil},
		{"news only", "a/news.tsv,a/news2.tsv", []string{"a/news.tsv", "a/news2.tsv"}, nil},
		{"both", "a/news.tsv,a/reports.tsv,a/news3.tsv", []string{"a/news.tsv", "a/news3.tsv"}, []string{"a/reports.tsv"}},
		{"reports only", "a/reports.tsv", nil, []string{"a/reports.tsv"}},
		{"glob in natural order", "testdata/real?.tsv,testdata/real1?.tsv", []string{
			"testdata/real1.tsv", "testdata/real2.tsv", "testdata/real3.tsv", "testdata/real4.tsv",
			"testdata/real5.tsv", "testdata/real6.tsv", "testdata/real7.tsv", "testdata/real8.tsv",
			"testdata/real9.tsv", "testdata/real10.tsv", "testdata/real11.tsv", "testdata/real12.tsv",
			"testdata/real13.tsv", "testdata/real14.tsv", "testdata/real15.tsv", "testdata/real16.tsv",
			"testdata/real17.tsv", "testdata/real18.tsv", "testdata/real19.tsv"}, nil},
	} {
		news, reports, err := splitSets(tc.in)
		if err != nil || !slices.Equal(news, tc.news) || !slices.Equal(reports, tc.reports) {
			t.Errorf("%s: got %q, %q, %v; want %q, %q", tc.name, news, reports, err, tc.news, tc.reports)
		}
	}
	if _, _, err := splitSets("testdata/nothing*.tsv"); err == nil {
		t.Error("a pattern matching no file: no error")
	}
}
