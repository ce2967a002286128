package stream

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// A stream or consumer that exists is never changed: workers, operators
// or an earlier deployment may have set it (a 20 s ack wait, three
// replicas), and a publisher with its own defaults must not undo that.
// Setup creates what is missing and checks what exists against the
// settings the caller asked for explicitly (the non-zero Options fields),
// failing with the differences.

// ensureStream creates the stream cfg describes, or checks the one of
// that name: it must take cfg's subject and keep cfg's retention, and,
// when checkReplicas, have cfg's replicas.
func ensureStream(ctx context.Context, js jetstream.JetStream, cfg jetstream.StreamConfig, checkReplicas bool) error {
	s, err := js.Stream(ctx, cfg.Name)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		if _, err = js.CreateStream(ctx, cfg); !errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			return err
		}
		s, err = js.Stream(ctx, cfg.Name) // created meanwhile by another process
	}
	if err != nil {
		return err
	}
	have := s.CachedInfo().Config
	var diffs []string
	if !covers(have.Subjects, cfg.Subjects[0]) {
		diffs = append(diffs, fmt.Sprintf("subjects %v, not %s", have.Subjects, cfg.Subjects[0]))
	}
	if have.Retention != cfg.Retention {
		diffs = append(diffs, fmt.Sprintf("retention %s, not %s", have.Retention, cfg.Retention))
	}
	if checkReplicas && have.Replicas != cfg.Replicas {
		diffs = append(diffs, fmt.Sprintf("%d replicas, not %d (--replicas)", have.Replicas, cfg.Replicas))
	}
	return differ("stream "+cfg.Name, diffs)
}

// ensureConsumer creates the workers' durable consumer, or checks the one
// that exists against cfg: explicit acks and unlimited deliveries always
// (the worker counts deliveries itself), the ack wait, pending limit and
// replicas when asked gives them. It returns the consumer and its ack wait.
func ensureConsumer(ctx context.Context, js jetstream.JetStream, stream string, cfg jetstream.ConsumerConfig, asked Options) (jetstream.Consumer, time.Duration, error) {
	c, err := js.Consumer(ctx, stream, cfg.Durable)
	if errors.Is(err, jetstream.ErrConsumerNotFound) {
		if c, err = js.CreateConsumer(ctx, stream, cfg); errors.Is(err, jetstream.ErrConsumerExists) {
			c, err = js.Consumer(ctx, stream, cfg.Durable)
		}
	}
	if err != nil {
		return nil, 0, err
	}
	have := c.CachedInfo().Config
	var diffs []string
	if have.AckPolicy != jetstream.AckExplicitPolicy {
		diffs = append(diffs, fmt.Sprintf("ack policy %s, not explicit", have.AckPolicy))
	}
	if have.MaxDeliver != cfg.MaxDeliver {
		diffs = append(diffs, fmt.Sprintf("max deliver %d, not %d", have.MaxDeliver, cfg.MaxDeliver))
	}
	if asked.AckWait > 0 && have.AckWait != cfg.AckWait {
		diffs = append(diffs, fmt.Sprintf("ack wait %s, not %s (--ack-wait)", have.AckWait, cfg.AckWait))
	}
	if asked.MaxPending > 0 && have.MaxAckPending != cfg.MaxAckPending {
		diffs = append(diffs, fmt.Sprintf("max ack pending %d, not %d", have.MaxAckPending, cfg.MaxAckPending))
	}
	if asked.Replicas > 0 && have.Replicas != 0 && have.Replicas != cfg.Replicas {
		diffs = append(diffs, fmt.Sprintf("%d replicas, not %d (--replicas)", have.Replicas, cfg.Replicas))
	}
	if err := differ("consumer "+cfg.Durable, diffs); err != nil {
		return nil, 0, err
	}
	return c, have.AckWait, nil
}

// differ is the error for what differs, or nil.
func differ(what string, diffs []string) error {
	if len(diffs) == 0 {
		return nil
	}
	return &ConfigError{What: what, Diffs: diffs}
}

// ConfigError reports a stream or consumer that exists with settings other
// than those asked for. dyad does not change it: an operator edits it
// (nats stream edit, nats consumer edit) or gives matching flags.
type ConfigError struct {
	What  string   // "stream DYAD_DOCS", "consumer dyad-workers"
	Diffs []string // "ack wait 20s, not 1m0s (--ack-wait)"
}

func (e *ConfigError) Error() string {
	return fmt.Sprintf("%s exists with %s; dyad does not change it: edit it with the nats tool or give matching flags",
		e.What, strings.Join(e.Diffs, ", "))
}

// covers reports whether one of the subject filters matches subject
// ("dyad.>" and "dyad.*" match "dyad.docs").
func covers(filters []string, subject string) bool {
	for _, f := range filters {
		if matchSubject(strings.Split(f, "."), strings.Split(subject, ".")) {
			return true
		}
	}
	return false
}

func matchSubject(f, s []string) bool {
	for i, t := range f {
		switch {
		case t == ">":
			return i < len(s)
		case i >= len(s) || t != "*" && t != s[i]:
			return false
		}
	}
	return len(f) == len(s)
}
