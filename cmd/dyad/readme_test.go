package main

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

// block returns the lines of the first fenced block after marker in the
// file at path.
func block(t *testing.T, path, marker, fence string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, marker)
	if i < 0 {
		t.Fatalf("%s: no %q", path, marker)
	}
	s = s[i:]
	start := strings.Index(s, fence+"\n")
	end := strings.Index(s[start+len(fence)+1:], "```")
	if start < 0 || end < 0 {
		t.Fatalf("%s: no %s block after %q", path, fence, marker)
	}
	return strings.Split(strings.TrimSuffix(s[start+len(fence)+1:start+len(fence)+1+end], "\n"), "\n")
}

// TestREADMEFirstCommand runs the README's first command as it is written
// and checks that the sample rows the README shows are rows it prints.
func TestREADMEFirstCommand(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var cmd string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "    go run ./cmd/dyad ") {
			cmd = strings.TrimPrefix(l, "    go run ./cmd/dyad ")
			break
		}
	}
	if cmd == "" {
		t.Fatal("README: no first command")
	}
	args := strings.Fields(cmd)
	for i, a := range args {
		if _, err := os.Stat("../../" + a); err == nil && !strings.HasPrefix(a, "-") {
			args[i] = "../../" + a
		}
	}
	stdout, stderr, status := run(t, "", args...)
	if status != 0 || stderr != "" {
		t.Fatalf("README's first command %q: status %d, stderr %q", cmd, status, stderr)
	}
	printed := map[string]bool{}
	for _, l := range strings.Split(stdout, "\n") {
		printed[l] = true
	}
	rows := block(t, "../../README.md", "## Sample output", "```")
	if rows[0] != strings.SplitN(stdout, "\n", 2)[0] {
		t.Errorf("README sample header %q, the command prints %q", rows[0], strings.SplitN(stdout, "\n", 2)[0])
	}
	for _, r := range rows[1:] {
		if !printed[r] {
			t.Errorf("README sample row is not printed by %q:\n%s", cmd, r)
		}
	}
}

// TestFormatExample checks that docs/FORMAT.md's example record is the
// record dyad writes today for the same event.
func TestFormatExample(t *testing.T) {
	lines := block(t, "../../docs/FORMAT.md", "# The event record", "```json")
	var doc map[string]any
	if err := json.Unmarshal([]byte(strings.Join(lines, "\n")), &doc); err != nil {
		t.Fatalf("FORMAT.md example: %v", err)
	}
	stdout, _, _ := run(t, "", "code", "--date", "2016-10-27", story)
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatal(err)
		}
		if rec["id"] == doc["id"] {
			if !reflect.DeepEqual(rec, doc) {
				t.Errorf("FORMAT.md's example differs from the record dyad writes:\n got: %s\ndoc: %v", l, doc)
			}
			return
		}
	}
	t.Errorf("dyad writes no event %v for the example story", doc["id"])
}
