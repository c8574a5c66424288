package clean

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ErrBinary is returned for input that is not text in any supported encoding.
var ErrBinary = errors.New("not text: binary or undecodable")

// ErrEmpty is returned for input that holds no text.
var ErrEmpty = errors.New("empty")

// Encoding names returned by Decode.
const (
	UTF8        = "utf-8"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Windows1256 = "windows-1256"
)

// Decode detects the encoding of b and returns its text as UTF-8. It knows UTF-8 (with or without BOM),
// UTF-16 with a BOM (or, without one, when the byte pattern is unmistakable) and Windows-1256, the legacy
// Arabic code page that older Arabic sites still serve. Anything else is ErrBinary.
func Decode(b []byte) (text, enc string, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b, enc = b[3:], UTF8
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), b, UTF16LE)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), b, UTF16BE)
	default:
		if e, name := sniffUTF16(b); e != nil {
			return decodeWith(e, b, name)
		}
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return "", enc, ErrEmpty
	}
	if utf8.Valid(b) {
		if !looksLikeText(string(b)) {
			return "", UTF8, ErrBinary
		}
		return string(b), UTF8, nil
	}
	if enc == UTF8 {
		return "", enc, fmt.Errorf("%w: invalid UTF-8 after a UTF-8 byte order mark", ErrBinary)
	}
	return decodeWith(charmap.Windows1256, b, Windows1256)
}

func decodeWith(e encoding.Encoding, b []byte, name string) (string, string, error) {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return "", name, fmt.Errorf("%w: %s: %v", ErrBinary, name, err)
	}
	s := string(out)
	if len(bytes.TrimSpace(out)) == 0 {
		return "", name, ErrEmpty
	}
	if !looksLikeText(s) || name == Windows1256 && !mostlyArabic(s) {
		return "", name, ErrBinary
	}
	return s, name, nil
}

// sniffUTF16 recognizes BOM-less UTF-16 Arabic text: in every code unit the high byte is 0x00 (ASCII) or
// 0x06 (the Arabic block), which no 8-bit encoding of real text produces.
func sniffUTF16(b []byte) (encoding.Encoding, string) {
	n := min(len(b), 4096) &^ 1
	if n < 16 {
		return nil, ""
	}
	var evenHigh, oddHigh int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 || b[i] == 6 {
			evenHigh++
		}
		if b[i+1] == 0 || b[i+1] == 6 {
			oddHigh++
		}
	}
	units := n / 2
	switch {
	case oddHigh*10 >= units*9 && evenHigh*2 < units:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), UTF16LE
	case evenHigh*10 >= units*9 && oddHigh*2 < units:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), UTF16BE
	}
	return nil, ""
}

// looksLikeText rejects decoded data with NULs or more than 1% control characters: binary files that happen
// to be valid in some encoding.
func looksLikeText(s string) bool {
	var ctrl, total int
	for _, r := range s {
		total++
		switch {
		case r == 0 || r == utf8.RuneError:
			return false
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f', r == 0x7F:
			ctrl++
		}
	}
	return ctrl*100 <= total
}

// mostlyArabic guards the Windows-1256 fallback: every byte sequence decodes in that code page, so only
// input whose letters are mostly Arabic is taken as Arabic text.
func mostlyArabic(s string) bool {
	var arabic, letters int
	for _, r := range s {
		switch {
		case r >= 0x0600 && r <= 0x06FF:
			arabic++
			letters++
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			letters++
		case r >= 0x80:
			letters++
		}
	}
	return letters > 0 && arabic*2 >= letters
}
