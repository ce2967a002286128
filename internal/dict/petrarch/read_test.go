package petrarch_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/dict/petrarch"
)

// errorMarker is an expected error written on the offending line:
// "# ERROR col "regexp"".
var errorMarker = regexp.MustCompile(`# ERROR (\d+) "(.*)"\s*$`)

type want struct {
	line, col int
	rx        *regexp.Regexp
}

// markers reads the expected errors of a testdata file.
func markers(t *testing.T, path string) []want {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []want
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if m := errorMarker.FindStringSubmatch(sc.Text()); m != nil {
			col, _ := strconv.Atoi(m[1])
			out = append(out, want{n, col, regexp.MustCompile(m[2])})
		}
	}
	return out
}

// TestBadLines reads each *.bad.txt and checks that every marked line, and
// no other, is reported at the marked column with a matching message.
func TestBadLines(t *testing.T) {
	for _, tc := range []struct {
		file string
		kind petrarch.FileKind
	}{
		{"actors.bad.txt", petrarch.ActorFile},
		{"agents.bad.txt", petrarch.AgentFile},
		{"verbs.bad.txt", petrarch.VerbFile},
		{"discards.bad.txt", petrarch.DiscardFile},
		{"issues.bad.txt", petrarch.IssueFile},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", tc.file)
			s, err := petrarch.Read(path, tc.kind)
			var got dict.ErrorList
			if !errors.As(err, &got) {
				t.Fatalf("Read(%s) = %v, want a dict.ErrorList", path, err)
			}
			if s == nil {
				t.Fatalf("Read(%s) returned no entries with its errors", path)
			}
			wants := markers(t, path)
			byLine := map[int]*dict.Error{}
			for _, e := range got {
				if e.Pos.File != path {
					t.Errorf("error %v names file %q, want %q", e, e.Pos.File, path)
				}
				if byLine[e.Pos.Line] != nil {
					t.Errorf("two errors on line %d: %v and %v", e.Pos.Line, byLine[e.Pos.Line], e)
				}
				byLine[e.Pos.Line] = e
			}
			for _, w := range wants {
				e := byLine[w.line]
				switch {
				case e == nil:
					t.Errorf("line %d: no error, want col %d %q", w.line, w.col, w.rx)
				case e.Pos.Col != w.col || !w.rx.MatchString(e.Msg):
					t.Errorf("line %d: got %v, want col %d %q", w.line, e, w.col, w.rx)
				}
				delete(byLine, w.line)
			}
			for _, e := range byLine {
				t.Errorf("unexpected error %v", e)
			}
		})
	}
}

// TestBadFilesKeepGoodLines checks that the last, good entry of each bad
// file is read despite the errors before it.
func TestBadFilesKeepGoodLines(t *testing.T) {
	s, _ := petrarch.Read("testdata/actors.bad.txt", petrarch.ActorFile)
	if n := len(s.Actors); n == 0 || s.Actors[n-1].Name != "GOOD" {
		t.Errorf("actors.bad.txt: last actor = %v, want GOOD", names(s.Actors))
	}
	v, _ := petrarch.Read("testdata/verbs.bad.txt", petrarch.VerbFile)
	bs := v.Verbs[0].Blocks
	if last := bs[len(bs)-1]; last.Head != "GOOD" || len(last.Patterns) != 1 {
		t.Errorf("verbs.bad.txt: last block %q with %d patterns, want GOOD with 1", last.Head, len(last.Patterns))
	}
}

func names(as []*petrarch.ActorEntry) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

// dump renders anything compactly for comparisons.
func dump(v any) string { return fmt.Sprintf("%+v", v) }

// sorted returns ss sorted.
func sorted(ss []string) []string {
	out := append([]string(nil), ss...)
	sort.Strings(out)
	return out
}

func join(ss []string) string { return strings.Join(ss, " | ") }
