package input

import (
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// decodeFlat decodes line into a as json.Unmarshal would when line is a flat object of plain strings, as
// every line of a news dump is: keys spelled as the fields' tags (or unknown and not of another case), string
// values of valid UTF-8 whose escapes are the one-letter ones. It reports false, leaving a partly filled,
// for anything else (a number, null, a nested value, a \u escape, invalid UTF-8, malformed JSON), which the
// caller decodes with json.Unmarshal. It reads the line once and allocates only the strings, where
// json.Unmarshal first checks the whole line, then decodes it.
func decodeFlat(line []byte, a *jsonArticle) bool {
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return false
	}
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		return skipSpace(line, i+1) == len(line)
	}
	for {
		key, end, ok := flatString(line, i)
		if !ok {
			return false
		}
		i = skipSpace(line, end)
		if i >= len(line) || line[i] != ':' {
			return false
		}
		i = skipSpace(line, i+1)
		start := i
		val, end, ok := flatString(line, i)
		if !ok {
			return false
		}
		switch field := stringField(a, key); {
		case key == "id":
			// The id is kept as written, quotes included, as a json.RawMessage is.
			a.ID = json.RawMessage(string(line[start:end]))
		case field != nil:
			*field = val
		case !unknownKey(key):
			return false
		}
		i = skipSpace(line, end)
		if i >= len(line) {
			return false
		}
		switch line[i] {
		case ',':
			i = skipSpace(line, i+1)
		case '}':
			return skipSpace(line, i+1) == len(line)
		default:
			return false
		}
	}
}

// stringField returns the string field of a whose tag is key exactly, or nil.
func stringField(a *jsonArticle, key string) *string {
	switch key {
	case "title":
		return &a.Title
	case "text":
		return &a.Text
	case "content":
		return &a.Content
	case "published":
		return &a.Published
	case "date_extracted":
		return &a.DateExtracted
	case "url":
		return &a.URL
	case "source":
		return &a.Source
	}
	return nil
}

// unknownKey reports whether json.Unmarshal surely ignores key: it matches a field's tag without regard to
// case (Unicode case folding included, where "ſ" is "s" and the Kelvin sign "k"), so only an ASCII key that
// is no tag in any case qualifies.
func unknownKey(key string) bool {
	var lower [len("date_extracted")]byte
	if len(key) > len(lower) {
		for i := 0; i < len(key); i++ {
			if key[i] >= utf8.RuneSelf {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c >= utf8.RuneSelf {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	var a jsonArticle
	k := string(lower[:len(key)])
	return k != "id" && stringField(&a, k) == nil
}

// flatString reads the JSON string that starts at line[i] and returns its value and the index past its
// closing quote; ok is false when there is none, or when it holds a \u escape, a control character or invalid
// UTF-8, which decodeFlat leaves to json.Unmarshal.
func flatString(line []byte, i int) (s string, end int, ok bool) {
	if i >= len(line) || line[i] != '"' {
		return "", 0, false
	}
	start := i + 1
	// First the end and the number of escapes, so the value is built in a buffer of its size.
	escapes := 0
	for i = start; i < len(line) && line[i] != '"'; i++ {
		switch c := line[i]; {
		case c < ' ':
			return "", 0, false
		case c == '\\':
			if i+1 >= len(line) || unescape(line[i+1]) == 0 {
				return "", 0, false
			}
			escapes++
			i++
		}
	}
	if i >= len(line) {
		return "", 0, false
	}
	end = i + 1
	if escapes == 0 {
		if !utf8.Valid(line[start:i]) {
			return "", 0, false
		}
		return string(line[start:i]), end, true
	}
	// An escape stands for an ASCII byte, which never completes a rune cut by it: the value is valid UTF-8
	// when each run between escapes is.
	var b strings.Builder
	b.Grow(i - start - escapes)
	from := start
	for j := start; j < i; j++ {
		if line[j] != '\\' {
			continue
		}
		if !utf8.Valid(line[from:j]) {
			return "", 0, false
		}
		b.Write(line[from:j])
		b.WriteByte(unescape(line[j+1]))
		j++
		from = j + 1
	}
	if !utf8.Valid(line[from:i]) {
		return "", 0, false
	}
	b.Write(line[from:i])
	return b.String(), end, true
}

// unescape returns the byte that the one-letter escape \c stands for, 0 for a \u escape or none.
func unescape(c byte) byte {
	switch c {
	case '"', '\\', '/':
		return c
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	}
	return 0
}

// skipSpace returns the index of the first byte at or after i that is not JSON white space.
func skipSpace(line []byte, i int) int {
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\n' || line[i] == '\r') {
		i++
	}
	return i
}
