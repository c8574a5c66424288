package events

import (
	"math"
	"slices"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// maxPhrase caps a noun phrase, so a missed boundary cannot swallow a clause.
const maxPhrase = 6

// phrase is a token range [s, e); s == e is no phrase.
type phrase struct{ s, e int }

func (p phrase) ok() bool { return p.e > p.s }

// overlaps reports whether p and q share a token.
func (p phrase) overlaps(q phrase) bool { return p.ok() && q.ok() && p.s < q.e && q.s < p.e }

// event is an event under construction, with its roles as token ranges.
type event struct {
	m                     match
	actor1, actor2, place phrase
	mode                  string // mode of a trigger merged into this one
}

// cand is an event of a sentence with its report-model features.
type cand struct {
	ev event
	x  []int32 // report-model features
}

// sentence finds the events of the sentence si with tokens [lo, hi).
func (sc *scan) sentence(si, lo, hi int) []marsad.Event {
	cs := sc.candidates(lo, hi)
	if len(cs) == 0 {
		return nil
	}
	out := make([]marsad.Event, 0, len(cs))
	evs := make([]event, 0, len(cs))
	for i := range cs {
		sc.rank(&cs[i].ev, lo, hi)
		e := sc.build(&cs[i].ev, si, lo, hi)
		e.Confidence = math.Round(sc.lx.model(e.Type).confidence(cs[i].x)*1000) / 1000
		out = append(out, e)
		evs = append(evs, cs[i].ev)
	}
	sc.attachCounts(out, evs, lo, hi)
	return out
}

// candidates finds the triggers of the sentence, fills their roles and merges those that are one event.
func (sc *scan) candidates(lo, hi int) []cand {
	ms := sc.triggers(lo, hi)
	if len(ms) == 0 {
		return nil
	}
	evs := make([]event, 0, len(ms))
	for _, m := range ms {
		ev := event{m: m}
		switch m.e.kind {
		case kindParticipant:
			ev.actor1, _ = sc.np(m.head, hi)
		case kindVerb, kindVictimVerb:
			sc.verbRoles(&ev, lo, hi)
		case kindCircumstant:
			ev.actor1 = sc.clauseSubject(evs, m.head, lo)
			if k := m.spanEnd() + 1; k < hi && !sc.toks[k].gap {
				ev.actor2, _ = sc.np(k, hi)
			}
		default:
			sc.nounRoles(&ev, lo, hi)
			if !ev.actor1.ok() {
				ev.actor1 = sc.doneBy(m.head, lo)
			}
			// "فرضت قوات النظام حصارا", "خرج أهالي البلدة في مظاهرة": the subject of a light verb does the
			// act its noun names; "نجا مسؤول من محاولة اغتيال": the subject of surviving suffers it.
			// ("أعلنت وزارة الداخلية ترحيل 35 عاملاً": who announces an arrest or a deportation made it, not
			// a killing: "أعلنت الشرطة مقتل ثلاثة".)
			if !ev.actor1.ok() && (m.e.kind == kindNoun || m.e.kind == kindVictimNoun && m.e.typ == marsad.COERCE) {
				if p, partner := sc.lightSubject(cLightVerb, m.head, lo); p.ok() && (m.e.typ != marsad.ASSAULT || sc.agentive(p)) {
					ev.actor1 = p
					if !ev.actor2.ok() && mutual(m.e.typ) {
						ev.actor2 = partner
					}
				}
			}
			if !ev.actor2.ok() && m.e.typ == marsad.ASSAULT {
				ev.actor2, _ = sc.lightSubject(cSurvive, m.head, lo)
			}
		}
		// "نقلت القوات الروسية مروحيات", "سحبت القوات جزءا من قواتها": what the trigger's own words name is
		// part of the event, no target; but the people deported or held ("رحلت السلطات لاجئين") are victims,
		// and those called on ("دعت الأمم المتحدة الأطراف") the addressees.
		for _, x := range m.extra {
			if harm(m.e.typ) || m.e.typ == marsad.REQUEST {
				break
			}
			if ev.actor2.s <= x && x < ev.actor2.e {
				ev.actor2 = phrase{}
			}
		}
		// "علقت الإدارة عمل منظمة إغاثية": a body whose work or funding is cut is the target, and so are the
		// bodies counted after it ("علق البنك المركزي تعاملات أربعة عشر مصرفاً محلياً").
		if !ev.actor2.ok() && m.e.typ == marsad.SANCTION && len(m.extra) > 0 {
			if x := m.last() + 1; x < hi && !sc.toks[x].gap && !sc.toks[x].def {
				if p, counted := sc.np(x, hi); p.ok() && (p.s == x && sc.agentive(p) || counted && !sc.toks[p.s].def) {
					ev.actor2 = p
				}
			}
		}
		// "رحلت السلطات أكثر من 300 لاجئ", "احتجز مسلحون رهائن": a trigger word naming people is the victim;
		// "طرد القائم بالأعمال": the diplomat expelled is the target; "دعا الصدر أنصاره": those called on.
		if !ev.actor2.ok() && (harm(m.e.typ) || m.e.typ == marsad.SANCTION || m.e.typ == marsad.REQUEST) {
			for _, x := range m.extra {
				t := &sc.toks[x]
				if harm(m.e.typ) && (len(sc.lx.roles[t.b]) > 0 || sc.victim(x)) || m.e.typ == marsad.COERCE && sc.is(cProperty, t) ||
					m.e.typ == marsad.SANCTION && sc.is(cTitle, t) ||
					m.e.typ == marsad.REQUEST && !sc.is(cStop, t) && !sc.prepWord(t) && !sc.is(cDeterminer, t) {
					ev.actor2 = phrase{x, sc.extend(x, hi)}
					break
				}
			}
		}
		// "أرسل البرنامج قافلة … لإغاثة آلاف النازحين": the aid sent is no recipient.
		if m.e.typ == marsad.AID && ev.actor2.ok() && sc.aid(&sc.toks[ev.actor2.s]) {
			ev.actor2 = phrase{}
		}
		if !ev.actor2.ok() {
			ev.actor2 = sc.target(&ev, hi)
		}
		if m.e.typ == marsad.ASSAULT && ev.actor2.ok() {
			ev.actor2 = sc.holder(ev.actor2, hi)
		}
		// "استنفرت قيادة عمليات بغداد قطعاتها", "حشدت جماعة الحوثي آلاف المقاتلين": what a side mobilizes is
		// its own, no target (114 of the 116 mobilizations of the news sets have none); so are the forces a
		// side withdraws.
		if m.e.typ == marsad.MOBILIZE || m.e.typ == marsad.RETREAT && ev.actor2.ok() && ev.actor2.e-ev.actor2.s == 1 && sc.possessed(ev.actor2.s) && !sc.taMarbuta(&sc.toks[ev.actor2.s]) {
			ev.actor2 = phrase{}
		}
		// ("يرفضون دعوة قوات سوريا الديمقراطية": a proposal that is itself a trigger word.)
		if m.e.typ == marsad.REJECT && !ev.actor2.ok() {
			k := m.last() + 1
			if a := ev.actor1; a.ok() && a.s == k {
				k = a.e
			}
			if k < hi && !sc.toks[k].gap && sc.is(cProposal, &sc.toks[k]) {
				ev.actor2 = phrase{k, k + 1}
			}
		}
		if m.e.typ == marsad.REJECT && ev.actor2.ok() && sc.is(cProposal, &sc.toks[ev.actor2.s]) {
			if p := sc.proposer(ev.actor2, hi); p.ok() {
				ev.actor2 = p
			}
		}
		// "احتجاجا على انقطاع التيار الكهربائي": a grievance is no actor; a protest's target is a party
		// ("ضد هيئة تحرير الشام"), as every blind set labels it.
		// ("ضد إدارة سجون الاحتلال": a body's word heads a party too.)
		if m.e.typ == marsad.PROTEST && ev.actor2.ok() && !sc.agentive(ev.actor2) && !(sc.is(cConstruct, &sc.toks[ev.actor2.s]) && ev.actor2.e-ev.actor2.s > 1) {
			ev.actor2 = phrase{}
		}
		if !ev.actor1.ok() && (m.e.kind == kindVictimVerb || m.e.kind == kindVictimNoun || ev.actor2.ok() || m.e.typ == marsad.ASSAULT) {
			ev.actor1 = sc.agent(m.last()+1, hi)
		}
		if !ev.actor1.ok() && m.e.typ == marsad.ASSAULT {
			ev.actor1 = sc.nationalWeapon(lo, hi, ev.actor2)
		}
		// "رفضت الجبهة الشعبية الانصياع … واحتجزت 68 رهينة": a verb joined by و to an earlier one shares its
		// subject.
		if !ev.actor1.ok() && m.e.kind == kindVerb && sc.toks[m.head].conj && sc.conjVerb(m.head) {
			for j := len(evs) - 1; j >= 0; j-- {
				if evs[j].m.e.kind == kindVerb && evs[j].actor1.ok() {
					ev.actor1 = evs[j].actor1
					break
				}
			}
		}
		if !ev.actor1.ok() && m.noun {
			ev.actor1 = sc.joined(m, hi)
		}
		if !ev.actor1.ok() && m.e.typ == marsad.PROTEST {
			ev.actor1 = sc.protesters(lo, hi)
		}
		// "اتفق الحزب الديمقراطي الكردستاني والاتحاد الوطني الكردستاني على": parties joined by و are the two
		// sides of an agreement, a meeting or a cooperation with no other.
		if mutual(m.e.typ) && ev.actor1.ok() && !ev.actor2.ok() {
			for c := ev.actor1.s + 1; c < ev.actor1.e; c++ {
				if t := &sc.toks[c]; t.conj && t.def && !nisba(t) && !sc.adjective(t) {
					t.clitics = 1
					ev.actor1, ev.actor2 = phrase{ev.actor1.s, c}, phrase{c, ev.actor1.e}
					break
				}
			}
		}
		// "اشتباكات بين X وY", "اندلعت اشتباكات بين X وY", "مباحثات بين X وY": the two sides.
		if (m.e.typ == marsad.ASSAULT || mutual(m.e.typ)) && (m.e.kind == kindNoun || len(m.extra) > 0) && (!ev.actor1.ok() || !ev.actor2.ok()) {
			if a, b := sc.between(m.last()+1, hi); a.ok() && b.ok() {
				ev.actor1, ev.actor2 = a, b
			}
		}
		// "انفجرت سيارة مفخخة", "عبوة ناسفة استهدفت", "انفجار عبوة ناسفة": a device is no doer, and the
		// device that explodes no target.
		if m.e.typ == marsad.ASSAULT && ev.actor1.ok() && sc.is(cDevice, &sc.toks[ev.actor1.s]) {
			ev.actor1 = phrase{}
		}
		if m.e.mode == "IED" && ev.actor2.ok() && sc.is(cDevice, &sc.toks[ev.actor2.s]) {
			ev.actor2 = phrase{}
		}
		// "قصفت القوات التركية قرى ناحية شيراوا": villages of a place are the target, the place where.
		// A named place shelled or besieged is no actor but where ("قصفت القوات قرية الدندنية", the guideline's
		// "a place is not an actor"), but a place seized is what is seized ("سيطرت الفصائل على قرية
		// الدردارة", after the trigger's على).
		var hitPlace phrase
		if p := ev.actor2; p.ok() && p.s+1 < hi && sc.is(cPlace, &sc.toks[p.s]) && !sc.toks[p.s+1].conj &&
			!(len(m.extra) > 0 && sc.is(cTargetPrep, &sc.toks[m.last()])) {
			switch {
			case p.e-p.s > 1 && sc.placeWord(&sc.toks[p.s+1]):
				ev.actor2.e = p.s + 1
			case harm(m.e.typ) && !sc.toks[p.s].def && !sc.is(cPlacePlural, &sc.toks[p.s]) &&
				!sc.is(cInstallation, &sc.toks[p.s]) && !sc.toks[p.s+1].prep && sc.placeName(p.s, hi, true).e > p.s+1:
				hitPlace, ev.actor2 = sc.placeName(p.s, hi, true), phrase{}
			case p.e-p.s > 1 && sc.locEntity(p.s+1):
				ev.actor2.e = p.s + 1
			}
		}
		// "أعادت السلطات اللبنانية فتح معبر المصنع الحدودي": a named place the trigger's own words end with
		// is where.
		if l := m.last(); len(m.extra) > 0 && !hitPlace.ok() && sc.is(cPlace, &sc.toks[l]) && sc.named(l, hi) {
			if p := sc.placeName(l, hi, true); p.e > l+1 && sc.placeOf(p) {
				hitPlace = sc.placeClitics(p)
			}
		}
		if m.e.kind == kindVerb && sc.is(cReceive, &sc.toks[m.head]) {
			ev.actor1, ev.actor2 = sc.giver(m.last()+1, hi), ev.actor1
		}
		// "وصلت … سفينة محمّلة بالقمح مقدّمة من الحكومة اليابانية": aid whose giver the text names after من.
		if m.e.typ == marsad.AID && !ev.actor1.ok() {
			ev.actor1 = sc.giver(m.last()+1, hi)
		}
		if ev.place = sc.meetingPlace(m, hi); hitPlace.ok() {
			ev.place = hitPlace
		} else if !ev.place.ok() {
			ev.place = sc.compassLead(sc.location(&ev, lo, sc.placeBound(m, ms, hi)), lo)
		}
		evs = append(evs, ev)
	}
	per := map[string]int{}
	for _, ev := range evs {
		per[ev.m.e.typ]++
	}
	cs := make([]cand, len(evs))
	cues := sc.sentenceCues(lo, hi)
	for i := range evs {
		cs[i].ev = evs[i]
		cs[i].x = sc.features(nil, &cs[i].ev, lo, hi, per[evs[i].m.e.typ], sc.lx.model(evs[i].m.e.typ).groups, &cues)
	}
	return sc.merge(cs)
}

// verbRoles fills the doer and target of a verb trigger from Arabic word order: the subject before the
// verb (SVO, "الجيش قصف"), or after it (VSO, "قصف الجيش القرية"); a count or a victim word right after an
// unmarked verb reads it as passive ("قتل 5 مدنيين").
func (sc *scan) verbRoles(ev *event, lo, hi int) {
	m := ev.m
	pre := sc.subjectBefore(m.head, lo)
	after := sc.skip(m.spanEnd()+1, hi)
	// "قوات النظام قصفت بالمدفعية الثقيلة منازل المدنيين": after a subject before the verb, the means may
	// come before the object.
	if pre.ok() && harm(m.e.typ) {
		after = sc.pastInstrument(after, hi)
	}
	// "القوات التركية استهدفت بقذائف الهاون، ظهر الاثنين، قرية أم الكيف": an aside between commas.
	after = sc.pastAside(after, hi)
	// "حمّل المرصد قوات النظام مسؤولية", "أطلقت طائرة صاروخا": the trigger's own later word ends the
	// phrases after the verb, and what follows that word is no object of the verb.
	end := hi
	np1, counted := sc.np(after, hi)
	// "أعلنت القيادة فرض حظر شامل للتجوال": after the trigger's own noun, an indefinite word is its adjective.
	// ("تتبادل المعلومات الاستخبارية مع دمشق": a definite one after a definite noun.)
	if e := m.spanEnd(); e > m.head && np1.ok() && np1.s == e+1 && (!sc.toks[e].def && !sc.toks[np1.s].def && !sc.toks[np1.s].num ||
		sc.toks[e].def && !sc.is(cAgent, &sc.toks[e]) && sc.toks[np1.s].def && nisba(&sc.toks[np1.s]) && np1.e == np1.s+1) {
		np1 = phrase{}
	}
	if len(m.extra) > 0 && m.extra[0] > m.spanEnd() && (!np1.ok() || np1.e <= m.extra[0]) {
		end = m.extra[0]
	}
	// "ووجه المحافظ نداء إلى": the trigger's own later word is no genitive of the subject before it.
	if len(m.extra) > 0 && np1.s < m.extra[0] && m.extra[0] < np1.e {
		np1.e, end = m.extra[0], m.extra[0]
	}
	var np2 phrase
	if np1.ok() {
		// "اعتقلت دورية للأمن العام، فجر الأحد، ثلاثة شبان": the subject's owner after لل.
		e0 := sc.pastParens(np1.e, hi)
		e1 := sc.pastDescription(sc.pastLeader(sc.pastOwner(e0, hi), hi), hi)
		k, open := sc.skip(e1, hi), e1 < hi && (!sc.toks[e1].gap || e0 > np1.e && e1 == e0 && !sc.comma(e1))
		// "اختطف مسلحون ملثمون، ليل الأحد، تاجرا": an aside between commas may sit between subject and object.
		if p := sc.pastAside(e1, hi); p > e1 {
			k, open = p, true
		}
		if k == np1.e || open {
			// An instrument may sit between subject and object: "استهدفت الميليشيات بصواريخ قاعدة"; but after
			// a victim it names the doer: "قتل مدني برصاص قناص".
			if harm(m.e.typ) && !(sc.victim(np1.s) && k < hi && sc.is(cAgentAfter, &sc.toks[k])) {
				k = sc.pastInstrument(k, hi)
				// "استهدفت القوات بقذائف الهاون، ظهر الاثنين، قرية أم الكيف"
				k = sc.pastAside(k, hi)
			}
			// "خطف عناصر من تنظيم داعش أربعة مدنيين": the group a subject belongs to comes before the object.
			if h := &sc.toks[np1.s]; k < hi && sc.toks[k].f == "من" && !h.def && (sc.is(cConstruct, h) || sc.is(cAgent, h)) {
				if g, _ := sc.np(k+1, hi); g.ok() && g.s == k+1 && (sc.toks[g.s].def || sc.toks[g.s].ent >= 0) {
					k = g.e
				}
			}
			// "استقبل رئيس الوزراء في بغداد السفير", "اتهمت منظمة العفو الدولية في تقرير جديد فصائل": a place
			// or the statement that says it may come before the object.
			if e := sc.inPhrase(k, hi); e > k && e < hi {
				// ("استقبل الرئيس في قصر الشعب بدمشق، الخميس، وفدا": and an aside after it.)
				aside := false
				if p := sc.pastAside(e, hi); p > e {
					e, aside = p, true
				}
				if o, counted := sc.np(e, hi); e < hi && (!sc.toks[e].gap || aside) && o.ok() && (o.s == e || counted) {
					k = e
				}
			}
			// "حمّل الشيخ حكمت الهجري، الرئيس الروحي لطائفة الموحدين الدروز، حكومة دمشق المسؤولية": when the
			// trigger's own later word lies past an aside that parenthetical does not read (pastLongAside), the
			// object is an actor that starts at the aside's closing comma.
			if len(m.extra) > 0 && end == m.extra[0] && sc.toks[np1.e].gap && sc.comma(np1.e) {
				for j := end - 1; j > k; j-- {
					if !sc.toks[j].gap {
						continue
					}
					if o, _ := sc.np(j, end); sc.comma(j) && o.s == j && sc.actorLike(j) && !sc.prepWord(&sc.toks[j]) {
						k = j
					}
					break
				}
			}
			np2, _ = sc.np(k, end)
			// "علقت الوكالة الأمريكية للتنمية الدولية تمويل": an object carries no preposition.
			if np2.ok() && sc.toks[np2.s].prep {
				np2 = phrase{}
			}
			// "طائرة استطلاع": a word that describes a weapon is no object.
			if np2.ok() && sc.is(cGenericNisba, &sc.toks[np2.s]) {
				np2 = phrase{}
			}
			// "شنت تركيا والفصائل الموالية لها هجوما": before the trigger's own word, a phrase after و is
			// the subject's conjunct; in an agreement or a meeting ("توصلت الحكومة وقسد إلى اتفاق") it is
			// the other party.
			if np2.ok() && end < hi && np2.s == np1.e && sc.toks[np2.s].conj && !sc.whole(&sc.toks[np2.s]) && !mutual(m.e.typ) {
				np1.e, np2 = np2.e, phrase{}
			}
		}
		if np2.ok() && placeIsWhere(m.e.typ) && sc.placeWord(&sc.toks[np2.s]) {
			np2 = phrase{}
		}
	}
	// "دمرت غارة إسرائيلية مستودع ذخيرة": an attack as the subject; its nationality or genitive names the
	// doer (see nationalWeapon), the phrase after it is the target.
	if !np1.ok() && harm(m.e.typ) && m.e.kind == kindVerb && after < hi && sc.toks[after].trig && sc.attack(&sc.toks[after]) && !pre.ok() {
		k := after + 1
		for k < hi && !sc.toks[k].gap && sc.adjective(&sc.toks[k]) {
			k++
		}
		if a, _ := sc.np(k, hi); a.ok() && a.s == k && sc.toks[k].def && sc.agentive(a) {
			ev.actor1, k = a, a.e
		}
		// "دمرت غارة إسرائيلية فجر اليوم مستودعا"
		if j := sc.skip(k, hi); j > k && j < hi && !sc.toks[k].gap {
			k = j
		}
		if k < hi && !sc.toks[k].gap {
			if o, _ := sc.np(k, hi); o.ok() && o.s == k {
				ev.actor2 = o
			}
		}
		return
	}
	// "جثة شاب قتل برصاص مجهولين": a victim right before a verb whose doer follows it is the verb's object.
	if harm(m.e.typ) && !np1.ok() && !pre.ok() && m.head > lo && after < hi && sc.is(cAgentAfter, &sc.toks[after]) &&
		!sc.toks[m.head].gap && !sc.toks[m.head].conj && !sc.toks[m.head-1].def && sc.victim(m.head-1) {
		ev.actor2 = phrase{m.head - 1, m.head}
		return
	}
	if m.e.kind == kindVictimVerb {
		// "تعرض للضرب المبرح": after a victim verb's own words the victim is not found, but before it.
		// ("تعرض موكب والي جنوب كردفان لهجوم": the victim between the verb and its own later word.)
		if np1.ok() && (m.spanEnd() == m.head || len(m.extra) > 0 && np1.s > m.head && np1.e <= m.extra[0]) {
			ev.actor2 = np1
		} else {
			ev.actor2 = pre
		}
		return
	}
	// A place right after the verb is its object, the subject being in the verb: "حررت بلدة الباغوز".
	// What is said has a speaker, so "رحبت الجامعة العربية" names an organization, not a campus.
	// ("أبرمت الجبهة الشامية اتفاقاً": before the trigger's own later word the phrase is the subject.)
	if !pre.ok() && np1.ok() && !np2.ok() && sc.placeWord(&sc.toks[np1.s]) && !said(m.e.typ) && !(len(m.extra) > 0 && m.extra[0] >= np1.e) {
		np1, np2 = phrase{}, np1
		if placeIsWhere(m.e.typ) {
			np2 = phrase{}
		}
	}
	// "أنه قتل عددا من زعماء طالبان": after a particle carrying a pronoun, that pronoun is the subject and
	// the phrase after the verb its object.
	if !pre.ok() && m.head > lo && !sc.toks[m.head].gap && sc.is(cPronounParticle, &sc.toks[m.head-1]) {
		if m.e.kind == kindVerb && m.e.typ != marsad.PROTEST {
			ev.actor1, ev.actor2 = sc.speaker(m.head-1, lo), np1
			return
		}
	}
	// "فجر 3 انتحاريين أنفسهم", "انتحاري يقود سيارة فجر نفسه": who blows himself up is the doer, after
	// the verb or, when a clause about him comes between, before it.
	if m.e.typ == marsad.ASSAULT && !pre.ok() {
		switch {
		case np1.ok() && np1.e < hi && sc.is(cReflexive, &sc.toks[np1.e]):
			ev.actor1 = np1
			return
		case after < hi && sc.is(cReflexive, &sc.toks[after]):
			for k := m.head - 1; k >= lo && k >= m.head-8 && !sc.toks[k+1].gap; k-- {
				if sc.is(cAgent, &sc.toks[k]) && sc.head(k) {
					ev.actor1, _ = sc.np(k, m.head)
					return
				}
			}
		}
	}
	// "انتحاريات فجرن أنفسهن", "فتاتين كانتا تتسولان، فجرتا نفسيهما": the reflexive is neither the doer nor
	// the target.
	if np1.ok() && sc.is(cReflexive, &sc.toks[np1.s]) {
		np1 = phrase{}
	}
	// "انفجار عبوة ناسفة استهدفت موكبه": a verb right after an indefinite noun describes it, and the noun is
	// its subject.
	if harm(m.e.typ) && !pre.ok() && np1.ok() && !counted && m.e.kind == kindVerb {
		if d, ok := sc.described(m.head, lo); ok {
			ev.actor1, ev.actor2 = d, np1
			return
		}
	}
	// "قتل مزارعان على يد مسلحين": the doer marked after the first phrase makes that phrase the victim.
	// ("قتل راع من أبناء بادية تدمر على يد عناصر التنظيم": past where the victim comes from.)
	// ("أطلق جنود الاحتلال النار": before the trigger's own later word, the phrase is its subject; "حشدت
	// مئات من عناصرها": a count of the subject's own men is its object.)
	ownWord := len(m.extra) > 0 && np1.ok() && np1.e <= m.extra[0]
	passive := harm(m.e.typ) && !pre.ok() && np1.ok() && (counted && !sc.possessed(np1.s) || sc.doerMark(sc.pastOrigin(np1.e, hi), hi) ||
		!np2.ok() && sc.victim(np1.s) && !ownWord)
	// A vowelled passive says so itself: "قُتل", "اعتُقل"; its subject before it is the victim ("إن طفلين
	// قُتلا").
	passive = passive || np1.ok() && sc.vowelledPassive(m.head)
	switch {
	case pre.ok() && sc.vowelledPassive(m.head) && harm(m.e.typ):
		ev.actor2 = pre
	case passive:
		ev.actor2 = np1
	case pre.ok():
		ev.actor1, ev.actor2 = pre, np1
	default:
		ev.actor1, ev.actor2 = np1, np2
	}
	// What is condemned or welcomed may be an event itself: "استنكرت الوزارة الاعتداء على السفارة", also
	// after the manner ("أدانت الوزارة بأشد العبارات القصف").
	if said(m.e.typ) && !ev.actor2.ok() {
		k := m.spanEnd() + 1
		if ev.actor1.ok() && ev.actor1.s > m.head {
			k = ev.actor1.e
		}
		if k+2 < hi && (sc.toks[k].f == "باشد" || sc.toks[k].f == "باقوي") && !sc.toks[k+1].gap {
			k += 2
		}
		// ("أدانت دولة قطر بشدة الهجوم الإرهابي")
		if k+1 < hi && sc.toks[k].f == "بشده" && !sc.toks[k+1].gap {
			k++
		}
		if k < hi && sc.toks[k].trig && sc.toks[k].def && !sc.toks[k].prep && !sc.toks[k].gap {
			e := k + 1
			for e < hi && !sc.toks[e].gap && sc.toks[e].def && !sc.toks[e].trig && nisba(&sc.toks[e]) {
				e++
			}
			ev.actor2 = phrase{k, e}
		}
	}
	// "هدد الرئيس بعملية عسكرية": what is threatened with is no target.
	if m.e.typ == marsad.THREATEN && ev.actor2.ok() {
		if t := &sc.toks[ev.actor2.s]; !t.def && t.ent < 0 && strings.HasPrefix(t.f, "ب") {
			ev.actor2 = phrase{}
		}
	}
	// "هددت الميليشيات باستهداف القوات", "توعدت الفصائل بضرب القوات": the target of a threatened attack is
	// the threat's.
	if m.e.typ == marsad.THREATEN && !ev.actor2.ok() {
		k := m.spanEnd() + 1
		if ev.actor1.ok() && ev.actor1.s > m.head {
			k = ev.actor1.e
		}
		if t := &sc.toks[min(k, hi-1)]; k+1 < hi && !t.def && strings.HasPrefix(t.b, "ب") && !sc.toks[k+1].gap {
			// "توعد الوزير بمواصلة العمليات ضد الحزب": a target after ضد or على goes first.
			if p := sc.againstAfter(k+1, hi); p.ok() {
				ev.actor2 = p
			} else if p, _ := sc.np(k+1, hi); p.s == k+1 && (sc.attack(t) || sc.toks[p.s].def || sc.toks[p.s].ent >= 0) {
				ev.actor2 = p
			}
		}
	}
	// Protest verbs take no object ("تظاهر المئات", "أضرب عمال المصنع عن العمل"); their target follows
	// على or ضد ("احتجاجا على").
	if m.e.typ == marsad.PROTEST {
		if pre.ok() {
			ev.actor1 = pre
		} else {
			ev.actor1 = np1
		}
		ev.actor2 = phrase{}
	}
	// "أطلق سراح X", "أفرج عن X": the released follow the trigger's last word; so does the addressee of
	// "طلب من X".
	// ("خففت الإدارة القيود المفروضة": after the object the trigger names, its adjective.)
	l := &sc.toks[m.last()]
	if ((m.e.typ == marsad.CONCEDE || m.e.mode == "release") && (sc.is(cStop, l) || l.b == "سراح" || !l.def && strings.HasPrefix(l.f, "ل")) || m.e.typ == marsad.REQUEST && (l.f == "من" || l.f == "الي" && len(m.extra) > 1)) && len(m.extra) > 0 && !ev.actor2.ok() {
		k := m.last() + 1
		for k < hi && !sc.toks[k].gap && nisba(&sc.toks[k]) {
			k++
		}
		if k < hi && !sc.toks[k].gap {
			ev.actor2, _ = sc.np(k, hi)
		}
	}
}

// pastOrigin returns the end of where a person comes from after k ("من أبناء بادية تدمر", "من أهالي قضاء
// سنجار"), or k when it is not said.
func (sc *scan) pastOrigin(k, hi int) int {
	if k+2 >= hi || sc.toks[k].f != "من" || sc.toks[k].gap || sc.toks[k+1].gap || !sc.is(cResidents, &sc.toks[k+1]) {
		return k
	}
	if e := k + 2; !sc.toks[e].gap && (sc.placeWord(&sc.toks[e]) || sc.locEntity(e)) {
		return sc.placeName(e, hi, sc.placeWord(&sc.toks[e])).e
	}
	if p, _ := sc.np(k+1, hi); p.ok() && p.s == k+1 {
		return p.e
	}
	return k
}

// doerMark reports the marker of a passive's doer at k: "على يد", "على أيدي", "من قبل", "برصاص", "بنيران".
func (sc *scan) doerMark(k, hi int) bool {
	if k+1 >= hi || sc.toks[k].gap {
		return false
	}
	switch t, n := &sc.toks[k], &sc.toks[k+1]; {
	case t.f == "علي":
		return n.f == "يد" || n.f == "يدي" || n.f == "ايدي"
	case t.f == "من":
		return n.f == "قبل" || n.f == "طرف"
	default:
		// "قصفت الطائرات بغارات" names the means, not a doer.
		return t.f == "برصاص" || t.f == "بنيران"
	}
}

// againstAfter returns the phrase after ضد or على within eight words from k in the same clause.
func (sc *scan) againstAfter(k, hi int) phrase {
	for end := min(hi, k+8); k < end && !sc.toks[k].gap; k++ {
		if f := sc.toks[k].f; f == "ضد" || f == "علي" {
			if p, _ := sc.np(k+1, hi); p.ok() && p.s == k+1 && !sc.placeWord(&sc.toks[p.s]) {
				return p
			}
			return phrase{}
		}
	}
	return phrase{}
}

// instrument reports a word that opens a phrase of means with ب: "بصواريخ", "بالمدفعية", "وبالصواريخ",
// "بطائرتين".
func (sc *scan) instrument(t *tok) bool {
	if t.prep {
		return strings.HasPrefix(strings.TrimPrefix(t.f, "و"), "ب")
	}
	if !strings.HasPrefix(t.b, "ب") {
		return false
	}
	if sc.prepWord(t) {
		return true
	}
	// A dual or plural of a weapon: "بطائرتين" is "طائرة" twice.
	rest := t.b[len("ب"):]
	for _, end := range [...]string{"تين", "تان", "ين", "ان", "ات"} {
		if stem, ok := strings.CutSuffix(rest, end); ok && runes(stem) > 2 {
			if strings.HasPrefix(end, "ت") || end == "ات" {
				stem += "ه"
			}
			if sc.lx.bareClasses(stem)&(sc.lx.bits[cWeapon]|sc.lx.bits[cDevice]) != 0 {
				return true
			}
		}
	}
	return false
}

// pastInstrument returns the end of a phrase of means that starts at k, or k when there is none:
// "بالمدفعية الثقيلة", "بقذائف المدفعية", "بطائرتين مسيرتين مفخختين".
func (sc *scan) pastInstrument(k, hi int) int {
	if k >= hi || !sc.instrument(&sc.toks[k]) {
		return k
	}
	ins := &sc.toks[k]
	for k++; k < hi && !sc.toks[k].gap && sc.toks[k].def == ins.def && (sc.adjective(&sc.toks[k]) || !ins.def && dualAgrees(ins, &sc.toks[k])); k++ {
	}
	// "بالمدفعية والطائرات المسيرة": a second means joined by و.
	if k < hi && !sc.toks[k].gap && sc.toks[k].conj && ins.def && sc.toks[k].def && sc.lx.bareClasses(sc.toks[k].b)&(sc.lx.bits[cWeapon]|sc.lx.bits[cAgent]) != 0 {
		for k++; k < hi && !sc.toks[k].gap && sc.toks[k].def && sc.adjective(&sc.toks[k]); k++ {
		}
	}
	// "بقذائف المدفعية": an indefinite instrument takes a genitive.
	if !ins.def && k < hi && !sc.toks[k].gap && sc.toks[k].def && !sc.toks[k].prep && sc.head(k) && !sc.placeWord(&sc.toks[k]) {
		for k++; k < hi && !sc.toks[k].gap && sc.toks[k].def && sc.adjective(&sc.toks[k]); k++ {
		}
	}
	return k
}

// dualAgrees reports an indefinite word with the dual ending of the noun it follows, its adjective:
// "بطائرتين مسيرتين".
func dualAgrees(noun, t *tok) bool {
	for _, end := range [...]string{"تين", "تان"} {
		if strings.HasSuffix(noun.b, end) && strings.HasSuffix(t.b, end) && !t.trig {
			return true
		}
	}
	return false
}

// adjective reports a word that describes the noun before it: "الثقيلة", "تركية", "المسلحة".
func (sc *scan) adjective(t *tok) bool {
	return !t.trig && !sc.placeWord(t) && (nisba(t) || sc.is(cGenericNisba, t) || sc.is(cParticiple, t))
}

// locEntity reports a token inside a place entity.
func (sc *scan) locEntity(k int) bool {
	return sc.toks[k].ent >= 0 && sc.doc.Entities[sc.toks[k].ent].Type == marsad.LOC
}

// ali returns k+1 when the word at k is the name علي, which folds like the preposition على, before the rest
// of a personal name the tagger found ("الرئيس المخلوع علي عبدالله صالح", "الطفل علي دوابشة"); else k.
func (sc *scan) ali(k, hi int) int {
	if k+1 < hi && sc.toks[k].f == "علي" && !sc.toks[k].gap && !sc.toks[k+1].gap && sc.person(k+1) {
		return k + 1
	}
	return k
}

// person reports a token of a person's name: "هدد سيمون الوكيل، قائد ميليشيا الدفاع الوطني، باقتحام" has
// the name's title between commas.
func (sc *scan) person(k int) bool {
	return k >= 0 && sc.toks[k].ent >= 0 && sc.doc.Entities[sc.toks[k].ent].Type == marsad.PER
}

// victim reports a word for people hit by violence: one of the victim class, or its dual or feminine
// ("شرطيان", "عنصرين", "ناشطة").
func (sc *scan) victim(k int) bool {
	t := &sc.toks[k]
	if sc.is(cVictim, t) {
		return true
	}
	b := t.b
	switch {
	case runes(b) > 4 && (strings.HasSuffix(b, "ان") || strings.HasSuffix(b, "ين")):
		b = b[:len(b)-len("ان")]
	case runes(b) > 3 && strings.HasSuffix(b, "ه") && !sc.possessed(k):
		b = b[:len(b)-len("ه")]
	default:
		return false
	}
	return sc.lx.bareClasses(b)&sc.lx.bits[cVictim] != 0
}

// attack reports a word that can be the noun of an attack or an arrest: "باستهداف", "بقصف".
func (sc *scan) attack(t *tok) bool {
	found := false
	sc.lx.nounEntries(t, func(e *entry) { found = found || harm(e.typ) })
	return found
}

// lightSubject returns the subject of a verb of class c shortly before the noun trigger at head, when at
// most two words (a preposition, "التوصل إلى", "من محاولة") come between it and the trigger. The subject
// may come before the verb ("قوات النظام خاضت اشتباكات", "الفرقة الرابعة تعمل بالتعاون"), and a light verb
// may itself be the verbal noun of another ("تواصل قوات النظام فرض حصار").
func (sc *scan) lightSubject(c class, head, lo int) (subject, partner phrase) {
	// ("أعلن الاتحاد الأوروبي، الإثنين، تمديد العقوبات": an aside may end a word or two before the noun.)
	end, slack := head, 2
	for k := head; k > lo && k >= head-2; k-- {
		if sc.toks[k].gap {
			if a := sc.beforeAside(k, lo); a < k {
				end, slack = a, 2-(head-k)
			}
			break
		}
	}
	end = sc.beforeParens(end, lo)
	for j := head - 1; j >= lo && j >= end-maxPhrase-3; j-- {
		if sc.toks[j].trig || j < end-1 && sc.toks[j+1].gap {
			break
		}
		if !sc.is(c, &sc.toks[j]) {
			continue
		}
		// "قواته تواصل ملاحقة عناصر داعش بالتنسيق": a subject before the verb leaves the phrase after it
		// its object.
		if p := sc.subjectBefore(j, lo); p.ok() && !sc.is(c, &sc.toks[p.s]) {
			return p, phrase{}
		}
		p, _ := sc.np(sc.skip(j+1, end), end)
		// "سيرت القوات الروسية بالتعاون مع الجيش التركي دورية مشتركة": the partner of a joint act.
		e := p.e
		if p.ok() && e+2 < end && sc.is(cLed, &sc.toks[e]) && sc.toks[e+1].f == "مع" && !sc.toks[e+1].gap && !sc.toks[e+2].gap {
			if q, _ := sc.np(e+2, end); q.ok() && q.s == e+2 {
				partner, e = q, q.e
			}
		}
		// "نفذ الجيش اللبناني وقوات اليونيفيل دوريات مشتركة": two parties.
		if p.ok() && !partner.ok() && e < end && sc.toks[e].conj && !sc.toks[e].gap {
			if q, _ := sc.np(e, end); q.ok() && q.s == e {
				sc.toks[e].clitics = 1
				partner, e = q, q.e
			}
		}
		// ("أعلنت وكالة الاستخبارات في وزارة الداخلية القبض": the body the subject belongs to.)
		e = sc.inPhrase(e, end)
		if p.ok() && end-e <= slack {
			return p, partner
		}
		partner = phrase{}
		if j+1 < end {
			break
		}
		end = j
	}
	return phrase{}, phrase{}
}

// doneBy returns the doer of a verbal noun after "قام X بـ" ("قام مسلحون مقنعون بخطف") or "أقدم X على"
// ("أقدم مسلحون مجهولون يستقلون دراجة نارية على خطف طبيب": a clause about the doer may come between).
func (sc *scan) doneBy(head, lo int) phrase {
	t := &sc.toks[head]
	if head-1 > lo && sc.toks[head-1].f == "علي" && !t.gap {
		// ("أقدم مستوطنون، صباح الاثنين، على الاعتداء": past an aside.)
		end := sc.beforeAside(head-1, lo)
		if end == head-1 && sc.toks[end].gap {
			return phrase{}
		}
		for j := end - 1; j >= lo && j >= end-maxPhrase-5; j-- {
			if sc.toks[j].trig || j < end-1 && sc.toks[j+1].gap {
				break
			}
			if b := strings.TrimPrefix(sc.toks[j].f, "و"); b == "اقدم" || b == "اقدمت" || b == "اقدموا" || b == "يقدم" || b == "تقدم" {
				if p, _ := sc.np(sc.skip(j+1, end), end); p.ok() && p.s == sc.skip(j+1, end) {
					return p
				}
				break
			}
		}
		return phrase{}
	}
	if t.def || !strings.HasPrefix(t.b, "ب") {
		return phrase{}
	}
	for j := head - 1; j >= lo && j >= head-maxPhrase-1; j-- {
		if b := sc.toks[j].f; b == "قام" || b == "قامت" || b == "وقام" || b == "وقامت" || b == "يقوم" || b == "تقوم" || b == "قاموا" {
			if p, _ := sc.np(j+1, head); p.ok() && p.e == head {
				return p
			}
			break
		}
	}
	return phrase{}
}

// between reads the two sides of a clash after its noun: "اشتباكات عنيفة بين قوات النظام وفصائل
// المعارضة". The second side starts after its conjunction (see ref).
func (sc *scan) between(k, hi int) (a, b phrase) {
	for k < hi && !sc.toks[k].gap && (nisba(&sc.toks[k]) || sc.is(cGenericNisba, &sc.toks[k])) {
		k++
	}
	// "اندلعت اشتباكات عنيفة، مساء الجمعة، بين": past an aside; "توقيع اتفاق في مدينة مأرب بين": past a place.
	if p := sc.parenthetical(k, hi); p > k {
		k = p
	}
	k = sc.inPhrase(k, hi)
	near := k+1 < hi && sc.toks[k].f == "بين"
	if !near {
		// "اندلعت اشتباكات عنيفة في شوارع تعز، ثالث أكبر مدينة في اليمن، بين": further on, before any other
		// event word.
		for j := k; j < hi && j < k+maxBetween && !sc.toks[j].trig; j++ {
			if sc.toks[j].f == "بين" && j > 0 && sc.toks[j-1].f != "من" {
				k = j
				break
			}
		}
	}
	if k+1 >= hi || sc.toks[k].f != "بين" || sc.toks[k+1].gap {
		return phrase{}, phrase{}
	}
	a, _ = sc.np(k+1, hi)
	// ("الطريق الواصل بين محافظة صنعاء ومحافظة المحويت": far from the event, places are what lies between.)
	if !a.ok() || !near && (sc.is(cPlace, &sc.toks[a.s]) || sc.locEntity(a.s)) {
		return phrase{}, phrase{}
	}
	// "بين المقاومة والجيش الوطني من جهة، والمتمردين الحوثيين من جهة أخرى": each side is whole.
	e := a.e
	sided := e+1 < hi && sc.toks[e].f == "من" && sc.toks[e+1].b == "جهه"
	if sided {
		e += 2
	}
	// ("بين فصيلي فرقة السلطان مراد وأحرار الشرقية": فرقة is no conjunct.)
	for c := a.s + 1; c < a.e && !sided; c++ {
		if sc.toks[c].conj && !sc.whole(&sc.toks[c]) {
			sc.toks[c].clitics = 1
			return phrase{a.s, c}, phrase{c, a.e}
		}
	}
	if e < hi && sc.toks[e].conj && (!sc.toks[e].gap || sided) {
		// ("وبين فصائل معارضة": the second side may repeat بين.)
		if e+1 < hi && sc.toks[e].f == "وبين" && !sc.toks[e+1].gap {
			if b, _ = sc.np(e+1, hi); b.ok() {
				return a, b
			}
		}
		if b, _ = sc.np(e, hi); b.ok() {
			sc.toks[e].clitics = 1
		}
	}
	return a, b
}

// maxBetween bounds how far after a clash's noun its بين is looked for.
const maxBetween = 14

// described reports whether the verb at i describes the indefinite noun right before it, as an Arabic
// relative clause without a pronoun does, and returns that noun's phrase, its subject: "عبوة ناسفة
// استهدفت" → "عبوة ناسفة". After an attack ("هجوم مسلح استهدف") the subject is the attack, no actor.
func (sc *scan) described(i, lo int) (phrase, bool) {
	j := i - 1
	if j < lo || sc.toks[i].gap || sc.toks[i].conj {
		return phrase{}, false
	}
	t := &sc.toks[j]
	if t.def || t.num {
		return phrase{}, false
	}
	if t.trig {
		return phrase{}, true // "هجوم استهدف"
	}
	if !sc.head(j) {
		return phrase{}, false
	}
	k := j
	for k > lo && j-k < maxPhrase-1 && !sc.toks[k].gap && !sc.toks[k-1].def && sc.head(k-1) && sc.cont(&sc.toks[k-1], &sc.toks[k]) {
		k--
	}
	if sc.is(cGenericNisba, &sc.toks[k]) || nisba(&sc.toks[k]) {
		// The adjectives of an attack noun: "هجوم مسلح استهدف".
		return phrase{}, k > lo && sc.toks[k-1].trig && !sc.toks[k].gap
	}
	if k > lo && !sc.toks[k].gap && !sc.toks[k-1].trig && !sc.toks[k-1].def && !sc.is(cStop, &sc.toks[k-1]) {
		return phrase{}, false
	}
	return phrase{k, i}, true
}

// clauseSubject returns the subject of the clause a participle at i goes with: the doer of the nearest
// verb event before it (evs) or the subject of the nearest verb of saying ("وقال عباس: «…»، داعيا المجتمع
// الدولي إلى", "وندد الوزير بالهجوم، مطالبا"); none when neither comes first.
func (sc *scan) clauseSubject(evs []event, i, lo int) phrase {
	for j := i - 1; j >= lo; j-- {
		if k := slices.IndexFunc(evs, func(ev event) bool { return ev.m.head == j }); k >= 0 {
			if kind := evs[k].m.e.kind; kind == kindVerb || kind == kindCircumstant {
				return evs[k].actor1
			}
		}
		t := &sc.toks[j]
		// (A verb the tables know opens a clause too: "ووصف رئيس البلدية السلاح الذري بأنه …، داعيا".)
		known := false
		if t.gap {
			sc.lx.verbEntries(t.f, func(*entry, bool) { known = true })
		}
		if (known || sc.is(cReportCue, t) && !t.def) && j+1 < i && !sc.toks[j+1].gap {
			if p, _ := sc.np(sc.skip(j+1, i), i); p.ok() && (sc.toks[p.s].def || sc.toks[p.s].ent >= 0) {
				return p
			}
		}
	}
	return phrase{}
}

// speaker returns the subject of the verb of saying before the particle at k, whom its pronoun names:
// "أعلن الجيش أنه قتل" → "الجيش".
func (sc *scan) speaker(k, lo int) phrase {
	for j := k - 1; j >= lo && j >= k-12; j-- {
		if sc.toks[j].trig {
			break
		}
		if sc.is(cReportCue, &sc.toks[j]) && j+1 < k {
			p, _ := sc.np(sc.skip(j+1, k), k)
			return p
		}
	}
	return phrase{}
}

// mutual reports the types done between parties, whose second party is the target.
func mutual(typ string) bool {
	return typ == marsad.AGREE || typ == marsad.CONSULT || typ == marsad.COOPERATE
}

// harm reports the types whose object is hurt or seized, so that a verb with a victim after it reads as
// a passive and a weapon may sit between the verb's subject and object.
func harm(typ string) bool { return typ == marsad.ASSAULT || typ == marsad.COERCE }

// vowelledPassive reports a past verb written with the damma of the passive on one of its first three
// letters: "قُتل", "اعتُقل", "أُصيب".
func (sc *scan) vowelledPassive(k int) bool {
	w := sc.doc.Text[sc.toks[k].start:sc.toks[k].end]
	letters := 0
	for _, r := range w {
		switch {
		case r == '\u064F':
			return letters <= 3
		case !arabic.IsDiacritic(r):
			letters++
		}
	}
	return false
}

// placeIsWhere reports the types whose object place is where they happen, not whom they touch: a town
// visited, left, reinforced or supplied ("زار وفد روسي مدينة القامشلي"), unlike a village shelled.
func placeIsWhere(typ string) bool {
	switch typ {
	case marsad.CONSULT, marsad.RETREAT, marsad.MOBILIZE, marsad.AID:
		return true
	}
	return false
}

// nounRoles fills the roles of a verbal noun: an adjective of nationality or a genitive naming a force is
// the doer ("قصف تركي", "قصف الطائرات"), another genitive the target, and a victim noun's genitive the
// victim ("مقتل 5 مدنيين").
func (sc *scan) nounRoles(ev *event, lo, hi int) {
	k := ev.m.spanEnd() + 1
	def := sc.toks[ev.m.head].def
	for k < hi && !sc.toks[k].gap && sc.toks[k].def == def && !sc.toks[k].trig && (sc.is(cGenericNisba, &sc.toks[k]) || sc.is(cNationality, &sc.toks[k])) {
		if !ev.actor1.ok() && sc.is(cNationality, &sc.toks[k]) {
			ev.actor1 = phrase{k, k + 1}
		}
		k++
	}
	// "حملة اعتقالات تطال 20 شخصا", "قصف مدفعي طال بلدة": what the event reaches is its target.
	if p, ok := sc.reached(k, hi); ok {
		ev.actor2 = p
		return
	}
	// "إخلاء نقطة المراقبة": after the trigger's own noun, the genitive is that noun's.
	if ev.m.spanEnd() > ev.m.head && ev.m.e.kind == kindNoun && k < hi && !sc.toks[k].gap && !sc.toks[k].prep && sc.toks[k].ent < 0 && !strings.HasPrefix(sc.toks[k].f, "ل") {
		return
	}
	// "رفضها القاطع": a noun with a pronoun takes no genitive; the definite words after it are adjectives.
	if h := ev.m.head; sc.possessed(h) && !sc.taMarbuta(&sc.toks[h]) {
		for k < hi && !sc.toks[k].gap && sc.toks[k].def && !sc.toks[k].prep && !sc.toks[k].trig && sc.toks[k].ent < 0 {
			k++
		}
	}
	if k >= hi || sc.toks[k].gap {
		return
	}
	// "هجوم لداعش", "تفجير لـ«إيتا»": the doer after ل.
	// ("تأييدهم لمجلس دير الزور" names whom the support goes to: see recipient.)
	if t := &sc.toks[k]; !ev.actor1.ok() && !t.def && strings.HasPrefix(t.f, "ل") && ev.m.e.kind == kindNoun && !said(ev.m.e.typ) && ev.m.e.typ != marsad.AID {
		if t.f == "ل" && k+1 < hi {
			ev.actor1, _ = sc.np(k+1, hi)
			return
		}
		if t.ent >= 0 {
			ev.actor1, _ = sc.np(k, hi)
			return
		}
		if sc.lamAgent(k) {
			ev.actor1 = phrase{k, sc.extend(k, hi)}
			return
		}
		// "وقفة احتجاجية لذوي المعتقلين": those who protest after ل.
		if ev.m.e.typ == marsad.PROTEST && !t.def && !t.conj && runes(t.f) > 3 && sc.lx.bareClasses(t.f[len("ل"):])&(sc.lx.bits[cResidents]|sc.lx.bits[cProtester]) != 0 {
			t.clitics = 1
			ev.actor1 = phrase{k, sc.extend(k, hi)}
			return
		}
	}
	// A genitive carries no preposition: "هجوم بحزامين ناسفين" names the weapon, "قصف بلدة" the target.
	if t := &sc.toks[k]; t.prep && !strings.HasPrefix(t.f, "لل") || !t.def && strings.HasPrefix(t.b, "ب") && !sc.placeWord(t) {
		return
	}
	np, _ := sc.np(k, hi)
	if !np.ok() || np.s != k && ev.m.e.kind == kindNoun {
		return
	}
	t := &sc.toks[np.s]
	if !t.def && t.ent < 0 && !sc.is(cAgent, t) && np.e-np.s == 1 && ev.m.e.kind == kindNoun {
		return
	}
	// "إضراب المعلمين", "اعتصام ذوي المختطفات": people hold a protest, whatever their words.
	protesters := ev.m.e.typ == marsad.PROTEST && !sc.toks[ev.m.head].def && !strings.HasPrefix(t.f, "ل") && !sc.is(cTime, t) && !sc.is(cSkip, t) && !sc.placeWord(t) && t.ent < 0 &&
		(t.def && !nisba(t) && !sc.is(cParticiple, t) && !sc.is(cGenericNisba, t) || sc.is(cConstruct, t) || sc.is(cResidents, t) || sc.is(cProtester, t))
	if ev.m.e.kind == kindNoun && !ev.actor1.ok() && (sc.agentive(np) || protesters) {
		ev.actor1 = np
	} else {
		ev.actor2 = np
	}
}

// giver returns who gave what a verb of receiving received: a force, an organization or a person after من
// ("اتصالا هاتفيا من نظيره الإيراني", "شحنة من الأسلحة مقدمة من التحالف الدولي").
func (sc *scan) giver(k, hi int) phrase {
	// ("…، مقدمة من مركز الملك سلمان": the giver's participle may follow a comma.)
	for ; k < hi && (!sc.toks[k].gap || sc.comma(k) && strings.HasPrefix(sc.toks[k].b, "مقدم")); k++ {
		if sc.toks[k].f != "من" {
			continue
		}
		// ("مقدمة من دولة قطر": after the participle of giving, a state or a body gives too.)
		given := k > 0 && strings.HasPrefix(sc.toks[k-1].b, "مقدم")
		if p, _ := sc.np(k+1, hi); p.ok() && p.s == k+1 && (sc.agentive(p) || sc.is(cTitle, &sc.toks[p.s]) || given && (sc.is(cConstruct, &sc.toks[p.s]) || sc.locEntity(p.s))) {
			return p
		}
	}
	return phrase{}
}

// agentive reports a phrase that names a force: an agent word or an organization entity at its head.
func (sc *scan) agentive(p phrase) bool {
	t := &sc.toks[p.s]
	if sc.is(cAgent, t) {
		return true
	}
	return t.ent >= 0 && sc.doc.Entities[t.ent].Type != marsad.LOC
}

// subjectBefore returns the noun phrase right before the verb at i when it opens its clause, the Arabic SVO
// order ("المسلحون اقتحموا", "أن مسلحين مجهولين اغتالوا"); with "كان ... قد" the subject sits between them.
func (sc *scan) subjectBefore(i, lo int) phrase {
	// "قوات النظام السوري، المتمركزة في محيط مدينة سراقب، قصفت": an aside between the subject and the verb.
	if a := sc.beforeAside(i, lo); a < i && a > lo && !sc.toks[i].conj {
		return sc.subjectEnding(a, lo, true)
	}
	return sc.subjectEnding(i, lo, false)
}

// subjectEnding reads the subject that ends before token i; aside says an aside came between it and the verb
// at i, so that a break before i is no end of the clause.
func (sc *scan) subjectEnding(i, lo int, aside bool) phrase {
	j := i - 1
	if j >= lo && (sc.toks[j].b == "قد" || sc.toks[j].b == "لقد") && !sc.toks[i].gap {
		for k := j - 1; k >= lo && k >= j-10; k-- {
			if b := sc.toks[k].f; b == "كان" || b == "كانت" || b == "وكان" || b == "وكانت" || b == "كانوا" || b == "وكانوا" {
				p, _ := sc.np(k+1, j)
				return p
			}
		}
		j--
	}
	if j < lo || sc.toks[i].gap && !aside || sc.toks[j].trig {
		return phrase{}
	}
	// "قوات النظام والميليشيات الموالية لها خاضت": the pronoun after a participle belongs to it, and the
	// phrase ends before it.
	if j > lo && !sc.toks[j].gap && sc.is(cPronounPrep, &sc.toks[j]) && sc.is(cParticiple, &sc.toks[j-1]) {
		j--
	}
	// "العلمانيين الذين تظاهروا": the subject is the definite noun the relative pronoun refers to.
	if sc.is(cRelative, &sc.toks[j]) {
		k := j - 1
		for k > lo && j-1-k < maxPhrase-1 && !sc.toks[k].gap && sc.toks[k-1].def && sc.head(k-1) && sc.cont(&sc.toks[k-1], &sc.toks[k]) {
			k--
		}
		if k < lo || !sc.toks[k].def || !sc.head(k) || sc.toks[k].prep {
			return phrase{}
		}
		return phrase{k, j}
	}
	// "... إطارات السيارات ورددوا هتافات": a verb after a conjunction starts a clause of its own; the
	// phrase before it ends the clause before.
	if sc.toks[i].conj && sc.conjVerb(i) {
		return phrase{}
	}
	k := j
	for k > lo && j-k < maxPhrase-1 && !sc.toks[k].gap && (sc.head(k-1) && sc.cont(&sc.toks[k-1], &sc.toks[k]) || sc.sameEntity(k-1, k) ||
		sc.is(cTitle, &sc.toks[k-1]) && sc.person(k) && !sc.toks[k-1].gap ||
		sc.toks[k-1].f == "باسم" && k-2 >= lo && !sc.toks[k-1].gap) {
		// ("المتحدث باسم جيش الاحتلال يهدد": a spokesman speaks in the name of the rest.)
		if sc.toks[k-1].f == "باسم" {
			k--
		}
		k--
	}
	// "قررت الحكومة العراقية خفض": a light verb before the subject is no part of it.
	if k < j && sc.is(cLightVerb, &sc.toks[k]) {
		k++
		return phrase{k, j + 1}
	}
	if !sc.head(k) {
		return phrase{}
	}
	if k > lo && !sc.toks[k].gap {
		prev := &sc.toks[k-1]
		// "إن المئات من طلاب جامعة الفرات تظاهروا": a count of the subject may open the clause.
		if prev.f == "من" && k-2 >= lo && !sc.toks[k-1].gap && sc.is(cNumber, &sc.toks[k-2]) && (k-2 == lo || sc.toks[k-2].gap || sc.is(cStop, &sc.toks[k-3]) && !sc.is(cPrep, &sc.toks[k-3])) {
			return phrase{k, j + 1}
		}
		if !sc.is(cStop, prev) || sc.is(cPrep, prev) {
			return phrase{}
		}
	}
	return phrase{k, j + 1}
}

// conjVerb reports whether the و or ف that begins the verb at i is a conjunction, not the verb's first
// letter ("ووقعت" but "وقعت روسيا وتركيا"): the verb reads the same without it.
func (sc *scan) conjVerb(i int) bool {
	t := &sc.toks[i]
	found := false
	sc.lx.verbEntries(t.f[len("و"):], func(*entry, bool) { found = true })
	return found
}

func (sc *scan) sameEntity(a, b int) bool {
	return sc.toks[a].ent >= 0 && sc.toks[a].ent == sc.toks[b].ent
}

// skip moves past adverbs and time words between a verb and its arguments ("قتلت أمس القوات").
func (sc *scan) skip(k, hi int) int {
	for k < hi && !sc.toks[k].trig {
		switch {
		case sc.is(cSkip, &sc.toks[k]):
		case sc.toks[k].f == "من" && k+1 < hi && sc.is(cTime, &sc.toks[k+1]): // "أول من أمس"
		case sc.toks[k].f == "خلال" && k+1 < hi && sc.is(cSkip, &sc.toks[k+1]): // "خلال الأسبوع الماضي"
		case (sc.toks[k].f == "بشكل" || sc.toks[k].f == "بصوره") && k+1 < hi && !sc.toks[k+1].gap && !sc.toks[k+1].def: // "بشكل قاطع"
			k++
		case sc.toks[k].f == "بالقوه": // "فرّقت قوات الأسايش بالقوة، مساء السبت، محتجين"
		case prepPronoun(sc.toks[k].f) && k+1 < hi && !sc.toks[k+1].gap && sc.head(k+1): // "يهدد فيها العاملين"
		default:
			return k
		}
		k++
	}
	return k
}

// inPhrase returns the end of a phrase after في that may sit between a verb's subject and its object: a
// place entity ("في بغداد"), a place word with its name ("في محافظة السويداء") or a statement ("في بيان",
// "في تقرير جديد"); k when there is none.
func (sc *scan) inPhrase(k, hi int) int {
	// ("ناشدت السلطة المحلية بمديرية الخوخة المنظمات": a place word carrying ب.)
	if k < hi && !sc.toks[k].gap && sc.placeWord(&sc.toks[k]) && !sc.is(cPlace, &sc.toks[k]) && strings.HasPrefix(sc.toks[k].f, "ب") {
		return sc.placeName(k, hi, true).e
	}
	if k+1 >= hi || sc.toks[k].f != "في" || sc.toks[k+1].gap {
		return k
	}
	n := k + 1
	switch t := &sc.toks[n]; {
	case sc.locEntity(n):
		return sc.pastCompass(sc.directions(phrase{n, sc.entityEnd(n, hi)}, hi).e, hi)
	case sc.is(cPlace, t) && !sc.aside(n, hi):
		return sc.pastCompass(sc.placeName(n, hi, true).e, hi)
	case t.def && !t.prep && sc.is(cAgent, t) && !sc.toks[k].gap:
		// "فرقة المهام الخاصة في الجيش السوري": the body the subject belongs to.
		if p, _ := sc.np(n, hi); p.ok() && p.s == n {
			return p.e
		}
		return k
	case t.def && !t.prep && t.cls == 0 && !sc.lx.nounLike(t):
		// "ناشد أهالي بلدة الرحيبة في القلمون الشرقي المنظمات": a name of a region.
		return sc.directions(phrase{n, n + 1}, hi).e
	case sc.is(cStatement, t):
		e := n + 1
		for e < hi && !sc.toks[e].gap && sc.toks[e].def == t.def && sc.adjective(&sc.toks[e]) {
			e++
		}
		return e
	}
	return k
}

// pastOwner returns the end of an owner named after لل at k ("دورية للأمن العام"), or k when there is none.
func (sc *scan) pastOwner(k, hi int) int {
	if k >= hi || sc.toks[k].gap || !sc.toks[k].prep || !strings.HasPrefix(sc.toks[k].f, "لل") {
		return k
	}
	for k++; k < hi && !sc.toks[k].gap && sc.toks[k].def && !sc.toks[k].prep && sc.adjective(&sc.toks[k]); k++ {
	}
	return k
}

// narrower returns a place named later in the clause that is narrower than p: a city or a town after a
// province or a region ("فرضت السلطات الأمنية في محافظة ذي قار حظرا للتجوال في مدينة الناصرية"), a site
// after either ("خرج مئات المحتجين في مدينة البصرة، الأحد، في تظاهرات أمام مبنى ديوان المحافظة"); else p.
func (sc *scan) narrower(p phrase, hi int, used func(int) bool) phrase {
	r := sc.placeRank(p)
	if r == 1 {
		return p
	}
	for k := p.e; k < hi && k < p.e+10; k++ {
		t := &sc.toks[k]
		// (Past an aside, "، الأحد،", but not into the next clause.)
		if t.gap {
			a := sc.parenthetical(k, hi)
			if a == k {
				break
			}
			k = a
			t = &sc.toks[k]
		}
		// (Not where people come from or go to: "لاستقبال النازحين القادمين من القرى الحدودية".)
		if prev := &sc.toks[k-1]; sc.is(cPlacePrep, prev) && prev.f != "من" && prev.f != "الي" && sc.is(cPlace, t) && !sc.is(cPlacePlural, t) && !used(k) {
			if q := sc.placeName(k, hi, true); sc.placeOf(q) && sc.placeRank(q) < r {
				return q
			}
		}
	}
	return p
}

// entityEnd returns where the entity covering token k ends, at hi at the latest.
func (sc *scan) entityEnd(k, hi int) int {
	e := k + 1
	for e < hi && sc.toks[e].ent == sc.toks[k].ent {
		e++
	}
	return e
}

// placeRank ranks a place phrase by its place word: 3 a province or a region, 2 a city, a town or a district,
// 1 a village, a quarter or a site; a name without a place word counts as a city.
func (sc *scan) placeRank(p phrase) int {
	t := &sc.toks[p.s]
	if !sc.is(cPlace, t) && sc.locEntity(p.s) && p.s > 0 && sc.is(cPlace, &sc.toks[p.s-1]) {
		t = &sc.toks[p.s-1]
	}
	// "محيط بلدة كنصفرة", "أطراف مدينة درعا": the surroundings of a place rank as the place.
	if sc.is(cPlacePrep, t) && p.s+1 < p.e {
		t = &sc.toks[p.s+1]
	}
	switch {
	case sc.is(cBroad, t):
		return 3
	case sc.is(cCity, t) || !sc.is(cPlace, t):
		return 2
	}
	return 1
}

// placeOf reports whether a place phrase names a place: a building, a checkpoint or an entrance does only
// with what it belongs to ("مبنى المحافظة", "حاجز السنتر") or, alone, right after a preposition of place
// ("عند حاجز"); alone elsewhere it is any building ("اللقاء الذي عقد في المبنى").
func (sc *scan) placeOf(p phrase) bool {
	t := &sc.toks[p.s]
	if !sc.is(cBuilding, t) || p.e-p.s > 1 {
		return true
	}
	if t.def || t.prep || p.s == 0 || t.gap {
		return false
	}
	return sc.is(cPlacePrep, &sc.toks[p.s-1])
}

// beforeAside returns where an aside between commas that ends right before k starts ("قررت الحكومة، في ساعة
// متأخرة من ليل الخميس، قطع العلاقات"), or k when there is none.
func (sc *scan) beforeAside(k, lo int) int {
	if k >= len(sc.toks) || !sc.toks[k].gap || !sc.comma(k) {
		return k
	}
	for j := k - 1; j > lo && j >= k-10; j-- {
		if sc.toks[j].gap {
			if sc.parenthetical(j, k+1) == k {
				return j
			}
			break
		}
	}
	return k
}

// whole reports a word that begins like a conjunction (و, ف) but is a word the tables know whole: "وزير",
// "فرقة".
func (sc *scan) whole(t *tok) bool {
	return (sc.lx.exactClasses(t.f)|sc.lx.bareClasses(t.f))&(sc.lx.bits[cTitle]|sc.lx.bits[cConstruct]|sc.lx.bits[cAgent]) != 0
}

// proposer returns the party whose request, call, proposal or decision p is: its genitive ("طلب وزارة
// الدفاع", "قرار المحكمة الاتحادية العليا") or the doer of a verb naming it ("دعوة وجهها حزب الاتحاد
// الديمقراطي", "مقترحاً قدمته حكومة إقليم كردستان"); none when the text names no party, and then the
// proposal itself stays the target.
func (sc *scan) proposer(p phrase, hi int) phrase {
	k := p.s + 1
	for k < hi && !sc.toks[k].gap && (nisba(&sc.toks[k]) || sc.is(cGenericNisba, &sc.toks[k])) {
		k++
	}
	if k >= hi || sc.toks[k].gap {
		return phrase{}
	}
	// ("الشروط التي حملها وفد الفصائل")
	if sc.is(cRelative, &sc.toks[k]) && k+1 < hi && !sc.toks[k+1].gap {
		k++
	}
	// (A verb with the proposal's pronoun: "دعوة وجهها", "مقترحاً قدمته"; "وزارة" is read whole, not as زار+ه.)
	if t := &sc.toks[k]; !sc.whole(t) && !sc.taMarbuta(t) && (len(sc.lx.past[strings.TrimSuffix(strings.TrimSuffix(t.b, "ها"), "ه")]) > 0 || strings.HasSuffix(t.b, "ته") || strings.HasSuffix(t.b, "ها")) {
		k++
	} else if k+2 < hi && (sc.toks[k+1].f == "به" || sc.toks[k+1].f == "بها") && !sc.toks[k+1].gap && !sc.toks[k+2].gap {
		// ("طلباً تقدمت به إسرائيل": or a verb and the pronoun after ب.)
		k += 2
	}
	if k < hi && !sc.toks[k].gap {
		if q, _ := sc.np(k, hi); q.ok() && q.s == k && (sc.agentive(q) || sc.is(cConstruct, &sc.toks[q.s]) || sc.is(cTitle, &sc.toks[q.s]) || sc.person(q.s)) {
			return q
		}
	}
	return phrase{}
}

// pastParens returns the end of a name in brackets or guillemets at k ("قوات الأمن الداخلي (الأسايش)",
// "قوات سوريا الديمقراطية «قسد»"), or k when there is none.
func (sc *scan) pastParens(k, hi int) int {
	if k == 0 || k >= hi || !strings.ContainsAny(sc.doc.Text[sc.toks[k-1].end:sc.toks[k].start], "(«") {
		return k
	}
	for j := k; j < hi && j < k+4; j++ {
		if end := sc.toks[j].end; j+1 < hi && strings.ContainsAny(sc.doc.Text[end:sc.toks[j+1].start], ")»") {
			return j + 1
		}
	}
	return k
}

// beforeParens returns where a name in brackets or guillemets that ends right before k starts ("دفعت قوات سوريا
// الديمقراطية (قسد) بتعزيزات"), or k when there is none.
func (sc *scan) beforeParens(k, lo int) int {
	if k == 0 || k >= len(sc.toks) || !strings.ContainsAny(sc.doc.Text[sc.toks[k-1].end:sc.toks[k].start], ")»") {
		return k
	}
	for j := k - 1; j > lo && j >= k-4; j-- {
		if strings.ContainsAny(sc.doc.Text[sc.toks[j-1].end:sc.toks[j].start], "(«") {
			return j
		}
	}
	return k
}

// pastDescription returns the end of a clause that describes the subject at k ("اغتال مسلحون مجهولون يستقلون
// دراجة نارية، مساء الثلاثاء، الناشط") or of a participle tying it to another body ("رفعت قوى الأمن
// الداخلي (الأسايش) التابعة للإدارة الذاتية، مساء السبت، الحصار"), or k when there is none.
func (sc *scan) pastDescription(k, hi int) int {
	if k+1 >= hi || sc.toks[k].gap && !sc.bracket(k) || sc.toks[k+1].gap {
		return k
	}
	// "قوى الأمن الداخلي (الأسايش) التابعة للإدارة الذاتية", "الفصائل المدعومة من تركيا": a participle and
	// whom it ties the subject to.
	if t, n := &sc.toks[k], &sc.toks[k+1]; t.def && sc.is(cAside, t) {
		switch {
		case n.prep:
			return sc.extend(k+1, hi)
		case n.f == "من" || n.f == "في" || n.f == "مع" || n.f == "علي":
			if k+2 < hi && !sc.toks[k+2].gap {
				if p, _ := sc.np(k+2, hi); p.ok() && p.s == k+2 {
					return p.e
				}
			}
		}
		return k
	}
	if !sc.is(cDescribe, &sc.toks[k]) {
		return k
	}
	if p, _ := sc.np(k+1, hi); p.ok() && p.s == k+1 {
		e := p.e
		for e < hi && !sc.toks[e].gap && (nisba(&sc.toks[e]) || sc.is(cGenericNisba, &sc.toks[e])) {
			e++
		}
		return e
	}
	return k
}

// pastLeader returns the end of who leads a subject after k ("التحالف الدولي بقيادة الولايات المتحدة"), or
// k when none is named.
func (sc *scan) pastLeader(k, hi int) int {
	if k+1 >= hi || !sc.is(cLed, &sc.toks[k]) || sc.toks[k].gap && !sc.bracket(k) || sc.toks[k+1].gap {
		return k
	}
	if p, _ := sc.np(k+1, hi); p.ok() && p.s == k+1 {
		return p.e
	}
	return k
}

// pastAside returns where the clause goes on after an aside between commas that starts at k (see
// parenthetical) and the time words after it, or k when no aside starts there.
func (sc *scan) pastAside(k, hi int) int {
	if p := sc.parenthetical(k, hi); p > k {
		return sc.skip(p, hi)
	}
	return k
}

// parenthetical returns the end of an aside set off by commas that starts at k: a time ("، مساء الثلاثاء،")
// or a prepositional phrase ("، خلال حملة دهم وتفتيش واسعة،") of at most ten words; k when there is none.
func (sc *scan) parenthetical(k, hi int) int {
	// "ناشد أهالي مخيم الركبان، الواقع على المثلث الحدودي، المنظمات": a relative clause or a participle of
	// place ([aside]) describing the subject may sit there too.
	if k >= hi || !sc.toks[k].gap || !sc.comma(k) {
		return k
	}
	// ("، قرابة الساعة 11:40 من ليل الاثنين،": any aside that names a day.)
	// ("توعدت سرايا القدس، الجناح العسكري لحركة الجهاد الإسلامي، جيش الاحتلال": what a named body is.)
	opens := sc.is(cSkip, &sc.toks[k]) || sc.is(cPrep, &sc.toks[k]) || sc.is(cPlacePrep, &sc.toks[k]) || sc.prepWord(&sc.toks[k]) ||
		sc.toks[k].def && k > 0 && sc.toks[k-1].ent >= 0 && sc.doc.Entities[sc.toks[k-1].ent].Type == marsad.ORG || sc.is(cRelative, &sc.toks[k]) || sc.is(cAside, &sc.toks[k]) || sc.is(cTitle, &sc.toks[k]) && sc.person(k-1) ||
		sc.is(cLed, &sc.toks[k])
	// ("التقى محافظ السويداء، اللواء نزار الخطيب، شيوخ": the rank and name of a title before the comma.)
	titled := false
	if sc.is(cTitle, &sc.toks[k]) {
		for j := k - 1; j >= max(0, k-3) && !titled; j-- {
			titled = sc.is(cTitle, &sc.toks[j])
			if sc.toks[j].gap {
				break
			}
		}
	}
	for j := k; j < hi && j <= k+14; j++ {
		if j > k && sc.toks[j].gap {
			if opens && sc.comma(j) {
				return j
			}
			break
		}
		opens = opens || titled && sc.person(j)
		// ("، قرابة الساعة الحادية عشرة ليلاً،": a time of day too.)
		opens = opens || (sc.is(cTime, &sc.toks[j]) || sc.is(cTimeNoun, &sc.toks[j]) || sc.toks[j].b == "ساعه") && !sc.toks[j].trig
	}
	return k
}

// bracket reports a bracket or a guillemet between token k and the one before it.
func (sc *scan) bracket(k int) bool {
	return k > 0 && strings.ContainsAny(sc.doc.Text[sc.toks[k-1].end:sc.toks[k].start], "()«»")
}

// comma reports a comma between token k and the one before it.
func (sc *scan) comma(k int) bool {
	if k == 0 {
		return false
	}
	between := sc.doc.Text[sc.toks[k-1].end:sc.toks[k].start]
	return strings.Contains(between, "،") || strings.Contains(between, ",")
}

// head reports whether token k can head a noun phrase.
func (sc *scan) head(k int) bool {
	t := &sc.toks[k]
	if t.trig || t.num || t.date || runes(t.b) < 2 || sc.prepWord(t) || hasDigit(t.f) || prepPronoun(t.f) {
		return false
	}
	if sc.is(cPlacePrep, t) {
		// "أطراف النزاع" are parties, "أطراف بلدة ذيبان" a place's edges.
		return t.f == "اطراف" && k+1 < len(sc.toks) && !sc.toks[k+1].gap && !sc.placeWord(&sc.toks[k+1]) && !sc.locEntity(k+1) && sc.toks[k+1].def
	}
	if sc.derivedVerb(t) {
		return false
	}
	return !sc.is(cStop, t) && !sc.is(cSkip, t) && !sc.is(cNumber, t)
}

// derivedVerb reports a past verb of the derived forms VII, VIII and X ("انضم", "اعتقد", "استلم",
// "استقبلوا"): the tables know it, or it has the form's pattern (انفعل, افتعل, استفعل), which their verbal
// nouns never have, as they put an alef before the last letter ("اعتقاد", "استقبال").
func (sc *scan) derivedVerb(t *tok) bool {
	if t.def || t.prep || t.ent >= 0 || !strings.HasPrefix(t.b, "ا") || runes(t.b) < 5 {
		return false
	}
	stems := [...]string{t.b, "", ""}
	for i, s := range [...]string{"ت", "وا"} {
		if y, ok := strings.CutSuffix(t.b, s); ok {
			stems[i+1] = y
		}
	}
	for _, w := range stems {
		if w != "" && ((len(sc.lx.past[w]) > 0 || sc.lx.uncoded[w]) && runes(w) >= 5 || derivedPattern(w)) {
			return true
		}
	}
	return false
}

// derivedPattern reports a word of the pattern انفعل, افتعل (افطعل, افدعل) or استفعل with no long vowel
// among its root letters.
func derivedPattern(w string) bool {
	var r [6]rune
	n := 0
	for _, c := range w {
		if n == len(r) {
			return false
		}
		r[n] = c
		n++
	}
	if n < 5 {
		return false
	}
	root := [3]rune{r[n-3], r[n-2], r[n-1]}
	switch {
	case n == 5 && r[1] == 'ن':
	case n == 5 && (r[2] == 'ت' || r[2] == 'ط' || r[2] == 'د'):
		root = [3]rune{r[1], r[3], r[4]}
	case n == 6 && r[1] == 'س' && r[2] == 'ت':
	default:
		return false
	}
	for _, c := range root {
		switch c {
		case 'ا', 'و', 'ي', 'ه':
			return false
		}
	}
	return true
}

// prepPronoun reports a preposition carrying a pronoun ("عليهم", "منه", "وإليها"): it points back at a
// phrase and is none.
func prepPronoun(f string) bool {
	f = strings.TrimPrefix(f, "و")
	for _, p := range [...]string{"علي", "الي", "من", "عن", "مع", "في", "ل", "ب", "لدي", "ضد", "بين", "عند"} {
		if rest, ok := strings.CutPrefix(f, p); ok && (pronoun(rest) || rest == "كم" || rest == "نا") {
			return true
		}
	}
	return false
}

// hasDigit reports an ASCII digit in a folded word.
func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}

