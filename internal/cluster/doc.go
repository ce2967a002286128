// Package cluster implements the step from event mentions to real-world
// events: mentions that report the same dyad doing the same kind of thing
// (CAMEO root) at about the same time and compatible places, across
// documents, are grouped into one dyad.Cluster with counts of mentions,
// documents and distinct outlets. It also implements Phoenix's one-a-day
// filter, which keeps one event per day, dyad and code.
//
// The method is greedy and deterministic: mentions are sorted by date; each
// joins the earliest open cluster of its key (source code, target code,
// root) that began at most Window days before it and whose place is
// compatible, or starts a new one. Places are compatible when either is
// unknown, or both are in the same country and within MaxKm of each other
// (or share a name when coordinates are missing). Measuring the start of
// the cluster, not its last mention, stops chains of daily reports from
// merging a month of fighting into one event.
package cluster
