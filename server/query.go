package server

import (
	"encoding/csv"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/input"
	"github.com/marsad/marsad/search"
)

// SearchResult is the answer to GET /api/search.
type SearchResult struct {
	Query  string         `json:"query"`
	Hits   []marsad.Hit   `json:"hits"`
	Facets *marsad.Facets `json:"facets,omitempty"`
}

func (h *handler) search(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	q := marsad.Query{Text: v.Get("q"), Source: v.Get("source")}
	var err error
	if q.Limit, err = intParam(v, "limit", 10, 100); err != nil {
		return err
	}
	if q.Offset, err = intParam(v, "offset", 0, 100000); err != nil {
		return err
	}
	if q.From, q.To, err = dateRange(v); err != nil {
		return err
	}
	hits, err := h.store.Search(r.Context(), q)
	if errors.Is(err, search.ErrEmptyQuery) {
		return errorf(http.StatusBadRequest, err.Error())
	} else if err != nil {
		return err
	}
	res := SearchResult{Query: q.Text, Hits: hits}
	if res.Hits == nil {
		res.Hits = []marsad.Hit{}
	}
	if h.analytics != nil && v.Get("facets") != "false" {
		f, err := h.analytics.Facets(r.Context(), q)
		if err != nil {
			return err
		}
		res.Facets = &f
	}
	return writeJSON(w, http.StatusOK, res)
}

func (h *handler) needAnalytics() error {
	if h.analytics == nil {
		return errorf(http.StatusNotImplemented, "this store does not index events, entities or conflicts")
	}
	return nil
}

func (h *handler) events(w http.ResponseWriter, r *http.Request) error {
	if err := h.needAnalytics(); err != nil {
		return err
	}
	v := r.URL.Query()
	format, err := eventFormat(r)
	if err != nil {
		return err
	}
	f := marsad.EventFilter{Type: strings.ToUpper(v.Get("type")), Actor: v.Get("actor"), Place: v.Get("place")}
	if f.Limit, err = intParam(v, "limit", 1000, 100000); err != nil {
		return err
	}
	if f.Offset, err = intParam(v, "offset", 0, 1000000); err != nil {
		return err
	}
	if f.MinConfidence, err = confidenceParam(v, "min_confidence", marsad.ReportedConfidence); err != nil {
		return err
	}
	if f.From, f.To, err = dateRange(v); err != nil {
		return err
	}
	evs, err := h.analytics.Events(r.Context(), f)
	if err != nil {
		return err
	}
	switch format {
	case "csv":
		return writeEventsCSV(w, evs)
	case "geojson":
		w.Header().Set("Content-Type", "application/geo+json")
		return writeJSON(w, http.StatusOK, geoJSON(evs))
	}
	return writeJSON(w, http.StatusOK, map[string]any{"events": evs})
}

// eventFormat picks the events' format from format= or, failing that, the Accept header.
func eventFormat(r *http.Request) (string, error) {
	switch f := r.URL.Query().Get("format"); f {
	case "json", "csv", "geojson":
		return f, nil
	case "":
	default:
		return "", errorf(http.StatusBadRequest, "format must be json, csv or geojson")
	}
	for _, a := range strings.Split(r.Header.Get("Accept"), ",") {
		mt, _, _ := mime.ParseMediaType(strings.TrimSpace(a))
		switch mt {
		case "text/csv":
			return "csv", nil
		case "application/geo+json":
			return "geojson", nil
		case "application/json":
			return "json", nil
		}
	}
	return "json", nil
}

var csvHeader = []string{"article", "day", "type", "mode", "trigger", "actor1", "actor1_id", "actor2", "actor2_id",
	"place", "place_id", "lat", "lon", "quantities", "confidence", "title", "source"}

