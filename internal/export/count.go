package export

import "fmt"

// Counter is a Writer whose records are not one per event: PLOVER leaves
// out events with no PLOVER category, the GDELT event table writes one row
// per real-world event. Written returns the records written so far and
// what they are ("PLOVER events", "real-world events").
type Counter interface {
	Written() (n int, what string)
}

// Summary is the line an export ends with: what w wrote, from how many
// stored event mentions.
func Summary(w Writer, mentions int) string {
	if c, ok := w.(Counter); ok {
		n, what := c.Written()
		return fmt.Sprintf("%d %s written (from %d event mentions)", n, what, mentions)
	}
	return fmt.Sprintf("%d events written", mentions)
}
