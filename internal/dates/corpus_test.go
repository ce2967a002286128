package dates_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dates"
)

// sharedData returns ../shared/data next to the module root, skipping the
// test when it is absent.
func sharedData(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("working directory: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("go.mod not found above the package")
		}
		dir = parent
	}
	data := filepath.Join(dir, "..", "shared", "data")
	if _, err := os.Stat(data); err != nil {
		t.Skipf("reference data not found at %s: skipping corpus test", data)
	}
	return data
}

// TestVOA runs Find over the Voice of America stories: every mention must
// lie in bounds, and every relative one with an inferred year (a weekday, a
// month without year, "yesterday") within a year of publication.
func TestVOA(t *testing.T) {
	f, err := os.Open(filepath.Join(sharedData(t), "corpora", "voa", "voa_stories.jsonl"))
	if err != nil {
		t.Skipf("VOA corpus: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var stories, found, relative int
	for sc.Scan() {
		var s struct{ Published, Text string }
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatalf("story %d: %v", stories+1, err)
		}
		pub, err := time.Parse("2006-01-02 15:04:05Z", s.Published)
		if err != nil {
			t.Fatalf("story %d: published %q: %v", stories+1, s.Published, err)
		}
		stories++
		for _, m := range dates.Find(s.Text, pub) {
			found++
			if os.Getenv("DATES_DUMP") != "" {
				t.Logf("%s\t%q\t%s..%s %s", s.Published[:10], m.Text, m.Date.Format(time.DateOnly), m.End.Format(time.DateOnly), m.Precision)
			}
			if !m.Relative || strings.Contains(m.Text, "ago") || strings.Contains(strings.ToLower(m.Text), "since") {
				continue
			}
			relative++
			year := 366 * 24 * time.Hour
			if m.End.Before(pub.Add(-year)) || m.Date.After(pub.Add(year)) {
				t.Errorf("story %d (%s): %q resolved to %s, far from publication", stories, s.Published, m.Text, m.Date.Format(time.DateOnly))
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read VOA corpus: %v", err)
	}
	t.Logf("%d stories, %d date mentions, %d relative", stories, found, relative)
}
