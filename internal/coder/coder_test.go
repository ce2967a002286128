package coder_test

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/dict"
)

const lexicon = `
verb 020 call on
verb 026 call on return to talk
verb 111 condemn
verb 190 attack
verb 040 meet
`

func mustCoder(tb testing.TB) *coder.Coder {
	tb.Helper()
	d, err := dict.Parse("test.txt", strings.NewReader(lexicon))
	if err != nil {
		tb.Fatal(err)
	}
	c, err := coder.New(d, coder.DefaultOptions())
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// load reads parsed sentences with their actors ("# actors = FIRST-LAST:CODE …",
// 0-based token indexes, '@' before a place) from a CoNLL-U file.
func load(tb testing.TB, path string) ([]dyad.Sentence, [][]dyad.Mention, string) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	css, err := conllu.Read(f, path)
	if err != nil {
		tb.Fatal(err)
	}
	var text strings.Builder
	var ss []dyad.Sentence
	var ms [][]dyad.Mention
	for i, cs := range css {
		s := dyad.Sentence{Index: i}
		start := text.Len()
		for k, w := range cs.Words {
			b := text.Len()
			text.WriteString(w.Form)
			s.Tokens = append(s.Tokens, dyad.Token{ID: w.ID, Text: w.Form, Lemma: w.Lemma, UPOS: w.UPOS, XPOS: w.XPOS,
				Head: w.Head, Rel: w.Rel, Span: dyad.Span{Start: b, End: text.Len()}})
			if cs.SpaceAfter(k) {
				text.WriteByte(' ')
			}
		}
		s.Span = dyad.Span{Start: start, End: text.Len()}
		text.WriteByte(' ')
		var sm []dyad.Mention
		spec, _ := cs.Comment("actors")
		for _, a := range strings.Fields(spec) {
			rng, code, _ := strings.Cut(a, ":")
			place := strings.HasPrefix(rng, "@")
			lo, hi, _ := strings.Cut(strings.TrimPrefix(rng, "@"), "-")
			first, _ := strconv.Atoi(lo)
			last, _ := strconv.Atoi(hi)
			act := dyad.Actor{Code: code, Country: code[:3]}
			for _, m := range strings.Split(code, "+") {
				if strings.Contains(code, "+") {
					act.Members, act.Country = append(act.Members, dyad.Actor{Code: m, Country: m[:3]}), ""
				}
			}
			act.Span = dyad.Span{Start: s.Tokens[first].Span.Start, End: s.Tokens[last].Span.End}
			sm = append(sm, dyad.Mention{Actor: act, First: first, Last: last, Place: place})
		}
		ss = append(ss, s)
		ms = append(ms, sm)
	}
	full := text.String()
	for i := range ss {
		ss[i].Text = full[ss[i].Span.Start:ss[i].Span.End]
	}
	return ss, ms, full
}

func TestCodeTree(t *testing.T) {
	c := mustCoder(t)
	ss, ms, text := load(t, "testdata/tree.conllu")
	doc := &dyad.Document{ID: "tree", Text: text}
	want := [][]string{
		{"026 CHN PRKGOV tree", "026 RUS PRKGOV tree"},
		{"111 IGOUNO PRK tree:passive"},
		{"190 CHN VNM tree"},
		{"111 FRE RUR tree:passive"}, // the parse hangs "by Freedonia" under "earlier"
		{"190 RUR LAK tree:place"},   // force falls on the place it is used in
		nil,                          // words do not: no target, no event
	}
	for i := range ss {
		var got []string
		for _, ev := range c.Code(doc, &ss[i], ms[i]) {
			rule, _, _ := strings.Cut(ev.Evidence.Rule, ":"+strings.ReplaceAll(strings.TrimPrefix(ev.Evidence.Pattern, "verb "+ev.CAMEO.Code+" "), " ", " "))
			got = append(got, fmt.Sprintf("%s %s %s %s", ev.CAMEO.Code, ev.Source.Code, ev.Target.Code, strings.TrimPrefix(rule, "verb:")))
		}
		sort.Strings(got)
		if strings.Join(got, "|") != strings.Join(want[i], "|") {
			t.Errorf("%q:\n got %q\nwant %q", ss[i].Text, got, want[i])
		}
	}
}

func TestOwnCodes(t *testing.T) {
	d, err := dict.Parse("own.txt", strings.NewReader("verb 903 frobnicate\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := coder.New(d, coder.DefaultOptions()); err == nil || !strings.Contains(err.Error(), "own.txt:1") {
		t.Fatalf("New with an unknown code: err=%v, want an error naming own.txt:1", err)
	}
	opts := coder.DefaultOptions()
	opts.OwnCodes = true
	c, err := coder.New(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	text := "Japan frobnicated China."
	s := dyad.Sentence{Text: text, Span: dyad.Span{End: len(text)}, Tokens: []dyad.Token{
		{ID: 1, Text: "Japan", Span: dyad.Span{Start: 0, End: 5}, Head: -1},
		{ID: 2, Text: "frobnicated", Span: dyad.Span{Start: 6, End: 17}, Head: -1},
		{ID: 3, Text: "China", Span: dyad.Span{Start: 18, End: 23}, Head: -1},
	}}
	ms := []dyad.Mention{
		{Actor: dyad.Actor{Code: "JPN", Country: "JPN"}, First: 0, Last: 0},
		{Actor: dyad.Actor{Code: "CHN", Country: "CHN"}, First: 2, Last: 2},
	}
	evs := c.Code(&dyad.Document{ID: "own", Text: text}, &s, ms)
	if len(evs) != 1 || evs[0].CAMEO.Code != "903" || evs[0].CAMEO.Root != "90" || evs[0].Source.Code != "JPN" {
		t.Fatalf("events = %+v, want one 903 JPN→CHN with root 90", evs)
	}
}