// prepWord reports a word that carries a preposition and so opens a prepositional phrase: "بالمدفعية",
// "بتعزيزات", "بشن", "بارتكاب" (ب before a verbal noun of the derived forms), "بعدة".
func (sc *scan) prepWord(t *tok) bool {
	if t.prep && !strings.HasPrefix(t.f, "لل") {
		return true
	}
	if t.def || t.ent >= 0 || runes(t.b) < 3 || !strings.HasPrefix(t.b, "ب") && !strings.HasPrefix(t.b, "ل") {
		return false
	}
	rest := t.b[len("ب"):]
	if runes(t.b) == 3 {
		// "بشن": a preposition before a two-letter verbal noun the tables know.
		return len(sc.lx.past[rest]) > 0
	}
	if strings.HasPrefix(t.b, "ب") && (strings.HasPrefix(rest, "ت") || strings.HasPrefix(rest, "ا")) {
		return true
	}
	r := tok{f: rest, b: rest}
	return sc.lx.nounLike(&r) || len(sc.lx.present[rest]) > 0 || len(sc.lx.past[rest]) > 0 ||
		sc.lx.exact[rest]&(sc.lx.bits[cNumber]|sc.lx.bits[cStop]) != 0
}

// np returns the noun phrase starting at token k, after a count that opens it ("ستة متشددين",
// "ما لا يقل عن 28 متطوعا"); counted reports that one was skipped.
func (sc *scan) np(k, hi int) (p phrase, counted bool) {
	// "أي وجود عسكري", "كافة الفصائل": a determiner is left out of the phrase it opens.
	if k+1 < hi && sc.is(cDeterminer, &sc.toks[k]) && !sc.toks[k+1].gap {
		k++
	}
	start, word := k, -1
	for k < hi {
		t := &sc.toks[k]
		if t.num || sc.is(cNumber, t) {
			counted = true
			if !t.num && !t.gap {
				word = k
			}
			k++
			continue
		}
		// ("دفعة جديدة من الأسرى": an adjective of the batch.)
		if counted && (t.f == "من" || t.f == "عن" || t.b == "جديده" || t.b == "ثانيه" || t.b == "اخري" || t.b == "كبيره") || sc.countLead(k, hi) {
			k++
			continue
		}
		break
	}
	if k >= hi || !sc.head(k) || k > start && sc.toks[k].gap {
		// A count with nothing counted after it stands for the people: "تظاهر المئات في".
		if word >= 0 && sc.toks[word].def && word == k-1 {
			return phrase{word, word + 1}, false
		}
		return phrase{}, counted
	}
	return phrase{k, sc.extend(k, hi)}, counted
}

