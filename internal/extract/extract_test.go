package extract

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ontology"
)

// build makes a parsed sentence from "word/UPOS/head/rel" items (head
// 1-based, 0 for the root), with its document text.
func build(spec string) (*dyad.Document, *dyad.Sentence) {
	var words []string
	var toks []dyad.Token
	off := 0
	for i, item := range strings.Fields(spec) {
		p := strings.Split(item, "/")
		h, _ := strconv.Atoi(p[2])
		if i > 0 {
			off++
		}
		toks = append(toks, dyad.Token{ID: i + 1, Text: p[0], Lemma: strings.ToLower(p[0]), UPOS: p[1], Head: h, Rel: p[3],
			Span: dyad.Span{Start: off, End: off + len(p[0])}})
		words = append(words, p[0])
		off += len(p[0])
	}
	text := strings.Join(words, " ")
	return &dyad.Document{ID: "d", Text: text}, &dyad.Sentence{Span: dyad.Span{End: len(text)}, Text: text, Tokens: toks}
}

func mention(first, last int, code, country string) dyad.Mention {
	return dyad.Mention{Actor: dyad.Actor{Code: code, Country: country}, First: first, Last: last}
}

// "Freedonia and Sylvania met with Ruritania in Paris ."
const metSpec = "Freedonia/PROPN/4/nsubj and/CCONJ/3/cc Sylvania/PROPN/1/conj met/VERB/0/root with/ADP/6/case " +
	"Ruritania/PROPN/4/obl in/ADP/8/case Paris/PROPN/4/obl ./PUNCT/4/punct"

func metSentence() (*dyad.Document, *Sentence) {
	doc, s := build(metSpec)
	ms := []dyad.Mention{mention(0, 0, "FRE", "FRE"), mention(2, 2, "SYL", "SYL"), mention(5, 5, "RUR", "RUR"),
		{Actor: dyad.Actor{Code: "FRA"}, First: 7, Last: 7, Place: true}}
	return doc, NewSentence(s, ms, nil, nil)
}

func TestRootClass(t *testing.T) {
	for c := 1; c < NumRoots; c++ {
		if got := RootClass(ClassRoot(c)); got != c {
			t.Errorf("RootClass(ClassRoot(%d)) = %d", c, got)
		}
	}
	for _, bad := range []string{"", "00", "21", "1", "ab", "190"} {
		if RootClass(bad) != 0 {
			t.Errorf("RootClass(%q) = %d, want 0", bad, RootClass(bad))
		}
	}
}

func TestSentenceStructure(t *testing.T) {
	_, x := metSentence()
	if len(x.Mentions) != 3 {
		t.Fatalf("%d acting mentions, want 3 (places are not actors)", len(x.Mentions))
	}
	if got := x.Candidates(); len(got) != 1 || got[0] != 3 {
		t.Errorf("candidates %v, want [3] (met)", got)
	}
	if p, n := x.path(0, 3); p != "nsubj^" || n != 1 {
		t.Errorf("path Freedonia→met = %q, %d", p, n)
	}
	if p, n := x.path(2, 3); p != "conj^nsubj^" || n != 2 {
		t.Errorf("path Sylvania→met = %q, %d", p, n)
	}
	if p, _ := x.path(3, 5); p != ">obl" {
		t.Errorf("path met→Ruritania = %q", p)
	}
	if !x.coordinated(0, 1) || x.coordinated(0, 2) {
		t.Error("Freedonia and Sylvania are conjuncts; Ruritania is not")
	}
	if !x.near(2, 3) {
		t.Error("Ruritania hangs on met")
	}
}

func TestPairsReciprocal(t *testing.T) {
	_, x := metSentence()
	// Two coordinated sources and a far target of a consult root: they
	// met each other; a near target is met by both.
	ps := pairsOf(x, 3, []int{0, 1}, []int{2}, "040")
	got := map[string]bool{}
	for _, p := range ps {
		got[p.src.Code+">"+p.tgt.Code] = true
	}
	for _, want := range []string{"FRE>RUR", "SYL>RUR"} {
		if !got[want] {
			t.Errorf("pairs %v lack %s", got, want)
		}
	}
	if got["FRE>FRE"] || got["SYL>SYL"] {
		t.Errorf("an actor paired with itself: %v", got)
	}
	// No target: the sources pair with each other.
	ps = pairsOf(x, 3, []int{0, 1}, nil, "040")
	if len(ps) != 2 || ps[0].src.Code != "FRE" || ps[0].tgt.Code != "SYL" || ps[1].src.Code != "SYL" || ps[1].tgt.Code != "FRE" {
		t.Errorf("reciprocal pairs %+v", ps)
	}
	// A non-reciprocal root with no target codes each source alone.
	ps = pairsOf(x, 3, []int{0, 1}, nil, "140")
	if len(ps) != 2 || !ps[0].tgt.IsZero() {
		t.Errorf("protest pairs %+v", ps)
	}
}

