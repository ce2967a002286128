package stream

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyad-events/dyad"
)

// Coder codes one document: its sentences and events, or the error that
// stopped it.
type Coder interface {
	Code(ctx context.Context, doc *dyad.Document) (*dyad.CodedDocument, error)
}

// CoderFunc adapts a function to Coder.
type CoderFunc func(ctx context.Context, doc *dyad.Document) (*dyad.CodedDocument, error)

// Code calls f.
func (f CoderFunc) Code(ctx context.Context, doc *dyad.Document) (*dyad.CodedDocument, error) {
	return f(ctx, doc)
}

// Store keeps coded documents; a document stored before is skipped.
type Store interface {
	CreateDocuments(ctx context.Context, docs []*dyad.CodedDocument) (int, error)
}

// Worker pulls documents from the stream, codes them and stores them.
// Several workers, in one process or many, share the stream's durable
// consumer and so its work.
type Worker struct {
	nc    *nats.Conn
	js    jetstream.JetStream
	coder Coder
	store Store
	opts  Options
	asked Options // opts as given, before defaults: what Setup checks
	m     *workerMetrics
}

// NewWorker returns a worker on nc. The zero fields of o take their
// defaults; AckWait, MaxPending and Replicas, when zero, also take the
// settings of a consumer and streams that exist.
func NewWorker(nc *nats.Conn, c Coder, s Store, o Options) (*Worker, error) {
	asked := o
	o = o.withDefaults()
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	return &Worker{nc: nc, js: js, coder: c, store: s, opts: o, asked: asked, m: newWorkerMetrics(o.Metrics)}, nil
}

// Run works until ctx ends, then finishes the batch in hand (coding,
// storing and acknowledging it) and returns nil. Messages fetched after
// ctx ended are handed back at once.
func (w *Worker) Run(ctx context.Context) error {
	asked := w.asked
	asked.Logger, asked.Metrics = w.opts.Logger, w.opts.Metrics
	cons, opts, err := setupUntil(ctx, w.js, w.nc, asked, true)
	w.opts.AckWait = opts.AckWait // the consumer's, which heartbeats follow
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	lagCtx, stopLag := context.WithCancel(ctx)
	defer stopLag()
	go w.pollLag(lagCtx, cons)
	log := w.opts.Logger
	log.Info("worker started", "stream", w.opts.Stream, "consumer", w.opts.Consumer, "batch", w.opts.Batch, "concurrency", w.opts.Concurrency)
	for ctx.Err() == nil {
		msgs, err := fetch(cons, w.opts.Batch, w.opts.FetchWait)
		if err != nil {
			if errors.Is(err, nats.ErrConnectionClosed) || errors.Is(err, jetstream.ErrConnectionClosed) {
				return errClosed
			}
			log.Warn("fetch", "err", err)
			sleep(ctx, retryPause)
			continue
		}
		if len(msgs) == 0 {
			continue
		}
		if ctx.Err() != nil {
			handBack(msgs)
			break
		}
		// The batch in hand is finished even when ctx ends meanwhile.
		w.process(ctx, context.WithoutCancel(ctx), msgs)
	}
	log.Info("worker stopped")
	return nil
}

// fetch pulls up to n messages: what is there now, or else, when the
// queue is empty, what arrives within wait.
func fetch(cons jetstream.Consumer, n int, wait time.Duration) ([]jetstream.Msg, error) {
	msgs, err := drainBatch(cons.FetchNoWait(n))
	if err != nil || len(msgs) > 0 {
		return msgs, err
	}
	return drainBatch(cons.Fetch(n, jetstream.FetchMaxWait(wait)))
}

// drainBatch collects the messages of a fetch.
func drainBatch(b jetstream.MessageBatch, err error) ([]jetstream.Msg, error) {
	if err != nil {
		return nil, err
	}
	var msgs []jetstream.Msg
	for m := range b.Messages() {
		msgs = append(msgs, m)
	}
	if err := b.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && len(msgs) == 0 {
		return nil, err
	}
	return msgs, nil
}

// handBack returns messages to the stream for another worker.
func handBack(msgs []jetstream.Msg) {
	for _, m := range msgs {
		m.Nak()
	}
}

// job is one message on its way through a worker.
type job struct {
	msg       jetstream.Msg
	delivered uint64
	doc       *dyad.Document
	cd        *dyad.CodedDocument
	err       error  // coding failed
	dead      string // why the message goes to the dead letters
}

// process codes a batch, stores what was coded in one transaction and
// acknowledges the messages after the commit. run is the worker's
// context (its end stops store retries), ctx outlives it.
func (w *Worker) process(run, ctx context.Context, msgs []jetstream.Msg) {
	stop := w.heartbeat(msgs)
	defer stop()
	jobs := make([]*job, len(msgs))
	for i, m := range msgs {
		jobs[i] = w.prepare(m)
	}
	w.codeAll(ctx, jobs)
	var batch []*dyad.CodedDocument
	for _, j := range jobs {
		switch {
		case j.dead != "" && j.doc != nil:
			batch = append(batch, &dyad.CodedDocument{Doc: j.doc, Err: errors.New(j.dead)})
		case j.dead == "" && j.err == nil:
			batch = append(batch, j.cd)
		}
	}
	stored, err := w.storeRetrying(run, ctx, batch)
	if err != nil { // the worker is stopping: hand everything back
		w.opts.Logger.Warn("store", "err", err, "handed_back", len(msgs))
		handBack(msgs)
		return
	}
	w.settle(ctx, jobs, stored)
}