// extend returns the end of the noun phrase headed by token k.
func (sc *scan) extend(k, hi int) int {
	e := k + 1
	for e < hi && e-k < maxPhrase {
		t := &sc.toks[e]
		if sc.sameEntity(e-1, e) {
			e++
			continue
		}
		// "الأمين العام", "مدير عام سابق", "الأمن العام": after a title or a body, general, not the year.
		if (t.f == "عام" || t.f == "العام") && t.def == sc.toks[e-1].def && (sc.is(cTitle, &sc.toks[e-1]) || sc.is(cAgent, &sc.toks[e-1])) {
			e++
			continue
		}
		// "المتحدث باسم التحالف الدولي": a spokesman speaks in the name of whom the phrase goes on to;
		// "المديرية العامة لشؤون المخدرات": a body for the affairs it names.
		if (t.f == "باسم" || t.f == "بالاعمال" || t.f == "لشوون" || t.f == "لشؤون") && e+1 < hi && !sc.toks[e+1].gap && sc.head(e+1) {
			e++
			continue
		}
		// "منظمة العدالة من أجل الحياة", "سوريون من أجل الحقيقة والعدالة": a name of what a body is for.
		if t.f == "من" && e+2 < hi && sc.toks[e+1].f == "اجل" && !sc.toks[e+1].gap && !sc.toks[e+2].gap && sc.toks[e+2].def && e+2-k < maxPhrase {
			e += 3
			continue
		}
		// "فصائل «الجيش الوطني»", "عناصر «حزب الله» اللبناني": a name in guillemets as the genitive of a
		// body's word, and a nisba after it.
		if q := sc.quotedName(e, hi); q > e && !sc.toks[e-1].def && (sc.is(cConstruct, &sc.toks[e-1]) || sc.is(cAgent, &sc.toks[e-1])) {
			e = q
			if e < hi && sc.toks[e].def && nisba(&sc.toks[e]) && !strings.ContainsAny(sc.doc.Text[sc.toks[e-1].end:sc.toks[e].start], ",،.") {
				e++
			}
			continue
		}
		// "محافظ شمال سيناء", "محافظة جنوب دارفور": a region named by its compass point as the genitive of a
		// title or a body (after a name or an adjective it says where: "قاعدة حرير شمال أربيل").
		if h := &sc.toks[k]; e-1 == k && !h.def && (sc.is(cTitle, h) || sc.is(cConstruct, h) || sc.is(cAgent, h) || sc.placeWord(h)) {
			if q := sc.pastCompass(e, hi); q > e {
				e = q
				continue
			}
		}
		// "حركتا فتح وحماس", "عشيرتا الموالي والحديديين": a dual in construct names its two owners.
		if h := &sc.toks[k]; e == k+1 && !h.def && strings.HasSuffix(h.b, "تا") && runes(h.b) >= 5 && !t.gap && !t.prep && !t.trig &&
			e+1 < hi && sc.toks[e+1].conj && !sc.toks[e+1].gap && !sc.toks[e+1].trig && sc.head(e) {
			e += 2
			continue
		}
		// "قرار رفع أسعار الخبز": the act a decision is about takes its own genitive.
		act := e-2 >= k && sc.is(cContent, &sc.toks[e-2]) && !sc.toks[e-1].def && len(sc.lx.past[sc.toks[e-1].b]) > 0
		// (A decision's act may be a trigger: "قرار إغلاق المعابر".)
		if t.gap || !sc.head(e) && !(t.trig && sc.is(cContent, &sc.toks[e-1])) || !sc.cont(&sc.toks[e-1], t) && !sc.name(k, e) && !act {
			break
		}
		// An adjective takes no genitive: "أصاب صاروخ إسرائيلي السيارة" (but "مجلس أعيان الصحوة").
		// ("ناحية", "قرية" end like an adjective and are none.)
		if p := &sc.toks[e-1]; e-1 > k && t.def && !p.def && !describes(t.b) && (nisba(p) && !sc.is(cPlace, p) || sc.is(cParticiple, p) || sc.is(cGenericNisba, p)) && !strings.HasSuffix(p.b, "ان") && !sc.is(cName, p) && !sc.name(k, e) {
			break
		}
		e++
	}
	// An entity that starts inside the phrase is kept whole.
	if sc.toks[e-1].ent >= 0 {
		e = sc.entityEnd(e-1, hi)
	}
	// ("الطبيب سامي حمدان", "الشاب محمد العلي": a victim's word names the person after it too.)
	if sc.is(cTitle, &sc.toks[k]) {
		e = sc.apposition(e, hi)
	} else if e == k+1 && sc.toks[k].def && sc.is(cVictim, &sc.toks[k]) && e < hi && !sc.toks[e].gap {
		if n := sc.ali(e, hi); sc.person(n) {
			e = sc.entityEnd(n, hi)
		}
	}
	return e
}

