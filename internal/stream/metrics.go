package stream

import "github.com/dyad-events/dyad/internal/metrics"

// workerMetrics are what a worker exports on /metrics.
type workerMetrics struct {
	docs, events, stored, duplicates       *metrics.Counter
	errors, storeErrors, dead, redelivered *metrics.Counter
	pending, ackPending, redeliveries      *metrics.Gauge
	codeSeconds, storeSeconds              *metrics.Histogram
}

func newWorkerMetrics(r *metrics.Registry) *workerMetrics {
	return &workerMetrics{
		docs:         r.Counter("dyad_worker_documents_total", "Documents coded and acknowledged."),
		events:       r.Counter("dyad_worker_events_total", "Events coded in acknowledged documents."),
		stored:       r.Counter("dyad_worker_documents_stored_total", "Documents new to the store."),
		duplicates:   r.Counter("dyad_worker_documents_duplicate_total", "Documents coded again but stored before (redeliveries, re-publishes)."),
		errors:       r.Counter("dyad_worker_code_errors_total", "Documents whose coding failed (each attempt)."),
		storeErrors:  r.Counter("dyad_worker_store_errors_total", "Failed store transactions (retried)."),
		dead:         r.Counter("dyad_worker_dead_letters_total", "Documents sent to the dead-letter subject."),
		redelivered:  r.Counter("dyad_worker_redelivered_total", "Messages received more than once."),
		pending:      r.Gauge("dyad_queue_pending", "Documents on the stream not yet delivered to a worker (queue lag)."),
		ackPending:   r.Gauge("dyad_queue_ack_pending", "Documents delivered to workers and not yet acknowledged."),
		redeliveries: r.Gauge("dyad_queue_redelivered", "Documents delivered more than once and not yet acknowledged."),
		codeSeconds:  r.Histogram("dyad_worker_code_seconds", "Time to code one document.", nil),
		storeSeconds: r.Histogram("dyad_worker_store_seconds", "Time to store one batch.", nil),
	}
}
