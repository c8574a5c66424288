// Package clean turns scraped article text into a marsad.Document: decoding, boilerplate removal, title,
// paragraphs and sentences with byte offsets.
package clean

import (
	"bufio"
	_ "embed"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

//go:embed boilerplate.txt
var boilerplateRules string

// Line-length limits, in words. A widget label is short; a line that merely starts like one but goes on is
// probably prose ("شارك" opens many real sentences).
const (
	maxPrefixLine   = 20
	maxRepeatedLine = 6
	maxTitle        = 40
	maxTagWords     = 3
	maxBylineLine   = 4
	minTagLines     = 3
)

// Cleaner removes boilerplate and segments articles. It is safe for concurrent use.
type Cleaner struct {
	exact    map[string]bool
	prefixes []string
	trailers []string
	bylines  []string
	learned  *Boilerplate
}

// New returns a Cleaner with the built-in rules and, when learned is not nil, the lines learned from a corpus.
func New(learned *Boilerplate) *Cleaner {
	c := &Cleaner{exact: map[string]bool{}, learned: learned}
	sc := bufio.NewScanner(strings.NewReader(boilerplateRules))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || len(line) < 3 {
			continue
		}
		key := lineKey(line[2:])
		switch line[0] {
		case '=':
			c.exact[key] = true
		case '^':
			c.prefixes = append(c.prefixes, key)
		case '$':
			c.trailers = append(c.trailers, key)
		case '@':
			c.bylines = append(c.bylines, key)
		}
	}
	return c
}

// lineKey is how lines are compared: folded words joined by one space, punctuation and symbols dropped, so
// "// انتهى //" and "انتهى" are the same line.
func lineKey(s string) string {
	// Folded as arabic.Fold would, one rune at a time; the runes of the Arabic block, nearly all of a line,
	// are looked up by their two bytes (keyRunes).
	b := make([]byte, 0, len(s))
	between := false // a non-word rune since the last word rune
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			i++
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
				between = true
				continue
			}
			if between && len(b) > 0 {
				b = append(b, ' ')
			}
			between = false
			b = append(b, c)
		case c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			k := &keyRunes[int(c&0x03)<<6|int(s[i+1]&0x3F)]
			i += 2
			if k.drop {
				continue
			}
			if !k.word {
				between = true
				continue
			}
			if between && len(b) > 0 {
				b = append(b, ' ')
			}
			between = false
			b = append(b, k.folded[:k.n]...)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if arabic.IsIgnorable(r) {
				continue
			}
			r = arabic.FoldRune(r)
			if !arabic.IsWordRune(r) {
				between = true
				continue
			}
			if between && len(b) > 0 {
				b = append(b, ' ')
			}
			between = false
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

// keyRunes holds what lineKey does with each rune of the Arabic block (U+0600…U+06FF): drop it (ignorable),
// or fold it and keep it in a word or let it end one.
var keyRunes = func() (t [0x100]struct {
	drop, word bool
	n          uint8
	folded     [2]byte
}) {
	for i := range t {
		r := 0x0600 + rune(i)
		if arabic.IsIgnorable(r) {
			t[i].drop = true
			continue
		}
		f := arabic.FoldRune(r)
		t[i].word = arabic.IsWordRune(f)
		t[i].n = uint8(copy(t[i].folded[:], utf8.AppendRune(nil, f)))
	}
	return t
}()

func hasWordPrefix(key, prefix string) bool {
	return strings.HasPrefix(key, prefix) && (len(key) == len(prefix) || key[len(prefix)] == ' ')
}

func hasWordSuffix(key, suffix string) bool {
	return strings.HasSuffix(key, suffix) && (len(key) == len(suffix) || key[len(key)-len(suffix)-1] == ' ')
}

type line struct {
	text  string
	key   string
	words int
}

// Clean fills doc.Text, Title, TitleEnd, Paragraphs, Sentences and Tokens from the raw body. A title already
// set on doc is kept (and dropped from the body where the body repeats it); otherwise the first line is the
// title unless it is too long to be one. Clean returns ErrEmpty when nothing but boilerplate remains.
func (c *Cleaner) Clean(doc *marsad.Document, body string) error {
	lines := c.filter(splitLines(body), doc.Source, nil)
	title := normalizeLine(normalizeUnicode(doc.Title))
	if title != "" {
		tk := lineKey(title)
		for len(lines) > 0 && lines[0].key == tk {
			lines = lines[1:]
		}
	} else if len(lines) > 0 && lines[0].words <= maxTitle {
		title, lines = lines[0].text, lines[1:]
	}
	if title == "" && len(lines) == 0 {
		return ErrEmpty
	}

	var b strings.Builder
	b.Grow(len(body) + len(title) + 2)
	doc.Paragraphs = doc.Paragraphs[:0]
	add := func(p string) {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p)
		doc.Paragraphs = append(doc.Paragraphs, marsad.Range{Start: start, End: b.Len()})
	}
	if title != "" {
		add(title)
	}
	doc.TitleEnd = b.Len()
	for _, l := range lines {
		add(l.text)
	}
	doc.Title = title
	doc.Text = b.String()
	doc.Sentences = doc.Sentences[:0]
	for _, p := range doc.Paragraphs {
		doc.Sentences = AppendSentences(doc.Sentences, doc.Text, p.Start, p.End)
	}
	doc.Tokens = arabic.CountTokens(doc.Text)
	return nil
}