// TestBothWays: "Japan met China" is China meeting Japan too; a pair
// already there twice is not added again, and an event with no target
// stays one-way.
func TestBothWays(t *testing.T) {
	jpn, chn, kor := dyad.Actor{Code: "JPN"}, dyad.Actor{Code: "CHN"}, dyad.Actor{Code: "KOR"}
	ps := bothWays([]pair{{src: jpn, tgt: chn}, {src: kor, tgt: chn}, {src: chn, tgt: kor}, {src: jpn}})
	var got []string
	for _, p := range ps {
		got = append(got, p.src.Code+">"+p.tgt.Code)
	}
	if want := []string{"JPN>CHN", "KOR>CHN", "CHN>KOR", "JPN>", "CHN>JPN"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("bothWays = %v, want %v", got, want)
	}
	if !ontology.Reciprocal("040") || !ontology.Reciprocal("057") || ontology.Reciprocal("042") || ontology.Reciprocal("111") {
		t.Error("Reciprocal: meetings and agreements both ways, visits and criticism one way")
	}
}

func TestSameSide(t *testing.T) {
	usa := dyad.Actor{Code: "USA", Country: "USA"}
	usagov := dyad.Actor{Code: "USAGOV", Country: "USA"}
	usamil := dyad.Actor{Code: "USAMIL", Country: "USA"}
	if !same(usagov, usagov) {
		t.Error("an actor is its own side")
	}
	// "Police arrested a man", "the government sued the state": the
	// coders code events between a country's parts.
	if same(usa, usagov) || same(usagov, usamil) {
		t.Error("a country's parts can be a dyad")
	}
	if same(dyad.Actor{Code: "SYR", Country: "SYR"}, dyad.Actor{Code: "SYRREB", Country: "SYR"}) {
		t.Error("a country and its own rebels are two sides")
	}
	if same(usa, dyad.Actor{}) {
		t.Error("no target is never the same side")
	}
}

func TestPairsSelfTarget(t *testing.T) {
	// "France condemned France's decision": the only target is the
	// source itself; the event stands without a target rather than
	// being lost.
	_, s := build("France/PROPN/2/nsubj condemned/VERB/0/root France/PROPN/4/nmod:poss decision/NOUN/2/obj ./PUNCT/2/punct")
	fra := dyad.Mention{Actor: dyad.Actor{Code: "FRA", Country: "FRA"}, First: 0, Last: 0}
	fra2 := fra
	fra2.First, fra2.Last = 2, 2
	x := NewSentence(s, []dyad.Mention{fra, fra2}, nil, nil)
	ps := pairsOf(x, 1, []int{0}, []int{1}, "111")
	if len(ps) != 1 || ps[0].src.Code != "FRA" || !ps[0].tgt.IsZero() {
		t.Errorf("self-target pairs %+v", ps)
	}
}

func TestSubjectWords(t *testing.T) {
	// "Local gunmen attacked a convoy ." with no dictionary actor: the
	// subject's words stand for the source.
	doc, s := build("Local/ADJ/2/amod gunmen/NOUN/3/nsubj attacked/VERB/0/root a/DET/5/det convoy/NOUN/3/obj ./PUNCT/3/punct")
	x := NewSentence(s, nil, nil, nil)
	a, ok := x.subjectWords(doc, 2)
	if !ok || a.Text != "Local gunmen" || !a.IsZero() {
		t.Errorf("subject %+v, %v", a, ok)
	}
	// "… agreed to attack": the governor's subject.
	doc, s = build("Rebels/NOUN/2/nsubj agreed/VERB/0/root to/PART/4/mark attack/VERB/2/xcomp ./PUNCT/2/punct")
	x = NewSentence(s, nil, nil, nil)
	if a, ok := x.subjectWords(doc, 3); !ok || a.Text != "Rebels" {
		t.Errorf("governor's subject %+v, %v", a, ok)
	}
}

