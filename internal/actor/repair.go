package actor

import (
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dict"
)

// directions open the country names that scraped text cuts short: a link
// dropped from "South Korea" leaves "South".
var directions = map[string]bool{"North": true, "South": true, "East": true, "West": true}

// Repair completes the names a damaged story cut short, from the names
// it gives in full: a bare "South" standing where a name should ("the
// United States, Japan and South agreed") is South Korea when the story
// names South Korea and no other country beginning "South". It re-reads
// the sentences with such a word (ms[i] are the mentions of sents[i]) and
// marks every actor so completed with the word it was read from
// (dyad.Actor.Repaired). A direction after "the" ("the North") or before
// a capitalised word ("North Carolina") is left to coreference.
func (m *Matcher) Repair(text string, sents []dyad.Sentence, ms [][]dyad.Mention, date time.Time) {
	full := m.fullNames(ms)
	if len(full) == 0 {
		return
	}
	for i := range sents {
		s := &sents[i]
		var cut []piece
		for k, t := range s.Tokens {
			if e, ok := full[t.Text]; ok && damaged(s.Tokens, k) && !covers(ms[i], k) {
				cut = append(cut, piece{first: k, last: k, entries: []dict.Entry{e}, repaired: t.Text})
			}
		}
		if len(cut) == 0 {
			continue
		}
		ps := append(m.scan(text, s.Tokens), cut...)
		for a := 1; a < len(ps); a++ {
			for b := a; b > 0 && ps[b].first < ps[b-1].first; b-- {
				ps[b], ps[b-1] = ps[b-1], ps[b]
			}
		}
		ms[i] = m.find(text, s, ps, date)
	}
}

// fullNames maps each direction to the one country the story names (in
// any form: "South Korean police") whose name begins with it ("South" →
// South Korea); a direction two such countries begin with ("South Korea",
// "South Africa") maps to none.
func (m *Matcher) fullNames(ms [][]dyad.Mention) map[string]dict.Entry {
	out := map[string]dict.Entry{}
	bad := map[string]bool{}
	for _, sm := range ms {
		for _, mn := range sm {
			for _, a := range members(mn.Actor) {
				n := m.nations[a.Country]
				if n == nil || mn.Repaired != "" {
					continue
				}
				d, _, ok := strings.Cut(n.Name, " ")
				if !ok || !directions[d] || bad[d] {
					continue
				}
				if prev, seen := out[d]; seen && prev.Actor != n {
					delete(out, d)
					bad[d] = true
					continue
				}
				out[d] = dict.Entry{Actor: n, Form: dict.FormName}
			}
		}
	}
	return out
}

// damaged reports whether the direction at token k stands alone where a
// name should: not after "the", not before a capitalised word.
func damaged(toks []dyad.Token, k int) bool {
	if k > 0 && strings.EqualFold(toks[k-1].Text, "the") {
		return false
	}
	if k+1 < len(toks) && toks[k+1].Text != "" && isUpper(toks[k+1].Text[0]) {
		return false
	}
	return !(k+1 < len(toks) && (toks[k+1].Text == "-" || toks[k+1].UPOS == "NOUN" || toks[k+1].UPOS == "ADJ"))
}

// covers reports whether a mention of ms covers token k.
func covers(ms []dyad.Mention, k int) bool {
	for _, m := range ms {
		if m.First <= k && k <= m.Last {
			return true
		}
	}
	return false
}
