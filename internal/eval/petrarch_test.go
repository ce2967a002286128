package eval_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/eval"
	"github.com/dyad-events/dyad/internal/testingutil"
)

// records is a small validation file in the forms the real ones take:
// comments, '#' banners, self-closed and open <Sentence> tags, noevents
// and error expectations, single-quoted attributes, YYMMDD dates and a
// record whose text is only in its CoNLL-U parse.
const records = `<Validation>
# a banner outside any tag
<Environment>
    <Verbfile>verbs.txt</Verbfile>
    <Actorfile>a.txt, b.txt</Actorfile>
    <Discardfile>discards.txt</Discardfile>
</Environment>
<Sentences>
<!-- <Sentence id="commented-out"> -->
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"THE MINISTRY"' targetcode="GON" eventcode="033"></EventCoding>
<Text>
Arnor is about to restore ties
with Gondor &amp; Rohan.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date = "121108" id ="NONE-01" source="GSR" evaluate="true"/>
<EventCoding noevents = "True"> </EventCoding>
<Text>Nothing happened.</Text>
<Sentence date="20080801" id="ERR-01" category="ERROR">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Months later it rained.</Text>
</Sentence>
<Sentence date="20150101" id="PARSE-ONLY" category="OTHER"/>
<EventCoding eventcode="190" sourcecode="NGAREB" targetcode="NGA" />
<Text>
</Text>
<Parse>
1	Boko	Boko	PROPN	NNP	_	2	name	_	_
2	Haram	Haram	PROPN	NNP	_	3	nsubj	_	_
3	attacked	attack	VERB	VBD	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_
</Parse></Sentence>
</Sentences>
</Validation>`

func TestParseRecords(t *testing.T) {
	rf, err := eval.ParseRecords("x.xml", records)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(rf.Env.Actors, ","), "a.txt,b.txt"; got != want {
		t.Errorf("Env.Actors = %s, want %s", got, want)
	}
	var got []string
	for _, r := range rf.Records {
		got = append(got, fmt.Sprintf("%s/%s/%s/%q/%v/%v/%s/%d", r.ID, r.Category, r.Date.Format("2006-01-02"), r.Text, r.Expect, r.NoEvents, r.Error, r.Line))
	}
	want := []string{
		`DEMO-00/DEMO/1995-01-01/"Arnor is about to restore ties with Gondor & Rohan."/[ARN GON 064 "THE MINISTRY" GON 033]/false//10`,
		`NONE-01/GSR/2012-11-08/"Nothing happened."/[]/true//19`,
		`ERR-01/ERROR/2008-08-01/"Months later it rained."/[]/false/sentencediscard/22`,
		`PARSE-ONLY/OTHER/2015-01-01/"Boko Haram attacked."/[NGAREB NGA 190]/false//26`,
	}
	if len(got) != len(want) {
		t.Fatalf("records:\n got %q\nwant %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("record %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}

func TestParseRecordsErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"NoRecords", "<Validation></Validation>", "no <Sentence> records"},
		{"BadDate", `<Sentence id="a" date="1995-01-01"><Text>x</Text></Sentence>`, `x.xml:1: record a: bad date "1995-01-01"`},
		{"NoText", "\n<Sentence id=\"b\"><Parse>(ROOT)</Parse></Sentence>", "x.xml:2: record b has no <Text>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := eval.ParseRecords("x.xml", tc.src)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ParseRecords(%q) = %v, want %q", tc.src, err, tc.want)
			}
		})
	}
}

