package export

import (
	"encoding/json"
	"io"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/dyad-events/dyad"
)

// ParquetRow is one event as a row of the Parquet file, for DuckDB,
// Arrow (pandas, R's arrow), Spark and BigQuery: the CSV's columns and
// more, typed. The date is a DATE, the publication time a TIMESTAMP,
// sectors and PLOVER contexts are lists of strings, and what is unknown is
// NULL (an empty string only where the value is empty text). ParquetDocs
// documents every column; the file carries it as key-value metadata
// "dyad.columns" (a JSON object from column name to description).
type ParquetRow struct {
	ID            string     `parquet:"id"`
	DocID         string     `parquet:"doc_id"`
	Sentence      int32      `parquet:"sentence"`
	Date          *int32     `parquet:"date,date"` // days since 1970-01-01
	DatePrecision *string    `parquet:"date_precision,optional"`
	DateSource    *string    `parquet:"date_source,optional"`
	SourceCode    *string    `parquet:"source_code,optional"`
	SourceCountry *string    `parquet:"source_country,optional"`
	SourceSectors []string   `parquet:"source_sectors,list"`
	SourceName    *string    `parquet:"source_name,optional"`
	SourceText    *string    `parquet:"source_text,optional"`
	TargetCode    *string    `parquet:"target_code,optional"`
	TargetCountry *string    `parquet:"target_country,optional"`
	TargetSectors []string   `parquet:"target_sectors,list"`
	TargetName    *string    `parquet:"target_name,optional"`
	TargetText    *string    `parquet:"target_text,optional"`
	CAMEO         string     `parquet:"cameo"`
	CAMEORoot     string     `parquet:"cameo_root"`
	CAMEOName     *string    `parquet:"cameo_name,optional"`
	Goldstein     float64    `parquet:"goldstein"`
	QuadClass     int32      `parquet:"quad_class"`
	PLOVER        *string    `parquet:"plover,optional"`
	PLOVERMode    *string    `parquet:"plover_mode,optional"`
	PLOVERContext []string   `parquet:"plover_context,list"`
	Modality      string     `parquet:"modality"`
	Confidence    float64    `parquet:"confidence"`
	Verb          *string    `parquet:"verb,optional"`
	Place         *string    `parquet:"place,optional"`
	PlaceCountry  *string    `parquet:"place_country,optional"`
	Lat           *float64   `parquet:"lat,optional"`
	Lon           *float64   `parquet:"lon,optional"`
	QuoteSpeaker  *string    `parquet:"quote_speaker,optional"`
	ClusterID     *int64     `parquet:"cluster_id,optional"`
	Mentions      int32      `parquet:"mentions"`
	Sources       int32      `parquet:"sources"`
	Articles      int32      `parquet:"articles"`
	URL           *string    `parquet:"url,optional"`
	Outlet        *string    `parquet:"outlet,optional"`
	Title         *string    `parquet:"title,optional"`
	Published     *time.Time `parquet:"published,optional,timestamp(millisecond)"`
	Text          string     `parquet:"text"`
}

