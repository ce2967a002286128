package dyad

// SchemaVersion is the version of the JSON event record written by dyad.
// docs/FORMAT.md documents it; bump it on any incompatible change.
const SchemaVersion = 1

// Event is one coded event: who did what to whom, when and where, with the
// evidence for every field. Its JSON form is the event record of
// docs/FORMAT.md.
type Event struct {
	Schema   int    `json:"schema"`
	ID       string `json:"id"`       // doc_id:sentence:n, stable for a given input and coder
	DocID    string `json:"doc_id"`   // Document.ID
	Sentence int    `json:"sentence"` // Sentence.Index
	Text     string `json:"text"`     // the sentence

	Source Actor `json:"source"`
	Target Actor `json:"target"`

	CAMEO  CAMEO  `json:"cameo"`
	PLOVER PLOVER `json:"plover"`

	Date          string        `json:"date,omitempty"`           // YYYY-MM-DD (first day of the period for coarser precision)
	DatePrecision DatePrecision `json:"date_precision,omitempty"` // day, week, month, year
	DateSource    DateSource    `json:"date_source,omitempty"`    // text or publication
	Modality      Modality      `json:"modality"`
	Location      *Place        `json:"location,omitempty"`
	Quote         *Quote        `json:"quote,omitempty"`

	Confidence float64  `json:"confidence"` // in [0, 1]
	Evidence   Evidence `json:"evidence"`

	// Headline marks an event coded from the document's Title: its
	// Sentence is -1 and its spans index the Title, not the Text.
	Headline bool `json:"headline,omitempty"`
	// Repaired lists the damaged words the event's actors were read
	// through ("South" completed to South Korea); such events carry a
	// lower confidence.
	Repaired []string `json:"repaired,omitempty"`
}

// CAMEO is the CAMEO coding of an event.
type CAMEO struct {
	Code      string  `json:"code"`       // e.g. "036"
	Root      string  `json:"root"`       // e.g. "03"
	Name      string  `json:"name"`       // dyad's short name for the code
	Goldstein float64 `json:"goldstein"`  // -10 (conflict) to +10 (cooperation)
	QuadClass int     `json:"quad_class"` // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
}

// PLOVER is the PLOVER coding of an event.
type PLOVER struct {
	Event   string   `json:"event"`             // e.g. "CONSULT"
	Mode    string   `json:"mode,omitempty"`    // e.g. "visit"
	Context []string `json:"context,omitempty"` // e.g. ["diplomatic"]
}

// DatePrecision says how exactly an event's date is known.
type DatePrecision string

// Date precisions.
const (
	PrecisionDay   DatePrecision = "day"
	PrecisionWeek  DatePrecision = "week"
	PrecisionMonth DatePrecision = "month"
	PrecisionYear  DatePrecision = "year"
)

// DateSource says where an event's date came from.
type DateSource string

// Date sources.
const (
	DateFromText        DateSource = "text"        // a date expression in the sentence, or the story's day an earlier one named
	DateFromPublication DateSource = "publication" // the document's date
)

// Valid reports whether s is one of the date sources above.
func (s DateSource) Valid() bool { return s == DateFromText || s == DateFromPublication }

// Modality says whether an event is reported as having happened.
type Modality string

// Modalities.
const (
	Asserted     Modality = "asserted"     // reported as having happened
	Negated      Modality = "negated"      // "did not attack", "denied"
	Future       Modality = "future"       // intent or plan: "will", "vowed to"
	Hypothetical Modality = "hypothetical" // "could", "if", "would"
	Historical   Modality = "historical"   // well before publication
)

// Place is where an event happened.
type Place struct {
	Name       string  `json:"name"`
	Country    string  `json:"country,omitempty"` // ISO 3166 alpha-3
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	GeoNamesID int     `json:"geonames_id,omitempty"`
	Text       string  `json:"text,omitempty"` // the words that named it
	Span       *Span   `json:"span,omitempty"`
	Source     string  `json:"source,omitempty"` // clause or dateline
}

// Quote is a direct or indirect quotation and who said it.
type Quote struct {
	Text    string `json:"text"`
	Span    Span   `json:"span"`
	Speaker Actor  `json:"speaker"`
	Direct  bool   `json:"direct"` // in quotation marks
}

// Evidence records why an event was coded.
type Evidence struct {
	Rule     string `json:"rule"`              // the rule or pattern that fired, e.g. "verb:meet"
	Pattern  string `json:"pattern,omitempty"` // the dictionary entry, as written
	Verb     string `json:"verb"`              // the verb or event noun as it appears
	VerbSpan Span   `json:"verb_span"`
}
