package dyad

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"
)

// DefaultPageSize is the number of records a Find method returns when the
// filter sets no Limit; MaxPageSize is the most it ever returns.
const (
	DefaultPageSize = 100
	MaxPageSize     = 10000
)

// EventStore is a queryable set of coded event mentions and the real-world
// events (clusters) they report. Implementations: internal/sqlite and internal/postgres.
//
// Every Find method pages with an opaque cursor: pass the returned cursor
// as EventFilter.After to get the next page; "" means there is none.
// Methods return an *Error with code EINVALID for a bad filter and
// ENOTFOUND for a missing id; anything else is internal.
type EventStore interface {
	// FindEventByID returns one event mention, its sentence in Text.
	// Returns ENOTFOUND if there is no event with that id.
	FindEventByID(ctx context.Context, id string) (*Event, error)

	// FindEvents returns the events matching f, ordered by date then id
	// (both descending when f.Desc is set), at most f.Limit of them, and
	// the cursor of the next page.
	FindEvents(ctx context.Context, f EventFilter) ([]*Event, string, error)

	// CountEvents returns how many events match f (After and Limit ignored).
	CountEvents(ctx context.Context, f EventFilter) (int, error)

	// Series buckets the events matching f by period: counts by quad
	// class, summed and mean Goldstein. Periods with no event are left
	// out. A one-dyad series sets f.Source and f.Target.
	Series(ctx context.Context, f EventFilter, by Interval) ([]SeriesPoint, error)

	// TopActors returns the actors taking part (as source or target) in
	// most events matching f, at most limit of them, most first.
	TopActors(ctx context.Context, f EventFilter, limit int) ([]ActorCount, error)

	// TopDyads returns the directed source→target pairs with most events
	// matching f, at most limit of them, most first.
	TopDyads(ctx context.Context, f EventFilter, limit int) ([]DyadCount, error)

	// Network returns the actor network of the events matching f: the
	// limit busiest directed dyads as edges and the actors they join.
	Network(ctx context.Context, f EventFilter, limit int) (*Network, error)

	// FindClusterByID returns one real-world event with its mention ids.
	// Returns ENOTFOUND if there is no cluster with that id.
	FindClusterByID(ctx context.Context, id int64) (*Cluster, error)

	// FindClusters returns the real-world events whose mentions match f
	// (fields about one mention, such as Text, are matched against any
	// of its mentions), ordered by date then id, with the next cursor.
	FindClusters(ctx context.Context, f EventFilter) ([]*Cluster, string, error)
}

// DocumentStore holds the documents a corpus was coded from, with their
// sentences, events and per-document errors.
type DocumentStore interface {
	// FindDocumentByID returns a stored document. Returns ENOTFOUND if
	// there is none.
	FindDocumentByID(ctx context.Context, id string) (*StoredDocument, error)

	// FindDocuments returns the documents matching f, ordered by id, and
	// the cursor of the next page.
	FindDocuments(ctx context.Context, f DocumentFilter) ([]*StoredDocument, string, error)

	// CreateDocuments stores each coded document with its sentences and
	// events in one transaction: a document is stored fully or not at
	// all. A document whose content hash or URL is already stored is
	// skipped. It returns how many documents were new.
	CreateDocuments(ctx context.Context, docs []*CodedDocument) (int, error)

	// ReplaceEvents swaps the stored events of a document for evs (a
	// re-coding) and reports what changed.
	ReplaceEvents(ctx context.Context, docID string, evs []Event) (*EventDiff, error)
}