// apposition returns the end of a title phrase that ends before e, taking in the personal name after it:
// "الرئيس التركي رجب طيب أردوغان", "زعيم التيار الصدري مقتدى الصدر". The name is a person entity or, when
// the document has no entity layer, up to three words the tables do not know, the first indefinite and none
// in the accusative ("التقى الرئيس السوري وفدا" has an object, not a name).
func (sc *scan) apposition(e, hi int) int {
	if e >= hi || sc.toks[e].gap {
		return e
	}
	// "الأمين العام لحزب الله الشيخ نعيم قاسم", "المتحدث العسكري للقوات المسلحة اليمنية العميد يحيى سريع": the
	// body the title belongs to after ل, then a rank ("قائد الجيش الوطني الليبي المشير خليفة حفتر", "الفريق
	// أول عبد الفتاح البرهان"), then the name, whose first word the tagger may have missed ("عقيلة صالح").
	n := sc.pastRank(sc.titleOwner(sc.titlePlace(e, hi), hi), hi)
	m := n
	if t := &sc.toks[min(n, hi-1)]; n+1 < hi && !t.gap && t.ent < 0 && !t.def && t.cls == 0 && !t.num && !sc.toks[n+1].gap {
		m = n + 1
	}
	m = max(m, sc.ali(n, hi))
	for _, k := range []int{n, m} {
		if k >= hi || sc.toks[k].gap {
			continue
		}
		if ei := sc.toks[k].ent; ei >= 0 && sc.doc.Entities[ei].Type == marsad.PER && (k == 0 || sc.toks[k-1].ent != ei) {
			for k < hi && sc.toks[k].ent == ei {
				k++
			}
			return k
		}
	}
	// A name the tagger missed: two or three words the tables do not know, the first indefinite, not at the
	// end of the sentence ("اتهم المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي حزب الله", "توعد المتحدث العسكري
	// الحوثي يحيى سريع، في بيان، …"); a name the tagger found is its entity ("توقع علي العمير وزير النفط
	// الكويتي ارتفاع الأسعار").
	if !sc.toks[e-1].def {
		return e
	}
	n = e
	for n < hi && n < e+3 && !sc.toks[n].gap && sc.toks[n].ent < 0 && sc.nameWord(n, true) && (n > e || !sc.toks[n].def) {
		n++
	}
	if len(sc.doc.Entities) > 0 && (n-e < 2 || n >= hi) {
		return e
	}
	return n
}

