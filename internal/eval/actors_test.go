package eval_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/eval"
)

func TestScoreActors(t *testing.T) {
	text := "Ruritanian police and Freedonia met Graustark."
	span := func(s string) dyad.Span {
		for i := 0; i+len(s) <= len(text); i++ {
			if text[i:i+len(s)] == s {
				return dyad.Span{Start: i, End: i + len(s)}
			}
		}
		t.Fatalf("%q not in text", s)
		return dyad.Span{}
	}
	rurCop := dyad.Actor{Code: "RURCOP", Country: "RUR", Span: span("Ruritanian police")}
	fre := dyad.Actor{Code: "FRE", Country: "FRE", Span: span("Freedonia")}
	ms := []dyad.Mention{
		{Actor: dyad.Actor{Code: "RURCOP+FRE", Members: []dyad.Actor{rurCop, fre}, Span: span("Ruritanian police and Freedonia")}},
		{Actor: dyad.Actor{Code: "GRAGOV", Country: "GRA", Span: span("Graustark")}, Place: true},
	}
	golds := []eval.GoldActor{
		{Text: "Ruritanian police", Country: "RUR", Role: "COP", Span: span("Ruritanian police")},
		{Text: "Freedonia", Country: "FRE", Role: "GOV", Span: span("Freedonia")},
		{Text: "Graustark", Country: "GRA", Span: span("Graustark")}, // a place mention is no actor
		{Text: "they", Country: "GRA"},                               // not aligned
	}
	var sc eval.ActorScore
	sc.ScoreActors(golds, ms)
	got := [5]int{sc.Gold, sc.Aligned, sc.Found, sc.CountryRight, sc.RoleRight}
	if want := [5]int{4, 3, 2, 2, 1}; got != want {
		t.Errorf("gold, aligned, found, country, role = %v, want %v", got, want)
	}
	if len(sc.Misses) != 1 || sc.Misses[0].Gold.Text != "Graustark" {
		t.Errorf("misses %+v, want Graustark alone", sc.Misses)
	}
	if len(sc.WrongRole) != 1 || sc.WrongRole[0].Gold.Text != "Freedonia" {
		t.Errorf("wrong roles %+v, want Freedonia alone (FRE for the coders' FRE GOV)", sc.WrongRole)
	}
	var b strings.Builder
	sc.WriteMisses(&b)
	if !strings.Contains(b.String(), "ROLE\tFRE/GOV\t\"Freedonia\"\tgot FRE") {
		t.Errorf("listing lacks the wrong role:\n%s", b.String())
	}
}

func TestActorRole(t *testing.T) {
	for _, tt := range []struct{ code, country, role string }{
		{"AFGREBTAL", "AFG", "REB"},
		{"IGOUNOSEC", "IGO", "IGO"},
		{"IGOUNOJUDICJ", "IGO", "JUD"},
		{"IGOWSTNATMIL", "IGO", "MIL"},
		{"IGOUNOBUSIMF", "IGO", "IGO"},
		{"USA", "USA", ""},
		{"COP", "", "COP"},
		{"IMGREBISI", "", "REB"},
		{"PAKSEPBLA", "PAK", "REB"},
		{"HRI", "", "NGO"},
		{"USAENV", "USA", "NGO"},
	} {
		a := dyad.Actor{Code: tt.code}
		if got := eval.ActorCountry(a); got != tt.country {
			t.Errorf("ActorCountry(%s) = %q, want %q", tt.code, got, tt.country)
		}
		if got := eval.ActorRole(a); got != tt.role {
			t.Errorf("ActorRole(%s) = %q, want %q", tt.code, got, tt.role)
		}
	}
}

func TestSilverGoldActors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.jsonl")
	lines := `{"id":"a#0","story":"a","date":"2020-01-02","start":0,"end":20,"text":"Ruritania met Bob.","events":[{"source":{"text":"Ruritania","country":"RUR","role":""},"target":{"text":"him","country":"FRE","role":"GOV"},"cameo":"040"}]}
{"id":"a#1","story":"a","date":"2020-01-02","start":21,"end":40,"text":"Police fired at Freedonia.","events":[{"source":{"text":"Police","country":"RUR","role":"COP"},"target":null,"cameo":"180"}]}
`
	if err := os.WriteFile(path, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	stories, err := eval.ReadSilver(path)
	if err != nil {
		t.Fatal(err)
	}
	gs := eval.SilverGoldActors(stories[0])
	var got []string
	for _, g := range gs {
		got = append(got, fmt.Sprintf("%s=%q", g.Text, stories[0].Doc.Text[g.Span.Start:g.Span.End]))
	}
	want := []string{`Ruritania="Ruritania"`, `him=""`, `Police="Police"`}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("gold actors placed at %v, want %v", got, want)
	}
}

func TestWordIndex(t *testing.T) {
	for _, tt := range []struct {
		text, words string
		want        int
	}{
		{"The presence, he said.", "he", 14},
		{"“We agree,” we said.", "We", 3},
		{"Theory only.", "he", 1}, // no whole word: the first occurrence
		{"Kabul fell.", "Herat", -1},
		{"Iraqi Kurds met Kurds.", "Kurds", 6},
	} {
		if got := eval.WordIndex(tt.text, tt.words); got != tt.want {
			t.Errorf("WordIndex(%q, %q) = %d, want %d", tt.text, tt.words, got, tt.want)
		}
	}
}
