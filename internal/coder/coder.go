package coder

import (
	"fmt"
	"sort"
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
	kind  string // "verb" or "noun"
	words []string
	cameo dyad.CAMEO
	plov  dyad.PLOVER
	src   string // the entry as written, for evidence
}

// Coder codes events. It is read-only after New and safe for concurrent
// use.
type Coder struct {
	opts  Options
	heads map[string][]*pattern // head lemma → patterns, longest first
}

// New builds a Coder from the verb lexicon of d. Every entry's CAMEO code
// must be known to the ontology; unknown codes are reported together as a
// dict.ErrorList.
func New(d *dict.Dictionary, opts Options) (*Coder, error) {
	c := &Coder{opts: opts, heads: map[string][]*pattern{}}
	var errs dict.ErrorList
	for _, v := range d.Verbs {
		cm, err := ontology.CAMEO(v.Code)
		switch {
		case err != nil && opts.OwnCodes && len(v.Code) >= 2:
			cm = dyad.CAMEO{Code: v.Code, Root: v.Code[:2]}
		case err != nil:
			errs = append(errs, &dict.Error{Pos: v.Pos, Msg: dyad.ErrorMessage(err)})
			continue
		}
		pv, _ := ontology.PLOVER(v.Code)
		p := &pattern{kind: v.Kind, words: v.Words, cameo: cm, plov: pv,
			src: fmt.Sprintf("%s %s %s", v.Kind, v.Code, strings.Join(v.Words, " "))}
		c.heads[v.Words[0]] = append(c.heads[v.Words[0]], p)
	}
	for _, ps := range c.heads {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
	}
	if err := errs.Err(); err != nil {
		return nil, fmt.Errorf("verb lexicon: %w", err)
	}
	return c, nil
}

// Patterns returns the number of lexicon patterns the coder knows.
func (c *Coder) Patterns() int {
	n := 0
	for _, ps := range c.heads {
		n += len(ps)
	}
	return n
}
