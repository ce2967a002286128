package petrarch_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/dict/petrarch"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func mustRead(t *testing.T, file string, kind petrarch.FileKind) *petrarch.Set {
	t.Helper()
	s, err := petrarch.Read("testdata/"+file, kind)
	if err != nil {
		t.Fatalf("Read(%s): %v", file, err)
	}
	return s
}

func TestActors(t *testing.T) {
	s := mustRead(t, "actors.good.txt", petrarch.ActorFile)
	if got, want := join(names(s.Actors)), "ARNOR | GONDOR | GOLLUM | BOROMIR | FARAMIR | LORIEN | UNITED NATIONS"; got != want {
		t.Fatalf("names = %s, want %s", got, want)
	}
	g := s.Actors[2]
	if got, want := join(g.Synonyms), "SMEAGOL"; got != want {
		t.Errorf("Gollum synonyms = %s, want %s", got, want)
	}
	wantCodes := []petrarch.CodeBlock{
		{Code: "HOB", To: day("1995-05-31")},
		{Code: "HOBGOV", From: day("1995-06-01"), To: day("1999-08-15")},
		{Code: "HOBREB", From: day("1999-08-16")},
	}
	if len(g.Codes) != len(wantCodes) {
		t.Fatalf("Gollum codes = %v, want %v", g.Codes, wantCodes)
	}
	for i, w := range wantCodes {
		c := g.Codes[i]
		if c.Code != w.Code || !c.From.Equal(w.From) || !c.To.Equal(w.To) {
			t.Errorf("Gollum code %d = %s %v–%v, want %s %v–%v", i, c.Code, c.From, c.To, w.Code, w.From, w.To)
		}
	}
	if c := s.Actors[3].Codes[0]; c.Code != "" {
		t.Errorf("Boromir [---] code = %q, want the null code", c.Code)
	}
	if c := s.Actors[4].Codes[0]; c.Code != "GONGOV" || !c.From.Equal(day("2001-01-01")) || !c.To.IsZero() {
		t.Errorf("Faramir [GONGOV 20010101-] = %s %v–%v, want GONGOV from 2001-01-01, open", c.Code, c.From, c.To)
	}
	if c := s.Actors[5].Codes[0]; c.Code != "ELR" || join(c.Alts) != "GAL" {
		t.Errorf("Lorien [ELR/GAL] = %s + %v, want ELR + [GAL]", c.Code, c.Alts)
	}
	if p := s.Actors[0].Pos; p.Line != 3 || p.Col != 1 {
		t.Errorf("Arnor at %v, want line 3 col 1", p)
	}
}

func TestActorsToDict(t *testing.T) {
	d, rep := mustRead(t, "actors.good.txt", petrarch.ActorFile).Dictionary()
	by := map[string]*dict.Actor{}
	for _, a := range d.Actors {
		by[a.Name] = a
	}
	tests := []struct {
		name, on, code string
		kind           dict.Kind
	}{
		{"ARNOR", "2000-01-01", "ARN", dict.Country},
		{"GOLLUM", "1990-01-01", "HOB", dict.Person},
		{"GOLLUM", "1997-01-01", "HOBGOV", dict.Person},
		{"GOLLUM", "1999-08-15", "HOBGOV", dict.Person},
		{"GOLLUM", "2005-01-01", "HOBREB", dict.Person},
		{"BOROMIR", "2000-01-01", "", dict.Country},
		{"FARAMIR", "2000-12-31", "", dict.Person},
		{"FARAMIR", "2030-01-01", "GONGOV", dict.Person},
		{"UNITED NATIONS", "2000-01-01", "IGOUNO", dict.IGO},
	}
	for _, tc := range tests {
		a := by[tc.name]
		if a == nil {
			t.Fatalf("no actor %s in %v", tc.name, dump(d.Actors))
		}
		code, _ := a.CodeOn(day(tc.on))
		if code != tc.code || a.Kind != tc.kind {
			t.Errorf("%s on %s: %s %v, want %s %v", tc.name, tc.on, code, a.Kind, tc.code, tc.kind)
		}
	}
	if got, want := join(by["GONDOR"].Names), "GONDOR | MINAS TIRITH"; got != want {
		t.Errorf("Gondor names = %s, want %s", got, want)
	}
	if l := by["LORIEN"]; l == nil || l.Code != "ELR" || join(l.Also) != "GAL" {
		t.Errorf("LORIEN [ELR/GAL] = %v, want code ELR, also GAL", dump(l))
	}
	if len(rep.Lost) != 0 {
		t.Errorf("lost %v, want nothing", rep.Lost)
	}
}

