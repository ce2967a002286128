package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromiumPath is where Debian's chromium package installs the browser.
const chromiumPath = "/usr/bin/chromium"

// browser is a headless Chromium on a test server, collecting every
// console error and uncaught exception.
type browser struct {
	t     *testing.T
	ctx   context.Context
	base  string
	shots string

	mu   sync.Mutex
	errs []string
}

// newBrowser starts the fixture server and a fresh headless Chromium, or
// skips the test when Chromium is not installed.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	return newBrowserOn(t, func() http.Handler { return newFixtureServer(t) })
}

// newBrowserOn is newBrowser on the server h returns (called only when
// the browser is there).
func newBrowserOn(t *testing.T, h func() http.Handler) *browser {
	t.Helper()
	path := chromiumPath
	if _, err := os.Stat(path); err != nil {
		if path, err = exec.LookPath("chromium"); err != nil {
			t.Skip("browser tests need Chromium at /usr/bin/chromium (apt-get install chromium; .ci/run does)")
		}
	}
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	srv := httptest.NewServer(h())
	t.Cleanup(srv.Close)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profileDir(t)),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		_ = chromedp.Cancel(ctx) // close the browser gracefully
		cancelT()
		cancelC()
		cancelA()
	})
	b := &browser{t: t, ctx: ctx, base: srv.URL, shots: screenshotDir(t)}
	chromedp.ListenTarget(ctx, b.listen)
	if err := chromedp.Run(ctx, log.Enable(), runtime.Enable()); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return b
}

