// Package input reads articles as they arrive: plain-text files, directories of them, and JSON Lines, from
// files or standard input, one record at a time.
package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Formats of an input.
const (
	Auto  = "auto"  // by file name: .jsonl, .ndjson (optionally .gz) are JSON Lines, the rest text
	Text  = "text"  // one article a file; the first non-empty line is its title
	JSONL = "jsonl" // one JSON object a line
)

// MaxArticle bounds one article's raw size: anything larger is not an article and is rejected, not read.
const MaxArticle = 16 << 20

// Record is one raw article, or the error that kept it from being read.
type Record struct {
	Origin    string // where it came from: a file path, or "path:line" for JSON Lines
	Raw       []byte // a text file's bytes, still to be decoded
	ID        string // the input's own id, if it gave one
	Title     string
	Body      string
	Published time.Time
	URL       string
	Source    string
	Err       error
}

// jsonArticle accepts marsad's own fields and SaudiNewsNet's (content, date_extracted).
type jsonArticle struct {
	ID            json.RawMessage `json:"id"`
	Title         string          `json:"title"`
	Text          string          `json:"text"`
	Content       string          `json:"content"`
	Published     string          `json:"published"`
	DateExtracted string          `json:"date_extracted"`
	URL           string          `json:"url"`
	Source        string          `json:"source"`
}

// Read sends a Record for every article of every path to fn, in order. "-" is standard input. Directories are
// walked recursively in lexical order. A bad article becomes a Record with Err set and reading goes on; Read
// returns an error only when fn does or ctx is done.
func Read(ctx context.Context, paths []string, format string, stdin io.Reader, fn func(Record) error) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case p == "-":
			if format == JSONL {
				err = readJSONL(ctx, "stdin", stdin, fn)
			} else {
				err = readText("stdin", stdin, fn)
			}
		default:
			err = readPath(ctx, p, format, fn)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func readPath(ctx context.Context, root, format string, fn func(Record) error) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fn(Record{Origin: path, Err: err})
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || path != root && strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return fn(Record{Origin: path, Err: err})
		}
		defer f.Close()
		var r io.Reader = f
		name := path
		if strings.HasSuffix(name, ".gz") {
			gz, err := gzip.NewReader(f)
			if err != nil {
				return fn(Record{Origin: path, Err: err})
			}
			r, name = gz, strings.TrimSuffix(name, ".gz")
		}
		if format == JSONL || format == Auto && isJSONLName(name) {
			return readJSONL(ctx, path, r, fn)
		}
		return readText(path, r, fn)
	})
}

func isJSONLName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".jsonl" || ext == ".ndjson"
}

func readText(origin string, r io.Reader, fn func(Record) error) error {
	b, err := io.ReadAll(io.LimitReader(r, MaxArticle+1))
	switch {
	case err != nil:
		return fn(Record{Origin: origin, Err: err})
	case len(b) > MaxArticle:
		return fn(Record{Origin: origin, Err: fmt.Errorf("larger than %d MiB: not an article", MaxArticle>>20)})
	}
	return fn(Record{Origin: origin, Raw: b})
}

func readJSONL(ctx context.Context, origin string, r io.Reader, fn func(Record) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := readLine(br)
		if errors.Is(err, errLineTooLong) {
			err = fn(Record{Origin: fmt.Sprintf("%s:%d", origin, n), Err: err})
		} else if len(bytes.TrimSpace(line)) > 0 {
			rec := parseJSONL(line)
			rec.Origin = fmt.Sprintf("%s:%d", origin, n)
			if ferr := fn(rec); ferr != nil {
				return ferr
			}
		}
		switch {
		case err == io.EOF:
			return nil
		case errors.Is(err, errLineTooLong):
			continue
		case err != nil:
			return fn(Record{Origin: fmt.Sprintf("%s:%d", origin, n), Err: err})
		}
	}
}

var errLineTooLong = fmt.Errorf("line longer than %d MiB: not an article", MaxArticle>>20)

// readLine reads one line, skipping lines over MaxArticle without holding them in memory. A line that fits
// the reader's buffer is returned in it, valid until the next read.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if line == nil && !errors.Is(err, bufio.ErrBufferFull) {
			return chunk, err
		}
		if len(line)+len(chunk) > MaxArticle {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, errLineTooLong
		}
		line = append(line, chunk...)
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, err
		}
	}
}

func parseJSONL(line []byte) Record {
	var a jsonArticle
	if !decodeFlat(line, &a) {
		a = jsonArticle{}
		if err := json.Unmarshal(line, &a); err != nil {
			return Record{Err: fmt.Errorf("malformed JSON: %w", err)}
		}
	}
	rec := Record{Title: a.Title, Body: a.Text, URL: a.URL, Source: a.Source, ID: idString(a.ID)}
	if rec.Body == "" {
		rec.Body = a.Content
	}
	if strings.TrimSpace(rec.Body) == "" && strings.TrimSpace(rec.Title) == "" {
		return Record{Err: errors.New(`empty article: no "text" (or "content") and no "title"`)}
	}
	published := a.Published
	if published == "" {
		published = a.DateExtracted
	}
	if published != "" {
		t, err := ParseTime(published)
		if err != nil {
			return Record{Err: err}
		}
		rec.Published = t
	}
	return rec
}

// idString accepts an id given as a JSON string or number.
func idString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return strings.TrimSpace(string(raw))
}

var timeLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02"}

// ParseTime reads a publication date in the layouts news feeds use; times without a zone are UTC.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("published %q: not a date (want YYYY-MM-DD, optionally with a time)", s)
}
