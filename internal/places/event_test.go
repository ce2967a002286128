package places_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/places"
)

func TestDateline(t *testing.T) {
	tests := []struct {
		text string
		want string // "" for no dateline
	}{
		{"SEOUL — North Korea fired a missile.", "SEOUL"},
		{"TOKYO (AP) - The prime minister said.", "TOKYO"},
		{"WASHINGTON, Oct 27 (Reuters) - The Senate voted.", "WASHINGTON"},
		{"KABUL, Afghanistan — A blast shook the city.", "KABUL"},
		{"  RIO DE JANEIRO -- Police raided a favela.", "RIO DE JANEIRO"},
		{"SANAA, Yemen – Houthi rebels said.", "SANAA"},
		{"NICE, France — A truck drove into crowds.", "NICE"},
		{"The UN said on Monday - in a statement - that aid had stopped.", ""},
		{"US forces attacked - officials said.", ""},
		{"North Korea fired a missile.", ""},
		{"", ""},
		{"A — b", ""},
	}
	for _, tt := range tests {
		name, sp, ok := places.Dateline(tt.text)
		if tt.want == "" {
			if ok {
				t.Errorf("Dateline(%q) = %q, want none", tt.text, name)
			}
			continue
		}
		if !ok || name != tt.want || tt.text[sp.Start:sp.End] != name {
			t.Errorf("Dateline(%q) = %q %v %v, want %q", tt.text, name, sp, ok, tt.want)
		}
	}
}

func TestDatelinePlace(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		text        string
		prior       []string
		wantName    string
		wantCountry string
	}{
		{"SEOUL — North Korea fired a missile.", nil, "Seoul", "KOR"},
		{"PARIS, Texas — A storm hit.", nil, "Paris", "USA"},
		{"TRIPOLI, Lebanon — Clashes erupted.", nil, "Tripoli", "LBN"},
		{"NICE, France — A truck drove into crowds.", nil, "Nice", "FRA"},
		{"WASHINGTON (AP) — The Senate voted.", nil, "Washington, D.C.", "USA"},
	}
	for _, tt := range tests {
		p, ok := g.DatelinePlace(tt.text, tt.prior)
		if !ok || p.Name != tt.wantName || p.Country != tt.wantCountry || p.Source != "dateline" {
			t.Errorf("DatelinePlace(%q) = %+v %v, want %s (%s) from dateline", tt.text, p, ok, tt.wantName, tt.wantCountry)
		}
	}
}

func TestEventPlace(t *testing.T) {
	g := mustDefault(t)
	seoul, _ := g.DatelinePlace("SEOUL — ", nil)
	tests := []struct {
		name     string
		sentence string
		verb     string // the verb, found by its first occurrence
		dateline *dyad.Place
		want     string // "Name/Source", or "" for none
	}{
		{"ClauseWins", "The leaders met in Tokyo on Monday.", "met", &seoul, "Tokyo/clause"},
		{"ClauseBeforeVerb", "In Kabul, a suicide bomber attacked a mosque.", "attacked", nil, "Kabul/clause"},
		{"NearestToVerb", "Officials in London said troops clashed near Basra.", "clashed", nil, "Basrah/clause"},
		{"DatelineFallback", "North Korea fired two missiles.", "fired", &seoul, "Seoul/dateline"},
		{"MentionedOnly", "Japan protested to China about the launch.", "protested", nil, ""},
		{"FromIsNotWhere", "Troops withdrew from Kabul.", "withdrew", nil, ""},
		{"OtherClause", "Police arrested two men; talks later resumed in Geneva.", "arrested", nil, ""},
		{"OtherClauseDateline", "Police arrested two men, while talks resumed in Geneva.", "arrested", &seoul, "Seoul/dateline"},
		{"MentionedNoDateline", "The minister, who visited Paris last year, condemned the attack.", "condemned", nil, ""},
		{"InTheRegion", "Israeli troops raided homes in the West Bank.", "raided", nil, "West Bank/clause"},
		{"StopWordAfterIn", "A car bomb exploded in Split.", "exploded", nil, "Split/clause"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const offset = 100 // the sentence's place in its document
			v := strings.Index(tt.sentence, tt.verb)
			if v < 0 {
				t.Fatalf("verb %q not in %q", tt.verb, tt.sentence)
			}
			p, ok := g.EventPlace(places.EventContext{
				Sentence: tt.sentence, Offset: offset,
				Verb:     dyad.Span{Start: offset + v, End: offset + v + len(tt.verb)},
				Dateline: tt.dateline,
			})
			got := ""
			if ok {
				got = p.Name + "/" + p.Source
			}
			if got != tt.want {
				t.Fatalf("EventPlace(%q, verb %q) = %q, want %q", tt.sentence, tt.verb, got, tt.want)
			}
			if ok && p.Source == "clause" {
				if p.Span == nil || tt.sentence[p.Span.Start-offset:p.Span.End-offset] != p.Text {
					t.Errorf("span %v does not cover %q in document bytes", p.Span, p.Text)
				}
			}
		})
	}
}

func TestPrior(t *testing.T) {
	g := mustDefault(t)
	ms := g.Find("France and Germany met in Lyon. Paris and Berlin agreed; France said Moscow objected.")
	got := strings.Join(g.Prior(ms), ",")
	// France and Lyon (FRA 3), Germany and Berlin... Berlin is also a US
	// town, so only Germany counts (DEU 1); Paris and Moscow are ambiguous.
	if want := "FRA,DEU"; got != want {
		t.Errorf("Prior = %s, want %s (mentions %s)", got, want, show(ms))
	}
}

func FuzzFind(f *testing.F) {
	g := mustDefault(f)
	for _, s := range []string{
		"Leaders met in Tokyo on Monday.", "SEOUL — North Korea fired.", "Paris, Texas",
		"U.S. and U.K.", "Rio de Janeiro-", "in the West Bank's north", "’s Sana'a‐x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, m := range g.Find(text) {
			if m.Span.Start < 0 || m.Span.End > len(text) || m.Span.Start >= m.Span.End || text[m.Span.Start:m.Span.End] != m.Text {
				t.Fatalf("Find(%q): bad span %v for %q", text, m.Span, m.Text)
			}
			if len(m.Candidates) == 0 {
				t.Fatalf("Find(%q): %q has no candidates", text, m.Text)
			}
		}
		if name, sp, ok := places.Dateline(text); ok {
			if sp.Start < 0 || sp.End > len(text) || text[sp.Start:sp.End] != name {
				t.Fatalf("Dateline(%q): bad span %v for %q", text, sp, name)
			}
		}
		g.EventPlace(places.EventContext{Sentence: text, Verb: dyad.Span{Start: len(text) / 2, End: len(text) / 2}})
	})
}
