package pipeline

import (
	"sort"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dates"
	"github.com/dyad-events/dyad/internal/places"
)

// understand fills what the sentence around an event says of it: the date
// attached to its clause (and so whether it is historical) and the
// quotation it was coded from.
func (p *Pipeline) understand(doc *dyad.Document, s *dyad.Sentence, qs []dyad.Quote, ev *dyad.Event) {
	for _, q := range qs {
		if q.Span.Contains(ev.Evidence.VerbSpan) {
			q := q
			ev.Quote = &q
			break
		}
	}
	m, ok := clauseDate(doc, s, ev.Evidence.VerbSpan)
	if !ok {
		return
	}
	if ev.Modality == dyad.Future && m.BareWeekday() && m.Date.Format("2006-01-02") < doc.Date.Format("2006-01-02") {
		// "hopes to resolve it during talks Tuesday": an event still to
		// come is on the coming Tuesday, not the one before publication.
		m.Date = m.Date.AddDate(0, 0, 7)
	}
	ev.Date, ev.DatePrecision, ev.DateSource = m.Date.Format("2006-01-02"), m.Precision, dyad.DateFromText
	if ev.Modality == dyad.Asserted && !doc.Date.IsZero() && dates.Historical(m, doc.Date) {
		ev.Modality = dyad.Historical
	}
}

// clauseDate returns the date expression of s in the verb's clause,
// nearest the verb. A date that only bounds the event ("after Saturday's
// meeting", "ahead of Monday's vote") is not its date.
func clauseDate(doc *dyad.Document, s *dyad.Sentence, verb dyad.Span) (dates.Mention, bool) {
	v := dyad.Span{Start: verb.Start - s.Span.Start, End: verb.End - s.Span.Start}
	var ms []dates.Mention
	for _, m := range dates.Find(s.Text, doc.Date) {
		if bounding(s.Text[:m.Span.Start]) {
			continue
		}
		if m.OfAnother(v) {
			continue
		}
		ms = append(ms, m)
	}
	if len(ms) == 0 {
		return dates.Mention{}, false
	}
	if judgement(s, verb) {
		// "The November 27 agreement is null and void": the date is
		// the agreement's; the judgement is the speaker's, made now.
		if m, ok := treeDate(s, ms, verb, 1); ok {
			return m, true
		}
		return frontedDate(s.Text, ms, v)
	}
	if m, ok := treeDate(s, ms, verb, maxDateSteps); ok {
		return m, true
	}
	if m, ok := dates.Nearest(s.Text, ms, v); ok {
		return m, true
	}
	return frontedDate(s.Text, ms, v)
}

// judgement reports whether the event's word is an adjective, a
// judgement of something ("unconstitutional", "null and void") whose own
// dates are not the judgement's.
func judgement(s *dyad.Sentence, verb dyad.Span) bool {
	t := wordAt(s, verb)
	return t >= 0 && s.Tokens[t].UPOS == "ADJ"
}

// wordAt returns the token of s that holds the start of verb, or -1.
func wordAt(s *dyad.Sentence, verb dyad.Span) int {
	for i, tok := range s.Tokens {
		if tok.Span.Start <= verb.Start && verb.Start < tok.Span.End {
			return i
		}
	}
	return -1
}

// frontedDate returns the date that opens the sentence, set off by a
// comma, ahead of the verb: "On Friday, thousands of protesters wearing
// black ... gathered" dates the gathering though the parse hangs the day
// on another word and the commas part it from the verb's clause.
func frontedDate(text string, ms []dates.Mention, verb dyad.Span) (dates.Mention, bool) {
	for _, m := range ms {
		if m.Span.End > verb.Start || len(strings.Fields(text[:m.Span.Start])) > 2 {
			continue
		}
		if rest := strings.TrimLeft(text[m.Span.End:], " "); strings.HasPrefix(rest, ",") {
			return m, true
		}
	}
	return dates.Mention{}, false
}

