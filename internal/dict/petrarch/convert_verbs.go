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
// block's code, and with each pattern's words, before and after the verb,
// and the places of its actors. It passes each to emit with its code, in
// the order of the file; what dict.Verb cannot hold is counted in r.
func convertVerbs(v *Verbs, emit func(*dict.Verb, Code), r *Report) {
	for _, b := range v.Blocks {
		r.Patterns += len(b.Patterns)
		for _, f := range b.Verbs {
			c := b.Code
			if f.Code != nil {
				c = *f.Code
			}
			if c, ok := usable(c, r); ok {
				emit(f.entry(c, f.Pos), c)
			}
		}
		for _, p := range b.Patterns {
			convertPattern(v, b, p, emit, r)
		}
	}
}

// coded is an entry convertVerbs made, with its code.
type coded struct {
	e *dict.Verb
	c Code
}

// keepFirst returns the entries es, in order, each with the heads whose
// pattern (dict.Verb.Key) no entry before it had, and without those that
// keep none: the first file's code wins. A pattern said again with
// another code is counted in r as lost.
func keepFirst(es []coded, r *Report) []*dict.Verb {
	n := 0
	for _, x := range es {
		n += 1 + len(x.e.Heads)
	}
	// seen maps a pattern's key to the entry that said it first (an index
	// into es: smaller than the code itself, and the map is large).
	seen := make(map[string]int32, n) // sized: growing it rehashed every key (Phoenix makes 240,000)
	out := make([]*dict.Verb, 0, len(es))
	var kept []bool
	for i, x := range es {
		e, c := x.e, x.c
		keys := e.HeadKeys()
		kept = kept[:0]
		all := true
		for _, key := range keys {
			if first, ok := seen[key]; ok {
				if es[first].c != c {
					r.lose("entries equal to an earlier one once converted, with another code (first kept)", 1)
				}
				kept, all = append(kept, false), false
				continue
			}
			seen[key] = int32(i)
			kept = append(kept, true)
		}
		if !all {
			var heads []string
			for h, k := range kept {
				switch {
				case !k:
				case h == 0:
					heads = append(heads, e.Words[0])
				default:
					heads = append(heads, e.Heads[h-1])
				}
			}
			if len(heads) == 0 {
				continue
			}
			e.Words[0], e.Heads = heads[0], heads[1:]
		}
		if len(e.Heads) == 0 {
			e.Heads = nil
		}
		out = append(out, e)
	}
	return out
}

// usable returns c as a dict.Verb can carry it and whether it can at all,
// counting in r what is lost: a reverse code that is neither CAMEO nor
// numeric is dropped, an event code of that kind drops the entry.
func usable(c Code, r *Report) (Code, bool) {
	if c.Reverse != "" && !ontology.Known(c.Reverse) && !digits(c.Reverse) {
		r.lose("reverse codes that are neither CAMEO nor numeric", 1)
		c.Reverse = ""
	}
	switch {
	case c.Event == "" && c.Reverse == "":
		return c, false // null code: the verb is known and codes nothing
	case c.Event == "":
		return c, true // the reverse event only ("[:173]")
	case !ontology.Known(c.Event) && !digits(c.Event):
		r.lose("codes that are neither CAMEO nor numeric", 1)
		return c, false
	case !ontology.Known(c.Event):
		r.lose("numeric codes that are not CAMEO, kept for a coder with OwnCodes", 1)
	}
	return c, true
}

// entry returns the dict.Verb of f alone: its verb and the words after it,
// lower case, with the words before it, joined to it, as Before.
func (f *VerbForm) entry(c Code, pos dict.Pos) *dict.Verb {
	e := &dict.Verb{Kind: "verb", Code: c.Event, Reverse: c.Reverse, Pos: pos}
	for i, w := range f.Words {
		if i < f.Verb {
			e.Before = append(e.Before, strings.ToLower(w))
		} else {
			e.Words = append(e.Words, strings.ToLower(w))
		}
	}
	if f.Verb > 0 { // "WIRE_+TAP": the words before the verb are joined to it
		e.Tight = make([]bool, len(e.Before)+len(e.Words))
		for i := 1; i <= len(e.Before); i++ {
			e.Tight[i] = true
		}
	}
	return e
}

