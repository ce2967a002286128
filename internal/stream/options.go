package stream

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyad-events/dyad/internal/metrics"
)

// Defaults.
const (
	DefaultStream      = "DYAD_DOCS"      // the work queue of documents
	DefaultSubject     = "dyad.docs"      // where documents are published
	DefaultDeadStream  = "DYAD_DEAD"      // keeps the dead letters
	DefaultDeadSubject = "dyad.dead"      // where failed documents go
	DefaultConsumer    = "dyad-workers"   // the durable consumer workers share
	DefaultMaxDeliver  = 5                // deliveries before a document is dead
	DefaultAckWait     = 60 * time.Second // redelivery after a silent worker
	DefaultBatch       = 32               // messages fetched and committed at once
	DefaultDuplicates  = 10 * time.Minute // publish dedup window
	DefaultFetchWait   = 1 * time.Second  // longest wait of one fetch
	DefaultMaxPending  = 4096             // unacknowledged messages in flight, all workers
	DefaultSetupWait   = 60 * time.Second // how long to wait for a cluster to elect
	retryPause         = 250 * time.Millisecond
)

// Options configure publishers and workers. The zero value of a field
// means its default.
type Options struct {
	Stream, Subject         string
	DeadStream, DeadSubject string
	Consumer                string
	Replicas                int           // copies of each stream in a cluster; 1 on a single server
	MaxDeliver              int           // deliveries before a document goes to the dead letters
	AckWait                 time.Duration // silence after which a message is redelivered
	Batch                   int           // messages a worker fetches and commits at once
	Concurrency             int           // documents a worker codes in parallel; default NumCPU
	FetchWait               time.Duration
	MaxPending              int
	Duplicates              time.Duration
	SetupWait               time.Duration
	Logger                  *slog.Logger      // default: discard
	Metrics                 *metrics.Registry // default: a private registry
}

// DefaultOptions returns the defaults.
func DefaultOptions() Options {
	return Options{
		Stream: DefaultStream, Subject: DefaultSubject, DeadStream: DefaultDeadStream, DeadSubject: DefaultDeadSubject,
		Consumer: DefaultConsumer, Replicas: 1, MaxDeliver: DefaultMaxDeliver, AckWait: DefaultAckWait,
		Batch: DefaultBatch, Concurrency: runtime.NumCPU(), FetchWait: DefaultFetchWait, MaxPending: DefaultMaxPending,
		Duplicates: DefaultDuplicates, SetupWait: DefaultSetupWait,
	}
}

// withDefaults fills in the zero fields of o.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	set := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	set(&o.Stream, d.Stream)
	set(&o.Subject, d.Subject)
	set(&o.DeadStream, d.DeadStream)
	set(&o.DeadSubject, d.DeadSubject)
	set(&o.Consumer, d.Consumer)
	for _, p := range []struct{ v, d *int }{{&o.Replicas, &d.Replicas}, {&o.MaxDeliver, &d.MaxDeliver},
		{&o.Batch, &d.Batch}, {&o.Concurrency, &d.Concurrency}, {&o.MaxPending, &d.MaxPending}} {
		if *p.v <= 0 {
			*p.v = *p.d
		}
	}
	for _, p := range []struct{ v, d *time.Duration }{{&o.AckWait, &d.AckWait}, {&o.FetchWait, &d.FetchWait},
		{&o.Duplicates, &d.Duplicates}, {&o.SetupWait, &d.SetupWait}} {
		if *p.v <= 0 {
			*p.v = *p.d
		}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Metrics == nil {
		o.Metrics = metrics.NewRegistry()
	}
	return o
}

// Setup creates the document stream, the dead-letter stream and the
// workers' durable consumer where they are missing, and checks those that
// exist against the settings o gives explicitly, changing nothing (a
// *ConfigError says what differs). It returns the consumer and o with its
// AckWait taken from the consumer. A cluster that has not elected its
// leaders yet is waited for up to SetupWait.
func Setup(ctx context.Context, js jetstream.JetStream, o Options) (jetstream.Consumer, Options, error) {
	return setupUntil(ctx, js, nil, o, true)
}

