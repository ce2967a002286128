package actor_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/dict"
)

// tagged makes a sentence of "word/UPOS" tokens separated by spaces
// (a bare word is untagged) and returns it with its text.
func tagged(spec string) (*dyad.Sentence, string) {
	var b strings.Builder
	s := &dyad.Sentence{}
	for i, f := range strings.Fields(spec) {
		w, tag, _ := strings.Cut(f, "/")
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(w)
		s.Tokens = append(s.Tokens, dyad.Token{ID: i + 1, Text: w, UPOS: tag, Head: -1, Span: dyad.Span{Start: start, End: b.Len()}})
	}
	s.Text, s.Span = b.String(), dyad.Span{End: b.Len()}
	return s, s.Text
}

// fictional is a dictionary of the kinds PETRARCH files hold: actors with
// no adjectives, a person filed under a country, an actor standing for
// three, a prefix agent.
func fictional() *dict.Dictionary {
	country := func(code string, names ...string) *dict.Actor {
		return &dict.Actor{Code: code, Kind: dict.Country, Country: code[:3], Name: names[0], Names: names}
	}
	triple := country("TRI", "THE TRIPLETS")
	triple.Also = []string{"QUA", "QUI"}
	return &dict.Dictionary{
		Actors: []*dict.Actor{
			country("RUR", "RURITANIA"), country("FRE", "FREEDONIA"), country("GRA", "GRAUSTARK"),
			country("RUR", "RASSENDYLL"), triple,
		},
		Agents: []*dict.Agent{
			{Code: "GOV", Names: []string{"PRIME MINISTER", "MINISTER", "OFFICIAL", "OFFICIALS", "GOVERNMENT"}},
			{Code: "MED", Names: []string{"MEDIA"}},
			{Code: "LEG", Names: []string{"LAWMAKERS"}},
			{Code: "NGO", Names: []string{"RELIEFCO"}, Prefix: true},
		},
	}
}

func mentions(m *actor.Matcher, spec string) string {
	s, text := tagged(spec)
	var out []string
	for _, mn := range m.Find(text, s, time.Time{}) {
		out = append(out, mn.Code+":"+mn.Text)
	}
	return strings.Join(out, " | ")
}

func TestPetrarchStyleActors(t *testing.T) {
	m := actor.New(fictional())
	for _, tt := range []struct{ name, spec, want string }{
		{"PrefixAgent", "Reliefco Ruritania sent aid", "NGORUR:Reliefco Ruritania"},
		{"PrefixAgentAndAgent", "a Reliefco Ruritania minister came", "NGORURGOV:Reliefco Ruritania minister"},
		{"SeveralCodes", "The Triplets met Freedonia", "TRI+QUA+QUI:The Triplets | FRE:Freedonia"},
		{"SeveralCodesInList", "Freedonia and the Triplets met", "FRE+TRI+QUA+QUI:Freedonia and the Triplets"},
		{"TitleAndName", "Ruritania Prime Minister Rassendyll spoke", "RURGOV:Ruritania Prime Minister Rassendyll"},
		{"TitleAndNameNoCountry", "Prime Minister Rassendyll spoke", "RURGOV:Prime Minister Rassendyll"},
		{"AdjectivesAfterPossessive", "Ruritania 's/PART stern/ADJ and/CCONJ aged/ADJ minister spoke", "RURGOV:Ruritania 's stern and aged minister"},
		{"AdjectivesNeedAnAgent", "Ruritania 's/PART old/ADJ Freedonia", "RUR:Ruritania | FRE:Freedonia"},
		{"AdjectivesInList", "Ruritania and/CCONJ the/DET proud/ADJ Freedonia met", "RUR+FRE:Ruritania and the proud Freedonia"},
		{"AdjectivesWithoutConjunction", "Ruritania proud/ADJ Freedonia met", "RUR:Ruritania | FRE:Freedonia"},
		{"AdjectiveIsNoAgent", "an official/ADJ visit/NOUN by Freedonia officials/NOUN", "FREGOV:Freedonia officials"},
		{"CountryForBareSectors", "Ruritania media and government spoke", "RURMED+RURGOV:Ruritania media and government"},
		{"AgentListInPlaces", "lawmakers and officials in Ruritania and Freedonia met",
			"RURLEG+FRELEG+RURGOV+FREGOV:lawmakers and officials in Ruritania and Freedonia"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := mentions(m, tt.spec); got != tt.want {
				t.Errorf("%q:\n got %q\nwant %q", tt.spec, got, tt.want)
			}
		})
	}
}
