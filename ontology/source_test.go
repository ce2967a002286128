package ontology_test

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad/internal/testingutil"
	"github.com/dyad-events/dyad/ontology"
	"github.com/dyad-events/dyad/ontology/internal/source"
)

// TestTable_MatchesSource regenerates the table from the shared reference
// data and compares it with the committed one.
func TestTable_MatchesSource(t *testing.T) {
	testingutil.SharedData(t, source.CAMEOFile) // skips without the data
	dir := testingutil.SharedData(t)
	entries, rep, err := source.Load(dir)
	if err != nil {
		t.Fatalf("source.Load(%s): %v", dir, err)
	}
	codes := ontology.Codes()
	if len(entries) != len(codes) {
		t.Fatalf("sources give %d codes, table_gen.go has %d: run go generate in ontology/", len(entries), len(codes))
	}
	for i, e := range entries {
		c := codes[i]
		want := ontology.Code{Code: e.Code, Root: e.Root, Name: e.Name, Goldstein: e.Goldstein, QuadClass: e.QuadClass, HasPLOVER: e.HasPLOVER}
		want.PLOVER.Event, want.PLOVER.Mode, want.PLOVER.Context = e.Event, e.Mode, e.Context
		if c.Code != want.Code || c.Root != want.Root || c.Name != want.Name || c.Goldstein != want.Goldstein ||
			c.QuadClass != want.QuadClass || c.HasPLOVER != want.HasPLOVER || !samePLOVER(c.PLOVER, want.PLOVER) {
			t.Errorf("table_gen.go has\n\t%+v\nsources give\n\t%+v\n(run go generate in ontology/)", c, want)
		}
	}
	var unknown []string
	for _, m := range rep.Unknown {
		unknown = append(unknown, m.Code)
	}
	if !slices.Equal(unknown, []string{"1214"}) {
		t.Errorf("mappings for codes outside CAMEO: %v, want [1214]", unknown)
	}
}
