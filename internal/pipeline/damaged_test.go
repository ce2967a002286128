package pipeline_test

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// TestDamagedStory codes a story written for this test with the damage
// scraped wire copy shows: country names cut to "South" and "North", a
// possessive whose owner fell out, a name missing before "have", a
// caption, a byline and a share button's leftovers. The headline, the
// three-way meeting, the allies' pressure on North Korea and the nuclear
// test on its own date must come out, with the repairs flagged.
func TestDamagedStory(t *testing.T) {
	b, err := os.ReadFile("testdata/damaged-story.txt")
	if err != nil {
		t.Fatal(err)
	}
	title, body, _ := strings.Cut(string(b), "\n\n")
	doc := &dyad.Document{ID: "damaged", Title: title, Text: body, Date: time.Date(2017, 9, 22, 0, 0, 0, 0, time.UTC)}
	p, err := pipeline.New(pipeline.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	r := p.Code(doc)
	find := func(root, src, tgt string) *dyad.Event {
		for i := range r.Events {
			ev := &r.Events[i]
			if ev.CAMEO.Root == root && ev.Source.Code == src && ev.Target.Code == tgt {
				return ev
			}
		}
		return nil
	}
	var all []string
	for _, ev := range r.Events {
		all = append(all, ev.CAMEO.Code+" "+ev.Source.Code+" "+ev.Target.Code+" "+strings.Join(ev.Repaired, ","))
	}
	t.Logf("events: %s", strings.Join(all, "; "))

	t.Run("Headline", func(t *testing.T) {
		ev := find("11", "USAGOV", "PRKGOV")
		if ev == nil || !ev.Headline || ev.Sentence != -1 {
			t.Fatalf("no headline event 11x USAGOV→PRKGOV marked as headline; got %+v", ev)
		}
	})
	t.Run("Meeting", func(t *testing.T) {
		plain, repaired := find("04", "USAGOV", "JPNGOV"), find("04", "USAGOV", "KORGOV")
		if plain == nil || repaired == nil || find("04", "KORGOV", "JPNGOV") == nil {
			t.Fatal("the three-way meeting of the US, Japan and South (Korea) is not coded among all three")
		}
		if !slices.Equal(repaired.Repaired, []string{"South"}) || len(plain.Repaired) != 0 {
			t.Errorf("repairs: USA→KOR %v, USA→JPN %v; want [South] and none", repaired.Repaired, plain.Repaired)
		}
		if repaired.Confidence >= plain.Confidence {
			t.Errorf("confidence of the repaired dyad %.2f, not below the intact one's %.2f", repaired.Confidence, plain.Confidence)
		}
	})
	t.Run("Pressure", func(t *testing.T) {
		for _, src := range []string{"USAGOV", "JPNGOV", "KORGOV"} {
			ev := find("10", src, "PRK")
			if ev == nil || !slices.Contains(ev.Repaired, "North") {
				t.Errorf("%s→PRK pressure on the truncated North: got %+v", src, ev)
			}
		}
	})
	t.Run("NuclearTestDate", func(t *testing.T) {
		ev := find("15", "PRK", "")
		if ev == nil || ev.Date != "2017-09-03" {
			t.Fatalf("PRK nuclear test: got %+v, want root 15 dated 2017-09-03", ev)
		}
	})
	t.Run("PageFurniture", func(t *testing.T) {
		notes := strings.Join(r.Notes, "\n")
		for _, furniture := range []string{"Photo:", "By Staff Reporter", "shared on"} {
			found := false
			for _, s := range r.Sentences {
				if !strings.Contains(s.Text, furniture) {
					continue
				}
				found = true
				if !strings.Contains(notes, "sentence "+strconv.Itoa(s.Index)+": caption") {
					t.Errorf("sentence %d %q kept; notes:\n%s", s.Index, s.Text, notes)
				}
			}
			if !found {
				t.Errorf("no sentence holds %q", furniture)
			}
		}
	})
}
