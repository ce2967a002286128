package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/export"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		date       string
		dicts      []string
		names      []string
		deprecated bool
	}{
		{"FlagsFirst", []string{"--date", "2016-10-27", "a.txt"}, "2016-10-27", nil, []string{"a.txt"}, false},
		{"FlagsAfterNames", []string{"a.txt", "--date", "2016-10-27", "b.txt"}, "2016-10-27", nil, []string{"a.txt", "b.txt"}, false},
		{"FlagsLast", []string{"a.txt", "b.txt", "-date=2016-10-27"}, "2016-10-27", nil, []string{"a.txt", "b.txt"}, false},
		{"Repeatable", []string{"-dict", "x", "a.txt", "-dict", "y"}, "", []string{"x", "y"}, []string{"a.txt"}, false},
		{"Stdin", []string{"-", "--date", "2016-10-27"}, "2016-10-27", nil, []string{"-"}, false},
		{"DoubleDash", []string{"a.txt", "--", "--date", "b.txt"}, "", nil, []string{"a.txt", "--date", "b.txt"}, false},
		{"Deprecated", []string{"a.txt", "--when", "2016-10-27"}, "2016-10-27", nil, []string{"a.txt"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr strings.Builder
			fs := flag.NewFlagSet("dyad test", flag.ContinueOnError)
			fs.SetOutput(&stderr)
			date := fs.String("date", "", "")
			alias(fs, "when", "date")
			var dicts stringList
			fs.Var(&dicts, "dict", "")
			if err := parseArgs(fs, tt.args); err != nil {
				t.Fatalf("parseArgs(%q): %v", tt.args, err)
			}
			if *date != tt.date || !slices.Equal([]string(dicts), tt.dicts) || !slices.Equal(fs.Args(), tt.names) {
				t.Errorf("parseArgs(%q): date=%q dicts=%q names=%q, want %q %q %q",
					tt.args, *date, dicts, fs.Args(), tt.date, tt.dicts, tt.names)
			}
			warned := strings.Contains(stderr.String(), "--when is deprecated; use --date")
			if warned != tt.deprecated {
				t.Errorf("deprecation warning=%v, want %v; stderr=%q", warned, tt.deprecated, stderr.String())
			}
		})
	}
	t.Run("ErrUnknownFlagAfterName", func(t *testing.T) {
		fs := flag.NewFlagSet("dyad test", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		if err := parseArgs(fs, []string{"a.txt", "--nope"}); err == nil || !strings.Contains(err.Error(), "nope") {
			t.Fatalf("err=%v, want the unknown flag named", err)
		}
	})
}

// TestCodeFlagsAnywhere codes the example story with its flags after the
// file name, in the new and the deprecated spelling, and to a file.
func TestCodeFlagsAnywhere(t *testing.T) {
	want, stderr, status := run(t, "", "code", "--format", "tsv", "--date", "2016-10-27", story)
	if status != 0 || strings.Count(want, "\n") < 2 {
		t.Fatalf("status=%d stdout=%q stderr=%s", status, want, stderr)
	}
	got, stderr, status := run(t, "", "code", story, "--date", "2016-10-27", "--format", "tsv")
	if status != 0 || got != want {
		t.Fatalf("flags after the file: status=%d stderr=%s\ngot:\n%s\nwant:\n%s", status, stderr, got, want)
	}
	got, stderr, _ = run(t, "", "code", story, "--out", "tsv", "--date", "2016-10-27")
	if got != want || !strings.Contains(stderr, "--out is deprecated; use --format") {
		t.Fatalf("--out: stderr=%q, same output: %v", stderr, got == want)
	}
	file := filepath.Join(t.TempDir(), "events.tsv")
	stdout, stderr, status := run(t, "", "code", story, "--format", "tsv", "--date", "2016-10-27", "-o", file)
	written, _ := os.ReadFile(file)
	if status != 0 || stdout != "" || string(written) != want {
		t.Fatalf("-o: status=%d stdout=%q stderr=%s file:\n%s", status, stdout, stderr, written)
	}
}

func TestCodeHelpListsFormats(t *testing.T) {
	_, stderr, _ := run(t, "", "code", "-h")
	for _, f := range export.Formats {
		if !strings.Contains(stderr, f) {
			t.Errorf("code -h does not name format %q:\n%s", f, stderr)
		}
	}
}

