package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/depparse"
	"github.com/dyad-events/dyad/internal/postag"
)

func needModels(t *testing.T) {
	t.Helper()
	if _, err := postag.Default(); errors.Is(err, postag.ErrNoModel) {
		t.Skip(err)
	}
	if _, err := depparse.Default(); errors.Is(err, depparse.ErrNoModel) {
		t.Skip(err)
	}
}

func TestParseStdin(t *testing.T) {
	needModels(t)
	out, stderr, status := run(t, "TOKYO (AP) — Japan's prime minister didn't resign. He said so.", "parse")
	if status != 0 {
		t.Fatalf("status %d, stderr %q", status, stderr)
	}
	for _, want := range []string{
		"# text = TOKYO (AP) —\n", "# text = Japan's prime minister didn't resign.",
		"# span = 0-", "# text = He said so.",
		"\tn't\tnot\tPART\tRB\t",
		"\t's\t's\tPART\tPOS\t",
		"\troot\t_\t",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestParseBadInput(t *testing.T) {
	needModels(t)
	for _, in := range []string{"", "no punctuation at all", "\xff\xfe\x00", "東京で会議", strings.Repeat("word ", 10000)} {
		_, stderr, status := run(t, in, "parse")
		if status != 0 {
			t.Errorf("input %.20q: status %d, stderr %q", in, status, stderr)
		}
	}
	_, stderr, status := run(t, "", "parse", filepath.Join(t.TempDir(), "missing.txt"))
	if status != 1 || !strings.Contains(stderr, "missing.txt") {
		t.Errorf("missing file: status %d, stderr %q", status, stderr)
	}
}

func TestEvalParseUsage(t *testing.T) {
	_, stderr, status := run(t, "", "eval", "parse")
	if status != 1 || !strings.Contains(stderr, "-gold is required") {
		t.Errorf("status %d, stderr %q", status, stderr)
	}
	_, stderr, status = run(t, "", "eval", "nonsense")
	if status != 1 || !strings.Contains(stderr, "unknown subcommand") {
		t.Errorf("status %d, stderr %q", status, stderr)
	}
}

func TestEvalParseTiny(t *testing.T) {
	needModels(t)
	gold := "# text = Rebels attacked the town.\n" +
		"1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n" +
		"2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
		"3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n" +
		"4\ttown\ttown\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n" +
		"5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
	path := filepath.Join(t.TempDir(), "g.conllu")
	if err := os.WriteFile(path, []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"eval", "parse", "-gold", path}, {"eval", "parse", "-gold", path, "-raw"}} {
		out, stderr, status := run(t, "", args...)
		if status != 0 || !strings.Contains(out, `"las"`) {
			t.Errorf("%v: status %d stdout %q stderr %q", args, status, out, stderr)
		}
	}
}

func TestBenchNLP(t *testing.T) {
	needModels(t)
	path := filepath.Join(t.TempDir(), "c.txt")
	os.WriteFile(path, []byte("The army attacked the town. Officials said so."), 0o644)
	out, stderr, status := run(t, "", "bench", "nlp", path)
	if status != 0 || !strings.Contains(out, `"sentences": 2`) {
		t.Errorf("status %d stdout %q stderr %q", status, out, stderr)
	}
}

// TestParseBeam runs the accurate mode from the command line: the same
// words and sentences as the greedy parse, one root per sentence, and a
// clear error for a width below one.
func TestParseBeam(t *testing.T) {
	needModels(t)
	text := "Japan and South Korea urged China to press North Korea, officials said. Talks resume next week."
	greedy, _, _ := run(t, text, "parse")
	out, stderr, status := run(t, text, "parse", "--beam", "8")
	if status != 0 {
		t.Fatalf("status %d, stderr %q", status, stderr)
	}
	words := func(conll string) (n, roots int) {
		for _, line := range strings.Split(conll, "\n") {
			if f := strings.Split(line, "\t"); len(f) == 10 {
				n++
				if f[6] == "0" {
					roots++
				}
			}
		}
		return
	}
	gn, _ := words(greedy)
	bn, roots := words(out)
	if bn == 0 || bn != gn || roots != strings.Count(out, "# text = ") {
		t.Errorf("beam: %d words (greedy %d), %d roots for %d sentences:\n%s", bn, gn, roots, strings.Count(out, "# text = "), out)
	}
	_, stderr, status = run(t, text, "parse", "--beam", "0")
	if status != 1 || !strings.Contains(stderr, "--beam 0") {
		t.Errorf("--beam 0: status %d, stderr %q", status, stderr)
	}
}
