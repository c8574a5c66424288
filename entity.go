package marsad

// Entity types.
const (
	PER  = "PER"
	ORG  = "ORG"
	LOC  = "LOC"
	MISC = "MISC"
)

// Entity is a mention of a named entity, resolved to a canonical id shared by all its aliases.
type Entity struct {
	Span
	Type string `json:"type"`
	// ID is stable across articles ("sdf" for both "قسد" and "قوات سوريا الديمقراطية"); empty when unresolved.
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	// GazetteerID is the id of the place in its source gazetteer (e.g. "wof:101752125" or an OCHA p-code).
	GazetteerID string   `json:"gazetteer_id,omitempty"`
	Lat         *float64 `json:"lat,omitempty"`
	Lon         *float64 `json:"lon,omitempty"`
	Confidence  float64  `json:"confidence"`
}
