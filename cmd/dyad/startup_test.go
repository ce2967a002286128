package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/testingutil"
)

// asDyad is set in the environment of a process BenchmarkStartup starts
// from this test binary: TestMain then runs dyad's main instead of the
// tests, so that the benchmark measures a whole process, package
// initialisation and model loading included.
const asDyad = "DYAD_TEST_RUN_AS_DYAD"

func TestMain(m *testing.M) {
	if os.Getenv(asDyad) == "1" {
		main() // exits
	}
	os.Exit(m.Run())
}

// startupSentence is coded end to end by BenchmarkStartup (made up, as
// every text in the repository).
const startupSentence = "The army attacked rebels in Sudan.\n"

// BenchmarkStartup runs "dyad code" in a process of its own, as a user
// does: on empty input (no model is loaded), on one sentence (every model
// decoded, the pipeline built, one sentence coded) and on that sentence
// with the Phoenix dictionaries of ../shared (skipped when absent). It
// reports wall time per run (ns/op) and the process's CPU time
// (cpu-ms/op: user + system, which the load of a shared machine
// distorts less). Issue 19's targets: under 0.3 s for empty input and
// the sentence, under 1 s with Phoenix.
func BenchmarkStartup(b *testing.B) {
	exe, err := os.Executable()
	if err != nil {
		b.Skip(err)
	}
	cases := []struct {
		name  string
		dicts []string // under ../shared/data; the case is skipped without them
		input string
	}{
		{"empty", nil, ""},
		{"sentence", nil, startupSentence},
		{"sentence-phoenix", []string{"petrarch", "phoenix"}, startupSentence},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			args := []string{"code", "--date", "2020-01-01"}
			if c.dicts != nil {
				args = append(args, "--dict", testingutil.SharedData(b, c.dicts...))
			}
			var cpu time.Duration
			for b.Loop() {
				cmd := exec.Command(exe, args...)
				cmd.Env = append(os.Environ(), asDyad+"=1")
				cmd.Stdin = strings.NewReader(c.input)
				var out, errOut bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &errOut
				err := cmd.Run()
				switch {
				case c.input == "" && err == nil:
					b.Fatalf("dyad code on empty input: no error (stderr %q)", errOut.String())
				case c.input == "" && !strings.Contains(errOut.String(), "empty document"):
					b.Fatalf("dyad code on empty input: %v, stderr %q", err, errOut.String())
				case c.input != "" && err != nil:
					b.Fatalf("dyad code: %v, stderr %q", err, errOut.String())
				case c.input != "" && !strings.Contains(out.String(), `"source":{"code":"SDNMIL"`):
					b.Fatalf("dyad code coded no event of the army: %q", out.String())
				}
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			}
			b.ReportMetric(float64(cpu.Microseconds())/1e3/float64(b.N), "cpu-ms/op")
		})
	}
}
