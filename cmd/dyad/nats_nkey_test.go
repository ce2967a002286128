package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmbeddedNATSNkeys runs a worker whose embedded NATS server lets in
// the nkeys of a list, over plain TCP and over TLS: a publisher with no
// credentials, one with a seed not on the list, and (with TLS) one that
// does not trust the server's certificate are turned away and store
// nothing; one with a listed seed gets its documents coded and stored by
// the worker, which signs in in process with a key of its own.
func TestEmbeddedNATSNkeys(t *testing.T) {
	for _, withTLS := range []bool{false, true} {
		name := map[bool]string{false: "OK/TCP", true: "OK/TLS"}[withTLS]
		t.Run(name, func(t *testing.T) { testEmbeddedNkeys(t, withTLS) })
	}
}

func testEmbeddedNkeys(t *testing.T, withTLS bool) {
	const n = 6
	dir := t.TempDir()
	seed, other := filepath.Join(dir, "ingest.seed"), filepath.Join(dir, "other.seed")
	pub := mustNkey(t, seed)
	mustNkey(t, other)
	if _, stderr, status := run(t, "", "nkey", seed); status == 0 || !strings.Contains(stderr, "exists") {
		t.Fatalf("dyad nkey over an existing seed: status %d, stderr %q; want refused", status, stderr)
	}
	keys := filepath.Join(dir, "nkeys")
	if err := os.WriteFile(keys, []byte("# the publishers\n"+pub+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	natsURL := "nats://" + freeAddr(t)
	db := filepath.Join(dir, "dyad.db")
	args := []string{"worker", "--from", natsURL, "--embedded-nats", filepath.Join(dir, "nats"),
		"--nats-nkeys", keys, "--db", db, "--metrics", ""}
	trust := []string{}
	refused := [][]string{nil, {"--nats-nkey", other}}
	if withTLS {
		certFile, keyFile, _ := selfSigned(t, dir)
		args = append(args, "--nats-tls-cert", certFile, "--nats-tls-key", keyFile)
		trust = []string{"--nats-ca", certFile}
		refused = append(refused, []string{"--nats-nkey", seed}) // does not trust the certificate
	}
	_, stop := startWorker(t, args...)
	waitListening(t, natsURL)
	corpus := queueCorpus(t, n)
	for _, creds := range refused {
		args := append(append([]string{"ingest", "--to", natsURL, "--quiet"}, creds...), corpus)
		if _, stderr, status := run(t, "", args...); status == 0 {
			t.Fatalf("ingest --to with %v: status 0, want refused; stderr:\n%s", creds, stderr)
		}
	}
	ok := append(append([]string{"ingest", "--to", natsURL, "--nats-nkey", seed, "--quiet"}, trust...), corpus)
	if _, stderr, status := run(t, "", ok...); status != 0 {
		t.Fatalf("ingest --to with a listed seed: status %d, stderr:\n%s", status, stderr)
	}
	waitStored(t, db, n)
	stop()
}

// mustNkey runs dyad nkey and returns the public key it prints.
func mustNkey(t *testing.T, seed string) string {
	t.Helper()
	stdout, stderr, status := run(t, "", "nkey", seed)
	pub := strings.TrimSpace(stdout)
	if status != 0 || !strings.HasPrefix(pub, "U") || len(pub) != 56 {
		t.Fatalf("dyad nkey %s: status %d, stdout %q, stderr %q; want a public user key", seed, status, stdout, stderr)
	}
	if st, err := os.Stat(seed); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("seed %s: %v, mode %v; want 0600", seed, err, st.Mode().Perm())
	}
	return pub
}

// TestEmbeddedNATSAuthErrors checks the embedded server's credentials
// before anything listens: a seed in the public key list, a line that is
// no key, and a token and nkeys together are each an error naming the
// place; an embedded server beyond loopback with neither is refused.
func TestEmbeddedNATSAuthErrors(t *testing.T) {
	dir := t.TempDir()
	seed := filepath.Join(dir, "a.seed")
	mustNkey(t, seed)
	b, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good", strings.TrimSpace(mustNkey(t, filepath.Join(dir, "b.seed")))+"\n")
	tok := write("token", "s3cret\n")
	port := strings.Split(freeAddr(t), ":")[1]
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"ErrSeedInList", []string{"--nats-nkeys", write("seeds", "# keys\n"+string(b))}, "seeds:2: a seed, not a public key"},
		{"ErrNotAKey", []string{"--nats-nkeys", write("junk", "UABC\n")}, "junk:1: not a public user nkey"},
		{"ErrEmpty", []string{"--nats-nkeys", write("empty", "# none\n")}, "no keys"},
		{"ErrBoth", []string{"--nats-nkeys", good, "--nats-token-file", tok}, "not both"},
		{"ErrOpenBeyondLoopback", []string{"--from", "nats://0.0.0.0:" + port}, "--nats-nkeys or --nats-token-file"},
		{"ErrNkeysWithoutServer", []string{"--nats-nkeys", good, "--embedded-nats", ""}, "go with --embedded-nats"},
		{"ErrCertWithoutKey", []string{"--nats-tls-cert", good}, "--nats-tls-cert and --nats-tls-key go together"},
		{"ErrBadCert", []string{"--nats-tls-cert", good, "--nats-tls-key", good}, "--nats-tls-cert " + good},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"worker", "--from", "nats://127.0.0.1:" + port, "--embedded-nats", filepath.Join(dir, tt.name),
				"--db", filepath.Join(dir, tt.name+".db"), "--metrics", ""}, tt.args...)
			if _, stderr, status := run(t, "", args...); status == 0 || !strings.Contains(stderr, tt.want) {
				t.Fatalf("dyad %s: status %d, stderr %q; want an error containing %q", strings.Join(args, " "), status, stderr, tt.want)
			}
		})
	}
}
