package main

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output")

// TestExampleGolden codes the example story and compares the TSV with the
// golden file examples/korea-pressure.tsv (refresh with -update and review
// the diff).
func TestExampleGolden(t *testing.T) {
	stdout, stderr, status := run(t, "", "code", "--format", "tsv", "--date", "2016-10-27", story)
	if status != 0 {
		t.Fatalf("status=%d stderr=%s", status, stderr)
	}
	const golden = "../../examples/korea-pressure.tsv"
	if *update {
		if err := os.WriteFile(golden, []byte(stdout), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if stdout != string(want) {
		t.Errorf("output differs from %s (run go test ./cmd/dyad -run TestExampleGolden -update and review the diff)\n got:\n%s\nwant:\n%s", golden, stdout, want)
	}
}

// TestExampleEvents holds the events the example story must yield, field
// by field, whatever else the golden file records.
func TestExampleEvents(t *testing.T) {
	stdout, stderr, status := run(t, "", "code", "--date", "2016-10-27", story)
	if status != 0 {
		t.Fatalf("status=%d stderr=%s", status, stderr)
	}
	evs := events(t, stdout)
	has := func(name string, ok func(ev dyad.Event) bool) {
		t.Helper()
		for _, ev := range evs {
			if ok(ev) {
				return
			}
		}
		t.Errorf("no event for %s among %d events", name, len(evs))
	}
	govs := []string{"USAGOV", "JPNGOV", "KORGOV"}
	for _, s := range govs {
		for _, g := range govs {
			if s == g {
				continue
			}
			has("the meeting "+s+"→"+g+" in Tokyo on Thursday", func(ev dyad.Event) bool {
				return ev.Source.Code == s && ev.Target.Code == g && ev.CAMEO.Root == "04" && strings.Contains(ev.Text, "met in Tokyo") &&
					ev.PLOVER.Event == "CONSULT" && ev.Date == "2016-10-27" && ev.DateSource == dyad.DateFromText &&
					ev.Location != nil && ev.Location.Name == "Tokyo" && ev.Modality == dyad.Asserted
			})
		}
		has("the pressure "+s+"→PRK as intent", func(ev dyad.Event) bool {
			return ev.Source.Code == s && ev.Target.Code == "PRK" && strings.Contains(ev.Text, "step up pressure") &&
				ev.CAMEO.QuadClass == 3 && ev.Modality == dyad.Future
		})
	}
	for _, s := range []string{"CHN", "RUS"} {
		has(s+"'s appeal to Pyongyang", func(ev dyad.Event) bool {
			return ev.Source.Code == s && strings.HasPrefix(ev.Target.Code, "PRK") && ev.CAMEO.Root == "02"
		})
	}
	has("the nuclear test on September 9, historical", func(ev dyad.Event) bool {
		return ev.Source.Code == "PRK" && ev.CAMEO.Root == "15" && ev.Date == "2016-09-09" &&
			ev.DatePrecision == dyad.PrecisionDay && ev.Modality == dyad.Historical
	})
	has("an event with the UN Security Council", func(ev dyad.Event) bool {
		return strings.HasPrefix(ev.Source.Code, "IGOUNO") || strings.HasPrefix(ev.Target.Code, "IGOUNO")
	})
	for _, ev := range evs {
		if ev.Schema != dyad.SchemaVersion || ev.DocID != "korea-pressure.txt" || ev.CAMEO.Name == "" || ev.Evidence.Rule == "" {
			t.Errorf("event %s lacks schema, doc_id, CAMEO name or evidence: %+v", ev.ID, ev)
		}
		text := story2
		if ev.Headline {
			text = title // a headline event's spans are in the title
		}
		if got := text[ev.Evidence.VerbSpan.Start:ev.Evidence.VerbSpan.End]; got != ev.Evidence.Verb {
			t.Errorf("event %s: verb span holds %q, evidence says %q", ev.ID, got, ev.Evidence.Verb)
		}
	}
}

// TestExampleQuotes holds the quotations and their speakers.
func TestExampleQuotes(t *testing.T) {
	stdout, _, status := run(t, "", "code", "--quotes", "--date", "2016-10-27", story)
	if status != 0 {
		t.Fatalf("status=%d", status)
	}
	for _, want := range []string{
		`"text":"We will not accept North Korea as a nuclear state,"`,
		`"speaker":{"code":"USAGOV","country":"USA","sectors":["GOV"],"name":"Antony Blinken"`,
		`"speaker":{"code":"JPNGOV","country":"JPN","sectors":["GOV"],"name":"Shinsuke Sugiyama"`,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("quotes output lacks %s\n%s", want, stdout)
		}
	}
}

// title is the example story's headline, its first line.
var title = func() string {
	b, _ := os.ReadFile(story)
	t, _, _ := strings.Cut(string(b), "\n\n")
	return t
}()

// story2 is the body of the example story, which spans index.
var story2 = func() string {
	b, err := os.ReadFile(story)
	if err != nil {
		return ""
	}
	s := string(b)
	_, body, _ := strings.Cut(s, "\n\n")
	return body
}()
