package export

import (
	"hash/fnv"
	"time"

	"github.com/dyad-events/dyad"
)

// Meta is what a store knows about an event beyond its record: the
// real-world event (cluster) it belongs to and its document.
type Meta struct {
	ClusterID int64     // 0 when not clustered
	Mentions  int       // mentions of the real-world event (GDELT NumMentions)
	Sources   int       // distinct outlets reporting it (NumSources)
	Articles  int       // distinct documents reporting it (NumArticles)
	URL       string    // the document's URL
	Outlet    string    // the document's source
	Added     time.Time // when the document was stored
}

// MetaWriter is a Writer that also uses what the store knows; exporters
// call WriteMeta when they have it and Write otherwise.
type MetaWriter interface {
	Writer
	WriteMeta(ev *dyad.Event, m *Meta) error
}

// meta returns m, or the counts of a lone mention when m is nil.
func meta(m *Meta) *Meta {
	if m == nil {
		return &Meta{Mentions: 1, Sources: 1, Articles: 1}
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
