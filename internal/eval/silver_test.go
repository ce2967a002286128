package eval

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// A two-sentence story of our own, as the silver files store it.
const silverFixture = `{"id": "s:1#0", "story": "s:1", "date": "2024-05-02", "title": "T", "start": 0, "end": 26, "text": "France condemned Germany.", "events": [{"source": {"text": "France", "country": "FRA", "role": ""}, "target": {"text": "Germany", "country": "DEU", "role": ""}, "cameo": "111", "trigger": "condemned", "modality": "asserted", "date": "2024-05-02"}]}
{"id": "s:1#1", "story": "s:1", "date": "2024-05-02", "title": "T", "start": 27, "end": 52, "text": "The UN met rebels.", "events": [{"source": {"text": "The UN", "country": "IGO", "role": "", "group": "UNO"}, "target": {"text": "rebels", "country": "", "role": "REB"}, "cameo": "040", "trigger": "met", "modality": "asserted", "date": "2024-05"}]}
{"id": "s:2#0", "story": "s:2", "date": "2024-05-03", "title": "U", "start": 0, "end": 10, "text": "It rained.", "events": []}
`

func TestReadSilverLaysOutStories(t *testing.T) {
	stories, err := readSilver(strings.NewReader(silverFixture), "fixture.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 2 || len(stories[0].Sentences) != 2 {
		t.Fatalf("got %d stories", len(stories))
	}
	st := stories[0]
	if got := st.Doc.Text; got != "France condemned Germany.\nThe UN met rebels." {
		t.Errorf("text %q", got)
	}
	for i, s := range st.Sentences {
		if st.Doc.Text[s.Span.Start:s.Span.End] != s.Text {
			t.Errorf("sentence %d span %v", i, s.Span)
		}
		if st.At(s.Span.Start) != i || st.At(s.Span.End-1) != i {
			t.Errorf("At misplaces sentence %d", i)
		}
	}
	if st.Doc.Date.Format("2006-01-02") != "2024-05-02" {
		t.Errorf("date %v", st.Doc.Date)
	}
}

func TestReadSilverNamesBadLine(t *testing.T) {
	_, err := readSilver(strings.NewReader(silverFixture+"{oops\n"), "f.jsonl")
	if err == nil || !strings.Contains(err.Error(), "f.jsonl:4") {
		t.Fatalf("error %v, want one naming f.jsonl:4", err)
	}
}

func TestScoreSilver(t *testing.T) {
	stories, err := readSilver(strings.NewReader(silverFixture), "fixture.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	ev := func(sent int, code, src, srcCountry, tgt, tgtCountry, date string, mod dyad.Modality) dyad.Event {
		s := stories[0].Sentences[sent].Span
		return dyad.Event{
			Source: dyad.Actor{Code: src, Country: srcCountry}, Target: dyad.Actor{Code: tgt, Country: tgtCountry},
			CAMEO: dyad.CAMEO{Code: code, Root: code[:2]}, Date: date, Modality: mod,
			Evidence: dyad.Evidence{VerbSpan: dyad.Span{Start: s.Start + 3, End: s.Start + 5}},
		}
	}
	events := [][]dyad.Event{{
		ev(0, "112", "FRAGOV", "FRA", "DEU", "DEU", "2024-05-02", dyad.Asserted), // right at every level
		ev(1, "042", "IGOUNO", "IGOUNO", "", "", "2024-05-02", dyad.Future),      // root right, target missing
		ev(1, "190", "UNO", "", "REB", "", "2024-05-02", dyad.Asserted),          // wrong root
	}, nil}
	rep := ScoreSilver(stories, events)
	if rep.Sentences != 3 || rep.Gold != 2 || rep.Predicted != 3 {
		t.Fatalf("counts %+v", rep)
	}
	check := func(name string, got PRF, tp, fp, fn int) {
		t.Helper()
		if got.TP != tp || got.FP != fp || got.FN != fn {
			t.Errorf("%s: tp/fp/fn %d/%d/%d, want %d/%d/%d", name, got.TP, got.FP, got.FN, tp, fp, fn)
		}
	}
	check("detection", rep.Detection, 2, 0, 0)
	check("root", rep.Root, 2, 1, 0)
	check("source+root", rep.SrcRoot, 2, 1, 0)
	check("source+target+root", rep.Full, 1, 2, 1)
	if rep.Matched != 2 || rep.Modality != 50 {
		t.Errorf("matched %d, modality %v; want 2 and 50", rep.Matched, rep.Modality)
	}
	if rep.Dated != 2 || rep.Date != 100 {
		t.Errorf("dated %d, date agreement %v; want 2 and 100 (2024-05 covers 2024-05-02)", rep.Dated, rep.Date)
	}
	if len(rep.Sents) != 1 || len(rep.Sents[0].False) != 2 || len(rep.Sents[0].Missed) != 1 {
		t.Errorf("failures %+v", rep.Sents)
	}
	if want := (SilverErrors{Target: 1}); rep.Missed != want {
		t.Errorf("missed by kind %+v, want %+v (the meeting's target)", rep.Missed, want)
	}
	if want := (SilverErrors{Root: 1, Target: 1}); rep.False != want {
		t.Errorf("false by kind %+v, want %+v (the fight's root, the meeting's target)", rep.False, want)
	}
	// The UN meeting is matched, future where the coders have asserted.
	if len(rep.Sents) == 1 && (len(rep.Sents[0].Modality) != 1 || !strings.Contains(rep.Sents[0].Modality[0], "coders asserted, dyad future")) {
		t.Errorf("modality disagreements %q, want the meeting's", rep.Sents[0].Modality)
	}
}

