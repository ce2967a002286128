package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// petrarchDir writes a tiny PETRARCH environment and records file.
func petrarchDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"v.verbs.txt":    "--- ATTACK [190] ---\nATTACK\n",
		"a.actors.txt":   "ARNOR [ARN]\nGONDOR [GON]\n",
		"a.agents.txt":   "POLICE {} [~COP]\n",
		"d.discards.txt": "MONTHS LATER\n",
		"records.xml": `<Validation><Environment>
<Verbfile>v.verbs.txt</Verbfile><Actorfile>a.actors.txt</Actorfile>
<Agentfile>a.agents.txt</Agentfile><Discardfile>d.discards.txt</Discardfile>
</Environment><Sentences>
<Sentence date="19950101" id="A-1" category="VERB">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="190"></EventCoding>
<Text>Arnor attacked Gondor.</Text></Sentence>
<Sentence date="19950101" id="E-1" category="ERROR">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Months later Arnor attacked Gondor.</Text></Sentence>
<Sentence date="19950101" id="N-1" category="NONE">
<EventCoding noevents="True"></EventCoding>
<Text>The weather was fine.</Text></Sentence>
</Sentences></Validation>`,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestEvalPetrarch(t *testing.T) {
	dir := petrarchDir(t)
	fails := filepath.Join(dir, "fails.jsonl")
	stdout, stderr, status := run(t, "", "eval", "petrarch", filepath.Join(dir, "records.xml"), "--failures", fails)
	if status != 0 {
		t.Fatalf("status=%d stderr=%s", status, stderr)
	}
	var out petrarchOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("output: %v\n%s", err, stdout)
	}
	sum := out.Exact + out.Partial + out.Wrong + out.Missed + out.Exceptions
	if out.Records != 3 || sum != 3 || out.Exceptions != 0 {
		t.Errorf("tally %+v, want 3 records, no exceptions", out.Tally)
	}
	if e := out.ByCategory["ERROR"]; e == nil || e.Exact != 1 {
		t.Errorf("ERROR category %+v, want the discarded record exact", e)
	}
	if n := out.ByCategory["NONE"]; n == nil || n.Exact != 1 {
		t.Errorf("NONE category %+v, want the noevents record exact", n)
	}
	if out.Dictionary.Actors != 2 || out.Dictionary.Verbs != 1 || out.Dictionary.BadLines != 0 {
		t.Errorf("dictionary %+v, want 2 actors, 1 verb, no bad lines", out.Dictionary)
	}
	b, err := os.ReadFile(fails)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(string(b), "\n"); lines != 3-out.Exact {
		t.Errorf("%d failure lines for %d records not exact:\n%s", lines, 3-out.Exact, b)
	}
}

func TestEvalPetrarchOnly(t *testing.T) {
	dir := petrarchDir(t)
	stdout, stderr, status := run(t, "", "eval", "petrarch", "--only", "^(E-1|NONE)$", filepath.Join(dir, "records.xml"))
	if status != 0 {
		t.Fatalf("status=%d stderr=%s", status, stderr)
	}
	var out petrarchOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Records != 2 || out.ByCategory["VERB"] != nil {
		t.Errorf("--only kept %d records %v, want E-1 and the NONE record", out.Records, out.ByCategory)
	}
}

// TestEvalPetrarchBeam codes the records with the accurate mode, its
// flag given after the file: the same records are coded.
func TestEvalPetrarchBeam(t *testing.T) {
	needModels(t)
	dir := petrarchDir(t)
	stdout, stderr, status := run(t, "", "eval", "petrarch", filepath.Join(dir, "records.xml"), "--beam", "4")
	if status != 0 {
		t.Fatalf("status=%d stderr=%s", status, stderr)
	}
	var out petrarchOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Records != 3 {
		t.Errorf("--beam 4 coded %d records, want 3", out.Records)
	}
}

func TestEvalEvents(t *testing.T) {
	dir := petrarchDir(t)
	stdout, stderr, status := run(t, "", "eval", "events", "--gold", filepath.Join(dir, "records.xml"), "--with", "phoenix")
	if status != 0 {
		t.Fatalf("status=%d stderr=%s", status, stderr)
	}
	var out eventsOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("output: %v\n%s", err, stdout)
	}
	if out.Env == nil || out.Env.Records != 3 || out.Env.Gold != 1 || out.Dyad != nil {
		t.Errorf("output %s, want only the environment's report, 3 records, 1 gold event", stdout)
	}
}

