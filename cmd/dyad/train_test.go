package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/depparse"
	"github.com/dyad-events/dyad/internal/postag"
)

// TestTrainMissingData checks that training without the treebanks, or
// without the default unlabelled news beside them, says which folder or
// file is missing and how to point at another, and writes no model.
func TestTrainMissingData(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "model.gob.gz")
	_, stderr, status := run(t, "", "train", "tagger", "-ud", filepath.Join(dir, "ud"), "-o", out)
	if status != 1 || !strings.Contains(stderr, "-ud "+filepath.Join(dir, "ud")+": no such folder") {
		t.Errorf("no treebanks: status %d, stderr %q", status, stderr)
	}

	// A treebank folder with one tiny EWT file and no GUM, and no
	// corpora folder beside it.
	ud := filepath.Join(dir, "data", "ud")
	if err := os.MkdirAll(filepath.Join(ud, "ewt"), 0o755); err != nil {
		t.Fatal(err)
	}
	conllu := "1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"
	if err := os.WriteFile(filepath.Join(ud, "ewt", "en_ewt-ud-train.conllu"), []byte(conllu), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, status = run(t, "", "train", "tagger", "-gum=false", "-ud", ud, "-out", out)
	if status != 1 || !strings.Contains(stderr, "voa_stories.jsonl") || !strings.Contains(stderr, "-unlabelled none") {
		t.Errorf("no unlabelled news: status %d, stderr %q", status, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a model was written")
	}
}

// TestTeacherParser checks that -teacher reads the greedy and beam models
// from a folder and parses as the embedded accurate mode does when the
// folder holds the embedded models, and that a missing file is named.
func TestTeacherParser(t *testing.T) {
	dir := t.TempDir()
	if _, err := teacherParser(dir, 8); err == nil || !strings.Contains(err.Error(), "parser.gob.zst") {
		t.Errorf("empty folder: err %v, want the missing model named", err)
	}
	for _, name := range []string{depparse.ModelFile, depparse.BeamModelFile} {
		b, err := os.ReadFile(filepath.Join("..", "..", "internal", "depparse", name))
		if err != nil {
			t.Skipf("no embedded model: %v", err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fromDir, err := teacherParser(dir, 4)
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := depparse.ForBeam(4)
	if err != nil {
		t.Fatal(err)
	}
	if fromDir.Mode() != embedded.Mode() {
		t.Errorf("mode %q, embedded %q", fromDir.Mode(), embedded.Mode())
	}
	words := strings.Fields("The minister said on Tuesday that talks with the rebels , who seized the town in May , would resume next week .")
	tg, err := postag.Default()
	if err != nil {
		t.Fatal(err)
	}
	var a, b dyad.Sentence
	for _, w := range words {
		a.Tokens = append(a.Tokens, dyad.Token{Text: w})
	}
	tg.Tag(&a)
	b.Tokens = slices.Clone(a.Tokens)
	fromDir.Parse(&a)
	embedded.Parse(&b)
	for i := range a.Tokens {
		if a.Tokens[i].Head != b.Tokens[i].Head || a.Tokens[i].Rel != b.Tokens[i].Rel {
			t.Errorf("word %d %q: teacher %d %s, embedded %d %s", i+1, words[i], a.Tokens[i].Head, a.Tokens[i].Rel, b.Tokens[i].Head, b.Tokens[i].Rel)
		}
	}
}

func TestTrainMentionsRefusesDev(t *testing.T) {
	dir := t.TempDir()
	_, stderr, status := run(t, "", "train", "mentions", "-silver", dir, "-train", "dev.jsonl", "-o", filepath.Join(dir, "m.gob.zst"))
	if status != 1 || !strings.Contains(stderr, "dev.jsonl is a dev file") {
		t.Errorf("training on dev: status %d, stderr %q", status, stderr)
	}
	_, stderr, status = run(t, "", "train", "mentions", "-silver", filepath.Join(dir, "none"), "-o", filepath.Join(dir, "m.gob.zst"))
	if status != 1 || !strings.Contains(stderr, "name the silver set's folder with -silver DIR") {
		t.Errorf("no silver set: status %d, stderr %q", status, stderr)
	}
}

// TestTrainClassesNoData: without the training data, train classes says
// where it looked and how to name it, before any model is loaded.
func TestTrainClassesNoData(t *testing.T) {
	dir := t.TempDir()
	_, stderr, status := run(t, "", "train", "classes", "-data", filepath.Join(dir, "none"), "-o", filepath.Join(dir, "c.txt"))
	if status != 1 || !strings.Contains(stderr, "read under -data DIR") {
		t.Errorf("no data: status %d, stderr %q", status, stderr)
	}
}

// TestTrainDataEnv: with no flag naming their data, the training commands
// read it under $DYAD_DATA, and with that unset they say how to name it.
func TestTrainDataEnv(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(dataEnv, "")
	for _, args := range [][]string{
		{"train", "tagger", "-o", filepath.Join(dir, "t.gob.zst")},
		{"train", "events", "-o", filepath.Join(dir, "e.gob.zst")},
		{"train", "mentions", "-o", filepath.Join(dir, "m.gob.zst")},
		{"train", "classes", "-o", filepath.Join(dir, "c.txt")},
	} {
		_, stderr, status := run(t, "", args...)
		if status != 1 || !strings.Contains(stderr, dataEnv) {
			t.Errorf("%v with no data named: status %d, stderr %q", args, status, stderr)
		}
	}
	t.Setenv(dataEnv, filepath.Join(dir, "data"))
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"train", "tagger", "-o", filepath.Join(dir, "t.gob.zst")}, filepath.Join(dir, "data", "ud")},
		{[]string{"train", "events", "-o", filepath.Join(dir, "e.gob.zst")}, filepath.Join(dir, "data", "gold", "silver", "train.jsonl")},
		{[]string{"train", "classes", "-o", filepath.Join(dir, "c.txt")}, filepath.Join(dir, "data")},
	} {
		_, stderr, status := run(t, "", c.args...)
		if status != 1 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v under %s: status %d, stderr %q (want it to look in %s)", c.args, dataEnv, status, stderr, c.want)
		}
	}
}