func TestOutcome(t *testing.T) {
	a, b, c := eval.Coding{"ARN", "GON", "064"}, eval.Coding{"GON", "ARN", "064"}, eval.Coding{"ARN", "GON", "190"}
	tests := []struct {
		name      string
		want, got []eval.Coding
		outcome   string
	}{
		{"ExactOne", []eval.Coding{a}, []eval.Coding{a}, eval.Exact},
		{"ExactDuplicates", []eval.Coding{a, b}, []eval.Coding{b, a, a}, eval.Exact},
		{"ExactNone", nil, nil, eval.Exact},
		{"PartialMissingOne", []eval.Coding{a, b}, []eval.Coding{a}, eval.Partial},
		{"PartialExtra", []eval.Coding{a}, []eval.Coding{a, c}, eval.Partial},
		{"Wrong", []eval.Coding{a}, []eval.Coding{c}, eval.Wrong},
		{"WrongWhenNoneExpected", nil, []eval.Coding{c}, eval.Wrong},
		{"Missed", []eval.Coding{a}, nil, eval.Missed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := &eval.Record{Expect: tc.want}
			if got := eval.Outcome(r, tc.got); got != tc.outcome {
				t.Errorf("Outcome(want %v, got %v) = %s, want %s", tc.want, tc.got, got, tc.outcome)
			}
		})
	}
}

// fake codes records from a table by ID, and panics on "boom".
func fake(table map[string][]eval.Coding) eval.RecordCoder {
	return func(r *eval.Record) eval.Coded {
		if r.ID == "boom" {
			var m map[string]int
			m["x"]++ // a runtime panic, as a bug in a stage would raise
		}
		c := eval.Coded{Got: table[r.ID]}
		for _, g := range c.Got {
			c.Actors = append(c.Actors, g.Source, g.Target)
		}
		return c
	}
}

func TestScorePetrarch(t *testing.T) {
	a, c := eval.Coding{"ARN", "GON", "064"}, eval.Coding{"ARN", "GON", "901"}
	recs := []eval.Record{
		{ID: "1", Category: "DEMO", Expect: []eval.Coding{a}},
		{ID: "2", Category: "DEMO", Expect: []eval.Coding{a}},
		{ID: "boom", Category: "VERB", Expect: []eval.Coding{a}},
		{ID: "4", Category: "VERB", Expect: []eval.Coding{c}},
		{ID: "5", Category: "ERROR", Error: "sentencediscard"},
	}
	rep := eval.ScorePetrarch(recs, fake(map[string][]eval.Coding{"1": {a}, "4": {a}}))
	want := eval.Tally{Records: 5, Exact: 2, Wrong: 1, Missed: 1, Exceptions: 1}
	if rep.Tally != want {
		t.Errorf("tally = %+v, want %+v", rep.Tally, want)
	}
	if got := *rep.ByCategory["VERB"]; got != (eval.Tally{Records: 2, Wrong: 1, Exceptions: 1}) {
		t.Errorf("VERB tally = %+v", got)
	}
	if rep.NonCAMEO != 1 {
		t.Errorf("NonCAMEO = %d, want 1 (the record expecting 901)", rep.NonCAMEO)
	}
	if len(rep.Failures) != 3 || rep.Failures[1].Err == "" {
		t.Errorf("failures = %+v, want 3 with the panic's message on the second", rep.Failures)
	}
	var b strings.Builder
	rep.WriteFailures(&b)
	for _, s := range []string{"boom [VERB] EXCEPTION", "panic: assignment to entry in nil map", "want: ARN GON 064"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("failure list lacks %q:\n%s", s, b.String())
		}
	}
}

