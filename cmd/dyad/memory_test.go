package main

import (
	"flag"
	"io"
	"math"
	"runtime/debug"
	"testing"
)

// TestMemoryLimit checks the soft memory limit's sizing and that apply
// sets it on the runtime and puts the one before back.
func TestMemoryLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	for _, tt := range []struct {
		name    string
		args    []string
		workers int
		heap    int64
		want    int64
	}{
		{"OK/Default", nil, 2, 100 << 20, (DefaultMemoryBase + 2*DefaultMemoryPerWorker) << 20},
		{"OK/DefaultNoWorkers", nil, 0, 100 << 20, (DefaultMemoryBase + DefaultMemoryPerWorker) << 20},
		{"OK/DefaultLargeHeap", nil, 2, 300 << 20, (300 + 2*DefaultMemoryPerWorker) << 20},
		{"OK/Given", []string{"--memory-limit", "700"}, 2, 900 << 20, 700 << 20},
		{"OK/None", []string{"--memory-limit", "0"}, 2, 900 << 20, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			var m memoryFlag
			m.register(fs)
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			if got := m.limit(tt.workers, tt.heap); got != tt.want {
				t.Fatalf("limit(%d, %d) with %v = %d, want %d", tt.workers, tt.heap, tt.args, got, tt.want)
			}
			// apply reads the heap in use itself: between the two reads.
			before := debug.SetMemoryLimit(-1)
			h0 := heapInUse()
			restore := m.apply(tt.workers)
			h1 := heapInUse()
			got := debug.SetMemoryLimit(-1)
			lo, hi := applied(m.limit(tt.workers, h0)), applied(m.limit(tt.workers, h1))
			if got < min(lo, hi) || got > max(lo, hi) {
				t.Errorf("runtime limit after apply = %d, want %d to %d", got, min(lo, hi), max(lo, hi))
			}
			restore()
			if got := debug.SetMemoryLimit(-1); got != before {
				t.Errorf("runtime limit after restore = %d, want %d", got, before)
			}
		})
	}
}

// applied is the runtime's limit for a limit of l bytes, 0 for none.
func applied(l int64) int64 {
	if l == 0 {
		return math.MaxInt64
	}
	return l
}

// TestMemoryLimitBad checks that a limit that is no count of MiB is a
// flag error.
func TestMemoryLimitBad(t *testing.T) {
	for _, v := range []string{"-1", "lots", "1.5"} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		var m memoryFlag
		m.register(fs)
		if err := fs.Parse([]string{"--memory-limit", v}); err == nil {
			t.Errorf("--memory-limit %s: no error", v)
		}
	}
}
