package ontology_test

import (
	"testing"

	"github.com/dyad-events/dyad/ontology"
)

func BenchmarkLookup(b *testing.B) {
	codes := []string{"036", "190", "0311", "19", "999"}
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range codes {
			ontology.Lookup(c)
		}
	}
}

func BenchmarkCAMEO(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ontology.CAMEO("1823"); err != nil {
			b.Fatal(err)
		}
	}
}
