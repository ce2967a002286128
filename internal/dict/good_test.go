package dict_test

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dict"
)

func mustParseFile(tb testing.TB, path string) *dict.Dictionary {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	d, err := dict.Parse(path, f)
	if err != nil {
		tb.Fatalf("Parse(%s): %v", path, err)
	}
	return d
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err) // test data only
	}
	return t
}

func TestParseGood(t *testing.T) {
	d := mustParseFile(t, "testdata/ok.good.txt")
	if got, want := len(d.Actors), 6; got != want {
		t.Fatalf("len(Actors)=%d, want %d", got, want)
	}
	arn := d.Actors[0]
	want := &dict.Actor{
		Code: "ARN", Kind: dict.Country, Country: "ARN", Name: "Arnor",
		Names:      []string{"Arnor", "Kingdom of Arnor", "the North Kingdom"},
		Adjectives: []string{"Arnorian", "Arnorians", "Dunedain"},
		Capitals:   []string{"Fornost", "Annuminas"},
		Pos:        dict.Pos{File: "testdata/ok.good.txt", Line: 3, Col: 1},
	}
	if !reflect.DeepEqual(arn, want) {
		t.Errorf("Actors[0]:\n got %+v\nwant %+v", arn, want)
	}
	tests := []struct {
		i                   int
		kind                dict.Kind
		code, country, name string
		sectors             string
		names               string
	}{
		{1, dict.Country, "ARNGOV", "ARN", "Fornost council", "GOV", "Fornost council|northern council"},
		{2, dict.IGO, "IGOFEL", "IGOFEL", "Fellowship", "", "Fellowship|Company of the Ring"},
		{3, dict.Group, "ARNREBORC", "ARN", "Orc bands", "REB|CRM", "Orc bands|orc|orcs"},
		{4, dict.Person, "ARNELI", "ARN", "Aragorn", "ELI", "Aragorn|Strider|Elessar"},
		{5, dict.Person, "", "GON", "Boromir", "", "Boromir"},
	}
	for _, tt := range tests {
		a := d.Actors[tt.i]
		got := []string{a.Kind.String(), a.Code, a.Country, a.Name, strings.Join(a.Sectors, "|"), strings.Join(a.Names, "|")}
		want := []string{tt.kind.String(), tt.code, tt.country, tt.name, tt.sectors, tt.names}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Actors[%d] = %q, want %q", tt.i, got, want)
		}
	}
	roles := d.Actors[4].Roles
	wantRoles := []dict.Role{
		{Code: "ARNGOV", Title: "King", From: date("3019-03-25")},
		{Code: "GONGOV", Title: "King of Gondor", From: date("3019-05-01"), To: date("3120-12-31")},
	}
	if !reflect.DeepEqual(roles, wantRoles) {
		t.Errorf("Aragorn roles:\n got %+v\nwant %+v", roles, wantRoles)
	}
	var agents []string
	for _, a := range d.Agents {
		agents = append(agents, a.Code+":"+strings.Join(a.Names, ","))
	}
	if got, want := strings.Join(agents, " "), "GOV:steward,stewards,councillor,councillors,lord,lords COP:ranger,rangers"; got != want {
		t.Errorf("agents = %q, want %q", got, want)
	}
	var verbs []string
	for _, v := range d.Verbs {
		verbs = append(verbs, v.Kind+" "+v.Code+" "+strings.Join(v.Words, "_"))
	}
	if got, want := strings.Join(verbs, "|"), "verb 036 meet_with|verb 036 meet|noun 163 sanction_against"; got != want {
		t.Errorf("verbs = %q, want %q", got, want)
	}
}