// convertPattern adds one dict.Verb per spelling of p's synsets for b's
// one-word verbs together, and one per spelling for each verb of several
// words: the verb, p's words after it, p's words before it, where its
// actors stand.
func convertPattern(v *Verbs, b *VerbBlock, p *Pattern, add func(*dict.Verb, Code), r *Report) {
	c, ok := usable(p.Code, r)
	if !ok {
		return
	}
	pres, posts := spell(v, flatten(p.Pre, false), r), spell(v, flatten(p.Post, false), r)
	if pres == nil || posts == nil {
		return
	}
	if len(pres)*len(posts) > MaxExpansions {
		r.lose("patterns with more than MaxExpansions spellings", 1)
		return
	}
	// One entry for the block's one-word verbs together (dict.Verb.Heads),
	// one for each verb of several words.
	var single []string
	var forms []*VerbForm
	for _, f := range b.Verbs {
		if len(f.Words) == 1 {
			if single = append(single, strings.ToLower(f.Words[0])); len(single) > 1 {
				continue
			}
		}
		forms = append(forms, f)
	}
	for _, f := range forms {
		for _, pre := range pres {
			for _, post := range posts {
				e := f.entry(c, p.Pos)
				if !place(e, pre, post, p.VerbTight) {
					r.lose("patterns with two actors in one role ($ + %)", 1)
					return
				}
				if len(f.Words) == 1 && len(single) > 1 {
					e.Heads = append([]string(nil), single[1:]...)
				}
				add(e, c)
			}
		}
	}
}

// unit is one element of a pattern side, groups flattened: a word, a
// synset, an actor position or an actor to skip.
type unit struct {
	kind  ElemKind // Word, SynsetRef, Source, Target, Compound or Skip
	text  string
	tight bool
}

// flatten lists es with PETRARCH-2's groups opened: "(FOR +)" is FOR, +.
func flatten(es []Elem, tight bool) []unit {
	var out []unit
	for i, e := range es {
		t := e.Tight || i == 0 && tight
		switch e.Kind {
		case Phrase, NounPhrase:
			out = append(out, flatten(e.Sub, t)...)
		default:
			out = append(out, unit{kind: e.Kind, text: e.Text, tight: t})
		}
	}
	return out
}

// spelling is one way to spell a pattern side: its words, whether each is
// joined to the one before it, and its actor positions.
type spelling struct {
	words []string
	tight []bool
	slots []slot
}

// slot is an actor position on one side: the number of words before it on
// that side, and the actors to skip ('^') between it and the word before
// it and between it and the word after it.
type slot struct {
	kind                  ElemKind
	at                    int
	skipBefore, skipAfter int
}

// spell returns every spelling of us, synsets spelled out; nil when there
// would be more than MaxExpansions or a synset is unknown or empty.
func spell(v *Verbs, us []unit, r *Report) []spelling {
	out := []spelling{{}}
	skips, afterActor := 0, false // '^' since the last word or position
	closeSkips := func() {
		for i := range out {
			if n := len(out[i].slots); n > 0 && out[i].slots[n-1].at == len(out[i].words) {
				out[i].slots[n-1].skipAfter = skips
			}
		}
		skips = 0
	}
	for _, u := range us {
		switch u.kind {
		case Skip:
			skips, afterActor = skips+1, true
			continue
		case Source, Target, Compound:
			for i := range out {
				sl := append(out[i].slots[:len(out[i].slots):len(out[i].slots)], slot{kind: u.kind, at: len(out[i].words), skipBefore: skips})
				out[i].slots = sl
			}
			skips, afterActor = 0, true
			continue
		}
		closeSkips()
		var alts [][]string
		if u.kind == SynsetRef {
			alts = members(v, u.text, 0)
		} else {
			alts = [][]string{{strings.ToLower(u.text)}}
		}
		if len(alts) == 0 {
			return nil
		}
		if len(out)*len(alts) > MaxExpansions {
			r.lose("patterns with more than MaxExpansions spellings", 1)
			return nil
		}
		next := make([]spelling, 0, len(out)*len(alts))
		for _, o := range out {
			for _, a := range alts {
				n := spelling{
					words: append(append([]string(nil), o.words...), a...),
					tight: append(append([]bool(nil), o.tight...), u.tight && !afterActor),
					slots: o.slots,
				}
				for range a[1:] {
					n.tight = append(n.tight, false) // the words of a synset member
				}
				next = append(next, n)
			}
		}
		out, afterActor = next, false
	}
	closeSkips()
	return out
}

