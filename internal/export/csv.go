package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
)

// CSVColumns are the columns of the CSV table, in order.
var CSVColumns = []string{"id", "doc_id", "sentence", "date", "date_precision",
	"source_code", "source_country", "source_name", "source_text",
	"target_code", "target_country", "target_name", "target_text",
	"cameo", "cameo_root", "cameo_name", "goldstein", "quad_class",
	"plover", "plover_mode", "plover_context", "modality", "confidence",
	"place", "place_country", "lat", "lon", "quote_speaker",
	"cluster_id", "mentions", "sources", "articles", "url", "outlet", "text"}

// CSV writes an RFC 4180 table with a header row.
type CSV struct {
	cw     *csv.Writer
	header bool
}

// NewCSV returns a CSV writer on w.
func NewCSV(w io.Writer) *CSV { return &CSV{cw: csv.NewWriter(w)} }

// Write writes ev as one row.
func (c *CSV) Write(ev *dyad.Event) error { return c.WriteMeta(ev, nil) }

// WriteMeta writes ev as one row with its cluster counts and document.
func (c *CSV) WriteMeta(ev *dyad.Event, m *Meta) error {
	if !c.header {
		c.header = true
		if err := c.cw.Write(CSVColumns); err != nil {
			return err
		}
	}
	m = meta(m)
	place, pc, lat, lon := placeFields(ev.Location)
	speaker := ""
	if ev.Quote != nil {
		speaker = ActorCode(ev.Quote.Speaker)
	}
	return c.cw.Write([]string{ev.ID, ev.DocID, strconv.Itoa(ev.Sentence), ev.Date, string(ev.DatePrecision),
		ev.Source.Code, ev.Source.Country, ev.Source.Name, ev.Source.Text,
		ev.Target.Code, ev.Target.Country, ev.Target.Name, ev.Target.Text,
		ev.CAMEO.Code, ev.CAMEO.Root, ev.CAMEO.Name, ftoa(ev.CAMEO.Goldstein), strconv.Itoa(ev.CAMEO.QuadClass),
		ev.PLOVER.Event, ev.PLOVER.Mode, strings.Join(ev.PLOVER.Context, ";"), string(ev.Modality), ftoa(ev.Confidence),
		place, pc, lat, lon, speaker,
		itoa64(m.ClusterID), strconv.Itoa(m.Mentions), strconv.Itoa(m.Sources), strconv.Itoa(m.Documents), m.URL, m.Outlet, ev.Text})
}

// Flush writes buffered output.
func (c *CSV) Flush() error {
	c.cw.Flush()
	return c.cw.Error()
}

// placeFields returns name, country, lat and lon of p, empty when nil.
func placeFields(p *dyad.Place) (name, country, lat, lon string) {
	if p == nil {
		return "", "", "", ""
	}
	return p.Name, p.Country, strconv.FormatFloat(p.Lat, 'f', 4, 64), strconv.FormatFloat(p.Lon, 'f', 4, 64)
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func itoa64(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}
