package petrarch_test

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/dict/petrarch"
	"github.com/dyad-events/dyad/internal/testingutil"
)

// BenchmarkLoad reads and converts whole dictionary directories: the
// PETRARCH validation set and the Phoenix production set.
func BenchmarkLoad(b *testing.B) {
	data := sharedData(b)
	for _, dir := range []string{"petrarch/validate", "petrarch/phoenix"} {
		b.Run(filepath.Base(dir), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, _ := petrarch.Load(filepath.Join(data, dir))
				s.Dictionary()
			}
		})
	}
}

// BenchmarkLoadPhoenix is the dictionary side of "dyad code --dict" with
// the Phoenix set (the rest is the pipeline's, cmd/dyad's
// BenchmarkStartup): read and convert the files, then merge them over
// dyad's defaults. It reports the CPU time per load beside the wall time.
func BenchmarkLoadPhoenix(b *testing.B) {
	dir := filepath.Join(sharedData(b), "petrarch", "phoenix")
	def, err := dict.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	start := testingutil.CPUTime()
	for b.Loop() {
		extra, err := petrarch.LoadFile(dir)
		var bad dict.ErrorList
		if err != nil && !errors.As(err, &bad) {
			b.Fatal(err)
		}
		d := &dict.Dictionary{}
		d.Merge(def)
		d.Merge(extra)
		if len(d.Verbs) < 50000 || len(d.Actors) < 27000 {
			b.Fatalf("Phoenix over the defaults: %d verb entries, %d actors", len(d.Verbs), len(d.Actors))
		}
	}
	if used := testingutil.CPUTime() - start; b.N > 0 {
		b.ReportMetric(float64(used.Microseconds())/1e3/float64(b.N), "cpu-ms/op")
	}
}
