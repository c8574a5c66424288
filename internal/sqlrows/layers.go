package sqlrows

import (
	"encoding/json"

	"github.com/marsad/marsad"
)

// Layers calls insert with the values of each row a document's layers add to the layer tables, whose
// columns both stores declare in the same order:
//
//	events(article, seq, type, day, actors, place, lat, lon, event)
//	mentions(entity, article, id, name, type, n, names, lat, lon)
//	conflicts(article, seq, conflict)
//
// article is the document's key in the store.
func Layers(article any, d *marsad.Document, insert func(table string, values ...any) error) error {
	for i := range d.Events {
		e := &d.Events[i]
		row := marsad.IndexEvent(d, e)
		blob, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if err := insert("events", article, i, e.Type, row.Day, row.Actors, row.Place, row.Lat, row.Lon, blob); err != nil {
			return err
		}
	}
	for _, m := range marsad.IndexMentions(d) {
		if err := insert("mentions", m.Key, article, m.ID, m.Name, m.Type, m.Mentions, m.Names, m.Lat, m.Lon); err != nil {
			return err
		}
	}
	for i := range d.Conflicts {
		blob, err := json.Marshal(&d.Conflicts[i])
		if err != nil {
			return err
		}
		if err := insert("conflicts", article, i, blob); err != nil {
			return err
		}
	}
	return nil
}
