package ontology_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ontology"
)

// quadOf is the quad-class rule, restated here independently of the table.
func quadOf(root string) int {
	switch {
	case root >= "01" && root <= "05":
		return 1
	case root >= "06" && root <= "08":
		return 2
	case root >= "09" && root <= "13":
		return 3
	case root >= "14" && root <= "20":
		return 4
	}
	return 0
}

func TestCodes_Consistent(t *testing.T) {
	codes := ontology.Codes()
	if got, want := len(codes), 312; got != want {
		t.Errorf("len(Codes())=%d, want %d", got, want)
	}
	seen := map[string]bool{}
	names := map[string]string{}
	roots := 0
	for i, c := range codes {
		if i > 0 && codes[i-1].Code >= c.Code {
			t.Errorf("Codes() not sorted: %q before %q", codes[i-1].Code, c.Code)
		}
		seen[c.Code] = true
		if c.IsRoot() {
			roots++
		}
		if len(c.Code) < 2 || len(c.Code) > 4 || strings.Trim(c.Code, "0123456789") != "" {
			t.Errorf("code %q: want 2 to 4 digits", c.Code)
		}
		if len(c.Root) != 2 || !strings.HasPrefix(c.Code, c.Root) || !seen[c.Root] {
			t.Errorf("code %s: root %q is not a known prefix", c.Code, c.Root)
		}
		if len(c.Code) > 2 && !seen[c.Code[:len(c.Code)-1]] {
			t.Errorf("code %s: parent %s missing", c.Code, c.Code[:len(c.Code)-1])
		}
		if got, want := c.QuadClass, quadOf(c.Root); got != want || want == 0 {
			t.Errorf("code %s: QuadClass=%d, want %d (root %s)", c.Code, got, want, c.Root)
		}
		if c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("code %s: Goldstein=%v, want within [-10, 10]", c.Code, c.Goldstein)
		}
		if c.Name == "" || c.Name != strings.TrimSpace(c.Name) || len(strings.Fields(c.Name)) > 6 {
			t.Errorf("code %s: Name=%q, want a few words", c.Code, c.Name)
		}
		if other, dup := names[c.Name]; dup {
			t.Errorf("codes %s and %s share the name %q", other, c.Code, c.Name)
		}
		names[c.Name] = c.Code
	}
	if roots != 20 {
		t.Errorf("%d root codes, want 20", roots)
	}
}

func TestCodes_PLOVER(t *testing.T) {
	for _, c := range ontology.Codes() {
		if !c.HasPLOVER {
			if c.Root != "01" && c.Root != "02" {
				t.Errorf("code %s: no PLOVER mapping; only roots 01 and 02 may lack one", c.Code)
			}
			if c.PLOVER.Event != "" {
				t.Errorf("code %s: HasPLOVER=false but Event=%q", c.Code, c.PLOVER.Event)
			}
			continue
		}
		cat, ok := ontology.LookupCategory(c.PLOVER.Event)
		if !ok {
			t.Errorf("code %s: unknown PLOVER category %q", c.Code, c.PLOVER.Event)
			continue
		}
		if m := c.PLOVER.Mode; m != "" && !slices.Contains(cat.Modes, m) {
			t.Errorf("code %s: mode %q is not a mode of %s %v", c.Code, m, cat.Name, cat.Modes)
		}
		for _, ctx := range c.PLOVER.Context {
			if !ontology.KnownContext(ctx) {
				t.Errorf("code %s: unknown PLOVER context %q", c.Code, ctx)
			}
		}
		if c.IsRoot() {
			general, _ := ontology.Lookup(c.Code + "0")
			if !samePLOVER(c.PLOVER, general.PLOVER) {
				t.Errorf("root %s maps to %+v, its general code %s to %+v", c.Code, c.PLOVER, general.Code, general.PLOVER)
			}
		}
	}
}

func samePLOVER(a, b dyad.PLOVER) bool {
	return a.Event == b.Event && a.Mode == b.Mode && slices.Equal(a.Context, b.Context)
}

