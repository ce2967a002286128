package train

import (
	"fmt"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/eval"
	"github.com/dyad-events/dyad/internal/extract"
)

func TestFold(t *testing.T) {
	counts := make([]int, 5)
	for i := range 1000 {
		id := fmt.Sprintf("voa:%d", 8000000+i)
		f := Fold(id, 5)
		if f != Fold(id, 5) {
			t.Fatalf("%s: fold changes from call to call", id)
		}
		counts[f]++
	}
	for f, n := range counts {
		if n < 150 || n > 250 {
			t.Errorf("fold %d holds %d of 1000 stories, want about 200: %v", f, n, counts)
		}
	}
}

// TestCrossValidate cross-validates the extractor on a made-up set: every
// story is scored once, by a model that never learned from it, and the
// models learn the pattern well enough to code the stories they left out.
func TestCrossValidate(t *testing.T) {
	p := rulesPipeline(t)
	as := scoldings(t, p, func(i, j int) bool { return true })
	stories := make([]eval.SilverStory, len(as))
	for i, a := range as {
		stories[i] = *a.Story
	}
	opt := DefaultEventOptions()
	opt.Epochs, opt.Ensemble = 5, 1
	var learnt map[string]bool // the stories the last model learned from
	fits := 0
	fit := func(learn []Analysed) (*extract.Model, error) {
		fits++
		learnt = map[string]bool{}
		for _, a := range learn {
			learnt[a.Story.Doc.ID] = true
		}
		return Events(learn, opt)
	}
	coded := map[string]int{}
	code := func(m *extract.Model, held []eval.SilverStory) ([][]dyad.Event, error) {
		x := extract.New(m)
		out := make([][]dyad.Event, len(held))
		for i, s := range held {
			if learnt[s.Doc.ID] {
				t.Errorf("story %s coded by a model that learned from it", s.Doc.ID)
			}
			coded[s.Doc.ID]++
			for _, sent := range p.Analyse(s.Doc) {
				out[i] = append(out[i], x.Code(s.Doc, sent)...)
			}
		}
		return out, nil
	}
	all, evs, err := CrossValidate(as, 3, fit, code, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	rep := eval.ScoreSilver(all, evs)
	if fits != 3 {
		t.Errorf("%d models trained, want 3", fits)
	}
	if len(coded) != len(stories) {
		t.Errorf("%d of %d stories coded", len(coded), len(stories))
	}
	for id, k := range coded {
		if k != 1 {
			t.Errorf("story %s coded %d times, want once", id, k)
		}
	}
	if rep.Gold != len(stories) || rep.Stories != len(stories) {
		t.Errorf("report scores %d stories and %d gold events, want %d of each", rep.Stories, rep.Gold, len(stories))
	}
	if rep.SrcRoot.F1 < 90 {
		t.Errorf("held-out source+root F1 %.2f, want at least 90: the models learned from the other folds should code the pattern", rep.SrcRoot.F1)
	}
	if _, _, err := CrossValidate(as, 1, fit, code, nil); err == nil {
		t.Error("one fold: want an error")
	}
	if _, _, err := CrossValidate(as[:2], 5, fit, code, nil); err == nil {
		t.Error("more folds than stories: want an error naming the empty fold")
	}
}
