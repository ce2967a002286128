package extract

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/linear"
	"github.com/dyad-events/dyad/ontology"
)

// Extractor codes events with a Model. It is read-only after New and safe
// for concurrent use.
type Extractor struct {
	m                        *Model
	codes                    map[string]string // Model.Codes
	trig, arg, modality, snt *linear.Table
	// sw converts the sentence model's scores to the trigger model's
	// units, times Model.SentenceWeight (0: the trigger model alone).
	sw float64
	// classes are the model's word classes, given to each sentence.
	classes *Classes
}

// New builds an Extractor from m.
func New(m *Model) *Extractor {
	e := &Extractor{m: m, codes: m.Codes(), trig: linear.NewTable(&m.Trigger), arg: linear.NewTable(&m.Arg), modality: linear.NewTable(&m.Modality),
		snt: linear.NewTable(&m.Sentence), classes: NewClasses(m.Classes)}
	if m.SentenceWeight > 0 && m.Trigger.Scale > 0 && len(m.Sentence.Counts) > 0 {
		e.sw = m.SentenceWeight * float64(m.Sentence.Scale) / float64(m.Trigger.Scale)
	}
	return e
}

// scoreToken sets scores to the trigger model's score of token i for
// each trigger class and returns the best root class and its margin over
// no event. The word's own evidence picks the root; with a sentence
// weight, the sentence model's score sm of that root (whether the
// sentence reports it at all) adds to the margin.
func (e *Extractor) scoreToken(x *Sentence, i int, buf []uint32, scores, sm []int32) (_ []uint32, best int, margin, said int32) {
	buf = x.TriggerFeatures(i, buf[:0])
	clear(scores)
	e.trig.Score(buf, scores)
	best = 1
	for c := 2; c < len(scores); c++ {
		if scores[c] > scores[best] {
			best = c
		}
	}
	if e.sw > 0 && sm != nil {
		said = int32(e.sw * float64(sm[best]))
	}
	return buf, best, scores[best] - scores[0] + said, said
}

// sentenceScores returns the sentence model's scores of x when the
// trigger scores use them, else nil.
func (e *Extractor) sentenceScores(x *Sentence) []int32 {
	if e.sw == 0 {
		return nil
	}
	return e.SentenceMargins(x)
}

// maxSide is the most sources, and the most targets, one trigger takes.
const maxSide = 3

// Trigger is one decision of the trigger model: token I carries an event
// of Root with the given margin over no event.
type Trigger struct {
	I      int
	Root   string
	Margin int32
	// Sentence: the sentence model found the root, and I is the word
	// that scores best for it.
	Sentence bool
	// Said is what the sentence model's score of Root added to the
	// margin (SentenceWeight), for the explanation.
	Said int32
}

// Triggers returns the tokens of x the trigger model codes as events,
// and for each root the sentence model finds that no token carries, the
// token that scores best for it.
func (e *Extractor) Triggers(x *Sentence) []Trigger {
	x.UseClasses(e.classes)
	var out []Trigger
	var buf []uint32
	cands := x.Candidates()
	if len(cands) == 0 {
		return nil
	}
	all := make([]int32, NumRoots*len(cands))
	found := make([]bool, NumRoots)
	taken := make([]bool, len(cands))
	ss := e.sentenceScores(x)
	for ci, i := range cands {
		scores := all[ci*NumRoots : (ci+1)*NumRoots]
		var best int
		var m, said int32
		buf, best, m, said = e.scoreToken(x, i, buf, scores, ss)
		if m > e.m.TriggerMargin {
			out = append(out, Trigger{I: i, Root: ClassRoot(best), Margin: m - e.m.TriggerMargin, Said: said})
			found[best], taken[ci] = true, true
		}
	}
	if len(e.m.Sentence.Counts) == 0 {
		return out
	}
	sm := ss
	if sm == nil {
		sm = e.SentenceMargins(x)
	}
	for c := 1; c < NumRoots; c++ {
		if found[c] || sm[c] <= e.m.SentenceMargin {
			continue
		}
		bi := -1
		for ci := range cands {
			if taken[ci] {
				continue // a word carries one root: "attacked" is no assault besides the attack
			}
			if s := all[ci*NumRoots+c] - all[ci*NumRoots]; bi < 0 || s > all[bi*NumRoots+c]-all[bi*NumRoots] {
				bi = ci
			}
		}
		if bi < 0 {
			continue
		}
		out = append(out, Trigger{I: cands[bi], Root: ClassRoot(c), Margin: sm[c] - e.m.SentenceMargin, Sentence: true})
	}
	return out
}

