package coder

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/ontology"
)

// Defaults of Options.
const (
	DefaultMaxGap    = 5  // tokens allowed between two words of a pattern
	DefaultMaxReach  = 20 // tokens searched for a source or target
	DefaultMinTarget = 14 // roots from which an event may stand without a target
)

// Options tune the coder.
type Options struct {
	MaxGap   int // tokens allowed between two pattern words, not counting actors
	MaxReach int // tokens searched left for a source and right for a target
	// OwnCodes accepts event codes the CAMEO ontology does not have (a
	// user's dictionary with codes of its own): their events carry the code
	// and its first two digits as root, no name, no Goldstein value and no
	// PLOVER category. Without it such entries are errors.
	OwnCodes bool
}

// DefaultOptions returns the options dyad codes with.
func DefaultOptions() Options { return Options{MaxGap: DefaultMaxGap, MaxReach: DefaultMaxReach} }

// pattern is one lexicon entry ready to match.
type pattern struct {
	kind   string // "verb" or "noun"
	words  []string
	before []string // words that must stand before the head, in order
	tight  []bool   // over before and words: the word follows the one before it directly
	cameo  dyad.CAMEO
	plov   dyad.PLOVER
	rev    *dyad.CAMEO // the event from target to source the same words code, if any
	revPL  dyad.PLOVER
	// Where actors must stand (see dict.Verb): srcAt, tgtAt 0 for
	// anywhere; skips are actors passed over; reciprocal: the actor at
	// srcAt, or at tgtAt when there is none, is compound, and at srcAt it
	// stands for both sides.
	srcAt, tgtAt, srcSkip, tgtSkip int
	reciprocal                     bool
	heads                          []string // further heads (dict.Verb.Heads)
	rest                           string   // the words after the head, each after a space
	// the entry as written, for evidence, around its head: a pattern of
	// several heads shows the one found
	srcPre, srcPost string
}

// src returns the pattern as written with head in the head's place.
func (p *pattern) src(head string) string { return p.srcPre + head + p.srcPost }

// headOf returns the head of p that token i matches: its lemma or form
// when p has several heads.
func (p *pattern) headOf(st *sent, i int) string {
	if len(p.heads) == 0 {
		return p.words[0]
	}
	if l := st.lemmas[i]; l == p.words[0] || slices.Contains(p.heads, l) {
		return l
	}
	return strings.ToLower(st.toks[i].Text)
}

// positioned reports whether p says where an actor must stand.
func (p *pattern) positioned() bool { return p.srcAt != 0 || p.tgtAt != 0 }

// weight orders the patterns of one head: the more a pattern asks for,
// the sooner it is tried.
func (p *pattern) weight() int {
	return len(p.words) + len(p.before) + b2i(p.srcAt != 0) + b2i(p.tgtAt != 0)
}

// tightAt reports whether pattern word i (counting before, then words)
// must follow the word before it directly.
func (p *pattern) tightAt(i int) bool { return i < len(p.tight) && p.tight[i] }

// Coder codes events. It is read-only after New and safe for concurrent
// use.
type Coder struct {
	opts  Options
	heads map[string][]*pattern // head lemma → patterns, most specific first
}

// New builds a Coder from the verb lexicon of d. Every entry's CAMEO code
// must be known to the ontology; unknown codes are reported together as a
// dict.ErrorList.
func New(d *dict.Dictionary, opts Options) (*Coder, error) {
	c := &Coder{opts: opts, heads: make(map[string][]*pattern, len(d.Verbs))}
	var errs dict.ErrorList
	for _, v := range d.Verbs {
		p := &pattern{kind: v.Kind, words: v.Words, before: v.Before, tight: v.Tight,
			srcAt: v.SourceAt, tgtAt: v.TargetAt, srcSkip: v.SourceSkip, tgtSkip: v.TargetSkip, reciprocal: v.Reciprocal}
		if len(v.Words) == 0 || v.Code == "" && v.Reverse == "" {
			errs = append(errs, &dict.Error{Pos: v.Pos, Msg: "pattern with no words or no code"})
			continue
		}
		ok := true
		if v.Code != "" {
			p.cameo, p.plov, ok = c.code(v.Code, v.Pos, &errs)
		}
		if v.Reverse != "" {
			rev, pv, rok := c.code(v.Reverse, v.Pos, &errs)
			p.rev, p.revPL, ok = &rev, pv, ok && rok
		}
		if !ok {
			continue
		}
		code := v.Code
		if v.Reverse != "" {
			code += ":" + v.Reverse
		}
		one := *v
		one.Heads = nil
		one.Words = append([]string{"\x00"}, v.Words[1:]...)
		pre, post, _ := strings.Cut(v.Kind+" "+code+" "+one.Pattern(), "\x00")
		p.srcPre, p.srcPost, p.heads = pre, post, v.Heads
		if len(v.Words) > 1 {
			p.rest = " " + strings.Join(v.Words[1:], " ")
		}
		c.heads[v.Words[0]] = append(c.heads[v.Words[0]], p)
		for _, h := range v.Heads {
			c.heads[h] = append(c.heads[h], p)
		}
	}
	for _, ps := range c.heads {
		slices.SortStableFunc(ps, func(a, b *pattern) int { return cmp.Compare(b.weight(), a.weight()) })
	}
	if err := errs.Err(); err != nil {
		return nil, fmt.Errorf("verb lexicon: %w", err)
	}
	return c, nil
}

// code looks up an entry's event code, or with OwnCodes makes one of a
// code the ontology does not have; an unknown code is added to errs.
func (c *Coder) code(code string, pos dict.Pos, errs *dict.ErrorList) (dyad.CAMEO, dyad.PLOVER, bool) {
	cm, err := ontology.CAMEO(code)
	switch {
	case err != nil && c.opts.OwnCodes && len(code) >= 2:
		cm = dyad.CAMEO{Code: code, Root: code[:2]}
	case err != nil:
		*errs = append(*errs, &dict.Error{Pos: pos, Msg: dyad.ErrorMessage(err)})
		return cm, dyad.PLOVER{}, false
	}
	pv, _ := ontology.PLOVER(code)
	return cm, pv, true
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Patterns returns the number of lexicon patterns the coder knows.
func (c *Coder) Patterns() int {
	n := 0
	for _, ps := range c.heads {
		n += len(ps)
	}
	return n
}

// HeadCodes returns the event codes of the patterns headed by lemma, most
// specific pattern first: what the dictionaries say a word can mean.
func (c *Coder) HeadCodes(lemma string) []string {
	var out []string
	for _, p := range c.heads[lemma] {
		if p.cameo.Code != "" {
			out = append(out, p.cameo.Code)
		} else if p.rev != nil {
			out = append(out, p.rev.Code)
		}
	}
	return out
}

// Control returns the modality a verb of intent or refusal passes to the
// verb it governs ("vowed to attack": future; "refused to meet"), and
// whether lemma is one.
func (c *Coder) Control(lemma string) (dyad.Modality, bool) {
	m, ok := controlVerbs[lemma]
	return m, ok
}