func writeEventsCSV(w http.ResponseWriter, evs []marsad.StoredEvent) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, e := range evs {
		var qs []string
		for _, q := range e.Quantities {
			qs = append(qs, q.Role+"="+strconv.FormatFloat(q.Value, 'f', -1, 64))
		}
		a1, a1id := refCells(e.Actor1)
		a2, a2id := refCells(e.Actor2)
		p, pid := refCells(e.Place)
		err := cw.Write([]string{e.Article, e.Day, e.Type, e.Mode, e.Trigger.Text, a1, a1id, a2, a2id, p, pid,
			floatCell(e.Lat), floatCell(e.Lon), strings.Join(qs, ";"), strconv.FormatFloat(e.Confidence, 'f', -1, 64),
			csvSafe(e.Title), csvSafe(e.Source)})
		if err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a cell from being read as a formula by a spreadsheet.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

func refCells(r *marsad.Ref) (text, id string) {
	if r == nil {
		return "", ""
	}
	name := r.Name
	if name == "" {
		name = r.Text
	}
	return csvSafe(name), r.ID
}

func floatCell(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

type featureCollection struct {
	Type     string    `json:"type"`
	Features []feature `json:"features"`
}

type feature struct {
	Type       string             `json:"type"`
	Geometry   point              `json:"geometry"`
	Properties marsad.StoredEvent `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// geoJSON keeps the events with a located place, as points (longitude first, as RFC 7946 says).
func geoJSON(evs []marsad.StoredEvent) featureCollection {
	fc := featureCollection{Type: "FeatureCollection", Features: []feature{}}
	for _, e := range evs {
		if e.Lat == nil || e.Lon == nil {
			continue
		}
		fc.Features = append(fc.Features, feature{Type: "Feature",
			Geometry: point{Type: "Point", Coordinates: [2]float64{*e.Lon, *e.Lat}}, Properties: e})
	}
	return fc
}

func (h *handler) entities(w http.ResponseWriter, r *http.Request) error {
	if err := h.needAnalytics(); err != nil {
		return err
	}
	v := r.URL.Query()
	n, err := intParam(v, "limit", 100, 10000)
	if err != nil {
		return err
	}
	es, err := h.analytics.Entities(r.Context(), v.Get("q"), n)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"entities": es})
}

func (h *handler) conflicts(w http.ResponseWriter, r *http.Request) error {
	if err := h.needAnalytics(); err != nil {
		return err
	}
	v := r.URL.Query()
	n, err := intParam(v, "limit", 100, 10000)
	if err != nil {
		return err
	}
	off, err := intParam(v, "offset", 0, 1000000)
	if err != nil {
		return err
	}
	cs, err := h.analytics.Conflicts(r.Context(), n, off)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"conflicts": cs})
}

func intParam(v url.Values, name string, def, most int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > most {
		return 0, errorf(http.StatusBadRequest, fmt.Sprintf("%s must be a whole number from 0 to %d", name, most))
	}
	return n, nil
}

// confidenceParam reads a confidence from 0 to 1.
func confidenceParam(v url.Values, name string, def float64) (float64, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || !(x >= 0 && x <= 1) {
		return 0, errorf(http.StatusBadRequest, name+" must be a number from 0 to 1")
	}
	return x, nil
}

// dateRange reads from= and to=; a to= without a time of day includes that whole day.
func dateRange(v url.Values) (from, to time.Time, err error) {
	if s := v.Get("from"); s != "" {
		if from, err = input.ParseTime(s); err != nil {
			return from, to, errorf(http.StatusBadRequest, "from: want YYYY-MM-DD, optionally with a time")
		}
	}
	if s := v.Get("to"); s != "" {
		if to, err = input.ParseTime(s); err != nil {
			return from, to, errorf(http.StatusBadRequest, "to: want YYYY-MM-DD, optionally with a time")
		}
		if len(strings.TrimSpace(s)) <= len("2006-01-02") {
			to = to.Add(24*time.Hour - time.Second)
		}
	}
	return from, to, nil
}