// TestPreferable: thresholds that keep sentence detection at its targets
// beat any that do not, whatever their sum; then the higher sum wins.
func TestPreferable(t *testing.T) {
	for _, c := range []struct {
		s          float64
		ok         bool
		best       float64
		bestOK     bool
		preferable bool
	}{
		{146, false, 145, true, false}, // a higher sum that loses detection recall
		{144, true, 146, false, true},  // a lower sum that keeps it
		{146, true, 145, true, true},
		{145, true, 145, true, false}, // a tie keeps the first
		{146, false, 145, false, true},
		{-1, false, -1, false, false},
	} {
		if got := preferable(c.s, c.ok, c.best, c.bestOK); got != c.preferable {
			t.Errorf("preferable(%v, %v, %v, %v) = %v, want %v", c.s, c.ok, c.best, c.bestOK, got, c.preferable)
		}
	}
}

// TestTrainEventsFolds: -folds cross-validates on the training files and
// prints the report of the stories each model left out, writing no model.
func TestTrainEventsFolds(t *testing.T) {
	dir := t.TempDir()
	countries := [][2]string{{"France", "FRA"}, {"Germany", "DEU"}, {"Japan", "JPN"}, {"China", "CHN"}, {"Brazil", "BRA"}, {"Kenya", "KEN"}}
	var b strings.Builder
	n := 0
	for i, a := range countries {
		for j, o := range countries {
			if i == j {
				continue
			}
			text := a[0] + " scolded " + o[0] + " over the dispute."
			fmt.Fprintf(&b, `{"id": "s:%d#0", "story": "s:%d", "date": "2024-01-02", "title": "t", "start": 0, "end": %d, "text": %q, "events": [{"source": {"text": %q, "country": %q, "role": ""}, "target": {"text": %q, "country": %q, "role": ""}, "cameo": "111", "trigger": "scolded", "modality": "asserted"}]}`+"\n",
				n, n, len(text), text, a[0], a[1], o[0], o[1])
			n++
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "train.jsonl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	model, coded := filepath.Join(dir, "e.gob.zst"), filepath.Join(dir, "coded.jsonl")
	stdout, stderr, status := run(t, "", "train", "events", "-silver", dir, "-train", "train.jsonl", "-dev", "none",
		"-folds", "2", "-ensemble", "1", "-ci", "100", "-o", model, "-events", coded)
	if status != 0 {
		t.Fatalf("status %d, stderr %s", status, stderr)
	}
	for _, want := range []string{"cross-validated over 2 folds", fmt.Sprintf("%d stories", n), "source+target+root"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
	if _, err := os.Stat(model); err == nil {
		t.Error("-folds wrote a model")
	}
	// The events it wrote score as the report says, and against
	// themselves they differ by nothing.
	train := filepath.Join(dir, "train.jsonl")
	again, stderr, status := run(t, "", "eval", "silver", train, "--events", coded, "--against-events", coded, "--ci", "100")
	if status != 0 {
		t.Fatalf("eval silver --events: status %d, stderr %s", status, stderr)
	}
	report := stdout[strings.Index(stdout, "\n")+1:]
	if !strings.HasPrefix(again, report) {
		t.Errorf("eval silver --events scores the cross-validation's events\n%s\nnot as it did\n%s", again, report)
	}
	if !strings.Contains(again, "+0.00  (95% +0.00 to +0.00") {
		t.Errorf("the events against themselves:\n%s", again)
	}
	for _, c := range []struct{ line, want string }{
		{"{not json\n", "bad.jsonl:2: not an event"},
		{`{"doc_id": "elsewhere", "cameo": {"code": "111"}}` + "\n", `none of its 1 events is of the silver file's stories (line 1's doc_id "elsewhere"`},
	} {
		first := ""
		if strings.HasPrefix(c.line, "{not") {
			first, _, _ = strings.Cut(readFile(t, coded), "\n")
		}
		bad := filepath.Join(dir, "bad.jsonl")
		if err := os.WriteFile(bad, []byte(strings.TrimPrefix(first+"\n"+c.line, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		_, stderr, status := run(t, "", "eval", "silver", train, "--events", bad, "--ci", "0")
		if status != 1 || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: status %d, stderr %q, want %q", c.line, status, stderr, c.want)
		}
	}
	_, stderr, status = run(t, "", "train", "events", "-silver", dir, "-train", "train.jsonl", "-dev", "none", "-events", coded, "-o", model)
	if status != 1 || !strings.Contains(stderr, "-events go with -folds N") {
		t.Errorf("-events without -folds: status %d, stderr %q", status, stderr)
	}
	_, stderr, status = run(t, "", "train", "events", "-silver", dir, "-train", "train.jsonl", "-dev", "none", "-folds", "1")
	if status != 1 || !strings.Contains(stderr, "at least 2 folds") {
		t.Errorf("-folds 1: status %d, stderr %q", status, stderr)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
