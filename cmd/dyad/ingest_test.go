package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlite"
)

// syntheticCorpus writes n JSONL stories (every tenth line broken) and
// returns the path and the number of good stories.
func syntheticCorpus(tb testing.TB, dir string, n int) (string, int) {
	tb.Helper()
	actors := []string{"Russian forces", "Ukrainian troops", "Chinese officials", "Japanese diplomats",
		"Iranian police", "Israeli soldiers", "German ministers", "French officials"}
	verbs := []string{"attacked", "met with", "criticized", "praised", "accused", "threatened", "visited", "condemned"}
	var b strings.Builder
	good := 0
	for i := range n {
		if i%10 == 9 {
			fmt.Fprintf(&b, "{\"id\": \"s%d\", \"text\": 12}\n", i)
			continue
		}
		a, v, t := actors[i%len(actors)], verbs[(i/3)%len(verbs)], actors[(i+3)%len(actors)]
		fmt.Fprintf(&b, `{"id": "s%d", "date": "2022-%02d-%02d", "source": "Wire%d", "text": "%s %s %s on Monday. In story %d, %s %s %s again."}`+"\n",
			i, 1+i%12, 1+i%28, i%3, a, v, t, i, t, verbs[i%len(verbs)], a)
		good++
	}
	path := filepath.Join(dir, "corpus.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path, good
}

func TestIngestExportRecode(t *testing.T) {
	dir := t.TempDir()
	corpus, good := syntheticCorpus(t, dir, 60)
	db := filepath.Join(dir, "dyad.db")
	_, stderr, status := run(t, "", "ingest", "--db", db, "--quiet", corpus)
	if status != 0 {
		t.Fatalf("ingest: status %d, stderr:\n%s", status, stderr)
	}
	ctx := context.Background()
	store, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	st, _ := store.Stats(ctx)
	if st.Documents != good || st.Errors != 60-good || st.Events == 0 {
		t.Fatalf("after ingest: %+v, want %d documents, %d errors and some events\nstderr:\n%s", st, good, 60-good, stderr)
	}
	// The same input again stores nothing new.
	run(t, "", "ingest", "--db", db, "--quiet", corpus)
	if st2, _ := store.Stats(ctx); st2.Documents != st.Documents || st2.Events != st.Events {
		t.Fatalf("second ingest changed the store: %+v, then %+v", st, st2)
	}
	for _, format := range []string{"jsonl", "csv", "gdelt", "phoenix", "plover", "parquet"} {
		out := filepath.Join(dir, "out."+format)
		if _, stderr, status := run(t, "", "export", "--db", db, "--format", format, "-o", out, "--from", "2022-01-01"); status != 0 {
			t.Fatalf("export %s: status %d: %s", format, status, stderr)
		}
		if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
			t.Fatalf("export %s wrote nothing", format)
		}
	}
	stdout, _, _ := run(t, "", "export", "--db", db, "--format", "jsonl", "--dyad", "RUS-UKR", "--one-a-day")
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if line != "" && !strings.Contains(line, `"code":"RUS`) {
			t.Fatalf("--dyad RUS-UKR exported %s", line)
		}
	}
	if _, stderr, status := run(t, "", "recode", "--db", db); status != 0 || !strings.Contains(stderr, fmt.Sprintf("%d documents re-coded, 0 changed", good)) {
		t.Fatalf("recode: status %d, stderr %q, want %d documents and no change", status, stderr, good)
	}
	if _, stderr, status := run(t, "", "export", "--db", filepath.Join(dir, "none.db")); status != 1 || !strings.Contains(stderr, "no database") {
		t.Fatalf("export from a missing db: status %d, stderr %q", status, stderr)
	}
}

func TestIngestBadFlags(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"ErrFormat", []string{"ingest", "--format", "pdf", "x"}, "unknown format"},
		{"ErrMissing", []string{"ingest", "--db", filepath.Join(t.TempDir(), "d.db"), "/no/such/file"}, "no such file"},
		{"ErrDyad", []string{"export", "--dyad", "USA"}, "want SRC-TGT"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, status := run(t, "", tt.args...)
			if status == 0 || !strings.Contains(stderr, tt.want) {
				t.Fatalf("dyad %q: status %d, stderr %q, want failure mentioning %q", tt.args, status, stderr, tt.want)
			}
		})
	}
}

var _ = dyad.ContentHash
