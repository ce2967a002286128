package places_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/places"
)

func mustDefault(tb testing.TB) *places.Gazetteer {
	tb.Helper()
	g, err := places.Default()
	if err != nil {
		tb.Fatalf("Default: %v", err)
	}
	return g
}

func TestDefaultOnce(t *testing.T) {
	a, b := mustDefault(t), mustDefault(t)
	if a != b {
		t.Errorf("Default returned two gazetteers")
	}
	if n := a.Len(); n < 24000 {
		t.Errorf("Len = %d, want at least 24000", n)
	}
}

func TestLookup(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name        string
		wantFirst   string // Name of the first candidate
		wantCountry string
		wantID      int // GeoNames id of the first candidate, 0 to skip
	}{
		{"Tokyo", "Tokyo", "JPN", 1850147},
		{"tokyo", "Tokyo", "JPN", 1850147},
		{"SEOUL", "Seoul", "KOR", 1835848},
		{"Paris", "Paris", "FRA", 2988507},
		{"Bogota", "Bogotá", "COL", 0},
		{"Sana'a", "Sanaa", "YEM", 71137},
		{"Kiev", "Kyiv", "UKR", 703448},
		{"Washington", "Washington, D.C.", "USA", 4140963},
		{"New York", "New York City", "USA", 5128581},
		{"St. Petersburg", "Saint Petersburg", "RUS", 0},
		{"France", "France", "FRA", 0},
		{"Ivory Coast", "Ivory Coast", "CIV", 0},
		{"U.S.", "United States", "USA", 0},
		{"Britain", "United Kingdom", "GBR", 0},
		{"Texas", "Texas", "USA", 0},
		{"Idlib", "Idlib", "SYR", 169389},
		{"West Bank", "West Bank", "PSE", 0},
		{"Georgia", "Georgia", "GEO", 0},
	}
	for _, tt := range tests {
		got := g.Lookup(tt.name)
		if len(got) == 0 {
			t.Errorf("Lookup(%q) = none, want %s (%s)", tt.name, tt.wantFirst, tt.wantCountry)
			continue
		}
		p := got[0]
		if p.Name != tt.wantFirst || p.Country != tt.wantCountry || tt.wantID != 0 && p.GeoNamesID != tt.wantID {
			t.Errorf("Lookup(%q)[0] = %s %s %d, want %s %s %d", tt.name, p.Name, p.Country, p.GeoNamesID, tt.wantFirst, tt.wantCountry, tt.wantID)
		}
		if p.Lat == 0 && p.Lon == 0 {
			t.Errorf("Lookup(%q)[0] has no coordinates", tt.name)
		}
	}
	if got := g.Lookup("Nowhereville"); got != nil {
		t.Errorf("Lookup(Nowhereville) = %v, want nil", got)
	}
}

func TestResolvePrior(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		text        string
		prior       []string
		wantCountry string
		wantName    string
	}{
		{"They met in Paris.", nil, "FRA", "Paris"},
		{"They met in Paris.", []string{"FRA"}, "FRA", "Paris"},
		{"They met in Paris.", []string{"USA"}, "USA", "Paris"},
		{"They met in Paris.", []string{"DEU", "USA"}, "USA", "Paris"},
		{"They met in Tripoli.", nil, "LBY", "Tripoli"},
		{"They met in Tripoli.", []string{"LBN", "SYR"}, "LBN", "Tripoli"},
		{"They met in Moscow.", []string{"USA"}, "USA", "Moscow"},
		{"Troops entered Georgia.", []string{"USA"}, "USA", "Georgia"},
		{"Troops entered Georgia.", []string{"RUS"}, "GEO", "Georgia"},
		{"A rally in Paris, Texas drew crowds.", []string{"FRA"}, "USA", "Paris"},
		{"A blast in Tripoli, Lebanon killed two.", nil, "LBN", "Tripoli"},
	}
	for _, tt := range tests {
		ms := g.Find(tt.text)
		if len(ms) != 1 {
			t.Errorf("Find(%q) = %s, want one mention", tt.text, show(ms))
			continue
		}
		p := g.Resolve(ms[0], tt.prior)
		if p.Country != tt.wantCountry || p.Name != tt.wantName {
			t.Errorf("Resolve(%q, %v) = %s (%s), want %s (%s)", ms[0].Text, tt.prior, p.Name, p.Country, tt.wantName, tt.wantCountry)
		}
		if p.Span == nil || tt.text[p.Span.Start:p.Span.End] != p.Text {
			t.Errorf("Resolve(%q): span %v does not cover text %q", ms[0].Text, p.Span, p.Text)
		}
	}
}

