package export

import (
	"hash/fnv"

	"github.com/dyad-events/dyad"
)

// Meta is what a store knows about an event beyond its record: the
// real-world event (cluster) it belongs to — Mentions, Sources and
// Documents are GDELT's NumMentions, NumSources and NumArticles — and its
// document's URL, outlet and time of storing.
type Meta = dyad.EventMeta

// MetaWriter is a Writer that also uses what the store knows; exporters
// call WriteMeta when they have it and Write otherwise.
type MetaWriter interface {
	Writer
	WriteMeta(ev *dyad.Event, m *Meta) error
}

// meta returns m, or the counts of a lone mention when m is nil.
func meta(m *Meta) *Meta {
	if m == nil {
		return &Meta{Mentions: 1, Sources: 1, Documents: 1}
	}
	return m
}

// NumericID maps an event id to a positive integer for formats whose ids
// are numbers (GDELT's GLOBALEVENTID): the FNV-1a hash of the id in 53
// bits, so that it is exact in a float64 too.
func NumericID(id string) int64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return int64(h.Sum64() & (1<<53 - 1))
}
