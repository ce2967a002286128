package export

import (
	"bufio"
	"io"
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

// GDELT writes the GDELT 2.0 event table: tab-separated, 61 columns, one
// row per event mention with the counts of its real-world event. Country
// codes are ISO 3166 alpha-3 (GDELT's geography columns use FIPS); AvgTone
// is 0, as dyad does not score tone; the ADM codes are empty.
type GDELT struct {
	bw *bufio.Writer
}

// NewGDELT returns a GDELT writer on w.
func NewGDELT(w io.Writer) *GDELT { return &GDELT{bw: bufio.NewWriter(w)} }

// Write writes ev as a lone mention.
func (g *GDELT) Write(ev *dyad.Event) error { return g.WriteMeta(ev, nil) }

// WriteMeta writes ev with its cluster counts and source URL.
func (g *GDELT) WriteMeta(ev *dyad.Event, m *Meta) error {
	_, err := g.bw.WriteString(strings.Join(GDELTRow(ev, m), "\t") + "\n")
	return err
}

// Flush writes buffered output.
func (g *GDELT) Flush() error { return g.bw.Flush() }

// GDELTRow returns the 61 fields of ev's row.
func GDELTRow(ev *dyad.Event, m *Meta) []string {
	m = meta(m)
	d, _ := time.Parse("2006-01-02", ev.Date)
	row := make([]string, 0, len(GDELTColumns))
	row = append(row, strconv.FormatInt(NumericID(ev.ID), 10))
	if d.IsZero() {
		row = append(row, "", "", "", "")
	} else {
		frac := float64(d.Year()) + float64(d.YearDay())/365
		row = append(row, d.Format("20060102"), d.Format("200601"), d.Format("2006"), strconv.FormatFloat(frac, 'f', 4, 64))
	}
	row = append(row, gdeltActor(ev.Source)...)
	row = append(row, gdeltActor(ev.Target)...)
	root := "0"
	if ev.Sentence == 0 {
		root = "1" // GDELT marks events of the lead paragraph
	}
	base := ev.CAMEO.Code
	if len(base) > 3 {
		base = base[:3]
	}
	row = append(row, root, ev.CAMEO.Code, base, ev.CAMEO.Root, strconv.Itoa(ev.CAMEO.QuadClass),
		strconv.FormatFloat(ev.CAMEO.Goldstein, 'f', 1, 64),
		strconv.Itoa(m.Mentions), strconv.Itoa(m.Sources), strconv.Itoa(m.Documents), "0")
	row = append(row, gdeltGeo(nil)...)
	row = append(row, gdeltGeo(nil)...)
	row = append(row, gdeltGeo(ev.Location)...)
	added := m.Ingested
	if added.IsZero() {
		added = d
	}
	url := m.URL
	if url == "" {
		url = ev.DocID
	}
	if added.IsZero() {
		return append(row, "", url)
	}
	return append(row, added.UTC().Format("20060102150405"), url)
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
