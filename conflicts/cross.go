package conflicts

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// Report is one event as one stored article reported it.
type Report struct {
	DocID string       `json:"doc_id"`
	Event marsad.Event `json:"event"`
}

// Disagreement is a set of reports of the same event (same type and place, dates within a day of each other)
// that give different counts for one role.
type Disagreement struct {
	Type  string `json:"type"`
	Place string `json:"place"` // the place's entity id, or its folded name when unresolved
	From  string `json:"from"`  // first and last date of the reports, ISO 8601
	To    string `json:"to"`
	Role  string `json:"role"` // killed, injured, …
	// Counts holds, per article, the count it gives for Role: the largest, when it reports the event in
	// several sentences as the toll grows.
	Counts []Count `json:"counts"`
}

// Count is what one article says.
type Count struct {
	DocID string  `json:"doc_id"`
	Value float64 `json:"value"`
}

// CasualtyRoles are the roles CrossCheck compares by default.
var CasualtyRoles = []string{"killed", "injured"}

// CrossCheck groups reports of the same event across articles and returns the groups whose counts for one
// of roles disagree, ordered by date, type and place. Reports without a place or a day-precise date cannot be
// matched and are left out. Dates chain within one day of each other, and a group spans at most two days, so
// a daily series of strikes on one town does not merge into one event. It is a pure function: the caller
// loads the events (for `marsad conflicts`, from the store) and prints the result.
func CrossCheck(reports []Report, roles []string) []Disagreement {
	type dated struct {
		Report
		key  string
		day  time.Time
		date string
	}
	var ds []dated
	for _, r := range reports {
		e := r.Event
		if e.Place == nil || len(e.Quantities) == 0 {
			continue
		}
		day, err := time.Parse(time.DateOnly, e.Date)
		if err != nil {
			continue
		}
		place := e.Place.ID
		if place == "" {
			place = strings.Join(strings.Fields(arabic.Fold(e.Place.Text)), " ")
		}
		ds = append(ds, dated{r, e.Type + "\x00" + place, day, e.Date})
	}
	slices.SortStableFunc(ds, func(a, b dated) int {
		return cmp.Or(strings.Compare(a.key, b.key), a.day.Compare(b.day), strings.Compare(a.DocID, b.DocID))
	})
	var out []Disagreement
	for i := 0; i < len(ds); {
		j := i + 1
		for j < len(ds) && ds[j].key == ds[i].key && ds[j].day.Sub(ds[j-1].day) <= 24*time.Hour &&
			ds[j].day.Sub(ds[i].day) <= 48*time.Hour {
			j++
		}
		group := ds[i:j]
		for _, role := range roles {
			var counts []Count
			for _, d := range group {
				for _, q := range d.Event.Quantities {
					if q.Role != role {
						continue
					}
					k := slices.IndexFunc(counts, func(c Count) bool { return c.DocID == d.DocID })
					if k < 0 {
						counts = append(counts, Count{d.DocID, q.Value})
					} else if q.Value > counts[k].Value {
						counts[k].Value = q.Value
					}
				}
			}
			if len(counts) < 2 || !slices.ContainsFunc(counts, func(c Count) bool { return c.Value != counts[0].Value }) {
				continue
			}
			_, place, _ := strings.Cut(group[0].key, "\x00")
			out = append(out, Disagreement{Type: group[0].Event.Type, Place: place, From: group[0].date,
				To: group[len(group)-1].date, Role: role, Counts: counts})
		}
		i = j
	}
	slices.SortStableFunc(out, func(a, b Disagreement) int {
		return cmp.Or(strings.Compare(a.From, b.From), strings.Compare(a.Type, b.Type), strings.Compare(a.Place, b.Place))
	})
	return out
}
