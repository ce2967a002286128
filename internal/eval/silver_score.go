package eval

import (
	"cmp"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ontology"
)

// SilverReport scores the events dyad coded in silver stories against
// the coders' events. Events are compared as sets per sentence, as the
// silver README compares two coders: a sentence's distinct roots, PLOVER
// categories, (source, root) and (source, target, root) keys.
type SilverReport struct {
	Stories   int `json:"stories"`
	Sentences int `json:"sentences"`
	Gold      int `json:"gold_events"`
	Predicted int `json:"predicted_events"`

	Detection PRF `json:"sentence_detection"` // sentences with an event
	Root      PRF `json:"root"`
	PLOVER    PRF `json:"plover"`
	SrcRoot   PRF `json:"source_root"`
	Full      PRF `json:"source_target_root"`

	Matched  int     `json:"matched_events"` // gold events with a coded event of their root
	Modality float64 `json:"modality_agreement"`
	Dated    int     `json:"dated_matches"` // matches whose gold event has a date
	Date     float64 `json:"date_agreement"`

	PerRoot []RootPRF `json:"per_root"`

	// Missed sorts the coders' events dyad missed (at source+target+root),
	// False the events dyad coded that they did not, by where they part.
	Missed SilverErrors `json:"missed_by_kind"`
	False  SilverErrors `json:"false_by_kind"`

	// Intervals are the F1s' bootstrap intervals (Bootstrap); nil until
	// asked for.
	Intervals *SilverIntervals `json:"intervals,omitempty"`

	Sents []SilverScored `json:"-"` // per sentence, for -v
	// stories holds each story's counts at the five levels, in the order
	// of the stories scored, for the bootstrap.
	stories [][levels]counts
}

// levels returns the report's five F1 levels in levelNames' order.
func (rep *SilverReport) levels() [levels]PRF {
	return [levels]PRF{rep.Detection, rep.Root, rep.PLOVER, rep.SrcRoot, rep.Full}
}

// SilverErrors sorts events one side coded and the other did not, at
// source+target+root, by the first level at which the sides part.
type SilverErrors struct {
	// Sentence: the other side coded no event in the sentence at all.
	Sentence int `json:"sentence"`
	// Root: it coded events there, none of this root.
	Root int `json:"root"`
	// Source: it coded the root, with another source.
	Source int `json:"source"`
	// Target: it coded the root and the source, with another target.
	Target int `json:"target"`
}

// add sorts the keys of one side's events in a sentence (own: roots,
// source+root and full keys) against the other side's (other).
func (e *SilverErrors) add(own, other [4]map[string]bool) {
	for k := range own[3] {
		switch partsAt(k, other) {
		case "":
		case "sentence":
			e.Sentence++
		case "root":
			e.Root++
		case "source":
			e.Source++
		default:
			e.Target++
		}
	}
}

// partsAt returns the first level at which full key k ("src|tgt|root")
// of one side parts from the other side's keys in the sentence:
// "sentence" (it has none), "root", "source" or "target"; "" when the
// other side has k.
func partsAt(k string, other [4]map[string]bool) string {
	if other[3][k] {
		return ""
	}
	src, rest, _ := strings.Cut(k, "|")
	_, root, _ := strings.Cut(rest, "|")
	switch {
	case len(other[0]) == 0:
		return "sentence"
	case !other[0][root]:
		return "root"
	case !other[2][src+"|"+root]:
		return "source"
	}
	return "target"
}

// RootPRF is the root-level score of one CAMEO root.
type RootPRF struct {
	Root string `json:"root"`
	PRF
}

// SilverScored is one sentence with what was missed and what was coded
// that the coders did not code.
type SilverScored struct {
	ID     string
	Text   string
	Missed []string // gold events not coded, source>target root, with where they part (SilverErrors)
	False  []string // coded events with no gold event of their keys, with where they part and the evidence
	// Modality lists the matched events whose modality is not the
	// coders': their code, trigger, the coders' modality and dyad's.
	Modality []string `json:",omitempty"`
	// Dates lists the matched events whose date is not the coders':
	// their code, trigger, the coders' date and dyad's, with the
	// publication date.
	Dates []string `json:",omitempty"`
}