func TestAgents(t *testing.T) {
	s := mustRead(t, "agents.good.txt", petrarch.AgentFile)
	var got []string
	for _, a := range s.Agents {
		pre := "~" + a.Code
		if a.Prefix {
			pre = a.Code + "~"
		}
		got = append(got, pre+" "+join(a.Forms()))
	}
	want := []string{
		"~COP POLICE",
		"~GOVFRM FOREIGN MINISTER | FOREIGN MINISTERS",
		"~JUD ATTORNEY GENERAL | ATTORNEYS GENERAL",
		"~LEG CONGRESSMAN | CONGRESSMEN",
		"~LEG CONGRESSWOMAN | CONGRESSWOMEN",
		"NGO~ HUMAN RIGHTS BODY | HUMAN RIGHTS BODIES",
		"~GOV AUTHORITY | AUTHORITIES",
	}
	if join(got) != join(want) {
		t.Errorf("agents:\n got %q\nwant %q", got, want)
	}
	d, rep := s.Dictionary()
	if rep.Agents != 7 || len(rep.Lost) != 0 {
		t.Errorf("report = %+v, want 7 agents and nothing lost", rep)
	}
	for _, a := range d.Agents {
		if a.Prefix != (a.Code == "NGO") {
			t.Errorf("agent %s: prefix %v, want it for NGO~ only", a.Code, a.Prefix)
		}
	}
}

func TestVerbs(t *testing.T) {
	v := mustRead(t, "verbs.good.txt", petrarch.VerbFile).Verbs[0]
	if got, want := len(v.Synsets), 2; got != want {
		t.Errorf("synsets = %d, want %d", got, want)
	}
	if got, want := join(v.Synsets["TIES"].Members), "MILITARY | &CURRENCY"; got != want {
		t.Errorf("&TIES = %s, want %s", got, want)
	}
	if len(v.Blocks) != 2 || len(v.Blocks[0].Patterns) != 4 || len(v.Blocks[1].Patterns) != 2 {
		t.Fatalf("blocks = %s, want RESTORE with 4 patterns and ARRIVE with 2", dump(v.Blocks))
	}
	r := v.Blocks[0]
	if f := r.Verbs[1]; join(f.Words) != "WIRE | TAP" || f.Verb != 0 {
		t.Errorf("+WIRE_TAP = %v verb %d, want WIRE TAP, verb 0", f.Words, f.Verb)
	}
	if post := r.Patterns[0].Post; len(post) != 2 || post[0].Tight || !post[1].Tight {
		t.Errorf("* DIPLOMATIC_TIES: post = %s, want DIPLOMATIC loose, TIES tight", dump(post))
	}
	p := r.Patterns[2] // - + WAS * TO $ [036]
	kinds := func(es []petrarch.Elem) (out []string) {
		for _, e := range es {
			out = append(out, e.Kind.String()+":"+e.Text)
		}
		return out
	}
	if got, want := join(kinds(p.Pre))+" * "+join(kinds(p.Post)), "target: | word:WAS * word:TO | source:"; got != want {
		t.Errorf("pattern %q = %s, want %s", p.Text, got, want)
	}
	a := v.Blocks[1]
	if a.Code != (petrarch.Code{Event: "032", Reverse: "033"}) {
		t.Errorf("ARRIVE code = %v, want 032:033", a.Code)
	}
	ph := a.Patterns[0].Post[0]
	if ph.Kind != petrarch.Phrase || len(ph.Sub) != 2 || ph.Sub[1].Kind != petrarch.NounPhrase || a.Patterns[0].Note != "ARRIVE" {
		t.Errorf("(IN {CAPITAL CITY}) = %s note %q, want a phrase holding a noun phrase, note ARRIVE", dump(ph), a.Patterns[0].Note)
	}
	if len(v.Transforms) != 1 || v.Transforms[0].Right != "a b 112" {
		t.Errorf("transforms = %s, want one with right side \"a b 112\"", dump(v.Transforms))
	}
}

func TestVerbsToDict(t *testing.T) {
	d, rep := mustRead(t, "verbs.good.txt", petrarch.VerbFile).Dictionary()
	var got []string
	for _, v := range d.Verbs {
		code := v.Code
		if v.Reverse != "" {
			code += ":" + v.Reverse
		}
		got = append(got, code+" "+v.Pattern())
	}
	want := []string{
		"064 restore", "064 wire tap",
		"064 restore diplomatic_ties", "064 wire tap diplomatic_ties",
		"063 restore military ties", "063 restore dollars ties", "063 restore swiss francs ties",
		"063 wire tap military ties", "063 wire tap dollars ties", "063 wire tap swiss francs ties",
		"036 + was restore to $", "036 + was wire tap to $",
		"032:033 arrive", "042:043 arrive in capital city", ":173 arrive at",
	}
	if join(sorted(got)) != join(sorted(want)) {
		t.Errorf("verbs:\n got %q\nwant %q", sorted(got), sorted(want))
	}
	if len(rep.Lost) != 0 {
		t.Errorf("lost %v, want nothing", rep.Lost)
	}
}

