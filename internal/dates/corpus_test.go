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
	"github.com/dyad-events/dyad/internal/testingutil"
)

// sharedData returns the project's data folder, skipping the test when it
// is absent (testingutil.SharedData).
func sharedData(t testing.TB) string { return testingutil.SharedData(t) }

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
