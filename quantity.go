package marsad

// Quantity is a number found in the text, with its unit.
type Quantity struct {
	Span
	Value float64 `json:"value"`
	// Unit is a canonical code (km, km2, m, kg, ton, mm, barrel, percent, USD, EUR, SYP, IQD, TRY, …), or empty
	// for a plain count.
	Unit string `json:"unit,omitempty"`
	// Approx qualifies the value when the text does ("نحو" about, "أكثر من" over, "أقل من" under).
	Approx string `json:"approx,omitempty"`
	// Counted is the class of what a plain count counts, when the numbers stage knows the noun: "person"
	// ("5 قتلى", "شخصين"), "thing" ("3 منازل", "300 عائلة") or "time" ("خلال يومين", "5 أيام").
	Counted string `json:"counted,omitempty"`
}