func TestEvalPetrarchErrors(t *testing.T) {
	dir := petrarchDir(t)
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"ErrNoFile", []string{"eval", "petrarch"}, "name one records file"},
		{"ErrMissing", []string{"eval", "petrarch", filepath.Join(dir, "nope.xml")}, "nope.xml"},
		{"ErrMissingDict", []string{"eval", "petrarch", "--verbs", filepath.Join(dir, "none.txt"), filepath.Join(dir, "records.xml")}, "none.txt"},
		{"ErrNoGold", []string{"eval", "events"}, "--gold is required"},
		{"ErrUDPipeNoParses", []string{"eval", "petrarch", "--udpipe", filepath.Join(dir, "records.xml")}, "has no CoNLL-U parses"},
		{"ErrBadSet", []string{"eval", "events", "--gold", filepath.Join(dir, "records.xml"), "--with", "tabari"}, `--with "tabari"`},
		{"ErrBeam", []string{"eval", "petrarch", filepath.Join(dir, "records.xml"), "--beam", "0"}, "--beam 0"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, status := run(t, "", tt.args...)
			if status != 1 || !strings.Contains(stderr, tt.want) {
				t.Errorf("%v: status=%d stderr=%q, want 1 and %q", tt.args, status, stderr, tt.want)
			}
		})
	}
}

// TestCodeWithPetrarchDict loads a PETRARCH directory with --dict in place
// of the defaults: its actors and verbs code the story, and a bad line is
// a warning, not a failure.
func TestCodeWithPetrarchDict(t *testing.T) {
	dir := petrarchDir(t)
	if err := os.WriteFile(filepath.Join(dir, "b.actors.txt"), []byte("ROHAN [ROH\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	story := filepath.Join(t.TempDir(), "story.txt")
	if err := os.WriteFile(story, []byte("Arnor attacked Gondor on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, status := run(t, "", "code", "--no-default-dict", "--dict", dir, story)
	if status != 0 {
		t.Fatalf("status=%d stderr=%s", status, stderr)
	}
	if !strings.Contains(stderr, "1 bad PETRARCH lines skipped") || !strings.Contains(stderr, "b.actors.txt:1:7") {
		t.Errorf("stderr=%q, want a warning naming b.actors.txt:1:7", stderr)
	}
	evs := events(t, stdout)
	if len(evs) != 1 || evs[0].Source.Code != "ARN" || evs[0].Target.Code != "GON" || evs[0].CAMEO.Code != "190" {
		t.Errorf("events %+v, want one ARN GON 190", evs)
	}
}

// TestCodeWithPetrarchDictBadSynset loads a verbs file whose synset has a
// member of joiners alone (the FuzzParse crash of issue 20): dyad codes
// the story with the file's good lines and warns of the bad one by file
// and line, instead of exiting with a stack trace.
func TestCodeWithPetrarchDictBadSynset(t *testing.T) {
	dir := petrarchDir(t)
	bad := "&S\n+_\n---[]\n-*({&S })[000]\n"
	if err := os.WriteFile(filepath.Join(dir, "b.verbs.txt"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	story := filepath.Join(t.TempDir(), "story.txt")
	if err := os.WriteFile(story, []byte("Arnor attacked Gondor on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, status := run(t, "", "code", "--no-default-dict", "--dict", dir, story)
	if status != 0 {
		t.Fatalf("status=%d stderr=%s", status, stderr)
	}
	if !strings.Contains(stderr, "bad PETRARCH lines skipped") || !strings.Contains(stderr, "b.verbs.txt:2:1") {
		t.Errorf("stderr=%q, want a warning naming b.verbs.txt:2:1", stderr)
	}
	if evs := events(t, stdout); len(evs) != 1 || evs[0].CAMEO.Code != "190" {
		t.Errorf("events %+v, want one 190", evs)
	}
}

// TestReorder: flags after the file move before it, each with its value
// when the flag takes one, and a boolean flag never takes the file.
func TestReorder(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.Bool("v", false, "")
	fs.String("against", "", "")
	fs.Int("ci", 0, "")
	for _, c := range []struct{ in, want []string }{
		{[]string{"f.jsonl", "-v", "-against", "rules"}, []string{"-v", "-against", "rules", "f.jsonl"}},
		{[]string{"-v", "f.jsonl", "--ci", "10"}, []string{"-v", "--ci", "10", "f.jsonl"}},
		{[]string{"f.jsonl", "-ci=5", "g.jsonl"}, []string{"-ci=5", "f.jsonl", "g.jsonl"}},
		{[]string{"-v", "--", "-odd.jsonl"}, []string{"-v", "--", "-odd.jsonl"}},
	} {
		if got := reorder(fs, c.in); !slices.Equal(got, c.want) {
			t.Errorf("reorder(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
