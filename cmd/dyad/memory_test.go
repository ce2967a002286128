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
		want    int64
	}{
		{"OK/Default", nil, 2, (DefaultMemoryBase + 2*DefaultMemoryPerWorker) << 20},
		{"OK/DefaultNoWorkers", nil, 0, (DefaultMemoryBase + DefaultMemoryPerWorker) << 20},
		{"OK/Given", []string{"--memory-limit", "700"}, 2, 700 << 20},
		{"OK/None", []string{"--memory-limit", "0"}, 2, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			var m memoryFlag
			m.register(fs)
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			if got := m.limit(tt.workers); got != tt.want {
				t.Fatalf("limit(%d) with %v = %d, want %d", tt.workers, tt.args, got, tt.want)
			}
			before := debug.SetMemoryLimit(-1)
			restore := m.apply(tt.workers)
			want := tt.want
			if want == 0 {
				want = math.MaxInt64
			}
			if got := debug.SetMemoryLimit(-1); got != want {
				t.Errorf("runtime limit after apply = %d, want %d", got, want)
			}
			restore()
			if got := debug.SetMemoryLimit(-1); got != before {
				t.Errorf("runtime limit after restore = %d, want %d", got, before)
			}
		})
	}
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
