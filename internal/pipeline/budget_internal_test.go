package pipeline

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestBudget checks that acquire waits for release, clamps a request
// larger than the budget, and gives up when its context ends.
func TestBudget(t *testing.T) {
	b := newBudget(10)
	ctx := context.Background()
	if n, err := b.acquire(ctx, 25); n != 10 || err != nil {
		t.Fatalf("acquire(25) of 10: %d, %v; want the whole budget", n, err)
	}
	got := make(chan int, 1)
	go func() { n, _ := b.acquire(ctx, 4); got <- n }()
	select {
	case <-got:
		t.Fatal("acquire(4) of a spent budget did not wait")
	case <-time.After(50 * time.Millisecond):
	}
	b.release(10)
	if n := <-got; n != 4 {
		t.Fatalf("acquire(4) after release: %d", n)
	}
	cctx, cancel := context.WithCancel(ctx)
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	if _, err := b.acquire(cctx, 8); !errors.Is(err, context.Canceled) {
		t.Fatalf("acquire(8) with 6 free and a cancelled context: %v, want context.Canceled", err)
	}
}
