package main

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/dyad-events/dyad"
)

func TestBenchPipeline(t *testing.T) {
	corpus, _ := syntheticCorpus(t, t.TempDir(), 30)
	stdout, stderr, status := run(t, "", "bench", "pipeline", "--limit", "20", corpus)
	if status != 0 {
		t.Fatalf("bench pipeline: status %d, stderr %q", status, stderr)
	}
	var r PipelineBench
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("output %q: %v", stdout, err)
	}
	if r.Documents != 20 || len(r.Runs) == 0 || r.Runs[0].Workers != 1 || r.Sentences == 0 || r.Runs[0].DocsPerSec <= 0 {
		t.Fatalf("report=%+v, want 20 documents, a one-worker run and rates", r)
	}
}

// TestBenchBatchNoStore holds the -store=false memory fix: a flush with no
// database must still empty the batch.
func TestBenchBatchNoStore(t *testing.T) {
	b := &benchBatch{}
	for i := range DefaultBatch + 3 {
		if err := b.add(t.Context(), &dyad.CodedDocument{Doc: &dyad.Document{ID: fmt.Sprint(i)}}); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := len(b.docs), 3; got != want {
		t.Fatalf("after %d adds, batch holds %d documents, want %d", DefaultBatch+3, got, want)
	}
	if err := b.flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	if len(b.docs) != 0 {
		t.Fatalf("after flush, batch holds %d documents, want 0", len(b.docs))
	}
}
