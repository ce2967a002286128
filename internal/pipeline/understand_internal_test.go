package pipeline

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dates"
)

// tree builds a sentence from "word/head/rel[/UPOS]" items, heads
// 1-based (0: the root), spans from the words joined by spaces.
func tree(items string) *dyad.Sentence {
	s := &dyad.Sentence{}
	var words []string
	for i, it := range strings.Fields(items) {
		p := strings.Split(it, "/")
		h := 0
		for _, c := range p[1] {
			h = h*10 + int(c-'0')
		}
		start := len(strings.Join(words, " "))
		if i > 0 {
			start++
		}
		words = append(words, p[0])
		tok := dyad.Token{ID: i + 1, Text: p[0], Head: h, Rel: p[2], Span: dyad.Span{Start: start, End: start + len(p[0])}}
		if len(p) > 3 {
			tok.UPOS = p[3]
		}
		s.Tokens = append(s.Tokens, tok)
	}
	s.Text = strings.Join(words, " ")
	s.Span = dyad.Span{Start: 0, End: len(s.Text)}
	return s
}

func TestTreeDate(t *testing.T) {
	// Thursday dates the verdict, 2014 the rape, though Thursday is
	// nearer "raping" in the text.
	s := tree("Officers/3/nsubj:pass were/3/aux:pass found/0/root guilty/3/xcomp on/6/case Thursday/3/obl of/8/mark raping/3/advcl a/10/det tourist/8/obj in/12/case 2014/8/obl ./3/punct")
	pub := time.Date(2019, 1, 31, 0, 0, 0, 0, time.UTC)
	at := func(word string) dyad.Span {
		i := strings.Index(s.Text, word)
		return dyad.Span{Start: i, End: i + len(word)}
	}
	for verb, want := range map[string]string{"found": "Thursday", "raping": "2014"} {
		m, ok := clauseDate(&dyad.Document{Text: s.Text, Date: pub}, s, at(verb))
		if !ok || m.Text != want {
			t.Errorf("%s: date %q, %v; want %q", verb, m.Text, ok, want)
		}
	}
	// A date on another verb is that verb's: "officials said on
	// Tuesday" dates the saying, not the meeting.
	s = tree("Japan/2/nsubj met/0/root China/2/obj ,/6/punct officials/6/nsubj said/2/parataxis/VERB on/8/case Tuesday/6/obl ./2/punct")
	if m, ok := treeDate(s, dates.Find(s.Text, pub), at("met"), maxDateSteps); ok {
		t.Errorf("met: date %q from the saying", m.Text)
	}
	// A length of time dates nothing: "for five weeks" is no date of the
	// suspension; yesterday is.
	s = tree("The/2/det Queen/3/nsubj suspended/0/root parliament/3/obj for/7/case five/7/nummod weeks/3/obl yesterday/3/obl:tmod ./3/punct")
	if m, ok := treeDate(s, dates.Find(s.Text, pub), at("suspended"), maxDateSteps); ok && m.Text != "yesterday" {
		t.Errorf("suspended: date %q", m.Text)
	}
}

// TestFrontedDate: a date opening the sentence dates its events though the
// parse hangs it on another word and commas part it from the verb ("On
// Friday, protesters wearing masks, helmets and black clothes gathered");
// one inside the sentence's later clauses does not.
func TestFrontedDate(t *testing.T) {
	pub := time.Date(2019, 6, 23, 0, 0, 0, 0, time.UTC) // a Sunday
	s := tree("On/2/case Friday/5/obl ,/2/punct protesters/10/nsubj wearing/4/acl/VERB masks/5/obj ,/9/punct and/9/cc helmets/6/conj gathered/0/root outside/12/case headquarters/10/obl ./10/punct")
	at := func(word string) dyad.Span {
		i := strings.Index(s.Text, word)
		return dyad.Span{Start: i, End: i + len(word)}
	}
	m, ok := clauseDate(&dyad.Document{Text: s.Text, Date: pub}, s, at("gathered"))
	if !ok || m.Date.Format("2006-01-02") != "2019-06-21" {
		t.Errorf("gathered: date %q %v, %v; want Friday, 2019-06-21", m.Text, m.Date, ok)
	}
	s = tree("Protesters/2/nsubj gathered/0/root ,/2/punct police/5/nsubj said/2/parataxis/VERB on/7/case Friday/5/obl ,/2/punct and/10/cc marched/2/conj ./2/punct")
	if m, ok := clauseDate(&dyad.Document{Text: s.Text, Date: pub}, s, at("gathered")); ok {
		t.Errorf("gathered: date %q from the saying after it", m.Text)
	}
}

