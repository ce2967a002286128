package pipeline

import (
	"context"
	"sync"
)

// InflightBytes bounds the text of the documents CodeAll holds between
// reading them and handing them to emit: coded, a story takes some 40
// times its text in memory, so a count of documents alone (DefaultQueue)
// let a run of 16 MiB stories hold gigabytes. A story larger than the
// budget is let in alone.
const InflightBytes = 16 << 20

// budget is a semaphore of bytes.
type budget struct {
	mu   sync.Mutex
	cond *sync.Cond
	max  int
	used int
}

func newBudget(max int) *budget {
	b := &budget{max: max}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// acquire waits until n bytes (at most the whole budget) are free, or ctx
// is done, and returns what it took.
func (b *budget) acquire(ctx context.Context, n int) (int, error) {
	n = min(n, b.max)
	stop := context.AfterFunc(ctx, func() { b.mu.Lock(); b.cond.Broadcast(); b.mu.Unlock() })
	defer stop()
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.used+n > b.max {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		b.cond.Wait()
	}
	b.used += n
	return n, nil
}

// release gives back n bytes.
func (b *budget) release(n int) {
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
}
