package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/stream"
)

// natsFlags are ingest's flags for publishing to a work queue instead of
// coding in-process.
type natsFlags struct {
	to       string
	replicas int
	sec      natsSecurity
}

func (f *natsFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.to, "to", "", "publish the documents to the NATS JetStream queue at `URLS` (nats://…, comma-separated) for dyad worker, instead of coding them here")
	fs.IntVar(&f.replicas, "replicas", 0, "copies of the queue's streams when --to creates them (default 1; 3 in a 3-node cluster); when given, streams that exist must have as many. The workers' consumer is never touched")
	f.sec.register(fs)
}

// publish reads every source and publishes its documents to the queue;
// dyad worker codes and stores them. Documents are not checked against a
// store here: the queue drops a document published twice within its
// duplicate window, and the store skips one stored before.
func (c *IngestCommand) publish(ctx context.Context, f *ingestFlags, opts ingest.Options, srcs []string) error {
	if !strings.HasPrefix(f.nats.to, "nats://") && !strings.HasPrefix(f.nats.to, "tls://") {
		return dyad.Errorf(dyad.EINVALID, "--to %q: want a nats:// URL", f.nats.to)
	}
	log := slog.New(slog.NewTextHandler(c.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	sec, err := f.nats.sec.options()
	if err != nil {
		return err
	}
	nc, err := connectNATS(f.nats.to, "dyad ingest", log, sec...)
	if err != nil {
		return err
	}
	defer nc.Close()
	so := stream.DefaultOptions()
	so.Replicas, so.Logger = f.nats.replicas, log
	pub, err := stream.NewPublisher(ctx, nc, so)
	if err != nil {
		return err
	}
	start := time.Now()
	sent, failed := 0, 0
	for _, src := range srcs {
		for doc, err := range ingest.Open(ctx, src, opts) {
			if err != nil {
				fmt.Fprintln(c.Stderr, "dyad ingest:", err)
				failed++
				continue
			}
			if doc.Source == "" {
				doc.Source = f.source
			}
			if err := pub.Publish(ctx, doc); err != nil {
				return err
			}
			sent++
		}
	}
	if err := pub.Flush(ctx); err != nil {
		return err
	}
	if !f.quiet {
		fmt.Fprintf(c.Stderr, "%d documents published to %s in %s\n", sent, so.Subject, time.Since(start).Round(time.Millisecond))
	}
	if failed > 0 {
		fmt.Fprintf(c.Stderr, "dyad ingest: %d inputs could not be read\n", failed)
		return errFailed
	}
	return nil
}
