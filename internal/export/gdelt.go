package export

import (
	"bufio"
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// GDELTColumns are the 61 columns of the GDELT 2.0 event table, in order.
// The file has no header row, as GDELT's own files do.
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// GDELT writes the GDELT 2.0 event table: tab-separated, 61 columns, no
// header, one row per real-world event (a cluster of mentions; an
// unclustered mention is an event of its own), as GDELT ships it. Its
// mentions are in the table GDELTMentions writes, joined on GLOBALEVENTID.
//
// The row takes its fields from the event's first mention: the earliest
// published, then the first in story and sentence order. GLOBALEVENTID is
// the store's cluster id (NumericID of the mention's id when unclustered),
// stable between exports until the next ingest regroups the mentions.
// IsRootEvent is 1 when any mention stands in its story's first paragraph
// (GDELT's lead). DATEADDED is when the event was first reported: the
// earliest publication time of its mentions, else the time the first was
// stored (GDELT's is when its crawler first saw it). Country codes are ISO
// 3166 alpha-3 (GDELT's geography columns use FIPS); AvgTone is empty, as
// dyad does not score tone; the ADM codes are empty. Rows are written in
// date order when Flush is called.
type GDELT struct {
	bw     *bufio.Writer
	events map[int64]*gdeltEvent
}

// gdeltEvent is one real-world event being gathered.
type gdeltEvent struct {
	id    int64
	first *dyad.Event
	meta  Meta
	added time.Time // earliest publication, else storing
	root  bool
}

// NewGDELT returns a GDELT event-table writer on w.
func NewGDELT(w io.Writer) *GDELT {
	return &GDELT{bw: bufio.NewWriter(w), events: map[int64]*gdeltEvent{}}
}

// Write adds ev as a lone mention.
func (g *GDELT) Write(ev *dyad.Event) error { return g.WriteMeta(ev, nil) }

// WriteMeta adds ev to its real-world event.
func (g *GDELT) WriteMeta(ev *dyad.Event, m *Meta) error {
	gatherEvent(g.events, ev, m)
	return nil
}

// Written returns the number of real-world events gathered.
func (g *GDELT) Written() (int, string) { return len(g.events), "real-world events" }

// Flush writes one row per real-world event.
func (g *GDELT) Flush() error {
	for _, e := range sortedEvents(g.events) {
		if _, err := g.bw.WriteString(strings.Join(gdeltEventRow(e), "\t") + "\n"); err != nil {
			return err
		}
	}
	return g.bw.Flush()
}

// GlobalEventID is the GLOBALEVENTID of the real-world event ev belongs to.
func GlobalEventID(ev *dyad.Event, m *Meta) int64 {
	if m != nil && m.ClusterID != 0 {
		return m.ClusterID
	}
	return NumericID(ev.ID)
}

// gatherEvent adds one mention to its real-world event in events.
func gatherEvent(events map[int64]*gdeltEvent, ev *dyad.Event, m *Meta) *gdeltEvent {
	m = meta(m)
	id := GlobalEventID(ev, m)
	added := m.Published
	if added.IsZero() {
		added = m.Ingested
	}
	e := events[id]
	if e == nil {
		e = &gdeltEvent{id: id, first: ev, meta: *m, added: added}
		events[id] = e
	} else if earlier(ev, m, e) {
		e.first, e.meta = ev, *m
	}
	if !added.IsZero() && (e.added.IsZero() || added.Before(e.added)) {
		e.added = added
	}
	e.root = e.root || m.Lead
	return e
}

// earlier reports whether ev (with m) comes before e's first mention.
func earlier(ev *dyad.Event, m *Meta, e *gdeltEvent) bool {
	a, b := m.Published, e.meta.Published
	if !a.Equal(b) {
		return !a.IsZero() && (b.IsZero() || a.Before(b))
	}
	if ev.DocID != e.first.DocID {
		return ev.DocID < e.first.DocID
	}
	return ev.Sentence < e.first.Sentence
}

// sortedEvents returns the events by date, then id.
func sortedEvents(events map[int64]*gdeltEvent) []*gdeltEvent {
	out := make([]*gdeltEvent, 0, len(events))
	for _, e := range events {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b *gdeltEvent) int {
		if c := strings.Compare(a.first.Date, b.first.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	return out
}

// GDELTRow returns the 61 fields of the row of a real-world event with
// the one mention ev.
func GDELTRow(ev *dyad.Event, m *Meta) []string {
	return gdeltEventRow(gatherEvent(map[int64]*gdeltEvent{}, ev, m))
}

// gdeltEventRow returns the 61 fields of e's row, each cleaned of tabs and
// newlines.
func gdeltEventRow(e *gdeltEvent) []string {
	ev, m := e.first, &e.meta
	d, _ := time.Parse(time.DateOnly, ev.Date)
	row := make([]string, 0, len(GDELTColumns))
	row = append(row, strconv.FormatInt(e.id, 10))
	if d.IsZero() {
		row = append(row, "", "", "", "")
	} else {
		row = append(row, d.Format("20060102"), d.Format("200601"), d.Format("2006"), strconv.FormatFloat(FractionDate(d), 'f', 4, 64))
	}
	row = append(row, gdeltActor(ev.Source)...)
	row = append(row, gdeltActor(ev.Target)...)
	root := "0"
	if e.root {
		root = "1"
	}
	base := ev.CAMEO.Code
	if len(base) > 3 {
		base = base[:3]
	}
	row = append(row, root, ev.CAMEO.Code, base, ev.CAMEO.Root, strconv.Itoa(ev.CAMEO.QuadClass),
		strconv.FormatFloat(ev.CAMEO.Goldstein, 'f', 1, 64),
		strconv.Itoa(m.Mentions), strconv.Itoa(m.Sources), strconv.Itoa(m.Documents), "")
	row = append(row, gdeltGeo(nil)...)
	row = append(row, gdeltGeo(nil)...)
	row = append(row, gdeltGeo(ev.Location)...)
	url := m.URL
	if url == "" {
		url = ev.DocID
	}
	row = append(row, gdeltTime(e.added), url)
	for i, f := range row {
		row[i] = clean(f)
	}
	return row
}

// FractionDate is GDELT's YYYY.FFFF: the year plus the fraction of it
// gone by at the start of day d, so 31 December stays in its year.
func FractionDate(d time.Time) float64 {
	days := time.Date(d.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC).Sub(time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24
	return float64(d.Year()) + float64(d.YearDay()-1)/days
}

// gdeltTime formats t as GDELT's YYYYMMDDHHMMSS in UTC, empty when zero.
func gdeltTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("20060102150405")
}

// gdeltActor returns the ten actor columns.
func gdeltActor(a dyad.Actor) []string {
	types := make([]string, 3)
	copy(types, a.Sectors)
	group := ""
	if strings.HasPrefix(a.Code, "IGO") || strings.HasPrefix(a.Code, "NGO") {
		group = strings.TrimPrefix(strings.TrimPrefix(a.Code, "IGO"), "NGO")
	}
	return []string{a.Code, strings.ToUpper(a.Name), a.Country, group, "", "", "", types[0], types[1], types[2]}
}

// gdeltGeo returns the eight geography columns: type 1 for a country,
// 4 for a place with coordinates, 0 when unknown.
func gdeltGeo(p *dyad.Place) []string {
	if p == nil {
		return []string{"0", "", "", "", "", "", "", ""}
	}
	typ := "4"
	if p.Lat == 0 && p.Lon == 0 {
		typ = "1"
	}
	fid := ""
	if p.GeoNamesID != 0 {
		fid = strconv.Itoa(p.GeoNamesID)
	}
	return []string{typ, p.Name, p.Country, "", "",
		strconv.FormatFloat(p.Lat, 'f', 4, 64), strconv.FormatFloat(p.Lon, 'f', 4, 64), fid}
}
