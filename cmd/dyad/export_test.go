package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// exportCorpus ingests three stories: two report the same attack (one
// real-world event), the third has a second paragraph.
func exportCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	stories := `{"id": "a", "date": "2022-03-02", "url": "https://example.org/a", "source": "Wire", "title": "Attack", "text": "Russian forces attacked Ukrainian troops in Kharkiv on Monday. The fighting went on."}
{"id": "b", "date": "2022-03-01", "url": "https://example.net/b", "source": "Other", "title": "Attack too", "text": "Russian forces attacked Ukrainian troops in Kharkiv on Monday, officials said."}
{"id": "c", "date": "2022-03-03", "url": "https://example.org/c", "source": "Wire", "title": "Talks", "text": "Japanese diplomats met Chinese officials in Tokyo on Tuesday.\n\nLater, French officials criticized Iranian police."}
`
	if err := os.WriteFile(corpus, []byte(stories), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "dyad.db")
	// The dictionaries alone: this tests exporting, and they code both
	// reports of the attack alike whatever model is embedded.
	if _, stderr, status := run(t, "", "ingest", corpus, "--db", db, "--quiet", "--rules"); status != 0 {
		t.Fatalf("ingest: %d %s", status, stderr)
	}
	return db
}

// TestExportGDELT checks the GDELT event and mentions tables against each
// other: one event row per real-world event, NumMentions summing to the
// mentions, every mention joined to an event, IsRootEvent by paragraph.
func TestExportGDELT(t *testing.T) {
	db := exportCorpus(t)
	jsonl, stderr, _ := run(t, "", "export", "--db", db)
	mentions := strings.Count(jsonl, "\n")
	if !strings.Contains(stderr, strconv.Itoa(mentions)+" events written") {
		t.Errorf("jsonl: %d lines, summary %q", mentions, stderr)
	}
	events, stderr, status := run(t, "", "export", "--db", db, "--format", "gdelt")
	if status != 0 {
		t.Fatalf("gdelt: %d %s", status, stderr)
	}
	rows := strings.Split(strings.TrimSpace(events), "\n")
	if !strings.Contains(stderr, strconv.Itoa(len(rows))+" real-world events written (from "+strconv.Itoa(mentions)+" event mentions)") {
		t.Errorf("gdelt summary %q, want %d real-world events from %d mentions", stderr, len(rows), mentions)
	}
	ids, sum, attacks := map[string]bool{}, 0, 0
	for _, r := range rows {
		f := strings.Split(r, "\t")
		if len(f) != 61 {
			t.Fatalf("row has %d fields: %q", len(f), r)
		}
		if ids[f[0]] {
			t.Errorf("GLOBALEVENTID %s twice", f[0])
		}
		ids[f[0]] = true
		n, _ := strconv.Atoi(f[31])
		sum += n
		switch {
		case f[5] == "RUSMIL" && f[15] == "UKRMIL" && f[26] == "190" || f[5] == "RUSMIL" && strings.HasPrefix(f[26], "19"):
			attacks++
			if f[31] != "2" || f[33] != "2" || f[59] != "20220301000000" || f[60] != "https://example.net/b" || f[25] != "1" {
				t.Errorf("the attack: NumMentions=%s NumArticles=%s DATEADDED=%s SOURCEURL=%s IsRootEvent=%s, want 2, 2, the earlier story's",
					f[31], f[33], f[59], f[60], f[25])
			}
		case strings.HasPrefix(f[5], "FRA"):
			if f[25] != "0" {
				t.Errorf("second-paragraph event has IsRootEvent=%s", f[25])
			}
		case strings.HasPrefix(f[5], "JPN"):
			if f[25] != "1" {
				t.Errorf("lead event has IsRootEvent=%s", f[25])
			}
		}
	}
	if attacks != 1 || sum != mentions {
		t.Errorf("%d attack rows (want 1, its two reports merged); NumMentions sum %d, want %d mentions\n%s", attacks, sum, mentions, events)
	}
	ms, _, _ := run(t, "", "export", "--db", db, "--format", "gdelt-mentions")
	mrows := strings.Split(strings.TrimSpace(ms), "\n")
	if len(mrows) != mentions {
		t.Errorf("%d mention rows, want %d", len(mrows), mentions)
	}
	for _, r := range mrows {
		if id := strings.SplitN(r, "\t", 2)[0]; !ids[id] {
			t.Errorf("mention of event %s, which is not in the event table", id)
		}
	}
}

func TestExportPLOVERCount(t *testing.T) {
	db := exportCorpus(t)
	out, stderr, _ := run(t, "", "export", "--db", db, "--format", "plover")
	n := strings.Count(out, "\n")
	all, _, _ := run(t, "", "export", "--db", db)
	if !strings.Contains(stderr, strconv.Itoa(n)+" PLOVER events written (from "+strconv.Itoa(strings.Count(all, "\n"))+" event mentions)") {
		t.Errorf("summary %q for %d records", stderr, n)
	}
}
