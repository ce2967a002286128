// Package stream implements dyad's work queue on NATS JetStream: a
// Publisher that puts documents on a stream, a Worker that pulls, codes
// and stores them, and an embedded NATS server for single machines.
//
// The guarantees come from JetStream and the store together. A worker
// acknowledges a message only after the transaction holding its events
// has committed, so a crash at any point leaves the message unacknowledged
// and JetStream redelivers it after AckWait. A redelivered document that
// had been stored before the crash is skipped by the store (documents are
// unique by content hash), so every document is stored exactly once
// though it may be coded more than once. A document that fails to code
// MaxDeliver times, or whose message keeps coming back without ever being
// acknowledged (a worker dies on it), goes to the dead-letter subject and
// into the store's errors table.
//
// The document stream uses work-queue retention: a message is removed
// once acknowledged. Publishers set the content hash as the message id,
// so a retried publish within the duplicate window is stored once.
package stream
