package coder_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/dict"
)

// plain splits text at spaces into untagged, unparsed tokens (word-order
// coding) and makes a mention of every token listed in actors by its
// text: "Ruritania=RUR", "Ruritania+Freedonia=RUR+FRE" for a compound of
// the tokens "Ruritania and Freedonia", "@Lakeside=RUR" for a place.
func plain(text string, actors ...string) (*dyad.Sentence, []dyad.Mention) {
	s := &dyad.Sentence{Text: text, Span: dyad.Span{End: len(text)}}
	at := 0
	for i, w := range strings.Split(text, " ") {
		s.Tokens = append(s.Tokens, dyad.Token{ID: i + 1, Text: w, Head: -1, Span: dyad.Span{Start: at, End: at + len(w)}})
		at += len(w) + 1
	}
	var ms []dyad.Mention
	for _, a := range actors {
		name, code, _ := strings.Cut(a, "=")
		place := strings.HasPrefix(name, "@")
		name = strings.TrimPrefix(name, "@")
		parts := strings.Split(name, "+")
		first, last := -1, -1
		for i, t := range s.Tokens {
			if t.Text == parts[0] && first < 0 {
				first = i
			}
			if t.Text == parts[len(parts)-1] && first >= 0 && last < 0 && i >= first {
				last = i
			}
		}
		act := dyad.Actor{Code: code, Country: code[:3]}
		if len(parts) > 1 {
			act.Country = ""
			for _, c := range strings.Split(code, "+") {
				act.Members = append(act.Members, dyad.Actor{Code: c, Country: c[:3]})
			}
		}
		ms = append(ms, dyad.Mention{Actor: act, First: first, Last: last, Place: place})
	}
	return s, ms
}

// codeAll codes s with the verbs vs and returns "CODE SOURCE TARGET" of
// each event, sorted.
func codeAll(t *testing.T, vs []*dict.Verb, s *dyad.Sentence, ms []dyad.Mention) []string {
	t.Helper()
	opts := coder.DefaultOptions()
	opts.OwnCodes = true
	c, err := coder.New(&dict.Dictionary{Verbs: vs}, opts)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range c.Code(&dyad.Document{ID: "t", Text: s.Text}, s, ms) {
		got = append(got, fmt.Sprintf("%s %s %s", ev.CAMEO.Code, ev.Source.Code, ev.Target.Code))
	}
	sort.Strings(got)
	return got
}

func verb(code string, words ...string) *dict.Verb {
	return &dict.Verb{Kind: "verb", Code: code, Words: words}
}