// counts accumulate true positives, predictions and gold items.
type counts struct{ tp, pred, gold int }

func (c *counts) add(gold, pred map[string]bool) {
	c.gold += len(gold)
	c.pred += len(pred)
	for k := range pred {
		if gold[k] {
			c.tp++
		}
	}
}

func (c counts) prf() PRF { return prf(c.tp, c.pred, c.gold) }

// ScoreSilver scores stories against events: events[i] are the events
// coded from stories[i].Doc.
func ScoreSilver(stories []SilverStory, events [][]dyad.Event) *SilverReport {
	rep := &SilverReport{Stories: len(stories)}
	perRoot := map[string]*counts{}
	rootOf := func(r string) *counts {
		if perRoot[r] == nil {
			perRoot[r] = &counts{}
		}
		return perRoot[r]
	}
	modOK, dateOK := 0, 0
	rep.stories = make([][levels]counts, len(stories))
	for si := range stories {
		st := &stories[si]
		own := &rep.stories[si]
		pred := make([][]dyad.Event, len(st.Sentences))
		for _, e := range events[si] {
			if e.Headline {
				continue // the coders coded the body's sentences only
			}
			if i := st.At(e.Evidence.VerbSpan.Start); i >= 0 {
				pred[i] = append(pred[i], e)
			}
		}
		for i := range st.Sentences {
			s := &st.Sentences[i]
			rep.Sentences++
			rep.Gold += len(s.Events)
			rep.Predicted += len(pred[i])
			gk, pk := silverKeys(s.Events), dyadKeys(pred[i])
			rep.Missed.add(gk, pk)
			rep.False.add(pk, gk)
			own[0].add(boolSet(len(s.Events) > 0), boolSet(len(pred[i]) > 0))
			for l := range 4 {
				own[l+1].add(gk[l], pk[l])
			}
			for r := range gk[0] {
				c := rootOf(r)
				c.gold++
				if pk[0][r] {
					c.tp++
				}
			}
			for r := range pk[0] {
				rootOf(r).pred++
			}
			var mods, dates []string
			for _, g := range s.Events {
				e := bestMatch(g, pred[i])
				if e == nil {
					continue
				}
				rep.Matched++
				if string(e.Modality) == g.Modality {
					modOK++
				} else {
					mods = append(mods, fmt.Sprintf("%s %q coders %s, dyad %s [%s]", g.CAMEO, g.Trigger, g.Modality, e.Modality, e.Evidence.Rule))
				}
				if g.Date != "" {
					rep.Dated++
					if dateAgrees(g.Date, e) {
						dateOK++
					} else {
						dates = append(dates, fmt.Sprintf("%s %q coders %s, dyad %s (published %s)", g.CAMEO, g.Trigger, g.Date, cmp.Or(e.Date, "none"), st.Doc.Date.Format("2006-01-02")))
					}
				}
			}
			sc := SilverScored{ID: s.ID, Text: s.Text, Modality: mods, Dates: dates}
			for _, g := range s.Events {
				k := SilverActorKey(g.Source) + "|" + SilverActorKey(g.Target) + "|" + root2(g.CAMEO)
				if at := partsAt(k, pk); at != "" {
					sc.Missed = append(sc.Missed, fmt.Sprintf("%s %s>%s %q %s (%s)", g.CAMEO, actorWords(g.Source), actorWords(g.Target), g.Trigger, g.Modality, at))
				}
			}
			for _, e := range pred[i] {
				k := DyadActorKey(e.Source) + "|" + DyadActorKey(e.Target) + "|" + e.CAMEO.Root
				if at := partsAt(k, gk); at != "" {
					sc.False = append(sc.False, fmt.Sprintf("%s %s>%s %q %s (%s) [%s]", e.CAMEO.Code, e.Source.Code, e.Target.Code, e.Evidence.Verb, e.Modality, at, e.Evidence.Rule))
				}
			}
			if len(sc.Missed)+len(sc.False)+len(sc.Modality)+len(sc.Dates) > 0 {
				rep.Sents = append(rep.Sents, sc)
			}
		}
	}
	var total [levels]counts
	for _, st := range rep.stories {
		for l, c := range st {
			total[l].tp, total[l].pred, total[l].gold = total[l].tp+c.tp, total[l].pred+c.pred, total[l].gold+c.gold
		}
	}
	rep.Detection, rep.Root, rep.PLOVER, rep.SrcRoot, rep.Full = total[0].prf(), total[1].prf(), total[2].prf(), total[3].prf(), total[4].prf()
	if rep.Matched > 0 {
		rep.Modality = pct(modOK, rep.Matched)
	}
	if rep.Dated > 0 {
		rep.Date = pct(dateOK, rep.Dated)
	}
	for r, c := range perRoot {
		rep.PerRoot = append(rep.PerRoot, RootPRF{Root: r, PRF: c.prf()})
	}
	sort.Slice(rep.PerRoot, func(i, j int) bool { return rep.PerRoot[i].Root < rep.PerRoot[j].Root })
	return rep
}

