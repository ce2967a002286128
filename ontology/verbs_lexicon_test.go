package ontology_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/ontology"
)

// verbsFile is the default verb lexicon, in the same repository.
var verbsFile = filepath.Join("..", "internal", "dict", "data", "verbs.txt")

// lexEntry is one line of the verb lexicon.
type lexEntry struct {
	pos   string // file:line
	kind  string
	code  string
	words []string
}

// readLexicon reads verbsFile and returns its entries and a message for
// every malformed line, each naming file:line:col.
func readLexicon(t *testing.T) ([]lexEntry, []string) {
	t.Helper()
	f, err := os.Open(verbsFile)
	if err != nil {
		t.Fatalf("open verb lexicon: %v", err)
	}
	defer f.Close()
	var out []lexEntry
	var errs []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		e, msg := parseLexLine(sc.Text(), fmt.Sprintf("%s:%d", verbsFile, n))
		switch {
		case msg != "":
			errs = append(errs, msg)
		case e.kind != "":
			out = append(out, e)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read verb lexicon: %v", err)
	}
	return out, errs
}

// parseLexLine checks one line. An empty entry and message mean a blank or
// comment line.
func parseLexLine(line, pos string) (lexEntry, string) {
	if i := commentAt(line); i >= 0 {
		line = line[:i]
	}
	if strings.TrimSpace(line) == "" {
		return lexEntry{}, ""
	}
	f := strings.Fields(line)
	col := func(i int) int { return strings.Index(line, f[i]) + 1 }
	switch {
	case f[0] != "verb" && f[0] != "noun":
		return lexEntry{}, fmt.Sprintf("%s:%d: kind %q, want verb or noun", pos, col(0), f[0])
	case len(f) < 3:
		return lexEntry{}, fmt.Sprintf("%s:%d: want KIND CODE PATTERN, got %q", pos, col(0), line)
	case !ontology.Known(f[1]):
		return lexEntry{}, fmt.Sprintf("%s:%d: unknown CAMEO code %q", pos, col(1), f[1])
	case len(f)-2 > 4:
		return lexEntry{}, fmt.Sprintf("%s:%d: pattern %q has %d words, want 1 to 4", pos, col(2), strings.Join(f[2:], " "), len(f)-2)
	}
	for i, w := range f[2:] {
		if !isLemma(w) {
			return lexEntry{}, fmt.Sprintf("%s:%d: word %q, want a lower-case lemma", pos, col(i+2), w)
		}
	}
	return lexEntry{pos: pos, kind: f[0], code: f[1], words: f[2:]}, ""
}

// commentAt returns where a '#' comment starts in line, or -1: at the start
// or after white space.
func commentAt(line string) int {
	for i := 0; i < len(line); i++ {
		if line[i] == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			return i
		}
	}
	return -1
}

// isLemma reports whether w is lower-case letters with inner hyphens or
// apostrophes.
func isLemma(w string) bool {
	for i, r := range w {
		switch {
		case r >= 'a' && r <= 'z':
		case (r == '-' || r == '\'') && i > 0 && i < len(w)-1:
		default:
			return false
		}
	}
	return w != ""
}

func TestVerbLexicon_Format(t *testing.T) {
	entries, errs := readLexicon(t)
	for _, msg := range errs {
		t.Error(msg)
	}
	seen := map[string]lexEntry{}
	for _, e := range entries {
		key := e.kind + " " + strings.Join(e.words, " ")
		if old, dup := seen[key]; dup {
			t.Errorf("%s: %s coded again (%s, first %s at %s)", e.pos, key, e.code, old.code, old.pos)
			continue
		}
		seen[key] = e
	}
	t.Logf("%s: %d entries", verbsFile, len(entries))
}

func TestVerbLexicon_CoversEveryCode(t *testing.T) {
	entries, _ := readLexicon(t)
	count := map[string]int{}
	for _, e := range entries {
		count[e.code]++
	}
	for _, c := range ontology.Codes() {
		if count[c.Code] == 0 {
			t.Errorf("%s: no entry for CAMEO %s (%s)", verbsFile, c.Code, c.Name)
		}
	}
}