func TestJudged(t *testing.T) {
	// "A court convicted him of raping a tourist": the rape is the
	// deed judged, so historical; the conviction is not.
	_, s := build("A/DET/2/det court/NOUN/3/nsubj convicted/VERB/0/root him/PRON/3/obj of/SCONJ/6/mark raping/VERB/3/advcl a/DET/8/det tourist/NOUN/6/obj ./PUNCT/3/punct")
	s.Tokens[2].Lemma, s.Tokens[5].Lemma = "convict", "rape"
	x := NewSentence(s, nil, nil, nil)
	if !x.judged(5) || x.judged(2) {
		t.Errorf("judged(raping) = %v, judged(convicted) = %v", x.judged(5), x.judged(2))
	}
	// "Police arrested him for questioning" is judged too, but "rebels
	// attacked the town for hours" is no judging.
	_, s = build("Rebels/NOUN/2/nsubj attacked/VERB/0/root the/DET/4/det town/NOUN/2/obj for/ADP/6/case hours/NOUN/2/obl ./PUNCT/2/punct")
	if x := NewSentence(s, nil, nil, nil); x.judged(5) || x.judged(1) {
		t.Error("no judging word, no judged deed")
	}
}

// TestBefore: "previously" or "formerly" on the trigger (or, for a noun,
// on the verb it hangs on) places the event before the story; the
// adverb of another verb does not.
func TestBefore(t *testing.T) {
	_, s := build("Both/DET/4/nsubj:pass were/AUX/4/aux:pass previously/ADV/4/advmod convicted/VERB/0/root of/ADP/6/case fraud/NOUN/4/obl ./PUNCT/4/punct")
	x := NewSentence(s, nil, nil, nil)
	if !x.before(3) {
		t.Error("before(convicted) = false for \"were previously convicted\"")
	}
	_, s = build("He/PRON/3/nsubj previously/ADV/3/advmod said/VERB/0/root rebels/NOUN/5/nsubj attacked/VERB/3/ccomp ./PUNCT/3/punct")
	x = NewSentence(s, nil, nil, nil)
	if !x.before(2) || x.before(4) {
		t.Errorf("before(said) = %v, before(attacked) = %v: want true, false", x.before(2), x.before(4))
	}
}

// TestOneWord: of the words coded with one root in a sentence, the
// surest stands with all its dyads; the others of that root go, a
// dictionary event of a root the models coded goes, other roots stay.
func TestOneWord(t *testing.T) {
	_, s := build("Forces/NOUN/2/nsubj said/VERB/0/root killed/VERB/2/ccomp in/ADP/5/case airstrike/NOUN/3/obl")
	x := NewSentence(s, nil, nil, nil)
	at := func(i int, root, src, tgt string) dyad.Event {
		return dyad.Event{CAMEO: dyad.CAMEO{Root: root}, Source: dyad.Actor{Code: src}, Target: dyad.Actor{Code: tgt},
			Evidence: dyad.Evidence{VerbSpan: s.Tokens[i].Span}}
	}
	evs := []dyad.Event{at(2, "19", "A", "B"), at(4, "19", "A", "C"), at(4, "19", "D", "C"), at(1, "01", "A", ""),
		at(2, "11", "A", "B"), at(0, "19", "A", "E")}
	margins := []float64{5, 9, 9, 3, math.NaN(), math.NaN()}
	got, ms := oneWord(x, evs, margins)
	var keys []string
	for _, e := range got {
		keys = append(keys, e.CAMEO.Root+":"+e.Source.Code+">"+e.Target.Code+"@"+s.Text[e.Evidence.VerbSpan.Start:e.Evidence.VerbSpan.End])
	}
	want := []string{"19:A>C@airstrike", "19:D>C@airstrike", "01:A>@said", "11:A>B@killed"}
	if strings.Join(keys, " ") != strings.Join(want, " ") {
		t.Errorf("oneWord kept %v, want %v", keys, want)
	}
	if len(ms) != len(got) || ms[0] != 9 || !math.IsNaN(ms[3]) {
		t.Errorf("margins %v do not follow the kept events", ms)
	}
}

