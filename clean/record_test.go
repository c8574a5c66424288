package clean

import (
	"errors"
	"strings"
	"testing"

	"github.com/marsad/marsad/input"
)

func TestBody(t *testing.T) {
	for _, tc := range []struct {
		name    string
		rec     input.Record
		want    string
		wantErr string
	}{
		{"text field", input.Record{Origin: "a:1", Body: "نص"}, "نص", ""},
		{"file bytes", input.Record{Origin: "b.txt", Raw: []byte("\xef\xbb\xbfنص")}, "نص", ""},
		{"binary file", input.Record{Origin: "c.jpg", Raw: []byte("\x00\x01\x02\x03")}, "", "c.jpg: "},
		{"bad record", input.Record{Origin: "d:3", Err: errors.New("malformed JSON")}, "", "d:3: malformed JSON"},
	} {
		got, err := Body(tc.rec)
		if tc.wantErr != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
				t.Errorf("%s: got %q, %v; want an error starting %q", tc.name, got, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: got %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}
