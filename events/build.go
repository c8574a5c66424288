package events

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// mergeWindow is how close two triggers of one type must be to be one event ("مقتل 5 بقصف").
const mergeWindow = 8

// merge folds an event into an earlier one of the same type when they are one report seen twice: a victim
// word and the attack that caused it anywhere in the sentence ("قصفت الطائرات ... ما أسفر عن مقتل 5"), or
// close triggers whose roles do not clash ("تظاهر المئات ... احتجاجا على"). The trigger the report model
// trusts more is kept, and the other fills its missing roles.
func (sc *scan) merge(cs []cand) []cand {
	out := cs[:0]
	for _, c := range cs {
		if n := len(out); n > 0 && out[n-1].ev.m.e.typ == c.ev.m.e.typ {
			p, ev := &out[n-1], c.ev
			victim := isVictim(p.ev.m.e.kind) || isVictim(ev.m.e.kind)
			part := p.ev.m.e.kind == kindParticipant || ev.m.e.kind == kindParticipant || sc.purpose(ev.m)
			near := ev.m.head-p.ev.m.last() <= mergeWindow && compatible(p.ev.actor1, ev.actor1) && compatible(p.ev.actor2, ev.actor2)
			if victim || part || near {
				if m := sc.lx.model(c.ev.m.e.typ); m.logit(c.x) > m.logit(p.x) {
					*p, c = c, *p
				}
				// Participants are not the trigger of an event that has one, but their score counts.
				if p.ev.m.e.kind == kindParticipant && c.ev.m.e.kind != kindParticipant {
					x := p.x
					*p, c = c, *p
					p.x = x
				}
				// The roles of the first mention lead: "قتل شرطيان وأصيب ثالث" is the killing of two
				// policemen, whichever trigger the model trusts more.
				if c.ev.m.head < p.ev.m.head {
					first := c.ev
					fill(&first, &p.ev)
					p.ev.actor1, p.ev.actor2, p.ev.place = first.actor1, first.actor2, first.place
				}
				fill(&p.ev, &c.ev)
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// purpose reports a verbal noun in the indefinite accusative, which gives the purpose of the event before
// it: "تظاهر الآلاف … احتجاجا على", "تنديدا بـ".
func (sc *scan) purpose(m match) bool {
	t := &sc.toks[m.head]
	return m.noun && !t.def && !t.prep && strings.HasSuffix(t.f, "ا") && !strings.HasSuffix(t.f, "اا")
}

// fill gives ev the roles it lacks from other, an earlier or later mention of the same event.
func fill(ev, other *event) {
	if !ev.actor1.ok() {
		ev.actor1 = other.actor1
	}
	if !ev.actor2.ok() {
		ev.actor2 = other.actor2
	}
	// (Not a place inside this mention's roles: "أعلن محافظ ذي قار استقالته … استجابة لمطالب المحتجين"; nor
	// a later mention's place for an event that is where it is made, as that mention is what it is about:
	// "التوصل إلى تفاهم … على وقف إطلاق النار في منطقة خفض التصعيد".)
	if p := other.place; !ev.place.ok() && !inside(p, ev.actor1) && !inside(p, ev.actor2) && !(madeWhere(ev.m) && other.m.head > ev.m.head) {
		ev.place = p
	}
	if ev.mode == "" && ev.m.e.mode == "" {
		ev.mode = other.m.e.mode
		if ev.mode == "" {
			ev.mode = other.mode
		}
	}
}

// inside reports whether p lies within q.
func inside(p, q phrase) bool { return q.ok() && q.s <= p.s && p.e <= q.e }

func isVictim(kind byte) bool { return kind == kindVictimNoun || kind == kindVictimVerb }

// compatible reports whether two fillers of one role can be the same: one is missing or they overlap
// ("غارة إسرائيلية" and its "إسرائيلية").
func compatible(a, b phrase) bool { return !a.ok() || !b.ok() || a.overlaps(b) }

// build turns an event under construction into the document's form.
func (sc *scan) build(ev *event, si, lo, hi int) marsad.Event {
	text := sc.doc.Text
	m := ev.m
	out := marsad.Event{
		Type:     m.e.typ,
		Mode:     sc.mode(ev, lo, hi),
		Trigger:  marsad.SpanOf(text, sc.toks[m.head].start, sc.toks[m.spanEnd()].end),
		Actor1:   sc.ref(ev.actor1),
		Actor2:   sc.ref(ev.actor2),
		Place:    sc.ref(ev.place),
		Sentence: si,
	}
	out.Date, out.DateSource = sc.date(sc.toks[lo].start, sc.toks[hi-1].end, sc.toks[m.head].start)
	return out
}

// ref turns a phrase into a reference, linked to the entity that covers its head or, failing that, to the
// first entity inside it.
func (sc *scan) ref(p phrase) *marsad.Ref {
	if !p.ok() {
		return nil
	}
	t := &sc.toks[p.s]
	start := t.start
	// "لقوات النظام" names "قوات النظام", "وفصائل المعارضة" "فصائل المعارضة", "بدور قسد" "دور قسد",
	// "ببغداد" (an entity whose name is "بغداد") "بغداد": the span starts after the proclitics and their
	// vowels.
	n := t.clitics
	// ("والجيش هددهم": before the article و is always the conjunction, as in a subject opening the sentence.)
	if sc.lamAgent(p.s) || n == 0 && t.conj && t.def && !sc.whole(t) {
		n = 1
	}
	// ("ببغداد" tagged "بغداد" by the entity layer: the entity's own start.)
	if e := t.ent; e >= 0 && n == 0 && sc.doc.Entities[e].Start > start && sc.doc.Entities[e].Start < t.end {
		start = sc.doc.Entities[e].Start
	} else if t.ent >= 0 && n == 0 {
		if e := &sc.doc.Entities[t.ent]; e.Start <= t.start && e.Name != "" {
			name, _, _ := strings.Cut(arabic.Fold(e.Name), " ")
			// ("الجامعة العربية", named "جامعة الدول العربية", keeps its article.)
			if len(name) < len(t.f) && strings.HasSuffix(t.f, name) && !strings.HasSuffix(t.f[:len(t.f)-len(name)], "ال") {
				n = runes(t.f) - runes(name)
			}
		}
	}
	for ; n > 0 && start < t.end; n-- {
		_, w := utf8.DecodeRuneInString(sc.doc.Text[start:])
		start += w
		for start < t.end {
			r, w := utf8.DecodeRuneInString(sc.doc.Text[start:])
			if !arabic.IsDiacritic(r) && r != 'ـ' {
				break
			}
			start += w
		}
	}
	end := sc.toks[p.e-1].end
	end += closingQuote(sc.doc.Text[start:end], sc.doc.Text[end:])
	r := &marsad.Ref{Span: marsad.SpanOf(sc.doc.Text, start, end)}
	for k := p.s; k < p.e; k++ {
		if ei := sc.toks[k].ent; ei >= 0 {
			e := &sc.doc.Entities[ei]
			r.ID, r.Name = e.ID, e.Name
			break
		}
	}
	return r
}

// quotePairs are the opening and closing quotation marks that enclose names in news text.
var quotePairs = [...][2]string{{"«", "»"}, {"“", "”"}, {`"`, `"`}}

// closingQuote returns the length of the quotation mark that opens at the start of rest and closes one left
// open in span ("جماعة «أنصار بيت المقدس" takes its "»"), else 0.
func closingQuote(span, rest string) int {
	for _, q := range quotePairs {
		open := strings.Count(span, q[0])
		if q[0] != q[1] {
			open -= strings.Count(span, q[1])
		} else {
			open %= 2
		}
		if open > 0 && strings.HasPrefix(rest, q[1]) {
			return len(q[1])
		}
	}
	return 0
}

// mode picks the event's mode: the trigger's own, or a cue word near it; the cue of lowest rank wins, so a
// suicide bombing is not filed as an IED.
func (sc *scan) mode(ev *event, lo, hi int) string {
	m := ev.m
	best, rank := m.e.mode, 1<<30
	if best == "" {
		best = ev.mode
	}
	if best != "" {
		rank = sc.lx.modeRank(m.e.typ, best)
	}
	from, to := max(lo, m.head-mergeWindow), min(hi, m.last()+mergeWindow+1)
	for k := from; k < to; k++ {
		for _, c := range sc.lx.modes[sc.toks[k].b] {
			if c.typ == m.e.typ && c.rank < rank {
				best, rank = c.mode, c.rank
			}
		}
	}
	return best
}

// modeRank is the rank of a mode in cues.txt; a mode given only by a trigger ("release") outranks cues.
func (lx *lexicon) modeRank(typ, mode string) int {
	for _, cs := range lx.modes {
		for _, c := range cs {
			if c.typ == typ && c.mode == mode {
				return c.rank
			}
		}
	}
	return 0
}

// date is the resolved date nearest the trigger in the sentence [start, end), else the publication date.
func (sc *scan) date(start, end, at int) (string, string) {
	best, dist := "", 1<<30
	for _, d := range sc.doc.Dates {
		if d.Start < start || d.End > end || d.Value == "" {
			continue
		}
		x := d.Start - at
		if x < 0 {
			x = -x
		}
		if x < dist {
			best, dist = d.Value, x
		}
	}
	if best != "" {
		return best, "text"
	}
	if !sc.doc.Published.IsZero() {
		return sc.doc.Published.Format("2006-01-02"), "published"
	}
	return "", ""
}

// roleTypes lists the event types a counted role belongs to.
var roleTypes = map[string][]string{
	"killed":    {marsad.ASSAULT},
	"injured":   {marsad.ASSAULT},
	"abducted":  {marsad.ASSAULT},
	"arrested":  {marsad.COERCE, marsad.ASSAULT},
	"displaced": {marsad.COERCE, marsad.ASSAULT, marsad.RETREAT},
}

// attachCounts gives each count of the sentence a role from the words beside it ("5 قتلى", "مقتل 5") and
// attaches it to the nearest event of a type that role belongs to. Counts come from doc.Quantities, or from
// numbers in digits when the numbers stage did not run.
func (sc *scan) attachCounts(out []marsad.Event, evs []event, lo, hi int) {
	type count struct {
		tok     int
		val     float64
		counted string
	}
	var counts []count
	if len(sc.doc.Quantities) > 0 {
		start, end := sc.toks[lo].start, sc.toks[hi-1].end
		k := lo
		for _, q := range sc.doc.Quantities {
			// Days and hours are no casualties ("مقتل شخص خلال يومين").
			if q.Start < start || q.End > end || q.Unit != "" || q.Counted == "time" {
				continue
			}
			for k < hi && sc.toks[k].end <= q.Start {
				k++
			}
			// The count's last token is where the counted word's search starts.
			j := k
			for j+1 < hi && sc.toks[j+1].start < q.End {
				j++
			}
			counts = append(counts, count{j, q.Value, q.Counted})
		}
	} else {
		for k := lo; k < hi; k++ {
			if sc.toks[k].num {
				counts = append(counts, count{k, sc.toks[k].val, ""})
			}
		}
	}
	for _, c := range counts {
		role := sc.role(c.tok, lo, hi)
		// Things are counted as victims only when families or homes are displaced ("نزوح 300 عائلة"), not
		// when they are the weapons or places ("تفجيران أسفرا عن مقتل").
		if role == "" || c.counted == "thing" && role != "displaced" {
			continue
		}
		best, dist := -1, 1<<30
		for i := range evs {
			if !hasType(roleTypes[role], out[i].Type) {
				continue
			}
			d := c.tok - evs[i].m.head
			if d < 0 {
				d = -d
			}
			if d < dist {
				best, dist = i, d
			}
		}
		if best >= 0 {
			out[best].Quantities = append(out[best].Quantities, marsad.EventQuantity{Role: role, Value: c.val})
		}
	}
}

func hasType(ts []string, t string) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// role reads the role of the count ending at token k: a counted word right after it ("5 قتلى", "28 متطوعا
// ... قتلوا" is too far), else a governing word shortly before it ("مقتل 5", "إصابة أكثر من 20").
func (sc *scan) role(k, lo, hi int) string {
	for j := k + 1; j < hi && j <= k+3; j++ {
		t := &sc.toks[j]
		if t.num || j > k+1 && t.gap {
			break
		}
		for _, c := range sc.lx.roles[t.b] {
			if !c.before {
				return c.role
			}
		}
	}
	for j := k - 1; j >= lo && j >= k-4; j-- {
		t := &sc.toks[j]
		if t.num {
			break
		}
		for _, c := range sc.lx.roles[t.b] {
			if c.before {
				return c.role
			}
		}
	}
	return ""
}
