package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

const story = "../../examples/korea-pressure.txt"

// events decodes JSONL output.
func events(tb testing.TB, out string) []dyad.Event {
	tb.Helper()
	var evs []dyad.Event
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var ev dyad.Event
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			tb.Fatalf("output line %d: %v\n%s", n, err, sc.Text())
		}
		evs = append(evs, ev)
	}
	return evs
}

func TestCodeBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", "Japan and China held talks.\n")
	for _, tt := range []struct {
		name  string
		args  []string
		stdin string
		want  string // in stderr
	}{
		{"ErrMissingFile", []string{"code", filepath.Join(dir, "nope.txt"), good}, "", "nope.txt: cannot open: no such file or directory"},
		{"ErrEmptyFile", []string{"code", write("empty.txt", ""), good}, "", "empty.txt: empty document"},
		{"ErrBinary", []string{"code", write("bin.txt", "\x7fELF\x00\x01\x02"), good}, "", "bin.txt: binary data"},
		{"ErrUTF8", []string{"code", write("latin1.txt", "Caf\xe9 society met."), good}, "", "latin1.txt: not valid UTF-8"},
		{"ErrDirectory", []string{"code", dir, good}, "", "is a directory"},
		{"ErrJSONL", []string{"code", "--in", "jsonl"}, "{\"id\":\"a\",\"text\":\"Japan met China.\"}\n{bad\n", "stdin:2: malformed JSON"},
		{"ErrJSONLField", []string{"code", "--in", "jsonl"}, "{\"id\":\"a\"}\n", `stdin:1: field "text": missing`},
		{"ErrJSONLDate", []string{"code", "--in", "jsonl"}, "{\"id\":\"a\",\"text\":\"x\",\"date\":\"yesterday\"}\n", `stdin:1: field "date": bad date "yesterday"`},
		{"ErrLongLine", []string{"code", "--in", "jsonl", "--max-bytes", "1000"}, "{\"id\":\"a\",\"text\":\"" + strings.Repeat("x", 5000) + "\"}\n", "stdin:1: line longer than"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, status := run(t, tt.stdin, tt.args...)
			if status != 1 {
				t.Errorf("status=%d, want 1", status)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr=%q, want it to contain %q", stderr, tt.want)
			}
			if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
				t.Errorf("stderr shows a crash: %s", stderr)
			}
		})
	}
	t.Run("ErrBadDate", func(t *testing.T) {
		_, stderr, status := run(t, "", "code", "--date", "2016-13-40", good)
		if status != 1 || !strings.Contains(stderr, `--date: bad date "2016-13-40"`) {
			t.Fatalf("status=%d stderr=%q, want 1 and the bad date named", status, stderr)
		}
	})
	t.Run("ErrBadFormat", func(t *testing.T) {
		_, stderr, status := run(t, "", "code", "--format", "xml", good)
		if status != 1 || !strings.Contains(stderr, `unknown output format "xml"`) {
			t.Fatalf("status=%d stderr=%q", status, stderr)
		}
	})
}

func TestCodeTSV(t *testing.T) {
	stdout, stderr, status := run(t, "", "code", "--format", "tsv", "--date", "2016-10-27", story)
	if status != 0 {
		t.Fatalf("status=%d stderr=%s", status, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if got, want := lines[0], "doc_id\tsentence\tdate\tsource\ttarget\tcameo\tname\tgoldstein\tquad\tplover\tmodality\tconfidence\tverb"; got != want {
		t.Fatalf("header=%q, want %q", got, want)
	}
	for i, l := range lines[1:] {
		if n := strings.Count(l, "\t"); n != 12 {
			t.Errorf("row %d has %d tabs, want 12: %q", i+1, n, l)
		}
	}
}