// SentenceMargins returns the sentence model's score of x for each root
// class (before SentenceMargin).
func (e *Extractor) SentenceMargins(x *Sentence) []int32 {
	x.UseClasses(e.classes)
	out := make([]int32, NumRoots)
	e.snt.Score(x.SentenceFeatures(nil), out)
	return out
}

// Margins returns, for every candidate token of x, how far its best event
// class scores above no event (before TriggerMargin), and for every
// (best trigger root, mention) pair how far its best role scores above
// neither (before ArgMargin): what thresholds are tuned on.
func (e *Extractor) Margins(x *Sentence) (trig, arg []int32) {
	x.UseClasses(e.classes)
	var buf []uint32
	scores := make([]int32, NumRoots)
	ss := e.sentenceScores(x)
	for _, i := range x.Candidates() {
		var best int
		var m int32
		buf, best, m, _ = e.scoreToken(x, i, buf, scores, ss)
		trig = append(trig, m)
		as := make([]int32, NumArgClasses)
		for k := range x.Mentions {
			buf = x.ArgFeatures(i, k, ClassRoot(best), buf[:0])
			clear(as)
			e.arg.Score(buf, as)
			arg = append(arg, max(as[ArgSource], as[ArgTarget])-as[ArgNone])
		}
	}
	return trig, arg
}

// Args returns, for trigger t, the mentions chosen as sources and as
// targets: the best-scoring source and target, each with the mentions
// coordinated with it ("the US and Japan") that also score as one.
func (e *Extractor) Args(x *Sentence, t Trigger) (src, tgt []int, margins map[int]int32) {
	x.UseClasses(e.classes)
	n := len(x.Mentions)
	sm, tm := make([]int32, n), make([]int32, n)
	var buf []uint32
	scores := make([]int32, NumArgClasses)
	for k := range x.Mentions {
		buf = x.ArgFeatures(t.I, k, t.Root, buf[:0])
		clear(scores)
		e.arg.Score(buf, scores)
		none := scores[ArgNone] + e.m.ArgMargin
		sm[k], tm[k] = scores[ArgSource]-none, scores[ArgTarget]-none
	}
	margins = map[int]int32{}
	// pick returns the mention ok accepts that scores best in m, with the
	// accepted mentions coordinated with it.
	pick := func(m []int32, ok func(k int) bool) []int {
		best := -1
		for k := range m {
			if ok(k) && (best < 0 || m[k] > m[best]) {
				best = k
			}
		}
		if best < 0 {
			return nil
		}
		out := []int{best}
		margins[best] = m[best]
		for k := range m {
			if k != best && ok(k) && x.coordinated(k, best) && len(out) < maxSide {
				out = append(out, k)
				margins[k] = m[k]
			}
		}
		return out
	}
	above := func(m []int32, not []int) func(int) bool {
		return func(k int) bool { return m[k] > 0 && !slices.Contains(not, k) }
	}
	if x.S.Tokens[t.I].UPOS == "ADJ" {
		if judged := x.judgedBy(t.I); len(judged) > 0 {
			// "They concluded that the agreement between Turkey and
			// Libya is null and void": what the judgement is about is
			// its target, never its source; the judge is the subject
			// of the verb it hangs on.
			src = pick(sm, func(k int) bool { return sm[k] > 0 && !slices.Contains(judged, k) })
			if len(src) == 0 {
				if k := x.governorSubject(t.I); k >= 0 {
					src, margins[k] = []int{k}, 0
				}
			}
			tgt = pick(tm, func(k int) bool { return slices.Contains(judged, k) && !slices.Contains(src, k) })
			return src, tgt, margins
		}
	}
	src = pick(sm, above(sm, nil))
	tgt = pick(tm, above(tm, src))
	return src, tgt, margins
}