// setupStreams is Setup without the consumer, for publishers: a consumer
// is the workers' to create and configure.
func setupStreams(ctx context.Context, js jetstream.JetStream, nc *nats.Conn, o Options) error {
	_, _, err := setupUntil(ctx, js, nc, o, false)
	return err
}

// setupUntil retries setup until it succeeds, finds a setting that
// differs, or SetupWait passes; or at once when nc (if not nil) was
// refused by the server: credentials do not get better by waiting.
func setupUntil(ctx context.Context, js jetstream.JetStream, nc *nats.Conn, asked Options, consumer bool) (jetstream.Consumer, Options, error) {
	o := asked.withDefaults()
	deadline := time.Now().Add(o.SetupWait)
	for {
		cons, err := setup(ctx, js, &o, asked, consumer)
		var ce *ConfigError
		if err == nil || errors.As(err, &ce) {
			return cons, o, err
		}
		if nc != nil && refused(nc.LastError()) {
			return nil, o, fmt.Errorf("set up streams: %w", nc.LastError())
		}
		if ctx.Err() != nil || time.Now().After(deadline) {
			return nil, o, fmt.Errorf("set up streams: %w", err)
		}
		o.Logger.Debug("streams not ready", "err", err)
		if err := sleep(ctx, retryPause); err != nil {
			return nil, o, err
		}
	}
}

// setup ensures the two streams and, with consumer, the consumer; it sets
// o.AckWait to the consumer's.
func setup(ctx context.Context, js jetstream.JetStream, o *Options, asked Options, consumer bool) (jetstream.Consumer, error) {
	if err := ensureStream(ctx, js, jetstream.StreamConfig{
		Name: o.Stream, Subjects: []string{o.Subject}, Storage: jetstream.FileStorage, Replicas: o.Replicas,
		Retention: jetstream.WorkQueuePolicy, Duplicates: o.Duplicates,
		Description: "dyad: documents waiting to be coded",
	}, asked.Replicas > 0); err != nil {
		return nil, fmt.Errorf("stream %s: %w", o.Stream, err)
	}
	if err := ensureStream(ctx, js, jetstream.StreamConfig{
		Name: o.DeadStream, Subjects: []string{o.DeadSubject}, Storage: jetstream.FileStorage, Replicas: o.Replicas,
		Description: "dyad: documents that failed repeatedly",
	}, asked.Replicas > 0); err != nil {
		return nil, fmt.Errorf("stream %s: %w", o.DeadStream, err)
	}
	if !consumer {
		return nil, nil
	}
	cons, ackWait, err := ensureConsumer(ctx, js, o.Stream, jetstream.ConsumerConfig{
		Durable: o.Consumer, AckPolicy: jetstream.AckExplicitPolicy, AckWait: o.AckWait,
		MaxDeliver: -1, MaxAckPending: o.MaxPending, Replicas: o.Replicas,
		Description: "dyad workers: code and store",
	}, asked)
	if err != nil {
		return nil, fmt.Errorf("consumer %s: %w", o.Consumer, err)
	}
	o.AckWait = ackWait
	return cons, nil
}

// refused reports an error of a server that turned the client away, or
// of a server the client cannot trust (its certificate fails
// verification, or one side wants TLS the other lacks): retrying changes
// neither.
func refused(err error) bool {
	var cv *tls.CertificateVerificationError
	return errors.Is(err, nats.ErrAuthorization) || errors.Is(err, nats.ErrAuthExpired) ||
		errors.Is(err, nats.ErrAuthRevoked) || errors.Is(err, nats.ErrAccountAuthExpired) ||
		errors.As(err, &cv) || errors.Is(err, nats.ErrSecureConnRequired) || errors.Is(err, nats.ErrSecureConnWanted)
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// errClosed reports a worker whose connection was closed under it.
var errClosed = errors.New("connection closed")