// ParquetDocs describes each column of ParquetRow.
var ParquetDocs = map[string]string{
	"id":             "event mention id: doc_id:sentence:n",
	"doc_id":         "story id",
	"sentence":       "0-based sentence index in the story",
	"date":           "event date; the first day of the period for week, month and year precision; NULL when unknown",
	"date_precision": "day, week, month or year",
	"date_source":    "text (a date expression in the sentence) or publication (the story's date)",
	"source_code":    "source actor's CAMEO-style code, e.g. USAGOV; NULL when there is none",
	"source_country": "source actor's ISO 3166 alpha-3 country, or IGO code",
	"source_sectors": "source actor's sectors, e.g. [GOV]",
	"source_name":    "source actor's canonical name",
	"source_text":    "the words that named the source actor",
	"target_code":    "target actor's code; NULL for one-sided events",
	"target_country": "target actor's country or IGO code",
	"target_sectors": "target actor's sectors",
	"target_name":    "target actor's canonical name",
	"target_text":    "the words that named the target actor",
	"cameo":          "CAMEO event code, text with leading zeros (e.g. 036)",
	"cameo_root":     "CAMEO root code, two digits",
	"cameo_name":     "dyad's short name of the CAMEO code",
	"goldstein":      "Goldstein scale value, -10 (conflict) to +10 (cooperation)",
	"quad_class":     "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
	"plover":         "PLOVER event category; NULL when CAMEO's code has none",
	"plover_mode":    "PLOVER mode",
	"plover_context": "PLOVER contexts",
	"modality":       "asserted, negated, future, hypothetical or historical",
	"confidence":     "dyad's confidence in the event, 0 to 1",
	"verb":           "the verb or event noun as it appears",
	"place":          "name of the event's place",
	"place_country":  "ISO alpha-3 country of the place",
	"lat":            "latitude of the place, decimal degrees",
	"lon":            "longitude of the place, decimal degrees",
	"quote_speaker":  "code of the speaker when the event is in a quotation",
	"cluster_id":     "real-world event (cluster of mentions) the mention belongs to; NULL when unclustered",
	"mentions":       "mentions of the real-world event (GDELT's NumMentions)",
	"sources":        "outlets reporting it (NumSources)",
	"articles":       "stories reporting it (NumArticles)",
	"url":            "the story's URL",
	"outlet":         "the story's outlet",
	"title":          "the story's headline",
	"published":      "the story's publication time, UTC",
	"text":           "the sentence",
}

// Parquet writes a Parquet file, compressed with Zstandard. Rows are
// buffered into row groups; Flush closes the file, so call it once.
type Parquet struct {
	pw  *parquet.GenericWriter[ParquetRow]
	buf []ParquetRow
}

// NewParquet returns a Parquet writer on w.
func NewParquet(w io.Writer) *Parquet {
	docs, _ := json.Marshal(ParquetDocs)
	return &Parquet{pw: parquet.NewGenericWriter[ParquetRow](w, parquet.Compression(&parquet.Zstd),
		parquet.KeyValueMetadata("dyad.columns", string(docs)),
		parquet.KeyValueMetadata("dyad.schema", "1"))}
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
	r := ParquetRow{ID: ev.ID, DocID: ev.DocID, Sentence: int32(ev.Sentence),
		DatePrecision: str(string(ev.DatePrecision)), DateSource: str(string(ev.DateSource)),
		SourceCode: str(ev.Source.Code), SourceCountry: str(ev.Source.Country), SourceSectors: ev.Source.Sectors,
		SourceName: str(ev.Source.Name), SourceText: str(ev.Source.Text),
		TargetCode: str(ev.Target.Code), TargetCountry: str(ev.Target.Country), TargetSectors: ev.Target.Sectors,
		TargetName: str(ev.Target.Name), TargetText: str(ev.Target.Text),
		CAMEO: ev.CAMEO.Code, CAMEORoot: ev.CAMEO.Root, CAMEOName: str(ev.CAMEO.Name), Goldstein: ev.CAMEO.Goldstein,
		QuadClass: int32(ev.CAMEO.QuadClass), PLOVER: str(ev.PLOVER.Event), PLOVERMode: str(ev.PLOVER.Mode),
		PLOVERContext: ev.PLOVER.Context, Modality: string(ev.Modality), Confidence: ev.Confidence,
		Verb: str(ev.Evidence.Verb), Mentions: int32(m.Mentions), Sources: int32(m.Sources), Articles: int32(m.Documents),
		URL: str(m.URL), Outlet: str(m.Outlet), Title: str(m.Title), Text: ev.Text}
	if d, err := time.Parse(time.DateOnly, ev.Date); err == nil {
		days := int32(d.Unix() / 86400)
		r.Date = &days
	}
	if !m.Published.IsZero() {
		t := m.Published.UTC()
		r.Published = &t
	}
	if m.ClusterID != 0 {
		id := m.ClusterID
		r.ClusterID = &id
	}
	if l := ev.Location; l != nil {
		lat, lon := l.Lat, l.Lon
		r.Place, r.PlaceCountry, r.Lat, r.Lon = str(l.Name), str(l.Country), &lat, &lon
	}
	if ev.Quote != nil && ev.Quote.Speaker.Code != "" {
		r.QuoteSpeaker = str(ev.Quote.Speaker.Code)
	}
	return r
}

// str returns a pointer to s, nil when s is empty: NULL in the file.
func str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
