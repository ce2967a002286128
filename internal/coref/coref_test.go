package coref_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/coref"
)

// sentences splits text on ". " into sentences of space-separated tokens;
// enough for these tests, which do not exercise the tokenizer.
func sentences(text string) []dyad.Sentence {
	var out []dyad.Sentence
	start := 0
	for i, part := range strings.SplitAfter(text, ". ") {
		s := dyad.Sentence{Index: i, Span: dyad.Span{Start: start, End: start + len(part)}, Text: part}
		off := start
		for _, w := range strings.Fields(part) {
			k := strings.Index(text[off:], w) + off
			s.Tokens = append(s.Tokens, dyad.Token{ID: len(s.Tokens) + 1, Text: w, Span: dyad.Span{Start: k, End: k + len(w)}})
			off = k + len(w)
		}
		out = append(out, s)
		start += len(part)
	}
	return out
}

// mention makes a mention over tokens [first, last] of s.
func mention(s dyad.Sentence, first, last int, a dyad.Actor, person bool) dyad.Mention {
	a.Span = dyad.Span{Start: s.Tokens[first].Span.Start, End: s.Tokens[last].Span.End}
	return dyad.Mention{Actor: a, First: first, Last: last, Person: person}
}

func codes(ms []dyad.Mention) string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Code)
	}
	return strings.Join(out, " ")
}

func TestResolvePronouns(t *testing.T) {
	text := "Japan and China said they will meet . Israel said a rocket was fired at it . It rained . Valley Police spoke . They arrested a man . "
	ss := sentences(text)
	jpn := dyad.Actor{Code: "JPN", Country: "JPN"}
	chn := dyad.Actor{Code: "CHN", Country: "CHN"}
	ms := make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 2, dyad.Actor{Code: "JPN+CHN", Members: []dyad.Actor{jpn, chn}}, false)}
	ms[1] = []dyad.Mention{mention(ss[1], 0, 0, dyad.Actor{Code: "ISR", Country: "ISR"}, false)}
	ms[3] = []dyad.Mention{mention(ss[3], 0, 1, dyad.Actor{Code: "ISRCOP", Country: "ISR", Sectors: []string{"COP"}, Text: "Valley Police"}, false)}
	coref.Resolve(text, ss, ms)
	// "police" is plural with no "s": "They" after it is the police.
	for i, want := range []string{"JPN+CHN JPN+CHN", "ISR ISR", "", "ISRCOP", "ISRCOP"} {
		if got := codes(ms[i]); got != want {
			t.Errorf("sentence %d %q: codes %q, want %q", i, ss[i].Text, got, want)
		}
	}
}

func TestResolve(t *testing.T) {
	text := "Antony Blinken met Lim Sung-nam and Shinsuke Sugiyama . Blinken spoke . He left . The three governments agreed on North Korea . The North fired . Sugiyama said I am here . "
	ss := sentences(text)
	usa := dyad.Actor{Code: "USAGOV", Country: "USA", Name: "Antony Blinken"}
	kor := dyad.Actor{Code: "KORGOV", Country: "KOR", Name: "Lim Sung-nam"}
	jpn := dyad.Actor{Code: "JPNGOV", Country: "JPN", Name: "Shinsuke Sugiyama"}
	prk := dyad.Actor{Code: "PRK", Country: "PRK", Name: "North Korea"}
	ms := make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 1, usa, true), mention(ss[0], 3, 6, dyad.Actor{Code: "KORGOV+JPNGOV+USAGOV", Members: []dyad.Actor{kor, jpn, usa}}, false)}
	ms[0] = append(ms[0], mention(ss[0], 3, 3, kor, true), mention(ss[0], 5, 6, jpn, true))
	ms[3] = []dyad.Mention{mention(ss[3], 2, 2, dyad.Actor{Code: "GOV", Sectors: []string{"GOV"}}, false), mention(ss[3], 5, 6, prk, false)}
	quote := dyad.Span{Start: ss[5].Tokens[2].Span.Start, End: ss[5].Tokens[4].Span.End}
	coref.Resolve(text, ss, ms)
	coref.Speakers(text, ss, ms, []dyad.Quote{{Span: quote, Speaker: jpn, Direct: true}})
	for _, tt := range []struct {
		sentence int
		want     string
	}{
		{1, "USAGOV"},                   // surname
		{2, "USAGOV"},                   // the only person of the sentence before
		{3, "KORGOV+JPNGOV+USAGOV PRK"}, // counted description replaces the bare agent
		{4, "PRK"},                      // truncated name
		{5, "JPNGOV JPNGOV"},            // surname, and "I" inside the quotation
	} {
		if got := codes(ms[tt.sentence]); got != tt.want {
			t.Errorf("sentence %d %q: codes %q, want %q", tt.sentence, ss[tt.sentence].Text, got, tt.want)
		}
		for _, m := range ms[tt.sentence] {
			if m.Resolved == "" && tt.sentence != 3 {
				t.Errorf("sentence %d: mention %q has no Resolved note", tt.sentence, m.Text)
			}
		}
	}
}

