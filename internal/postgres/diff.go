package postgres

import "github.com/dyad-events/dyad"

// diff compares the old and new events of one document. Events match on
// sentence, source and target; a match with another CAMEO code or
// modality is a recoding. (The same rule as internal/sqlite's Diff.)
func diff(old []*dyad.Event, evs []dyad.Event) *dyad.EventDiff {
	type key struct {
		sent     int
		src, tgt string
	}
	k := func(e *dyad.Event) key { return key{e.Sentence, actorCode(e.Source), actorCode(e.Target)} }
	byKey := map[key][]*dyad.Event{}
	for _, e := range old {
		byKey[k(e)] = append(byKey[k(e)], e)
	}
	out := &dyad.EventDiff{}
	for i := range evs {
		e := &evs[i]
		cands := byKey[k(e)]
		if len(cands) == 0 {
			out.Added = append(out.Added, *e)
			continue
		}
		j := 0 // prefer an old event with the same code
		for n, c := range cands {
			if c.CAMEO.Code == e.CAMEO.Code {
				j = n
				break
			}
		}
		o := cands[j]
		byKey[k(e)] = append(cands[:j:j], cands[j+1:]...)
		if o.CAMEO.Code != e.CAMEO.Code || o.Modality != e.Modality {
			out.Recoded = append(out.Recoded, dyad.Recoding{Old: *o, New: *e})
		}
	}
	for _, e := range old {
		for _, o := range byKey[k(e)] {
			if o == e {
				out.Removed = append(out.Removed, *e)
			}
		}
	}
	return out
}
