package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ontology"
)

// Outcomes of a record.
const (
	Exact     = "exact"     // the coder found exactly the expected events (or, rightly, none)
	Partial   = "partial"   // some expected events found, or all with extra ones
	Wrong     = "wrong"     // events found, none of them expected
	Missed    = "missed"    // events expected, none found
	Exception = "exception" // the coder panicked
)

// Tally counts records by outcome.
type Tally struct {
	Records    int `json:"records"`
	Exact      int `json:"exact"`
	Partial    int `json:"partial"`
	Wrong      int `json:"wrong"`
	Missed     int `json:"missed"`
	Exceptions int `json:"exceptions"`
}

func (t *Tally) add(outcome string) {
	t.Records++
	switch outcome {
	case Exact:
		t.Exact++
	case Partial:
		t.Partial++
	case Wrong:
		t.Wrong++
	case Missed:
		t.Missed++
	case Exception:
		t.Exceptions++
	}
}

// PetrarchReport is the score of a run over PETRARCH validation records.
type PetrarchReport struct {
	Tally
	ByCategory map[string]*Tally `json:"by_category"`
	// NonCAMEO counts the records that expect a code outside CAMEO (the
	// validation verbs keep WEIS-era codes such as 901 or 174K), which a
	// coder that emits only CAMEO codes cannot get right.
	NonCAMEO int `json:"non_cameo_expected"`
	// Causes counts the records not coded exactly by their likeliest
	// cause (see Cause).
	Causes   map[string]int `json:"causes"`
	Failures []Failure      `json:"-"`
}

// Failure is a record the coder did not get exactly right.
type Failure struct {
	ID       string   `json:"id"`
	Category string   `json:"category"`
	Outcome  string   `json:"outcome"`
	Cause    string   `json:"cause,omitempty"`
	Text     string   `json:"text"`
	Want     []Coding `json:"want,omitempty"`
	Got      []Coding `json:"got,omitempty"`
	Expect   string   `json:"expect,omitempty"` // "noevents", "error=…" or "" for events
	Err      string   `json:"panic,omitempty"`  // the panic, for an exception
	Trace    []string `json:"trace,omitempty"`  // actors found and rules fired
}

// WriteJSONL writes fs as JSON lines, one failure each.
func WriteJSONL(w io.Writer, fs []Failure) error {
	enc := json.NewEncoder(w)
	for i := range fs {
		if err := enc.Encode(&fs[i]); err != nil {
			return fmt.Errorf("write failures: %w", err)
		}
	}
	return nil
}

// nonCAMEO reports whether r expects an event code that is not CAMEO.
func nonCAMEO(r *Record) bool {
	for _, c := range r.Expect {
		if !ontology.Known(c.Code) {
			return true
		}
	}
	return false
}

// Causes of failures, from the first that applies.
const (
	CausePanic        = "panic"            // the coder panicked
	CauseNonCAMEO     = "non_cameo_code"   // an expected code is not CAMEO: out of reach
	CauseActorText    = "actor_as_text"    // an expected actor is written as text ("THE MINISTRY"): an uncoded name
	CauseFalseEvent   = "event_not_wanted" // events coded where none are expected
	CauseActorMissing = "actor_not_found"  // an expected actor is not among the actors found
	CauseNoEvent      = "no_event"         // the actors were found, no event was coded
	CauseCode         = "wrong_code"       // an expected pair of actors got another code
	CauseActors       = "wrong_actors"     // an expected code was coded with other actors
	CauseOther        = "other"            // none of the above: events unrelated to those expected
)

// Cause names the likeliest cause of a record's outcome, from what the
// coder found.
func Cause(r *Record, outcome string, c Coded) string {
	switch {
	case outcome == Exception:
		return CausePanic
	case nonCAMEO(r):
		return CauseNonCAMEO
	case actorAsText(r):
		return CauseActorText
	case len(r.Expect) == 0:
		return CauseFalseEvent
	case !actorsFound(r, c.Actors):
		return CauseActorMissing
	case len(c.Got) == 0:
		return CauseNoEvent
	}
	for _, w := range r.Expect {
		for _, g := range c.Got {
			switch {
			case g == w:
			case g.Source == w.Source && g.Target == w.Target:
				return CauseCode
			case g.Code == w.Code:
				return CauseActors
			}
		}
	}
	return CauseOther
}

func actorAsText(r *Record) bool {
	for _, c := range r.Expect {
		if strings.HasPrefix(c.Source, `"`) || strings.HasPrefix(c.Target, `"`) {
			return true
		}
	}
	return false
}

// actorsFound reports whether every expected actor (but "---") is among
// the codes found.
func actorsFound(r *Record, found []string) bool {
	have := map[string]bool{}
	for _, f := range found {
		have[f] = true
	}
	for _, c := range r.Expect {
		for _, a := range []string{c.Source, c.Target} {
			if a != "---" && !have[a] {
				return false
			}
		}
	}
	return true
}

// Outcome classifies got against what r expects.
func Outcome(r *Record, got []Coding) string {
	want := r.Expect
	if len(want) == 0 {
		if len(got) == 0 {
			return Exact
		}
		return Wrong
	}
	if len(got) == 0 {
		return Missed
	}
	gs := set(got)
	hit := 0
	for _, w := range set(want) {
		if contains(gs, w) {
			hit++
		}
	}
	switch {
	case hit == len(set(want)) && len(gs) == hit:
		return Exact
	case hit > 0:
		return Partial
	}
	return Wrong
}

// set returns cs sorted with duplicates removed.
func set(cs []Coding) []Coding {
	out := append([]Coding(nil), cs...)
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	k := 0
	for i, c := range out {
		if i == 0 || c != out[k-1] {
			out[k] = c
			k++
		}
	}
	return out[:k]
}

func contains(cs []Coding, c Coding) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// Codings returns the CAMEO codings of evs, PETRARCH-style: a missing
// actor is "---", an agent with no country "---GOV".
func Codings(evs []dyad.Event) []Coding {
	out := make([]Coding, 0, len(evs))
	for _, e := range evs {
		out = append(out, Coding{Source: actorCode(e.Source), Target: actorCode(e.Target), Code: e.CAMEO.Code})
	}
	return set(out)
}

// actorCode writes a as PETRARCH does.
func actorCode(a dyad.Actor) string {
	switch {
	case a.Code == "":
		return "---"
	case a.Country == "" && len(a.Sectors) > 0 && a.Code == strings.Join(a.Sectors, ""):
		return "---" + a.Code
	}
	return a.Code
}

// expectation describes what r expects, for failure lists.
func expectation(r *Record) string {
	switch {
	case r.Error != "":
		return "error=" + r.Error
	case r.NoEvents || len(r.Expect) == 0:
		return "noevents"
	}
	return ""
}

// WriteFailures writes a readable list of the failures of rep.
func (rep *PetrarchReport) WriteFailures(w io.Writer) {
	for _, f := range rep.Failures {
		fmt.Fprintf(w, "%s [%s] %s (%s)\n  text: %s\n", f.ID, f.Category, strings.ToUpper(f.Outcome), f.Cause, f.Text)
		if f.Expect != "" {
			fmt.Fprintf(w, "  want: %s\n", f.Expect)
		}
		for _, c := range f.Want {
			fmt.Fprintf(w, "  want: %s\n", c)
		}
		for _, c := range f.Got {
			fmt.Fprintf(w, "  got:  %s\n", c)
		}
		for _, t := range f.Trace {
			fmt.Fprintf(w, "  %s\n", t)
		}
		if f.Err != "" {
			fmt.Fprintf(w, "  panic: %s\n", f.Err)
		}
	}
}