// TestVerbLexicon_CommonVerbs checks that the verbs news uses most stand
// alone in the lexicon, under the right root.
func TestVerbLexicon_CommonVerbs(t *testing.T) {
	entries, _ := readLexicon(t)
	single := map[string]string{} // "verb meet" → code
	for _, e := range entries {
		if len(e.words) == 1 {
			single[e.kind+" "+e.words[0]] = e.code
		}
	}
	tests := []struct{ entry, root string }{
		{"verb meet", "04"}, {"verb visit", "04"}, {"verb host", "04"}, {"verb negotiate", "04"},
		{"verb mediate", "04"}, {"noun talk", "04"}, {"noun meeting", "04"},
		{"verb urge", "02"}, {"verb appeal", "02"},
		{"verb promise", "03"}, {"verb vow", "03"}, {"verb pledge", "03"}, {"verb agree", "03"},
		{"verb praise", "05"}, {"verb support", "05"}, {"verb sign", "05"}, {"verb welcome", "04"},
		{"verb help", "07"}, {"verb aid", "07"},
		{"verb investigate", "09"},
		{"verb demand", "10"},
		{"verb accuse", "11"}, {"verb criticize", "11"}, {"verb criticise", "11"}, {"verb condemn", "11"},
		{"verb deny", "01"}, {"verb reject", "12"}, {"verb warn", "13"}, {"verb threaten", "13"},
		{"verb protest", "14"}, {"verb mobilize", "15"},
		{"verb sanction", "16"}, {"verb expel", "16"},
		{"verb arrest", "17"}, {"verb detain", "17"},
		{"verb kill", "18"}, {"verb attack", "19"}, {"verb fight", "19"}, {"verb clash", "19"},
		{"verb strike", "19"}, {"verb bomb", "19"}, {"verb shell", "19"}, {"verb invade", "19"},
		{"noun airstrike", "19"}, {"noun attack", "19"},
	}
	for _, tt := range tests {
		code, ok := single[tt.entry]
		if !ok || !strings.HasPrefix(code, tt.root) {
			t.Errorf("%s: entry %q has code %q, want one under root %s", verbsFile, tt.entry, code, tt.root)
		}
	}
}

// TestVerbLexicon_IntentIsNotTheAct checks that promises, vows, pledges,
// offers and agreements to act are coded as intent (03x), threats (13x) or
// refusals (12x), never as the promised act itself.
func TestVerbLexicon_IntentIsNotTheAct(t *testing.T) {
	entries, _ := readLexicon(t)
	intent := map[string]bool{"vow": true, "pledge": true, "promise": true, "offer": true, "propose": true}
	for _, e := range entries {
		head := e.words[0]
		agreeTo := head == "agree" && len(e.words) > 1 && e.words[1] == "to"
		if !intent[head] && !agreeTo || e.kind != "verb" {
			continue
		}
		c, _ := ontology.Lookup(e.code)
		switch {
		case agreeTo && e.code == "083": // agreeing to demands is yielding
		case c.QuadClass == ontology.MaterialCooperation || c.QuadClass == ontology.MaterialConflict || c.Root == "04":
			t.Errorf("%s: %s %s %q codes the act (%s %s); want an intent code", e.pos, e.kind, e.code, strings.Join(e.words, " "), c.Code, c.Name)
		}
	}
}

func TestParseLexLine_Errors(t *testing.T) {
	tests := []struct{ line, want string }{
		{"verb 036 meet", ""},
		{"noun 163 sanction against  # trailing comment", ""},
		{"# comment", ""},
		{"verbs 036 meet", `f:1:1: kind "verbs", want verb or noun`},
		{"verb 0361 meet", `f:1:6: unknown CAMEO code "0361"`},
		{"verb 036", `f:1:1: want KIND CODE PATTERN`},
		{"verb 036 meet with the envoy today", `f:1:10: pattern "meet with the envoy today" has 5 words`},
		{"verb 036 Meet", `f:1:10: word "Meet", want a lower-case lemma`},
	}
	for _, tt := range tests {
		_, got := parseLexLine(tt.line, "f:1")
		if tt.want == "" && got != "" || !strings.HasPrefix(got, tt.want) {
			t.Errorf("parseLexLine(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}
