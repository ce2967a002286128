package petrarch_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/dict/petrarch"
	"github.com/dyad-events/dyad/internal/testingutil"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name, head string
		want       petrarch.FileKind
	}{
		{"Phoenix.agents.txt", "!PERSON! = MAN", petrarch.AgentFile},
		{"CAMEO.2.0.txt", "&AUXVERB1_\n+WAS", petrarch.VerbFile},
		{"PETR.Validate.verbs.txt", "", petrarch.VerbFile},
		{"Phoenix.Countries.actors.txt", "# comment\nAFGHANISTAN [AFG]", petrarch.ActorFile},
		{"Phoenix.discards.txt", "1914", petrarch.DiscardFile},
		{"Phoenix.IssueCoding.txt", "", petrarch.IssueFile},
		{"mine.txt", "<!-- c -->\n--- ATTACK [190] ---", petrarch.VerbFile},
		{"mine.txt", "POLICE [~COP]", petrarch.AgentFile},
		{"mine.txt", "ARNOR [ARN]", petrarch.ActorFile},
		{"mine.txt", "<ISSUE CATEGORY=\"X\" TYPE=\"ALL\">", petrarch.IssueFile},
		{"agents.txt", "# dyad's own\nagent GOV minister(s)", petrarch.Unknown},
		{"verbs.txt", "verb 036 meet with", petrarch.Unknown},
		{"notes.txt", "just words", petrarch.Unknown},
	}
	for _, tc := range tests {
		if got := petrarch.Sniff(tc.name, []byte(tc.head)); got != tc.want {
			t.Errorf("Sniff(%q, %q) = %v, want %v", tc.name, tc.head, got, tc.want)
		}
	}
}

func TestLoadDirectory(t *testing.T) {
	s, err := petrarch.Load("testdata")
	var list dict.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Load(testdata) = %v, want the bad files' ErrorList", err)
	}
	files := map[string]bool{}
	for _, e := range list {
		files[filepath.Base(e.Pos.File)] = true
	}
	for _, f := range []string{"actors.bad.txt", "agents.bad.txt", "verbs.bad.txt", "discards.bad.txt", "issues.bad.txt"} {
		if !files[f] {
			t.Errorf("no errors reported for %s; files with errors: %v", f, files)
		}
	}
	if len(s.Actors) == 0 || len(s.Agents) == 0 || len(s.Verbs) != 2 || len(s.Discards) == 0 || len(s.Issues) == 0 {
		t.Errorf("Load(testdata) read %d actors, %d agents, %d verb files, %d discards, %d issues; want some of each, 2 verb files",
			len(s.Actors), len(s.Agents), len(s.Verbs), len(s.Discards), len(s.Issues))
	}
	if !petrarch.Recognize("testdata") || petrarch.Recognize("../data-none") {
		t.Errorf("Recognize: testdata should be a PETRARCH directory, a missing path not")
	}
}

func TestLoadFileNotPetrarch(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "mine.txt")
	if err := os.WriteFile(p, []byte("country USA United States\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if petrarch.Recognize(p) {
		t.Errorf("Recognize(%s) = true for a file in dyad's format", p)
	}
	if _, err := petrarch.LoadFile(p); err == nil || !strings.Contains(err.Error(), "no PETRARCH files") {
		t.Errorf("LoadFile(dyad file) = %v, want a no PETRARCH files error", err)
	}
}

// sharedData returns the project's data folder, skipping the test when
// its petrarch/ is absent (testingutil.SharedData).
func sharedData(t testing.TB) string { return filepath.Dir(testingutil.SharedData(t, "petrarch")) }

// TestSharedDictionaries reads the PETRARCH validation and Phoenix
// dictionaries: every file is read, bad lines are few and each is a real
// fault of the file (checked by position), and the entries convert.
func TestSharedDictionaries(t *testing.T) {
	data := sharedData(t)
	tests := []struct {
		dir                 string
		maxBad              int
		minActors, minVerbs int
		mustFlag            string // one known bad line, "file:line"
	}{
		{"petrarch/validate", 2, 120, 400, "PETR.Validate.verbs.txt:975"},
		{"petrarch/phoenix", 26, 27000, 100000, "Phoenix.International.actors.txt:40"},
	}
	for _, tc := range tests {
		t.Run(tc.dir, func(t *testing.T) {
			s, err := petrarch.Load(filepath.Join(data, tc.dir))
			var bad dict.ErrorList
			if err != nil && !errors.As(err, &bad) {
				t.Fatalf("Load: %v", err)
			}
			for _, e := range bad {
				t.Logf("bad line: %v", e)
			}
			if len(bad) > tc.maxBad {
				t.Errorf("%d bad lines, want at most %d:\n%v", len(bad), tc.maxBad, bad)
			}
			found := false
			for _, e := range bad {
				if strings.HasSuffix(e.Pos.File, "/"+strings.Split(tc.mustFlag, ":")[0]) && strings.HasSuffix(tc.mustFlag, ":"+itoa(e.Pos.Line)) {
					found = true
				}
			}
			if !found {
				t.Errorf("the known bad line %s is not reported; got %v", tc.mustFlag, bad)
			}
			d, rep := s.Dictionary()
			verbs := 0 // patterns, one per head
			for _, v := range d.Verbs {
				verbs += 1 + len(v.Heads)
			}
			if len(d.Actors) < tc.minActors || verbs < tc.minVerbs {
				t.Errorf("%d actors, %d verb patterns; want at least %d and %d (report %+v)", len(d.Actors), verbs, tc.minActors, tc.minVerbs, rep)
			}
		})
	}
}

func itoa(n int) string {
	b := []byte{}
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}