// splitLines normalizes Unicode (NFC, and Arabic presentation forms to letters) and white space and
// returns the non-empty lines.
func splitLines(body string) []line {
	var lines []line
	for raw := range strings.Lines(body) {
		for _, part := range strings.Split(raw, "\r") {
			t := normalizeLine(normalizeUnicode(part))
			if t == "" {
				continue
			}
			key := lineKey(t)
			lines = append(lines, line{text: t, key: key, words: strings.Count(key, " ") + 1})
		}
	}
	return lines
}

// normalizeLine maps every kind of space to one ASCII space, drops control and format characters that
// scrapers leave (BOM, soft hyphen, bidi marks), and trims.
func normalizeLine(s string) string {
	// Spaces and line breaks at either end are what trimming drops.
	if t := strings.Trim(s, " \n"); normalLine(t) {
		return t
	}
	return renormalizeLine(s)
}

// normalLine reports whether normalizeLine leaves s as it is, as it does most lines of Arabic news: the
// Arabic block, printable ASCII (no "&"), Latin-1 and general punctuation (dashes, quotation marks) that
// are no space or format character, and single spaces between them. It reads s without decoding its ASCII
// bytes and copies nothing.
func normalLine(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if space {
					return false
				}
				space = true
			case c > ' ' && c != 0x7f && c != '&':
				space = false
			default:
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(r >= 0x0600 && r <= 0x06FF || r >= 0x00A1 && r <= 0x00FF && r != 0x00AD || r >= 0x2010 && r <= 0x2027) {
			return false
		}
		space = false
		i += size
	}
	return true
}