// bestMatch returns the coded event that best matches gold event g: of
// its root, preferring the same source and then the same target.
func bestMatch(g SilverEvent, pred []dyad.Event) *dyad.Event {
	var best *dyad.Event
	score := -1
	for i := range pred {
		e := &pred[i]
		if e.CAMEO.Root != root2(g.CAMEO) {
			continue
		}
		s := 0
		if DyadActorKey(e.Source) == SilverActorKey(g.Source) {
			s += 2
		}
		if DyadActorKey(e.Target) == SilverActorKey(g.Target) {
			s++
		}
		if s > score {
			best, score = e, s
		}
	}
	return best
}

func boolSet(b bool) map[string]bool {
	if b {
		return map[string]bool{"event": true}
	}
	return map[string]bool{}
}

// silverKeys returns a sentence's gold key sets: roots, PLOVER
// categories, source+root, source+target+root.
func silverKeys(evs []SilverEvent) [4]map[string]bool {
	ks := [4]map[string]bool{{}, {}, {}, {}}
	for _, g := range evs {
		r := root2(g.CAMEO)
		if r == "" {
			continue
		}
		ks[0][r] = true
		if p, ok := ontology.PLOVER(g.CAMEO); ok && p.Event != "" {
			ks[1][p.Event] = true
		}
		s := SilverActorKey(g.Source)
		ks[2][s+"|"+r] = true
		ks[3][s+"|"+SilverActorKey(g.Target)+"|"+r] = true
	}
	return ks
}

// dyadKeys is silverKeys for coded events.
func dyadKeys(evs []dyad.Event) [4]map[string]bool {
	ks := [4]map[string]bool{{}, {}, {}, {}}
	for _, e := range evs {
		r := e.CAMEO.Root
		ks[0][r] = true
		if e.PLOVER.Event != "" {
			ks[1][e.PLOVER.Event] = true
		}
		s := DyadActorKey(e.Source)
		ks[2][s+"|"+r] = true
		ks[3][s+"|"+DyadActorKey(e.Target)+"|"+r] = true
	}
	return ks
}