func TestStoryCountries(t *testing.T) {
	text := "Ruritania closed a border . In Freedonia police arrested protesters . Officials spoke . Diplomats at the UN met . Ruritania shelled rebels . "
	ss := sentences(text)
	rur := dyad.Actor{Code: "RUR", Country: "RUR"}
	fre := dyad.Actor{Code: "FRE", Country: "FRE"}
	sector := func(code string) dyad.Actor { return dyad.Actor{Code: code, Sectors: []string{code}} }
	ms := make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 0, rur, false)}
	place := mention(ss[1], 1, 1, fre, false)
	place.Place = true
	ms[1] = []dyad.Mention{place, mention(ss[1], 2, 2, sector("COP"), false), mention(ss[1], 4, 4, sector("OPP"), false)}
	ms[2] = []dyad.Mention{mention(ss[2], 0, 0, sector("GOV"), false)}
	ms[3] = []dyad.Mention{mention(ss[3], 0, 0, sector("GOV"), false), mention(ss[3], 3, 3, dyad.Actor{Code: "IGOUNO", Country: "IGOUNO"}, false)}
	ms[4] = []dyad.Mention{mention(ss[4], 0, 0, rur, false), mention(ss[4], 2, 2, sector("REB"), false)}
	coref.Resolve(text, ss, ms)
	for i, want := range []string{
		"RUR",
		"FRE FRECOP FREOPP", // the sentence's own place
		"RURGOV",            // the story's country (Ruritania, two to one)
		"GOV IGOUNO",        // diplomats at an IGO are its own
		"RUR RURREB",        // the country's own rebels
	} {
		if got := codes(ms[i]); got != want {
			t.Errorf("sentence %d %q: codes %q, want %q", i, ss[i].Text, got, want)
		}
	}
}

func TestStoryCountriesFirstNamed(t *testing.T) {
	text := "Ruritania met Freedonia . Police spoke . "
	ss := sentences(text)
	ms := make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 0, dyad.Actor{Code: "RUR", Country: "RUR"}, false), mention(ss[0], 2, 2, dyad.Actor{Code: "FRE", Country: "FRE"}, false)}
	ms[1] = []dyad.Mention{mention(ss[1], 0, 0, dyad.Actor{Code: "COP", Sectors: []string{"COP"}}, false)}
	coref.Resolve(text, ss, ms)
	if got, want := codes(ms[1]), "RURCOP"; got != want {
		t.Errorf("two countries named once each: police coded %q, want %q (the first named)", got, want)
	}
}

