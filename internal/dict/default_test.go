package dict_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dict"
)

func mustDefault(tb testing.TB) (*dict.Dictionary, *dict.Index) {
	tb.Helper()
	d, err := dict.Default()
	if err != nil {
		tb.Fatalf("Default(): %v", err)
	}
	return d, d.Index()
}

// TestDefaultForms checks that news forms find the entry and code they
// should: name, adjective or capital.
func TestDefaultForms(t *testing.T) {
	_, x := mustDefault(t)
	tests := []struct {
		form string
		code string
		as   dict.Form
	}{
		{"United States", "USA", dict.FormName},
		{"U.S.", "USA", dict.FormName},
		{"US", "USA", dict.FormName},
		{"America", "USA", dict.FormName},
		{"American", "USA", dict.FormAdjective},
		{"Americans", "USA", dict.FormAdjective},
		{"Washington", "USA", dict.FormCapital},
		{"Britain", "GBR", dict.FormName},
		{"UK", "GBR", dict.FormName},
		{"British", "GBR", dict.FormAdjective},
		{"South Korea", "KOR", dict.FormName},
		{"South Korean", "KOR", dict.FormAdjective},
		{"North Korea", "PRK", dict.FormName},
		{"Seoul", "KOR", dict.FormCapital},
		{"Pyongyang", "PRK", dict.FormCapital},
		{"Beijing", "CHN", dict.FormCapital},
		{"Moscow", "RUS", dict.FormCapital},
		{"Tokyo", "JPN", dict.FormCapital},
		{"Japanese", "JPN", dict.FormAdjective},
		{"Kyiv", "UKR", dict.FormCapital},
		{"Kremlin", "RUSGOV", dict.FormName},
		{"White House", "USAGOV", dict.FormName},
		{"Pentagon", "USAMIL", dict.FormName},
		{"United Nations", "IGOUNO", dict.FormName},
		{"U.N.", "IGOUNO", dict.FormName},
		{"UN Security Council", "IGOUNOSEC", dict.FormName},
		{"General Assembly", "IGOUNOGAS", dict.FormName},
		{"UNHCR", "IGOUNOREFHCR", dict.FormName},
		{"WFP", "IGOUNOWFP", dict.FormName},
		{"World Health Organization", "IGOUNOHLHWHO", dict.FormName},
		{"UNICEF", "IGOUNOKID", dict.FormName},
		{"IAEA", "IGOUNOIAE", dict.FormName},
		{"European Union", "IGOEUREEC", dict.FormName},
		{"European Commission", "IGOEUREEC", dict.FormName},
		{"NATO", "IGOWSTNAT", dict.FormName},
		{"African Union", "IGOAFRAFU", dict.FormName},
		{"ASEAN", "IGOSEAASN", dict.FormName},
		{"Arab League", "IGOMEAARL", dict.FormName},
		{"OPEC", "IGOBUSOPC", dict.FormName},
		{"G7", "IGOGOS", dict.FormName},
		{"G20", "IGOBUSGTW", dict.FormName},
		{"IMF", "IGOUNOBUSIMF", dict.FormName},
		{"World Bank", "IGOUNODEVWBK", dict.FormName},
		{"WTO", "IGOBUSWTO", dict.FormName},
		{"International Criminal Court", "IGOJUDICC", dict.FormName},
		{"ICJ", "IGOUNOJUDICJ", dict.FormName},
		{"OSCE", "IGOEURSCE", dict.FormName},
		{"GCC", "IGOMEAGCC", dict.FormName},
		{"SCO", "IGOCASSCO", dict.FormName},
		{"BRICS", "IGOBRC", dict.FormName},
	}
	for _, tt := range tests {
		var got []string
		ok := false
		for _, e := range x.Actors(tt.form) {
			got = append(got, e.Actor.Code)
			ok = ok || (e.Actor.Code == tt.code && e.Form == tt.as)
		}
		if !ok {
			t.Errorf("Actors(%q) = %v, want %s as form %d", tt.form, got, tt.code, tt.as)
		}
	}
}

func TestDefaultAgents(t *testing.T) {
	_, x := mustDefault(t)
	tests := []struct{ form, code string }{
		{"minister", "GOV"}, {"ministers", "GOV"}, {"officials", "GOV"},
		{"foreign minister", "GOV"}, {"deputy foreign minister", "GOV"}, {"foreign ministry", "GOV"},
		{"defense minister", "GOVMIL"}, {"police", "COP"}, {"riot police", "COP"},
		{"security forces", "MIL"}, {"police officers", "COP"}, {"troops", "MIL"}, {"rebels", "REB"},
		{"protesters", "CVL"}, {"activists", "OPP"}, {"lawmakers", "LEG"}, {"court", "JUD"}, {"journalists", "MED"},
	}
	for _, tt := range tests {
		ags := x.Agents(tt.form)
		if len(ags) != 1 || ags[0].Code != tt.code {
			var got []string
			for _, a := range ags {
				got = append(got, a.Code)
			}
			t.Errorf("Agents(%q) = %v, want [%s]", tt.form, got, tt.code)
		}
	}
}

