package export

import (
	"io"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/dyad-events/dyad"
)

// ParquetRow is one event as a row of the Parquet file, flat for DuckDB,
// Spark and BigQuery.
type ParquetRow struct {
	ID            string   `parquet:"id"`
	DocID         string   `parquet:"doc_id"`
	Sentence      int32    `parquet:"sentence"`
	Date          string   `parquet:"date"`
	SourceCode    string   `parquet:"source_code"`
	SourceCountry string   `parquet:"source_country"`
	SourceText    string   `parquet:"source_text"`
	TargetCode    string   `parquet:"target_code"`
	TargetCountry string   `parquet:"target_country"`
	TargetText    string   `parquet:"target_text"`
	CAMEO         string   `parquet:"cameo"`
	CAMEORoot     string   `parquet:"cameo_root"`
	Goldstein     float64  `parquet:"goldstein"`
	QuadClass     int32    `parquet:"quad_class"`
	PLOVER        string   `parquet:"plover"`
	PLOVERMode    string   `parquet:"plover_mode"`
	PLOVERContext string   `parquet:"plover_context"`
	Modality      string   `parquet:"modality"`
	Confidence    float64  `parquet:"confidence"`
	Place         string   `parquet:"place"`
	PlaceCountry  string   `parquet:"place_country"`
	Lat           *float64 `parquet:"lat,optional"`
	Lon           *float64 `parquet:"lon,optional"`
	ClusterID     int64    `parquet:"cluster_id"`
	Mentions      int32    `parquet:"mentions"`
	Sources       int32    `parquet:"sources"`
	Articles      int32    `parquet:"articles"`
	URL           string   `parquet:"url"`
	Outlet        string   `parquet:"outlet"`
	Text          string   `parquet:"text"`
}

// Parquet writes a Parquet file, compressed with Zstandard. Rows are
// buffered into row groups; Flush closes the file, so call it once.
type Parquet struct {
	pw  *parquet.GenericWriter[ParquetRow]
	buf []ParquetRow
}

// NewParquet returns a Parquet writer on w.
func NewParquet(w io.Writer) *Parquet {
	return &Parquet{pw: parquet.NewGenericWriter[ParquetRow](w, parquet.Compression(&parquet.Zstd))}
}

// Write adds ev as a lone mention.
func (p *Parquet) Write(ev *dyad.Event) error { return p.WriteMeta(ev, nil) }

// WriteMeta adds ev with its cluster counts and document.
func (p *Parquet) WriteMeta(ev *dyad.Event, m *Meta) error {
	p.buf = append(p.buf, ParquetRowOf(ev, m))
	if len(p.buf) >= 4096 {
		return p.write()
	}
	return nil
}

func (p *Parquet) write() error {
	_, err := p.pw.Write(p.buf)
	p.buf = p.buf[:0]
	return err
}

// Flush writes the remaining rows and the file footer.
func (p *Parquet) Flush() error {
	if err := p.write(); err != nil {
		return err
	}
	return p.pw.Close()
}

// ParquetRowOf flattens ev into a row.
func ParquetRowOf(ev *dyad.Event, m *Meta) ParquetRow {
	m = meta(m)
	r := ParquetRow{ID: ev.ID, DocID: ev.DocID, Sentence: int32(ev.Sentence), Date: ev.Date,
		SourceCode: ev.Source.Code, SourceCountry: ev.Source.Country, SourceText: ev.Source.Text,
		TargetCode: ev.Target.Code, TargetCountry: ev.Target.Country, TargetText: ev.Target.Text,
		CAMEO: ev.CAMEO.Code, CAMEORoot: ev.CAMEO.Root, Goldstein: ev.CAMEO.Goldstein, QuadClass: int32(ev.CAMEO.QuadClass),
		PLOVER: ev.PLOVER.Event, PLOVERMode: ev.PLOVER.Mode, PLOVERContext: strings.Join(ev.PLOVER.Context, ";"),
		Modality: string(ev.Modality), Confidence: ev.Confidence,
		ClusterID: m.ClusterID, Mentions: int32(m.Mentions), Sources: int32(m.Sources), Articles: int32(m.Documents),
		URL: m.URL, Outlet: m.Outlet, Text: ev.Text}
	if l := ev.Location; l != nil {
		lat, lon := l.Lat, l.Lon
		r.Place, r.PlaceCountry, r.Lat, r.Lon = l.Name, l.Country, &lat, &lon
	}
	return r
}
