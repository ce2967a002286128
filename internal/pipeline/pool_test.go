package pipeline_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// docs yields n small documents, with a read error in place of every
// fifth.
func docs(n int) func(func(*dyad.Document, error) bool) {
	return func(yield func(*dyad.Document, error) bool) {
		for i := range n {
			var d *dyad.Document
			var err error
			if i%5 == 4 {
				err = fmt.Errorf("in.jsonl:%d: bad", i+1)
			} else {
				d = &dyad.Document{ID: fmt.Sprint(i), Text: "Japan criticized China on Monday."}
			}
			if !yield(d, err) {
				return
			}
		}
	}
}

func TestCodeAll(t *testing.T) {
	p, err := pipeline.New(pipeline.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Run("OK", func(t *testing.T) {
		ok, bad := 0, 0
		err := p.CodeAll(context.Background(), docs(50), 3, func(r *pipeline.Result, err error) error {
			if err != nil {
				bad++
			} else {
				ok++
			}
			return nil
		})
		if err != nil || ok != 40 || bad != 10 {
			t.Fatalf("CodeAll: err=%v, %d results and %d errors, want 40 and 10", err, ok, bad)
		}
	})
	t.Run("EmitErrorStops", func(t *testing.T) {
		stop := errors.New("disk full")
		n := 0
		err := p.CodeAll(context.Background(), docs(1000), 2, func(*pipeline.Result, error) error {
			n++
			if n == 3 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) || n != 3 {
			t.Fatalf("CodeAll: err=%v after %d emits, want %v after 3", err, n, stop)
		}
	})
	t.Run("Cancel", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := p.CodeAll(ctx, docs(1000), 2, func(*pipeline.Result, error) error { return nil })
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("CodeAll on a cancelled context: err=%v, want context.Canceled", err)
		}
	})
}

func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var read atomic.Int64
	p := &pipeline.Progress{Out: &buf, Total: 1000, Read: &read, Now: func() time.Time { return now }}
	p.Tick() // starts the clock
	p.Docs, p.Events = 50, 7
	read.Store(250)
	now = now.Add(10 * time.Second)
	p.Tick()
	p.Done()
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	want0 := "50 documents (0 skipped, 0 failed), 0 sentences, 7 events, 5.0 docs/s, 10s, 25% read, about 30s left"
	if len(lines) != 2 || lines[0] != want0 || strings.Contains(lines[1], "left") {
		t.Fatalf("progress lines:\n%s\nwant first %q and a final line without time left", buf.String(), want0)
	}
}
