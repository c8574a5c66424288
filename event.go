package marsad

// PLOVER event types.
const (
	AGREE     = "AGREE"
	CONSULT   = "CONSULT"
	SUPPORT   = "SUPPORT"
	CONCEDE   = "CONCEDE"
	COOPERATE = "COOPERATE"
	AID       = "AID"
	RETREAT   = "RETREAT"
	REQUEST   = "REQUEST"
	ACCUSE    = "ACCUSE"
	REJECT    = "REJECT"
	THREATEN  = "THREATEN"
	PROTEST   = "PROTEST"
	SANCTION  = "SANCTION"
	MOBILIZE  = "MOBILIZE"
	COERCE    = "COERCE"
	ASSAULT   = "ASSAULT"
)

// Ref points at a mention in the text, linked to an entity when one was resolved.
type Ref struct {
	Span
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

// EventQuantity is a count that belongs to an event, with the role it plays.
type EventQuantity struct {
	Role  string  `json:"role"` // killed, injured, arrested, displaced, …
	Value float64 `json:"value"`
}

// Event is who did what to whom, where and when, in the PLOVER ontology.
type Event struct {
	Type    string `json:"type"`
	Mode    string `json:"mode,omitempty"`
	Trigger Span   `json:"trigger"`
	Actor1  *Ref   `json:"actor1,omitempty"`
	Actor2  *Ref   `json:"actor2,omitempty"`
	Place   *Ref   `json:"location,omitempty"`
	Date    string `json:"date,omitempty"`
	// DateSource says where Date came from: "text" or "published".
	DateSource string          `json:"date_source,omitempty"`
	Quantities []EventQuantity `json:"quantities,omitempty"`
	Sentence   int             `json:"sentence"`
	// Confidence is at least ReportedConfidence when the event is judged reported as happening, not only
	// mentioned.
	Confidence float64 `json:"confidence"`
}

// ReportedConfidence is the confidence from which an event counts as reported as happening: the events stage
// maps its decision threshold there, and listings of events default to it.
const ReportedConfidence = 0.5
