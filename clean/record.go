package clean

import (
	"fmt"

	"github.com/marsad/marsad/input"
)

// Body returns the record's raw article text, decoding a text file's bytes, or the error that makes the
// record unusable, naming its origin.
func Body(rec input.Record) (string, error) {
	if rec.Err != nil {
		return "", fmt.Errorf("%s: %w", rec.Origin, rec.Err)
	}
	if rec.Raw == nil {
		return rec.Body, nil
	}
	text, _, err := Decode(rec.Raw)
	if err != nil {
		return "", fmt.Errorf("%s: %w", rec.Origin, err)
	}
	return text, nil
}
