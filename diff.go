package dyad

// DiffEvents compares the old and new events of one document. Events match on
// sentence, source and target; a match with another CAMEO code or
// modality is a recoding. Both stores and `dyad recode` use it.
func DiffEvents(old []*Event, evs []Event) *EventDiff {
	type key struct {
		sent     int
		src, tgt string
	}
	k := func(e *Event) key { return key{e.Sentence, e.Source.primaryCode(), e.Target.primaryCode()} }
	byKey := map[key][]*Event{}
	for _, e := range old {
		byKey[k(e)] = append(byKey[k(e)], e)
	}
	diff := &EventDiff{}
	for i := range evs {
		e := &evs[i]
		cands := byKey[k(e)]
		if len(cands) == 0 {
			diff.Added = append(diff.Added, *e)
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
			diff.Recoded = append(diff.Recoded, Recoding{Old: *o, New: *e})
		}
	}
	for _, e := range old {
		for _, o := range byKey[k(e)] {
			if o == e {
				diff.Removed = append(diff.Removed, *e)
			}
		}
	}
	return diff
}

// primaryCode returns a's code, or its first member's when it has none.
func (a Actor) primaryCode() string {
	if a.Code == "" && len(a.Members) > 0 {
		return a.Members[0].Code
	}
	return a.Code
}
