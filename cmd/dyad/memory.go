package main

import (
	"errors"
	"flag"
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"

	"github.com/dyad-events/dyad/internal/pipeline"
)

// The soft memory limit of the commands that code text, in MiB, unless
// --memory-limit or GOMEMLIMIT says otherwise: the models take about 90
// MB, and each worker coding a long story's part some 20 MB more besides
// the results in flight. The collector runs more often near the limit
// and never fails an allocation: a limit set too low costs CPU, not a
// crash. Without one the collector lets the heap grow to twice what is
// live, and a 15 MiB story peaked at twice its 300 MB. The base grows to
// the heap in use when the limit is set, once the pipeline is loaded:
// with the Phoenix dictionaries it holds some 200 MB, and a limit below
// that kept the collector running without a pause (0.7 of the 1.9 CPU-s
// that coding one sentence took).
const (
	DefaultMemoryBase      = 192
	DefaultMemoryPerWorker = 32
)

// memoryFlag is --memory-limit: a count of MiB, or unset.
type memoryFlag struct {
	mib int
	set bool
}

func (m *memoryFlag) register(fs *flag.FlagSet) {
	fs.Var(m, "memory-limit", "soft limit on the Go heap, in `MiB`: the collector works harder near it and never fails (default 192 + 32 per worker, or GOMEMLIMIT; 0: none)")
}

func (m *memoryFlag) String() string {
	if m == nil || !m.set {
		return ""
	}
	return strconv.Itoa(m.mib)
}

func (m *memoryFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return errors.New("want a number of MiB, 0 for no limit")
	}
	m.mib, m.set = n, true
	return nil
}

// limit returns the limit in bytes for a run of workers with heap bytes
// in use: the flag's, else GOMEMLIMIT's (which the runtime has applied),
// else the default; 0 for none.
func (m memoryFlag) limit(workers int, heap int64) int64 {
	switch {
	case m.set:
		return int64(m.mib) << 20
	case os.Getenv("GOMEMLIMIT") != "":
		if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
			return l
		}
		return 0
	}
	return max(DefaultMemoryBase<<20, heap) + int64(DefaultMemoryPerWorker*max(workers, 1))<<20
}

// heapInUse returns the bytes of the heap's objects, live or not yet
// collected.
func heapInUse() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// apply sets the runtime's soft memory limit for a run of workers and
// returns the function that puts back the one before (tests run commands
// in one process). Commands apply it once their pipeline is loaded: it
// bounds coding, and its default is sized by what loading left.
func (m memoryFlag) apply(workers int) (restore func()) {
	l := m.limit(workers, heapInUse())
	if l <= 0 {
		l = math.MaxInt64
	}
	old := debug.SetMemoryLimit(l)
	return func() { debug.SetMemoryLimit(old) }
}

// loadGCPercent is the collector's pacing (GOGC) while a pipeline loads.
const loadGCPercent = 200

// newPipeline builds a pipeline with the collector held back: most of
// what loading allocates (the decoded models, the gazetteer, the
// dictionaries) stays live, so a collection while the heap only grows
// marks it all again for little garbage (GOGC 200 against 100: 0.49
// against 0.51 CPU-s for one sentence, 1.19 against 1.22 with the
// Phoenix dictionaries, whose peak it takes from 375 to 406 MB; 400 took
// it to 499 MB for little more). The pacing before
// is put back once the pipeline is built; commands set the soft memory
// limit after that (memoryFlag.apply), GOMEMLIMIT bounds loading too.
func newPipeline(opts pipeline.Options) (*pipeline.Pipeline, error) {
	defer debug.SetGCPercent(debug.SetGCPercent(loadGCPercent))
	return pipeline.New(opts)
}
