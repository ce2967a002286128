package export

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/dyad-events/dyad"
)

// ploverRecord is one event with the field names of the PLOVER manual's
// JSON chapter (table "PLOVER JSON" and its entity, text, citation and
// location objects). Fields the manual does not name (modality,
// confidence, cameo, goldstein, story_id) are dyad's additions, which the
// manual allows.
type ploverRecord struct {
	ID        string          `json:"id"`
	Date      *string         `json:"date"` // null when the event has no date
	Actor     []ploverEntity  `json:"actor"`
	Recipient []ploverEntity  `json:"recipient,omitempty"`
	Event     []string        `json:"event"`
	EventLoc  *ploverLocation `json:"event_loc,omitempty"`
	EventText []string        `json:"event_text,omitempty"`
	QuadCode  int             `json:"quad_code,omitempty"`
	Mode      []string        `json:"mode,omitempty"`
	Context   []string        `json:"context,omitempty"`
	Text      string          `json:"text,omitempty"`
	TextInfo  ploverTextInfo  `json:"text_info"`
	CiteInfo  ploverCiteInfo  `json:"cite_info"`
	Coder     string          `json:"coder"`

	StoryID    string  `json:"story_id"`
	Modality   string  `json:"modality"`
	Confidence float64 `json:"confidence"`
	CAMEO      string  `json:"cameo"`
	Goldstein  float64 `json:"goldstein"`
}

// ploverEntity is the manual's entity object.
type ploverEntity struct {
	Code           string `json:"code"`
	Sector         string `json:"sector,omitempty"`
	EntityText     string `json:"entity_text,omitempty"`
	IdentifierText string `json:"identifier_text,omitempty"`
	FullCode       string `json:"full_code,omitempty"` // dyad's CAMEO-style code, e.g. USAGOV
}

// ploverTextInfo is the manual's text object: the sentence's place.
type ploverTextInfo struct {
	Sequence int `json:"sequence"` // 0-based sentence index
	Start    int `json:"start"`    // byte offsets of the event's verb in the story
	End      int `json:"end"`
}

// ploverCiteInfo is the manual's citation object.
type ploverCiteInfo struct {
	URL         string `json:"url,omitempty"`
	Title       string `json:"title,omitempty"`
	Publication string `json:"publication,omitempty"`
	Language    string `json:"language"`
	Codebook    string `json:"codebook"`
}

// ploverLocation is the manual's location object.
type ploverLocation struct {
	ExtractedPlace string  `json:"extracted_place,omitempty"`
	ResolvedPlace  string  `json:"resolved_place"`
	GeonameID      int     `json:"geonameid,omitempty"`
	Lat            float64 `json:"lat"`
	Lon            float64 `json:"lon"`
	CountryCode    string  `json:"country_code,omitempty"`
}

// PLOVER writes one PLOVER event per line. Events with no PLOVER category
// are left out.
type PLOVER struct {
	bw  *bufio.Writer
	enc *json.Encoder
	n   int
}

// NewPLOVER returns a PLOVER writer on w.
func NewPLOVER(w io.Writer) *PLOVER {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &PLOVER{bw: bw, enc: enc}
}

// Write writes ev as one line.
func (p *PLOVER) Write(ev *dyad.Event) error { return p.WriteMeta(ev, nil) }

// WriteMeta writes ev with its document's URL, headline and outlet.
func (p *PLOVER) WriteMeta(ev *dyad.Event, m *Meta) error {
	if ev.PLOVER.Event == "" {
		return nil
	}
	m = meta(m)
	rec := ploverRecord{ID: ev.ID, Actor: []ploverEntity{ploverActor(ev.Source)}, Event: []string{ev.PLOVER.Event},
		QuadCode: ev.CAMEO.QuadClass, Context: ev.PLOVER.Context, Text: ev.Text,
		TextInfo: ploverTextInfo{Sequence: ev.Sentence, Start: ev.Evidence.VerbSpan.Start, End: ev.Evidence.VerbSpan.End},
		CiteInfo: ploverCiteInfo{URL: m.URL, Title: m.Title, Publication: m.Outlet, Language: "en", Codebook: "PLOVER 0.8 via dyad's CAMEO mapping"},
		Coder:    "dyad", StoryID: ev.DocID, Modality: string(ev.Modality), Confidence: ev.Confidence,
		CAMEO: ev.CAMEO.Code, Goldstein: ev.CAMEO.Goldstein}
	if ev.Date != "" {
		rec.Date = &ev.Date
	}
	if !ev.Target.IsZero() {
		rec.Recipient = []ploverEntity{ploverActor(ev.Target)}
	}
	if ev.PLOVER.Mode != "" {
		rec.Mode = []string{ev.PLOVER.Mode}
	}
	if ev.Evidence.Verb != "" {
		rec.EventText = []string{ev.Evidence.Verb}
	}
	if l := ev.Location; l != nil {
		rec.EventLoc = &ploverLocation{ExtractedPlace: l.Text, ResolvedPlace: l.Name, GeonameID: l.GeoNamesID,
			Lat: l.Lat, Lon: l.Lon, CountryCode: l.Country}
	}
	p.n++
	return p.enc.Encode(&rec)
}

// Flush writes buffered output.
func (p *PLOVER) Flush() error { return p.bw.Flush() }

// Written returns the number of records written.
func (p *PLOVER) Written() (int, string) { return p.n, "PLOVER events" }

// ploverActor is the manual's entity object for a: its country (or IGO
// code) as code, else its own code; its first sector.
func ploverActor(a dyad.Actor) ploverEntity {
	e := ploverEntity{Code: a.Country, EntityText: a.Text, IdentifierText: a.Name, FullCode: a.Code}
	if e.Code == "" {
		e.Code = a.Code
	}
	if len(a.Sectors) > 0 {
		e.Sector = a.Sectors[0]
	}
	return e
}