// judgedBy returns the mentions inside the subject of adjective t when
// that subject is a thing, not an actor: what a judgement ("the
// agreement between A and B is null and void") is about.
func (x *Sentence) judgedBy(t int) []int {
	var out []int
	for _, c := range x.kids[t] {
		if x.relBase(c) != "nsubj" || x.mention[c] >= 0 {
			continue // "China is critical of ...": the actor judges
		}
		lo, hi := x.subtree(c)
		for k, h := range x.mhead {
			if h >= lo && h <= hi {
				out = append(out, k)
			}
		}
	}
	return out
}

// governorSubject returns the mention that is the subject of the verb
// token t hangs on ("They concluded that ... is void"), or -1.
func (x *Sentence) governorSubject(t int) int {
	g := x.head[t]
	if g < 0 {
		return -1
	}
	for _, c := range x.kids[g] {
		if x.relBase(c) == "nsubj" && x.mention[c] >= 0 {
			return x.mention[c]
		}
	}
	return -1
}

// near reports whether mention k hangs on token t directly, or through
// one preposition or noun ("met with X", "talks with X").
func (x *Sentence) near(k, t int) bool {
	h := x.mhead[k]
	return x.head[h] == t || x.head[h] >= 0 && x.head[x.head[h]] == t && x.S.Tokens[x.head[h]].UPOS == "NOUN"
}

// coordinated reports whether mentions a and b are conjuncts of one
// another ("the US and Japan", "Britain, France and Germany").
func (x *Sentence) coordinated(a, b int) bool {
	ha, hb := x.mhead[a], x.mhead[b]
	conjOf := func(i, j int) bool { return x.head[i] == j && x.relBase(i) == "conj" }
	return conjOf(ha, hb) || conjOf(hb, ha) || x.head[ha] >= 0 && x.head[ha] == x.head[hb] && x.relBase(ha) == "conj" && x.relBase(hb) == "conj"
}

// subjectWords returns the words of the trigger's subject (or, for a
// passive, its by-agent) as an actor no dictionary knows, and whether
// there is one: an event whose source the dictionaries cannot name still
// happened, as GDELT records events with a blank actor code.
func (x *Sentence) subjectWords(doc *dyad.Document, t int) (dyad.Actor, bool) {
	// A verb with no subject of its own ("agreed to meet", "met and
	// signed") takes its governor's.
	for n := 0; n < 3 && t >= 0 && !x.hasSubject(t); n++ {
		switch x.relBase(t) {
		case "xcomp", "conj", "advcl":
			t = x.head[t]
		default:
			t = -1
		}
	}
	if t < 0 {
		return dyad.Actor{}, false
	}
	for _, k := range x.kids[t] {
		r := x.rel(k)
		if r == "nsubj" || r == "obl:agent" || x.relBase(k) == "obl" && x.caseOf(k) == "by" && x.passive(t) {
			if x.S.Tokens[k].UPOS == "PRON" {
				return dyad.Actor{}, false
			}
			lo, hi := x.subtree(k)
			sp := dyad.Span{Start: x.S.Tokens[lo].Span.Start, End: x.S.Tokens[hi].Span.End}
			if sp.End-sp.Start > 80 {
				return dyad.Actor{}, false
			}
			return dyad.Actor{Text: doc.Text[sp.Start:sp.End], Span: sp}, true
		}
	}
	return dyad.Actor{}, false
}

