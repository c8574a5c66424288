package evalset

import (
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/marsad/marsad"
)

// An annotated set is a text file of articles in a light markup. Each article starts with a line "=== id";
// its first paragraph is the title and paragraphs are separated by blank lines. Lines starting with '#' are
// comments and lines starting with '!' are notes an evaluation reads (the conflicts it expects). Inline tags
// mark gold spans, may nest, and carry attributes without spaces in their values:
//
//	<n id=a v=52000 u=km2>اثنين وخمسين ألف كيلو متر مربع</n>
//
// Which tags a set uses is up to its evaluation; any other '<' is text.

// Markup parses the annotated sets that use a given set of tag names. It is safe for concurrent use.
type Markup struct {
	re *regexp.Regexp
}

// NewMarkup returns a parser for sets whose tags have the given names.
func NewMarkup(names ...string) *Markup {
	alt := make([]string, len(names))
	for i, n := range names {
		alt[i] = regexp.QuoteMeta(n)
	}
	return &Markup{re: regexp.MustCompile(`<(/?)(` + strings.Join(alt, "|") + `)((?:\s+\w+=[^\s>]+)*)\s*>`)}
}

// Article is one article of a set with its markup taken out.
type Article struct {
	ID    string
	Line  int      // line of its "===" header, from 1
	Text  string   // title, blank line, body: as the cleaning stage lays out doc.Text
	Tags  []Tag    // in the order they close
	Notes []string // its '!' lines, without the '!'
}

// Tag is one marked span of an article's Text.
type Tag struct {
	marsad.Range
	Name  string
	Attrs map[string]string
}

// ReadFile parses the set in file.
func (m *Markup) ReadFile(file string) ([]Article, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return m.Parse(file, string(src))
}

// Read parses the set in file with m and turns each article into an A with conv; an error names the file, the
// line and the article.
func Read[A any](m *Markup, file string, conv func(Article) (A, error)) ([]A, error) {
	src, err := m.ReadFile(file)
	if err != nil {
		return nil, err
	}
	out := make([]A, 0, len(src))
	for _, s := range src {
		a, err := conv(s)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: article %s: %w", file, s.Line, s.ID, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// Parse reads the articles of a set; name is the file name its errors give, with the line of the article.
func (m *Markup) Parse(name, src string) ([]Article, error) {
	var arts []Article
	var cur *Article
	var body []string
	flush := func() error {
		if cur == nil {
			return nil
		}
		if err := m.strip(cur, strings.TrimSpace(strings.Join(body, "\n"))); err != nil {
			return fmt.Errorf("%s:%d: article %s: %w", name, cur.Line, cur.ID, err)
		}
		arts = append(arts, *cur)
		return nil
	}
	for n, line := range strings.Split(src, "\n") {
		switch {
		case strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "==="):
			if err := flush(); err != nil {
				return nil, err
			}
			cur, body = &Article{ID: strings.TrimSpace(strings.TrimPrefix(line, "===")), Line: n + 1}, nil
		case strings.HasPrefix(line, "!"):
			if cur != nil {
				cur.Notes = append(cur.Notes, strings.TrimPrefix(line, "!"))
			}
		default:
			body = append(body, strings.TrimRight(line, " \t\r"))
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return arts, nil
}

// strip fills a.Text and a.Tags from the marked-up text src.
func (m *Markup) strip(a *Article, src string) error {
	var text strings.Builder
	var open []Tag
	last := 0
	for _, x := range m.re.FindAllStringSubmatchIndex(src, -1) {
		text.WriteString(src[last:x[0]])
		last = x[1]
		closing, tag := src[x[2]:x[3]] == "/", src[x[4]:x[5]]
		if !closing {
			attrs := map[string]string{}
			for _, kv := range strings.Fields(src[x[6]:x[7]]) {
				k, v, _ := strings.Cut(kv, "=")
				attrs[k] = v
			}
			open = append(open, Tag{Range: marsad.Range{Start: text.Len()}, Name: tag, Attrs: attrs})
			continue
		}
		j := len(open) - 1
		for j >= 0 && open[j].Name != tag {
			j--
		}
		if j < 0 {
			return fmt.Errorf("</%s> without <%s>", tag, tag)
		}
		t := open[j]
		open = append(open[:j], open[j+1:]...)
		t.End = text.Len()
		a.Tags = append(a.Tags, t)
	}
	if len(open) > 0 {
		return fmt.Errorf("<%s> not closed", open[len(open)-1].Name)
	}
	text.WriteString(src[last:])
	a.Text = text.String()
	return nil
}

// Document returns a document holding the article's id and text, its paragraphs (split at blank lines) and,
// when it has a body, the end of its title.
func (a Article) Document() *marsad.Document {
	doc := &marsad.Document{ID: a.ID, Text: a.Text}
	start := 0
	for _, p := range strings.Split(a.Text, "\n\n") {
		doc.Paragraphs = append(doc.Paragraphs, marsad.Range{Start: start, End: start + len(p)})
		start += len(p) + 2
	}
	if len(doc.Paragraphs) > 1 {
		doc.TitleEnd = doc.Paragraphs[0].End
	}
	return doc
}