// TestInStory: each sentence learns the roots the dictionary coder found
// in the story's other sentences, not its own, bare statements left out.
func TestInStory(t *testing.T) {
	ev := func(code string) dyad.Event { return dyad.Event{CAMEO: dyad.CAMEO{Code: code, Root: code[:2]}} }
	sent := func(codes ...string) *Sentence {
		_, s := build("Police/NOUN/2/nsubj arrested/VERB/0/root protesters/NOUN/2/obj")
		var rules []dyad.Event
		for _, c := range codes {
			rules = append(rules, ev(c))
		}
		return NewSentence(s, nil, rules, nil)
	}
	a, b, c := sent("173", "141"), sent("141", "010"), sent()
	InStory([]*Sentence{a, nil, b, c}, "")
	for _, tc := range []struct {
		x    *Sentence
		want []string
	}{{a, []string{"14"}}, {b, []string{"14", "17"}}, {c, []string{"14", "17"}}} {
		if !slices.Equal(tc.x.story, tc.want) {
			t.Errorf("story roots %v, want %v", tc.x.story, tc.want)
		}
	}
	// Pattern roots count when words of two other sentences head them.
	lex := fakeLex{"protest": {"141"}, "arrest": {"173"}}
	_, s1 := build("Crowds/NOUN/2/nsubj protest/VERB/0/root")
	_, s2 := build("Police/NOUN/2/nsubj arrest/VERB/0/root crowds/NOUN/2/obj")
	_, s3 := build("Crowds/NOUN/2/nsubj protest/VERB/0/root")
	p1, p2, p3 := NewSentence(s1, nil, nil, lex), NewSentence(s2, nil, nil, lex), NewSentence(s3, nil, nil, lex)
	InStory([]*Sentence{p1, p2, p3}, "")
	if !slices.Equal(p2.lexStory, []string{"14"}) || len(p1.lexStory) != 0 {
		t.Errorf("pattern roots: arrest's sentence %v, want [14]; a protest's %v, want none", p2.lexStory, p1.lexStory)
	}
	// The roots reach the models as features: a sentence told of a
	// protest elsewhere has features one told nothing has not.
	lone := sent("173", "141")
	if slices.Equal(a.SentenceFeatures(nil), lone.SentenceFeatures(nil)) || slices.Equal(a.TriggerFeatures(1, nil), lone.TriggerFeatures(1, nil)) {
		t.Error("story roots add no features")
	}
}

// TestUnnamedTarget: an event no actor is the target of is coded against
// the source's own country, with the trigger's object as its words.
func TestUnnamedTarget(t *testing.T) {
	doc, s := build("Police/NOUN/2/nsubj arrested/VERB/0/root a/DET/4/det man/NOUN/2/obj in/ADP/6/case protests/NOUN/2/obl")
	x := NewSentence(s, nil, nil, nil)
	police := dyad.Actor{Code: "GBRCOP", Country: "GBR"}
	got := x.unnamedTarget(doc, 1, police)
	if got.Code != "GBR" || got.Country != "GBR" || got.Text != "a man" || got.Resolved == "" {
		t.Errorf("arrested: target %+v, want GBR over \"a man\"", got)
	}
	// A noun trigger with no object: the country alone.
	got = x.unnamedTarget(doc, 5, police)
	if got.Code != "GBR" || got.Text != "" {
		t.Errorf("protests: target %+v, want GBR with no words", got)
	}
	un := dyad.Actor{Code: "IGOUNO", Country: "IGOUNO"}
	for _, src := range []dyad.Actor{un, {Text: "gunmen"}} {
		if got := x.unnamedTarget(doc, 1, src); !got.IsZero() {
			t.Errorf("story with no country, source %+v: target %+v, want none", src, got)
		}
	}
	// An IGO acts on the story's country; words alone still get nothing.
	InStory([]*Sentence{x}, "SYR")
	if got := x.unnamedTarget(doc, 1, un); got.Code != "SYR" {
		t.Errorf("UN in a Syrian story: target %+v, want SYR", got)
	}
	if got := x.unnamedTarget(doc, 1, dyad.Actor{Text: "gunmen"}); !got.IsZero() {
		t.Errorf("words alone: target %+v, want none", got)
	}
	// A foreign source acts on the story's country too.
	if got := x.unnamedTarget(doc, 1, police); got.Code != "SYR" || got.Text != "a man" {
		t.Errorf("British police in a Syrian story: target %+v, want SYR over \"a man\"", got)
	}
	syr := dyad.Actor{Code: "SYRCOP", Country: "SYR"}
	if got := x.unnamedTarget(doc, 1, syr); got.Code != "SYR" || got.Resolved != "the trigger's object, of the source's country" {
		t.Errorf("Syrian police in a Syrian story: target %+v", got)
	}
}

