package server

import (
	"context"
	"encoding/json"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/pipeline"
)

var screenshots = flag.String("screenshots", "", "directory to save the end-to-end test's screenshots in (e.g. ../docs)")

// TestBrowser drives headless Chromium through what an analyst does: articles are ingested through the API,
// then the page is used to search, open an article, switch a layer off and on, and look at the events. It
// runs only with MARSAD_E2E=1 (Debian: apt-get install chromium fonts-noto-core).
func TestBrowser(t *testing.T) {
	if os.Getenv("MARSAD_E2E") == "" || testing.Short() {
		t.Skip("set MARSAD_E2E=1 to run the browser test (needs chromium)")
	}
	srv := newServerWith(t, browserPipeline(t), Options{Token: token})
	sample, err := os.ReadFile(filepath.Join("testdata", "sample.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if posted := post(t, srv, "application/x-ndjson", string(sample)); len(posted) != 6 {
		t.Fatalf("ingest: got %d articles; want 6", len(posted))
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.NoSandbox, chromedp.WindowSize(1280, 900),
		chromedp.Flag("lang", "ar"))
	actx, cancel := chromedp.NewExecAllocator(t.Context(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	dir := *screenshots
	if dir == "" {
		dir = t.TempDir()
	}
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	count := func(sel string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
		if err != nil {
			t.Fatalf("count %s: %v", sel, err)
		}
		return n
	}
	attr := func(sel, name string) string {
		t.Helper()
		r, err := chromedp.Run(ctx, chromedp.AttributeValue(sel, name))
		if err != nil {
			t.Fatalf("%s[%s]: %v", sel, name, err)
		}
		return r.Value
	}
	// shot saves the viewport, or the whole page when full: Chromium's full-page capture of a right-to-left
	// page shorter than the window shifts it sideways.
	shot := func(name string, full bool) {
		t.Helper()
		capture := chromedp.CaptureScreenshot()
		if full {
			capture = chromedp.FullScreenshot(100)
		}
		png, err := chromedp.Run(ctx, capture)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, name), png, 0o644)
		}
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
	}

	// Search: type a word with a clitic; results must mark the matches and show the facets.
	do("search", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(`input[name=q]`),
		chromedp.SendKeys(`input[name=q]`, "والباغوز"), chromedp.Click(`form.searchbar button`), chromedp.WaitVisible(`#results .hit`))
	dir0, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.dir`))
	if err != nil {
		t.Fatal(err)
	}
	hits, marks, sources := count(`#results .hit`), count(`#results mark`), count(`.facets ul:first-of-type li`)
	if dir0 != "rtl" || hits != 2 || marks < 2 || sources != 2 {
		t.Errorf("search: got dir %q, %d hits, %d marks, %d sources; want rtl, 2, at least 2, 2", dir0, hits, marks, sources)
	}
	shot("search.png", false)

	// Article: open the hit on the first day; entities, dates, events and conflicts are highlighted, with
	// their resolved values on hover.
	do("open article", chromedp.Click(`#results .hit h3 a[href$="`+articleID(t, srv, "s1")+`"]`), chromedp.WaitVisible(`#doctext`))
	orgs, dates, events, conflicts := count(`#doctext .ent-ORG`), count(`#doctext .date`), count(`#doctext .event`), count(`#doctext .conflict`)
	if orgs == 0 || dates == 0 || events == 0 || conflicts == 0 {
		t.Errorf("article: got %d organizations, %d dates, %d events, %d conflicts highlighted; want some of each", orgs, dates, events, conflicts)
	}
	if tip := attr(`#doctext .ent-ORG`, "title"); !strings.Contains(tip, "sdf") {
		t.Errorf("article: got organization hover %q; want the resolved id", tip)
	}
	if tip := attr(`#doctext .date`, "title"); !strings.Contains(tip, "2019-03-22") {
		t.Errorf("article: got date hover %q; want أمس resolved to 2019-03-22", tip)
	}
	shot("article.png", false)
	do("switch organizations off", chromedp.Click(`input[name="ent-ORG"]`))
	if n := count(`#doctext .ent-ORG`); n != 0 {
		t.Errorf("article: %d organizations still highlighted after switching the layer off", n)
	}
	do("switch organizations on", chromedp.Click(`input[name="ent-ORG"]`))
	if n := count(`#doctext .ent-ORG`); n != orgs {
		t.Errorf("article: got %d organizations after switching the layer on; want %d", n, orgs)
	}

	// Events: map dots, timeline bars and the table, then a filter by type.
	do("events", chromedp.Navigate(srv.URL+"/#/events"), chromedp.WaitVisible(`#map .event-dot`))
	dots, bars, reported := count(`#map .event-dot`), count(`#timeline rect`), count(`#events-table tbody tr`)
	if dots < 4 || bars == 0 || reported < 4 {
		t.Errorf("events: got %d map dots, %d timeline bars, %d rows; want at least 4, 1, 4", dots, bars, reported)
	}
	do("every mention", chromedp.SetValue(`select[name=min_confidence]`, "0"), chromedp.Click(`form.filters button`),
		chromedp.Sleep(500*time.Millisecond), chromedp.WaitVisible(`#events-table`))
	rows := count(`#events-table tbody tr`)
	if rows < 8 || rows <= reported {
		t.Errorf("events, every mention: got %d rows; want at least 8 and more than the %d reported as happening", rows, reported)
	}
	shot("events.png", true)
	do("filter events", chromedp.SetValue(`select[name=type]`, "ASSAULT"), chromedp.Click(`form.filters button`),
		chromedp.Sleep(500*time.Millisecond), chromedp.WaitVisible(`#events-table`))
	assault, other := count(`#events-table tbody tr`), count(`#events-table tbody tr .tag:not(.t-ASSAULT)`)
	if assault == 0 || assault >= rows || other != 0 {
		t.Errorf("events filtered by type: got %d rows (%d of other types) of %d", assault, other, rows)
	}
	// Entities and conflicts list what the articles hold.
	do("entities", chromedp.Navigate(srv.URL+"/#/entities"), chromedp.WaitVisible(`table.entities tbody tr`))
	if n := count(`table.entities tbody tr`); n < 5 {
		t.Errorf("entities: got %d rows; want at least 5", n)
	}
	do("conflicts", chromedp.Navigate(srv.URL+"/#/conflicts"), chromedp.WaitVisible(`ul.conflicts li`))
	if n := count(`ul.conflicts li`); n != 1 {
		t.Errorf("conflicts: got %d; want 1", n)
	}

	resp, err := http.Get(srv.URL + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("healthz after the browser session: %v", err)
	}
}

// browserPipeline is the standard pipeline, so the screenshots show what marsad extracts.
func browserPipeline(t *testing.T) *pipeline.Pipeline {
	p, err := pipeline.Standard(clean.New(nil))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// articleID returns the id of the article posted with the client id id.
func articleID(t *testing.T, srv *httptest.Server, id string) string {
	t.Helper()
	code, _, b := do(t, srv, call{method: "GET", path: "/api/articles/" + id})
	var d struct{ ID string }
	if err := json.Unmarshal(b, &d); err != nil || code != 200 {
		t.Fatalf("article %s: status %d, %v", id, code, err)
	}
	return d.ID
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
