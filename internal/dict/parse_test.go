package dict_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/dict"
)

// errMarker is an expected error in a testdata/*.bad.txt line: a trailing
// comment `# ERROR col "substring"`.
var errMarker = regexp.MustCompile(`# ERROR (\d+) "([^"]*)"`)

type wantErr struct {
	line, col int
	sub       string
}

// TestParseFailure parses every testdata/*.bad.txt file and checks that
// each marked line, and only those, is reported at the marked column.
func TestParseFailure(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.bad.txt")
	if len(files) == 0 {
		t.Fatal("no testdata/*.bad.txt files")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var want []wantErr
			for i, line := range strings.Split(string(src), "\n") {
				if m := errMarker.FindStringSubmatch(line); m != nil {
					col, _ := strconv.Atoi(m[1])
					want = append(want, wantErr{i + 1, col, m[2]})
				}
			}
			_, err = dict.Parse(file, strings.NewReader(string(src)))
			var list dict.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Parse(%s) error = %v, want an ErrorList", file, err)
			}
			got := map[int]*dict.Error{}
			for _, e := range list {
				if e.Pos.File != file {
					t.Errorf("error %v: file %q, want %q", e, e.Pos.File, file)
				}
				if old := got[e.Pos.Line]; old != nil {
					t.Errorf("line %d reported twice: %v and %v", e.Pos.Line, old, e)
				}
				got[e.Pos.Line] = e
			}
			for _, w := range want {
				e := got[w.line]
				delete(got, w.line)
				switch {
				case e == nil:
					t.Errorf("line %d: no error, want col %d %q", w.line, w.col, w.sub)
				case e.Pos.Col != w.col || !strings.Contains(e.Msg, w.sub):
					t.Errorf("line %d: got %v, want col %d %q", w.line, e, w.col, w.sub)
				}
			}
			for _, e := range got {
				t.Errorf("unexpected error %v", e)
			}
		})
	}
}

func TestParseErrorsInline(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"InvalidUTF8", "country FRA Fr\xffance\n", "x:1:15: invalid UTF-8"},
		{"LongLine", "agent GOV " + strings.Repeat("a", 2<<20) + "\n", "x:1:1: line longer than"},
		{"SecondLineOnly", "verb 036 meet\n\tname x\n", "x:2:2: indented line outside"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := dict.Parse("x", strings.NewReader(tt.input))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("Parse(%.40q) error = %v, want prefix %q", tt.input, err, tt.want)
			}
		})
	}
}