// titlePlace returns the end of the place a title is for, named after إلى, لدى, عن or في ("المبعوث الأممي إلى
// سوريا غير بيدرسن", "النائب عن محافظة نينوى أحمد الجبوري"), or e when there is none; it counts only when a
// name follows (see apposition).
func (sc *scan) titlePlace(e, hi int) int {
	if e+1 >= hi || sc.toks[e].gap || sc.toks[e+1].gap {
		return e
	}
	switch sc.toks[e].f {
	case "الي", "إلى", "لدي", "عن", "في":
	default:
		return e
	}
	k := e + 1
	if sc.placeWord(&sc.toks[k]) {
		return sc.placeName(k, hi, true).e
	}
	if sc.locEntity(k) {
		ei := sc.toks[k].ent
		for k < hi && sc.toks[k].ent == ei {
			k++
		}
		return k
	}
	return e
}

// titleOwner returns the end of the body a title belongs to, named after ل at e ("لحزب الله", "للقوات
// المسلحة اليمنية"), or e when there is none.
func (sc *scan) titleOwner(e, hi int) int {
	// "القيادي البارز في تنظيم داعش أبو حفص العراقي": the body a title is held in, before the name.
	if e+1 < hi && !sc.toks[e].gap && sc.toks[e].f == "في" && !sc.toks[e+1].gap {
		if p, _ := sc.np(e+1, hi); p.ok() && p.s == e+1 && sc.agentive(p) && p.e < hi && !sc.toks[p.e].gap && sc.person(p.e) {
			return p.e
		}
	}
	if e >= hi || sc.toks[e].gap || !strings.HasPrefix(sc.toks[e].f, "ل") || sc.toks[e].conj {
		return e
	}
	if ei := sc.toks[e].ent; ei >= 0 && sc.doc.Entities[ei].Type != marsad.LOC {
		k := e
		for k < hi && sc.toks[k].ent == ei {
			k++
		}
		return k
	}
	if sc.toks[e].prep {
		k := e + 1
		for k < hi && !sc.toks[k].gap && sc.toks[k].def && !sc.toks[k].prep && sc.toks[k].ent < 0 && !sc.is(cTitle, &sc.toks[k]) {
			k++
		}
		return k
	}
	return e
}

// pastRank returns the end of the military or royal ranks at k ("المشير", "الفريق أول", "اللواء الركن"),
// or k when there are none.
func (sc *scan) pastRank(k, hi int) int {
	for n := k; n < hi && n < k+3; n++ {
		if t := &sc.toks[n]; n > k && t.gap || t.ent >= 0 || !sc.is(cTitle, t) && t.f != "اول" && t.f != "الركن" {
			return n
		}
	}
	return k
}

// nameWord reports a word that may be part of a personal name: no word the tables know, no adjective, no
// accusative or ta marbuta ending ("وفدا", "حكومة").
//
// A name may begin with the letter of the conjunction ف ("فؤاد", "فيصل"), read as the whole word; one with و
// ("وليد") is not told from a conjunct. After a definite phrase (afterDef) a word ending like an adjective
// may be a name ("المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي"), as an adjective there would take the article.
func (sc *scan) nameWord(k int, afterDef bool) bool {
	t := &sc.toks[k]
	if t.conj {
		if !strings.HasPrefix(t.f, "ف") {
			return false
		}
		t = &tok{start: t.start, end: t.end, f: t.f, b: t.f, cls: sc.lx.exactClasses(t.f) | sc.lx.bareClasses(t.f)}
	}
	return !t.num && t.cls == 0 && !sc.lx.nounLike(t) && (!nisba(t) || afterDef && !t.def) && !strings.HasSuffix(t.f, "ا") &&
		!sc.taMarbuta(t) && !sc.prepWord(t) && runes(t.b) > 1
}

// lamAgent reports a force named after the preposition ل: "بقصف لقوات النظام", "هجوم لداعش". The phrase
// it heads leaves the ل out (see ref).
func (sc *scan) lamAgent(k int) bool {
	t := &sc.toks[k]
	return !t.def && !t.conj && runes(t.f) > 3 && strings.HasPrefix(t.f, "ل") && sc.lx.bareClasses(t.f[len("ل"):])&sc.lx.bits[cAgent] != 0
}

// lamKnown reports an indefinite word of ل and a word the tables know as a body, a person or people
// ("لعائلات", "لوزارة", "لقوات"), where ل is the preposition: not "لجنة" or "ليزا".
func (sc *scan) lamKnown(t *tok) bool {
	if t.def || t.conj || runes(t.f) <= 4 || !strings.HasPrefix(t.f, "ل") {
		return false
	}
	b := &sc.lx.bits
	return sc.lx.bareClasses(t.f[len("ل"):])&(b[cAgent]|b[cVictim]|b[cResidents]|b[cProtester]|b[cConstruct]|b[cTitle]) != 0
}

// name reports whether token e continues a phrase headed by a title with a personal name right after it:
// "العميد جبار مساعد". A name word is not a word the tables know; it is indefinite, except for the one
// definite name a definite title may take: "الرئيس الأسد".
func (sc *scan) name(head, e int) bool {
	nameWord := func(t *tok) bool { return !t.conj && t.cls == 0 && !sc.lx.nounLike(t) && !nisba(t) }
	h, t := &sc.toks[head], &sc.toks[e]
	if !sc.is(cTitle, h) || !nameWord(t) {
		return false
	}
	if t.def {
		return h.def && e-1 == head && !t.prep
	}
	return e-1 == head || nameWord(&sc.toks[e-1]) && !sc.toks[e-1].def
}

// countLead reports the words that lead to a count: "ما لا يقل عن 28", "أكثر من 20", "حوالي 20", "ما
// مجموعه 14".
func (sc *scan) countLead(k, hi int) bool {
	switch sc.toks[k].f {
	case "ما":
		// "ما لا يقل عن", "ما يزيد على", not "ما أسفر عن مقتل ثمانية".
		if k+1 >= hi || sc.toks[k+1].f != "لا" && sc.toks[k+1].f != "يزيد" && sc.toks[k+1].f != "يقارب" {
			return false
		}
	case "لا", "يقل", "عن", "من", "اكثر", "حوالي", "قرابه", "زهاء", "نحو", "مجموعه", "يزيد", "يقارب":
	default:
		return false
	}
	for j := k + 1; j < hi && j <= k+4; j++ {
		if sc.toks[j].num || sc.is(cNumber, &sc.toks[j]) {
			return true
		}
	}
	return false
}

