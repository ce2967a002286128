// Package cluster implements the step from event mentions to real-world
// events: mentions that report the same dyad doing the same kind of thing
// (CAMEO root) at about the same time and compatible places, across
// documents, are grouped into one dyad.Cluster with counts of mentions,
// documents and distinct outlets. It also implements Phoenix's one-a-day
// filter, which keeps one event per day, dyad and code.
//
// The method is greedy and deterministic: mentions are sorted by date; each
// joins the earliest open cluster with the same CAMEO root that began at
// most Window days before it, whose source and target are the same actors,
// and whose place is compatible; otherwise it starts a new cluster. Two
// actors are the same when both have a country and it is the same, or,
// when one lacks a country, when their sector codes agree ("COP" and
// "IRNCOP"): reports of one event code its actors at different depths.
// Places are compatible when either is unknown, or both are in the same
// country and within MaxKm of each other; a place known only to its
// country (no gazetteer id, such as a country's centroid) is compatible
// with any place in that country. Measuring the window from the start of the cluster, not its
// last mention, stops chains of daily reports from merging a month of
// fighting into one event. docs/CORPUS.md gives the measurement.
package cluster