// treeDate returns the date expression that hangs on the verb's word in
// the parse, the one fewest steps below it (then the nearest): in "two
// officers were found guilty on Thursday of raping a tourist in 2014",
// 2014 dates the rape and Thursday the verdict, though Thursday is nearer
// the rape in the text. A possessive date ("this year's election") or a
// length of time ("for five weeks") dates nothing. ok is false when no
// date hangs within maxDateSteps of the verb.
func treeDate(s *dyad.Sentence, ms []dates.Mention, verb dyad.Span, maxSteps int) (m dates.Mention, ok bool) {
	t := wordAt(s, verb)
	if t < 0 {
		return dates.Mention{}, false
	}
	best, bestSteps, bestDist := -1, maxSteps+1, 0
	for k, c := range ms {
		lo, hi := c.Span.Start+s.Span.Start, c.Span.End+s.Span.Start
		if f := strings.Fields(strings.ToLower(s.Text[:c.Span.Start])); len(f) > 0 && f[len(f)-1] == "for" {
			continue
		}
		// The date's own word: the one whose head lies outside it.
		w := -1
		for i, tok := range s.Tokens {
			if tok.Span.Start >= lo && tok.Span.End <= hi {
				if h := tok.Head - 1; h < 0 || h >= len(s.Tokens) || s.Tokens[h].Span.Start < lo || s.Tokens[h].Span.End > hi {
					w = i
					break
				}
			}
		}
		if w < 0 || s.Tokens[w].Rel == "nmod:poss" {
			continue
		}
		dist := abs(c.Span.Start + s.Span.Start - verb.Start)
		for h, n := s.Tokens[w].Head-1, 1; h >= 0 && h < len(s.Tokens) && n <= maxSteps; h, n = s.Tokens[h].Head-1, n+1 {
			if h == t {
				if n < bestSteps || n == bestSteps && dist < bestDist {
					best, bestSteps, bestDist = k, n, dist
				}
				break
			}
			if u := s.Tokens[h].UPOS; u == "VERB" || u == "AUX" {
				break // the date of another verb ("officials said on Tuesday")
			}
		}
	}
	if best < 0 {
		return dates.Mention{}, false
	}
	return ms[best], true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// maxDateSteps bounds how far below the verb's word its date may hang.
const maxDateSteps = 2

// bounding reports whether the text before a date ends with a word that
// makes the date a bound, not the event's day.
func bounding(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	for len(f) > 0 && (f[len(f)-1] == "the" || f[len(f)-1] == "last" || f[len(f)-1] == "this") {
		f = f[:len(f)-1]
	}
	if len(f) == 0 {
		return false
	}
	switch f[len(f)-1] {
	case "after", "before", "until", "till", "following", "ahead", "of":
		return f[len(f)-1] != "of" || len(f) >= 2 && f[len(f)-2] == "ahead"
	}
	return false
}

// storyPlaces holds what place rules need of the whole story.
type storyPlaces struct {
	g        *places.Gazetteer
	prior    []string                 // the story's countries, most mentioned first
	dateline *dyad.Place              // the dateline's place, if any
	found    map[int][]places.Mention // place names of the sentences with events, by index
}

// newStoryPlaces takes the story's countries from its actors (most
// mentioned first) as the prior for ambiguous place names.
func (p *Pipeline) newStoryPlaces(doc *dyad.Document, actors [][]dyad.Mention) *storyPlaces {
	sp := &storyPlaces{g: p.places, prior: countries(actors), found: map[int][]places.Mention{}}
	if dl, ok := p.places.DatelinePlace(doc.Text, sp.prior); ok {
		sp.dateline = &dl
	}
	return sp
}

// countries returns the countries of a story's actors, most mentioned
// first, ties in order of first mention.
func countries(actors [][]dyad.Mention) []string {
	count := map[string]int{}
	var order []string
	for _, ms := range actors {
		for _, m := range ms {
			for _, a := range append([]dyad.Actor{m.Actor}, m.Members...) {
				c := a.Country
				if len(c) != 3 {
					continue
				}
				if count[c] == 0 {
					order = append(order, c)
				}
				count[c]++
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return count[order[i]] > count[order[j]] })
	return order
}

// locate sets the event's place: its clause's, else the dateline's.
func (sp *storyPlaces) locate(s *dyad.Sentence, ev *dyad.Event) {
	found, ok := sp.found[s.Index]
	if !ok {
		found = sp.g.Find(s.Text)
		if found == nil {
			found = []places.Mention{}
		}
		sp.found[s.Index] = found
	}
	pl, ok := sp.g.EventPlace(places.EventContext{Sentence: s.Text, Offset: s.Span.Start,
		Verb: ev.Evidence.VerbSpan, Dateline: sp.dateline, Prior: sp.prior, Found: found})
	if ok {
		ev.Location = &pl
	}
}

// storyDay is the day a story's news happened, when a sentence names it
// ("On Friday, thousands of protesters gathered ..."): the coders date the
// story's later events on it, where dyad dated them on the publication
// day ("The protest began outside the Legislative Council ..."). "" until
// one is named.
type storyDay string

// learn takes the story's day from the first asserted event of a
// sentence dated to a day by its own words, other than the publication
// day.
func (d *storyDay) learn(doc *dyad.Document, evs []dyad.Event) {
	if *d != "" || doc.Date.IsZero() {
		return
	}
	for _, ev := range evs {
		if ev.DateSource == dyad.DateFromText && ev.DatePrecision == dyad.PrecisionDay && ev.Modality == dyad.Asserted && ev.Date != doc.Date.Format("2006-01-02") {
			*d = storyDay(ev.Date)
			return
		}
	}
}

// dates gives the story's day to the events of sentence s that its own
// words do not date, asserted and told in the simple past, as the story's
// news, when s names no date at all.
func (d storyDay) dates(doc *dyad.Document, s *dyad.Sentence, evs []dyad.Event) {
	if d == "" || len(dates.Find(s.Text, doc.Date)) > 0 {
		return
	}
	for k := range evs {
		ev := &evs[k]
		if ev.DateSource != dyad.DateFromText && ev.Modality == dyad.Asserted && pastTense(s, ev.Evidence.VerbSpan) {
			ev.Date, ev.DatePrecision, ev.DateSource = string(d), dyad.PrecisionDay, dyad.DateFromText
		}
	}
}

// pastTense reports whether the word at verb is a verb in the simple
// past ("arrested", "was boycotted"), not the present perfect ("have
// denounced", "has been reached"), which tells of now. An event noun
// takes the tense of the verb it hangs from ("carried out the airstrike",
// "was killed in the airstrike").
func pastTense(s *dyad.Sentence, verb dyad.Span) bool {
	i := wordAt(s, verb)
	if i < 0 {
		return false
	}
	for steps := 0; steps < 2 && s.Tokens[i].UPOS == "NOUN" && s.Tokens[i].Head > 0; steps++ {
		i = s.Tokens[i].Head - 1
	}
	switch s.Tokens[i].XPOS {
	case "VBD":
		return true
	case "VBN":
		for _, k := range s.Tokens {
			if k.Head == i+1 && strings.HasPrefix(k.Rel, "aux") {
				switch strings.ToLower(k.Text) {
				case "have", "has", "'ve", "having":
					return false
				}
			}
		}
		return true
	}
	return false
}