func TestScoreEvents(t *testing.T) {
	a, b := eval.Coding{"USA", "CHN", "042"}, eval.Coding{"BRA", "USA", "031"}
	recs := []eval.Record{
		{ID: "1", Expect: []eval.Coding{a}},
		{ID: "2", Expect: []eval.Coding{b}},
		{ID: "3", NoEvents: true},
		{ID: "4", Expect: []eval.Coding{a}},
	}
	rep := eval.ScoreEvents(recs, fake(map[string][]eval.Coding{
		"1": {a},                     // right
		"2": {{"USA", "BRA", "036"}}, // right root, wrong code, swapped actors
		"3": {{"CHN", "USA", "190"}}, // false positive
		"4": {{"USA", "RUS", "042"}}, // right code, wrong target
	}))
	check := func(name string, got eval.PRF, tp, fp, fn int) {
		if got.TP != tp || got.FP != fp || got.FN != fn {
			t.Errorf("%s = %+v, want tp %d fp %d fn %d", name, got, tp, fp, fn)
		}
	}
	check("root", rep.Root, 3, 1, 0)
	check("code", rep.Code, 2, 2, 1)
	check("strict", rep.Strict, 1, 3, 2)
	if rep.Root.Precision != 75 || rep.Root.Recall != 100 || rep.Root.F1 != 85.71 {
		t.Errorf("root P/R/F1 = %+v, want 75/100/85.71", rep.Root)
	}
	if rep.Actors.Pairs != 3 || rep.Actors.Source != 66.67 || rep.Actors.Target != 33.33 || rep.Actors.Both != 33.33 {
		t.Errorf("actors = %+v, want 3 pairs, 66.67/33.33/33.33", rep.Actors)
	}
}

// petrarchData returns the project's data folder, skipping when its
// PETRARCH records are absent (testingutil.SharedData).
func petrarchData(tb testing.TB) string {
	return filepath.Dir(filepath.Dir(testingutil.SharedData(tb, "petrarch", "validate")))
}

func TestCause(t *testing.T) {
	a := eval.Coding{"ARN", "GON", "064"}
	tests := []struct {
		name    string
		rec     eval.Record
		coded   eval.Coded
		outcome string
		want    string
	}{
		{"Panic", eval.Record{Expect: []eval.Coding{a}}, eval.Coded{}, eval.Exception, eval.CausePanic},
		{"NonCAMEO", eval.Record{Expect: []eval.Coding{{"ARN", "GON", "901"}}}, eval.Coded{}, eval.Missed, eval.CauseNonCAMEO},
		{"ActorText", eval.Record{Expect: []eval.Coding{{`"THE MINISTRY"`, "GON", "064"}}}, eval.Coded{}, eval.Missed, eval.CauseActorText},
		{"FalseEvent", eval.Record{NoEvents: true}, eval.Coded{Got: []eval.Coding{a}}, eval.Wrong, eval.CauseFalseEvent},
		{"ActorMissing", eval.Record{Expect: []eval.Coding{a}}, eval.Coded{Actors: []string{"ARN"}}, eval.Missed, eval.CauseActorMissing},
		{"NoEvent", eval.Record{Expect: []eval.Coding{a}}, eval.Coded{Actors: []string{"ARN", "GON"}}, eval.Missed, eval.CauseNoEvent},
		{"NoTargetNeeded", eval.Record{Expect: []eval.Coding{{"ARN", "---", "190"}}}, eval.Coded{Actors: []string{"ARN"}}, eval.Missed, eval.CauseNoEvent},
		{"Code", eval.Record{Expect: []eval.Coding{a}}, eval.Coded{Actors: []string{"ARN", "GON"}, Got: []eval.Coding{{"ARN", "GON", "036"}}}, eval.Wrong, eval.CauseCode},
		{"Actors", eval.Record{Expect: []eval.Coding{a}}, eval.Coded{Actors: []string{"ARN", "GON"}, Got: []eval.Coding{{"GON", "ARN", "064"}}}, eval.Wrong, eval.CauseActors},
		{"Other", eval.Record{Expect: []eval.Coding{a}}, eval.Coded{Actors: []string{"ARN", "GON", "MOR"}, Got: []eval.Coding{{"MOR", "ARN", "190"}}}, eval.Wrong, eval.CauseOther},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := eval.Cause(&tc.rec, tc.outcome, tc.coded); got != tc.want {
				t.Errorf("Cause(want %v, found %+v) = %s, want %s", tc.rec.Expect, tc.coded, got, tc.want)
			}
		})
	}
}
