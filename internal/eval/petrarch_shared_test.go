package eval_test

import (
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/eval"
)

// MinPetrarchExact is the floor for the PETRARCH unit-test records coded
// from raw text with dyad's parser (docs/EVALUATION.md has the current
// figure); a change that drops below it is a regression.
const MinPetrarchExact = 209

// TestPetrarchRecords runs the 284 PETRARCH unit-test records end to end:
// no record may raise an exception, and the exact count keeps its floor.
func TestPetrarchRecords(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 284 records; skipped with -short")
	}
	data := petrarchData(t)
	rf, err := eval.ReadRecords(filepath.Join(data, "petrarch/validate/PETR.UnitTest.records.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rf.Records) != 284 {
		t.Errorf("%d records, want 284", len(rf.Records))
	}
	env, err := eval.LoadEnvironment(rf.Env)
	if err != nil {
		t.Fatal(err)
	}
	code, err := eval.NewPetrarchCoder(env, eval.PetrarchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rep := eval.ScorePetrarch(rf.Records, code)
	t.Logf("PETRARCH unit tests: %+v", rep.Tally)
	if rep.Exceptions != 0 {
		t.Errorf("%d exceptions, want 0", rep.Exceptions)
	}
	if rep.Exact < MinPetrarchExact {
		t.Errorf("%d records exact, want at least %d", rep.Exact, MinPetrarchExact)
	}
}

// TestGSRRecords reads the PETR2 GSR gold and codes it with dyad's
// defaults: every record is read and none raises an exception.
func TestGSRRecords(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 78 records; skipped with -short")
	}
	data := petrarchData(t)
	rf, err := eval.ReadRecords(filepath.Join(data, "universalpetrarch/PETR2_GSR_validation.xml"))
	if err != nil {
		t.Fatal(err)
	}
	code, err := eval.NewCoder(nil, eval.PetrarchOptions{GoldParse: true})
	if err != nil {
		t.Fatal(err)
	}
	rep := eval.ScoreEvents(rf.Records, code)
	t.Logf("GSR, dyad defaults, gold parses: root %+v code %+v", rep.Root, rep.Code)
	if rep.Records != 78 || rep.Gold == 0 || rep.Exceptions != 0 {
		t.Errorf("records %d, gold events %d, exceptions %d; want 78, some, 0", rep.Records, rep.Gold, rep.Exceptions)
	}
}