func TestResolveMorePronouns(t *testing.T) {
	text := "Protesters met Ana Vell and Bo Rask . They marched . Police stopped him . "
	ss := sentences(text)
	opp := dyad.Actor{Code: "RUROPP", Country: "RUR", Sectors: []string{"OPP"}, Text: "Protesters"}
	ana := dyad.Actor{Code: "RURGOV", Country: "RUR", Name: "Ana Vell"}
	bo := dyad.Actor{Code: "FREGOV", Country: "FRE", Name: "Bo Rask"}
	ms := make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 0, opp, false), mention(ss[0], 2, 3, ana, true), mention(ss[0], 5, 6, bo, true)}
	ms[2] = []dyad.Mention{mention(ss[2], 0, 0, dyad.Actor{Code: "RURCOP", Country: "RUR", Sectors: []string{"COP"}}, false)}
	coref.Resolve(text, ss, ms)
	// "They" opens its sentence: the plural sector just named; "him":
	// the sentence before names no one, so the person last named, two
	// sentences back.
	for i, want := range []string{"RUROPP RURGOV FREGOV", "RUROPP", "RURCOP RURGOV"} {
		if got := codes(ms[i]); got != want {
			t.Errorf("sentence %d %q: codes %q, want %q", i, ss[i].Text, got, want)
		}
	}
	text = "Ana Vell and Bo Rask spoke . Police stopped his car . "
	ss = sentences(text)
	ms = make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 1, ana, true), mention(ss[0], 3, 4, bo, true)}
	coref.Resolve(text, ss, ms)
	if got, want := codes(ms[1]), ""; got != want {
		t.Errorf("%q: codes %q, want %q (a possessive is no actor of the clause)", ss[1].Text, got, want)
	}
	text = "Ana Vell and Bo Rask spoke . Police stopped him . "
	ss = sentences(text)
	ms = make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 1, ana, true), mention(ss[0], 3, 4, bo, true)}
	coref.Resolve(text, ss, ms)
	if got, want := codes(ms[1]), "RURGOV"; got != want {
		t.Errorf("%q: codes %q, want %q (the first person before)", ss[1].Text, got, want)
	}
}

func TestResolveDescriptions(t *testing.T) {
	text := "Ruritania , Freedonia and Graustark met . The three deputy foreign ministers agreed . Graustark spoke . The country said no . The group fired . " +
		"Ana and Ben were arrested . The pair denied it . The trio agreed . "
	ss := sentences(text)
	rur := dyad.Actor{Code: "RUR", Country: "RUR"}
	fre := dyad.Actor{Code: "FRE", Country: "FRE"}
	gra := dyad.Actor{Code: "GRA", Country: "GRA"}
	ms := make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 4, dyad.Actor{Code: "RUR+FRE+GRA", Members: []dyad.Actor{rur, fre, gra}}, false)}
	gov := mention(ss[1], 2, 4, dyad.Actor{Code: "GOV", Sectors: []string{"GOV"}}, false)
	gov.Text = "deputy foreign ministers"
	ms[1] = []dyad.Mention{gov}
	ms[2] = []dyad.Mention{mention(ss[2], 0, 0, gra, false)}
	ana := dyad.Actor{Code: "RURCVL", Country: "RUR", Name: "Ana"}
	ben := dyad.Actor{Code: "RURCVL", Country: "RUR", Name: "Ben"}
	ms[5] = []dyad.Mention{mention(ss[5], 0, 2, dyad.Actor{Code: "RURCVL+RURCVL", Members: []dyad.Actor{ana, ben}}, false)}
	coref.Resolve(text, ss, ms)
	for i, want := range []string{
		"RUR+FRE+GRA",
		"RURGOV+FREGOV+GRAGOV", // counted, with a plural agent of three words
		"GRA",
		"GRA", // the country last named as an actor
		"",    // no group named: nothing to guess
		"RURCVL+RURCVL",
		"RURCVL+RURCVL", // "the pair": the two named together last
		"RUR+FRE+GRA",   // "the trio": the three
	} {
		if got := codes(ms[i]); got != want {
			t.Errorf("sentence %d %q: codes %q, want %q", i, ss[i].Text, got, want)
		}
	}
	if m := ms[1][0]; m.First != 1 || m.Last != 4 {
		t.Errorf("counted description covers tokens %d-%d, want 1-4", m.First, m.Last)
	}
}

