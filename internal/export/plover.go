package export

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"

	"github.com/dyad-events/dyad"
)

// ploverRecord is one event in the PLOVER JSON layout: event type, mode and
// context; source and target actors with their agents; the sentence and
// story; where.
type ploverRecord struct {
	EventID      string       `json:"event_id"`
	EventDate    string       `json:"event_date"`
	EventType    string       `json:"event_type"`
	EventMode    string       `json:"event_mode,omitempty"`
	EventContext []string     `json:"event_context,omitempty"`
	SourceActor  string       `json:"source_actor"`
	SourceAgent  string       `json:"source_agent,omitempty"`
	SourceText   string       `json:"source_text,omitempty"`
	TargetActor  string       `json:"target_actor"`
	TargetAgent  string       `json:"target_agent,omitempty"`
	TargetText   string       `json:"target_text,omitempty"`
	EventText    string       `json:"event_text"`
	StoryID      string       `json:"story_id"`
	SentenceID   int          `json:"sentence_id"`
	StoryURL     string       `json:"story_url,omitempty"`
	StorySource  string       `json:"story_source,omitempty"`
	Modality     string       `json:"modality"`
	Confidence   float64      `json:"confidence"`
	Location     *ploverPlace `json:"location,omitempty"`
	CAMEO        string       `json:"cameo_code"`
}

type ploverPlace struct {
	Name    string  `json:"name"`
	Country string  `json:"country,omitempty"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// PLOVER writes one PLOVER event per line. Events with no PLOVER category
// are left out.
type PLOVER struct {
	bw  *bufio.Writer
	enc *json.Encoder
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

// WriteMeta writes ev with its document's URL and outlet.
func (p *PLOVER) WriteMeta(ev *dyad.Event, m *Meta) error {
	if ev.PLOVER.Event == "" {
		return nil
	}
	m = meta(m)
	rec := ploverRecord{EventID: ev.ID, EventDate: ev.Date, EventType: ev.PLOVER.Event, EventMode: ev.PLOVER.Mode,
		EventContext: ev.PLOVER.Context, SourceActor: ploverActor(ev.Source), SourceAgent: strings.Join(ev.Source.Sectors, ";"),
		SourceText: ev.Source.Text, TargetActor: ploverActor(ev.Target), TargetAgent: strings.Join(ev.Target.Sectors, ";"),
		TargetText: ev.Target.Text, EventText: ev.Text, StoryID: ev.DocID, SentenceID: ev.Sentence,
		StoryURL: m.URL, StorySource: m.Outlet, Modality: string(ev.Modality), Confidence: ev.Confidence, CAMEO: ev.CAMEO.Code}
	if l := ev.Location; l != nil {
		rec.Location = &ploverPlace{Name: l.Name, Country: l.Country, Lat: l.Lat, Lon: l.Lon}
	}
	return p.enc.Encode(&rec)
}

// Flush writes buffered output.
func (p *PLOVER) Flush() error { return p.bw.Flush() }

// ploverActor is the actor's country (or IGO code), else its code.
func ploverActor(a dyad.Actor) string {
	if a.Country != "" {
		return a.Country
	}
	return a.Code
}
