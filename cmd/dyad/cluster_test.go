package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestClusterCommand stores a corpus without clustering, as workers do,
// and checks that dyad cluster leaves the store as an ingest that
// clusters does, and that a second run finds nothing to do.
func TestClusterCommand(t *testing.T) {
	dir := t.TempDir()
	corpus, _ := syntheticCorpus(t, dir, 200)
	ref, db := filepath.Join(dir, "ref.db"), filepath.Join(dir, "db.db")
	for _, args := range [][]string{{"--db", ref}, {"--db", db, "--no-cluster"}} {
		if _, stderr, status := run(t, "", append(append([]string{"ingest", "--quiet"}, args...), corpus)...); status != 0 {
			t.Fatalf("ingest %v: status %d\n%s", args, status, stderr)
		}
	}
	want := clusterStats(t, ref)
	if want.Clusters == 0 || want.Pending {
		t.Fatalf("ingest that clusters: %+v, want clusters and none pending", want)
	}
	if got := clusterStats(t, db); got.Clusters != 0 || !got.Pending {
		t.Fatalf("ingest --no-cluster: %+v, want no clusters and clustering pending", got)
	}
	_, stderr, status := run(t, "", "cluster", "--db", db)
	if status != 0 || !strings.Contains(stderr, "real-world events") {
		t.Fatalf("dyad cluster: status %d, stderr %q", status, stderr)
	}
	if got := clusterStats(t, db); got != want {
		t.Fatalf("after dyad cluster: %+v\ningest that clusters: %+v", got, want)
	}
	if _, stderr, status := run(t, "", "cluster", "--db", db); status != 0 || stderr != "" {
		t.Fatalf("dyad cluster with nothing pending: status %d, stderr %q; want 0 and silence", status, stderr)
	}
}

// TestWorkerClusters runs a worker with --cluster-every: what is
// published is stored and then clustered, with no ingest or cluster step,
// as an in-process ingest of the same corpus clusters it.
func TestWorkerClusters(t *testing.T) {
	const n = 24
	dir := t.TempDir()
	corpus := queueCorpus(t, n)
	ref := filepath.Join(dir, "ref.db")
	if _, stderr, status := run(t, "", "ingest", "--db", ref, "--quiet", corpus); status != 0 {
		t.Fatalf("ingest: status %d\n%s", status, stderr)
	}
	want := clusterStats(t, ref)
	if want.Clusters == 0 {
		t.Fatalf("reference ingest: %+v, want clusters", want)
	}
	natsURL := "nats://" + freeAddr(t)
	db := filepath.Join(dir, "dyad.db")
	logs, stop := startWorker(t, "worker", "--from", natsURL, "--embedded-nats", filepath.Join(dir, "nats"),
		"--db", db, "--metrics", "", "--cluster-every", "200ms")
	waitListening(t, natsURL)
	if _, stderr, status := run(t, "", "ingest", "--to", natsURL, "--quiet", corpus); status != 0 {
		t.Fatalf("ingest --to: status %d\n%s", status, stderr)
	}
	var got clusterCounts
	waitUntil(t, 60*time.Second, "every document stored and clustered", func() bool {
		got = clusterStats(t, db)
		return got.Documents == n && !got.Pending
	})
	stop()
	if got != want {
		t.Fatalf("worker with --cluster-every: %+v\nin-process ingest: %+v", got, want)
	}
	if !strings.Contains(logs.String(), "real-world events") {
		t.Fatalf("worker log names no clustering:\n%s", logs)
	}
}