// TestPatternsToDict checks how words before the verb, '_', actor
// positions and paired codes convert.
func TestPatternsToDict(t *testing.T) {
	src := `&NEVER
+NOT EVER
+NEVER

--- SPURN [125:126] ---
SPURN
PULL_+BACK_FROM [035]
- &NEVER * OFFER [126]
- SO_VERY_* [127]
- % HAVE * [128]
- $ ^ BY * [129]
- + * OVER ^ ^ $ [130]
- * (WITH {+ ALLIES}) [131]
- $ + * [132]
- * + $ [133]
`
	v, err := petrarch.ParseVerbs("mine.verbs.txt", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	d, rep := (&petrarch.Set{Verbs: []*petrarch.Verbs{v}}).Dictionary()
	var got []string
	for _, e := range d.Verbs {
		got = append(got, e.Code+":"+e.Reverse+" "+e.Pattern())
	}
	want := []string{
		"125:126 spurn", "035: pull_back from",
		"126: not ever spurn offer", "126: never spurn offer", "126: not ever pull_back from offer", "126: never pull_back from offer",
		"127: so_very_spurn", "127: so_very_pull_back from",
		"128: % have spurn", "128: % have pull_back from",
		"129: $ ^ by spurn", "129: $ ^ by pull_back from",
		"130: + spurn over ^ ^ $", "130: + pull_back from over ^ ^ $",
		"131: spurn with + allies", "131: pull_back from with + allies",
		"132: $ + spurn", "132: $ + pull_back from",
		"133: spurn + $", "133: pull_back from + $",
	}
	if join(got) != join(want) {
		t.Errorf("verbs:\n got %q\nwant %q", got, want)
	}
	if len(rep.Lost) != 0 {
		t.Errorf("lost %v, want nothing", rep.Lost)
	}
	e := d.Verbs[len(d.Verbs)-4] // $ + spurn
	if e.SourceAt != -1 || e.TargetAt != -1 || e.SourceSkip != 1 || e.TargetSkip != 0 {
		t.Errorf("$ + *: source at %d skipping %d, target at %d skipping %d, want both before the verb, the source past the target",
			e.SourceAt, e.SourceSkip, e.TargetAt, e.TargetSkip)
	}
	if e := d.Verbs[2]; len(e.Before) != 2 || e.Tight != nil || e.Reverse != "" {
		t.Errorf("&NEVER * OFFER: before %q, tight %v, reverse %q; want [not ever], none, none", e.Before, e.Tight, e.Reverse)
	}
}

// TestHeadsToDict checks that a block's one-word verbs share their
// patterns' entries (dict.Verb.Heads), and that a pattern said before
// under one head keeps the first code for it.
func TestHeadsToDict(t *testing.T) {
	src := `--- HASTEN [042] ---
HASTEN
RUSH
+SPEED_UP
- * TALKS [043]

--- RUSH [010] ---
RUSH
- * TALKS [044]
- * AID [045]
`
	v, err := petrarch.ParseVerbs("mine.verbs.txt", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	d, rep := (&petrarch.Set{Verbs: []*petrarch.Verbs{v}}).Dictionary()
	var got []string
	for _, e := range d.Verbs {
		got = append(got, e.Code+" "+e.Pattern())
	}
	want := []string{"042 hasten", "042 rush", "042 speed up", "043 hasten|rush talks", "043 speed up talks", "045 rush aid"}
	if join(got) != join(want) {
		t.Errorf("verbs:\n got %q\nwant %q", got, want)
	}
	if n := rep.Lost["entries equal to an earlier one once converted, with another code (first kept)"]; n != 2 {
		t.Errorf("lost %v, want 2 entries said before (rush, rush talks)", rep.Lost)
	}
}

func TestDiscards(t *testing.T) {
	s := mustRead(t, "discards.good.txt", petrarch.DiscardFile)
	x := petrarch.NewDiscards(s.Discards)
	tests := []struct {
		text   string
		phrase string
		story  bool
	}{
		{"Months later, the talks resumed.", "MONTHS LATER", false},
		{"Brazil won the World Cup final.", "WORLD CUP", true},
		{"The worldcup is not a phrase here.", "", false},
		{"He spent months in later years.", "", false},
	}
	for _, tc := range tests {
		d, ok := x.Match(tc.text)
		if ok != (tc.phrase != "") || d.Phrase != tc.phrase || d.Story != tc.story {
			t.Errorf("Match(%q) = %q story=%v ok=%v, want %q story=%v", tc.text, d.Phrase, d.Story, ok, tc.phrase, tc.story)
		}
	}
}

func TestIssues(t *testing.T) {
	s := mustRead(t, "issues.good.txt", petrarch.IssueFile)
	var got []string
	for _, is := range s.Issues {
		x := ""
		if is.Exclude {
			x = "~"
		}
		got = append(got, is.Category+":"+x+is.Phrase+"="+is.Code)
	}
	want := "EDUCATION:n:teacher=TEACHERS | EDUCATION:n:educator=TEACHERS | EDUCATION:~financial literacy= | :higher education=POSTSECONDARY | KIDNAP:v:abduct=KIDNAP"
	if join(got) != want {
		t.Errorf("issues = %s, want %s", join(got), want)
	}
}
