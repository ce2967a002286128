package loadtest

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-events/dyad"
)

// Cases returns the load test's cases for the store: every documented
// /api/events filter, the combinations that were slow at a million events
// (docs/API.md, "Scale"), and the dashboard's aggregates. The values (an
// actor, a dyad, a month, a word) are read from the store itself: its
// busiest actor and dyad, a mid-ranked actor, its latest full month,
// common and rare words of its first sentences.
func Cases(ctx context.Context, st dyad.EventStore) ([]Case, error) {
	actors, err := st.TopActors(ctx, dyad.EventFilter{}, 30)
	if err != nil {
		return nil, err
	}
	dyads, err := st.TopDyads(ctx, dyad.EventFilter{}, 50)
	if err != nil {
		return nil, err
	}
	series, err := st.Series(ctx, dyad.EventFilter{}, dyad.Month)
	if err != nil {
		return nil, err
	}
	first, _, err := st.FindEvents(ctx, dyad.EventFilter{Limit: 200})
	if err != nil {
		return nil, err
	}
	if len(actors) == 0 || len(dyads) == 0 || len(series) < 2 || len(first) == 0 {
		return nil, dyad.Errorf(dyad.EINVALID, "the store is too small for a load test: load one with dyad bench store")
	}
	root := func(code string) string { return code[:min(3, len(code))] }
	top, mid := root(actors[0].Code), actors[len(actors)/2].Code
	country := actors[min(3, len(actors)-1)].Country
	src, tgt := root(dyads[0].Source), root(dyads[0].Target)
	for _, d := range dyads { // a dyad between two countries
		if root(d.Source) != root(d.Target) {
			src, tgt = root(d.Source), root(d.Target)
			break
		}
	}
	month := series[len(series)-2].Period // the last full month
	m0, _ := time.Parse(time.DateOnly, month)
	mEnd := m0.AddDate(0, 1, -1).Format(time.DateOnly)
	year := m0.AddDate(-1, 0, 0).Format(time.DateOnly)
	common, rare := words(first)
	after, err := deepCursor(ctx, st, dyad.EventFilter{Actor: &top}, 5)
	if err != nil {
		return nil, err
	}
	ev := func(name string, kv ...string) Case { return Case{Name: name, Path: "/api/events?" + query(kv...)} }
	return []Case{
		ev("events limit=100", "limit", "100"),
		ev("events actor", "actor", top),
		ev("events actor code", "actor", mid),
		ev("events actor month", "actor", top, "from", month, "to", mEnd),
		ev("events actor page 6", "actor", top, "after", after),
		ev("events actor count", "actor", top, "count", "true"),
		ev("events source", "source", top),
		ev("events target", "target", tgt),
		ev("events dyad quad cameo", "source", src, "target", tgt, "quad", "4", "cameo", "19"),
		ev("events dyad undirected", "source", src, "target", tgt, "undirected", "true"),
		ev("events country", "country", country),
		ev("events country mod conf cameo", "country", country, "modality", "asserted", "min_confidence", "0.5", "cameo", "19"),
		ev("events source_country", "source_country", country),
		ev("events cameo root", "cameo", "04"),
		ev("events cameo code", "cameo", "190"),
		ev("events plover", "plover", "CONSULT"),
		ev("events quad", "quad", "4"),
		ev("events modality", "modality", "negated"),
		ev("events min_confidence", "min_confidence", "0.9"),
		ev("events date range", "from", month, "to", mEnd),
		ev("events doc_id", "doc_id", first[0].DocID),
		{"event by id", "/api/events/" + url.PathEscape(first[len(first)/2].ID)},
		ev("events q common", "q", common),
		ev("events q rare", "q", rare),
		ev("events actor q", "actor", top, "q", common),
		{"series dyad month", "/api/series?" + query("source", src, "target", tgt, "interval", "month")},
		{"series actor week", "/api/series?" + query("actor", top, "interval", "week")},
		{"series all month", "/api/series?interval=month"},
		{"top actors all", "/api/top/actors"},
		{"top actors month", "/api/top/actors?" + query("from", month, "to", mEnd)},
		{"top dyads all", "/api/top/dyads"},
		{"top dyads year", "/api/top/dyads?" + query("from", year, "to", mEnd)},
		{"network month", "/api/network?" + query("from", month, "to", mEnd)},
	}, nil
}

// query encodes key, value pairs in their order.
func query(kv ...string) string {
	var parts []string
	for i := 0; i+1 < len(kv); i += 2 {
		parts = append(parts, url.QueryEscape(kv[i])+"="+url.QueryEscape(kv[i+1]))
	}
	return strings.Join(parts, "&")
}

// words returns the commonest word (five letters or more) of the events'
// sentences and a word found in only one of them.
func words(evs []*dyad.Event) (common, rare string) {
	n := map[string]int{}
	for _, ev := range evs {
		for _, w := range strings.FieldsFunc(strings.ToLower(ev.Text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if len(w) >= 5 {
				n[w]++
			}
		}
	}
	ws := make([]string, 0, len(n))
	for w := range n {
		ws = append(ws, w)
	}
	sort.Slice(ws, func(i, j int) bool { return n[ws[i]] > n[ws[j]] || n[ws[i]] == n[ws[j]] && ws[i] < ws[j] })
	if len(ws) == 0 {
		return "the", "the"
	}
	return ws[0], ws[len(ws)-1]
}

// deepCursor returns the cursor after pages pages of f.
func deepCursor(ctx context.Context, st dyad.EventStore, f dyad.EventFilter, pages int) (string, error) {
	for range pages {
		_, next, err := st.FindEvents(ctx, f)
		if err != nil {
			return "", fmt.Errorf("paging: %w", err)
		}
		if next == "" {
			break
		}
		f.After = next
	}
	return f.After, nil
}