func TestCodeOn(t *testing.T) {
	d := mustParseFile(t, "testdata/ok.good.txt")
	aragorn, boromir := d.Actors[4], d.Actors[5]
	tests := []struct {
		name  string
		a     *dict.Actor
		on    time.Time
		code  string
		title string
	}{
		{"BeforeAllRoles", aragorn, date("3018-01-01"), "ARNELI", ""},
		{"FirstDay", aragorn, date("3019-03-25"), "ARNGOV", "King"},
		{"OpenEnded", aragorn, date("3019-04-30"), "ARNGOV", "King"},
		{"OverlapLatestStartWins", aragorn, date("3019-05-01"), "GONGOV", "King of Gondor"},
		{"YearEndInclusive", aragorn, time.Date(3120, 12, 31, 23, 59, 0, 0, time.UTC), "GONGOV", "King of Gondor"},
		{"AfterClosedRole", aragorn, date("3121-01-01"), "ARNGOV", "King"},
		{"ZeroTimeLatestRole", aragorn, time.Time{}, "GONGOV", "King of Gondor"},
		{"YearStart", boromir, date("3018-01-01"), "GONMIL", "Captain of the White Tower"},
		{"LastDay", boromir, date("3019-02-26"), "GONMIL", "Captain of the White Tower"},
		{"DayAfter", boromir, date("3019-02-27"), "", ""},
		{"TimeZoneUsesUTCDay", boromir, time.Date(3019, 2, 27, 1, 0, 0, 0, time.FixedZone("X", 3*3600)), "GONMIL", "Captain of the White Tower"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, role := tt.a.CodeOn(tt.on)
			title := ""
			if role != nil {
				title = role.Title
			}
			if code != tt.code || title != tt.title {
				t.Errorf("%s.CodeOn(%s) = %q, %q; want %q, %q", tt.a.Name, tt.on, code, title, tt.code, tt.title)
			}
		})
	}
}

// TestDiedInOffice: from the day a person died in office, the role they
// died in stays theirs; before it, their roles work as for the living.
func TestDiedInOffice(t *testing.T) {
	d, err := dict.Parse("died", strings.NewReader("person - Theoden\n\trole ROHGOV 2980 3019-03-15 King of Rohan\n\tdied 3019-03-15\n"+
		"person - Denethor\n\trole GONGOV 2984 3019-03-14 Steward\n"))
	if err != nil {
		t.Fatal(err)
	}
	theoden, denethor := d.Actors[0], d.Actors[1]
	for _, tt := range []struct {
		a        *dict.Actor
		on, code string
	}{
		{theoden, "2979-12-31", ""},
		{theoden, "3000-01-01", "ROHGOV"},
		{theoden, "3019-03-15", "ROHGOV"},
		{theoden, "3019-03-20", "ROHGOV"},
		{theoden, "3050-01-01", "ROHGOV"},
		{denethor, "3019-03-20", ""}, // no death recorded: out of office
	} {
		if got, _ := tt.a.CodeOn(date(tt.on)); got != tt.code {
			t.Errorf("%s.CodeOn(%s) = %q, want %q", tt.a.Name, tt.on, got, tt.code)
		}
	}
	if !theoden.Died.Equal(date("3019-03-15")) || !denethor.Died.IsZero() {
		t.Errorf("Died = %v, %v", theoden.Died, denethor.Died)
	}
}

