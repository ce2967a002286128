package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestCodedRoundTrip: events written by WriteCoded read back by story,
// those of other documents skipped and counted, and they score as the
// events they were.
func TestCodedRoundTrip(t *testing.T) {
	stories, err := readSilver(strings.NewReader(silverFixture), "fixture.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	s0, s1 := stories[0].Sentences[0].Span, stories[0].Sentences[1].Span
	events := [][]dyad.Event{{
		{DocID: "s:1", Source: dyad.Actor{Code: "FRA", Country: "FRA"}, Target: dyad.Actor{Code: "DEU", Country: "DEU"},
			CAMEO: dyad.CAMEO{Code: "111", Root: "11"}, Modality: dyad.Asserted, Evidence: dyad.Evidence{VerbSpan: dyad.Span{Start: s0.Start + 7, End: s0.Start + 16}}},
		{DocID: "s:1", Source: dyad.Actor{Code: "IGOUNO"}, CAMEO: dyad.CAMEO{Code: "190", Root: "19"},
			Evidence: dyad.Evidence{VerbSpan: dyad.Span{Start: s1.Start + 7, End: s1.Start + 10}}},
	}, nil}
	var b bytes.Buffer
	if err := WriteCoded(&b, events); err != nil {
		t.Fatal(err)
	}
	other := `{"doc_id": "s:9", "cameo": {"code": "040", "root": "04"}}` + "\n"
	path := filepath.Join(t.TempDir(), "coded.jsonl")
	if err := os.WriteFile(path, []byte(other+b.String()+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, skipped, err := ReadCoded(path, stories)
	if err != nil {
		t.Fatal(err)
	}
	if skipped != 1 {
		t.Errorf("skipped %d events, want the one of s:9", skipped)
	}
	if len(got) != 2 || len(got[0]) != 2 || len(got[1]) != 0 {
		t.Fatalf("events by story %v", got)
	}
	a, r := ScoreSilver(stories, events), ScoreSilver(stories, got)
	if !reflect.DeepEqual(a.levels(), r.levels()) {
		t.Errorf("read back, the events score %+v, want %+v", r.levels(), a.levels())
	}
	if a.Root.TP != 1 || a.Root.FP != 1 {
		t.Errorf("root tp/fp %d/%d, want 1/1", a.Root.TP, a.Root.FP)
	}

	for _, c := range []struct{ content, want string }{
		{b.String() + "{oops\n", "coded.jsonl:3: not an event"},
		{other, `none of its 1 events is of the silver file's stories (line 1's doc_id "s:9"`},
	} {
		if err := os.WriteFile(path, []byte(c.content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := ReadCoded(path, stories); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.content, err, c.want)
		}
	}
}
