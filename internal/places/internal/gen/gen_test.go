package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/testingutil"
)

// TestUpToDate regenerates the gazetteer and compares it with the
// committed file; it skips when the reference data are absent.
func TestUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("regenerating the gazetteer is slow; skipped in -short mode")
	}
	data := testingutil.SharedData(t)
	out := filepath.Join(t.TempDir(), "gazetteer.tsv.gz")
	if err := run(data, out); err != nil {
		t.Fatalf("run: %v", err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("read output: %v", err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "gazetteer.tsv.gz"))
	if err != nil {
		t.Fatalf("read committed gazetteer: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("committed gazetteer.tsv.gz (%d bytes) differs from a fresh run (%d bytes): run go generate ./internal/places", len(want), len(got))
	}
}
