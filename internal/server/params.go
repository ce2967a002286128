package server

import (
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// Shapes of the values a filter accepts; anything else is EINVALID before
// it reaches the store.
var (
	reActor   = regexp.MustCompile(`^[A-Z0-9]{1,30}$`)
	reCountry = regexp.MustCompile(`^[A-Z]{3}$`)
	reCAMEO   = regexp.MustCompile(`^[0-9]{1,4}$`)
	rePLOVER  = regexp.MustCompile(`^[A-Za-z_]{1,30}$`)
	reDyad    = regexp.MustCompile(`^[A-Z0-9]{1,30}-[A-Z0-9]{1,30}$`)
)

// maxText bounds the text search and other free-text parameters.
const maxText = 200

// params reads typed query parameters, collecting every problem so one
// response names them all.
type params struct {
	q      url.Values
	errs   []string
	strict bool            // err reports parameters nothing read (the API's)
	used   map[string]bool // the names read so far
}

// apiParams returns the parameters of an API request: a name the endpoint
// does not know is an error, as a misspelt filter would otherwise return
// everything.
func apiParams(r *http.Request) *params {
	return &params{q: r.URL.Query(), strict: true}
}

// get returns the trimmed value of a parameter and marks it as known.
func (p *params) get(name string) string {
	if p.used == nil {
		p.used = map[string]bool{}
	}
	p.used[name] = true
	return strings.TrimSpace(p.q.Get(name))
}

// err returns the collected problems as one EINVALID error, or nil. Call
// it after reading every parameter.
func (p *params) err() error {
	if p.strict {
		var unknown []string
		for name := range p.q {
			if !p.used[name] {
				unknown = append(unknown, name)
			}
		}
		slices.Sort(unknown)
		for _, name := range unknown {
			known := slices.Sorted(maps.Keys(p.used))
			p.bad(name, "unknown parameter (this endpoint takes %s)", takes(known))
		}
	}
	if len(p.errs) == 0 {
		return nil
	}
	return dyad.Errorf(dyad.EINVALID, "%s", strings.Join(p.errs, "; "))
}

func (p *params) bad(name, format string, args ...any) {
	p.errs = append(p.errs, name+": "+fmt.Sprintf(format, args...))
}

// isControl reports an ASCII control character other than tab and line
// breaks.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f
}

// str returns a parameter matching re, or nil when absent or empty. It
// upper-cases codes when upper is set.
func (p *params) str(name string, re *regexp.Regexp, upper bool) *string {
	v := p.get(name)
	if v == "" {
		return nil
	}
	// A NUL reached SQLite's full-text query as an unterminated string
	// (a 500); no parameter has a use for control bytes or broken UTF-8.
	if !utf8.ValidString(v) {
		p.bad(name, "not UTF-8")
		return nil
	}
	if i := strings.IndexFunc(v, isControl); i >= 0 {
		p.bad(name, "control character %q at byte %d", v[i], i)
		return nil
	}
	if upper {
		v = strings.ToUpper(v)
	}
	if re != nil && !re.MatchString(v) {
		p.bad(name, "bad value %q", v)
		return nil
	}
	if len(v) > maxText {
		p.bad(name, "longer than %d bytes", maxText)
		return nil
	}
	return &v
}

// date returns a YYYY-MM-DD parameter, or nil.
func (p *params) date(name string) *string {
	v := p.str(name, nil, false)
	if v == nil {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, *v); err != nil {
		p.bad(name, "want a date YYYY-MM-DD, got %q", *v)
		return nil
	}
	return v
}

// integer returns an integer parameter in [lo, hi], or def when absent.
func (p *params) integer(name string, def, lo, hi int) int {
	v := p.get(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		p.bad(name, "want an integer from %d to %d, got %q", lo, hi, v)
		return def
	}
	return n
}

