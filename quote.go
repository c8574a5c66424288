package marsad

// Quote is reported speech: the quoted content, who said it and the reporting cue.
type Quote struct {
	Span
	Direct  bool  `json:"direct"`
	Speaker *Ref  `json:"speaker,omitempty"`
	Cue     *Span `json:"cue,omitempty"`
}
