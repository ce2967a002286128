package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/sqlite"
)

var kills = flag.Int("kills", 3, "SIGKILLs at random points of ingest in TestIngestKill9Random")

// buildDyad builds the dyad binary into dir.
func buildDyad(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "dyad")
	build := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestIngestKill9Clustering kills "dyad ingest" with SIGKILL as soon as
// it has stored the last document, while it regroups mentions into
// clusters, then runs the same command again: the re-run stores nothing
// new but must finish the clustering, so that the store ends as an
// uninterrupted run leaves it.
func TestIngestKill9Clustering(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests 1,500 stories; skipped with -short")
	}
	dir := t.TempDir()
	bin := buildDyad(t, dir)
	corpus, _ := syntheticCorpus(t, dir, 1500)
	ref := filepath.Join(dir, "ref.db")
	ingestTo(t, bin, ref, corpus)
	want := clusterStats(t, ref)
	if want.Clusters == 0 {
		t.Fatalf("uninterrupted run: %+v, want some clusters", want)
	}
	landed := false
	for try := 0; try < 3 && !landed; try++ {
		db := filepath.Join(dir, "killed"+string(rune('a'+try))+".db")
		killWhileClustering(t, bin, db, corpus)
		got := clusterStats(t, db)
		if got.Documents != want.Documents {
			t.Fatalf("killed after the last store: %+v, want all %d documents", got, want.Documents)
		}
		if !got.Pending {
			t.Logf("try %d: clustering had finished before the kill (%+v)", try, got)
			continue
		}
		landed = true
		t.Logf("killed while clustering: %+v", got)
		ingestTo(t, bin, db, corpus)
		if got := clusterStats(t, db); got != want {
			t.Fatalf("after a kill while clustering and a re-run: %+v\nuninterrupted run: %+v", got, want)
		}
		checkWhole(t, db)
	}
	if !landed {
		t.Fatal("no kill landed while clustering in 3 tries")
	}
}

// killWhileClustering runs an ingest and kills it as soon as it prints its
// final progress line, which it does after storing the last batch and
// before clustering.
func killWhileClustering(t *testing.T, bin, db, corpus string) {
	t.Helper()
	cmd := exec.Command(bin, "ingest", "--db", db, "--batch", "16", corpus)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	var lines []string
	for sc.Scan() {
		l := sc.Text()
		lines = append(lines, l)
		if strings.Contains(l, " documents (") && !strings.Contains(l, " left") {
			cmd.Process.Signal(syscall.SIGKILL)
			break
		}
	}
	err = cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("ingest ended with %v before the kill; stderr:\n%s", err, strings.Join(lines, "\n"))
	}
}

// TestIngestKill9Random kills "dyad ingest" with SIGKILL at a random
// moment of a run (reading, coding, storing or clustering), -kills times,
// each time on a fresh store, and runs it once more: each store must end
// as an uninterrupted run leaves it, clusters included, and whole.
func TestIngestKill9Random(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests 1,500 stories several times; skipped with -short")
	}
	dir := t.TempDir()
	bin := buildDyad(t, dir)
	corpus, _ := syntheticCorpus(t, dir, 1500)
	ref := filepath.Join(dir, "ref.db")
	start := time.Now()
	ingestTo(t, bin, ref, corpus)
	full := time.Since(start)
	want := clusterStats(t, ref)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 20))
	landed, clustering := 0, 0
	for i := range *kills {
		db := filepath.Join(dir, fmt.Sprintf("killed%d.db", i))
		at := time.Duration(rng.Int64N(int64(full)))
		cmd := exec.Command(bin, "ingest", "--db", db, "--quiet", "--batch", "16", corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		timer := time.AfterFunc(at, func() { cmd.Process.Signal(syscall.SIGKILL) })
		err := cmd.Wait()
		timer.Stop()
		killed := clusterStats(t, db)
		if err != nil {
			landed++
			if killed.Documents == want.Documents && killed.Pending {
				clustering++
			}
		}
		ingestTo(t, bin, db, corpus)
		if got := clusterStats(t, db); got != want {
			t.Fatalf("kill %d at %s (%v) left %+v; after a re-run: %+v\nuninterrupted run: %+v", i, at, err, killed, got, want)
		}
		checkWhole(t, db)
		t.Logf("kill %d at %s: %v; left %+v; whole after a re-run", i, at.Round(time.Millisecond), err, killed)
	}
	t.Logf("%d of %d kills landed before the run ended, %d of them after the last document was stored", landed, *kills, clustering)
}

// clusterCounts is what a finished ingest leaves: rows, events outside a
// cluster, and whether clustering is pending.
type clusterCounts struct {
	sqlite.Stats
	Unclustered int
	Pending     bool
}

func clusterStats(t *testing.T, db string) clusterCounts {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var c clusterCounts
	if c.Stats, err = store.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	if err := store.SQL().QueryRowContext(ctx, "SELECT count(*) FROM events WHERE cluster_id IS NULL").Scan(&c.Unclustered); err != nil {
		t.Fatal(err)
	}
	if _, c.Pending, err = store.ClusterState(ctx); err != nil {
		t.Fatal(err)
	}
	return c
}