func TestStoryCountriesUnknownPeople(t *testing.T) {
	text := "Ruritania spoke . Ana Vell and Bo Rask met . "
	ss := sentences(text)
	ms := make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 0, dyad.Actor{Code: "RUR", Country: "RUR"}, false)}
	pair := mention(ss[1], 0, 4, dyad.Actor{Code: "+", Members: []dyad.Actor{{Name: "Ana Vell"}, {Name: "Bo Rask"}}}, false)
	ms[1] = []dyad.Mention{pair}
	coref.Resolve(text, ss, ms)
	if got, want := codes(ms[1]), "RUR+RUR"; got != want {
		t.Errorf("two people the dictionary lacks, listed: codes %q, want %q", got, want)
	}
}

func TestStoryCountriesForeign(t *testing.T) {
	text := "Ruritania spoke . Foreign forces left . "
	ss := sentences(text)
	ms := make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 0, dyad.Actor{Code: "RUR", Country: "RUR"}, false)}
	ms[1] = []dyad.Mention{mention(ss[1], 1, 1, dyad.Actor{Code: "MIL", Sectors: []string{"MIL"}}, false)}
	coref.Resolve(text, ss, ms)
	if got, want := codes(ms[1]), "MIL"; got != want {
		t.Errorf("%q: codes %q, want %q (foreign forces are not the story's)", ss[1].Text, got, want)
	}
}

func TestResolveSurnameBeforeSuffix(t *testing.T) {
	text := "Jon Vell III spoke . Vell left . "
	ss := sentences(text)
	ms := make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 2, dyad.Actor{Code: "RUR", Country: "RUR", Name: "Jon Vell III"}, true)}
	coref.Resolve(text, ss, ms)
	if got, want := codes(ms[1]), "RUR"; got != want {
		t.Errorf("%q: codes %q, want %q (Vell of Jon Vell III)", ss[1].Text, got, want)
	}
}

func TestResolveStorySurnameFirst(t *testing.T) {
	text := "Usal Kharn spoke . Kharn left . "
	ss := sentences(text)
	ms := make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 1, dyad.Actor{Code: "GBR", Country: "GBR", Name: "Usal Kharn"}, true)}
	guess := mention(ss[1], 0, 0, dyad.Actor{Code: "PAKGOV", Country: "PAK", Name: "Imra Kharn"}, true)
	guess.Resolved = dyad.SurnameInOffice
	ms[1] = []dyad.Mention{guess}
	coref.Resolve(text, ss, ms)
	if got, want := codes(ms[1]), "GBR"; got != want {
		t.Errorf("%q: codes %q, want %q (the story's Kharn, not the one in office)", ss[1].Text, got, want)
	}
}

func TestResolveInPlaceCountry(t *testing.T) {
	text := "Police arrested a man . "
	ss := sentences(text)
	police := func() [][]dyad.Mention {
		ms := make([][]dyad.Mention, len(ss))
		ms[0] = []dyad.Mention{mention(ss[0], 0, 0, dyad.Actor{Code: "COP", Sectors: []string{"COP"}}, false)}
		return ms
	}
	ms := police()
	coref.ResolveIn(text, ss, ms, "GBR")
	if got, want := codes(ms[0]), "GBRCOP"; got != want {
		t.Errorf("story naming no country, places in Britain: codes %q, want %q", got, want)
	}
	ms = police()
	ms[0] = append(ms[0], mention(ss[0], 3, 3, dyad.Actor{Code: "FRA", Country: "FRA"}, false))
	coref.ResolveIn(text, ss, ms, "GBR")
	if got, want := codes(ms[0]), "FRACOP FRA"; got != want {
		t.Errorf("story naming France: codes %q, want %q (the fallback is for stories naming none)", got, want)
	}
}

func TestSpeakersFirstPerson(t *testing.T) {
	text := "\" My country and our allies stand with us , \" Vell said . "
	ss := sentences(text)
	ms := make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 11, 11, dyad.Actor{Code: "RURGOV", Country: "RUR"}, true)}
	speaker := dyad.Actor{Code: "RURGOV", Country: "RUR", Name: "Ana Vell"}
	q := dyad.Quote{Direct: true, Span: dyad.Span{Start: 0, End: strings.Index(text, "Vell")}, Speaker: speaker}
	coref.Speakers(text, ss, ms, []dyad.Quote{q})
	var got []string
	for _, m := range ms[0] {
		got = append(got, ss[0].Tokens[m.First].Text+"="+m.Code)
	}
	if want := "My=RURGOV our=RURGOV us=RURGOV Vell=RURGOV"; strings.Join(got, " ") != want {
		t.Errorf("mentions %q, want %q", strings.Join(got, " "), want)
	}
}

