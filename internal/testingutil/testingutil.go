// Package testingutil holds what dyad's tests and benchmarks share: the
// reference data next to the repository, and CPU time for benchmarks that
// must not depend on how busy the machine is.
package testingutil

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/datadir"
)

// SharedData returns the path of <parts…> in the project's data folder:
// the one DYAD_DATA names (package datadir), else ../shared/data next to
// the repository root (the directory holding go.mod), where the
// maintainers keep it. It skips the test with a clear message when the
// path is absent, so the tests pass on a machine without the data.
func SharedData(tb testing.TB, parts ...string) string {
	tb.Helper()
	p := datadir.Path(parts...)
	if p == "" {
		dir, err := os.Getwd()
		if err != nil {
			tb.Skipf("reference data: %v", err)
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				tb.Skip("reference data: no go.mod above the test")
			}
			dir = parent
		}
		p = filepath.Join(append([]string{dir, "..", "shared", "data"}, parts...)...)
	}
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("reference data %s is absent (name the data folder with %s, or keep it in ../shared next to the repository)", p, datadir.Env)
	}
	return p
}

// ReportCPU adds a "cpu-µs/op" metric to b: the CPU time used since start
// per operation, which does not change when other processes load the
// machine, as wall-clock ns/op does.
func ReportCPU(b *testing.B, start time.Duration, ops int) {
	if ops > 0 {
		b.ReportMetric(float64(CPUTime()-start)/float64(ops)/1e3, "cpu-µs/op")
	}
}

// BenchLoad measures loading a model stored as raw: load decodes it and
// builds what scoring needs, as the package's Default does on first use.
func BenchLoad(b *testing.B, raw []byte, load func(io.Reader) error) {
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if err := load(bytes.NewReader(raw)); err != nil {
			b.Fatal(err)
		}
	}
}