// fakeLex is a Lexicon of lemmas and their pattern codes.
type fakeLex map[string][]string

func (l fakeLex) HeadCodes(lemma string) []string            { return l[lemma] }
func (l fakeLex) Control(lemma string) (dyad.Modality, bool) { return "", false }

// TestPredicateAdjectives: an adjective that is a predicate may carry an
// event ("called the vote unconstitutional", "was deeply critical and
// dismissive"); one that qualifies a noun ("a critical report") may not.
func TestPredicateAdjectives(t *testing.T) {
	for _, tt := range []struct {
		spec string
		want []int
	}{
		// Freedonia called the vote unconstitutional .
		{"Freedonia/PROPN/2/nsubj called/VERB/0/root the/DET/4/det vote/NOUN/2/obj unconstitutional/ADJ/2/xcomp ./PUNCT/2/punct",
			[]int{1, 3, 4}},
		// Freedonia was critical and dismissive .
		{"Freedonia/PROPN/3/nsubj was/AUX/3/cop critical/ADJ/0/root and/CCONJ/5/cc dismissive/ADJ/3/conj ./PUNCT/3/punct",
			[]int{2, 4}},
		// Freedonia published a critical and long report .
		{"Freedonia/PROPN/2/nsubj published/VERB/0/root a/DET/7/det critical/ADJ/7/amod and/CCONJ/6/cc long/ADJ/4/conj report/NOUN/2/obj ./PUNCT/2/punct",
			[]int{1, 6}},
	} {
		_, s := build(tt.spec)
		x := NewSentence(s, []dyad.Mention{mention(0, 0, "FRE", "FRE")}, nil, nil)
		if got := x.Candidates(); !slices.Equal(got, tt.want) {
			t.Errorf("%s: candidates %v, want %v", s.Text, got, tt.want)
		}
	}
}

// TestJudgedBy: the actors inside a judged thing ("the agreement between
// Freedonia and Sylvania is void") are what the judgement is about, and
// the subject of the verb it hangs on judges; an actor that is itself
// the subject ("Ruritania is critical") judges.
func TestJudgedBy(t *testing.T) {
	// Ruritania concluded that the agreement between Freedonia and Sylvania is void .
	_, s := build("Ruritania/PROPN/2/nsubj concluded/VERB/0/root that/SCONJ/11/mark the/DET/5/det agreement/NOUN/11/nsubj " +
		"between/ADP/7/case Freedonia/PROPN/5/nmod and/CCONJ/9/cc Sylvania/PROPN/7/conj is/AUX/11/cop void/ADJ/2/ccomp ./PUNCT/2/punct")
	x := NewSentence(s, []dyad.Mention{mention(0, 0, "RUR", "RUR"), mention(6, 6, "FRE", "FRE"), mention(8, 8, "SYL", "SYL")}, nil, nil)
	if got := x.judgedBy(10); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("judged %v, want [1 2] (Freedonia, Sylvania)", got)
	}
	if got := x.governorSubject(10); got != 0 {
		t.Errorf("judge %d, want 0 (Ruritania)", got)
	}
	// Ruritania is critical .
	_, s = build("Ruritania/PROPN/3/nsubj is/AUX/3/cop critical/ADJ/0/root ./PUNCT/3/punct")
	x = NewSentence(s, []dyad.Mention{mention(0, 0, "RUR", "RUR")}, nil, nil)
	if got := x.judgedBy(2); len(got) != 0 {
		t.Errorf("judged %v, want none: the actor judges", got)
	}
}