// unnamedTarget is the target of an event at token t whose target no
// actor names, as news coders code it: the source's own country in a
// story about it ("police arrested a man": GBRCOP against GBR; "protests
// in Hong Kong": HKG against HKG), else the story's country (coref.Focus:
// its dateline's, else the one it names most) ("the U.S. has banned the supply of advanced chips" in a
// story about China: CHN), which also serves a source with no country of
// its own (an IGO); with the words of the trigger's object when it has
// one ("a man"). On dev, 49 of the 65 events whose source and root were
// right and that had no target had the source's country as the coders'
// target; in the training news, every root but statements (01) and shows
// of force (15) has more such events than events with no target
// (Model.Domestic). A source of words alone gives none.
func (x *Sentence) unnamedTarget(doc *dyad.Document, t int, src dyad.Actor) dyad.Actor {
	c, how := src.Country, "the source's country"
	if x.focus != "" && x.focus != c && !src.IsZero() {
		c, how = x.focus, "the story's country"
	}
	if !dyad.IsCountry(c) {
		return dyad.Actor{}
	}
	a := dyad.Actor{Code: c, Country: c, Resolved: "unnamed: " + how}
	verb := x.S.Tokens[t].UPOS == "VERB"
	for _, k := range x.kids[t] {
		r, cs := x.rel(k), x.caseOf(k)
		switch {
		case x.mention[k] >= 0:
			continue
		case verb && (r == "obj" || r == "nsubj:pass"),
			verb && x.relBase(k) == "obl" && (cs == "against" || cs == "on"),
			!verb && x.relBase(k) == "nmod" && (cs == "of" || cs == "on" || cs == "against"):
		default:
			continue
		}
		switch x.S.Tokens[k].UPOS {
		case "NOUN", "PROPN", "PRON":
		default:
			continue
		}
		lo, hi := x.subtree(k)
		sp := dyad.Span{Start: x.S.Tokens[lo].Span.Start, End: x.S.Tokens[hi].Span.End}
		if sp.End-sp.Start <= 80 {
			a.Text, a.Span = doc.Text[sp.Start:sp.End], sp
			a.Resolved = "the trigger's object, of " + how
		}
		break
	}
	return a
}

// negated reports whether token t has a negating dependent ("not",
// "n't", "never").
func (x *Sentence) negated(t int) bool {
	for _, k := range x.kids[t] {
		if x.relBase(k) != "advmod" && x.relBase(k) != "neg" {
			continue
		}
		switch x.lower[k] {
		case "not", "n't", "never":
			return true
		}
	}
	return false
}

// judged reports whether token t is the deed a court, a charge or an
// arrest is about ("convicted of raping", "sentenced for torturing",
// "accused of shooting", "a trial over the bombing"): the deed came
// before, often long before, and the coders code it historical.
func (x *Sentence) judged(t int) bool {
	h := x.head[t]
	if h < 0 || !legal[x.lemma[h]] {
		return false
	}
	switch x.relBase(t) {
	case "advcl", "acl", "obl", "nmod":
	default:
		return false
	}
	for _, k := range x.kids[t] {
		if r := x.relBase(k); r == "mark" || r == "case" {
			switch x.lemma[k] {
			case "for", "of", "over":
				return true
			}
		}
	}
	return false
}

// legal are the words of judging: what they judge is a past deed.
var legal = map[string]bool{"convict": true, "sentence": true, "accuse": true, "charge": true, "guilty": true,
	"trial": true, "indict": true, "jail": true, "prosecute": true, "acquit": true, "imprison": true,
	"try": true, "punish": true, "execute": true, "conviction": true, "indictment": true, "plead": true}

// hasSubject reports whether token t has a subject or agent.
func (x *Sentence) hasSubject(t int) bool {
	for _, k := range x.kids[t] {
		if r := x.relBase(k); r == "nsubj" || x.rel(k) == "obl:agent" {
			return true
		}
	}
	return false
}