func TestCodeWarnsWithoutDate(t *testing.T) {
	_, stderr, status := run(t, "", "code", "--format", "tsv", story)
	if status != 0 || !strings.Contains(stderr, "no --date") {
		t.Errorf("without --date: status=%d stderr=%q, want a warning naming --date", status, stderr)
	}
	_, stderr, _ = run(t, "", "code", "--format", "tsv", "--date", "2016-10-27", story)
	if strings.Contains(stderr, "--date") {
		t.Errorf("with --date: stderr=%q, want no warning", stderr)
	}
	// Piped stderr gets no progress line.
	if strings.Contains(stderr, "\r") || strings.Contains(stderr, "coded") {
		t.Errorf("stderr is not a terminal but shows progress: %q", stderr)
	}
}

func TestIngestAllFailedExitsNonZero(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"id\": \"a\", \"text\": 12}\nnot json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "dyad.db")
	_, stderr, status := run(t, "", "ingest", bad, "--db", db, "--quiet")
	if status == 0 || !strings.Contains(stderr, "2 inputs failed") {
		t.Fatalf("every input failed: status=%d stderr=%q, want non-zero and the count", status, stderr)
	}
	good := filepath.Join(dir, "mixed.jsonl")
	os.WriteFile(good, []byte("{\"id\": \"b\", \"date\": \"2022-01-03\", \"text\": \"Russian forces attacked Ukrainian troops on Monday.\"}\nnot json\n"), 0o644)
	_, stderr, status = run(t, "", "ingest", good, "--db", db, "--quiet")
	if status != 0 || !strings.Contains(stderr, "1 inputs failed") {
		t.Fatalf("one of two failed: status=%d stderr=%q, want 0 and the count", status, stderr)
	}
}

func TestExportRejectsBadFilters(t *testing.T) {
	dir := t.TempDir()
	corpus, _ := syntheticCorpus(t, dir, 10)
	db := filepath.Join(dir, "dyad.db")
	if _, stderr, status := run(t, "", "ingest", "--db", db, "--quiet", corpus); status != 0 {
		t.Fatalf("ingest: %d %s", status, stderr)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"Modality", []string{"--modality", "maybe"}, `--modality: want asserted`},
		{"CAMEO", []string{"--cameo", "abc"}, `--cameo: want a CAMEO code`},
		{"FromAfterTo", []string{"--from", "2022-05-01", "--to", "2022-01-01"}, "--from: 2022-05-01 is after --to 2022-01-01"},
		{"BadDate", []string{"--from", "2022-13-01"}, `--from: want a date YYYY-MM-DD, got "2022-13-01"`},
		{"Quad", []string{"--quad", "7"}, "--quad: want a quad class from 1 to 4"},
		{"Dyad", []string{"--dyad", "USA"}, `--dyad "USA": want SRC-TGT`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := run(t, "", append([]string{"export", "--db", db}, tt.args...)...)
			if status == 0 || !strings.Contains(stderr, tt.want) || stdout != "" {
				t.Fatalf("export %q: status=%d stdout=%q stderr=%q, want non-zero and %q", tt.args, status, stdout, stderr, tt.want)
			}
		})
	}
	t.Run("OKLowerCase", func(t *testing.T) {
		all, _, _ := run(t, "", "export", "--db", db, "--format", "csv")
		some, stderr, status := run(t, "", "export", "--db", db, "--format", "csv", "--modality", "Asserted", "--country", "rus")
		if status != 0 || strings.Count(some, "\n") < 2 || strings.Count(some, "\n") >= strings.Count(all, "\n") {
			t.Fatalf("status=%d stderr=%q: %d of %d lines", status, stderr, strings.Count(some, "\n"), strings.Count(all, "\n"))
		}
	})
}

func TestProgress(t *testing.T) {
	var out strings.Builder
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := &progress{out: &out, what: "stories coded", now: func() time.Time { return now }}
	p.start = now
	p.Add(5)
	if out.Len() != 0 {
		t.Fatalf("progress before %s: %q", progressDelay, out.String())
	}
	now = now.Add(2 * time.Second)
	p.Add(5)
	if got, want := out.String(), "\r\033[K10 stories coded, 5/s, 2s"; got != want {
		t.Fatalf("progress line %q, want %q", got, want)
	}
	p.Done()
	if !strings.HasSuffix(out.String(), "10 stories coded, 5/s, 2s\n") {
		t.Fatalf("Done wrote %q, want the final line", out.String())
	}
	quiet := newProgress(&out, "x") // not a terminal
	quiet.Add(1)
	if quiet.out != nil {
		t.Fatal("progress on a strings.Builder: want none")
	}
}
