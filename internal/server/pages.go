package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"github.com/dyad-events/dyad"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// csp keeps pages to their own scripts and styles.
const csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// pages holds the parsed templates, one set per page.
type pages struct {
	byName map[string]*template.Template
	static http.Handler
}

// pageNames are the pages, each a template file that fills "main".
var pageNames = []string{"overview", "dyad", "network", "events", "event", "code", "error"}

// loadPages parses the embedded templates.
func loadPages() (*pages, error) {
	p := &pages{byName: map[string]*template.Template{}}
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/parts.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parse page %s: %w", name, err)
		}
		p.byName[name] = t
	}
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, fmt.Errorf("static assets: %w", err)
	}
	p.static = http.FileServerFS(sub)
	return p, nil
}

// page is what every page template receives.
type page struct {
	Title string
	Nav   string // the current section
	Query url.Values
	Data  any
}

// render writes a page, or an error page if the template fails.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, pg page) {
	pg.Nav = name
	if pg.Query == nil {
		pg.Query = r.URL.Query()
	}
	var buf bytes.Buffer
	if err := s.pages.byName[name].Execute(&buf, pg); err != nil {
		s.log.Error("render page", "page", name, "err", err)
		status, buf = http.StatusInternalServerError, *bytes.NewBufferString("internal error\n")
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", csp)
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// renderError shows err as a page with the status of its code.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := classify(r, err)
	if code == dyad.EINTERNAL {
		s.log.Error("page failed", "path", r.URL.Path, "err", err)
	}
	s.render(w, r, status(code), "error", page{Title: "Error", Data: msg})
}

func (s *Server) pageNotFound(w http.ResponseWriter, r *http.Request) {
	s.renderError(w, r, dyad.Errorf(dyad.ENOTFOUND, "no page %s", r.URL.Path))
}

// funcs are the helpers templates call.
var funcs = template.FuncMap{
	"highlight":      highlight,
	"stored":         func(v eventView) bool { return v.DocID != pastedID },
	"quadName":       func(q int) string { return quadNameOf(q) },
	"sign":           func(x float64) string { return fmt.Sprintf("%+.1f", x) },
	"goldsteinColor": goldsteinColor,
	"pathEscape":     url.PathEscape,
	"list":           func() []string { return []string{"day", "week", "month"} },
	"quads": func() map[int]string {
		return map[int]string{1: quadNames[0], 2: quadNames[1], 3: quadNames[2], 4: quadNames[3]}
	},
	"modalities": func() []dyad.Modality { return modalities },
	"when":       when,
	"others":     func(vs []eventView) *eventPage { return &eventPage{Events: vs} },
}

// when shows an event's date as precisely as it is known: the year for
// year precision ("2016", not 2016-01-01), the month for month precision,
// "week of" a Monday, or the day.
func when(ev *dyad.Event) string {
	d := ev.Date
	switch {
	case d == "":
		return "undated"
	case len(d) < 10:
		return d
	}
	switch ev.DatePrecision {
	case dyad.PrecisionYear:
		return d[:4]
	case dyad.PrecisionMonth:
		return d[:7]
	case dyad.PrecisionWeek:
		return "week of " + d
	}
	return d
}

func quadNameOf(q int) string {
	if q < 1 || q > 4 {
		return "unknown"
	}
	return quadNames[q-1]
}

// highlight renders an event's sentence as HTML with its source, verb and
// target marked.
func highlight(v eventView) template.HTML {
	var b strings.Builder
	at := 0
	for _, m := range sortedMarks(v.Marks) {
		if m.Start < at || m.End > len(v.Text) {
			continue
		}
		b.WriteString(template.HTMLEscapeString(v.Text[at:m.Start]))
		fmt.Fprintf(&b, `<mark class="%s" title="%s">%s</mark>`, m.Role, m.Role, template.HTMLEscapeString(v.Text[m.Start:m.End]))
		at = m.End
	}
	b.WriteString(template.HTMLEscapeString(v.Text[at:]))
	return template.HTML(b.String())
}

// sortedMarks returns ms ordered by start, overlapping marks dropped.
func sortedMarks(ms []Mark) []Mark {
	out := append([]Mark(nil), ms...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
