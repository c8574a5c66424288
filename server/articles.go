package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/input"
	"github.com/marsad/marsad/pipeline"
)

// putBatch is how many processed articles of one request share a store transaction.
const putBatch = 256

// Posted is what became of one posted article.
type Posted struct {
	// Index is the article's position in the request, from 0.
	Index int    `json:"index"`
	ID    string `json:"id,omitempty"`
	Title string `json:"title,omitempty"`
	// Added is false when the article was stored already (the same text, perhaps from elsewhere).
	Added bool   `json:"added"`
	Error string `json:"error,omitempty"`
}

// postArticles reads articles as a JSON object, a JSON array of objects, JSON Lines or, with ?title=, one
// raw text; it processes them through the pipeline and stores them.
func (h *handler) postArticles(w http.ResponseWriter, r *http.Request) error {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	recs, err := records(r, body)
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return errorf(http.StatusBadRequest, "no article in the request body")
	}
	results := make([]Posted, len(recs))
	var batch []*marsad.Document
	var batchIdx []int
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		added, err := h.store.Put(r.Context(), batch)
		if err != nil {
			return err
		}
		for i, a := range added {
			results[batchIdx[i]].Added = a
		}
		batch, batchIdx = batch[:0], batchIdx[:0]
		return nil
	}
	i := 0
	read := func(emit func(input.Record) error) error {
		for _, rec := range recs {
			if err := emit(rec); err != nil {
				return err
			}
		}
		return nil
	}
	err = h.pipeline.Run(r.Context(), h.opts.Workers, read, func(res pipeline.Result) error {
		idx := i
		i++
		results[idx].Index = idx
		if res.Err != nil {
			results[idx].Error = res.Err.Error()
			return nil
		}
		d := res.Doc
		d.Origins = apiOrigins(d.Origins, res.Origin, d.URL)
		results[idx].ID, results[idx].Title = d.ID, d.Title
		batch, batchIdx = append(batch, d), append(batchIdx, idx)
		if len(batch) == putBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return err
	}
	status, rejected := http.StatusOK, 0
	for _, p := range results {
		switch {
		case p.Error != "":
			rejected++
		case p.Added:
			status = http.StatusCreated
		}
	}
	res := map[string]any{"articles": results, "rejected": rejected}
	if rejected == len(results) {
		status, res["error"] = http.StatusUnprocessableEntity, "every article was rejected; see articles[].error"
	}
	return writeJSON(w, status, res)
}

// records turns a request body into input records, each with an origin that names the request's line or
// item so errors point the client at its own input.
func records(r *http.Request, body []byte) ([]input.Record, error) {
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil && r.Header.Get("Content-Type") != "" {
		return nil, errorf(http.StatusUnsupportedMediaType, "unreadable Content-Type")
	}
	q := r.URL.Query()
	switch {
	case ct == "text/plain" || ct == "" && q.Has("title"):
		return rawRecord(q, body)
	case ct == "application/json" || ct == "application/x-ndjson" || ct == "application/jsonl" || ct == "application/x-jsonlines" || ct == "":
		lines, err := jsonLines(body)
		if err != nil {
			return nil, err
		}
		var recs []input.Record
		err = input.Read(r.Context(), []string{"-"}, input.JSONL, bytes.NewReader(lines), func(rec input.Record) error {
			rec.Origin = strings.Replace(rec.Origin, "stdin:", "item ", 1)
			recs = append(recs, rec)
			return nil
		})
		return recs, err
	}
	return nil, errorf(http.StatusUnsupportedMediaType, "Content-Type must be application/json, application/x-ndjson or text/plain")
}

// jsonLines accepts one JSON object (perhaps pretty-printed), an array of objects, or JSON Lines, and
// returns JSON Lines, one compact object a line.
func jsonLines(body []byte) ([]byte, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil, errorf(http.StatusBadRequest, "empty request body")
	}
	if trimmed[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(trimmed, &items); err != nil {
			return nil, errorf(http.StatusBadRequest, "malformed JSON array: "+jsonProblem(err))
		}
		var out bytes.Buffer
		for _, it := range items {
			if err := json.Compact(&out, it); err != nil {
				return nil, errorf(http.StatusBadRequest, "malformed JSON: "+jsonProblem(err))
			}
			out.WriteByte('\n')
		}
		return out.Bytes(), nil
	}
	// A single object spread over lines is still one article; JSON Lines have one object a line.
	var one json.RawMessage
	if json.Unmarshal(trimmed, &one) == nil {
		var out bytes.Buffer
		if err := json.Compact(&out, one); err != nil {
			return nil, errorf(http.StatusBadRequest, "malformed JSON: "+jsonProblem(err))
		}
		return out.Bytes(), nil
	}
	return body, nil // JSON Lines: the input reader reports each malformed line
}

// jsonProblem describes a JSON syntax error without echoing the input.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("%s at byte %d", se.Error(), se.Offset)
	case errors.As(err, &te):
		return fmt.Sprintf("expected objects, got %s", te.Value)
	}
	return "not JSON"
}

// rawRecord is one article posted as text, with its metadata in the query string.
func rawRecord(q map[string][]string, body []byte) ([]input.Record, error) {
	get := func(k string) string {
		if v := q[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, errorf(http.StatusBadRequest, "empty request body")
	}
	rec := input.Record{Origin: "body", ID: get("id"), Title: get("title"), Raw: body, URL: get("url"), Source: get("source")}
	if p := get("published"); p != "" {
		t, err := input.ParseTime(p)
		if err != nil {
			return nil, errorf(http.StatusBadRequest, err.Error())
		}
		rec.Published = t
	}
	return []input.Record{rec}, nil
}

// apiOrigins drops the request-local origin ("item 3"), which names nothing a later reader could use, and
// keeps the article's own id and URL, by which a client finds it again.
func apiOrigins(origins []string, local, url string) []string {
	out := origins[:0]
	for _, o := range origins {
		if o != "" && o != local && !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	if url != "" && !slices.Contains(out, url) {
		out = append(out, url)
	}
	return out
}

func (h *handler) getArticle(w http.ResponseWriter, r *http.Request) error {
	d, err := h.store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}
