package train

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/eval"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// TestMentionsLearn trains the recogniser on a small made-up set whose
// sources are words no dictionary knows ("the zorblers", always rebels in
// the coders' eyes) and finds them, coded REB, in sentences it never saw.
func TestMentionsLearn(t *testing.T) {
	opts := pipeline.DefaultOptions()
	p, err := pipeline.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	verbs := []string{"attacked", "shelled", "raided", "ambushed", "besieged"}
	places := []string{"France", "Germany", "Japan", "Kenya", "Canada", "Mexico", "Brazil", "Chile"}
	var lines []string
	for i, v := range verbs {
		for j, c := range places {
			s1 := fmt.Sprintf("The zorblers %s %s on Monday.", v, c)
			s2 := fmt.Sprintf("The weather in %s was mild.", c)
			story := fmt.Sprintf("s:%d", i*len(places)+j)
			lines = append(lines,
				silverLine(story, 0, 0, s1, "190", v, "The zorblers", "", c, ""),
				silverLine(story, 1, len(s1)+1, s2, "", "", "", "", "", ""))
		}
	}
	for i := 0; i < len(lines); i += 2 { // the source's role
		lines[i] = strings.Replace(lines[i], `"role": ""`, `"role": "REB"`, 1)
	}
	stories, err := eval.ReadSilver(writeTemp(t, strings.Join(lines, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	var read []MentionStory
	for i := range stories {
		sents, ms := p.Mentions(stories[i].Doc)
		read = append(read, MentionStory{Story: &stories[i], Sents: sents, Mentions: ms})
	}
	opt := DefaultMentionOptions()
	mm, err := Mentions(p.RuleMatcher(), read, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(mm.Roles, ","), "zorbler REB") && !strings.Contains(strings.Join(mm.Roles, ","), "zorblers REB") {
		t.Errorf("roles %q: want the zorblers as REB", mm.Roles)
	}
	m := p.RuleMatcher().WithRecogniser(actor.NewRecogniser(mm))
	st, err := eval.ReadSilver(writeTemp(t, silverLine("held", 0, 0, "The zorblers fired on Italy.", "", "", "", "", "", "")))
	if err != nil {
		t.Fatal(err)
	}
	sents, _ := p.Mentions(st[0].Doc)
	var got []string
	for i := range sents {
		for _, mn := range m.Find(st[0].Doc.Text, &sents[i], st[0].Doc.Date) {
			got = append(got, mn.Code+":"+mn.Text)
		}
	}
	if want := "REB:The zorblers,ITA:Italy"; strings.Join(got, ",") != want {
		t.Errorf("mentions %q, want %q", strings.Join(got, ","), want)
	}
}

func TestMentionsNoSentences(t *testing.T) {
	if _, err := Mentions(nil, nil, DefaultMentionOptions()); err == nil {
		t.Error("no stories: want an error")
	}
}
