package marsad

// Conflict is a disagreement inside an article, such as a headline number that the body contradicts.
type Conflict struct {
	Kind    string     `json:"kind"` // headline_body, body_body
	Message string     `json:"message"`
	Spans   []Quantity `json:"spans"`
}