// cont reports whether t continues the noun phrase that ends with p: a genitive after an indefinite
// construct ("قوات النظام"), an agreeing adjective ("الطائرات التركية", "مسلحون مجهولون"), or a definite
// conjunct ("النشطاء الحقوقيين والسياسيين").
func (sc *scan) cont(p, t *tok) bool {
	// "قرار إغلاق المعابر", "تأخر صرف الرواتب": a decision or a delay takes the act it is about.
	if t.trig && !p.def && !t.prep && !t.conj && sc.is(cContent, p) {
		return true
	}
	if t.trig || t.num || sc.prepWord(t) {
		return false
	}
	// "معالي وزير الإعلام", "وفد": a word the tables know whole begins with و, not with the conjunction.
	if t.conj && sc.whole(t) {
		full := *t
		full.conj, full.b = false, t.f
		return sc.cont(p, &full)
	}
	if t.conj {
		// "شيوخ ووجهاء عشائر الجزيرة": two heads in construct share the genitive after them.
		if !p.def && !t.def && sc.is(cConstruct, p) && sc.is(cConstruct, t) {
			return true
		}
		// "مصورا فرنسيا": a nisba may begin with the letter of a conjunction.
		if full := (tok{f: t.f, b: t.f}); !p.def && !t.def && nisba(&full) && agree(p.b, t.f) && !sc.is(cName, t) && !sc.is(cName, p) {
			return true
		}
		return t.def && p.def && !t.prep
	}
	// "ميليشيا لواء القدس المدعومة روسياً": an adverb of the participle.
	if sc.is(cParticiple, p) && p.def && !t.def && nisba(t) && strings.HasSuffix(t.f, "ا") {
		return true
	}
	if t.prep {
		// "نقطة للجيش العراقي", "بالقرب", "بالمدينة": a prepositional phrase is no part of the noun phrase
		// (the guideline of the news sets; GSR annotators often keep the owner after لل).
		return false
	}
	// "ميليشيات الحوثي والمخلوع صالح": a definite title goes on to the name it is given.
	if p.def && !t.def && sc.is(cTitle, p) && t.ent >= 0 && sc.doc.Entities[t.ent].Type == marsad.PER {
		return true
	}
	// "خلية لتنظيم داعش", "عمال مصفاة بانياس": an indefinite noun takes a name as its genitive, and a force
	// the organization named after ل.
	if !p.def && !t.def && t.ent >= 0 && !nisba(p) && !strings.HasSuffix(p.b, "ا") && !sc.is(cName, p) {
		if strings.HasPrefix(t.f, "ل") {
			// Only a force belongs to the organization: "مضافات لتنظيم داعش" are the organization's.
			return sc.doc.Entities[t.ent].Type != marsad.LOC && (sc.is(cConstruct, p) || sc.is(cAgent, p))
		}
		return !sc.prepWord(t)
	}
	// "دعت منظمة هيومن رايتس ووتش السلطات": a named body or person takes no genitive either.
	if p.ent >= 0 && t.ent != p.ent && t.def && (sc.doc.Entities[p.ent].Type != marsad.LOC || !sc.placeWord(t)) {
		return nisba(t) || nominative(t) || sc.is(cGenericNisba, t) || sc.is(cParticiple, t)
	}
	switch {
	case !p.def && t.def && sc.is(cConstruct, p) && !sc.is(cName, p):
		// "مليشيا الحوثي": a body's word takes its genitive, whatever its last letter.
		return true
	case !p.def && t.def:
		// A name takes no genitive ("رفضت قسد الشروط", "طلبت أنقرة الانسحاب"), but the phrase it ends may
		// take an adjective ("قوات سوريا الديمقراطية").
		if sc.is(cName, p) {
			return nisba(t) || nominative(t)
		}
		return !strings.HasSuffix(p.b, "ا") || strings.HasSuffix(p.b, "اء")
	case !p.def && t.def && describes(t.b) && (nisba(p) || sc.taMarbuta(p)):
		// "طائرة مسيّرة مجهولة الهوية", "صواريخ بعيدة المدى": an adjective in construct.
		return true
	case p.def && t.def:
		// ("القطاع الصحي", "الدفاع الجوي": a short nisba after a definite noun.)
		// ("الفرقة العشرين": a tens number after a definite noun is its ordinal.)
		return nisba(t) || runes(t.b) == 3 && strings.HasSuffix(t.b, "ي") && !t.prep || sc.is(cParticiple, t) || sc.is(cGenericNisba, t) || sc.elative(t) || nominative(t) || tens(t.b)
	case !p.def && !t.def:
		if (nisba(t) || sc.is(cParticiple, t) || sc.is(cGenericNisba, t)) && agree(p.b, t.b) {
			return true
		}
		if sc.is(cConstruct, p) || sc.is(cContent, p) {
			return true
		}
		// "أهالي مدينة السويداء": residents of a place.
		if sc.is(cResidents, p) && sc.is(cPlace, t) {
			return true
		}
		// "صاحب محل صرافة", "رعاة أغنام", "مقر وحدات مقاومة سنجار": an indefinite noun in construct takes
		// an indefinite genitive; a sound plural or dual would have lost its ن, and an accusative (ending in
		// ا) or a word the tables know (a title, a victim, a count) begins a phrase of its own.
		if construct(p.b) && p.ent < 0 && !nisba(p) && !sc.is(cName, p) && !sc.is(cAgentVerb, p) && len(sc.lx.past[p.b]) == 0 && !strings.HasSuffix(t.b, "ا") && !(strings.HasSuffix(t.b, "ه") && !sc.taMarbuta(t)) &&
			!strings.HasSuffix(t.b, "هم") && !nisba(t) && !sc.taMarbuta(p) &&
			(t.cls == 0 && !sc.lx.nounLike(t) || t.cls != 0 && t.cls&^sc.lx.genitives == 0) {
			return true
		}
		// "فصيلا مسلحا نافذا": an adjective agrees in the accusative too (an adverb does not describe).
		if strings.HasSuffix(p.b, "ا") && strings.HasSuffix(t.b, "ا") && runes(t.b) > 3 && t.ent < 0 && (t.cls == 0 || sc.is(cParticiple, t)) {
			return true
		}
		// ("مسلحون مجهولون يستقلون دراجة": an imperfect verb is no adjective.)
		for _, s := range []string{"ون", "ين"} {
			if strings.HasSuffix(p.b, s) && strings.HasSuffix(t.b, s) && runes(t.b) > 4 && !strings.HasPrefix(t.b, "ي") {
				return true
			}
		}
	}
	return false
}

// tens reports a tens number in the genitive or accusative, which after a definite noun is an ordinal.
func tens(b string) bool {
	switch b {
	case "عشرين", "ثلاثين", "اربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين":
		return true
	}
	return false
}

// nominative reports a definite sound plural in the nominative, "المحاصرون": after a phrase it is that
// phrase's adjective, as an object would be in the accusative ("المحاصرين").
// construct reports a noun form that can stand in construct: not a sound plural or dual (which would end
// in و or ي there), nor an accusative.
func construct(b string) bool {
	for _, s := range []string{"ون", "ين", "ان", "ا"} {
		if strings.HasSuffix(b, s) {
			return false
		}
	}
	return true
}

func nominative(t *tok) bool {
	return t.def && runes(t.b) > 4 && strings.HasSuffix(t.b, "ون")
}

// elative reports an adjective of the pattern أفعل, as in "الهلال الأحمر", "المجلس الأعلى": four letters
// from an alef, and no word the tables know.
func (sc *scan) elative(t *tok) bool {
	return runes(t.b) == 4 && strings.HasPrefix(t.b, "ا") && t.cls == 0 && !sc.lx.nounLike(t)
}

// agree reports whether an indefinite adjective's ending fits its noun: case and number for sound plurals
// and tanween, gender otherwise ("قوات تركية", "مسلحين مجهولين").
func agree(noun, adj string) bool {
	switch {
	case strings.HasSuffix(noun, "ون"):
		return strings.HasSuffix(adj, "ون")
	case strings.HasSuffix(noun, "ين"):
		return strings.HasSuffix(adj, "ين")
	case strings.HasSuffix(noun, "اء"):
		return true
	case strings.HasSuffix(noun, "ا"):
		return strings.HasSuffix(adj, "ا")
	case strings.HasSuffix(noun, "ه"), strings.HasSuffix(noun, "ات"):
		return strings.HasSuffix(adj, "ه")
	}
	return strings.HasSuffix(adj, "ي") || strings.HasSuffix(adj, "يه")
}

// target finds a target introduced by "على", "ضد" or "استهدف" within a few words after the trigger.
func (sc *scan) target(ev *event, hi int) phrase {
	switch ev.m.e.typ {
	case marsad.ACCUSE, marsad.SUPPORT:
		// "نددت الحكومة بالقصف التركي", "رحبت الجامعة بالاتفاق": the object after ب, after the subject in
		// VSO order ("أشاد قائد قوات سوريا الديمقراطية مظلوم عبدي بدور التحالف").
		// "وجهت الحكومة السودانية اتهامات مباشرة إلى قوات الدعم السريع", "اتهامات لفصائل الجيش الوطني":
		// charges go to whom they accuse.
		if l := &sc.toks[ev.m.last()]; len(ev.m.extra) > 0 && (strings.HasPrefix(l.b, "اتهام") || strings.HasPrefix(l.b, "انتقاد")) {
			if p := sc.recipient(ev.m.last()+1, hi, false); p.ok() {
				return p
			}
		}
		start := ev.m.last() + 1
		if a := ev.actor1; a.ok() && a.s >= start && a.s <= start+1 {
			start = a.e
		}
		for k := start; k < hi && k <= start+4; k++ {
			t := &sc.toks[k]
			if t.gap {
				break
			}
			// "أدانت الوزارة بأشد العبارات القصف": the manner is no object.
			// ("دعمه لمبادرة المبعوث بشأن تثبيت الهدنة": بشأن opens what it is about, no object.)
			if t.f == "بشان" {
				break
			}
			if t.f == "باشد" || t.f == "باقوي" {
				k++
				continue
			}
			if t.prep && strings.HasPrefix(t.f, "ب") || t.conj && t.prep && strings.HasPrefix(t.f[len("و"):], "ب") {
				e := k + 1
				for e < hi && !sc.toks[e].gap && sc.toks[e].def && nisba(&sc.toks[e]) {
					e++
				}
				return phrase{k, e}
			}
			// "أشادت بدور قسد", "نددت بإعدام معتقلين": a verbal noun after ب with its genitive; the phrase
			// leaves the ب out.
			if !t.def && !t.conj && t.ent < 0 && runes(t.f) > 3 && strings.HasPrefix(t.f, "ب") && k+1 < hi && !sc.toks[k+1].gap && sc.head(k+1) && !sc.prepWord(&sc.toks[k+1]) {
				t.clitics = 1
				return phrase{k, sc.extend(k+1, hi)}
			}
		}
		if ev.m.e.typ == marsad.SUPPORT {
			return sc.recipient(start, hi, true)
		}
	case marsad.AID:
		// Recipients: "على النازحين", "للمتضررين".
		for k := ev.m.last() + 1; k < hi && k <= ev.m.last()+6; k++ {
			t := &sc.toks[k]
			if t.f == "علي" {
				p, _ := sc.np(k+1, hi)
				return p
			}
			if strings.HasPrefix(t.f, "لل") {
				return phrase{k, k + 1}
			}
		}
		if p := sc.recipient(ev.m.last()+1, hi, false); p.ok() {
			return p
		}
		// "قافلة مساعدات … إلى محافظة شبوة … لمساعدة الأسر المتضررة": those it is sent to help.
		for k := ev.m.last() + 1; k+1 < hi; k++ {
			if t := &sc.toks[k]; t.trig && k > ev.m.last()+1 && len(sc.lx.past[t.b]) > 0 {
				break
			}
			switch sc.toks[k].f {
			case "لمساعده", "لدعم", "لاغاثه", "لصالح":
				if p, counted := sc.np(k+1, hi); p.ok() && (p.s == k+1 || counted) && !sc.placeWord(&sc.toks[p.s]) {
					return p
				}
			}
		}
		return phrase{}
	}
	switch ev.m.e.typ {
	case marsad.SANCTION:
		// "أوقفت الحكومة دعمها المالي المقدم إلى المجالس المحلية"
		if p := sc.recipient(ev.m.last()+1, hi, false); p.ok() {
			return p
		}
	case marsad.ASSAULT, marsad.PROTEST, marsad.ACCUSE, marsad.THREATEN, marsad.COERCE, marsad.REJECT:
	case marsad.RETREAT:
		return sc.surrenderedTo(ev, hi)
	case marsad.CONCEDE:
		// "اعتذر محافظ دهوك علي تتر، في تصريح صحفي، لذوي الشاب", "قدم محافظ ذي قار استقالته إلى رئيس
		// مجلس الوزراء": to whom, after ل or إلى past the subject.
		start := ev.m.last() + 1
		if a := ev.actor1; a.ok() && a.s >= start && a.s <= start+1 {
			start = a.e
		}
		return sc.recipient(sc.pastAside(start, hi), hi, false)
	case marsad.CONSULT, marsad.COOPERATE, marsad.AGREE:
		// "بحث X مع Y": the trigger's own مع.
		if l := sc.toks[ev.m.last()].f; len(ev.m.extra) > 0 && (l == "مع" || l == "بين") {
			p, _ := sc.np(ev.m.last()+1, hi)
			return p
		}
		// "أجرى الوزير اتصالاً هاتفياً بنظيره العراقي": whom a call is made to follows ب.
		if ev.m.e.typ == marsad.CONSULT {
			k := ev.m.last() + 1
			for k < hi && !sc.toks[k].gap && sc.is(cPhone, &sc.toks[k]) {
				k++
			}
			if k > ev.m.last()+1 && k < hi {
				if t := &sc.toks[k]; !t.gap && !t.def && !t.conj && strings.HasPrefix(t.f, "ب") && runes(t.f) > 3 {
					t.clitics = 1
					return phrase{k, sc.extend(k, hi)}
				}
			}
		}
		// "تبادل جهاز المخابرات العراقي مع الاستخبارات التركية معلومات": before the trigger's own word.
		for k := ev.m.head + 1; k < ev.m.last(); k++ {
			if sc.toks[k].f == "مع" && !sc.toks[k+1].gap {
				p, _ := sc.np(k+1, ev.m.last())
				return p
			}
		}
		// ("أبدت دمشق استعدادها للدخول في مفاوضات مباشرة مع الإدارة الذاتية": past the talks agreed to.)
		for k := ev.m.last() + 1; k < hi && k <= ev.m.last()+6; k++ {
			if sc.toks[k].trig && !sc.is(cMeeting, &sc.toks[k]) {
				break
			}
			if sc.toks[k].f == "مع" || sc.toks[k].f == "بين" {
				p, _ := sc.np(k+1, hi)
				return p
			}
		}
		return phrase{}
	default:
		return phrase{}
	}
	// "شنت قسد حملة اعتقالات طالت عشرات الشبان": what the campaign reaches.
	if harm(ev.m.e.typ) && len(ev.m.extra) > 0 {
		for k := ev.m.last() + 1; k < hi && k <= ev.m.last()+2 && !sc.toks[k].gap; k++ {
			if p, ok := sc.reached(k, hi); ok {
				return p
			}
		}
	}
	// "سيطرت الفصائل على قرية الدردارة", "استيلاء الهيئة على عقارات": the trigger's own على names the
	// target, a place too.
	if l := ev.m.last(); len(ev.m.extra) > 0 && sc.is(cTargetPrep, &sc.toks[l]) {
		k := l + 1
		if ev.actor1.ok() && ev.actor1.s == k {
			k = ev.actor1.e
		}
		p, _ := sc.np(k, hi)
		return p
	}
	// "احتشد آلاف المتظاهرين في ساحة الساعة …، في مظاهرة حاشدة ضد قائد هيئة تحرير الشام": whom a protest
	// is against may come late in the clause.
	if ev.m.e.typ == marsad.PROTEST {
		for k := ev.m.last() + 1; k+1 < hi; k++ {
			if t := &sc.toks[k]; t.trig && len(sc.lx.past[t.b]) > 0 && !sc.is(cProtester, t) {
				break
			}
			if sc.toks[k].f == "ضد" {
				p, _ := sc.np(k+1, hi)
				return p
			}
			// "منددين بالحكومة السويدية": a party condemned (a grievance is dropped below).
			switch sc.toks[k].f {
			case "منددين", "منددا", "منددات", "تنديدا":
				if n := &sc.toks[k+1]; !n.gap && n.prep && strings.HasPrefix(n.f, "ب") {
					n.clitics = 1
					return phrase{k + 1, sc.extend(k+1, hi)}
				}
			}
		}
	}
	// In VSO order the target follows the subject: "لوح الرئيس التركي رجب طيب أردوغان بشن عملية … ضد قسد".
	start := ev.m.last() + 1
	if a := ev.actor1; a.ok() && a.s >= start && a.s <= start+1 {
		start = a.e
	}
	// ("هددت كتائب حزب الله، في بيان نشرته على قناتها، باستهداف": not inside an aside.)
	start = sc.pastAside(start, hi)
	for k := start; k < hi && k <= start+5; k++ {
		t := &sc.toks[k]
		if t.trig && k != ev.m.last()+1 {
			break
		}
		if sc.is(cTargetPrep, t) {
			p, _ := sc.np(k+1, hi)
			if p.ok() && !sc.is(cPlace, &sc.toks[p.s]) {
				return p
			}
			return phrase{}
		}
	}
	// "لوّحت الفصائل، في بيان مشترك، باستهداف القوات الأمريكية": whom the threatened attack is aimed at.
	if ev.m.e.typ == marsad.THREATEN {
		k := sc.pastAside(start, hi)
		if len(ev.m.extra) > 0 {
			k = ev.m.last()
		}
		if k+1 < hi && !sc.toks[k+1].gap {
			if t := &sc.toks[k]; !t.def && strings.HasPrefix(t.b, "ب") && sc.attack(&tok{f: t.b[len("ب"):], b: t.b[len("ب"):]}) {
				if p, _ := sc.np(k+1, hi); p.ok() && p.s == k+1 && !sc.placeWord(&sc.toks[p.s]) && !sc.locEntity(p.s) {
					return p
				}
			}
		}
	}
	return phrase{}
}

// surrenderedTo returns the force a surrender or a halt is made to or against, after ل, إلى or ضد:
// "استسلم مسلحو التنظيم المحاصرون في بلدة الباغوز لقوات سوريا الديمقراطية", "سلم عناصر أنفسهم إلى القوات
// الأمنية", "أوقفت الهيئة عملياتها ضد فصيل جند الله". Where forces withdraw to is a place, no target.
func (sc *scan) surrenderedTo(ev *event, hi int) phrase {
	start := ev.m.last() + 1
	if a := ev.actor1; a.ok() && a.s >= start {
		start = a.e
	}
	for k := start; k < hi && k <= start+6 && !sc.toks[k].gap; k++ {
		t := &sc.toks[k]
		if t.trig {
			break
		}
		n := k + 1
		switch {
		case t.f == "الي" || t.f == "ضد":
		case !t.def && !t.conj && strings.HasPrefix(t.f, "ل") && (t.ent >= 0 || sc.lamAgent(k)):
			t.clitics = 1
			return phrase{k, sc.extend(k, hi)}
		case t.prep && strings.HasPrefix(t.f, "لل") && sc.lx.bareClasses(t.b)&sc.lx.bits[cAgent] != 0:
			return phrase{k, sc.extend(k, hi)}
		default:
			continue
		}
		if p, _ := sc.np(n, hi); p.ok() && p.s == n && (sc.agentive(p) || sc.toks[n].def && !sc.placeWord(&sc.toks[n])) && !sc.locEntity(n) {
			return p
		}
		return phrase{}
	}
	return phrase{}
}