func TestBeforeWords(t *testing.T) {
	never := verb("125", "snub")
	never.Before = []string{"did", "not"}
	vs := []*dict.Verb{verb("120", "snub"), never}
	tests := []struct{ text, want string }{
		{"Ruritania snubbed Freedonia", "120 RUR FRE"},
		{"Ruritania did not snub Freedonia", "125 RUR FRE"},
		{"Ruritania not did snub Freedonia", "120 RUR FRE"},             // in that order only
		{"Ruritania did really not ever snub Freedonia", "125 RUR FRE"}, // words may stand between
	}
	for _, tc := range tests {
		s, ms := plain(tc.text, "Ruritania=RUR", "Freedonia=FRE")
		if got := strings.Join(codeAll(t, vs, s, ms), "|"); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestTightWords(t *testing.T) {
	// "did not" right before the verb; "snub" and "plan" with nothing between
	never := verb("125", "snub")
	never.Before, never.Tight = []string{"did", "not"}, []bool{false, true, true}
	plan := verb("126", "snub", "plan")
	plan.Tight = []bool{false, true}
	vs := []*dict.Verb{verb("120", "snub"), never, plan}
	tests := []struct{ text, want string }{
		{"Ruritania did not snub Freedonia", "125 RUR FRE"},
		{"Ruritania did not ever snub Freedonia", "120 RUR FRE"},
		{"Ruritania did snub plan of Freedonia", "126 RUR FRE"},
		{"Ruritania did snub the plan of Freedonia", "120 RUR FRE"},
	}
	for _, tc := range tests {
		s, ms := plain(tc.text, "Ruritania=RUR", "Freedonia=FRE")
		if got := strings.Join(codeAll(t, vs, s, ms), "|"); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestReverseCode(t *testing.T) {
	visit := verb("042", "tour")
	visit.Reverse = "043"
	onlyBack := verb("", "tour", "back")
	onlyBack.Reverse = "046"
	vs := []*dict.Verb{visit, onlyBack}
	tests := []struct{ text, want string }{
		{"Ruritania toured Freedonia", "042 RUR FRE|043 FRE RUR"},
		{"Ruritania toured back Freedonia", "046 FRE RUR"},
		{"Ruritania toured", ""}, // no target, no reverse event
	}
	for _, tc := range tests {
		s, ms := plain(tc.text, "Ruritania=RUR", "Freedonia=FRE")
		if got := strings.Join(codeAll(t, vs, s, ms), "|"); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestReciprocalPosition(t *testing.T) {
	both := verb("030", "concur")
	both.SourceAt, both.Reciprocal = -1, true // "% *"
	with := verb("031", "concur", "with")
	with.TargetAt, with.Reciprocal = 2, true // "* WITH %"
	vs := []*dict.Verb{verb("081", "concur"), both, with}
	tests := []struct {
		text   string
		actors []string
		want   string
	}{
		{"Ruritania and Freedonia concur", []string{"Ruritania+Freedonia=RUR+FRE"}, "030 FRE RUR|030 RUR FRE"},
		{"Ruritania concurs", []string{"Ruritania=RUR"}, ""}, // "%" wants a compound: the bare verb has no target
		{"Ruritania concurs with Freedonia and Graustark", []string{"Ruritania=RUR", "Freedonia+Graustark=FRE+GRA"}, "031 RUR FRE|031 RUR GRA"},
		{"Ruritania concurs with Freedonia", []string{"Ruritania=RUR", "Freedonia=FRE"}, "081 RUR FRE"},
	}
	for _, tc := range tests {
		s, ms := plain(tc.text, tc.actors...)
		if got := strings.Join(codeAll(t, vs, s, ms), "|"); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestActorPositions(t *testing.T) {
	gift := verb("071", "accept", "money") // "+ * MONEY $": the subject receives
	gift.TargetAt, gift.SourceAt = -1, 2
	shot := verb("224", "shoot", "dead", "in") // "+ WAS * DEAD IN $": a place may stand there
	shot.Before, shot.TargetAt, shot.SourceAt = []string{"was"}, -2, 3
	host := verb("042", "mark", "feast") // "+ HOSTING * FEAST ^ $"
	host.Before, host.TargetAt, host.SourceAt, host.SourceSkip = []string{"hosting"}, -2, 2, 1
	noted := verb("115", "regret") // "NOTED + *": the source stands before the target
	noted.Before, noted.TargetAt = []string{"noted"}, -1
	vs := []*dict.Verb{verb("070", "accept"), gift, verb("180", "shoot"), shot, host, verb("111", "regret"), noted}
	tests := []struct {
		text   string
		actors []string
		want   string
	}{
		{"Freedonia accepted money from Ruritania", []string{"Freedonia=FRE", "Ruritania=RUR"}, "071 RUR FRE"},
		{"A Freedonian was shot dead in Lakeside", []string{"Freedonian=FRE", "@Lakeside=RUR"}, "224 RUR FRE"},
		{"Ruritania is hosting Freedonia to mark the feast with Graustark at Lakeside",
			[]string{"Ruritania=RUR", "Freedonia=FRE", "Graustark=GRA", "@Lakeside=LAK"}, "042 LAK RUR"},
		{"Ruritania noted that Freedonia regretted the remarks of Graustark",
			[]string{"Ruritania=RUR", "Freedonia=FRE", "Graustark=GRA"}, "115 RUR FRE"},
	}
	for _, tc := range tests {
		s, ms := plain(tc.text, tc.actors...)
		if got := strings.Join(codeAll(t, vs, s, ms), "|"); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestInflectedHeadWins(t *testing.T) {
	// a block keyed on the form "met" is more precise than the lemma's
	met := verb("031", "met")
	met.Reverse = "032"
	meet := verb("040", "meet")
	meet.Reverse = "040"
	vs := []*dict.Verb{meet, met}
	s, ms := plain("Ruritania met Freedonia", "Ruritania=RUR", "Freedonia=FRE")
	if got, want := strings.Join(codeAll(t, vs, s, ms), "|"), "031 RUR FRE|032 FRE RUR"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSeveralHeads(t *testing.T) {
	talks := verb("043", "hasten", "talks")
	talks.Heads = []string{"rush"}
	c, err := coder.New(&dict.Dictionary{Verbs: []*dict.Verb{verb("042", "hasten"), talks}}, coder.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	s, ms := plain("Ruritania rushed talks with Freedonia", "Ruritania=RUR", "Freedonia=FRE")
	evs := c.Code(&dyad.Document{ID: "t", Text: s.Text}, s, ms)
	if len(evs) != 1 || evs[0].CAMEO.Code != "043" || evs[0].Evidence.Pattern != "verb 043 rush talks" || !strings.HasSuffix(evs[0].Evidence.Rule, ":rush talks") {
		t.Fatalf("events = %+v, want one 043 by the pattern \"rush talks\"", evs)
	}
}