// TestNamedBefore: a definite bare sector ("the diplomats") is the actor
// an earlier sentence named with that noun ("Diplomats of the Group of
// Seven"), not the story's country's; one the story never named before
// is the country's.
func TestNamedBefore(t *testing.T) {
	text := "Diplomats of the Group spoke . Ruritania hosted them . The diplomats left . The officials stayed . "
	ss := sentences(text)
	ss[0].Tokens[0].UPOS = "NOUN"
	gov := func() dyad.Actor { return dyad.Actor{Code: "GOV", Sectors: []string{"GOV"}} }
	ms := make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 3, dyad.Actor{Code: "IGOGRPGOV", Country: "IGOGRP", Sectors: []string{"GOV"}}, false)}
	ms[1] = []dyad.Mention{mention(ss[1], 0, 0, dyad.Actor{Code: "RUR", Country: "RUR"}, false)}
	ms[2] = []dyad.Mention{mention(ss[2], 1, 1, gov(), false)}
	ms[3] = []dyad.Mention{mention(ss[3], 1, 1, gov(), false)}
	coref.Resolve(text, ss, ms)
	for i, want := range []string{"IGOGRPGOV", "RUR", "IGOGRPGOV", "RURGOV"} {
		if got := codes(ms[i]); got != want {
			t.Errorf("sentence %d %q: codes %q, want %q", i, ss[i].Text, got, want)
		}
	}
	if sp := ms[2][0].Span; sp != ss[2].Tokens[1].Span {
		t.Errorf("the mention's span became %v, want its own %v", sp, ss[2].Tokens[1].Span)
	}
}

// TestSurnamesFromLists checks that people named in a list ("Wilbur Ross
// and William Barr") are known by their surnames later in the story.
func TestSurnamesFromLists(t *testing.T) {
	text := "Wilbur Ross and William Barr refused . Barr spoke . Japan agreed . "
	ss := sentences(text)
	ross := dyad.Actor{Code: "USAGOV", Country: "USA", Name: "Wilbur Ross"}
	barr := dyad.Actor{Code: "USAGOVJUD", Country: "USA", Name: "William Barr"}
	list := mention(ss[0], 0, 4, dyad.Actor{Code: "USAGOV+USAGOVJUD", Members: []dyad.Actor{ross, barr}}, false)
	list.People = []string{"Wilbur Ross", "William Barr"}
	ms := make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{list}
	coref.Resolve(text, ss, ms)
	if got := codes(ms[1]); got != "USAGOVJUD" {
		t.Errorf("%q: codes %q, want USAGOVJUD (the surname of a listed person)", ss[1].Text, got)
	}
}

// TestNamedOrganisation: "the court" after "the World Court" is that
// court, even where the story named it as a place ("sued at the World
// Court"); a modifier ("the court president") names no court.
func TestNamedOrganisation(t *testing.T) {
	text := "Ruritania sued at the World Court . The court president spoke . The court ruled . "
	ss := sentences(text)
	heads := [][]int{{2, 0, 6, 6, 6, 2, 2}, {3, 3, 4, 0, 4}, {2, 3, 0, 3}}
	upos := [][]string{{"PROPN", "VERB", "ADP", "DET", "PROPN", "PROPN", "PUNCT"}, {"DET", "NOUN", "NOUN", "VERB", "PUNCT"}, {"DET", "NOUN", "VERB", "PUNCT"}}
	for i := range ss {
		for k := range ss[i].Tokens {
			ss[i].Tokens[k].Head, ss[i].Tokens[k].UPOS = heads[i][k], upos[i][k]
		}
	}
	court := mention(ss[0], 3, 5, dyad.Actor{Code: "IGOUNOJUD", Country: "IGOUNO", Sectors: []string{"JUD"}}, false)
	court.Place = true
	ms := make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 0, dyad.Actor{Code: "RUR", Country: "RUR"}, false), court}
	ms[1] = []dyad.Mention{mention(ss[1], 1, 2, dyad.Actor{Code: "RURGOV", Country: "RUR", Sectors: []string{"GOV"}}, false)}
	ms[2] = []dyad.Mention{mention(ss[2], 1, 1, dyad.Actor{Code: "JUD", Sectors: []string{"JUD"}}, false)}
	coref.Resolve(text, ss, ms)
	if got := codes(ms[2]); got != "IGOUNOJUD" {
		t.Errorf("%q: codes %q, want IGOUNOJUD (the court the story named)", ss[2].Text, got)
	}
}