// place completes e, a verb form's entry, with a pattern's words before
// (pre) and after (post) the verb and its actor positions; verbTight says
// the verb is joined to the word before it. It reports false when two
// positions give one role.
func place(e *dict.Verb, pre, post spelling, verbTight bool) bool {
	form := e.Tight // the form's own joins, or nil
	if form == nil {
		form = make([]bool, len(e.Before)+len(e.Words))
	}
	na := len(e.Words) // the verb and the form's words after it
	t := make([]bool, 0, len(pre.words)+len(form)+len(post.words))
	t = append(t, pre.tight...)
	if len(t) > 0 {
		t[0] = false
	}
	t = append(t, form...)
	if len(pre.words) > 0 {
		t[len(pre.words)] = verbTight // the form's first word, the verb itself when it has none before it
	}
	t = append(t, post.tight...)
	e.Before = append(append([]string(nil), pre.words...), e.Before...)
	e.Words = append(e.Words, post.words...)
	e.Tight = nil
	for _, x := range t {
		if x {
			e.Tight = t
			break
		}
	}
	// With a '$' of its own, a '%' is the target, which must be compound
	// ("% * be held responsible by $").
	source := false
	for _, s := range append(append([]slot(nil), pre.slots...), post.slots...) {
		source = source || s.kind == Source
	}
	compoundAt := func(at int) int {
		if source {
			return 1
		}
		return at
	}
	// Two positions at one anchor ("$ + *"): the farther skips the nearer
	// one's actor and skips.
	for i := len(pre.slots) - 1; i >= 0; i-- {
		s, skip := pre.slots[i], pre.slots[i].skipAfter
		for j := i + 1; j < len(pre.slots) && pre.slots[j].at == s.at; j++ {
			skip += 1 + pre.slots[j].skipAfter
		}
		if !setSlot(e, s.kind, s.at-len(e.Before)-1, skip, compoundAt(-1)) {
			return false
		}
	}
	for i, s := range post.slots {
		skip := s.skipBefore
		for j := i - 1; j >= 0 && post.slots[j].at == s.at; j-- {
			skip += 1 + post.slots[j].skipBefore
		}
		if !setSlot(e, s.kind, na+s.at, skip, compoundAt(1)) {
			return false
		}
	}
	return true
}

// setSlot records where e's source or target stands; false when the role
// has a position already. A compound ('%') is the target when side > 0,
// the source otherwise.
func setSlot(e *dict.Verb, kind ElemKind, at, skip, side int) bool {
	switch {
	case kind == Compound && e.Reciprocal:
		return false
	case (kind == Target || kind == Compound && side > 0) && e.TargetAt == 0:
		e.TargetAt, e.TargetSkip = at, skip
	case (kind == Source || kind == Compound && side < 0) && e.SourceAt == 0:
		e.SourceAt, e.SourceSkip = at, skip
	default:
		return false
	}
	e.Reciprocal = e.Reciprocal || kind == Compound
	return true
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
		// A member of nothing but joiners ("+_") spells no word: keep it
		// out, or a pattern would take it for a word it cannot match.
		if ws := strings.Fields(strings.ToLower(m)); len(ws) > 0 {
			out = append(out, ws)
		}
	}
	return out
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
