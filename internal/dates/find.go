package dates

import (
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// Mention is one date expression found in a text, resolved to a period.
type Mention struct {
	Span      dyad.Span          // bytes of the text given to Find
	Text      string             // the words of the expression
	Date      time.Time          // first day of the period, midnight UTC
	End       time.Time          // last day of the period (== Date for a single day)
	Precision dyad.DatePrecision // day, week, month or year
	Relative  bool               // resolved against the publication date
	// Noun, when set, is the one noun the date modifies ("the 2004
	// bombing"): it dates that noun alone, not the verbs around it.
	Noun dyad.Span
}

// OfAnother reports whether m dates a noun of its own ("the 2004
// bombing") other than the event word at span w: in "accused of the 2004
// bombing", 2004 is the bombing's, not the accusation's.
func (m Mention) OfAnother(w dyad.Span) bool {
	return m.Noun.End > 0 && (m.Noun.End <= w.Start || m.Noun.Start >= w.End)
}

// BareWeekday reports whether m is a weekday named alone ("Tuesday", "on
// Tuesday", "Tuesday's"), which Find takes for the most recent such day
// unless a future cue before it says otherwise.
func (m Mention) BareWeekday() bool {
	w := strings.ToLower(strings.TrimPrefix(m.Text, "on "))
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	_, ok := weekdays[w]
	return ok && m.Relative && m.Precision == dyad.PrecisionDay
}

// Find returns every date expression in text, in order, resolved against
// the publication date pub. Only pub's calendar day (in its own location)
// matters. When pub is zero, expressions that need it ("yesterday", "on
// Thursday", "September 9" with no year) are skipped. Matches never overlap.
func Find(text string, pub time.Time) []Mention {
	p := parser{text: text, toks: lex(text)}
	if !pub.IsZero() {
		p.pub = dayOf(pub)
	}
	var out []Mention
	for i := 0; i < len(p.toks); {
		if !p.candidate(i) {
			i++
			continue
		}
		per, start, next, ok := p.at(i)
		if !ok || next <= i {
			i++
			continue
		}
		sp := dyad.Span{Start: p.toks[start].start, End: p.toks[next-1].end}
		m := Mention{
			Span: sp, Text: text[sp.Start:sp.End],
			Date: per.from, End: per.to, Precision: per.prec, Relative: per.rel,
		}
		if next == start+1 && !yearContext[p.prevWord(start)] && p.yearBeforeNoun(start, next) {
			m.Noun = dyad.Span{Start: p.toks[next].start, End: p.toks[next].end}
		}
		out = append(out, m)
		i = next
	}
	return out
}

// parser holds the tokens of one call to Find.
type parser struct {
	text string
	toks []token
	pub  time.Time // publication day, midnight UTC; zero when unknown
}

// candidate reports whether a date may start at token i; it keeps the
// matcher off most words.
func (p *parser) candidate(i int) bool {
	t := &p.toks[i]
	switch t.kind {
	case tNum:
		return true
	case tWord:
		return triggers[t.lower]
	}
	return false
}

// at tries every form at token i and returns the period with the index of
// its first token and of the token after it.
func (p *parser) at(i int) (per period, start, next int, ok bool) {
	t := &p.toks[i]
	if t.kind == tNum {
		if per, next, ok = p.ago(i); ok {
			return per, i, next, true
		}
		if per, next, ok = p.numeric(i); ok {
			return per, i, next, true
		}
		return p.absoluteAt(i)
	}
	switch t.lower {
	case "between", "from":
		if per, next, ok = p.rangeFrom(i); ok {
			return per, i, next, true
		}
		return period{}, 0, 0, false
	case "since":
		if i+1 < len(p.toks) && p.candidate(i+1) {
			if per, _, next, ok = p.at(i + 1); ok {
				return p.since(per), i, next, true
			}
		}
		return period{}, 0, 0, false
	case "early", "mid", "late":
		return p.modified(i)
	}
	if per, next, ok = p.relative(i); ok {
		return per, i, next, true
	}
	if per, next, ok = p.ago(i); ok {
		return per, i, next, true
	}
	if _, isMonth := months[t.lower]; isMonth {
		return p.absoluteAt(i)
	}
	if _, isDay := weekdays[t.lower]; isDay {
		return p.weekdayAt(i, "")
	}
	return period{}, 0, 0, false
}

// since extends a period to the publication day: "since 2008".
func (p *parser) since(per period) period {
	if !p.pub.IsZero() && !p.pub.Before(per.from) {
		per.to, per.rel = p.pub, true
	}
	return per
}

// absoluteAt matches an absolute date (with or without year) at token i.
func (p *parser) absoluteAt(i int) (period, int, int, bool) {
	it, ok := p.absolute(i, false)
	if !ok {
		return period{}, 0, 0, false
	}
	per, ok := p.resolveItem(it, p.future(i))
	return per, i, it.next, ok
}

// modified matches "early", "mid" or "late" before a month, year or decade:
// "in early September", "mid-2015", "the late 1990s".
func (p *parser) modified(i int) (period, int, int, bool) {
	mod := p.toks[i].lower
	j := i + 1
	if p.punctAt(j, "-") && !p.toks[j].space {
		j++
	}
	it, ok := p.absolute(j, true)
	if !ok || it.ranged || it.a.d != 0 {
		return period{}, 0, 0, false
	}
	per, ok := p.resolveItem(it, p.future(i))
	if !ok {
		return period{}, 0, 0, false
	}
	return narrow(per, mod), i, it.next, true
}

// future reports whether a word shortly before token i, in the same clause
// and not behind a reporting verb, points to the future ("will meet on
// Thursday"). It decides which year, month or week a partial date means.
func (p *parser) future(i int) bool {
	for j, n := i-1, 0; j >= 0 && n < 8; j-- {
		t := &p.toks[j]
		if t.kind == tPunct {
			switch t.text {
			case ".", ";", "!", "?", ":":
				return false
			}
			continue
		}
		n++
		if reportVerbs[t.lower] {
			return false
		}
		if futureCues[t.lower] {
			return true
		}
	}
	return false
}

// Token helpers.

func (p *parser) wordAt(i int) string {
	if i >= 0 && i < len(p.toks) && p.toks[i].kind == tWord {
		return p.toks[i].lower
	}
	return ""
}

func (p *parser) punctAt(i int, s string) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == tPunct && p.toks[i].text == s
}

// glued reports whether token i exists and follows its predecessor with no
// space.
func (p *parser) glued(i int) bool { return i > 0 && i < len(p.toks) && !p.toks[i].space }

// prevWord returns the lower-case word before token i, looking through a
// hyphen glued to both ("mid-2015").
func (p *parser) prevWord(i int) string {
	j := i - 1
	if p.punctAt(j, "-") && p.glued(i) && p.glued(j) {
		j--
	}
	return p.wordAt(j)
}