func TestLookup(t *testing.T) {
	tests := []struct {
		code   string
		ok     bool
		root   string
		quad   int
		plover string
	}{
		{"036", true, "03", 1, "AGREE"},
		{"0311", true, "03", 1, "AGREE"},
		{"19", true, "19", 4, "ASSAULT"},
		{"042", true, "04", 1, "CONSULT"},
		{"0841", true, "08", 2, "RETREAT"},
		{"010", true, "01", 1, ""},
		{"2042", true, "20", 4, "ASSAULT"},
		{"", false, "", 0, ""},
		{"21", false, "", 0, ""},
		{"0361", false, "", 0, ""},
		{"1214", false, "", 0, ""}, // in the PLOVER table, not in CAMEO
		{" 036", false, "", 0, ""},
	}
	for _, tt := range tests {
		c, ok := ontology.Lookup(tt.code)
		if ok != tt.ok || c.Root != tt.root || c.QuadClass != tt.quad || c.PLOVER.Event != tt.plover {
			t.Errorf("Lookup(%q) = {Root:%q Quad:%d PLOVER:%q}, %v; want {Root:%q Quad:%d PLOVER:%q}, %v",
				tt.code, c.Root, c.QuadClass, c.PLOVER.Event, ok, tt.root, tt.quad, tt.plover, tt.ok)
		}
		if got := ontology.Known(tt.code); got != tt.ok {
			t.Errorf("Known(%q)=%v, want %v", tt.code, got, tt.ok)
		}
	}
}

func TestCAMEO_RoundTrip(t *testing.T) {
	for _, c := range ontology.Codes() {
		got, err := ontology.CAMEO(c.Code)
		if err != nil {
			t.Fatalf("CAMEO(%q): %v", c.Code, err)
		}
		if got != c.CAMEO() || got.Code != c.Code {
			t.Errorf("CAMEO(%q)=%+v, want %+v", c.Code, got, c.CAMEO())
		}
		back, ok := ontology.Lookup(got.Code)
		if !ok || back.Name != got.Name || back.Goldstein != got.Goldstein {
			t.Errorf("Lookup(CAMEO(%q).Code)=%+v, %v", c.Code, back, ok)
		}
		p, ok := ontology.PLOVER(c.Code)
		if ok != c.HasPLOVER || !samePLOVER(p, c.PLOVER) {
			t.Errorf("PLOVER(%q)=%+v, %v; want %+v, %v", c.Code, p, ok, c.PLOVER, c.HasPLOVER)
		}
	}
}

func TestCAMEO_ErrUnknown(t *testing.T) {
	for _, code := range []string{"", "999", "03a", "0361"} {
		_, err := ontology.CAMEO(code)
		if got, want := dyad.ErrorCode(err), dyad.EINVALID; got != want {
			t.Errorf("CAMEO(%q): ErrorCode=%q, want %q (err %v)", code, got, want, err)
		}
		if got, want := dyad.ErrorMessage(err), `unknown CAMEO code "`+code+`"`; got != want {
			t.Errorf("CAMEO(%q): message %q, want %q", code, got, want)
		}
		if _, ok := ontology.PLOVER(code); ok {
			t.Errorf("PLOVER(%q) ok, want not found", code)
		}
	}
}

func TestCodes_ReturnsCopies(t *testing.T) {
	codes := ontology.Codes()
	for i := range codes {
		if len(codes[i].PLOVER.Context) > 0 {
			codes[i].PLOVER.Context[0] = "changed"
		}
		codes[i].Name = "changed"
	}
	c, _ := ontology.Lookup("0311")
	if c.Name == "changed" || c.PLOVER.Context[0] != "economic" {
		t.Errorf("Lookup after changing Codes(): %+v; the table was changed", c)
	}
	p, _ := ontology.PLOVER("0311")
	p.Context[0] = "changed"
	if p2, _ := ontology.PLOVER("0311"); p2.Context[0] != "economic" {
		t.Errorf("PLOVER(0311).Context=%v after changing an earlier result", p2.Context)
	}
}

func TestChildren(t *testing.T) {
	tests := []struct {
		code string
		want []string
	}{
		{"04", []string{"040", "041", "042", "043", "044", "045", "046"}},
		{"031", []string{"0311", "0312", "0313", "0314"}},
		{"036", nil},
		{"99", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range ontology.Children(tt.code) {
			got = append(got, c.Code)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Children(%q)=%v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestQuadClassName(t *testing.T) {
	for q, want := range map[int]string{0: "", 1: "verbal cooperation", 2: "material cooperation",
		3: "verbal conflict", 4: "material conflict", 5: ""} {
		if got := ontology.QuadClassName(q); got != want {
			t.Errorf("QuadClassName(%d)=%q, want %q", q, got, want)
		}
	}
}

func TestMutual(t *testing.T) {
	for code, want := range map[string]bool{"036": true, "040": true, "057": true, "061": true, "190": true, "193": true,
		"195": false, "140": false, "111": false, "020": false} {
		if got := ontology.Mutual(code); got != want {
			t.Errorf("Mutual(%q) = %v, want %v", code, got, want)
		}
	}
}