// EventFilter selects events. A nil field does not filter. Actor codes
// match as prefixes ("USA" matches USAGOV); CAMEO codes match as prefixes
// too, so "03" selects the root and "036" the code.
type EventFilter struct {
	// Where in time: event dates, inclusive, YYYY-MM-DD.
	From *string `json:"from,omitempty"`
	To   *string `json:"to,omitempty"`

	// Who.
	Actor         *string `json:"actor,omitempty"`          // source or target
	Source        *string `json:"source,omitempty"`         // source actor code
	Target        *string `json:"target,omitempty"`         // target actor code
	Country       *string `json:"country,omitempty"`        // source or target country, ISO alpha-3
	SourceCountry *string `json:"source_country,omitempty"` // ISO alpha-3
	TargetCountry *string `json:"target_country,omitempty"` // ISO alpha-3
	// Undirected makes Source and Target also match the reverse pair
	// (a dyad in both directions).
	Undirected bool `json:"undirected,omitempty"`

	// What.
	CAMEO         *string   `json:"cameo,omitempty"`      // code or root, as a prefix
	PLOVER        *string   `json:"plover,omitempty"`     // category, e.g. CONSULT
	QuadClass     *int      `json:"quad_class,omitempty"` // 1–4
	Modality      *Modality `json:"modality,omitempty"`
	MinConfidence *float64  `json:"min_confidence,omitempty"`
	Text          *string   `json:"text,omitempty"` // words in the sentence (full-text search)

	// Provenance.
	DocID     *string `json:"doc_id,omitempty"`
	DocSource *string `json:"doc_source,omitempty"` // outlet, e.g. VOA
	ClusterID *int64  `json:"cluster_id,omitempty"`
	// DateSource keeps the events dated from a date expression in their
	// own sentence (DateFromText) or from their document's publication
	// date (DateFromPublication), which for a background mention of an
	// old event is not the event's date.
	DateSource *DateSource `json:"date_source,omitempty"`

	// Paging. Desc reads newest first: by date, then id, both descending
	// (undated events come last). A cursor continues the order of the
	// filter it came from; pass it with the same Desc.
	After string `json:"after,omitempty"` // cursor from the previous page
	Limit int    `json:"limit,omitempty"` // 0: DefaultPageSize; capped at MaxPageSize
	Desc  bool   `json:"desc,omitempty"`
}

// DocumentFilter selects documents. A nil field does not filter.
type DocumentFilter struct {
	Source   *string `json:"source,omitempty"`    // outlet
	From     *string `json:"from,omitempty"`      // publication date, inclusive, YYYY-MM-DD
	To       *string `json:"to,omitempty"`        // publication date, inclusive
	HasError *bool   `json:"has_error,omitempty"` // only documents that failed (or did not)
	After    string  `json:"after,omitempty"`
	Limit    int     `json:"limit,omitempty"`
}

// StoredDocument is a Document as the store keeps it.
type StoredDocument struct {
	Document
	Hash      string    `json:"hash"` // hex SHA-256 of Title and Text
	Ingested  time.Time `json:"ingested"`
	Sentences int       `json:"sentences"`
	Events    int       `json:"events"`
	Error     string    `json:"error,omitempty"` // why the document could not be read or coded
}

// CodedDocument is what CreateDocuments stores: a document, its sentences
// and events, or the error that stopped it (Doc may then carry only an ID).
type CodedDocument struct {
	Doc       *Document
	Sentences []Sentence
	Events    []Event
	Err       error
}

// EventDiff says what a re-coding changed in one document.
type EventDiff struct {
	Added   []Event    `json:"added,omitempty"`
	Removed []Event    `json:"removed,omitempty"`
	Recoded []Recoding `json:"recoded,omitempty"` // same sentence and dyad, another code
}

// Recoding is one event whose coding changed.
type Recoding struct {
	Old Event `json:"old"`
	New Event `json:"new"`
}

// Interval is the period of a time series.
type Interval string

// Intervals.
const (
	Day   Interval = "day"   // calendar day
	Week  Interval = "week"  // ISO week, starting Monday
	Month Interval = "month" // calendar month
)

// SeriesPoint is one period of a time series.
type SeriesPoint struct {
	Period        string  `json:"period"` // first day, YYYY-MM-DD
	Events        int     `json:"events"`
	Quad          [4]int  `json:"quad"` // events by quad class 1–4
	GoldsteinSum  float64 `json:"goldstein_sum"`
	GoldsteinMean float64 `json:"goldstein_mean"`
}

// ActorCount is an actor and the events it takes part in.
type ActorCount struct {
	Code    string `json:"code"`
	Country string `json:"country,omitempty"`
	Name    string `json:"name,omitempty"`
	Events  int    `json:"events"`
}

// DyadCount is a directed pair of actors and their events.
type DyadCount struct {
	Source        string  `json:"source"`
	Target        string  `json:"target"`
	Events        int     `json:"events"`
	Quad          [4]int  `json:"quad"`
	GoldsteinSum  float64 `json:"goldstein_sum"`
	GoldsteinMean float64 `json:"goldstein_mean"`
}

