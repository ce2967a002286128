// Package loadtest implements a bounded load test of the HTTP API: each
// case is requested by a fixed number of concurrent clients until it has
// been asked a set number of times or its time is up, and its latencies
// are summarised as percentiles (dyad bench api).
package loadtest