// profileDir returns a fresh Chromium profile directory, removed after
// the test; Chromium's helpers may still be writing to it as they exit,
// so removal retries briefly and never fails the test.
func profileDir(t *testing.T) string {
	d, err := os.MkdirTemp("", "dyad-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for range 20 {
			if os.RemoveAll(d) == nil {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
	return d
}

// screenshotDir is $DYAD_SCREENSHOTS, or a directory of the test's.
func screenshotDir(t *testing.T) string {
	if d := os.Getenv("DYAD_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// listen records console errors, exceptions and browser log errors
// (failed loads, CSP violations).
func (b *browser) listen(ev any) {
	var msg string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			msg = "console." + string(ev.Type) + ": " + strings.Join(args, " ")
		}
	case *runtime.EventExceptionThrown:
		msg = "exception: " + ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			msg += " " + ev.ExceptionDetails.Exception.Description
		}
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.LevelError {
			msg = "log: " + ev.Entry.Text + " " + ev.Entry.URL
		}
	}
	if msg != "" {
		b.mu.Lock()
		b.errs = append(b.errs, msg)
		b.mu.Unlock()
	}
}

// run runs actions, failing the test on error.
func (b *browser) run(what string, actions ...chromedp.Action) {
	b.t.Helper()
	if err := chromedp.Run(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// open loads a page and waits for its main element.
func (b *browser) open(path string) {
	b.t.Helper()
	b.run("open "+path, chromedp.Navigate(b.base+path), chromedp.WaitVisible("main", chromedp.ByQuery))
}

// shot saves a full-page screenshot as name.png.
func (b *browser) shot(name string) {
	b.t.Helper()
	var png []byte
	b.run("screenshot "+name, chromedp.FullScreenshot(&png, 100))
	file := filepath.Join(b.shots, name+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot %s", file)
}

// noErrors fails the test if the browser reported any error so far.
func (b *browser) noErrors(page string) {
	b.t.Helper()
	time.Sleep(100 * time.Millisecond) // let late log events arrive
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.errs {
		b.t.Errorf("%s: %s", page, e)
	}
	b.errs = nil
}

// waitFor evaluates the JavaScript condition expr until it holds, for up
// to 5 seconds, taking an evaluation cut short by a page load as "not
// yet".
func (b *browser) waitFor(what, expr string) {
	b.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		var ok bool
		err := chromedp.Run(b.ctx, chromedp.Evaluate(expr, &ok))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("%s: %s never held (last error: %v)", what, expr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// count returns how many nodes match sel.
func (b *browser) count(sel string) int {
	b.t.Helper()
	var n int
	b.run("count "+sel, chromedp.Evaluate(fmt.Sprintf("document.querySelectorAll(%q).length", sel), &n))
	return n
}

func TestBrowserPagesLoad(t *testing.T) {
	b := newBrowser(t)
	for _, p := range []struct{ name, path, sel string }{
		{"overview", "/", "svg.chart rect"},
		{"dyad", "/dyad?source=USA&target=PRK", "#dyad-chart circle.point"},
		{"network", "/network", "#network-chart path.edge"},
		{"events", "/events", "table.events tbody tr.event"},
		{"event", "/events/story-2016-01-04-0:0:0", "mark.verb"},
		{"code", "/code", "textarea"},
	} {
		b.open(p.path)
		if n := b.count(p.sel); n == 0 {
			t.Errorf("%s: nothing matches %q", p.path, p.sel)
		}
		b.shot(p.name)
		b.noErrors(p.path)
	}
}

func TestBrowserDyadExplorer(t *testing.T) {
	b := newBrowser(t)
	b.open("/dyad")
	// Typing part of a name offers the codes.
	var options []string
	b.run("type a name",
		chromedp.SendKeys(`input[name=source]`, "korea", chromedp.ByQuery),
		chromedp.Poll(`document.querySelectorAll("#actor-list option").length > 0`, nil, chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.Evaluate(`Array.from(document.querySelectorAll("#actor-list option")).map(o => o.value)`, &options),
	)
	if got := strings.Join(options, " "); !strings.Contains(got, "PRKGOV") || !strings.Contains(got, "KORGOV") {
		t.Errorf("typing korea offers %q, want PRKGOV and KORGOV", got)
	}
	b.run("pick the dyad",
		chromedp.SetValue(`input[name=source]`, "USA", chromedp.ByQuery),
		chromedp.SetValue(`input[name=target]`, "PRK", chromedp.ByQuery),
		chromedp.Submit(`#dyad-form`, chromedp.ByQuery),
		chromedp.WaitVisible(`#dyad-chart circle.point`, chromedp.ByQuery),
	)
	if n := b.count("#dyad-chart circle.point"); n != fixtureWeeks {
		t.Errorf("the USA→PRK chart has %d points, want one per week (%d)", n, fixtureWeeks)
	}
	var d string
	b.run("read the line", chromedp.AttributeValue(`#dyad-chart path.line`, "d", &d, nil, chromedp.ByQuery))
	if strings.Count(d, "L") != fixtureWeeks-1 {
		t.Errorf("the line has %d segments, want %d: %.80s…", strings.Count(d, "L"), fixtureWeeks-1, d)
	}
	b.shot("dyad-usa-prk")
	// Clicking the week of the break lists its events.
	var nodes []*cdp.Node
	b.run("click a point",
		chromedp.Nodes(`#dyad-chart a circle.point`, &nodes, chromedp.ByQueryAll),
	)
	b.run("click week 30",
		chromedp.MouseClickNode(nodes[breakWeek]),
		chromedp.WaitVisible(`#events table.events`, chromedp.ByQuery),
	)
	if n := b.count("#events tr.event"); n != 4 {
		t.Errorf("the week of the break lists %d events, want 4 (an accusation and three attacks)", n)
	}
	b.shot("dyad-usa-prk-week")
	b.noErrors("dyad explorer")
}

func TestBrowserEventFilter(t *testing.T) {
	b := newBrowser(t)
	b.open("/events")
	before := b.count("table.events tr.event")
	b.run("filter by actor and quad",
		chromedp.SetValue(`#event-filters input[name=actor]`, "JPN", chromedp.ByQuery),
		chromedp.SetValue(`#event-filters select[name=quad]`, "2", chromedp.ByQuery),
		chromedp.Click(`#event-filters button[type=submit]`, chromedp.ByQuery),
	)
	// Submitting loads a new page; the old one may still answer, or go
	// away under a query, until it does.
	b.waitFor("the filtered page", `location.search.includes("actor=JPN") && document.readyState === "complete" && !!document.querySelector("#event-count")`)
	after := b.count("table.events tr.event")
	var total string
	b.run("read the count", chromedp.Text(`#event-count`, &total, chromedp.ByQuery))
	if before != 50 || after != 20 || total != "20" {
		t.Errorf("rows %d before and %d after filtering actor=JPN quad=2 (count %s), want 50 then 20", before, after, total)
	}
	b.shot("events-filtered")
	b.noErrors("event browser")
}

func TestBrowserCodeStory(t *testing.T) {
	b := newBrowser(t)
	b.open("/code")
	story := "SEOUL — Washington accused Pyongyang of new missile tests on Monday. Beijing met US envoys to discuss trade."
	b.run("paste and code",
		chromedp.SetValue(`#code-form textarea`, story, chromedp.ByQuery),
		chromedp.SetValue(`#code-form input[name=date]`, "2016-10-27", chromedp.ByQuery),
		chromedp.Click(`#code-form button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#code-result`, chromedp.ByQuery),
	)
	if n := b.count("#code-result tr.event"); n != 2 {
		t.Errorf("the pasted story shows %d events, want 2", n)
	}
	var explain string
	b.run("read the explanation", chromedp.Text(`pre.explain`, &explain, chromedp.ByQuery))
	if !strings.Contains(explain, "112 USAGOV -> PRKGOV") {
		t.Errorf("explanation %q, want the accusation explained", explain)
	}
	b.shot("code-story")
	b.noErrors("code a story")
}
