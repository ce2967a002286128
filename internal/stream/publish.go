package stream

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyad-events/dyad"
)

// publishWindow is how many publishes may wait for their acknowledgement
// before Publish waits for them.
const publishWindow = 256

// Publisher puts documents on the document stream.
type Publisher struct {
	js      jetstream.JetStream
	opts    Options
	pending []pending
}

type pending struct {
	f   jetstream.PubAckFuture
	msg *nats.Msg
}

// NewPublisher returns a publisher on nc, creating the streams if they are
// missing. It never changes a stream that exists, nor the workers'
// consumer: a stream whose settings differ from those o gives explicitly
// is a *ConfigError.
func NewPublisher(ctx context.Context, nc *nats.Conn, o Options) (*Publisher, error) {
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	if err := setupStreams(ctx, js, nc, o); err != nil {
		return nil, err
	}
	return &Publisher{js: js, opts: o.withDefaults()}, nil
}

// Publish queues doc for coding. Publishing is asynchronous: call Flush
// before relying on every document being on the stream. The content hash
// is the message id, so a document published twice within the
// duplicate window is queued once.
func (p *Publisher) Publish(ctx context.Context, doc *dyad.Document) error {
	msg, err := encode(p.opts.Subject, doc)
	if err != nil {
		return err
	}
	f, err := p.js.PublishMsgAsync(msg)
	if err != nil { // too many in flight: wait for them, then try once more
		if ferr := p.Flush(ctx); ferr != nil {
			return ferr
		}
		if f, err = p.js.PublishMsgAsync(msg); err != nil {
			return fmt.Errorf("publish %s: %w", doc.ID, err)
		}
	}
	p.pending = append(p.pending, pending{f, msg})
	if len(p.pending) >= publishWindow {
		return p.Flush(ctx)
	}
	return nil
}

// Flush waits until every published document is acknowledged by the
// stream, publishing again (with the same id) those that failed, as when
// a node went down.
func (p *Publisher) Flush(ctx context.Context) error {
	for _, x := range p.pending {
		select {
		case <-x.f.Ok():
			continue
		case <-x.f.Err():
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := p.retry(ctx, x.msg); err != nil {
			return err
		}
	}
	p.pending = p.pending[:0]
	return nil
}

// retry publishes msg synchronously until the stream takes it or the
// setup wait has passed.
func (p *Publisher) retry(ctx context.Context, msg *nats.Msg) error {
	deadline := time.Now().Add(p.opts.SetupWait)
	for {
		_, err := p.js.PublishMsg(ctx, msg)
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("publish %s: %w", msg.Header.Get(jetstream.MsgIDHeader), err)
		}
		if err := sleep(ctx, retryPause); err != nil {
			return err
		}
	}
}

// wireDoc is a document on the stream: JSON with lower-case keys, so
// that any producer (a scraper in another language) can publish to it.
type wireDoc struct {
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	Text   string `json:"text"`
	Date   string `json:"date,omitempty"` // RFC 3339 or YYYY-MM-DD
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
}

// encode makes the message for doc.
func encode(subject string, doc *dyad.Document) (*nats.Msg, error) {
	w := wireDoc{ID: doc.ID, Title: doc.Title, Text: doc.Text, Source: doc.Source, URL: doc.URL}
	if !doc.Date.IsZero() {
		w.Date = doc.Date.Format(time.RFC3339)
	}
	b, err := json.Marshal(&w)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", doc.ID, err)
	}
	msg := nats.NewMsg(subject)
	msg.Data = b
	msg.Header.Set(jetstream.MsgIDHeader, dyad.ContentHash(doc))
	return msg, nil
}

// decode reads a document message.
func decode(data []byte) (*dyad.Document, error) {
	var w wireDoc
	if err := json.Unmarshal(data, &w); err != nil {
		return nil, fmt.Errorf("decode document: %w", err)
	}
	if w.ID == "" || w.Text == "" {
		return nil, fmt.Errorf("decode document: no id or no text")
	}
	doc := &dyad.Document{ID: w.ID, Title: w.Title, Text: w.Text, Source: w.Source, URL: w.URL}
	if w.Date != "" {
		t, err := time.Parse(time.RFC3339, w.Date)
		if err != nil {
			if t, err = time.Parse("2006-01-02", w.Date); err != nil {
				return nil, fmt.Errorf("decode document %s: bad date %q", w.ID, w.Date)
			}
		}
		doc.Date = t
	}
	return doc, nil
}