func TestFind(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name string
		text string
		want []string // "Text/prep"
	}{
		{"City", "Leaders met in Tokyo on Monday.", []string{"Tokyo/in"}},
		{"Multiword", "Talks in Rio de Janeiro and Ho Chi Minh City ended.", []string{"Rio de Janeiro/in", "Ho Chi Minh City/in"}},
		{"Country", "North Korea fired missiles toward Japan.", []string{"North Korea/", "Japan/toward"}},
		{"Possessive", "Syria's army shelled Aleppo.", []string{"Syria/", "Aleppo/"}},
		// A possessive ends a name: the next capitalised word is not its
		// continuation ("California Riverside" is no name).
		{"PossessiveBeforeName", "In California's Riverside County, police spoke.", []string{"California/in", "Riverside/"}},
		{"Diacritics", "Protests in Bogotá and Bogota.", []string{"Bogotá/in", "Bogota/in"}},
		{"Abbreviation", "The U.S. envoy flew to Seoul.", []string{"U.S./", "Seoul/to"}},
		{"UsPronoun", "Us and them, he said.", nil},
		{"StopWords", "Most people found it nice. Police said the mobile units split.", nil},
		{"StopWordsSentenceStart", "Reading the report, Nice officials split.", nil},
		{"StopWordAfterIn", "A bomb exploded in Nice and at Split.", []string{"Nice/in", "Split/at"}},
		{"StopWordMobile", "A storm hit Mobile.", nil},
		{"LongerName", "The New York Times and the Washington Post reported it.", nil},
		{"PersonName", "President George Washington spoke.", nil},
		{"Modifier", "Fighting in northern Syria and Eastern Ukraine.", []string{"Syria/in", "Ukraine/"}},
		{"FollowerDay", "Rebels attacked in Kabul Tuesday.", []string{"Kabul/in"}},
		{"FollowerProvince", "Clashes in Idlib Province.", []string{"Idlib/in"}},
		{"Qualifier", "Storms in Paris, Texas.", []string{"Paris, Texas/in"}},
		{"NotQualifier", "Talks in Paris, Berlin and Rome.", []string{"Paris/in", "Berlin/in", "Rome/in"}},
		{"Lowercase", "a paris-style cafe in london.", nil},
		{"Region", "Fighting in the Gaza Strip and the West Bank.", []string{"Gaza Strip/in", "West Bank/"}},
		{"Coordinated", "Israeli forces raided Jenin and Nablus; clashes in Khan Younis and Rafah.", []string{"Jenin/", "Nablus/", "Khan Younis/in", "Rafah/in"}},
		{"LowerLastWord", "The attack in Deir ez-Zor province killed 12.", []string{"Deir ez-Zor/in"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := g.Find(tt.text)
			var got []string
			for _, m := range ms {
				got = append(got, m.Text+"/"+m.Prep)
				if tt.text[m.Span.Start:m.Span.End] != m.Text {
					t.Errorf("span %v covers %q, Text %q", m.Span, tt.text[m.Span.Start:m.Span.End], m.Text)
				}
			}
			if strings.Join(got, ";") != strings.Join(tt.want, ";") {
				t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func show(ms []places.Mention) string {
	var b strings.Builder
	b.WriteString("[")
	for i, m := range ms {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(m.Text)
	}
	b.WriteString("]")
	return b.String()
}

var _ = dyad.Place{}
