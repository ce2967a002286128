package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/linear"
)

// Lexicon is what the dictionaries say of a word: the codes of the verb
// and noun patterns it heads. The dictionary coder implements it.
type Lexicon interface {
	HeadCodes(lemma string) []string
	// Control returns the modality a verb of intent or refusal passes
	// to the verb it governs, and whether lemma is one.
	Control(lemma string) (dyad.Modality, bool)
}

// Sentence is a sentence ready for the models: its tokens with their
// tree, its acting mentions and the dictionary coder's events in it.
type Sentence struct {
	S        *dyad.Sentence
	Mentions []dyad.Mention // acting mentions only (no places)
	Rules    []dyad.Event   // the dictionary coder's events

	lemma    []string
	lower    []string
	head     []int   // 0-based, -1 for the root
	kids     [][]int // dependents in order
	mention  []int   // index into Mentions of the mention over each token, or -1
	mhead    []int   // the head token of each mention
	ruleAt   map[int][]int
	lexRoots [][]string
	control  []dyad.Modality // the modality a governing verb of intent passes to each token, or ""
	// inName marks the words of any mention, places included: "United"
	// in "at the United Nations Security Council" is no event.
	inName []bool
	// cand marks the words that may carry an event (candidate).
	cand []bool
	// story holds the roots the dictionary coder found in the story's
	// other sentences (InStory), sorted.
	story []string
	// lexStory holds the roots of dictionary patterns that words of at
	// least two of the story's other sentences head, sorted.
	lexStory []string
	focus    string // the story's country (InStory)
	// classes are the word classes the features read (UseClasses), and
	// fine and coarse each token's.
	classes      *Classes
	fine, coarse []string
}

// InStory tells each sentence of a story (nil for a skipped one) what
// the rest of the story reports: the roots the dictionary coder found in
// the other sentences, the roots of dictionary patterns that words of at
// least two others head (a story about a protest reports protests in
// words no dictionary holds, and names them in words it does), and the
// story's country, focus (coref.Focus).
func InStory(xs []*Sentence, focus string) {
	coded, headed := map[string]int{}, map[string]int{}
	heads := make([][]string, len(xs)) // the pattern roots each sentence's words head
	for k, x := range xs {
		if x == nil {
			continue
		}
		for _, r := range x.ruleRoots() {
			coded[r]++
		}
		for i := range x.lexRoots {
			for _, r := range x.lexRoots[i] {
				if !slices.Contains(heads[k], r) {
					heads[k] = append(heads[k], r)
					headed[r]++
				}
			}
		}
	}
	// others lists the roots of count found in at least min sentences
	// besides the one that has own.
	others := func(count map[string]int, own []string, min int) []string {
		var out []string
		for r, n := range count {
			if slices.Contains(own, r) {
				n--
			}
			if n >= min {
				out = append(out, r)
			}
		}
		slices.Sort(out)
		return out
	}
	for k, x := range xs {
		if x == nil {
			continue
		}
		x.story = others(coded, x.ruleRoots(), 1)
		x.lexStory = others(headed, heads[k], 2)
		x.focus = focus
	}
}

