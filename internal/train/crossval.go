package train

import (
	"fmt"
	"hash/fnv"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/eval"
	"github.com/dyad-events/dyad/internal/extract"
)

// Fold returns which of k folds the story with this id falls in. The id
// is hashed, so a story keeps its fold however the training files are
// ordered, and when stories are added.
func Fold(id string, k int) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(k))
}

// CrossValidate measures how the extractor does on coded news it never
// learned from, with far more of it than the dev file holds: the stories
// are split into k folds (Fold), and for each fold fit learns a model
// from the other k-1 and code codes the fold's stories with it. It
// returns every story with the events coded by the one model that did
// not learn from it, for eval.ScoreSilver. logf, if not nil, hears each
// fold's figures.
func CrossValidate(stories []Analysed, k int, fit func([]Analysed) (*extract.Model, error),
	code func(*extract.Model, []eval.SilverStory) ([][]dyad.Event, error), logf func(string, ...any)) ([]eval.SilverStory, [][]dyad.Event, error) {
	if k < 2 {
		return nil, nil, fmt.Errorf("cross-validation: want at least 2 folds, not %d", k)
	}
	folds := make([][]int, k)
	for i, a := range stories {
		f := Fold(a.Story.Doc.ID, k)
		folds[f] = append(folds[f], i)
	}
	for f, idx := range folds {
		if len(idx) == 0 {
			return nil, nil, fmt.Errorf("cross-validation: fold %d of %d has no story; use fewer folds", f+1, k)
		}
	}
	all := make([]eval.SilverStory, len(stories))
	events := make([][]dyad.Event, len(stories))
	for f, idx := range folds {
		held := make([]bool, len(stories))
		for _, i := range idx {
			held[i] = true
		}
		var learn []Analysed
		for i, a := range stories {
			if !held[i] {
				learn = append(learn, a)
			}
		}
		m, err := fit(learn)
		if err != nil {
			return nil, nil, fmt.Errorf("cross-validation, fold %d: %w", f+1, err)
		}
		test := make([]eval.SilverStory, len(idx))
		for j, i := range idx {
			test[j] = *stories[i].Story
		}
		evs, err := code(m, test)
		if err != nil {
			return nil, nil, fmt.Errorf("cross-validation, fold %d: %w", f+1, err)
		}
		if len(evs) != len(test) {
			return nil, nil, fmt.Errorf("cross-validation, fold %d: %d stories coded, want %d", f+1, len(evs), len(test))
		}
		for j, i := range idx {
			all[i], events[i] = test[j], evs[j]
		}
		if logf != nil {
			r := eval.ScoreSilver(test, evs)
			logf("cross-validation: fold %d of %d, %d stories held out: root F1 %.2f, source+root %.2f, full %.2f",
				f+1, k, len(test), r.Root.F1, r.SrcRoot.F1, r.Full.F1)
		}
	}
	return all, events, nil
}