// root2 is the root of a CAMEO code, "" for none.
func root2(code string) string {
	code = strings.TrimSpace(code)
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

func actorWords(a *SilverActor) string {
	if a == nil {
		return "-"
	}
	return fmt.Sprintf("%q(%s)", a.Text, SilverActorKey(a))
}

// Write prints the report as text.
func (rep *SilverReport) Write(w io.Writer) error {
	p := func(name string, s PRF) {
		fmt.Fprintf(w, "%-22s P %6.2f  R %6.2f  F1 %6.2f   (tp %d, fp %d, fn %d)\n", name, s.Precision, s.Recall, s.F1, s.TP, s.FP, s.FN)
	}
	fmt.Fprintf(w, "%d stories, %d sentences, %d gold events, %d coded events\n", rep.Stories, rep.Sentences, rep.Gold, rep.Predicted)
	for l, s := range rep.levels() {
		p(levelNames[l], s)
	}
	fmt.Fprintf(w, "matched gold events %d: modality agrees %.2f%%; dates agree %.2f%% of %d dated\n", rep.Matched, rep.Modality, rep.Date, rep.Dated)
	m, f := rep.Missed, rep.False
	fmt.Fprintf(w, "missed %d (at source+target+root): in sentences dyad coded nothing %d, dyad coded other roots %d; the root with another source %d, the source and root with another target %d\n",
		m.Sentence+m.Root+m.Source+m.Target, m.Sentence, m.Root, m.Source, m.Target)
	fmt.Fprintf(w, "false %d (at source+target+root): in sentences the coders coded nothing %d, roots the coders did not code %d; the root with another source %d, the source and root with another target %d\n",
		f.Sentence+f.Root+f.Source+f.Target, f.Sentence, f.Root, f.Source, f.Target)
	if iv := rep.Intervals; iv != nil {
		fmt.Fprintf(w, "F1 95%% intervals (%d resamples of the stories): detection %.2f–%.2f, root %.2f–%.2f, PLOVER %.2f–%.2f, source+root %.2f–%.2f, source+target+root %.2f–%.2f\n",
			iv.Resamples, iv.Detection.Lo, iv.Detection.Hi, iv.Root.Lo, iv.Root.Hi, iv.PLOVER.Lo, iv.PLOVER.Hi, iv.SrcRoot.Lo, iv.SrcRoot.Hi, iv.Full.Lo, iv.Full.Hi)
	}
	fmt.Fprintln(w, "per root:")
	for _, r := range rep.PerRoot {
		name := ""
		if c, err := ontology.CAMEO(r.Root); err == nil {
			name = c.Name
		}
		fmt.Fprintf(w, "  %s %-34.34s gold %4d coded %4d  P %6.2f R %6.2f F1 %6.2f\n", r.Root, name, r.TP+r.FN, r.TP+r.FP, r.Precision, r.Recall, r.F1)
	}
	return nil
}

// WriteFailures lists, per sentence, the gold events not coded and the
// coded events the coders did not code, at the source+target+root level,
// and the matched events whose modality or date is not the coders'.
func (rep *SilverReport) WriteFailures(w io.Writer) {
	for _, s := range rep.Sents {
		fmt.Fprintf(w, "\n%s: %s\n", s.ID, s.Text)
		for _, m := range s.Missed {
			fmt.Fprintf(w, "  missed %s\n", m)
		}
		for _, f := range s.False {
			fmt.Fprintf(w, "  false  %s\n", f)
		}
		for _, m := range s.Modality {
			fmt.Fprintf(w, "  modality %s\n", m)
		}
		for _, d := range s.Dates {
			fmt.Fprintf(w, "  date %s\n", d)
		}
	}
}

// dateAgrees reports whether dyad's date of e agrees with the coders'
// date gold (YYYY-MM-DD, YYYY-MM or YYYY): dyad's is as exact and within
// gold's period, or, where dyad knows only the week, month or year,
// gold's day falls in it ("this week" written as its Monday, and the
// coders' Friday of that week).
func dateAgrees(gold string, e *dyad.Event) bool {
	if len(e.Date) >= len(gold) && e.Date[:len(gold)] == gold {
		return true
	}
	g, err1 := time.Parse("2006-01-02", gold)
	from, err2 := time.Parse("2006-01-02", e.Date)
	if err1 != nil || err2 != nil {
		return false
	}
	var to time.Time
	switch e.DatePrecision {
	case dyad.PrecisionWeek:
		to = from.AddDate(0, 0, 6)
	case dyad.PrecisionMonth:
		to = from.AddDate(0, 1, -1)
	case dyad.PrecisionYear:
		to = from.AddDate(1, 0, -1)
	default:
		return false
	}
	return !g.Before(from) && !g.After(to)
}
