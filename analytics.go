package marsad

import (
	"context"
	"strings"
	"time"

	"github.com/marsad/marsad/arabic"
)

// Analytics is implemented by a Store that also indexes the layers of what it stores, so events, entities
// and conflicts can be listed across articles without decoding every document.
type Analytics interface {
	// Events returns the stored events that pass the filter, most recent first.
	Events(ctx context.Context, f EventFilter) ([]StoredEvent, error)
	// Entities returns canonical entities with their mention counts, most mentioned first. A non-empty q keeps
	// those whose id, name or a mention contains q (compared after arabic folding).
	Entities(ctx context.Context, q string, limit int) ([]EntityCount, error)
	// Conflicts returns the stored conflicts, newest article first.
	Conflicts(ctx context.Context, limit, offset int) ([]StoredConflict, error)
	// Facets counts the articles matching q (ignoring its Limit and Offset) by source and by month.
	Facets(ctx context.Context, q Query) (Facets, error)
}

// EventFilter selects events; a zero field selects all.
type EventFilter struct {
	Type string
	// Actor matches either actor's entity id, name or mention text (folded); Place likewise matches the place.
	Actor string
	Place string
	// MinConfidence keeps events whose confidence is at least this; 0.5 and above are reported as happening.
	MinConfidence float64
	From          time.Time // inclusive, on Day
	To            time.Time // inclusive, on Day
	Limit         int
	Offset        int
}

// StoredEvent is an event with the article it was read from.
type StoredEvent struct {
	Article   string    `json:"article"`
	Title     string    `json:"title"`
	Published time.Time `json:"published,omitzero"`
	Source    string    `json:"source,omitempty"`
	// Day is the event's date when the text gives a full one, else the article's publication day; empty when
	// neither is known.
	Day string `json:"day,omitempty"`
	// Lat and Lon are the coordinates of the event's place, from the article's resolved entity for it.
	Lat *float64 `json:"lat,omitempty"`
	Lon *float64 `json:"lon,omitempty"`
	Event
}

// EntityCount is a canonical entity with how often it is mentioned.
type EntityCount struct {
	// Key is the entity id, or "~" and the folded mention for an unresolved entity.
	Key      string   `json:"key"`
	ID       string   `json:"id,omitempty"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Mentions int      `json:"mentions"`
	Articles int      `json:"articles"`
	Lat      *float64 `json:"lat,omitempty"`
	Lon      *float64 `json:"lon,omitempty"`
}

// StoredConflict is a conflict with the article it was found in.
type StoredConflict struct {
	Article   string    `json:"article"`
	Title     string    `json:"title"`
	Published time.Time `json:"published,omitzero"`
	Source    string    `json:"source,omitempty"`
	Conflict
}

// Facets are counts of matching articles.
type Facets struct {
	Total   int     `json:"total"`
	Sources []Count `json:"sources"`
	Months  []Count `json:"months"` // "2006-01", oldest first; articles without a date are not counted
}

// Count is one facet value.
type Count struct {
	Value string `json:"value"`
	N     int    `json:"n"`
}

// EventDay is the day an event is filed under: its own date when the text gives a full one, else the
// publication day of its article.
func EventDay(e *Event, published time.Time) string {
	if len(e.Date) == len("2006-01-02") {
		return e.Date
	}
	if published.IsZero() {
		return ""
	}
	return published.UTC().Format("2006-01-02")
}

// EntityKey is the key under which mentions of an entity are counted: its id, else its folded text, so
// "الرقة" and "الرقّة" count as one.
func EntityKey(id, text string) string {
	if id != "" {
		return id
	}
	return "~" + FoldName(text)
}

// FoldName is the form in which stores compare names and filters: arabic-folded, lower-case, trimmed.
func FoldName(s string) string {
	return strings.ToLower(strings.TrimSpace(arabic.Fold(s)))
}

// PlaceOf returns the resolved entity the event's place refers to (same id, else same span), or nil.
func PlaceOf(doc *Document, e *Event) *Entity {
	if e.Place == nil {
		return nil
	}
	for i := range doc.Entities {
		en := &doc.Entities[i]
		if en.Lat == nil || en.Lon == nil {
			continue
		}
		if e.Place.ID != "" && en.ID == e.Place.ID || en.Start == e.Place.Start && en.End == e.Place.End {
			return en
		}
	}
	return nil
}

// EventRow is what a store indexes of one event to filter on.
type EventRow struct {
	Day string
	// Actors and Place hold the folded ids, names and mention texts of the actors (of the place), each
	// between "|", so a filter value v matches exactly when "|"+FoldName(v)+"|" is a substring.
	Actors, Place string
	Lat, Lon      *float64
}

// IndexEvent returns the indexed form of the event e of doc.
func IndexEvent(doc *Document, e *Event) EventRow {
	r := EventRow{Day: EventDay(e, doc.Published), Actors: refKeys(e.Actor1, e.Actor2), Place: refKeys(e.Place)}
	if p := PlaceOf(doc, e); p != nil {
		r.Lat, r.Lon = p.Lat, p.Lon
	}
	return r
}

func refKeys(refs ...*Ref) string {
	var b strings.Builder
	b.WriteByte('|')
	for _, r := range refs {
		if r == nil {
			continue
		}
		for _, s := range []string{r.ID, r.Name, r.Text} {
			if s = FoldName(s); s != "" && !strings.Contains(b.String(), "|"+s+"|") {
				b.WriteString(s)
				b.WriteByte('|')
			}
		}
	}
	return b.String()
}

// MentionRow is what a store indexes of one entity's mentions in one article.
type MentionRow struct {
	EntityCount
	// Names holds the folded id, name and mention texts, for substring search.
	Names string
}

// IndexMentions groups the entities of doc by EntityKey, in order of first mention.
func IndexMentions(doc *Document) []MentionRow {
	var out []MentionRow
	at := map[string]int{}
	for i := range doc.Entities {
		en := &doc.Entities[i]
		key := EntityKey(en.ID, en.Text)
		j, ok := at[key]
		if !ok {
			name := en.Name
			if name == "" {
				name = en.Text
			}
			j = len(out)
			at[key] = j
			out = append(out, MentionRow{EntityCount: EntityCount{Key: key, ID: en.ID, Name: name, Type: en.Type, Articles: 1},
				Names: "|" + FoldName(en.ID) + "|" + FoldName(name) + "|"})
		}
		m := &out[j]
		m.Mentions++
		if m.Lat == nil && en.Lat != nil && en.Lon != nil {
			m.Lat, m.Lon = en.Lat, en.Lon
		}
		if t := FoldName(en.Text); !strings.Contains(m.Names, "|"+t+"|") {
			m.Names += t + "|"
		}
	}
	return out
}