// passive reports whether token t has a passive auxiliary or subject.
func (x *Sentence) passive(t int) bool {
	for _, c := range x.kids[t] {
		if r := x.rel(c); r == "aux:pass" || r == "nsubj:pass" {
			return true
		}
	}
	return false
}

// subtree returns the first and last tokens of token k's subtree.
func (x *Sentence) subtree(k int) (lo, hi int) {
	lo, hi = k, k
	for _, c := range x.kids[k] {
		if x.relBase(c) == "punct" {
			continue
		}
		a, b := x.subtree(c)
		lo, hi = min(lo, a), max(hi, b)
	}
	return lo, hi
}

// Modality returns the modality of the event at trigger t: the one a
// governing verb of intent or refusal passes to it ("agreed to step up",
// "refused to meet"), as the dictionary coder reads it, else the
// modality model's.
func (e *Extractor) Modality(x *Sentence, t Trigger) dyad.Modality {
	x.UseClasses(e.classes)
	if m := x.control[t.I]; m != "" {
		return m
	}
	if x.negated(t.I) {
		if t.Root == "12" {
			// "does not recognize the court" is the rejection itself,
			// as "refused to meet" is (CODING.md).
			return dyad.Asserted
		}
		return dyad.Negated // "did not condemn": too rare in the training news for the model to learn
	}
	if x.judged(t.I) || x.before(t.I) {
		return dyad.Historical
	}
	scores := make([]int32, len(Modalities))
	e.modality.Score(x.ModalityFeatures(t.I, t.Root, nil), scores)
	best := 0
	for c := range scores {
		if scores[c] > scores[best] {
			best = c
		}
	}
	if Modalities[best] == dyad.Historical {
		// Whether an event is well before the story is the dates'
		// to say (pipeline.understand): on dev the model's own
		// historical calls were wrong twice as often as right.
		return dyad.Asserted
	}
	return Modalities[best]
}

// before reports whether token t, or for a noun the word it hangs on,
// says it happened before the story: "previously convicted", "had
// formerly served".
func (x *Sentence) before(t int) bool {
	past := func(i int) bool {
		for _, k := range x.kids[i] {
			if x.relBase(k) == "advmod" && pastAdverbs[x.lower[k]] {
				return true
			}
		}
		return false
	}
	if past(t) {
		return true
	}
	return x.S.Tokens[t].UPOS != "VERB" && x.head[t] >= 0 && past(x.head[t])
}

// pastAdverbs place what they modify before the story.
var pastAdverbs = map[string]bool{"previously": true, "formerly": true}

// Code returns the events of sentence x of doc. Events carry the
// publication date; later stages refine date, place and modality as they
// do for the dictionary coder's. With KeepRules, the dictionary coder's
// events at words the models code nothing for are kept as they are.
func (e *Extractor) Code(doc *dyad.Document, x *Sentence) []dyad.Event {
	evs, _ := e.CodeScored(doc, x)
	return evs
}

// BareStatement is the code of a statement whose content is no event
// ("said", "announced"): news coders leave it out (the silver set's
// CODING.md), so the models never code it, and the dictionary coder's
// kept events leave it out too.
const BareStatement = "010"