func TestMerge(t *testing.T) {
	base, err := dict.Parse("base", strings.NewReader(
		"country FRA France\n\tname French Republic\nagent GOV officials; police\nagent COP gendarmes\nverb 036 meet\n"))
	if err != nil {
		t.Fatal(err)
	}
	over, err := dict.Parse("over", strings.NewReader(
		"country FRA France\n\tname Hexagon\ncountry DEU Germany\nagent COP police\nverb 040 meet\n"))
	if err != nil {
		t.Fatal(err)
	}
	base.Merge(over)
	var got []string
	for _, a := range base.Actors {
		got = append(got, a.Code+"="+strings.Join(a.Names, ","))
	}
	for _, a := range base.Agents {
		got = append(got, a.Code+"="+strings.Join(a.Names, ","))
	}
	for _, v := range base.Verbs {
		got = append(got, v.Code+"="+strings.Join(v.Words, " "))
	}
	want := "FRA=France,Hexagon DEU=Germany GOV=officials COP=gendarmes,police 040=meet"
	if strings.Join(got, " ") != want {
		t.Errorf("after Merge:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestIndex(t *testing.T) {
	d := mustParseFile(t, "testdata/ok.good.txt")
	x := d.Index()
	tests := []struct {
		form, want string
	}{
		{"ARNOR", "ARN/0"},
		{"kingdom  of\tarnor", "ARN/0"},
		{"Arnorians", "ARN/1"},
		{"Fornost", "ARN/2"},
		{"fornost council", "ARNGOV/0"},
		{"Orcs", "ARNREBORC/0"},
		{"Gondor", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range x.Actors(tt.form) {
			got = append(got, e.Actor.Code+"/"+string(rune('0'+e.Form)))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Actors(%q) = %q, want %q", tt.form, got, tt.want)
		}
	}
	if got := x.Agents("Rangers"); len(got) != 1 || got[0].Code != "COP" {
		t.Errorf("Agents(Rangers) = %v, want COP", got)
	}
	if got := x.Verbs("meet with"); len(got) != 1 || got[0].Code != "036" {
		t.Errorf("Verbs(meet with) = %v, want 036", got)
	}
	if got, want := x.MaxWords(), 4; got != want { // "Company of the Ring"
		t.Errorf("MaxWords() = %d, want %d", got, want)
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  U.S.  ", "u.s."},
		{"Côte d’Ivoire", "côte d'ivoire"},
		{"Guinea\u2013Bissau", "guinea-bissau"},
		{"South\n Korea", "south korea"},
	}
	for _, tt := range tests {
		if got := dict.Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, p := range []string{"testdata/ok.good.txt", "testdata/errors.bad.txt", "data/igos.txt"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("person - X\n\trole USAGOV 2020 - t\n")
	f.Fuzz(func(t *testing.T, src string) {
		d, err := dict.Parse("fuzz", strings.NewReader(src))
		if d == nil {
			t.Fatalf("Parse returned a nil Dictionary (err %v)", err)
		}
		lines := strings.Count(src, "\n") + 1
		if list, ok := err.(dict.ErrorList); ok {
			for _, e := range list {
				if e.Pos.Line < 1 || e.Pos.Line > lines+1 || e.Pos.Col < 1 {
					t.Fatalf("error %v out of range for %d lines", e, lines)
				}
			}
		}
		for _, a := range d.Actors {
			if len(a.Names) == 0 || a.Name == "" {
				t.Fatalf("actor %+v has no name", a)
			}
			a.CodeOn(time.Now())
		}
		d.Index()
	})
}

func TestMergePerson(t *testing.T) {
	a, err := dict.Parse("gen", strings.NewReader("person - Fumio Kishida\n\trole JPNGOV 2021-10-04 2024-10-01 head of government\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := dict.Parse("hand", strings.NewReader("person - Fumio Kishida\n\tname Kishida\n\trole JPNGOV 2012-12-26 2017-08-03 Minister for Foreign Affairs\n"))
	if err != nil {
		t.Fatal(err)
	}
	a.Merge(b)
	if len(a.Actors) != 1 {
		t.Fatalf("got %d actors, want 1", len(a.Actors))
	}
	k := a.Actors[0]
	if got, want := strings.Join(k.Names, "|"), "Fumio Kishida|Kishida"; got != want {
		t.Errorf("Names = %q, want %q", got, want)
	}
	for _, tt := range []struct{ on, title string }{
		{"2015-01-01", "Minister for Foreign Affairs"},
		{"2022-01-01", "head of government"},
		{"2019-01-01", ""},
	} {
		_, r := k.CodeOn(date(tt.on))
		got := ""
		if r != nil {
			got = r.Title
		}
		if got != tt.title {
			t.Errorf("CodeOn(%s) role %q, want %q", tt.on, got, tt.title)
		}
	}
}
