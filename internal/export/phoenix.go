package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// PhoenixColumns are the columns of the Phoenix event table, in order:
// the tab-separated layout of the Phoenix and OEDA datasets, with a header
// row. Actor columns split a CAMEO code into its root (country or IGO),
// agent (first sector) and the rest.
var PhoenixColumns = []string{"EventID", "Date", "Year", "Month", "Day",
	"SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
	"TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
	"EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues",
	"Lat", "Lon", "LocationName", "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources"}

// Phoenix writes the Phoenix event table.
type Phoenix struct {
	bw     *bufio.Writer
	header bool
}

// NewPhoenix returns a Phoenix writer on w.
func NewPhoenix(w io.Writer) *Phoenix { return &Phoenix{bw: bufio.NewWriter(w)} }

// Write writes ev as one row.
func (p *Phoenix) Write(ev *dyad.Event) error { return p.WriteMeta(ev, nil) }

// WriteMeta writes ev with its document's URL and outlet.
func (p *Phoenix) WriteMeta(ev *dyad.Event, m *Meta) error {
	if !p.header {
		p.header = true
		if _, err := p.bw.WriteString(strings.Join(PhoenixColumns, "\t") + "\n"); err != nil {
			return err
		}
	}
	m = meta(m)
	d, _ := time.Parse("2006-01-02", ev.Date)
	row := []string{ev.ID, d.Format("20060102"), strconv.Itoa(d.Year()), strconv.Itoa(int(d.Month())), strconv.Itoa(d.Day())}
	if d.IsZero() {
		row = []string{ev.ID, "", "", "", ""}
	}
	row = append(row, phoenixActor(ev.Source)...)
	row = append(row, phoenixActor(ev.Target)...)
	row = append(row, ev.CAMEO.Code, ev.CAMEO.Root, strconv.Itoa(ev.CAMEO.QuadClass),
		strconv.FormatFloat(ev.CAMEO.Goldstein, 'f', 1, 64), "")
	name, country, lat, lon := placeFields(ev.Location)
	row = append(row, lat, lon, name, "", country, ev.DocID+"-"+strconv.Itoa(ev.Sentence), m.URL, m.Outlet)
	for i := range row {
		row[i] = clean(row[i])
	}
	_, err := p.bw.WriteString(strings.Join(row, "\t") + "\n")
	return err
}

// Flush writes buffered output.
func (p *Phoenix) Flush() error { return p.bw.Flush() }

// phoenixActor returns full code, entity (root), role (first sector) and
// attribute (remaining sectors).
func phoenixActor(a dyad.Actor) []string {
	code := a.Code
	entity := code
	if len(code) >= 3 {
		entity = code[:3]
	}
	role, attr := "", ""
	if len(a.Sectors) > 0 {
		role = a.Sectors[0]
		attr = strings.Join(a.Sectors[1:], ";")
	}
	return []string{code, entity, role, attr}
}
