package server

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/pipeline"
	"github.com/marsad/marsad/sqlite"
)

const token = "s3cret"

func newServer(t testing.TB, opts Options) *httptest.Server {
	t.Helper()
	return newServerWith(t, pipeline.New(clean.New(nil), pipeline.Stage{Name: "tagger", Annotator: tagger{}}), opts)
}

func newServerWith(t testing.TB, p *pipeline.Pipeline, opts Options) *httptest.Server {
	t.Helper()
	store, err := sqlite.Open(filepath.Join(t.TempDir(), "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	srv := httptest.NewServer(New(store, p, opts))
	t.Cleanup(srv.Close)
	return srv
}

type call struct {
	method, path, ctype, body, token, accept string
}

func do(t testing.TB, srv *httptest.Server, c call) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(c.method, srv.URL+c.path, strings.NewReader(c.body))
	if err != nil {
		t.Fatal(err)
	}
	if c.ctype != "" {
		req.Header.Set("Content-Type", c.ctype)
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if c.accept != "" {
		req.Header.Set("Accept", c.accept)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

const (
	article1 = `{"id": "a1", "title": "هجوم لقسد في الرقة يوقع 4 قتلى", "text": "قالت قسد إن هجوما استهدف مواقعها في ريف الرقة الشرقي وقتل 3 من عناصرها.", "published": "2019-03-23", "source": "sana"}`
	article2 = `{"id": "a2", "title": "اجتماع في بغداد", "text": "عقد وزراء اجتماعا في بغداد لبحث إعادة الإعمار.", "published": "2019-04-02", "source": "ina"}`
)

func post(t testing.TB, srv *httptest.Server, ctype, body string) []Posted {
	t.Helper()
	code, _, b := do(t, srv, call{method: "POST", path: "/api/articles", ctype: ctype, body: body, token: token})
	if code != http.StatusCreated && code != http.StatusOK {
		t.Fatalf("post: status %d: %s", code, b)
	}
	var res struct{ Articles []Posted }
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	return res.Articles
}

func TestPostAndGet(t *testing.T) {
	srv := newServer(t, Options{Token: token})
	tests := []struct {
		name, ctype, body string
		want              []bool // added
	}{
		{"object", "application/json", "{\n \"title\": \"عنوان\",\n \"text\": \"نص الخبر الأول عن حلب.\"\n}", []bool{true}},
		{"array", "application/json", "[" + article1 + "," + article2 + "]", []bool{true, true}},
		{"json lines, stored already", "application/x-ndjson", article1 + "\n" + article2 + "\n", []bool{false, false}},
		{"with a url", "application/json", `{"title": "خبر ثالث", "text": "نص عن حمص.", "url": "https://example.org/a/2"}`, []bool{true}},
		{"raw text", "text/plain", "قصفت طائرات مواقع في إدلب صباح اليوم.", []bool{true}},
	}
	for _, tc := range tests {
		path := "/api/articles"
		if tc.ctype == "text/plain" {
			path += "?title=" + "قصف%20في%20إدلب&published=2019-05-01&id=raw1"
		}
		code, _, b := do(t, srv, call{method: "POST", path: path, ctype: tc.ctype, body: tc.body, token: token})
		var res struct{ Articles []Posted }
		if err := json.Unmarshal(b, &res); err != nil {
			t.Fatalf("%s: %v: %s", tc.name, err, b)
		}
		var got []bool
		for _, p := range res.Articles {
			if p.Error != "" {
				t.Errorf("%s: article %d rejected: %s", tc.name, p.Index, p.Error)
			}
			got = append(got, p.Added)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: got added %v (status %d); want %v", tc.name, got, code, tc.want)
		}
	}
	for _, id := range []string{"a1", "raw1", "https://example.org/a/2"} {
		code, _, b := do(t, srv, call{method: "GET", path: "/api/articles/" + url.PathEscape(id)})
		var d marsad.Document
		if err := json.Unmarshal(b, &d); err != nil || code != 200 {
			t.Fatalf("get %s: status %d, %v", id, code, err)
		}
		if !slices.Contains(d.Origins, id) || d.Text == "" {
			t.Errorf("get %s: got origins %q, text %q", id, d.Origins, d.Text)
		}
		if id == "a1" && (len(d.Events) == 0 || len(d.Entities) == 0) {
			t.Errorf("get a1: got %d events, %d entities; want the tagger's layers", len(d.Events), len(d.Entities))
		}
	}
}

func TestErrors(t *testing.T) {
	srv := newServer(t, Options{Token: token, MaxBody: 4096})
	noToken := newServer(t, Options{})
	private := newServer(t, Options{Token: token, PrivateReads: true})
	tests := []struct {
		name string
		srv  *httptest.Server
		call
		want int
	}{
		{"write without token", srv, call{method: "POST", path: "/api/articles", ctype: "application/json", body: article1}, 401},
		{"write with wrong token", srv, call{method: "POST", path: "/api/articles", ctype: "application/json", body: article1, token: "x"}, 401},
		{"writes disabled", noToken, call{method: "POST", path: "/api/articles", ctype: "application/json", body: article1, token: "x"}, 403},
		{"private read", private, call{method: "GET", path: "/api/search?q=قسد"}, 401},
		{"private read with token", private, call{method: "GET", path: "/api/search?q=قسد", token: token}, 200},
		{"public health on private server", private, call{method: "GET", path: "/healthz"}, 200},
		{"malformed json", srv, call{method: "POST", path: "/api/articles", ctype: "application/json", body: `[{"title": }]`, token: token}, 400},
		{"malformed json line", srv, call{method: "POST", path: "/api/articles", ctype: "application/x-ndjson", body: "{\n{", token: token}, 422},
		{"empty body", srv, call{method: "POST", path: "/api/articles", ctype: "application/json", body: " ", token: token}, 400},
		{"too large", srv, call{method: "POST", path: "/api/articles", ctype: "text/plain", body: strings.Repeat("نص ", 5000), token: token}, 413},
		{"wrong media type", srv, call{method: "POST", path: "/api/articles", ctype: "image/png", body: "x", token: token}, 415},
		{"bad published", srv, call{method: "POST", path: "/api/articles?title=x&published=tomorrow", ctype: "text/plain", body: "نص", token: token}, 400},
		{"empty query", srv, call{method: "GET", path: "/api/search?q=%20"}, 400},
		{"bad limit", srv, call{method: "GET", path: "/api/search?q=قسد&limit=-1"}, 400},
		{"bad date", srv, call{method: "GET", path: "/api/events?from=March"}, 400},
		{"bad format", srv, call{method: "GET", path: "/api/events?format=xml"}, 400},
		{"unknown article", srv, call{method: "GET", path: "/api/articles/nope"}, 404},
		{"unknown endpoint", srv, call{method: "GET", path: "/api/nope"}, 404},
		{"wrong method", srv, call{method: "DELETE", path: "/api/search"}, 405},
	}
	for _, tc := range tests {
		code, h, b := do(t, tc.srv, tc.call)
		if code != tc.want {
			t.Errorf("%s: got status %d; want %d (%s)", tc.name, code, tc.want, b)
		}
		if code < 400 {
			continue
		}
		var e map[string]any
		if err := json.Unmarshal(b, &e); err != nil || !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
			t.Errorf("%s: got body %q; want a JSON error", tc.name, b)
		}
		if msg, _ := e["error"].(string); msg == "" || strings.Contains(msg, "/tmp") || strings.Contains(msg, ".go:") {
			t.Errorf("%s: got error %q; want a message without server internals", tc.name, msg)
		}
	}
}

func TestSearch(t *testing.T) {
	srv := newServer(t, Options{Token: token})
	post(t, srv, "application/json", "["+article1+","+article2+"]")
	tests := []struct {
		name, query string
		want        []string // titles
		sources     int
	}{
		{"word with clitic", "?q=والرقة", []string{"هجوم لقسد في الرقة يوقع 4 قتلى"}, 1},
		{"source facet", "?q=في&source=ina", []string{"اجتماع في بغداد"}, 1},
		{"date range", "?q=في&from=2019-04-01&to=2019-04-30", []string{"اجتماع في بغداد"}, 1},
		{"to is inclusive", "?q=في&to=2019-03-23", []string{"هجوم لقسد في الرقة يوقع 4 قتلى"}, 1},
		{"no match", "?q=الموصل", nil, 0},
	}
	for _, tc := range tests {
		code, _, b := do(t, srv, call{method: "GET", path: "/api/search" + tc.query})
		var res SearchResult
		if err := json.Unmarshal(b, &res); err != nil || code != 200 {
			t.Fatalf("%s: status %d, %v: %s", tc.name, code, err, b)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.Title)
			if !strings.Contains(h.Snippet, "[") {
				t.Errorf("%s: got snippet %q; want a marked match", tc.name, h.Snippet)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q; want %q", tc.name, got, tc.want)
		}
		if res.Facets == nil || res.Facets.Total != len(tc.want) || len(res.Facets.Sources) != tc.sources {
			t.Errorf("%s: got facets %+v; want total %d over %d sources", tc.name, res.Facets, len(tc.want), tc.sources)
		}
	}
}

func TestLayers(t *testing.T) {
	srv := newServer(t, Options{Token: token})
	post(t, srv, "application/json", "["+article1+","+article2+"]")

	tests := []struct {
		name, query string
		want        int
	}{
		{"all", "", 4},
		{"type", "?type=assault", 2},
		{"other type", "?type=PROTEST", 0},
		{"actor id", "?actor=sdf", 2},
		{"actor mention", "?actor=قسد", 2},
		{"actor is whole", "?actor=قس", 0},
		{"place", "?place=الرقة", 2},
		{"from", "?from=2019-03-24", 2},
		{"to", "?to=2019-03-23", 2},
		{"limit", "?limit=1", 1},
	}
	for _, tc := range tests {
		_, _, b := do(t, srv, call{method: "GET", path: "/api/events" + tc.query})
		var res struct{ Events []marsad.StoredEvent }
		if err := json.Unmarshal(b, &res); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(res.Events) != tc.want {
			t.Errorf("%s: got %d events; want %d", tc.name, len(res.Events), tc.want)
		}
	}

	_, h, b := do(t, srv, call{method: "GET", path: "/api/events", accept: "text/csv"})
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || !strings.HasPrefix(h.Get("Content-Type"), "text/csv") || len(rows) != 5 {
		t.Fatalf("csv: got %q (%v)", b, err)
	}
	var quantities []string
	for _, r := range rows[1:] {
		quantities = append(quantities, r[slices.Index(csvHeader, "quantities")])
	}
	if !slices.Contains(quantities, "killed=3") {
		t.Errorf("csv quantities: got %q; want killed=3 among them", quantities)
	}

	_, _, b = do(t, srv, call{method: "GET", path: "/api/events?format=geojson"})
	var fc featureCollection
	if err := json.Unmarshal(b, &fc); err != nil || len(fc.Features) != 4 || fc.Features[3].Geometry.Coordinates != [2]float64{39.01, 35.95} {
		t.Errorf("geojson: got %s", b)
	}

	_, _, b = do(t, srv, call{method: "GET", path: "/api/entities?q=قسد"})
	var ents struct{ Entities []marsad.EntityCount }
	if err := json.Unmarshal(b, &ents); err != nil || len(ents.Entities) != 1 || ents.Entities[0].ID != "sdf" || ents.Entities[0].Mentions != 2 {
		t.Errorf("entities: got %s; want sdf with 2 mentions", b)
	}

	_, _, b = do(t, srv, call{method: "GET", path: "/api/conflicts"})
	var cs struct{ Conflicts []marsad.StoredConflict }
	if err := json.Unmarshal(b, &cs); err != nil || len(cs.Conflicts) != 1 || cs.Conflicts[0].Article == "" {
		t.Errorf("conflicts: got %s", b)
	}
}

// TestOpenAPI keeps the description true: every route is described and every described operation is routed.
func TestOpenAPI(t *testing.T) {
	srv := newServer(t, Options{})
	code, _, b := do(t, srv, call{method: "GET", path: "/api/openapi.json"})
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	var doc struct {
		OpenAPI string
		Paths   map[string]map[string]json.RawMessage
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("got openapi %q; want 3.x", doc.OpenAPI)
	}
	var described, routed []string
	for path, ops := range doc.Paths {
		for m := range ops {
			described = append(described, strings.ToUpper(m)+" "+path)
		}
	}
	for _, r := range routes {
		routed = append(routed, r.method+" "+strings.ReplaceAll(r.path, "...}", "}"))
	}
	slices.Sort(described)
	slices.Sort(routed)
	if !slices.Equal(described, routed) {
		t.Errorf("got described %q; want routed %q", described, routed)
	}
	// Every reference must resolve.
	var all map[string]any
	if err := json.Unmarshal(b, &all); err != nil {
		t.Fatal(err)
	}
	for _, ref := range refs(all, nil) {
		var node any = all
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			m, _ := node.(map[string]any)
			node = m[part]
		}
		if node == nil {
			t.Errorf("unresolved $ref %s", ref)
		}
	}
}

func refs(v any, out []string) []string {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "$ref" {
				out = append(out, s)
			}
			out = refs(x, out)
		}
	case []any:
		for _, x := range v {
			out = refs(x, out)
		}
	}
	return out
}

func TestPage(t *testing.T) {
	srv := newServer(t, Options{})
	for _, path := range []string{"/", "/app.js", "/style.css", "/region.json"} {
		code, h, b := do(t, srv, call{method: "GET", path: path})
		if code != 200 || len(b) == 0 {
			t.Errorf("%s: got status %d, %d bytes", path, code, len(b))
		}
		if h.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: no Content-Security-Policy", path)
		}
	}
}

// FuzzJSONLines checks that no request body makes the JSON reader panic or accept a body it cannot split.
func FuzzJSONLines(f *testing.F) {
	for _, s := range []string{article1, "[" + article1 + "," + article2 + "]", article1 + "\n" + article2, "{", "[1,2]", "\"x\"", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		lines, err := jsonLines(body)
		if err == nil && len(bytes.TrimSpace(body)) > 0 && len(lines) == 0 {
			t.Errorf("got no lines and no error for %q", body)
		}
	})
}