// TestJudgementDate: a judgement ("null and void") is not dated by a date
// of the thing judged; a deed is dated by its subject's date ("the
// November 27 bombing killed five": the killing was on November 27).
func TestJudgementDate(t *testing.T) {
	pub := time.Date(2020, 1, 11, 0, 0, 0, 0, time.UTC)
	s := tree("The/4/det November/4/compound 27/2/nummod agreement/7/nsubj is/7/cop legally/7/advmod void/0/root/ADJ ./7/punct")
	i := strings.Index(s.Text, "void")
	if m, ok := clauseDate(&dyad.Document{Text: s.Text, Date: pub}, s, dyad.Span{Start: i, End: i + 4}); ok {
		t.Errorf("void: dated %q, the agreement's date", m.Text)
	}
	s = tree("The/4/det November/4/compound 27/2/nummod bombing/5/nsubj killed/0/root/VERB five/5/obj ./5/punct")
	i = strings.Index(s.Text, "killed")
	if m, ok := clauseDate(&dyad.Document{Text: s.Text, Date: pub}, s, dyad.Span{Start: i, End: i + 6}); !ok || m.Date.Format("01-02") != "11-27" {
		t.Errorf("killed: date %q %v, %v; want November 27", m.Text, m.Date, ok)
	}
}

// TestFutureWeekday: an event still to come on a weekday named alone is
// on the coming one ("hopes to resolve it during talks Tuesday",
// published on a Monday); an asserted one on the one before.
func TestFutureWeekday(t *testing.T) {
	s := tree("Rubio/2/nsubj hopes/0/root to/4/mark resolve/2/xcomp it/4/obj during/7/case talks/4/obl Tuesday/7/nmod:tmod ./2/punct")
	monday := time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)
	doc := &dyad.Document{Text: s.Text, Date: monday}
	i := strings.Index(s.Text, "talks")
	var p Pipeline
	for mod, want := range map[dyad.Modality]string{dyad.Future: "2025-03-11", dyad.Asserted: "2025-03-04"} {
		ev := dyad.Event{Modality: mod, Evidence: dyad.Evidence{VerbSpan: dyad.Span{Start: i, End: i + len("talks")}}}
		p.understand(doc, s, nil, &ev)
		if ev.Date != want {
			t.Errorf("%s talks Tuesday dated %q, want %s", mod, ev.Date, want)
		}
	}
}

// TestPastTenseNoun: an event noun is told in the tense of the verb it
// hangs from.
func TestPastTenseNoun(t *testing.T) {
	for _, tt := range []struct {
		items, verbXPOS, noun string
		want                  bool
	}{
		{"Washington/2/nsubj carried/0/root/VERB out/2/compound:prt the/5/det airstrike/2/obj/NOUN ./2/punct", "VBD", "airstrike", true},
		{"Washington/2/nsubj plans/0/root/VERB an/4/det airstrike/2/obj/NOUN ./2/punct", "VBZ", "airstrike", false},
		{"He/3/nsubj:pass was/3/aux:pass killed/0/root/VERB in/6/case the/6/det airstrike/3/obl/NOUN ./3/punct", "VBN", "airstrike", true},
	} {
		s := tree(tt.items)
		for i := range s.Tokens {
			if s.Tokens[i].UPOS == "VERB" {
				s.Tokens[i].XPOS = tt.verbXPOS
			}
		}
		i := strings.Index(s.Text, tt.noun)
		if got := pastTense(s, dyad.Span{Start: i, End: i + len(tt.noun)}); got != tt.want {
			t.Errorf("%q: pastTense(%s) = %v, want %v", s.Text, tt.noun, got, tt.want)
		}
	}
}