// renormalizeLine is normalizeLine for a line normalLine does not accept.
func renormalizeLine(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		// Scrapers leave HTML character references in the text ("&quot;", "&#8220;", "&nbsp;").
		s = html.UnescapeString(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r >= 0x0621 && r <= 0x06FF || r > ' ' && r < utf8.RuneSelf && r != 0x7f:
			// Arabic letters and marks, and printable ASCII, are kept as they are: the common case.
		case r == utf8.RuneError:
			continue
		case unicode.IsSpace(r) || r == '\u200b':
			space = b.Len() > 0
			continue
		case unicode.IsControl(r) || r == '\ufeff' || r == '\u00ad' || r >= '\u200e' && r <= '\u200f' ||
			r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069':
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// filter drops boilerplate lines: rule matches, lines learned for the source, short lines printed more than
// once (a byline twice: "ANHA\nANHA"), second copies of long lines, and a trailing list of tags. The first
// line kept is the title candidate, so its repeats are dropped but it is not.
func (c *Cleaner) filter(lines []line, source string, note func(text string, r Reason)) []line {
	if note == nil {
		note = func(string, Reason) {}
	}
	seen := make(map[string]int, len(lines))
	for _, l := range lines {
		seen[l.key]++
	}
	out := lines[:0]
	for i, l := range lines {
		if l.key == "" && !hasLetterOrDigit(l.text) {
			note(l.text, Symbols)
			continue
		}
		if c.trailer(l) {
			for _, t := range lines[i:] {
				note(t.text, Trailer)
			}
			break
		}
		if r := c.boilerplate(l, source); r != Kept {
			note(l.text, r)
			continue
		}
		switch n := seen[l.key]; {
		case n > 1 && l.words <= maxRepeatedLine && len(out) > 0:
			note(l.text, Repeated)
			continue
		case n > 1:
			seen[l.key] = -1 // keep this first copy only
		case n < 0:
			note(l.text, Repeated)
			continue
		}
		out = append(out, l)
	}
	kept := dropTagList(out)
	for _, t := range out[len(kept):] {
		note(t.text, Tags)
	}
	return kept
}

// Reason says why a line was removed.
type Reason string

// Reasons for removing a line.
const (
	Kept     Reason = ""
	Symbols  Reason = "symbols"  // no letter or digit
	Rule     Reason = "rule"     // a widget or navigation label from the built-in rules
	Byline   Reason = "byline"   // a short byline or dateline
	Learned  Reason = "learned"  // a line learned as the source's boilerplate
	Repeated Reason = "repeated" // printed more than once
	Trailer  Reason = "trailer"  // after a tags or related-links heading
	Tags     Reason = "tags"     // a trailing list of tags
)

// Removal is one line removed from an article.
type Removal struct {
	Line   string
	Reason Reason
}

// Removals returns the lines Clean would remove from body, with the reason for each, for measuring rules.
func (c *Cleaner) Removals(body, source string) []Removal {
	var out []Removal
	c.filter(splitLines(body), source, func(text string, r Reason) { out = append(out, Removal{text, r}) })
	return out
}

func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

func (c *Cleaner) boilerplate(l line, source string) Reason {
	if c.exact[l.key] {
		return Rule
	}
	if c.learned.Has(source, l.key) {
		return Learned
	}
	if l.words <= maxPrefixLine {
		for _, p := range c.prefixes {
			if hasWordPrefix(l.key, p) {
				return Rule
			}
		}
	}
	if l.words <= maxBylineLine {
		for _, w := range c.bylines {
			if hasWordPrefix(l.key, w) || hasWordSuffix(l.key, w) {
				return Byline
			}
		}
	}
	return Kept
}

func (c *Cleaner) trailer(l line) bool {
	if l.words > maxPrefixLine {
		return false
	}
	for _, p := range c.trailers {
		if hasWordPrefix(l.key, p) {
			return true
		}
	}
	return false
}

// dropTagList removes a trailing run of tag lines: at least minTagLines lines of a few words each with no
// sentence punctuation, or one last line of several short items separated by commas or hashes.
func dropTagList(lines []line) []line {
	n := len(lines)
	i := n
	for i > 0 && lines[i-1].words <= maxTagWords && !endsSentence(lines[i-1].text) {
		i--
	}
	if n-i >= minTagLines && i > 0 {
		return lines[:i]
	}
	if n > 1 && isTagLine(lines[n-1].text) {
		return lines[:n-1]
	}
	return lines
}

func endsSentence(s string) bool {
	return strings.ContainsAny(s, ".!?؟…:")
}

func isTagLine(s string) bool {
	items := strings.FieldsFunc(s, func(r rune) bool { return r == '،' || r == ',' || r == '#' || r == '|' })
	if len(items) < 3 || endsSentence(s) {
		return false
	}
	for _, it := range items {
		if w := len(strings.Fields(it)); w == 0 || w > maxTagWords {
			return false
		}
	}
	return true
}

// normalizeUnicode composes s (NFC) and unshapes it. Line by line, that is paid only by the lines with marks
// or other scripts; line breaks never compose.
func normalizeUnicode(s string) string {
	if composedAlready(s) {
		return s
	}
	return unshape(norm.NFC.String(s))
}

// unshape replaces the Arabic presentation forms in s (contextual letter shapes and letter ligatures such as
// "ﺍﻟﻤﻘﺎﻭﻣﺔ" and "ﻻ", which some sites paste from PDFs) by the letters they show, their compatibility
// decomposition, so that the text reads as Arabic to every later stage. The word ligatures U+FDF0…U+FDFF
// ("ﷺ" would become a four-word blessing) are left as written.
func unshape(s string) string {
	if strings.IndexFunc(s, presentationForm) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if presentationForm(r) {
			b.WriteString(norm.NFKC.String(string(r)))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func presentationForm(r rune) bool {
	return r >= 0xFB50 && r <= 0xFDCF || r >= 0xFE70 && r <= 0xFEFC
}

// composedAlready reports whether NFC leaves s as it is because no rune of it takes part in composition:
// Latin-1, the Arabic letters, digits and punctuation, and the general punctuation block; and the harakat,
// shadda, sukun and superscript alef (U+064B…U+0652, U+0670), which compose with nothing, in canonical order
// (their combining classes, 27…35, rise with their code points, so NFC would only reorder a run of them that
// falls). Any other combining mark (hamza or madda above, U+0300…) or any other script sends s through
// norm.NFC, whose table lookups for every rune cost more than the rest of cleaning an Arabic article.
func composedAlready(s string) bool {
	prevMark := rune(0) // the last rune if it was a haraka, else 0
	for _, r := range s {
		switch {
		case r >= 0x064B && r <= 0x0652 || r == 0x0670:
			if r < prevMark {
				return false
			}
			prevMark = r
			continue
		case r < 0x300:
		case r >= 0x0600 && r <= 0x06FF:
			if r >= 0x0610 && r <= 0x061A || r >= 0x0653 && r <= 0x065F || r >= 0x06D6 && r <= 0x06ED {
				return false
			}
		case r >= 0x2002 && r <= 0x206F: // U+2000 and U+2001 are singletons NFC replaces
		default:
			return false
		}
		prevMark = 0
	}
	return true
}
