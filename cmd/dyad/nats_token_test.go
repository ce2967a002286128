package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmbeddedNATSToken runs a worker with an embedded NATS server that
// requires a token: a publisher without the token is turned away and
// stores nothing, one with it gets its documents coded and stored. An
// embedded server asked to listen beyond loopback without a token is
// refused before it listens.
func TestEmbeddedNATSToken(t *testing.T) {
	const n = 6
	dir := t.TempDir()
	tokFile := filepath.Join(dir, "token")
	if err := os.WriteFile(tokFile, []byte("s3cret-token\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, stderr, status := run(t, "", "worker", "--from", "nats://0.0.0.0:"+strings.Split(freeAddr(t), ":")[1],
		"--embedded-nats", filepath.Join(dir, "open"), "--db", filepath.Join(dir, "open.db"), "--metrics", ""); status == 0 || !strings.Contains(stderr, "--nats-token-file") {
		t.Fatalf("embedded NATS on 0.0.0.0 without a token: status %d, stderr %q; want an error naming --nats-token-file", status, stderr)
	}

	natsURL := "nats://" + freeAddr(t)
	db := filepath.Join(dir, "dyad.db")
	_, stop := startWorker(t, "worker", "--from", natsURL, "--embedded-nats", filepath.Join(dir, "nats"),
		"--nats-token-file", tokFile, "--db", db, "--metrics", "")
	waitListening(t, natsURL)
	corpus := queueCorpus(t, n)
	if _, stderr, status := run(t, "", "ingest", "--to", natsURL, "--quiet", corpus); status == 0 {
		t.Fatalf("ingest --to without the token: status 0, want refused; stderr:\n%s", stderr)
	}
	if _, stderr, status := run(t, "", "ingest", "--to", natsURL, "--nats-token-file", tokFile, "--quiet", corpus); status != 0 {
		t.Fatalf("ingest --to with the token: status %d, stderr:\n%s", status, stderr)
	}
	waitStored(t, db, n)
	stop()
}
