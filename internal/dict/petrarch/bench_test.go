package petrarch_test

import (
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/dict/petrarch"
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