// TestSilverErrorsByKind: each event one side lacks is sorted by the
// first level at which the sides part.
func TestSilverErrorsByKind(t *testing.T) {
	stories, err := readSilver(strings.NewReader(silverFixture), "fixture.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	at := func(st, sent int, code, src, country string) dyad.Event {
		s := stories[st].Sentences[sent].Span
		return dyad.Event{Source: dyad.Actor{Code: src, Country: country}, CAMEO: dyad.CAMEO{Code: code, Root: code[:2]},
			Evidence: dyad.Evidence{VerbSpan: dyad.Span{Start: s.Start, End: s.Start + 2}}}
	}
	rep := ScoreSilver(stories, [][]dyad.Event{
		// Nothing in the first sentence (France's condemnation missed);
		// the meeting with Russia as its source.
		{at(0, 1, "040", "RUS", "RUS")},
		// An event where the coders saw none.
		{at(1, 0, "180", "USA", "USA")},
	})
	if want := (SilverErrors{Sentence: 1, Source: 1}); rep.Missed != want {
		t.Errorf("missed by kind %+v, want %+v", rep.Missed, want)
	}
	if want := (SilverErrors{Sentence: 1, Source: 1}); rep.False != want {
		t.Errorf("false by kind %+v, want %+v", rep.False, want)
	}
	var out strings.Builder
	if err := rep.Write(&out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "missed 2 (at source+target+root): in sentences dyad coded nothing 1") {
		t.Errorf("report:\n%s", out.String())
	}
}

// TestDateAgrees: dyad's date agrees with the coders' when it is as exact
// and within theirs, or when it knows only a period their day falls in.
func TestDateAgrees(t *testing.T) {
	ev := func(date string, p dyad.DatePrecision) *dyad.Event {
		return &dyad.Event{Date: date, DatePrecision: p}
	}
	for _, tt := range []struct {
		gold string
		e    *dyad.Event
		want bool
	}{
		{"2025-03-14", ev("2025-03-14", dyad.PrecisionDay), true},
		{"2025-03", ev("2025-03-14", dyad.PrecisionDay), true},
		{"2025-03-14", ev("2025-03-13", dyad.PrecisionDay), false},
		{"2025-03-14", ev("2025-03-10", dyad.PrecisionWeek), true},  // "this week", its Monday
		{"2025-03-17", ev("2025-03-10", dyad.PrecisionWeek), false}, // the week after
		{"2025-02-27", ev("2025-02-01", dyad.PrecisionMonth), true},
		{"2025-03-01", ev("2025-02-01", dyad.PrecisionMonth), false},
		{"2014-06-30", ev("2014-01-01", dyad.PrecisionYear), true},
		{"2025-03-14", ev("", ""), false},
	} {
		if got := dateAgrees(tt.gold, tt.e); got != tt.want {
			t.Errorf("dateAgrees(%s, %s %s) = %v, want %v", tt.gold, tt.e.Date, tt.e.DatePrecision, got, tt.want)
		}
	}
}

// TestDyadActorKey: dyad's actors are keyed as the coders key theirs
// (CODING.md): the country, IGO for an intergovernmental body, and "-"
// for a group across borders, an NGO or a bare sector, which the coders
// give no country.
func TestDyadActorKey(t *testing.T) {
	for _, c := range []struct {
		a    dyad.Actor
		want string
	}{
		{dyad.Actor{}, ""},
		{dyad.Actor{Code: "USAGOV", Country: "USA"}, "USA"},
		{dyad.Actor{Code: "IGOUNO", Country: "IGO"}, "IGO"},
		{dyad.Actor{Code: "IGOWSTNATMIL"}, "IGO"},
		{dyad.Actor{Code: "IMGREBISI", Country: "IMG"}, "-"},
		{dyad.Actor{Code: "IMGREBISI"}, "-"},
		{dyad.Actor{Code: "NGOHRIAMN", Country: "NGO"}, "-"},
		{dyad.Actor{Code: "REB"}, "-"},
	} {
		if got := DyadActorKey(c.a); got != c.want {
			t.Errorf("DyadActorKey(%+v) = %q, want %q", c.a, got, c.want)
		}
	}
	// The coders' IS: no country, a group.
	if k := SilverActorKey(&SilverActor{Text: "Islamic State", Role: "REB", Group: "ISIL"}); k != DyadActorKey(dyad.Actor{Code: "IMGREBISI", Country: "IMG"}) {
		t.Errorf("the coders' Islamic State is %q, dyad's %q", k, DyadActorKey(dyad.Actor{Code: "IMGREBISI", Country: "IMG"}))
	}
}

// TestDyadActorKeyWords: words no dictionary codes stand for an actor with
// no country, as the coders' "Security analysts" do; no actor is none.
func TestDyadActorKeyWords(t *testing.T) {
	if k := DyadActorKey(dyad.Actor{Text: "Security analysts"}); k != SilverActorKey(&SilverActor{Text: "Security analysts"}) {
		t.Errorf("uncoded words are keyed %q, the coders' %q", k, SilverActorKey(&SilverActor{Text: "Security analysts"}))
	}
	if k := DyadActorKey(dyad.Actor{}); k != SilverActorKey(nil) {
		t.Errorf("no actor is keyed %q, the coders' none %q", k, SilverActorKey(nil))
	}
}
