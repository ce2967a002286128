package petrarch_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/dict/petrarch"
)

// FuzzParse feeds the same bytes to every reader: none may panic, and
// every error must point inside the input.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"ARNOR [ARN]\n+ARNORIAN\n\t[ARNGOV 950101-991231]\n",
		"!P! = MAN, MEN\nCONGRESS!P! {} [~LEG]\nBODY [NGO~]\n",
		"&S\n+A_B\n--- V [036] ---\nV {VS}\n- $ * (TO {&S X}) + [042:043] # V\n~ a (b . V) SAY = a b 1\n",
		"<ISSUE CATEGORY=\"E\" TYPE=\"ALL\">\nn:x [X]\ny\n~z\n</ISSUE>\n",
		"+STORY\nSENTENCE WORDS\n<!-- open comment\n",
		"- * ((({{[", "[[[", "--- [ ---", "&_\n+&_", "X [A <9]", "!!=,",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Count(src, "\n") + 1
		check := func(kind string, err error) {
			var list dict.ErrorList
			if err == nil {
				return
			}
			if !errors.As(err, &list) {
				t.Fatalf("%s: error %v is not a dict.ErrorList", kind, err)
			}
			for _, e := range list {
				if e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 {
					t.Fatalf("%s: error %v outside the input (%d lines)", kind, e, lines)
				}
			}
		}
		_, err := petrarch.ParseActors("f", strings.NewReader(src))
		check("actors", err)
		_, err = petrarch.ParseAgents("f", strings.NewReader(src))
		check("agents", err)
		v, err := petrarch.ParseVerbs("f", strings.NewReader(src))
		check("verbs", err)
		_, err = petrarch.ParseDiscards("f", strings.NewReader(src))
		check("discards", err)
		_, err = petrarch.ParseIssues("f", strings.NewReader(src))
		check("issues", err)
		s := &petrarch.Set{Verbs: []*petrarch.Verbs{v}}
		s.Dictionary()
	})
}