// CodeScored is Code with each event's score margin, the one its
// confidence is the logistic of (NaN for a dictionary coder's event):
// what the confidence scale is fitted on.
func (e *Extractor) CodeScored(doc *dyad.Document, x *Sentence) ([]dyad.Event, []float64) {
	x.UseClasses(e.classes)
	var out []dyad.Event
	var margins []float64
	coded := map[int]bool{}
	for _, t := range e.Triggers(x) {
		evs, ms := e.event(doc, x, t)
		if len(evs) > 0 {
			coded[t.I] = true
		}
		out, margins = append(out, evs...), append(margins, ms...)
	}
	if e.m.KeepRules {
		for _, r := range x.Rules {
			if r.CAMEO.Code == BareStatement {
				continue
			}
			if i := x.tokenAt(r.Evidence.VerbSpan.Start); i < 0 || !coded[i] {
				if i >= 0 && r.Modality == dyad.Asserted && x.judged(i) {
					r.Modality = dyad.Historical
				}
				if i >= 0 && r.Target.IsZero() && slices.Contains(e.m.Domestic, r.CAMEO.Root) {
					r.Target = x.unnamedTarget(doc, i, r.Source)
				}
				out, margins = append(out, r), append(margins, math.NaN())
			}
		}
	}
	out, margins = oneWord(x, out, margins)
	return once(out, margins)
}

// oneWord keeps, of each root in a sentence, the events of the surest
// word coded with it: "post", "killed" and "airstrike" in "forces said
// in a post that he was killed in an airstrike" are one attack, and the
// coders mark one word for it. The word's own events all stand ("the US
// and Japan met": two dyads at one word); a dictionary coder's event
// (margin NaN) yields to any model event of its root.
func oneWord(x *Sentence, evs []dyad.Event, margins []float64) ([]dyad.Event, []float64) {
	if len(evs) < 2 {
		return evs, margins
	}
	best := map[string]int{}
	bm := map[string]float64{}
	for k, e := range evs {
		m := margins[k]
		if math.IsNaN(m) {
			m = math.Inf(-1)
		}
		if b, ok := bm[e.CAMEO.Root]; !ok || m > b {
			bm[e.CAMEO.Root], best[e.CAMEO.Root] = m, x.tokenAt(e.Evidence.VerbSpan.Start)
		}
	}
	var out []dyad.Event
	var ms []float64
	for k, e := range evs {
		if x.tokenAt(e.Evidence.VerbSpan.Start) == best[e.CAMEO.Root] {
			out, ms = append(out, e), append(ms, margins[k])
		}
	}
	return out, ms
}

// once keeps one event of each dyad, root and modality in a sentence,
// the surest.
func once(evs []dyad.Event, margins []float64) ([]dyad.Event, []float64) {
	key := func(a dyad.Actor) string {
		if a.Code == "" {
			return "?" + a.Text
		}
		return a.Code
	}
	at := map[string]int{}
	var out []dyad.Event
	var ms []float64
	for k, e := range evs {
		id := key(e.Source) + "|" + key(e.Target) + "|" + e.CAMEO.Root + "|" + string(e.Modality)
		j, seen := at[id]
		switch {
		case !seen:
			at[id] = len(out)
			out, ms = append(out, e), append(ms, margins[k])
		case margins[k] > ms[j]: // NaN (a dictionary event) never replaces
			out[j], ms[j] = e, margins[k]
		}
	}
	return out, ms
}

