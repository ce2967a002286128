package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCodeEmptyInput holds the lazy pipeline of dyad code: empty input
// is reported as before, and a bad --dict is still reported at once
// although no document needs the pipeline.
func TestCodeEmptyInput(t *testing.T) {
	stdout, stderr, _ := run(t, "", "code")
	if stdout != "" || !strings.Contains(stderr, "empty document") {
		t.Fatalf("empty input: stdout %q, stderr %q; want nothing and the empty document named", stdout, stderr)
	}
	_, stderr, status := run(t, "", "code", "--dict", filepath.Join(t.TempDir(), "missing.txt"))
	if status == 0 || !strings.Contains(stderr, "missing.txt") {
		t.Fatalf("missing --dict on empty input: status %d, stderr %q; want an error naming the file", status, stderr)
	}
}

// TestBenchStoreAndAPI builds a small synthetic store and load-tests it:
// every case answers, each on one line ending in p95=<ms>.
func TestBenchStoreAndAPI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bench.db")
	stdout, stderr, status := run(t, "", "bench", "store", "--events", "3000", "--db", db)
	if status != 0 || !strings.Contains(stdout, "events=3000 ") {
		t.Fatalf("bench store: status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
	_, stderr, status = run(t, "", "bench", "store", "--events", "10", "--db", db)
	if status == 0 || !strings.Contains(stderr, "holds documents") {
		t.Fatalf("bench store into a full store: status %d, stderr %q; want an error", status, stderr)
	}
	stdout, stderr, status = run(t, "", "bench", "api", "--db", db, "--requests", "4", "--clients", "2")
	if status != 0 {
		t.Fatalf("bench api: status %d, stderr %q", status, stderr)
	}
	line := regexp.MustCompile(`^(\S+ )+ *n=4 errors=0 .* p95=[0-9]+\.[0-9]$`)
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if strings.HasPrefix(l, "#") {
			continue
		}
		n++
		if !line.MatchString(l) {
			t.Errorf("bench api line %q: want n=4 errors=0 … p95=<ms>", l)
		}
	}
	if n < 20 {
		t.Fatalf("bench api printed %d cases, want every filter:\n%s", n, stdout)
	}
}
