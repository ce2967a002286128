package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTrainMissingData checks that training without the treebanks, or
// without the default unlabelled news beside them, says which folder or
// file is missing and how to point at another, and writes no model.
func TestTrainMissingData(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "model.gob.gz")
	_, stderr, status := run(t, "", "train", "tagger", "-ud", filepath.Join(dir, "ud"), "-out", out)
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
