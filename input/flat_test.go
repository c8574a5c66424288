package input

import (
	"encoding/json"
	"reflect"
	"testing"
)

var flatCases = []struct {
	name, line string
	flat       bool // decodeFlat decodes it itself
}{
	{"plain", `{"id":"7","title":"عنوان","text":"نص الخبر","url":"http://x/ي","source":"s","published":"2024-01-02"}`, true},
	{"SaudiNewsNet", "{\"source\": \"okaz\", \"date_extracted\": \"2015-07-21 02:51:32\", \"content\": \"سطر\\n\\n\\\"قال\\\" \\\\ \\/\", \"batch_file\": \"b\"}\n", true},
	{"empty object", ` { } `, true},
	{"repeated key, the last wins", `{"text":"a","text":"b"}`, true},
	{"all escapes", `{"text":"\"\\\/\b\f\n\r\t"}`, true},
	{"a \\u escape", `{"text":"\u0627"}`, false},
	{"a number id", `{"id":12,"text":"x"}`, false},
	{"a key in another case", `{"Text":"x"}`, false},
	{"a key that folds to a tag", "{\"\u017fource\":\"x\"}", false},
	{"null", `{"text":null}`, false},
	{"a nested value", `{"text":"x","meta":{"a":"b"}}`, false},
	{"invalid UTF-8", "{\"text\":\"\xd8\"}", false},
	{"a rune cut by an escape", "{\"text\":\"\xd8\\n\xa7\"}", false},
	{"a control character", "{\"text\":\"a\tb\"}", false},
	{"trailing text", `{"text":"x"} x`, false},
	{"a trailing comma", `{"text":"x",}`, false},
	{"unterminated", `{"text":"x`, false},
}

func TestDecodeFlat(t *testing.T) {
	for _, tc := range flatCases {
		var got, want jsonArticle
		if ok := decodeFlat([]byte(tc.line), &got); ok != tc.flat {
			t.Errorf("%s: decodeFlat = %v; want %v", tc.name, ok, tc.flat)
			continue
		}
		if !tc.flat {
			continue
		}
		if err := json.Unmarshal([]byte(tc.line), &want); err != nil {
			t.Errorf("%s: json.Unmarshal: %v", tc.name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %+v; want %+v", tc.name, got, want)
		}
	}
}

// FuzzDecodeFlat checks that what decodeFlat decodes, json.Unmarshal decodes the same.
func FuzzDecodeFlat(f *testing.F) {
	for _, tc := range flatCases {
		f.Add(tc.line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		var got, want jsonArticle
		if !decodeFlat([]byte(line), &got) {
			return
		}
		if err := json.Unmarshal([]byte(line), &want); err != nil {
			t.Fatalf("decodeFlat accepted %q; json.Unmarshal: %v", line, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: got %+v; want %+v", line, got, want)
		}
	})
}

func BenchmarkParseJSONL(b *testing.B) {
	line := []byte(flatCases[1].line)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		parseJSONL(line)
	}
}
