package coder

import (
	"math"
	"strings"

	"github.com/dyad-events/dyad"
)

// Features are the evidence an event's confidence is computed from, in the
// order of Weights:
//
//	0  bias
//	1  roles read from the dependency parse (not word order)
//	2  a target was found
//	3  pattern words besides the head (0–3): longer patterns are more specific
//	4  modality is negated, future or hypothetical
//	5  an actor was found by coreference (a surname, "they", "the three governments")
//	6  an actor is a bare sector ("police", "officials") with no country
//	7  an event noun, not a verb
//	8  a reciprocal event read from a compound subject
//	9  a passive verb
const NumFeatures = 10

// Weights of the logistic confidence model, fitted by `dyad eval
// confidence --fit` on the gold records of docs/UNDERSTANDING.md and
// committed here; the test in internal/eval holds their calibration.
var Weights = [NumFeatures]float64{-0.63, 0.11, 1.84, 0.39, -0.79, -0.49, -1.27, -0.09, -0.01, -0.01}

// Features returns the evidence vector of ev.
func Features(ev *dyad.Event) [NumFeatures]float64 {
	var x [NumFeatures]float64
	rule := ev.Evidence.Rule
	x[0] = 1
	x[1] = b2f(strings.Contains(rule, ":tree") && !strings.Contains(rule, ":order"))
	x[2] = b2f(ev.Target.Code != "")
	x[3] = float64(min(patternWords(ev.Evidence.Pattern)-1, 3))
	x[4] = b2f(ev.Modality == dyad.Negated || ev.Modality == dyad.Future || ev.Modality == dyad.Hypothetical)
	x[5] = b2f(ev.Source.Resolved != "" || ev.Target.Resolved != "")
	x[6] = b2f(bare(ev.Source) || ev.Target.Code != "" && bare(ev.Target))
	x[7] = b2f(strings.HasPrefix(rule, "noun"))
	x[8] = b2f(strings.Contains(rule, ":reciprocal"))
	x[9] = b2f(strings.Contains(rule, ":passive"))
	return x
}

// Confidence returns the probability, in [0, 1], that a careful coder
// would accept ev, from its evidence (see Features and Weights).
func Confidence(ev *dyad.Event) float64 {
	x := Features(ev)
	z := 0.0
	for i, w := range Weights {
		z += w * x[i]
	}
	return math.Round(1/(1+math.Exp(-z))*1000) / 1000
}

func bare(a dyad.Actor) bool { return a.Country == "" && len(a.Members) == 0 }

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// patternWords counts the words of an evidence pattern ("verb 042 + hold
// talks_with $"): after kind and code, actor marks left out.
func patternWords(p string) int {
	n, field, start := 0, 0, true
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == ' ':
			field++
			start = true
		case c == '_':
			start = true
		case start:
			start = false
			if field >= 2 && c != '$' && c != '+' && c != '%' && c != '^' {
				n++
			}
		}
	}
	return n
}