// TestDefaultPeople checks dated roles: a person is coded by the role in
// force on the day, and uncoded ("") outside every role.
func TestDefaultPeople(t *testing.T) {
	_, x := mustDefault(t)
	tests := []struct {
		name, country, on, code string
	}{
		{"Antony Blinken", "USA", "2016-03-01", "USAGOV"}, // Deputy Secretary of State
		{"Antony Blinken", "USA", "2019-06-01", ""},       // between offices
		{"Antony Blinken", "USA", "2024-03-01", "USAGOV"}, // Secretary of State
		{"Antony Blinken", "USA", "2025-06-01", ""},
		{"Shinsuke Sugiyama", "JPN", "2017-01-10", "JPNGOV"},
		{"Lim Sung-nam", "KOR", "2017-01-10", "KORGOV"},
		{"Barack Obama", "USA", "2012-05-01", "USAGOV"},
		{"Barack Obama", "USA", "2018-05-01", ""},
		{"Vladimir Putin", "RUS", "2024-01-01", "RUSGOV"},
		{"Xi Jinping", "CHN", "2020-01-01", "CHNGOV"},
		{"Sergey Lavrov", "RUS", "2020-01-01", "RUSGOV"},
		{"Wang Yi", "CHN", "2015-01-01", "CHNGOV"},
	}
	for _, tt := range tests {
		var p *dict.Actor
		for _, e := range x.Actors(tt.name) {
			if e.Actor.Kind == dict.Person && e.Actor.Country == tt.country {
				p = e.Actor
			}
		}
		if p == nil {
			t.Errorf("no person %q of %s", tt.name, tt.country)
			continue
		}
		on, _ := time.Parse("2006-01-02", tt.on)
		if got, r := p.CodeOn(on); got != tt.code {
			t.Errorf("%s.CodeOn(%s) = %q (role %+v), want %q", tt.name, tt.on, got, r, tt.code)
		}
	}
}

// TestDefaultSize guards against a data file silently emptied.
func TestDefaultSize(t *testing.T) {
	d, _ := mustDefault(t)
	count := map[dict.Kind]int{}
	for _, a := range d.Actors {
		count[a.Kind]++
	}
	min := map[dict.Kind]int{dict.Country: 300, dict.IGO: 60, dict.Group: 60, dict.Person: 2000}
	for k, n := range min {
		if count[k] < n {
			t.Errorf("%d %s entries, want at least %d", count[k], k, n)
		}
	}
	if len(d.Agents) < 30 {
		t.Errorf("%d agents, want at least 30", len(d.Agents))
	}
	t.Logf("actors by kind %v, agents %d, verbs %d", count, len(d.Agents), len(d.Verbs))
}

// TestDefaultSectors checks that every code's sectors are known ones.
func TestDefaultSectors(t *testing.T) {
	d, _ := mustDefault(t)
	for _, a := range d.Actors {
		for _, s := range a.Sectors {
			if _, ok := dict.Sectors[s]; !ok {
				t.Errorf("%s %s: unknown sector %s", a.Pos, a.Code, s)
			}
		}
		if strings.TrimSpace(a.Name) == "" {
			t.Errorf("%s: empty name", a.Pos)
		}
	}
}

func BenchmarkDefaultLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := dict.LoadFile("data"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIndex(b *testing.B) {
	d, _ := mustDefault(b)
	b.ReportAllocs()
	for b.Loop() {
		d.Index()
	}
}

// TestDefaultJoined checks that a person in both leaders.txt and
// ministers.txt is one entry with the roles of both.
func TestDefaultJoined(t *testing.T) {
	_, x := mustDefault(t)
	tests := []struct{ name, on, title string }{
		{"Dmitry Medvedev", "2010-01-01", "head of state"},
		{"Dmitry Medvedev", "2022-01-01", "Deputy Chairman of the Security Council"},
		{"Fumio Kishida", "2015-01-01", "Minister for Foreign Affairs"},
		{"Fumio Kishida", "2023-01-01", "head of government"},
		{"Joe Biden", "2012-01-01", "Vice President"},
	}
	for _, tt := range tests {
		var people []*dict.Actor
		for _, e := range x.Actors(tt.name) {
			if e.Actor.Kind == dict.Person {
				people = append(people, e.Actor)
			}
		}
		if len(people) != 1 {
			t.Errorf("Actors(%q): %d people, want 1", tt.name, len(people))
			continue
		}
		on, _ := time.Parse("2006-01-02", tt.on)
		_, r := people[0].CodeOn(on)
		if r == nil || r.Title != tt.title {
			t.Errorf("%s on %s: role %+v, want %q", tt.name, tt.on, r, tt.title)
		}
	}
}

func TestMergeLeavesDefaultAlone(t *testing.T) {
	def, _ := mustDefault(t)
	nAgents, nActors := len(def.Agents), len(def.Actors)
	police := strings.Join(def.Index().Agents("police")[0].Names, ",")
	mine, err := dict.Parse("mine", strings.NewReader("agent MIL police\ncountry USA United States\n\tname Uncle Sam\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := &dict.Dictionary{}
	d.Merge(def)
	d.Merge(mine)
	if got := d.Index().Agents("police"); len(got) != 1 || got[0].Code != "MIL" {
		t.Errorf("merged Agents(police) = %v, want MIL", got)
	}
	x := def.Index()
	if got := strings.Join(x.Agents("police")[0].Names, ","); got != police || x.Agents("police")[0].Code != "COP" {
		t.Errorf("Default changed by Merge: police is %s %q", x.Agents("police")[0].Code, got)
	}
	if len(x.Actors("Uncle Sam")) != 0 || len(def.Agents) != nAgents || len(def.Actors) != nActors {
		t.Errorf("Default changed by Merge")
	}
}

func TestDefaultConcurrent(t *testing.T) {
	done := make(chan *dict.Dictionary)
	for range 4 {
		go func() {
			d, _ := dict.Default()
			done <- d
		}()
	}
	first := <-done
	for range 3 {
		if d := <-done; d != first {
			t.Errorf("Default() returned two dictionaries")
		}
	}
}
