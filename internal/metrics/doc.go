// Package metrics implements counters, gauges and histograms written in
// the Prometheus text exposition format (version 0.0.4), for /metrics on
// `dyad serve` and `dyad worker`. It is a few hundred lines of the
// standard library rather than a client library: dyad needs no labels
// beyond constant ones, no push and no summaries.
package metrics
