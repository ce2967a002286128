package eval

import (
	"fmt"
	"io"
	"math"
)

// PRF is precision, recall and F1 over matched events, in percent.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
}

func prf(tp, predicted, gold int) PRF {
	s := PRF{TP: tp, FP: predicted - tp, FN: gold - tp}
	if predicted > 0 {
		s.Precision = pct(tp, predicted)
	}
	if gold > 0 {
		s.Recall = pct(tp, gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = math.Round(2*s.Precision*s.Recall/(s.Precision+s.Recall)*100) / 100
	}
	return s
}

func pct(a, b int) float64 { return math.Round(float64(a)/float64(b)*10000) / 100 }

// ActorAccuracy scores the actors of events whose root code matches a
// gold event's, in percent of such pairs.
type ActorAccuracy struct {
	Pairs  int     `json:"pairs"`
	Source float64 `json:"source"`
	Target float64 `json:"target"`
	Both   float64 `json:"both"`
}

// EventsReport scores coded events against gold events. Root matches
// events by the two-digit root code, Code by the full code, Strict by
// full code, source and target; events are matched within one record,
// each at most once.
type EventsReport struct {
	Records    int           `json:"records"`
	Gold       int           `json:"gold_events"`
	Predicted  int           `json:"predicted_events"`
	Exceptions int           `json:"exceptions"`
	Root       PRF           `json:"root"`
	Code       PRF           `json:"code"`
	Strict     PRF           `json:"strict"`
	Actors     ActorAccuracy `json:"actors"`
	Failures   []Failure     `json:"-"`
}

// ScoreEvents codes every record with code and scores the events. A panic
// counts as an exception and as no events for that record.
func ScoreEvents(recs []Record, code RecordCoder) *EventsReport {
	rep := &EventsReport{}
	var root, full, strict, src, tgt, both int
	for i := range recs {
		r := &recs[i]
		c, perr := codeRecord(code, r)
		got := c.Got
		if perr != "" {
			rep.Exceptions++
		}
		want := r.Expect
		rep.Records++
		rep.Gold += len(want)
		rep.Predicted += len(got)
		full += matchBy(want, got, func(c Coding) string { return c.Code })
		strict += matchBy(want, got, func(c Coding) string { return c.String() })
		n, s, t, b := rootPairs(want, got)
		root += n
		src, tgt, both = src+s, tgt+t, both+b
		if outcome := Outcome(r, got); outcome != Exact || perr != "" {
			if perr != "" {
				outcome = Exception
			}
			rep.Failures = append(rep.Failures, Failure{ID: r.ID, Category: r.Category, Outcome: outcome,
				Text: r.Text, Want: want, Got: got, Expect: expectation(r), Err: perr, Trace: c.Trace})
		}
	}
	rep.Root = prf(root, rep.Predicted, rep.Gold)
	rep.Code = prf(full, rep.Predicted, rep.Gold)
	rep.Strict = prf(strict, rep.Predicted, rep.Gold)
	rep.Actors.Pairs = root
	if root > 0 {
		rep.Actors.Source, rep.Actors.Target, rep.Actors.Both = pct(src, root), pct(tgt, root), pct(both, root)
	}
	return rep
}

// matchBy counts the events of got that match an event of want by key,
// each event used once.
func matchBy(want, got []Coding, key func(Coding) string) int {
	left := map[string]int{}
	for _, w := range want {
		left[key(w)]++
	}
	n := 0
	for _, g := range got {
		if k := key(g); left[k] > 0 {
			left[k]--
			n++
		}
	}
	return n
}

// rootPairs pairs gold and coded events of the same root, preferring the
// pair whose actors agree most, and counts pairs, right sources, right
// targets and both right.
func rootPairs(want, got []Coding) (pairs, src, tgt, both int) {
	used := make([]bool, len(got))
	for _, w := range want {
		best, score := -1, -1
		for j, g := range got {
			if used[j] || root(g.Code) != root(w.Code) {
				continue
			}
			s := 0
			if g.Source == w.Source {
				s += 2
			}
			if g.Target == w.Target {
				s++
			}
			if s > score {
				best, score = j, s
			}
		}
		if best < 0 {
			continue
		}
		used[best] = true
		pairs++
		g := got[best]
		if g.Source == w.Source {
			src++
		}
		if g.Target == w.Target {
			tgt++
		}
		if g.Source == w.Source && g.Target == w.Target {
			both++
		}
	}
	return pairs, src, tgt, both
}

// root returns the two-digit root of a CAMEO code.
func root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

// WriteFailures writes a readable list of the records not coded exactly.
func (rep *EventsReport) WriteFailures(w io.Writer) {
	p := &PetrarchReport{Failures: rep.Failures}
	p.WriteFailures(w)
	fmt.Fprintf(w, "%d of %d records not coded exactly\n", len(rep.Failures), rep.Records)
}