// Plus returns c with o's counts added (o's actors are not c's business).
func (c DyadCount) Plus(o DyadCount) DyadCount {
	c.Events += o.Events
	for i := range c.Quad {
		c.Quad[i] += o.Quad[i]
	}
	c.GoldsteinSum += o.GoldsteinSum
	return c
}

// RankDyads returns the pairs of sums that have events, busiest first
// (ties by source, then target), with their Goldstein means: the order
// of a store's top dyads.
func RankDyads(sums map[[2]string]DyadCount) []DyadCount {
	out := make([]DyadCount, 0, len(sums))
	for _, x := range sums {
		if x.Events > 0 {
			x.GoldsteinMean = x.GoldsteinSum / float64(x.Events)
			out = append(out, x)
		}
	}
	slices.SortFunc(out, func(a, b DyadCount) int {
		if a.Events != b.Events {
			return b.Events - a.Events
		}
		if c := strings.Compare(a.Source, b.Source); c != 0 {
			return c
		}
		return strings.Compare(a.Target, b.Target)
	})
	return out
}

// Network is the actor network of a set of events.
type Network struct {
	Nodes []ActorCount `json:"nodes"`
	Edges []DyadCount  `json:"edges"`
}

// Cluster is a real-world event: the mentions, across documents, that
// report the same dyad doing the same kind of thing at about the same time
// and place. Mentions, Documents and Sources count as GDELT's NumMentions,
// NumArticles and NumSources do, but across documents.
type Cluster struct {
	ID        int64    `json:"id"`
	Date      string   `json:"date"` // earliest mention date, YYYY-MM-DD
	LastDate  string   `json:"last_date"`
	Source    string   `json:"source"` // actor code
	Target    string   `json:"target"`
	CAMEO     string   `json:"cameo"` // most frequent code among the mentions
	Root      string   `json:"root"`
	QuadClass int      `json:"quad_class"`
	Goldstein float64  `json:"goldstein"`
	Place     *Place   `json:"place,omitempty"`
	Mentions  int      `json:"mentions"`
	Documents int      `json:"documents"`
	Sources   int      `json:"sources"` // distinct outlets; a document naming none counts as its own
	EventIDs  []string `json:"event_ids,omitempty"`
}

// ContentHash returns the hex SHA-256 of a document's title and text: the
// identity under which a store keeps it, whatever its id or file name.
func ContentHash(d *Document) string {
	h := sha256.New()
	h.Write([]byte(d.Title))
	h.Write([]byte{0})
	h.Write([]byte(d.Text))
	return hex.EncodeToString(h.Sum(nil))
}

// DocumentKeys holds what identifies the stored documents (content
// hashes, URLs and ids), so that an ingest can skip what it stored before
// without coding it again.
type DocumentKeys struct {
	Hashes map[string]bool
	URLs   map[string]bool
	IDs    map[string]bool
}

// NewDocumentKeys returns an empty set of keys.
func NewDocumentKeys() *DocumentKeys {
	return &DocumentKeys{Hashes: map[string]bool{}, URLs: map[string]bool{}, IDs: map[string]bool{}}
}

// Add records a document's id, content hash and URL; an empty URL
// identifies nothing and is not recorded.
func (k *DocumentKeys) Add(id, hash, url string) {
	k.IDs[id], k.Hashes[hash] = true, true
	if url != "" {
		k.URLs[url] = true
	}
}

// EventMeta is what a store knows of an event beyond its record, for
// exports: its cluster's size and its document's address, outlet,
// headline, publication time and time of storing.
type EventMeta struct {
	ClusterID                    int64
	Mentions, Sources, Documents int // of its cluster; 1 when not clustered
	URL, Outlet, Title           string
	Published                    time.Time // zero when unknown
	Ingested                     time.Time
	Lead                         bool // the sentence is in its story's first paragraph
}

// InLead reports whether the sentence with index idx starting at byte
// start is in its story's first paragraph, whose end is at byte brk (the
// first newline; -1 when the text has none, and then only the first
// sentence counts). GDELT's IsRootEvent marks the events of the lead.
func InLead(idx, start, brk int) bool {
	if brk < 0 || start < 0 {
		return idx == 0
	}
	return start < brk
}
