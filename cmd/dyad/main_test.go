package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

// run runs dyad with args and stdin and returns stdout, stderr and the exit
// status main would use.
func run(tb testing.TB, stdin string, args ...string) (stdout, stderr string, status int) {
	tb.Helper()
	var out, errb bytes.Buffer
	err := Run(context.Background(), args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb})
	status = exitCode(err, &errb)
	return out.String(), errb.String(), status
}

func TestRunUnknownCommand(t *testing.T) {
	_, stderr, status := run(t, "", "frobnicate")
	if status != 1 || !strings.Contains(stderr, `unknown command "frobnicate"`) {
		t.Fatalf("status=%d stderr=%q, want 1 and the unknown command named", status, stderr)
	}
}

func TestRunNoArgs(t *testing.T) {
	_, stderr, status := run(t, "")
	if status != 2 || !strings.Contains(stderr, "Usage:") {
		t.Fatalf("status=%d stderr=%q, want 2 and usage", status, stderr)
	}
}

var _ io.Reader = strings.NewReader("")