// TestNamingCall: "called the vote a fraud" names its object, and the
// judgement is the predicate's ("fraud"); "called for talks" is an appeal.
func TestNamingCall(t *testing.T) {
	for _, tt := range []struct {
		spec string
		want []int
	}{
		// Freedonia called the vote a fraud .
		{"Freedonia/PROPN/2/nsubj called/VERB/0/root the/DET/4/det vote/NOUN/2/obj a/DET/6/det fraud/NOUN/2/xcomp ./PUNCT/2/punct", []int{3, 5}},
		// Freedonia called for talks .
		{"Freedonia/PROPN/2/nsubj called/VERB/0/root for/ADP/4/case talks/NOUN/2/obl ./PUNCT/2/punct", []int{1, 3}},
	} {
		_, s := build(tt.spec)
		for i := range s.Tokens {
			s.Tokens[i].Lemma = strings.TrimSuffix(strings.ToLower(s.Tokens[i].Text), "ed")
		}
		x := NewSentence(s, []dyad.Mention{mention(0, 0, "FRE", "FRE")}, nil, nil)
		if got := x.Candidates(); !slices.Equal(got, tt.want) {
			t.Errorf("%s: candidates %v, want %v", s.Text, got, tt.want)
		}
	}
}

func TestNegatedRejection(t *testing.T) {
	// "does not recognize the court" is a rejection that happened; "did
	// not attack" is an attack that did not.
	_, s := build("Freedonia/PROPN/4/nsubj does/AUX/4/aux not/PART/4/advmod recognize/VERB/0/root the/DET/6/det court/NOUN/4/obj ./PUNCT/4/punct")
	x := NewSentence(s, []dyad.Mention{mention(0, 0, "FRE", "FRE")}, nil, nil)
	e := New(&Model{})
	if got := e.Modality(x, Trigger{I: 3, Root: "12"}); got != dyad.Asserted {
		t.Errorf("negated rejection: %s, want asserted", got)
	}
	if got := e.Modality(x, Trigger{I: 3, Root: "19"}); got != dyad.Negated {
		t.Errorf("negated fight: %s, want negated", got)
	}
}

// hasArgFeature reports whether the argument features of (trigger t,
// mention k) hold template tpl with parts.
func hasArgFeature(x *Sentence, t, k int, tpl int, parts ...string) bool {
	var f feats
	f.add(tpl, parts...)
	return slices.Contains(x.ArgFeatures(t, k, "11", nil), f.out[0])
}

// TestArgRelativeAndControl: the noun a relative clause hangs on is read
// with its pronoun's place in the clause, and the object of a verb whose
// open complement is the trigger is read as the one to act.
func TestArgRelativeAndControl(t *testing.T) {
	// "Washington , which claims a threat"
	_, s := build("Washington/PROPN/0/root ,/PUNCT/1/punct which/PRON/4/nsubj claims/VERB/1/acl:relcl a/DET/6/det threat/NOUN/4/obj")
	x := NewSentence(s, []dyad.Mention{mention(0, 0, "USA", "USA")}, nil, nil)
	if !hasArgFeature(x, 3, 0, aRelative, "nsubj", "11") {
		t.Errorf("Washington, which claims: no relative-subject feature")
	}
	// "the man whom police arrested": the pronoun is the object.
	_, s = build("the/DET/2/det man/NOUN/0/root whom/PRON/5/obj police/NOUN/5/nsubj arrested/VERB/2/acl:relcl")
	x = NewSentence(s, []dyad.Mention{mention(1, 1, "CVL", "")}, nil, nil)
	if !hasArgFeature(x, 4, 0, aRelative, "obj", "11") || hasArgFeature(x, 4, 0, aRelative, "nsubj", "11") {
		t.Errorf("the man whom police arrested: want the relative-object feature alone")
	}
	// "Britain urged Iran to stop"
	_, s = build("Britain/PROPN/2/nsubj urged/VERB/0/root Iran/PROPN/2/obj to/PART/5/mark stop/VERB/2/xcomp")
	x = NewSentence(s, []dyad.Mention{mention(0, 0, "GBR", "GBR"), mention(2, 2, "IRN", "IRN")}, nil, nil)
	if !hasArgFeature(x, 4, 1, aObjOfGov, "11") {
		t.Errorf("urged Iran to stop: Iran is not read as the one to act")
	}
	if hasArgFeature(x, 4, 0, aObjOfGov, "11") || hasArgFeature(x, 4, 0, aRelative, "nsubj", "11") {
		t.Errorf("urged Iran to stop: Britain read as the object or a relative's noun")
	}
}
