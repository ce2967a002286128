package stream_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyad-events/dyad/internal/stream"
)

// TestSetupNeverReconfigures checks that a publisher leaves the workers'
// consumer and the streams as they are (the probe saw a publisher turn
// the workers' 20 s ack wait into 60 s), that a worker without an ack
// wait of its own adopts the consumer's, and that settings asked for
// explicitly that differ from what exists are an error naming them.
func TestSetupNeverReconfigures(t *testing.T) {
	ctx := context.Background()
	srv := startServer(t)
	nc := connect(t, srv.ClientURL())
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	workers := stream.Options{AckWait: 20 * time.Second, MaxPending: 100}
	if _, _, err := stream.Setup(ctx, js, workers); err != nil {
		t.Fatal(err)
	}
	consumer := func() jetstream.ConsumerConfig {
		t.Helper()
		c, err := js.Consumer(ctx, stream.DefaultStream, stream.DefaultConsumer)
		if err != nil {
			t.Fatal(err)
		}
		return c.CachedInfo().Config
	}

	if _, err := stream.NewPublisher(ctx, nc, stream.DefaultOptions()); err != nil {
		t.Fatalf("publisher with the default options: %v", err)
	}
	if got := consumer(); got.AckWait != 20*time.Second || got.MaxAckPending != 100 {
		t.Fatalf("after a publisher: ack wait %s, max ack pending %d; want the workers' 20s and 100", got.AckWait, got.MaxAckPending)
	}

	_, o, err := stream.Setup(ctx, js, stream.Options{})
	if err != nil || o.AckWait != 20*time.Second {
		t.Fatalf("worker with no ack wait of its own: ack wait %s, %v; want the consumer's 20s", o.AckWait, err)
	}

	_, _, err = stream.Setup(ctx, js, stream.Options{AckWait: time.Minute})
	var ce *stream.ConfigError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "ack wait 20s, not 1m0s") {
		t.Fatalf("worker asking a 1m ack wait: err %v, want a ConfigError naming the ack wait", err)
	}
	if got := consumer(); got.AckWait != 20*time.Second {
		t.Fatalf("after a refused worker: ack wait %s, want 20s", got.AckWait)
	}

	o = stream.DefaultOptions()
	o.Replicas = 3
	_, err = stream.NewPublisher(ctx, nc, o)
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "1 replicas, not 3") {
		t.Fatalf("publisher asking 3 replicas of a 1-replica stream: err %v, want a ConfigError naming replicas", err)
	}

	o = stream.DefaultOptions()
	o.Subject = "elsewhere.docs"
	_, err = stream.NewPublisher(ctx, nc, o)
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "not elsewhere.docs") {
		t.Fatalf("publisher on another subject: err %v, want a ConfigError naming the subject", err)
	}
}
