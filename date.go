package marsad

// Date is a date expression, resolved to ISO 8601 at the granularity the text gives
// ("2019-03-23", "2019-03" or "2019").
type Date struct {
	Span
	// Value is empty when the expression is relative and the document has no publication date to resolve it.
	Value    string `json:"value,omitempty"`
	Relative bool   `json:"relative"`
	// Unresolved is set on a relative expression that could not be resolved.
	Unresolved bool `json:"unresolved,omitempty"`
}