// event codes trigger t: finds its sources and targets, its code and
// modality; it returns the events with their score margins.
func (e *Extractor) event(doc *dyad.Document, x *Sentence, t Trigger) ([]dyad.Event, []float64) {
	src, tgt, _ := e.Args(x, t)
	cm, pv, pattern := e.code(x, t)
	mod := e.Modality(x, t)
	var pairs []pair
	if len(src) > 0 {
		pairs = pairsOf(x, t.I, src, tgt, cm.Code)
	} else {
		// No actor the dictionaries know: the subject's words stand for
		// the source when the trigger is sure enough.
		a, ok := x.subjectWords(doc, t.I)
		if !ok || t.Margin < e.m.SourcelessMargin {
			return nil, nil
		}
		for _, k := range tgt {
			for _, m := range actorOf(&x.Mentions[k]).Singles() {
				pairs = append(pairs, pair{a, m, -1})
			}
		}
		if len(tgt) == 0 {
			pairs = append(pairs, pair{a, dyad.Actor{}, -1})
		}
	}
	if slices.Contains(e.m.Domestic, cm.Root) {
		for k := range pairs {
			if pairs[k].tgt.IsZero() {
				pairs[k].tgt = x.unnamedTarget(doc, t.I, pairs[k].src)
			}
		}
	}
	if ontology.Reciprocal(cm.Code) {
		pairs = bothWays(pairs)
	}
	tok := x.S.Tokens[t.I]
	ev := dyad.Event{
		Schema: dyad.SchemaVersion, DocID: doc.ID, Sentence: x.S.Index, Text: x.S.Text,
		CAMEO: cm, PLOVER: pv, Modality: mod,
		Evidence: dyad.Evidence{
			Rule:    e.rule(x, t),
			Pattern: pattern, Verb: tok.Text, VerbSpan: tok.Span,
		},
	}
	if !doc.Date.IsZero() {
		ev.Date, ev.DatePrecision, ev.DateSource = doc.Date.Format("2006-01-02"), dyad.PrecisionDay, dyad.DateFromPublication
	}
	out := make([]dyad.Event, 0, len(pairs))
	ms := make([]float64, 0, len(pairs))
	for _, p := range pairs {
		ev := ev
		ev.Source, ev.Target = p.src, p.tgt
		// The trigger's margin, in perceptron updates: on dev it
		// predicts whether the event is right (log loss 0.644 against
		// 0.693 for a constant); the weaker of it and the source's, as
		// before, no better than a constant (0.691).
		m := float64(t.Margin) * float64(e.m.Trigger.Scale)
		ev.Confidence = e.confidence(m)
		out, ms = append(out, ev), append(ms, m)
	}
	return out, ms
}

// rule is the evidence of trigger t: the model that found it, the word,
// the margin and why.
func (e *Extractor) rule(x *Sentence, t Trigger) string {
	if t.Sentence {
		return fmt.Sprintf("model:%s:%s sentence margin %.1f (%s)", t.Root, x.lemma[t.I], float64(t.Margin)*float64(e.m.Sentence.Scale), e.why(x, t))
	}
	return fmt.Sprintf("model:%s:%s margin %.1f (%s)", t.Root, x.lemma[t.I], float64(t.Margin)*float64(e.m.Trigger.Scale), e.why(x, t))
}

// why names the three features that most favour trigger t's root over no
// event, with their weights in perceptron updates.
func (e *Extractor) why(x *Sentence, t Trigger) string {
	x.UseClasses(e.classes)
	fs, names := x.NamedTriggerFeatures(t.I)
	c := RootClass(t.Root)
	type part struct {
		name string
		w    int32
	}
	var parts []part
	scores := make([]int32, NumRoots)
	times := map[uint32]int32{}
	for _, f := range fs {
		times[f]++
	}
	for k, f := range fs {
		if times[f] == 0 {
			continue // a feature that fires twice weighs twice, but is named once
		}
		clear(scores)
		e.trig.Score([]uint32{f}, scores)
		if d := (scores[c] - scores[0]) * times[f]; d > 0 {
			parts = append(parts, part{names[k], d})
		}
		times[f] = 0
	}
	if t.Said > 0 {
		parts = append(parts, part{"sentence model", t.Said})
	}
	slices.SortStableFunc(parts, func(a, b part) int { return int(b.w) - int(a.w) })
	var sb strings.Builder
	for k, p := range parts[:min(3, len(parts))] {
		if k > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "%s %+.1f", p.name, float64(p.w)*float64(e.m.Trigger.Scale))
	}
	return sb.String()
}

// confidence maps a score margin to a probability.
func (e *Extractor) confidence(margin float64) float64 {
	s := e.m.Scale
	if s <= 0 {
		s = 1
	}
	// A learned model is never certain: confidence stays within [0.01, 0.99].
	p := 1 / (1 + math.Exp(-(margin/s + e.m.Bias)))
	return math.Round(math.Min(math.Max(p, 0.01), 0.99)*1000) / 1000
}

