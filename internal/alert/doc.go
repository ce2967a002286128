// Package alert implements escalation alerts: weeks in which the conflict
// between two actors departs sharply from the dyad's own recent history.
//
// # Method
//
// For one directed dyad, the weekly conflict intensity is the summed
// Goldstein magnitude of its conflict events (quad classes 3 and 4), a
// non-negative number: a week of one threat (-4) and one attack (-10)
// scores 14. Weeks without conflict score 0; they are history too, so the
// caller's series may leave them out and Detect fills them in.
//
// Each week is compared with the Window weeks before it (not including
// itself). Its robust z-score is
//
//	z = (x - median) / scale,   scale = max(1.4826·MAD, MinScale)
//
// where MAD is the median absolute deviation of the trailing window. The
// median and MAD ignore one-off spikes in the history that a mean and a
// standard deviation would absorb, and 1.4826 makes the scale comparable
// to a standard deviation for normal data. MinScale keeps a quiet dyad
// (a history of zeros, MAD 0) from alerting on one stray event. A week is
// flagged when z ≥ Threshold, its intensity is at least MinIntensity, and
// at least MinHistory weeks of history precede it (a dyad first seen this
// week has no baseline to depart from).
//
// Only escalation is flagged: a drop in conflict is news, but not an
// alert.
//
// # Which events
//
// A week must count the events that happened in it. An event dated by a
// date expression in its own sentence (dyad.DateFromText) did; one dated
// by its story's publication (dyad.DateFromPublication) is often a
// background mention of something older, and a burst of stories recalling
// an old war would read as this week's escalation. The caller therefore
// builds the weeks from text-dated events only: the server's alerts ask
// the store with EventFilter.DateSource set to DateFromText.
package alert
