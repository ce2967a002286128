package main

import (
	"encoding/json"
	"testing"
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