// recipient finds whom support or aid goes to, within a few words from k: a force or a body after ل
// ("دعمها لحكومة دمشق", "مساعدات عسكرية لقوات سوريا الديمقراطية", "لجهود الحكومة"; the phrase leaves the ل
// out), or a phrase after "إلى", "إلى جانب" or "مع" that names no place ("إلى العائلات المتضررة", "وقوفها
// إلى جانب الجيش الوطني", "تضامنها مع العراق"). The adjectives of a noun with a pronoun come first ("دعمها
// الكامل"), as such a noun takes no genitive.
//
// A country after مع is a party supported ("تضامنها مع العراق"), after إلى the place aid goes to.
func (sc *scan) recipient(k, hi int, country bool) phrase {
	for end := min(hi, k+6); k < end; k++ {
		t := &sc.toks[k]
		if t.gap || t.trig {
			break
		}
		switch {
		case t.f == "الي" || t.f == "مع":
			n := k + 1
			if t.f == "الي" && n < hi && sc.toks[n].f == "جانب" {
				n++
			}
			if n < hi && !sc.toks[n].gap && !sc.placeWord(&sc.toks[n]) && (!sc.locEntity(n) || country && t.f == "مع") {
				if p, _ := sc.np(n, hi); p.ok() && p.s == n {
					return p
				}
			}
			return phrase{}
		case t.f == "لصالح" && k+1 < hi && !sc.toks[k+1].gap:
			// "منحة مالية لصالح الحكومة اليمنية"
			p, _ := sc.np(k+1, hi)
			return p
		case !t.def && !t.conj && runes(t.f) > 3 && strings.HasPrefix(t.f, "ل") && k+1 < hi:
			rest := tok{f: t.f[len("ل"):], b: t.f[len("ل"):]}
			n := &sc.toks[k+1]
			if t.ent >= 0 || sc.lx.bareClasses(rest.b)&(sc.lx.bits[cAgent]|sc.lx.bits[cConstruct]) != 0 ||
				!n.gap && (n.ent >= 0 || n.def && !n.prep) && len(sc.lx.past[rest.b]) == 0 && len(sc.lx.nouns[rest.b]) == 0 {
				t.clitics = 1
				return phrase{k, sc.extend(k, hi)}
			}
			return phrase{}
		case sc.is(cStop, t) || t.prep || sc.prepWord(t):
			return phrase{}
		}
	}
	return phrase{}
}

// agent finds the doer of a passive verb or a victim noun: "على يد", "من قبل", "بنيران", "نفذه".
func (sc *scan) agent(k, hi int) phrase {
	// "تعرضت نقطة المراقبة التركية لقصف مدفعي من قوات النظام": from whom the attack named by the trigger came.
	j := k
	for j < hi && !sc.toks[j].gap && (nisba(&sc.toks[j]) || sc.is(cGenericNisba, &sc.toks[j])) && !sc.toks[j].def {
		j++
	}
	if j+1 < hi && sc.toks[j].f == "من" && !sc.toks[j].gap && !sc.toks[j+1].gap {
		if p, _ := sc.np(j+1, hi); p.ok() && p.s == j+1 && sc.agentive(p) {
			return p
		}
	}
	for ; k < hi; k++ {
		t := &sc.toks[k]
		switch {
		case sc.is(cAgentVerb, t):
		case sc.is(cAgentAfter, t):
			if t.f == "يد" || t.f == "يدي" || t.f == "ايدي" {
				if k == 0 || sc.toks[k-1].f != "علي" {
					continue
				}
			}
			if t.f == "قبل" || t.f == "طرف" {
				if k == 0 || sc.toks[k-1].f != "من" {
					continue
				}
			}
		default:
			continue
		}
		// "بقصف مدفعي لقوات النظام": the doer after the attack's adjectives and ل.
		j := k + 1
		for j < hi && !sc.toks[j].gap && (sc.is(cGenericNisba, &sc.toks[j]) || nisba(&sc.toks[j])) && !sc.toks[j].def {
			j++
		}
		// "بغارة نفذتها مسيرة إسرائيلية": the doer follows the verb that names it.
		if j < hi && !sc.toks[j].gap && sc.is(cAgentVerb, &sc.toks[j]) {
			continue
		}
		if j < hi && !sc.toks[j].gap && sc.lamAgent(j) {
			return phrase{j, sc.extend(j, hi)}
		}
		p, _ := sc.np(k+1, hi)
		if p.ok() && !sc.is(cGenericNisba, &sc.toks[p.s]) {
			return p
		}
	}
	return phrase{}
}

// nationalWeapon finds an attacker named by a weapon and a nationality: "الطائرات التركية", "مسيرة تركية",
// "غارة جوية روسية".
//
// A force inside the target ("تعرضت دورية للجيش التركي لهجوم") is not the attacker.
func (sc *scan) nationalWeapon(lo, hi int, target phrase) phrase {
	for k := lo; k < hi; k++ {
		if target.s <= k && k < target.e {
			continue
		}
		// "متطوعا في الجيش العراقي", "عناصر من القوات التركية" are victims' units, not attackers.
		if !sc.is(cWeapon, &sc.toks[k]) || k > lo && (sc.toks[k-1].f == "في" || sc.toks[k-1].f == "من") {
			continue
		}
		for j := k + 1; j < hi && j <= k+2; j++ {
			t := &sc.toks[j]
			if t.gap || !nisba(t) || t.def != sc.toks[k].def {
				break
			}
			if sc.is(cNationality, t) {
				return phrase{k, j + 1}
			}
		}
	}
	return phrase{}
}

// protesters finds the doers of a protest named as such anywhere in its sentence: "المتظاهرون",
// "الاف المتظاهرين المناصرين للملكية".
func (sc *scan) protesters(lo, hi int) phrase {
	for k := lo; k < hi; k++ {
		if sc.is(cProtester, &sc.toks[k]) && !sc.toks[k].trig {
			p, _ := sc.np(k, hi)
			return p
		}
	}
	return phrase{}
}

// location finds where the event happened: a place entity nearest after the trigger (else before it), or a
// phrase after "في" headed by a place word ("في بلدة خان بني سعد") or naming a place ("في منبج").
func (sc *scan) location(ev *event, lo, hi int) phrase {
	if said(ev.m.e.typ) {
		return phrase{}
	}
	// "تلقى رئيس الإقليم اتصالاً هاتفياً من الرئيس الفرنسي، جرى خلاله بحث التطورات في سوريا": a call by
	// telephone happens nowhere; the places after it are those of what is talked about.
	if ev.m.e.typ == marsad.CONSULT {
		for k := max(lo, ev.m.head-3); k < hi; k++ {
			if sc.is(cPhone, &sc.toks[k]) {
				return phrase{}
			}
		}
	}
	used := func(k int) bool {
		return ev.actor1.s <= k && k < ev.actor1.e || ev.actor2.s <= k && k < ev.actor2.e
	}
	if p := sc.destination(ev, hi); p.ok() {
		return p
	}
	if p := sc.witness(ev.m, lo, hi); p.ok() {
		return p
	}
	// Residents of a place protest there ("تظاهر أهالي بلدة جاسم"), unless a place after the trigger says
	// where ("تظاهر مئات من أهالي مدينة السويداء في ساحة الكرامة").
	var res phrase
	if a := ev.actor1; a.ok() && sc.is(cResidents, &sc.toks[a.s]) {
		for k := a.s + 1; k < a.e; k++ {
			// "طلاب الجامعة" names no place.
			if sc.placeWord(&sc.toks[k]) && !(sc.toks[k].def && k+1 == a.e) || sc.locEntity(k) {
				res = sc.placeName(k, a.e, sc.placeWord(&sc.toks[k]))
				break
			}
		}
	}
	// Where people come from is not where the event happened ("قتل شاب من أبناء قرية الصبحة … في ريف دير
	// الزور"), unless nothing else is named; a retreat's place is the one left.
	skipped := false
	p := sc.where(ev, lo, hi, func(k int) bool {
		if used(k) {
			return true
		}
		if (ev.m.e.typ != marsad.RETREAT || ev.m.e.mode == "release") && sc.origin(k, lo, ev.actor1) {
			skipped = true
			return true
		}
		return false
	})
	switch {
	case res.ok() && !(p.ok() && p.s > ev.m.last() && sc.introducesPlace(p.s, lo)):
		return res
	case p.ok() || !skipped:
	case ev.m.e.mode == "release":
		// "أطلقت قوات النظام سراح عشرين معتقلا من أبناء ريف درعا": where the released come from is not
		// where they were released.
	default:
		return sc.where(ev, lo, hi, used)
	}
	// "رضخت الحكومة المحلية في البصرة لمطالب المحتجين", "وقّعت اللجنة المركزية في درعا اتفاق تسوية … في
	// مدينة بصرى الشام": the place after في right after the subject of an agreement, a cooperation or a
	// concession is where the subject is from; the event is where the sentence names another place, or
	// nowhere.
	if a := ev.actor1; p.ok() && a.ok() && a.e+1 == p.s && sc.toks[a.e].f == "في" && !sc.toks[a.e].gap && ev.m.e.typ != marsad.CONSULT && madeWhere(ev.m) {
		from := p
		if q := sc.where(ev, lo, hi, func(k int) bool { return used(k) || from.s-1 <= k && k < from.e }); q.s >= from.e || q.e <= from.s {
			return q
		}
		return phrase{}
	}
	// "اغتال مجهولون مختار قرية الشحيل": with no other place named, the place of the victim.
	if a := ev.actor2; !p.ok() && harm(ev.m.e.typ) && a.ok() {
		for k := a.s + 1; k < a.e; k++ {
			if sc.is(cPlace, &sc.toks[k]) && sc.named(k, a.e) {
				return sc.placeName(k, a.e, true)
			}
		}
	}
	return p
}

// compassLead widens a place to the part of it that a preposition of place named before it: "في جنوب شرق
// ليبيا", "بشمال العراق" is where the event happened, not all of Libya or Iraq.
func (sc *scan) compassLead(p phrase, lo int) phrase {
	if !p.ok() {
		return p
	}
	s := p.s
	for s-1 >= lo && s > p.s-2 && !sc.toks[s].gap && sc.compassWord(&sc.toks[s-1]) {
		s--
	}
	if s == p.s {
		return p
	}
	t := &sc.toks[s]
	withBa := strings.HasPrefix(t.f, "ب")
	if !withBa && (t.gap || s == lo || sc.toks[s-1].f != "في") {
		return p
	}
	if withBa {
		t.clitics = 1
	}
	p.s = s
	return p
}

// compassWord reports an indefinite word of the compass ([compass]) or "وسط", also after ب ("بشمال", whose
// ب the article split leaves on).
func (sc *scan) compassWord(t *tok) bool {
	b := strings.TrimPrefix(t.b, "ب")
	return !t.def && (b == "وسط" || sc.lx.exactClasses(b)&sc.lx.bits[cCompass] != 0)
}

// origin reports a place named as where someone comes from: after "من أبناء/أهالي" ("قتل شاب من أبناء قرية
// الصبحة") or after "من" right after the doer ("نظم معلمون من محافظة السويداء وقفة"); "خطف مجهولون شابين من
// بلدة الجيزة" names where they were taken.
func (sc *scan) origin(k, lo int, doer phrase) bool {
	j := k - 1
	for j >= lo && j >= k-2 && sc.placeWord(&sc.toks[j]) {
		j--
	}
	if j <= lo {
		return false
	}
	// ("من أبناء عشائر دير الزور": residents of residents.)
	for j > lo && j >= k-4 && sc.is(cResidents, &sc.toks[j]) && sc.is(cResidents, &sc.toks[j-1]) {
		j--
	}
	if sc.is(cResidents, &sc.toks[j]) {
		return sc.toks[j-1].f == "من"
	}
	return sc.toks[j].f == "من" && doer.ok() && doer.e == j
}

// destination returns where aid or forces are sent, the place after "إلى": "أدخلت الأمم المتحدة قافلة …
// عبر معبر باب الهوى إلى الشمال السوري", "إلى شمال غربي سوريا".
func (sc *scan) destination(ev *event, hi int) phrase {
	// "انسحبت فصائل المعارضة من بلدة خان شيخون باتجاه مدينة معرة النعمان": a withdrawal too goes somewhere.
	retreat := ev.m.e.typ == marsad.RETREAT && ev.m.e.mode != "release"
	if ev.m.e.typ != marsad.AID && ev.m.e.typ != marsad.MOBILIZE && !retreat {
		return phrase{}
	}
	for k := ev.m.last() + 1; k+1 < hi; k++ {
		if f := sc.toks[k].f; f != "الي" && f != "باتجاه" && f != "نحو" {
			continue
		}
		n := k + 1
		// ("إلى داخل الأراضي المحتلة")
		if n+1 < hi && sc.toks[n].f == "داخل" && !sc.toks[n+1].gap {
			n++
		}
		t := &sc.toks[n]
		switch {
		case t.gap:
		case t.def && t.ent < 0 && !sc.is(cPlace, t) && n+1 < hi && !sc.toks[n+1].gap && sc.toks[n+1].def && (nisba(&sc.toks[n+1]) || sc.is(cParticiple, &sc.toks[n+1])) && !sc.lx.nounLike(t):
			// "نحو الأراضي التركية", "إلى داخل الأراضي المحتلة": a land named by its adjective.
			return phrase{n, n + 2}
		case sc.is(cPlace, t) && sc.placeOf(sc.placeName(n, hi, true)):
			return sc.placeName(n, hi, true)
		case sc.locEntity(n):
			return sc.directions(phrase{n, sc.entityEnd(n, hi)}, hi)
		case sc.is(cCompass, t):
			// "الشمال السوري", "شمال غربي سوريا".
			e := n + 1
			for e < hi && !sc.toks[e].gap && e <= n+2 && (sc.is(cCompass, &sc.toks[e]) || sc.toks[e].def && nisba(&sc.toks[e])) {
				e++
			}
			if e < hi && !sc.toks[e].gap && sc.locEntity(e) && !t.def {
				e = sc.entityEnd(e, hi)
			}
			if e > n+1 {
				return phrase{n, e}
			}
		default:
			// "قافلة مساعدات … إلى النازحين في مخيمات أطمة": aid goes where those it goes to are.
			if p, _ := sc.np(n, hi); ev.m.e.typ == marsad.AID && p.ok() && p.s == n && p.e+1 < hi && sc.toks[p.e].f == "في" && !sc.toks[p.e].gap && sc.is(cPlace, &sc.toks[p.e+1]) {
				if q := sc.placeName(p.e+1, hi, true); sc.placeOf(q) {
					return q
				}
			}
		}
		return phrase{}
	}
	return phrase{}
}

// where finds the place of the event among the tokens not used (see location).
func (sc *scan) where(ev *event, lo, hi int, used func(int) bool) phrase {
	// A place introduced as one ("في منبج", "بالباغوز", "قرية الهوشرية") is where the event happened; a
	// bare country or city may be a doer or what is spoken of ("وحاولت تركيا").
	best, bestDist, bestIntro := phrase{}, 1<<30, false
	for k := lo; k < hi; k++ {
		t := &sc.toks[k]
		if t.ent < 0 || sc.doc.Entities[t.ent].Type != marsad.LOC || used(k) || k > lo && sc.toks[k-1].ent == t.ent {
			continue
		}
		// "السفير التركي لدى بغداد": where an envoy is posted is part of the title.
		if k > lo && sc.toks[k-1].f == "لدي" {
			continue
		}
		e := sc.entityEnd(k, hi)
		d := k - ev.m.head
		if d < 0 {
			d = -d + 100 // prefer places after the trigger
		}
		intro := sc.introducesPlace(k, lo)
		if intro && !bestIntro || intro == bestIntro && d < bestDist {
			best, bestDist, bestIntro = phrase{k, e}, d, intro
		}
	}
	// A place word right after a preposition of place or carrying ب ("في ريف", "داخل سوق", "بمدينة")
	// before any other ("على قاعدة"); "عن طريق" is a means. The first place named after the trigger is the
	// narrowest ("في قرية الطيانة بريف دير الزور", "داخل سوق شعبي في مدينة الصدر"), so a place word nearer
	// than the place entity wins, and one that heads the entity takes it in ("في ريف إدلب الجنوبي").
	for _, k := range sc.order(ev.m.head, lo, hi) {
		t := &sc.toks[k]
		// "فرض حصار على حي درعا البلد", "غارات على محيط بلدة كنصفرة": a named place after على is where (an
		// unnamed "على بلدات" is not).
		if sc.placeWord(t) && !sc.aside(k, hi) && (!sc.is(cPlace, t) || k > lo && (sc.is(cPlacePrep, &sc.toks[k-1]) || sc.toks[k-1].f == "علي" && harm(ev.m.e.typ) && sc.named(k, hi))) && !used(k) {
			p := sc.placeName(k, hi, true)
			if !sc.placeOf(p) {
				continue
			}
			if best.ok() && sc.nearer(best.s, k, ev.m.head) && !(k < best.s && best.s <= k+3) {
				break
			}
			return sc.placeClitics(sc.narrower(p, hi, used))
		}
	}
	if best.ok() {
		return sc.directions(sc.narrower(best, hi, used), hi)
	}
	return sc.placeClitics(sc.locationWord(ev, lo, hi, used))
}

// named reports a place word followed by its name: a place entity or a word no table knows, indefinite or
// the genitive of an indefinite place word ("على تلال الكبينة"; "على الطريق الواصل" has an adjective).
func (sc *scan) named(k, hi int) bool {
	if k+1 >= hi || sc.toks[k+1].gap {
		return false
	}
	n := &sc.toks[k+1]
	return sc.locEntity(k+1) || n.ent < 0 && (!n.def || !sc.toks[k].def) && (n.cls == 0 || sc.is(cPlace, n)) && !n.num && !sc.lx.nounLike(n) && !nisba(n) && sc.head(k+1)
}

// placeClitics makes a place given with its preposition ("بمدينة الباب", "وبريف حلب") leave it out.
func (sc *scan) placeClitics(p phrase) phrase {
	if p.ok() {
		if t := &sc.toks[p.s]; t.ent < 0 && sc.placeWord(t) && !sc.is(cPlace, t) {
			t.clitics = 1 + b2i(t.conj)
		}
	}
	return p
}

// locationWord finds a place from the words alone (see location).
func (sc *scan) locationWord(ev *event, lo, hi int, used func(int) bool) phrase {
	for _, k := range sc.order(ev.m.head, lo, hi) {
		t := &sc.toks[k]
		switch {
		// "عن طريق" is a means, but a siege is lifted from a place ("رفعت القوات الحصار عن بلدة الحارة").
		case sc.placeWord(t) && (k == lo || sc.toks[k-1].f != "عن" || ev.m.e.typ == marsad.RETREAT) && !sc.aside(k, hi) && !used(k):
			// "بمدينة", "في ريف", "قرب قرية": the place word and its name.
			if p := sc.placeName(k, hi, true); sc.placeOf(p) {
				return p
			}
		case sc.is(cPlacePrep, t) && !sc.is(cTargetPrep, t) && t.f != "من" && t.f != "الي" && !used(k):
			// A name after a preposition of place: "في منبج،", "قرب البوكمال"; before a building only a
			// place word ("أمام مبنى المحافظة", not "أمام الفشل").
			if k+1 >= hi || sc.toks[k+1].gap {
				continue
			}
			if sc.is(cPlace, &sc.toks[k+1]) {
				if p := sc.placeName(k+1, hi, true); sc.placeOf(p) {
					return p
				}
				continue
			}
			if p := sc.nameAfter(k, hi); p.ok() {
				return p
			}
		}
	}
	return phrase{}
}

