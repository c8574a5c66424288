package server

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/marsad/marsad"
)

// tagger stands in for the annotation stages in these tests, so the API and the page have every layer to
// show: a few names, digits, two relative dates, trigger words, «quotes» and headline/body number clashes.
type tagger struct{}

type name struct {
	text, typ, id, canon string
	lat, lon             float64
}

var names = []name{
	{"قوات سوريا الديمقراطية", marsad.ORG, "sdf", "قسد (SDF)", 0, 0},
	{"قسد", marsad.ORG, "sdf", "قسد (SDF)", 0, 0},
	{"تنظيم الدولة", marsad.ORG, "isis", "داعش (ISIS)", 0, 0},
	{"مظلوم عبدي", marsad.PER, "mazloum-abdi", "مظلوم عبدي", 0, 0},
	{"الدفاع المدني", marsad.ORG, "white-helmets", "الخوذ البيضاء", 0, 0},
	{"الرقة", marsad.LOC, "raqqa", "الرقة", 35.95, 39.01},
	{"الباغوز", marsad.LOC, "baghouz", "الباغوز", 34.45, 40.92},
	{"دير الزور", marsad.LOC, "deir-ez-zor", "دير الزور", 35.34, 40.14},
	{"الموصل", marsad.LOC, "mosul", "الموصل", 36.34, 43.13},
	{"بغداد", marsad.LOC, "baghdad", "بغداد", 33.31, 44.37},
	{"إدلب", marsad.LOC, "idlib", "إدلب", 35.93, 36.63},
	{"منبج", marsad.LOC, "manbij", "منبج", 36.53, 37.95},
}

var triggers = map[string]string{
	"هجوم": marsad.ASSAULT, "هجوما": marsad.ASSAULT, "قصف": marsad.ASSAULT, "اشتباكات": marsad.ASSAULT,
	"اجتماع": marsad.CONSULT, "اجتماعا": marsad.CONSULT, "تظاهرة": marsad.PROTEST, "انسحاب": marsad.RETREAT,
}

// words returns the word runs of text, with offsets.
func words(text string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range text + " " {
		letter := r >= 0x0600 && r <= 0x06FF || r >= '0' && r <= '9'
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	return out
}

func (tagger) Annotate(d *marsad.Document) error {
	taken := make([]bool, len(d.Text))
	for _, n := range names {
		for off := 0; ; {
			i := strings.Index(d.Text[off:], n.text)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(n.text)
			off = e
			if taken[s] || taken[e-1] {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			en := marsad.Entity{Span: marsad.SpanOf(d.Text, s, e), Type: n.typ, ID: n.id, Name: n.canon, Confidence: 0.9}
			if n.lat != 0 {
				lat, lon := n.lat, n.lon
				en.Lat, en.Lon = &lat, &lon
			}
			d.Entities = append(d.Entities, en)
		}
	}
	sort.Slice(d.Entities, func(i, j int) bool { return d.Entities[i].Start < d.Entities[j].Start })
	for _, w := range words(d.Text) {
		t := d.Text[w[0]:w[1]]
		if v, err := strconv.Atoi(t); err == nil {
			d.Quantities = append(d.Quantities, marsad.Quantity{Span: marsad.SpanOf(d.Text, w[0], w[1]), Value: float64(v)})
		}
		if t == "أمس" || t == "اليوم" {
			day := d.Published
			if t == "أمس" {
				day = day.Add(-24 * time.Hour)
			}
			d.Dates = append(d.Dates, marsad.Date{Span: marsad.SpanOf(d.Text, w[0], w[1]), Value: day.Format("2006-01-02"), Relative: true})
		}
	}
	for _, w := range words(d.Text) {
		if typ, ok := triggers[d.Text[w[0]:w[1]]]; ok {
			d.Events = append(d.Events, event(d, typ, w))
		}
	}
	for off := 0; ; {
		i := strings.Index(d.Text[off:], "«")
		if i < 0 {
			break
		}
		s := off + i + len("«")
		e := strings.Index(d.Text[s:], "»")
		if e < 0 {
			break
		}
		q := marsad.Quote{Span: marsad.SpanOf(d.Text, s, s+e), Direct: true}
		for _, en := range d.Entities {
			if en.End <= s && en.Type != marsad.LOC && d.SentenceAt(en.Start) == d.SentenceAt(s) {
				q.Speaker = &marsad.Ref{Span: en.Span, ID: en.ID, Name: en.Name}
			}
		}
		d.Quotes = append(d.Quotes, q)
		off = s + e
	}
	var head, body []marsad.Quantity
	for _, q := range d.Quantities {
		if q.Start < d.TitleEnd {
			head = append(head, q)
		} else {
			body = append(body, q)
		}
	}
	if len(head) > 0 && len(body) > 0 && head[0].Value != body[0].Value {
		d.Conflicts = append(d.Conflicts, marsad.Conflict{Kind: "headline_body",
			Message: "العنوان يذكر " + head[0].Text + " والمتن " + body[0].Text, Spans: []marsad.Quantity{head[0], body[0]}})
	}
	return nil
}

// event files an event of type typ on the trigger word w, with the sentence's first actor, place, date and
// number.
func event(d *marsad.Document, typ string, w [2]int) marsad.Event {
	sent := d.SentenceAt(w[0])
	ev := marsad.Event{Type: typ, Trigger: marsad.SpanOf(d.Text, w[0], w[1]), Sentence: sent, Confidence: 0.5}
	for _, en := range d.Entities {
		if d.SentenceAt(en.Start) != sent {
			continue
		}
		ref := &marsad.Ref{Span: en.Span, ID: en.ID, Name: en.Name}
		switch {
		case en.Type == marsad.LOC && ev.Place == nil:
			ev.Place = ref
		case en.Type != marsad.LOC && ev.Actor1 == nil:
			ev.Actor1 = ref
		case en.Type != marsad.LOC && ev.Actor2 == nil && en.ID != ev.Actor1.ID:
			ev.Actor2 = ref
		}
	}
	for _, dt := range d.Dates {
		if d.SentenceAt(dt.Start) == sent {
			ev.Date, ev.DateSource = dt.Value, "text"
		}
	}
	for _, q := range d.Quantities {
		if d.SentenceAt(q.Start) == sent && typ == marsad.ASSAULT {
			ev.Quantities = append(ev.Quantities, marsad.EventQuantity{Role: "killed", Value: q.Value})
			break
		}
	}
	return ev
}