// number returns a float parameter in [lo, hi], or nil.
func (p *params) number(name string, lo, hi float64) *float64 {
	v := p.get(name)
	if v == "" {
		return nil
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || x < lo || x > hi {
		p.bad(name, "want a number from %g to %g, got %q", lo, hi, v)
		return nil
	}
	return &x
}

// boolean returns a true/false parameter, false when absent.
func (p *params) boolean(name string) bool {
	v := p.get(name)
	if v == "" {
		return false
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		p.bad(name, "want true or false, got %q", v)
	}
	return b
}

// modalities are the values the modality parameter accepts.
var modalities = []dyad.Modality{dyad.Asserted, dyad.Negated, dyad.Future, dyad.Hypothetical, dyad.Historical}

// filter reads an EventFilter from the query; limit bounds its Limit.
func (p *params) filter(maxLimit int) dyad.EventFilter {
	f := dyad.EventFilter{
		From: p.date("from"), To: p.date("to"),
		Actor: p.str("actor", reActor, true), Source: p.str("source", reActor, true), Target: p.str("target", reActor, true),
		Country: p.str("country", reCountry, true), SourceCountry: p.str("source_country", reCountry, true),
		TargetCountry: p.str("target_country", reCountry, true),
		Undirected:    p.boolean("undirected"),
		CAMEO:         p.str("cameo", reCAMEO, false),
		PLOVER:        p.str("plover", rePLOVER, true),
		MinConfidence: p.number("min_confidence", 0, 1),
		Text:          p.str("q", nil, false),
		DocID:         p.str("doc_id", nil, false),
		DocSource:     p.str("doc_source", nil, false),
		After:         p.get("after"),
		Limit:         p.integer("limit", dyad.DefaultPageSize, 1, maxLimit),
	}
	if root := p.str("root", reCAMEO, false); f.CAMEO == nil {
		f.CAMEO = root
	}
	p.dyad(&f)
	if q := p.integer("quad", 0, 1, 4); q != 0 {
		f.QuadClass = &q
	}
	if m := p.str("modality", nil, false); m != nil {
		mod := dyad.Modality(strings.ToLower(*m))
		if !slices.Contains(modalities, mod) {
			p.bad("modality", "want one of asserted, negated, future, hypothetical, historical; got %q", *m)
		} else {
			f.Modality = &mod
		}
	}
	if v := p.get("date_source"); v != "" {
		ds := dyad.DateSource(strings.ToLower(v))
		if !ds.Valid() {
			p.bad("date_source", "want text or publication, got %q", v)
		} else {
			f.DateSource = &ds
		}
	}
	if c := p.integer("cluster", 0, 1, 1<<62); c != 0 {
		id := int64(c)
		f.ClusterID = &id
	}
	if len(f.After) > 500 {
		p.bad("after", "cursor too long")
	}
	if f.From != nil && f.To != nil && *f.From > *f.To {
		p.bad("from", "%s is after to %s", *f.From, *f.To)
	}
	return f
}

// DefaultSort is the order /api/events and the event pages list events
// in when the request names none: newest first.
const DefaultSort = "-date"

// order reads the sort parameter of an event list: date (oldest first)
// or -date (newest first, DefaultSort). It returns EventFilter.Desc.
func (p *params) order() bool {
	switch v := p.get("sort"); v {
	case "":
		return DefaultSort == "-date"
	case "date":
		return false
	case "-date":
		return true
	default:
		p.bad("sort", "want date (oldest first) or -date (newest first), got %q", v)
		return false
	}
}

// interval reads the interval parameter (default def).
func (p *params) interval(def dyad.Interval) dyad.Interval {
	switch v := strings.ToLower(p.get("interval")); v {
	case "":
		return def
	case "day", "daily":
		return dyad.Day
	case "week", "weekly":
		return dyad.Week
	case "month", "monthly":
		return dyad.Month
	default:
		p.bad("interval", "want day, week or month, got %q", v)
		return def
	}
}

// dyad reads the dyad parameter, SRC-TGT such as USA-CHN, into the
// filter's source and target (both directions with undirected=true).
func (p *params) dyad(f *dyad.EventFilter) {
	v := p.str("dyad", reDyad, true)
	if v == nil {
		return
	}
	if f.Source != nil || f.Target != nil {
		p.bad("dyad", "give either dyad or source and target")
		return
	}
	src, tgt, _ := strings.Cut(*v, "-")
	f.Source, f.Target = &src, &tgt
}

// takes lists the parameters an endpoint knows, "none" for none.
func takes(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