// ruleRoots returns the roots of the dictionary coder's events in x, each
// once, bare statements left out.
func (x *Sentence) ruleRoots() []string {
	var out []string
	for _, e := range x.Rules {
		if r := e.CAMEO.Root; r != "" && e.CAMEO.Code != BareStatement && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// NewSentence prepares s. rules are the dictionary coder's events of s
// (their verb spans say which token each came from); lex may be nil.
func NewSentence(s *dyad.Sentence, ms []dyad.Mention, rules []dyad.Event, lex Lexicon) *Sentence {
	n := len(s.Tokens)
	x := &Sentence{S: s, Rules: rules, lemma: make([]string, n), lower: make([]string, n), head: make([]int, n),
		kids: make([][]int, n), mention: make([]int, n), lexRoots: make([][]string, n), ruleAt: map[int][]int{}}
	x.inName = make([]bool, n)
	for _, m := range ms {
		if m.First < 0 || m.Last >= n || m.First > m.Last {
			continue
		}
		if !m.Place {
			x.Mentions = append(x.Mentions, m)
		}
		for i := m.First; i <= m.Last; i++ {
			// A place's own name, not its description: "the site of
			// the talks" still has its event.
			x.inName[i] = x.inName[i] || !m.Place || i > 0 && startsUpper(s.Tokens[i].Text)
		}
	}
	for i, t := range s.Tokens {
		x.lower[i] = strings.ToLower(t.Text)
		x.lemma[i] = strings.ToLower(t.Lemma)
		if x.lemma[i] == "" {
			x.lemma[i] = x.lower[i]
		}
		x.head[i] = t.Head - 1
		if x.head[i] >= n || x.head[i] < -1 {
			x.head[i] = -1
		}
		x.mention[i] = -1
	}
	for i := range s.Tokens {
		if h := x.head[i]; h >= 0 {
			x.kids[h] = append(x.kids[h], i)
		}
	}
	for k, m := range x.Mentions {
		for i := m.First; i <= m.Last; i++ {
			x.mention[i] = k
		}
		x.mhead = append(x.mhead, x.spanHead(m.First, m.Last))
	}
	for k, e := range rules {
		if i := x.tokenAt(e.Evidence.VerbSpan.Start); i >= 0 {
			x.ruleAt[i] = append(x.ruleAt[i], k)
		}
	}
	x.cand = make([]bool, n)
	for i := range s.Tokens {
		x.cand[i] = x.candidate(i)
	}
	x.control = make([]dyad.Modality, n)
	if lex != nil {
		for i := range s.Tokens {
			if !x.cand[i] {
				continue
			}
			x.lexRoots[i] = roots(lex.HeadCodes(x.lemma[i]))
			if h := x.head[i]; h >= 0 && x.relBase(i) == "xcomp" {
				if m, ok := lex.Control(x.lemma[h]); ok {
					x.control[i] = m
				}
			}
		}
		// A noun that is the object of such a verb carries its modality
		// too: "vowed to push for tougher sanctions" imposes none yet.
		for i := range s.Tokens {
			if h := x.head[i]; h >= 0 && s.Tokens[i].UPOS == "NOUN" && x.control[h] != "" {
				if r := x.relBase(i); r == "obj" || r == "obl" {
					x.control[i] = x.control[h]
				}
			}
		}
	}
	return x
}

// startsUpper reports whether w begins with a capital letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// roots returns the distinct roots of codes.
func roots(codes []string) []string {
	var out []string
	for _, c := range codes {
		if len(c) < 2 {
			continue
		}
		r := c[:2]
		dup := false
		for _, o := range out {
			dup = dup || o == r
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

// tokenAt returns the token holding byte offset b of the document, or -1.
func (x *Sentence) tokenAt(b int) int {
	for i, t := range x.S.Tokens {
		if t.Span.Start <= b && b < t.Span.End {
			return i
		}
	}
	return -1
}

// spanHead returns the token of [first, last] whose head lies outside it.
func (x *Sentence) spanHead(first, last int) int {
	for i := first; i <= last; i++ {
		if h := x.head[i]; h < first || h > last {
			return i
		}
	}
	return last
}

// candidate reports whether token i may carry an event: a verb or noun
// outside a name, or an adjective that is a predicate ("the vote was
// unconstitutional", "called the move deplorable", "deeply concerned"),
// which is how news reports many criticisms; an adjective that only
// qualifies a noun ("a critical report") is none.
func (x *Sentence) candidate(i int) bool {
	if x.inName[i] {
		return false
	}
	switch x.S.Tokens[i].UPOS {
	case "VERB":
		return !x.naming(i)
	case "NOUN":
		return true
	case "ADJ":
		switch x.relBase(i) {
		case "root", "xcomp", "ccomp", "parataxis", "advcl":
			return true
		case "conj":
			h := x.head[i]
			return h >= 0 && x.S.Tokens[h].UPOS == "ADJ" && x.relBase(h) != "amod"
		}
	}
	return false
}

// naming reports whether verb i names its object something ("called the
// death a 'significant achievement'", "called it exclusionary"): the
// judgement is the predicate's, and "call" is no appeal there.
func (x *Sentence) naming(i int) bool {
	if x.lemma[i] != "call" {
		return false
	}
	obj, pred := false, false
	for _, k := range x.kids[i] {
		switch x.relBase(k) {
		case "obj":
			obj = true
		case "xcomp":
			pred = true
		}
	}
	return obj && pred
}

// Candidates returns the tokens that may carry an event.
func (x *Sentence) Candidates() []int {
	var out []int
	for i := range x.S.Tokens {
		if x.cand[i] {
			out = append(out, i)
		}
	}
	return out
}

func (x *Sentence) rel(i int) string { return x.S.Tokens[i].Rel }

// relBase is the relation without its subtype.
func (x *Sentence) relBase(i int) string {
	r, _, _ := strings.Cut(x.S.Tokens[i].Rel, ":")
	return r
}

// caseOf returns the preposition or case marker of token i, "" for none.
func (x *Sentence) caseOf(i int) string {
	for _, k := range x.kids[i] {
		if x.relBase(k) == "case" {
			return x.lemma[k]
		}
	}
	return ""
}

// feats accumulates hashed features and, for explaining a decision,
// their names.
type feats struct {
	out   []uint32
	names []string
	named bool
}

func (f *feats) add(t int, parts ...string) {
	h := linear.Template(t)
	for _, p := range parts {
		h = linear.Str(h, p)
	}
	f.out = append(f.out, h)
	if f.named {
		f.names = append(f.names, triggerTemplates[t]+"="+strings.Join(parts, "|"))
	}
}

// triggerTemplates names the trigger model's feature templates, for
// explanations.
var triggerTemplates = [...]string{tBias: "bias", tLemma: "lemma", tLower: "word", tPOS: "tag", tRel: "rel", tLemmaRel: "lemma+rel",
	tHeadLemma: "head", tLemmaHead: "lemma+head", tRelHead: "rel+head", tPrev: "prev", tNext: "next", tLemmaNext: "lemma+next",
	tPrevLemma: "prev+lemma", tKid: "dependent", tLemmaKid: "lemma+dependent", tLemmaKidCase: "lemma+dependent+case",
	tNeg: "negated", tAux: "aux", tMentionKid: "actor dependent", tLemmaMentionKid: "lemma+actor dependent", tMentions: "actors",
	tRule: "dictionary root", tRuleCode: "dictionary code", tLex: "lexicon root", tLemmaLex: "lemma+lexicon root",
	tGovernor: "governor", tMentionBefore: "actors before", tMentionAfter: "actors after", tPassive: "passive",
	tLemmaPOS: "lemma+pos", tRuleNone: "no dictionary pattern", tLemmaKidLemma: "lemma+dependent word", tPlace: "place in story",
	tPlaceLex: "place+lexicon root", tPrefix: "prefix", tSuffix: "suffix", tStory: "story root", tStoryLex: "story root+lexicon root",
	tLexStory: "story lexicon root", tLexStoryLex: "story lexicon root+lexicon root",
	tClass: "class", tCoarse: "coarse class", tClassRel: "class+rel", tClassKid: "class+dependent", tLemmaKidClass: "lemma+dependent class",
	tClassHead: "class+head"}

// Feature templates of the trigger model.
const (
	tBias = iota + 1
	tLemma
	tLower
	tPOS
	tRel
	tLemmaRel
	tHeadLemma
	tLemmaHead
	tRelHead
	tPrev
	tNext
	tLemmaNext
	tPrevLemma
	tKid
	tLemmaKid
	tLemmaKidCase
	tNeg
	tAux
	tMentionKid
	tLemmaMentionKid
	tMentions
	tRule
	tRuleCode
	tLex
	tLemmaLex
	tGovernor
	tMentionBefore
	tMentionAfter
	tPassive
	tLemmaPOS
	tRuleNone
	tLemmaKidLemma
	tPlace
	tPlaceLex
	tPrefix
	tSuffix
	tStory
	tStoryLex
	tLexStory
	tLexStoryLex
	tClass
	tCoarse
	tClassRel
	tClassKid
	tLemmaKidClass
	tClassHead
)

// TriggerFeatures returns the features of token i as a possible trigger,
// appended to buf.
func (x *Sentence) TriggerFeatures(i int, buf []uint32) []uint32 {
	f := feats{out: buf}
	x.triggerFeatures(&f, i)
	return f.out
}

// NamedTriggerFeatures is TriggerFeatures with each feature's name.
func (x *Sentence) NamedTriggerFeatures(i int) ([]uint32, []string) {
	f := feats{named: true}
	x.triggerFeatures(&f, i)
	return f.out, f.names
}

func (x *Sentence) triggerFeatures(f *feats, i int) {
	toks := x.S.Tokens
	l := x.lemma[i]
	f.add(tBias)
	f.add(tLemma, l)
	f.add(tLower, x.lower[i])
	f.add(tPOS, toks[i].XPOS)
	f.add(tLemmaPOS, l, toks[i].UPOS)
	f.add(tRel, x.rel(i))
	f.add(tLemmaRel, l, x.rel(i))
	if h := x.head[i]; h >= 0 {
		f.add(tHeadLemma, x.lemma[h])
		f.add(tLemmaHead, l, x.lemma[h])
		f.add(tRelHead, x.rel(i), x.lemma[h])
		if r := x.relBase(i); r == "xcomp" || r == "ccomp" || r == "advcl" || r == "acl" {
			f.add(tGovernor, x.lemma[h], r)
		}
	} else {
		f.add(tHeadLemma, "<root>")
	}
	prev, next := "<s>", "</s>"
	if i > 0 {
		prev = x.lemma[i-1]
	}
	if i+1 < len(toks) {
		next = x.lemma[i+1]
	}
	f.add(tPrev, prev)
	f.add(tNext, next)
	f.add(tLemmaNext, l, next)
	f.add(tPrevLemma, prev, l)
	for _, k := range x.kids[i] {
		r := x.rel(k)
		switch x.relBase(k) {
		case "punct", "det", "cc":
			continue
		case "advmod":
			if w := x.lower[k]; w == "not" || w == "n't" || w == "never" {
				f.add(tNeg)
			}
		case "aux":
			f.add(tAux, x.lower[k])
		}
		if toks[k].Lemma == "not" || x.lower[k] == "no" {
			f.add(tNeg)
		}
		f.add(tKid, r, x.lemma[k])
		f.add(tLemmaKid, l, r)
		switch x.relBase(k) {
		case "obj", "obl", "nsubj", "nmod", "compound", "xcomp", "amod", "ccomp":
			// "hold talks", "face criticism", "launch an attack", "talks with <actor>"
			kl := x.lemma[k]
			if x.mention[k] >= 0 {
				kl = "<actor>"
			}
			f.add(tLemmaKidLemma, l, r, kl)
		}
		if c := x.caseOf(k); c != "" {
			f.add(tLemmaKidCase, l, r, c)
		}
		if x.mention[k] >= 0 || x.hasMentionHead(k) {
			f.add(tMentionKid, r, x.caseOf(k))
			f.add(tLemmaMentionKid, l, r, x.caseOf(k))
		}
		if r == "nsubj:pass" || r == "aux:pass" {
			f.add(tPassive)
		}
	}
	n := len(x.Mentions)
	f.add(tMentions, strconv.Itoa(min(n, 3)))
	before, after := 0, 0
	for _, h := range x.mhead {
		if h < i {
			before++
		} else {
			after++
		}
	}
	f.add(tMentionBefore, strconv.Itoa(min(before, 2)))
	f.add(tMentionAfter, strconv.Itoa(min(after, 2)))
	if ks := x.ruleAt[i]; len(ks) > 0 {
		for _, k := range ks {
			e := &x.Rules[k]
			f.add(tRule, e.CAMEO.Root)
			f.add(tRuleCode, e.CAMEO.Code)
		}
	} else {
		f.add(tRuleNone)
	}
	for _, r := range x.lexRoots[i] {
		f.add(tLex, r)
		f.add(tLemmaLex, l, r)
		f.add(tPlaceLex, place(x.S.Index), r)
	}
	for _, r := range x.story {
		f.add(tStory, r)
		if slices.Contains(x.lexRoots[i], r) {
			f.add(tStoryLex, r)
		}
	}
	for _, r := range x.lexStory {
		f.add(tLexStory, r)
		if slices.Contains(x.lexRoots[i], r) {
			f.add(tLexStoryLex, r)
		}
	}
	// A story's opening reports its events; later sentences give
	// background. (In training, a story rebuilt from its later sentences
	// alone counts them from 0; giving them their places in the whole
	// story instead scored lower on dev, by 0.85 over four seeds.)
	f.add(tPlace, place(x.S.Index))
	// Words the training news never coded still share a stem or an
	// ending with ones it did ("criticise", "criticism").
	if len(l) > 5 {
		f.add(tPrefix, l[:5])
	}
	if w := x.lower[i]; len(w) > 4 {
		f.add(tSuffix, w[len(w)-3:])
	}
	x.classFeatures(f, i)
}

// classFeatures adds the word-class features of token i as a trigger:
// its class alone, with its relation, head and dependents, and its
// dependents' classes ("eliminated" with an object of the class of
// "militant").
func (x *Sentence) classFeatures(f *feats, i int) {
	if x.fine == nil {
		return
	}
	c := x.fine[i]
	if c != "" {
		f.add(tClass, c)
		f.add(tCoarse, x.coarse[i])
		f.add(tClassRel, c, x.rel(i))
		if h := x.head[i]; h >= 0 {
			f.add(tClassHead, c, x.relBase(i), x.fineOf(h))
		}
	}
	for _, k := range x.kids[i] {
		switch r := x.relBase(k); r {
		case "obj", "obl", "nsubj", "nmod", "compound", "xcomp", "amod":
			kc := x.fineOf(k)
			if x.mention[k] >= 0 {
				kc = "<actor>"
			}
			if kc == "" {
				continue
			}
			f.add(tLemmaKidClass, x.lemma[i], r, kc)
			if c != "" {
				f.add(tClassKid, c, r, kc)
			}
		}
	}
}

// place buckets a sentence's index in its story (-1: the headline).
func place(i int) string {
	switch {
	case i < 0:
		return "h"
	case i < 3:
		return strconv.Itoa(i)
	case i < 6:
		return "3-5"
	case i < 12:
		return "6-11"
	}
	return "12+"
}

// hasMentionHead reports whether a mention's head is token k.
func (x *Sentence) hasMentionHead(k int) bool {
	for _, h := range x.mhead {
		if h == k {
			return true
		}
	}
	return false
}

// Argument classes.
const (
	ArgNone = iota
	ArgSource
	ArgTarget
	NumArgClasses
)

// Feature templates of the argument model.
const (
	aBias = iota + 1
	aPath
	aPathLemma
	aPathRoot
	aPathVoice
	aSide
	aSideDist
	aKind
	aKindRoot
	aRule
	aBetween
	aFirst
	aSideRoot
	aPathLen
	aMentionRel
	aMentionRelRoot
	aCase
	aCaseLemma
	aHeadLemma
	aPathKind
	aSubjOfGov
	aRelative
	aObjOfGov
)

// path returns the dependency path from token a up to the lowest common
// ancestor with b and down to b, as relations ("nsubj^", "^obl>case=on"),
// and its length; "" and 99 when longer than four steps.
func (x *Sentence) path(a, b int) (string, int) {
	up := []int{}
	for k, n := a, 0; k >= 0 && n < 8; k, n = x.head[k], n+1 {
		up = append(up, k)
	}
	down := []int{}
	for k, n := b, 0; k >= 0 && n < 8; k, n = x.head[k], n+1 {
		for ui, u := range up {
			if u == k {
				var sb strings.Builder
				for _, t := range up[:ui] {
					sb.WriteString(x.rel(t))
					sb.WriteString("^")
				}
				for j := len(down) - 1; j >= 0; j-- {
					sb.WriteString(">")
					sb.WriteString(x.rel(down[j]))
				}
				steps := ui + len(down)
				if steps > 4 {
					return "", 99
				}
				return sb.String(), steps
			}
		}
		down = append(down, k)
	}
	return "", 99
}

// mentionKind describes a mention for the argument model.
func mentionKind(m *dyad.Mention) string {
	switch {
	case m.Person:
		return "person"
	case strings.HasPrefix(m.Code, "IGO"):
		return "igo"
	case len(m.Members) > 0:
		return "compound"
	case len(m.Sectors) > 0 && m.Country != "":
		return "sector"
	case len(m.Sectors) > 0:
		return "group"
	case m.Country != "":
		return "country"
	}
	return "other"
}

// ArgFeatures returns the features of mention k as an argument of the
// trigger at token t coded with root, appended to buf.
func (x *Sentence) ArgFeatures(t, k int, root string, buf []uint32) []uint32 {
	f := feats{out: buf}
	m := &x.Mentions[k]
	h := x.mhead[k]
	f.add(aBias)
	p, n := x.path(h, t)
	f.add(aPath, p)
	f.add(aPathLemma, p, x.lemma[t])
	f.add(aPathRoot, p, root)
	f.add(aPathLen, strconv.Itoa(min(n, 6)))
	passive := false
	for _, c := range x.kids[t] {
		if r := x.rel(c); r == "aux:pass" || r == "nsubj:pass" {
			passive = true
		}
	}
	f.add(aPathVoice, p, strconv.FormatBool(passive))
	side := "after"
	d := h - t
	if h < t {
		side, d = "before", t-h
	}
	f.add(aSide, side)
	f.add(aSideRoot, side, root)
	f.add(aSideDist, side, bucket(d))
	kind := mentionKind(m)
	f.add(aKind, kind)
	f.add(aKindRoot, kind, root)
	f.add(aMentionRel, x.rel(h))
	f.add(aMentionRelRoot, x.rel(h), root)
	if c := x.caseOf(h); c != "" {
		f.add(aCase, c)
		f.add(aCaseLemma, c, x.lemma[t])
	}
	f.add(aHeadLemma, x.lemma[h], side)
	f.add(aPathKind, p, kind)
	// The subject of the clause that governs the trigger ("X agreed to
	// impose sanctions", "X said it would attack").
	if g := x.head[t]; g >= 0 && x.head[h] == g && x.relBase(h) == "nsubj" {
		f.add(aSubjOfGov, x.rel(t), root)
	}
	// The object of the verb that governs the trigger, when the trigger
	// is its open complement ("urged Iran to stop", "forced them to
	// flee"): the one who is to act.
	if g := x.head[t]; g >= 0 && x.head[h] == g && x.relBase(h) == "obj" && x.relBase(t) == "xcomp" {
		f.add(aObjOfGov, root)
	}
	// The noun a relative clause hangs on is what its relative pronoun
	// is there: "Washington, which claims ...", the claimant; "the man
	// whom police arrested", the arrested.
	if x.head[t] == h && x.relBase(t) == "acl" {
		for _, c := range x.kids[t] {
			switch x.lower[c] {
			case "who", "which", "that", "whom":
				f.add(aRelative, x.rel(c), root)
			}
		}
	}
	between := 0
	for j, mh := range x.mhead {
		if j != k && (mh > min(h, t) && mh < max(h, t)) {
			between++
		}
	}
	f.add(aBetween, side, strconv.Itoa(min(between, 3)))
	if between == 0 {
		f.add(aFirst, side)
	}
	for _, ri := range x.ruleAt[t] {
		e := &x.Rules[ri]
		switch {
		case e.Source.Span == m.Span:
			f.add(aRule, "source")
		case e.Target.Span == m.Span:
			f.add(aRule, "target")
		}
	}
	return f.out
}

func bucket(d int) string {
	switch {
	case d <= 1:
		return "1"
	case d <= 2:
		return "2"
	case d <= 5:
		return "3-5"
	case d <= 10:
		return "6-10"
	}
	return "11+"
}

// Modality classes, in the order of Modalities.
var Modalities = []dyad.Modality{dyad.Asserted, dyad.Negated, dyad.Future, dyad.Hypothetical, dyad.Historical}

// Feature templates of the modality model.
const (
	mBias = iota + 1
	mWordBefore
	mKid
	mGovernor
	mRule
	mLemma
	mMark
	mRoot
	mHeadKid
)

// ModalityFeatures returns the features of the event at token t, of
// root, for the modality model, appended to buf.
func (x *Sentence) ModalityFeatures(t int, root string, buf []uint32) []uint32 {
	f := feats{out: buf}
	f.add(mBias)
	f.add(mLemma, x.lemma[t])
	f.add(mRoot, root)
	for k, n := t-1, 0; k >= 0 && n < 4; k, n = k-1, n+1 {
		f.add(mWordBefore, x.lower[k])
	}
	for _, c := range x.kids[t] {
		switch x.relBase(c) {
		case "aux", "advmod", "mark", "neg":
			f.add(mKid, x.rel(c), x.lower[c])
		}
		if x.XPOS(c) == "VBD" || x.XPOS(c) == "VBN" {
			f.add(mKid, "tense", x.XPOS(c))
		}
	}
	f.add(mKid, "self", x.XPOS(t))
	if h := x.head[t]; h >= 0 {
		f.add(mGovernor, x.rel(t), x.lemma[h])
		for _, c := range x.kids[h] {
			switch x.relBase(c) {
			case "aux", "advmod", "mark":
				f.add(mHeadKid, x.rel(c), x.lower[c])
			}
		}
		f.add(mHeadKid, "tense", x.XPOS(h))
	}
	for _, ri := range x.ruleAt[t] {
		f.add(mRule, string(x.Rules[ri].Modality))
	}
	return f.out
}

// XPOS returns token i's Penn tag.
func (x *Sentence) XPOS(i int) string { return x.S.Tokens[i].XPOS }

// Lemma returns token i's lemma as the models read it.
func (x *Sentence) Lemma(i int) string { return x.lemma[i] }

// Feature templates of the sentence model, which says which roots a
// sentence reports at all, from its words, as a bag.
const (
	sBias = iota + 1
	sLemma
	sBigram
	sRule
	sLex
	sVerbRel
	sMentions
	sKidLemma
	sStory
	sLexStory
	sClass
	sClassKid
)

// SentenceFeatures returns the features of the whole sentence for the
// sentence model, appended to buf. Each is scored once per root (see
// RootFeature).
func (x *Sentence) SentenceFeatures(buf []uint32) []uint32 {
	f := feats{out: buf}
	f.add(sBias)
	toks := x.S.Tokens
	prev := "<s>"
	for i, t := range toks {
		if t.UPOS == "PUNCT" {
			continue
		}
		l := x.lemma[i]
		if x.mention[i] >= 0 {
			l = "<actor>"
		}
		f.add(sLemma, l)
		f.add(sBigram, prev, l)
		prev = l
		if x.cand[i] {
			f.add(sVerbRel, l, x.rel(i))
			if c := x.fineOf(i); c != "" {
				f.add(sClass, c)
				for _, k := range x.kids[i] {
					if b := x.relBase(k); b == "obj" || b == "nsubj" || b == "obl" {
						kc := x.fineOf(k)
						if x.mention[k] >= 0 {
							kc = "<actor>"
						}
						f.add(sClassKid, c, b, kc)
					}
				}
			}
			for _, r := range x.lexRoots[i] {
				f.add(sLex, r)
			}
			for _, k := range x.kids[i] {
				if b := x.relBase(k); b == "obj" || b == "nsubj" || b == "obl" {
					kl := x.lemma[k]
					if x.mention[k] >= 0 {
						kl = "<actor>"
					}
					f.add(sKidLemma, l, b, kl)
				}
			}
		}
	}
	for _, e := range x.Rules {
		f.add(sRule, e.CAMEO.Root)
	}
	for _, r := range x.story {
		f.add(sStory, r)
	}
	for _, r := range x.lexStory {
		f.add(sLexStory, r)
	}
	f.add(sMentions, strconv.Itoa(min(len(x.Mentions), 3)))
	return f.out
}
