package server

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// ev builds an event whose sentence starts at document offset off.
func ev(text string, off int, src, verb, tgt string, at [3]int) *dyad.Event {
	span := func(i int, s string) dyad.Span {
		if i < 0 {
			return dyad.Span{}
		}
		return dyad.Span{Start: off + i, End: off + i + len(s)}
	}
	return &dyad.Event{Text: text,
		Source:   dyad.Actor{Text: src, Span: span(at[0], src)},
		Target:   dyad.Actor{Text: tgt, Span: span(at[2], tgt)},
		Evidence: dyad.Evidence{Verb: verb, VerbSpan: span(at[1], verb)},
	}
}

func TestMarks(t *testing.T) {
	tests := []struct {
		name string
		ev   *dyad.Event
		want string // highlight output
	}{
		{"Simple", ev("Russia attacked Ukraine.", 100, "Russia", "attacked", "Ukraine", [3]int{0, 7, 16}),
			`<mark class="source" title="source">Russia</mark> <mark class="verb" title="verb">attacked</mark> <mark class="target" title="target">Ukraine</mark>.`},
		// The verb occurs twice; the spans pick the second.
		{"RepeatedWord", ev("Talks failed; Iran met Iraq after talks.", 7, "Iran", "talks", "Iraq", [3]int{14, 34, 23}),
			`Talks failed; <mark class="source" title="source">Iran</mark> met <mark class="target" title="target">Iraq</mark> after <mark class="verb" title="verb">talks</mark>.`},
		{"SpansOff", ev("Chad & Sudan <signed> a deal.", 0, "Chad", "<signed>", "Sudan", [3]int{50, 60, 70}),
			`<mark class="source" title="source">Chad</mark> &amp; <mark class="target" title="target">Sudan</mark> <mark class="verb" title="verb">&lt;signed&gt;</mark> a deal.`},
		{"Missing", ev("Nobody did anything.", 0, "", "met", "", [3]int{-1, -1, -1}), `Nobody did anything.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(highlight(view(tt.ev))); got != tt.want {
				t.Errorf("highlight(%q)\n got %s\nwant %s", tt.ev.Text, got, tt.want)
			}
		})
	}
}

var tags = regexp.MustCompile(`<[^>]*>`)

// FuzzHighlight holds that highlighting never panics and only adds marks:
// without its tags the output is the escaped sentence.
func FuzzHighlight(f *testing.F) {
	f.Add("Russia attacked Ukraine.", "Russia", "attacked", "Ukraine", 100, 7, 16)
	f.Add("a a a", "a", "a", "a", 0, 2, 4)
	f.Add("", "x", "", "y", -5, 3, 1)
	f.Fuzz(func(t *testing.T, text, src, verb, tgt string, s, v, g int) {
		e := &dyad.Event{Text: text,
			Source:   dyad.Actor{Text: src, Span: dyad.Span{Start: s, End: s + len(src)}},
			Target:   dyad.Actor{Text: tgt, Span: dyad.Span{Start: g, End: g + len(tgt)}},
			Evidence: dyad.Evidence{Verb: verb, VerbSpan: dyad.Span{Start: v, End: v + len(verb)}},
		}
		out := string(highlight(view(e)))
		want := strings.ReplaceAll(text, "\x00", "\uFFFD") // html/template's escaping of NUL
		if got := html.UnescapeString(tags.ReplaceAllString(out, "")); got != want {
			t.Fatalf("highlight(%q) = %q; text without marks %q", text, out, got)
		}
	})
}
