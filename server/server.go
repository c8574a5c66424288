// Package server serves marsad over HTTP: a JSON API for ingesting and querying articles and the web page
// analysts use, both from one handler with its assets embedded.
package server

import (
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/pipeline"
)

// Options configures the handler.
type Options struct {
	// Token is the bearer token that writes require. With no token, writes are refused: a server never
	// accepts anonymous writes.
	Token string
	// PrivateReads makes every API read require the token too; the page and /healthz stay public.
	PrivateReads bool
	// MaxBody bounds a request body in bytes (default 32 MiB).
	MaxBody int64
	// Workers is how many articles of one POST are processed at once (default: the number of CPUs).
	Workers int
	// Log receives errors that clients are not shown (default slog.Default()).
	Log *slog.Logger
}

//go:embed openapi.json
var openAPI []byte

// webFS is the page; web/region.json is its base map.
//
//go:generate go run mkregion.go
//go:embed web
var webFS embed.FS

// access says who may call a route.
type access int

const (
	public access = iota // anyone
	read                 // anyone, unless Options.PrivateReads
	write                // token holders only
)

type route struct {
	method, path string
	access       access
	handle       func(*handler, http.ResponseWriter, *http.Request) error
}

// routes are the API; the OpenAPI document describes exactly these (TestOpenAPI keeps it so).
var routes = []route{
	{"POST", "/api/articles", write, (*handler).postArticles},
	// {id...}: an article may be fetched by the URL or file path it was posted with, slashes and all.
	{"GET", "/api/articles/{id...}", read, (*handler).getArticle},
	{"GET", "/api/search", read, (*handler).search},
	{"GET", "/api/events", read, (*handler).events},
	{"GET", "/api/entities", read, (*handler).entities},
	{"GET", "/api/conflicts", read, (*handler).conflicts},
	{"GET", "/api/openapi.json", public, (*handler).openapi},
	{"GET", "/healthz", public, (*handler).healthz},
}

type handler struct {
	store     marsad.Store
	analytics marsad.Analytics // nil when the store does not index layers
	pipeline  *pipeline.Pipeline
	opts      Options
}

// New returns the handler of the API and the web page over store, processing posted articles with p.
func New(store marsad.Store, p *pipeline.Pipeline, opts Options) http.Handler {
	if opts.MaxBody <= 0 {
		opts.MaxBody = 32 << 20
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	h := &handler{store: store, pipeline: p, opts: opts}
	h.analytics, _ = store.(marsad.Analytics)
	mux := http.NewServeMux()
	for _, r := range routes {
		mux.Handle(r.method+" "+r.path, h.wrap(r))
	}
	web, err := fs.Sub(webFS, "web")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := http.FileServerFS(web)
	mux.Handle("GET /", securePage(files))
	return apiErrors(mux)
}

// apiErrors answers requests that match no API route with a JSON error, as every other API error is, instead
// of the mux's plain-text 404 and 405.
func apiErrors(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern != "" && pattern != "GET /" || !strings.HasPrefix(r.URL.Path, "/api/") && r.URL.Path != "/healthz" {
			mux.ServeHTTP(w, r)
			return
		}
		var allow []string
		for _, m := range []string{"GET", "POST"} {
			c := r.Clone(r.Context())
			c.Method = m
			if _, pattern := mux.Handler(c); pattern != "" && pattern != "GET /" {
				allow = append(allow, m)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			writeError(w, http.StatusMethodNotAllowed, "method not allowed")
			return
		}
		writeError(w, http.StatusNotFound, "no such API endpoint")
	})
}

// securePage sets the headers that keep the page from loading anything from elsewhere.
func securePage(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(w, r)
	})
}

// httpError is an error with the status and message a client is shown.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func errorf(status int, msg string) error { return &httpError{status, msg} }

// wrap checks access, bounds the body and turns errors and panics into JSON errors that show nothing of the
// server's internals.
func (h *handler) wrap(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				h.opts.Log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v)
				writeError(w, http.StatusInternalServerError, "internal error")
			}
		}()
		if err := h.authorize(rt.access, r); err != nil {
			h.fail(w, r, err)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, h.opts.MaxBody)
		if err := rt.handle(h, w, r); err != nil {
			h.fail(w, r, err)
		}
	})
}

func (h *handler) authorize(a access, r *http.Request) error {
	if a == public || a == read && !h.opts.PrivateReads {
		return nil
	}
	if h.opts.Token == "" {
		return errorf(http.StatusForbidden, "writes are disabled: the server was started without a token")
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(h.opts.Token)) != 1 {
		return errorf(http.StatusUnauthorized, "missing or wrong bearer token")
	}
	return nil
}

func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		if he.status == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="marsad"`)
		}
		writeError(w, he.status, he.msg)
	case errors.As(err, &tooLarge):
		writeError(w, http.StatusRequestEntityTooLarge, "request body too large")
	case errors.Is(err, marsad.ErrNotFound):
		writeError(w, http.StatusNotFound, "not found")
	case r.Context().Err() != nil:
		// The client is gone; nobody reads the answer.
	default:
		h.opts.Log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
	}
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func (h *handler) healthz(w http.ResponseWriter, r *http.Request) error {
	n, err := h.store.Count(r.Context())
	if err != nil {
		h.opts.Log.Error("health check", "err", err)
		return errorf(http.StatusServiceUnavailable, "store unavailable")
	}
	return writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "articles": n})
}

func (h *handler) openapi(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	_, err := w.Write(openAPI)
	return err
}