// code returns the CAMEO and PLOVER codes of trigger t: the dictionary
// pattern's when it has the trigger's root, else the code the training
// news gave the word in that root, else the root's own.
func (e *Extractor) code(x *Sentence, t Trigger) (dyad.CAMEO, dyad.PLOVER, string) {
	for _, ri := range x.ruleAt[t.I] {
		r := &x.Rules[ri]
		if r.CAMEO.Root == t.Root {
			return r.CAMEO, r.PLOVER, r.Evidence.Pattern
		}
	}
	code := e.codes[x.lemma[t.I]+" "+t.Root]
	if code == "" {
		code = t.Root + "0"
	}
	cm, err := ontology.CAMEO(code)
	if err != nil {
		cm, _ = ontology.CAMEO(t.Root + "0")
	}
	pv, _ := ontology.PLOVER(cm.Code)
	return cm, pv, ""
}

type pair struct {
	src, tgt dyad.Actor
	srcK     int
}

// pairsOf expands the chosen mentions into dyads: every source with every
// target, compound actors into their members, no actor against itself.
// An event of a mutual code (ontology.Mutual: meetings, cooperation) with
// several sources and no target near the trigger t pairs the sources with
// each other.
func pairsOf(x *Sentence, t int, src, tgt []int, code string) []pair {
	var out []pair
	var srcs []pair // tgt unset: each source actor with its mention
	for _, k := range src {
		for _, a := range actorOf(&x.Mentions[k]).Singles() {
			srcs = append(srcs, pair{src: a, srcK: k})
		}
	}
	var tgts []dyad.Actor
	for _, k := range tgt {
		if len(srcs) > 1 && ontology.Mutual(code) && !x.near(k, t) {
			continue // "A and B met … and agreed to pressure C": they met each other
		}
		tgts = append(tgts, actorOf(&x.Mentions[k]).Singles()...)
	}
	if len(tgts) == 0 && len(srcs) > 1 && ontology.Mutual(code) {
		for _, s := range srcs {
			for _, t := range srcs {
				if !same(s.src, t.src) {
					out = append(out, pair{s.src, t.src, s.srcK})
				}
			}
		}
		return out
	}
	if len(tgts) == 0 {
		tgts = []dyad.Actor{{}}
	}

	for _, s := range srcs {
		n := 0
		for _, t := range tgts {
			if !same(s.src, t) {
				out = append(out, pair{s.src, t, s.srcK})
				n++
			}
		}
		if n == 0 {
			// Its only target is itself ("Iraq's government … the
			// government"): the event stands without one.
			out = append(out, pair{s.src, dyad.Actor{}, s.srcK})
		}
	}
	return out
}

// bothWays adds to pairs, for each with a target, the pair the other way
// round, unless it is there already: "Japan met China" is China meeting
// Japan too (ontology.Reciprocal).
func bothWays(pairs []pair) []pair {
	out := pairs
	for _, p := range pairs {
		if p.tgt.IsZero() || p.src.IsZero() {
			continue
		}
		back := pair{src: p.tgt, tgt: p.src, srcK: -1}
		if !slices.ContainsFunc(out, func(q pair) bool { return q.src.Code == back.src.Code && q.tgt.Code == back.tgt.Code }) {
			out = append(out, back)
		}
	}
	return out
}

func actorOf(m *dyad.Mention) dyad.Actor {
	a := m.Actor
	a.Resolved = m.Resolved
	return a
}

// same reports whether t is s itself, so no target of s's event. Two
// sides of one country are not one ("police arrested a man": GBRCOP
// against GBR; the coders code it): dyad.SameSide, which the dictionary
// coder follows, cost the learned extractor 2 points of root F1 on dev,
// since an event whose targets it all dropped was lost.
func same(s, t dyad.Actor) bool {
	return !t.IsZero() && s.Code == t.Code
}
