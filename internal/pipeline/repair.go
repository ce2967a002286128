package pipeline

import "github.com/dyad-events/dyad"

// repairedConfidence scales the confidence of an event whose actors were
// read through damaged words: the completion is a guess from the story.
const repairedConfidence = 0.8

// markRepairs lists on each event the damaged words its source and target
// were read from (see actor.Matcher.Repair) and lowers its confidence.
func markRepairs(evs []dyad.Event) []dyad.Event {
	for i := range evs {
		ev := &evs[i]
		for _, a := range []dyad.Actor{ev.Source, ev.Target} {
			if a.Repaired != "" {
				ev.Repaired = append(ev.Repaired, a.Repaired)
			}
		}
		if len(ev.Repaired) > 0 {
			ev.Confidence *= repairedConfidence
		}
	}
	return evs
}
