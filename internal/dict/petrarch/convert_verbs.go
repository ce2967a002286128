package petrarch

import (
	"strings"

	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/ontology"
)

// MaxExpansions bounds the dict.Verbs one pattern expands to when its
// synsets are spelled out; a pattern that would make more is dropped.
const MaxExpansions = 256

// convertVerbs makes dict.Verbs of v: each verb of a block alone with the
// block's code, and with each pattern's words after the verb. seen maps a
// pattern's words to its code across files, so that the first file's
// code wins. What dict.Verb cannot hold is counted in r.
func convertVerbs(v *Verbs, seen map[string]string, r *Report) []*dict.Verb {
	var out []*dict.Verb
	add := func(words []string, c Code, pos dict.Pos) {
		key := strings.Join(words, " ")
		if prev, ok := seen[key]; ok {
			if prev != c.Event {
				r.lose("entries equal to an earlier one once converted, with another code (first kept)", 1)
			}
			return
		}
		seen[key] = c.Event
		out = append(out, &dict.Verb{Kind: "verb", Code: c.Event, Words: words, Pos: pos})
	}
	for _, b := range v.Blocks {
		r.Patterns += len(b.Patterns)
		for _, f := range b.Verbs {
			base, pre := f.lemmas()
			r.lose("words before the verb of a multi-word verb", pre)
			c := b.Code
			if f.Code != nil {
				c = *f.Code
			}
			if usable(c, r) {
				add(base, c, f.Pos)
			}
		}
		for _, p := range b.Patterns {
			convertPattern(v, b, p, add, r)
		}
	}
	return out
}

// usable reports whether c can be a dict.Verb's code, counting in r
// what is lost.
func usable(c Code, r *Report) bool {
	switch {
	case c.Event == "" && c.Reverse != "":
		r.lose("patterns coding only the reverse event ([:CODE])", 1)
		return false
	case c.Event == "":
		return false // null code: the verb is known and codes nothing
	case !ontology.Known(c.Event) && !digits(c.Event):
		r.lose("codes that are neither CAMEO nor numeric", 1)
		return false
	case !ontology.Known(c.Event):
		r.lose("numeric codes that are not CAMEO, kept for a coder with OwnCodes", 1)
	}
	if c.Reverse != "" {
		r.lose("reverse events of paired codes (A:B)", 1)
	}
	return true
}

// lemmas returns the verb of f and the words after it, lower case, and how
// many words stood before it.
func (f *VerbForm) lemmas() ([]string, int) {
	out := make([]string, 0, len(f.Words)-f.Verb)
	for _, w := range f.Words[f.Verb:] {
		out = append(out, strings.ToLower(w))
	}
	return out, f.Verb
}

// convertPattern adds one dict.Verb per verb of b and per spelling of p's
// synsets: the verb, then p's words after it in order.
func convertPattern(v *Verbs, b *VerbBlock, p *Pattern, add func([]string, Code, dict.Pos), r *Report) {
	if !usable(p.Code, r) {
		return
	}
	if hasWord(p.Pre) {
		if !hasWord(p.Post) {
			r.lose("patterns whose words all stand before the verb", 1)
			return
		}
		r.lose("patterns with words before the verb (dropped)", 1)
	}
	if hasKind(p.Pre, p.Post, Source, Target, Compound, Skip) {
		r.lose("patterns with actor positions ($ + % ^), kept without them", 1)
	}
	tails := spell(v, p.Post, r)
	if tails == nil {
		return
	}
	for _, f := range b.Verbs {
		base, _ := f.lemmas()
		for _, t := range tails {
			add(append(append([]string(nil), base...), t...), p.Code, p.Pos)
		}
	}
}

// spell returns every sequence of lower-case words es stands for, synsets
// spelled out; nil when there would be more than MaxExpansions.
func spell(v *Verbs, es []Elem, r *Report) [][]string {
	out := [][]string{{}}
	for _, e := range es {
		var alts [][]string
		switch e.Kind {
		case Word:
			alts = [][]string{{strings.ToLower(e.Text)}}
		case SynsetRef:
			alts = members(v, e.Text, 0)
		case Phrase, NounPhrase:
			alts = spell(v, e.Sub, r)
		default:
			continue
		}
		if len(alts) == 0 || len(out)*len(alts) > MaxExpansions {
			r.lose("patterns with more than MaxExpansions spellings", 1)
			return nil
		}
		next := make([][]string, 0, len(out)*len(alts))
		for _, o := range out {
			for _, a := range alts {
				next = append(next, append(append([]string(nil), o...), a...))
			}
		}
		out = next
	}
	return out
}

// members returns the spellings of synset name, nested synsets spelled
// out (to a depth of 4).
func members(v *Verbs, name string, depth int) [][]string {
	s, ok := v.Synsets[name]
	if !ok || depth > 4 {
		return nil
	}
	var out [][]string
	for _, m := range s.Members {
		if strings.HasPrefix(m, "&") {
			out = append(out, members(v, synsetName(m[1:]), depth+1)...)
			continue
		}
		out = append(out, strings.Fields(strings.ToLower(m)))
	}
	return out
}

func hasWord(es []Elem) bool {
	for _, e := range es {
		if e.Kind == Word || e.Kind == SynsetRef || (e.Kind == Phrase || e.Kind == NounPhrase) && hasWord(e.Sub) {
			return true
		}
	}
	return false
}

func hasKind(a, b []Elem, kinds ...ElemKind) bool {
	for _, es := range [][]Elem{a, b} {
		for _, e := range es {
			for _, k := range kinds {
				if e.Kind == k {
					return true
				}
			}
		}
	}
	return false
}

// digits reports whether code is 2–4 decimal digits, as an event code of a
// user's own may be (WEIS-era 901, 903).
func digits(code string) bool {
	if len(code) < 2 || len(code) > 4 {
		return false
	}
	for _, c := range code {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
