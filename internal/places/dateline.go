package places

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// Dateline reads the dateline at the start of a story: a place name in
// capitals, optionally followed by ", Region", a date and an agency in
// parentheses, then a dash. It accepts "SEOUL —", "TOKYO (AP) -",
// "WASHINGTON, Oct 27 (Reuters) -" and "KABUL, Afghanistan —", and returns
// the name as written ("SEOUL") and its span.
func Dateline(text string) (name string, span dyad.Span, ok bool) {
	d, ok := parseDateline(text)
	return d.name, d.span, ok
}

// dateline is a parsed dateline.
type dateline struct {
	name      string
	span      dyad.Span
	qualifier string // "Afghanistan" in "KABUL, Afghanistan —"
}

func parseDateline(text string) (dateline, bool) {
	i := len(text) - len(strings.TrimLeft(text, " \t\r\n\ufeff"))
	start := i
	// The name: capitals, spaces, periods, hyphens, apostrophes.
	letters := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsUpper(r) {
			letters++
		} else if unicode.IsLower(r) || !(r == ' ' || r == '.' || r == '-' || r == '\'' || r == '’') {
			break
		} else if r == '-' && i+n < len(text) && text[i+n] == ' ' { // the dash itself
			break
		}
		i += n
	}
	end := start + len(strings.TrimRight(text[start:i], " .-"))
	if letters < 2 || end <= start {
		return dateline{}, false
	}
	d := dateline{name: text[start:end], span: dyad.Span{Start: start, End: end}}
	rest := text[end:]
	limit := 60
	if len(rest) < limit {
		limit = len(rest)
	}
	head := rest[:limit]
	dash := -1
	for _, sep := range []string{" — ", " – ", " - ", " -- ", "—", "–", " --"} {
		if k := strings.Index(head, sep); k >= 0 && (dash < 0 || k < dash) {
			dash = k
		}
	}
	if dash < 0 {
		return dateline{}, false
	}
	between := head[:dash]
	if !plausibleBetween(between) {
		return dateline{}, false
	}
	if q, ok := strings.CutPrefix(between, ", "); ok {
		q, _, _ = strings.Cut(q, ",")
		q, _, _ = strings.Cut(q, "(")
		d.qualifier = strings.TrimSpace(q)
	}
	return d, true
}

// plausibleBetween accepts what may stand between the name and the dash:
// nothing, or a short part that starts with a comma or a parenthesis
// (", Calif.", ", Oct. 27 (Reuters)") and holds no line break.
func plausibleBetween(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" {
		return true
	}
	return len(t) < 45 && (t[0] == ',' || t[0] == '(') && !strings.ContainsAny(t, "\n!?;")
}

// DatelinePlace reads the dateline of a story and resolves it with the
// story's countries as prior, using a ", Country" or ", State" qualifier
// when there is one. Stop-list names are accepted here ("NICE, France —").
// The place's Source is "dateline".
func (g *Gazetteer) DatelinePlace(text string, prior []string) (dyad.Place, bool) {
	d, ok := parseDateline(text)
	if !ok {
		return dyad.Place{}, false
	}
	ids := g.index[normalize(d.name)]
	if len(ids) == 0 {
		return dyad.Place{}, false
	}
	if d.qualifier != "" {
		outer := g.index[normalize(d.qualifier)]
		var in []int32
		for _, id := range ids {
			if g.within(id, outer) {
				in = append(in, id)
			}
		}
		if len(in) > 0 {
			ids = in
		}
	}
	p := g.Resolve(Mention{Span: d.span, Text: d.name, Candidates: g.places(ids)}, prior)
	p.Source = "dateline"
	return p, true
}