// nameAfter returns the name of a place after the preposition of place at k that no place word
// introduces ("في منبج،", "قرب البوكمال"), or no phrase.
func (sc *scan) nameAfter(k, hi int) phrase {
	if t := &sc.toks[k]; k+1 >= hi || t.f == "عند" || t.f == "امام" {
		return phrase{}
	}
	n := &sc.toks[k+1]
	if n.gap || sc.is(cPlace, n) || sc.is(cNotPlace, n) || sc.is(cStop, n) || n.trig || n.num || !sc.head(k+1) {
		return phrase{}
	}
	// A definite word after في is a place only when nothing continues it ("في الموصل،").
	if n.def && k+2 < hi && !sc.toks[k+2].gap && !sc.is(cPlacePrep, &sc.toks[k+2]) {
		return phrase{}
	}
	if !n.def && sc.lx.nounLike(n) || sc.possessed(k+1) {
		return phrase{}
	}
	// "في صناعة العبوات الناسفة": a verbal noun in construct is no place name.
	if !n.def && sc.taMarbuta(n) && k+2 < hi && !sc.toks[k+2].gap && sc.toks[k+2].def && !sc.locEntity(k+2) && !sc.placeWord(&sc.toks[k+2]) {
		return phrase{}
	}
	return sc.placeName(k+1, hi, false)
}

// placeBound returns where the places of the event m may end. An agreement, a cooperation, a meeting, a
// release are where they are made; a place after what they are about ("اتفاقا لوقف إطلاق النار في إدلب",
// "نسق … لتأمين طريق مخمور", "اتفق … على وقف الاقتتال في البوكمال") or after another verb ("أفرجت عن
// لاجئين اعتقلوا قرب الحدود") is that matter's.
func (sc *scan) placeBound(m match, ms []match, hi int) int {
	// "سلّمت المنظمة شحنة من الأدوية لدعم المستشفيات في المناطق المحررة": aid is where it arrives, not
	// where what it is for happens.
	if m.e.typ == marsad.AID {
		for k := m.last() + 1; k < hi; k++ {
			if t := &sc.toks[k]; !t.def && !t.conj && strings.HasPrefix(t.f, "ل") && runes(t.f) > 3 {
				if r := t.f[len("ل"):]; len(sc.lx.nouns[r]) > 0 || len(sc.lx.past[r]) > 0 {
					return k
				}
			}
		}
		return hi
	}
	if !madeWhere(m) {
		return hi
	}
	for _, o := range ms {
		if o.head > m.last() && (!o.noun || o.e.typ != m.e.typ) {
			hi = min(hi, o.head)
		}
	}
	for k := m.last() + 1; k < hi; k++ {
		t := &sc.toks[k]
		if t.ent >= 0 || sc.placeWord(t) {
			continue
		}
		// "اتفاق بشأن استئناف تصدير النفط عبر ميناء جيهان", "بحث … مستجدات الأوضاع في جنوب لبنان": what
		// they are about.
		if topic(t.b) {
			return k
		}
		if t.f == "علي" && k+1 < hi && !sc.placeWord(&sc.toks[k+1]) && !sc.locEntity(k+1) ||
			!t.def && !t.conj && strings.HasPrefix(t.f, "ل") && runes(t.f) > 4 {
			return k
		}
		// "تعهدت الإدارة بإعادة فتح المدارس في مدينة الحسكة", "وافقت قسد على تسليم النقاط في ريف
		// الدرباسية": what is promised or agreed to, a verbal noun, has the places after it.
		if m.e.typ == marsad.AGREE && (t.trig && k <= m.last()+2 || !t.def && !t.conj && strings.HasPrefix(t.f, "ب") && sc.prepWord(t)) {
			return k
		}
	}
	return hi
}

// meetingPlace returns where the parties of an agreement or a cooperation met, when the sentence names the
// meeting: "اتفق الوزير مع نظيره خلال لقائهما في أنقرة", "خلال اجتماع عقد في حقل العمر".
func (sc *scan) meetingPlace(m match, hi int) phrase {
	if m.e.typ != marsad.AGREE && m.e.typ != marsad.COOPERATE && m.e.typ != marsad.CONSULT {
		return phrase{}
	}
	for k := m.last() + 1; k < hi; k++ {
		if !sc.is(cMeeting, &sc.toks[k]) {
			continue
		}
		// ("خلال جولة مفاوضات غير مباشرة عقدت في مدينة جدة")
		for j := k + 1; j < hi && j <= k+6; j++ {
			t := &sc.toks[j]
			if t.trig && !sc.is(cMeeting, t) {
				break
			}
			if sc.locEntity(j) {
				return sc.directions(phrase{j, sc.entityEnd(j, hi)}, hi)
			}
			if sc.is(cPlace, t) && j > 0 && sc.is(cPlacePrep, &sc.toks[j-1]) || sc.placeWord(t) && !sc.is(cPlace, t) {
				if p := sc.placeName(j, hi, true); sc.placeOf(p) {
					return sc.placeClitics(p)
				}
			}
		}
		break
	}
	return phrase{}
}

// nearer reports whether token a is nearer the trigger at head than token b, those after it first.
func (sc *scan) nearer(a, b, head int) bool {
	rank := func(k int) int {
		if k < head {
			return head - k + len(sc.toks)
		}
		return k - head
	}
	return rank(a) < rank(b)
}

// directions extends a place with the adjectives of direction after it: "إدلب الجنوبي"; without the
// article the word is a preposition ("الميادين شرقي دير الزور").
func (sc *scan) directions(p phrase, hi int) phrase {
	// "مطار أربيل الدولي": the kind of a place word's place ([place_kind]) too.
	kind := p.ok() && sc.placeWord(&sc.toks[p.s])
	for p.e < hi && !sc.toks[p.e].gap && sc.toks[p.e].def && (sc.is(cDirection, &sc.toks[p.e]) || kind && sc.is(cPlaceKind, &sc.toks[p.e])) {
		p.e++
	}
	return p
}

// pastCompass returns the end of where a place lies from another that may follow it at k, "جنوبي الحسكة",
// "شمال شرقي سوريا", else k.
func (sc *scan) pastCompass(k, hi int) int {
	e := k
	for e < hi && !sc.toks[e].gap && !sc.toks[e].def && sc.is(cCompass, &sc.toks[e]) {
		e++
	}
	switch {
	case e == k || e >= hi || sc.toks[e].gap:
		return k
	case sc.locEntity(e):
		return sc.entityEnd(e, hi)
	case sc.toks[e].def && !sc.toks[e].prep && sc.toks[e].cls == 0 && !sc.lx.nounLike(&sc.toks[e]):
		return e + 1
	}
	return k
}

// introducesPlace reports whether the word at k is marked as a place by what comes before it: a preposition
// of place other than "من" or a place word before it, or ب attached to it.
func (sc *scan) introducesPlace(k, lo int) bool {
	t := &sc.toks[k]
	if t.f != t.b && strings.HasPrefix(strings.TrimPrefix(t.f, "و"), "ب") {
		return true
	}
	if k == lo || sc.toks[k].gap {
		return false
	}
	prev := &sc.toks[k-1]
	return sc.is(cPlacePrep, prev) && prev.f != "من" || sc.placeWord(prev)
}

// said reports the types of events done by saying (accusing, threatening, demanding, rejecting, supporting,
// sanctioning): a place in their sentence is where what is said happens ("هددت أنقرة بعملية
// عسكرية في منبج"), not where they do.
func said(typ string) bool {
	switch typ {
	case marsad.ACCUSE, marsad.THREATEN, marsad.REQUEST, marsad.REJECT, marsad.SUPPORT, marsad.SANCTION:
		return true
	}
	return false
}

// possessed reports a noun written with a possessive pronoun ("مقاله", "بلادهم"), which no place name
// carries; ta marbuta, folded to ه as well, is told apart in the raw text.
func (sc *scan) possessed(k int) bool {
	w := sc.doc.Text[sc.toks[k].start:sc.toks[k].end]
	return strings.HasSuffix(w, "ه") || strings.HasSuffix(w, "ها") || strings.HasSuffix(w, "هم") || strings.HasSuffix(w, "هما")
}

// aside reports "من ناحية أخرى" (on the other hand), a place word that opens a new topic.
func (sc *scan) aside(k, hi int) bool {
	return k+1 < hi && (sc.toks[k+1].f == "اخري" || sc.toks[k+1].f == "ثانيه")
}

// order lists the sentence's tokens after the trigger first, then those before it, nearest first.
func (sc *scan) order(head, lo, hi int) []int {
	out := make([]int, 0, hi-lo)
	for k := head + 1; k < hi; k++ {
		out = append(out, k)
	}
	for k := head - 1; k >= lo; k-- {
		out = append(out, k)
	}
	return out
}

// placeName takes a place phrase from k: the place word and up to three name words after it, stopping at
// punctuation, particles and numbers.
func (sc *scan) placeName(k, hi int, word bool) phrase {
	e := k + 1
	limit := k + 3
	if word {
		// "قرية «أبو العراج»", "قضاء \"نارلي دره\"": a name in quotation marks after the place word.
		if q := sc.quotedName(e, hi); q > e {
			return sc.directions(phrase{k, q}, hi)
		}
		limit = k + 4
	}
	for e < hi && e < limit {
		t := &sc.toks[e]
		// "مناطق شمال وشرق سوريا": a place entity right after the place word is its name.
		if e == k+1 && !t.gap && sc.locEntity(e) {
			e++
			continue
		}
		// "ولاية شمال كردفان", "محافظة جنوب سيناء": a compass point that opens the name.
		if e == k+1 && word && !t.gap && !t.def && sc.is(cCompass, t) && e+1 < hi && !sc.toks[e+1].gap && (sc.locEntity(e+1) || sc.toks[e+1].cls == 0 && !sc.lx.nounLike(&sc.toks[e+1])) {
			e += 2
			continue
		}
		// ("قرية ود النورة بولاية الجزيرة": a place word carrying ب or ل begins another place.)
		// ("في حقل خورمور الغازي أثناء عودته": a word that names no place ends it.)
		if t.gap || t.trig || t.num || sc.is(cNumber, t) || sc.countLead(e, hi) || t.conj && !sc.whole(t) || sc.prepWord(t) || sc.is(cStop, t) || sc.is(cSkip, t) || sc.is(cNotPlace, t) || sc.is(cPlacePrep, t) || sc.placeWord(t) && !sc.is(cPlace, t) ||
			sc.is(cPlace, t) && t.f != t.b && !t.def {
			break
		}
		// "المنطقة" takes only its adjectives ("المنطقة الشرقية"); "مدينة" takes a name ("مدينة دير الزور").
		if word && sc.toks[k].def && !sc.cont(&sc.toks[e-1], t) {
			break
		}
		// A place entity is the name, and ends it: "في مدينة إدلب بذريعة", "في بلدة الباغوز لقوات قسد".
		if p := sc.toks[e-1].ent; p >= 0 && t.ent != p && sc.locEntity(e-1) {
			break
		}
		e++
	}
	// A place entity is kept whole: "بريف دير الزور الشرقي".
	if last := sc.toks[e-1].ent; last >= 0 && sc.doc.Entities[last].Type == marsad.LOC {
		e = sc.entityEnd(e-1, hi)
	}
	return sc.directions(phrase{k, e}, hi)
}

// placeWord reports a place class word, bare or after a one-letter preposition ("بريف", "بمدينة").
func (sc *scan) placeWord(t *tok) bool {
	// "جبهة النصرة", "مكتب الأمم المتحدة": a word of a body's or a person's name names no place.
	if t.ent >= 0 && sc.doc.Entities[t.ent].Type != marsad.LOC {
		return false
	}
	if sc.is(cPlace, t) {
		return true
	}
	return runes(t.b) > 3 && (strings.HasPrefix(t.b, "ب") || strings.HasPrefix(t.b, "ل")) && sc.lx.bareClasses(t.b[len("ب"):])&sc.lx.bits[cPlace] != 0
}

// nounLike reports an indefinite word that is a common noun rather than a name: a trigger or cue word.
func (lx *lexicon) nounLike(t *tok) bool {
	if len(lx.nouns[t.b]) > 0 || len(lx.past[t.b]) > 0 || len(lx.modes[t.b]) > 0 || len(lx.roles[t.b]) > 0 {
		return true
	}
	return lx.bareClasses(t.b)&(lx.bits[cAgent]|lx.bits[cVictim]|lx.bits[cWeapon]|lx.bits[cGenericNisba]) != 0
}

// madeWhere reports the events that are where they are made (see placeBound).
func madeWhere(m match) bool {
	switch m.e.typ {
	case marsad.AGREE, marsad.COOPERATE, marsad.CONSULT, marsad.CONCEDE:
		return true
	}
	return m.e.mode == "release"
}

// topic reports a word that opens what talks or an agreement are about.
func topic(b string) bool {
	switch b {
	case "بشان", "حول", "مستجدات", "تطورات", "اوضاع", "سبل", "ملف", "تداعيات":
		return true
	}
	return false
}

// reached returns what a word of reaching at k names (see [reach]): "حملة اعتقالات تطال 20 شخصا"; a place
// reached is none. ok reports the word.
func (sc *scan) reached(k, hi int) (p phrase, ok bool) {
	if k+1 >= hi || sc.toks[k].gap || !sc.is(cReach, &sc.toks[k]) || sc.toks[k+1].gap {
		return phrase{}, false
	}
	if p, _ = sc.np(k+1, hi); p.ok() && sc.is(cPlace, &sc.toks[p.s]) {
		p = phrase{}
	}
	return p, true
}

// witness returns the place that witnessed a noun event, the subject of شهد before it: "شهدت بلدة جنديرس
// بريف عفرين، مساء الثلاثاء، مظاهرة غاضبة", "تشهد مدينة السويداء احتجاجات".
func (sc *scan) witness(m match, lo, hi int) phrase {
	if !m.noun {
		return phrase{}
	}
	for k := m.head - 1; k >= lo && k >= m.head-10; k-- {
		switch sc.toks[k].b {
		case "شهد", "شهدت", "تشهد", "يشهد":
		default:
			continue
		}
		if k+1 >= m.head || sc.toks[k+1].gap {
			return phrase{}
		}
		return sc.placeAt(k+1, m.head)
	}
	return phrase{}
}

// joined returns who took part in a noun event, after "شارك فيها" right after it: "مظاهرة غاضبة شارك فيها
// المئات من الأهالي".
func (sc *scan) joined(m match, hi int) phrase {
	k := m.spanEnd() + 1
	for k < hi && k <= m.spanEnd()+3 && !sc.toks[k].gap && sc.toks[k].b != "شارك" {
		k++
	}
	if k+2 >= hi || sc.toks[k].b != "شارك" || sc.toks[k+1].gap || sc.toks[k+2].gap {
		return phrase{}
	}
	if f := sc.toks[k+1].f; f != "فيها" && f != "فيه" {
		return phrase{}
	}
	p, _ := sc.np(k+2, hi)
	return p
}

// describes reports the nouns an adjective takes in construct: "مجهولة الهوية", "بعيدة المدى", "شديدة
// الانفجار", "إيرانية الصنع", "متعددة الجنسيات".
func describes(b string) bool {
	switch b {
	case "هويه", "مدي", "انفجار", "صنع", "جنسيات", "حراسه", "تسليح", "دفع":
		return true
	}
	return false
}

// holder returns the force holding the positions p names when the text says whose they are: "مواقع لجماعة
// الحوثي", "تجمعات لقوات الدعم السريع", "مواقع عسكرية تابعة لجماعة الحوثي", "مواقع قوات العمالقة" (the
// blind sets name the force as the target); else p.
func (sc *scan) holder(p phrase, hi int) phrase {
	switch sc.toks[p.s].b {
	case "مواقع", "موقع", "تجمعات", "تجمع", "مقرات", "نقاط", "ثكنات", "اوكار", "معاقل", "تحصينات", "تمركزات":
	default:
		return p
	}
	k := p.s + 1
	for k < hi && !sc.toks[k].gap && (nisba(&sc.toks[k]) || sc.is(cGenericNisba, &sc.toks[k])) && !sc.toks[k].def {
		k++
	}
	if k+1 < hi && !sc.toks[k].gap && (sc.toks[k].b == "تابعه" || sc.toks[k].b == "تابع") {
		k++
	}
	if k >= hi || sc.toks[k].gap {
		return p
	}
	t := &sc.toks[k]
	switch {
	case !t.def && strings.HasPrefix(t.f, "ل") && runes(t.f) > 3:
		// "لجماعة الحوثي" (لل carries the article, which the case above leaves out)
		if t.ent >= 0 || sc.lx.bareClasses(t.f[len("ل"):])&(sc.lx.bits[cAgent]|sc.lx.bits[cConstruct]) != 0 {
			t.clitics = 1
			return phrase{k, sc.extend(k, hi)}
		}
	case k == p.s+1 && !t.def && sc.is(cAgent, t):
		// "مواقع قوات العمالقة"
		return phrase{p.s, sc.extend(k, hi)}
	}
	return p
}

// aid reports a noun that names aid or its carrier ("قافلة", "شحنة", "مساعدات").
func (sc *scan) aid(t *tok) bool {
	found := false
	sc.lx.nounEntries(t, func(e *entry) { found = found || e.typ == marsad.AID })
	return found
}

// quotedName returns the end of a name in quotation marks that opens at token k ("«الجيش الوطني»",
// "“داعش”", "\"أبو العراج\""), or k when none does.
func (sc *scan) quotedName(k, hi int) int {
	if k == 0 || k >= hi {
		return k
	}
	gap := sc.doc.Text[sc.toks[k-1].end:sc.toks[k].start]
	opening := strings.TrimSpace(gap)
	q := slices.IndexFunc(quotePairs[:], func(q [2]string) bool { return q[0] == opening })
	// A straight quote opens only where it sticks to the word after it, not to the one before.
	if q < 0 || opening == `"` && strings.HasPrefix(gap, `"`) {
		return k
	}
	closing := quotePairs[q][1]
	for j := k; j < hi && j < k+6; j++ {
		if j+1 < hi && sc.toks[j+1].gap && !strings.HasPrefix(strings.TrimSpace(sc.doc.Text[sc.toks[j].end:sc.toks[j+1].start]), closing) {
			return k
		}
		if end := sc.toks[j].end; j+1 == hi || strings.HasPrefix(strings.TrimSpace(sc.doc.Text[end:sc.toks[j+1].start]), closing) {
			return j + 1
		}
	}
	return k
}

// placeAt returns the place named at token n: a place word with its name ("بلدة جنديرس") or a place entity
// with its directions ("سوريا الشمالية"); none when n names no place.
func (sc *scan) placeAt(n, hi int) phrase {
	switch {
	case sc.is(cPlace, &sc.toks[n]):
		return sc.placeName(n, hi, true)
	case sc.locEntity(n):
		return sc.directions(phrase{n, sc.entityEnd(n, hi)}, hi)
	}
	return phrase{}
}