// prepare decodes a message and decides whether it is dead already.
func (w *Worker) prepare(m jetstream.Msg) *job {
	j := &job{msg: m, delivered: 1}
	if md, err := m.Metadata(); err == nil {
		j.delivered = md.NumDelivered
	}
	if j.delivered > 1 {
		w.m.redelivered.Inc()
	}
	doc, err := decode(m.Data())
	switch {
	case err != nil:
		j.dead = err.Error()
	case j.delivered > uint64(w.opts.MaxDeliver):
		j.dead = fmt.Sprintf("%s: delivered %d times and never acknowledged: a worker stops on it", doc.ID, j.delivered)
	}
	j.doc = doc
	return j
}

// codeAll codes the live jobs with Concurrency goroutines.
func (w *Worker) codeAll(ctx context.Context, jobs []*job) {
	ch := make(chan *job)
	var wg sync.WaitGroup
	for range min(w.opts.Concurrency, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				start := time.Now()
				j.cd, j.err = codeSafe(ctx, w.coder, j.doc)
				w.m.codeSeconds.Since(start)
				if j.err != nil {
					w.m.errors.Inc()
					if j.delivered >= uint64(w.opts.MaxDeliver) {
						j.dead = fmt.Sprintf("%s: failed %d times: %v", j.doc.ID, j.delivered, j.err)
					}
				}
			}
		}()
	}
	for _, j := range jobs {
		if j.dead == "" {
			ch <- j
		}
	}
	close(ch)
	wg.Wait()
}

// codeSafe codes one document, turning a panic into an error.
func codeSafe(ctx context.Context, c Coder, doc *dyad.Document) (cd *dyad.CodedDocument, err error) {
	defer func() {
		if v := recover(); v != nil {
			cd, err = nil, fmt.Errorf("%s: coding failed: %v", doc.ID, v)
		}
	}()
	cd, err = c.Code(ctx, doc)
	if err == nil && (cd == nil || cd.Doc == nil) {
		err = fmt.Errorf("%s: coder returned no document", doc.ID)
	}
	return cd, err
}

// storeRetrying stores batch, retrying with backoff while the database is
// unreachable, until run ends. Failures of the store are not the
// documents' fault: they do not count towards the dead letters.
func (w *Worker) storeRetrying(run, ctx context.Context, batch []*dyad.CodedDocument) (int, error) {
	if len(batch) == 0 {
		return 0, nil
	}
	pause := retryPause
	for {
		start := time.Now()
		n, err := w.store.CreateDocuments(ctx, batch)
		w.m.storeSeconds.Since(start)
		if err == nil {
			return n, nil
		}
		w.m.storeErrors.Inc()
		w.opts.Logger.Error("store", "err", err, "documents", len(batch), "retry_in", pause.String())
		if serr := sleep(run, pause); serr != nil {
			return 0, err
		}
		pause = min(2*pause, 30*time.Second)
	}
}

// settle acknowledges what was stored, sends the dead to the dead letters
// and asks again, later, for the documents that failed to code.
func (w *Worker) settle(ctx context.Context, jobs []*job, stored int) {
	coded, events := 0, 0
	for _, j := range jobs {
		switch {
		case j.dead != "":
			w.deadLetter(ctx, j)
		case j.err != nil:
			j.msg.NakWithDelay(backoff(j.delivered))
		default:
			coded++
			events += len(j.cd.Events)
			if err := j.msg.Ack(); err != nil {
				w.opts.Logger.Warn("ack", "doc", j.doc.ID, "err", err)
			}
		}
	}
	w.m.docs.Add(coded)
	w.m.events.Add(events)
	w.m.stored.Add(stored)
	w.m.duplicates.Add(coded - stored)
	w.opts.Logger.Debug("batch", "coded", coded, "stored", stored, "events", events)
}

// backoff is the wait before a failed document is tried again.
func backoff(delivered uint64) time.Duration {
	return min(time.Duration(delivered)*time.Second, 30*time.Second)
}

// deadLetter publishes a job's message to the dead-letter subject with
// the reason, then terminates it; if the dead letter cannot be published
// the message is handed back instead.
func (w *Worker) deadLetter(ctx context.Context, j *job) {
	msg := nats.NewMsg(w.opts.DeadSubject)
	msg.Data = j.msg.Data()
	msg.Header.Set("Dyad-Error", j.dead)
	msg.Header.Set("Dyad-Deliveries", fmt.Sprint(j.delivered))
	if md, err := j.msg.Metadata(); err == nil {
		msg.Header.Set("Dyad-Stream-Seq", fmt.Sprint(md.Sequence.Stream))
	}
	if _, err := w.js.PublishMsg(ctx, msg); err != nil {
		w.opts.Logger.Error("dead letter", "err", err)
		j.msg.Nak()
		return
	}
	w.m.dead.Inc()
	w.opts.Logger.Warn("dead letter", "reason", j.dead)
	j.msg.TermWithReason("dyad: dead letter")
}

// heartbeat tells the server every third of AckWait that msgs are still
// being worked on, so that a long batch is not redelivered; stop ends it.
func (w *Worker) heartbeat(msgs []jetstream.Msg) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(w.opts.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				for _, m := range msgs {
					m.InProgress()
				}
			}
		}
	}()
	return func() { close(done) }
}

// pollLag reads the consumer's backlog into the lag gauges every few
// seconds.
func (w *Worker) pollLag(ctx context.Context, cons jetstream.Consumer) {
	for {
		if info, err := cons.Info(ctx); err == nil {
			w.m.pending.Set(float64(info.NumPending))
			w.m.ackPending.Set(float64(info.NumAckPending))
			w.m.redeliveries.Set(float64(info.NumRedelivered))
		}
		if sleep(ctx, 5*time.Second) != nil {
			return
		}
	}
}