// TestNamedTitle: "the prime minister" after "Ruritanian Prime Minister
// Ann Smith" is she, not the story's country's.
func TestNamedTitle(t *testing.T) {
	text := "Freedonia hosted talks . Ruritanian Prime Minister Ann Smith spoke in Freedonia . The prime minister left . "
	ss := sentences(text)
	fre := dyad.Actor{Code: "FRE", Country: "FRE", Text: "Freedonia"}
	pm := mention(ss[1], 0, 4, dyad.Actor{Code: "RURGOV", Country: "RUR", Sectors: []string{"GOV"}, Name: "Ann Smith", Text: "Ruritanian Prime Minister Ann Smith"}, true)
	place := mention(ss[1], 7, 7, fre, false)
	place.Place = true
	bare := mention(ss[2], 1, 2, dyad.Actor{Code: "GOV", Sectors: []string{"GOV"}, Text: "prime minister"}, false)
	ms := make([][]dyad.Mention, len(ss))
	ms[0], ms[1], ms[2] = []dyad.Mention{mention(ss[0], 0, 0, fre, false)}, []dyad.Mention{pm, place}, []dyad.Mention{bare}
	coref.Resolve(text, ss, ms)
	if got := codes(ms[2]); got != "RURGOV" {
		t.Errorf("%q: codes %q, want RURGOV (the prime minister the story named)", ss[2].Text, got)
	}
}

// TestResolveIt: "it" doing something with no country before it in its
// sentence is the one country the sentence before named alone; "its" stays
// a word (a possessive inside "carried out its sixth nuclear test" would
// break the dictionary's pattern); an "it" that does nothing ("it is
// clear") is no one.
func TestResolveIt(t *testing.T) {
	text := "Iran enriched uranium . In 2021 it stopped work . It is clear . Turkey bought its missiles . "
	ss := sentences(text)
	// the parse: "it" the subject of the verb "stopped"; "It" of "clear".
	ss[1].Tokens[2].Rel, ss[1].Tokens[2].Head = "nsubj", 4
	ss[1].Tokens[3].UPOS = "VERB"
	ss[2].Tokens[0].Rel, ss[2].Tokens[0].Head = "nsubj", 3
	ss[2].Tokens[2].UPOS = "ADJ"
	ms := make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 0, dyad.Actor{Code: "IRN", Country: "IRN"}, false)}
	ms[3] = []dyad.Mention{mention(ss[3], 0, 0, dyad.Actor{Code: "TUR", Country: "TUR"}, false)}
	coref.Resolve(text, ss, ms)
	for i, want := range []string{"IRN", "IRN", "", "TUR"} {
		if got := codes(ms[i]); got != want {
			t.Errorf("sentence %d %q: codes %q, want %q", i, ss[i].Text, got, want)
		}
	}
	text = "Iran enriched uranium . It is clear . "
	ss = sentences(text)
	ss[1].Tokens[0].Rel, ss[1].Tokens[0].Head = "nsubj", 3
	ss[1].Tokens[2].UPOS = "ADJ"
	ms = make([][]dyad.Mention, len(ss))
	ms[0] = []dyad.Mention{mention(ss[0], 0, 0, dyad.Actor{Code: "IRN", Country: "IRN"}, false)}
	coref.Resolve(text, ss, ms)
	if got := codes(ms[1]); got != "" {
		t.Errorf("%q: codes %q, want none (\"it\" of an adjective)", ss[1].Text, got)
	}
}
