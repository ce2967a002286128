package main

import (
	"regexp"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// Shapes of the filter values, as the API accepts them: a value of any
// other shape can match nothing, so it is an error, not an empty export.
var (
	reActorFlag   = regexp.MustCompile(`^[A-Za-z0-9]{1,30}$`)
	reCountryFlag = regexp.MustCompile(`^[A-Za-z]{3}$`)
	reCAMEOFlag   = regexp.MustCompile(`^[0-9]{1,4}$`)
	rePLOVERFlag  = regexp.MustCompile(`^[A-Za-z_]{1,30}$`)
)

// checkFilter reports every malformed value of f as one EINVALID error
// naming the flags, as the API answers 400 to the same. quad and minConf
// are the flags' raw values.
func checkFilter(f *dyad.EventFilter, quad int, minConf float64) error {
	var errs []string
	bad := func(flag, msg string) { errs = append(errs, "--"+flag+": "+msg) }
	date := func(flag string, v *string) {
		if v != nil {
			if _, err := time.Parse(time.DateOnly, *v); err != nil {
				bad(flag, "want a date YYYY-MM-DD, got "+quote(*v))
			}
		}
	}
	shape := func(flag string, v *string, re *regexp.Regexp, want string) {
		if v != nil && !re.MatchString(*v) {
			bad(flag, "want "+want+", got "+quote(*v))
		}
	}
	date("from", f.From)
	date("to", f.To)
	if f.From != nil && f.To != nil && len(errs) == 0 && *f.From > *f.To {
		bad("from", *f.From+" is after --to "+*f.To)
	}
	shape("actor", f.Actor, reActorFlag, "an actor code such as USAGOV")
	shape("source", f.Source, reActorFlag, "an actor code such as USAGOV")
	shape("target", f.Target, reActorFlag, "an actor code such as CHN")
	shape("country", f.Country, reCountryFlag, "an ISO alpha-3 code such as USA")
	shape("cameo", f.CAMEO, reCAMEOFlag, "a CAMEO code or prefix of 1 to 4 digits such as 19 or 036")
	shape("plover", f.PLOVER, rePLOVERFlag, "a PLOVER category such as CONSULT")
	if f.Modality != nil {
		switch *f.Modality {
		case dyad.Asserted, dyad.Negated, dyad.Future, dyad.Hypothetical, dyad.Historical:
		default:
			bad("modality", "want asserted, negated, future, hypothetical or historical, got "+quote(string(*f.Modality)))
		}
	}
	if quad < 0 || quad > 4 {
		bad("quad", "want a quad class from 1 to 4")
	}
	if minConf < 0 || minConf > 1 {
		bad("min-confidence", "want a number from 0 to 1")
	}
	if len(errs) > 0 {
		return dyad.Errorf(dyad.EINVALID, "%s", strings.Join(errs, "; "))
	}
	return nil
}

func quote(s string) string { return `"` + s + `"` }
