package source

import (
	"strings"
	"testing"
)

func TestReadMapping(t *testing.T) {
	in := "# header\n03: AGREE\n030: AGREE,  , diplomatic # intent\n041: CONSULT, phone,   # phone\n" +
		"091: ACCUSE, investigate, crime; corruption\n175: ASSAULT, x, y\n175: ASSAULT, x, y\n~~~~\n"
	got, err := ReadMapping(strings.NewReader(in), "m.txt")
	if err != nil {
		t.Fatalf("ReadMapping: %v", err)
	}
	tests := []struct{ code, event, mode, ctx string }{
		{"030", "AGREE", "", "diplomatic"},
		{"041", "CONSULT", "phone", ""},
		{"091", "ACCUSE", "investigate", "crime;corruption"},
		{"175", "ASSAULT", "x", "y"},
	}
	if len(got) != len(tests) {
		t.Errorf("input:\n%s\ngot %d mappings, want %d", in, len(got), len(tests))
	}
	for _, tt := range tests {
		m := got[tt.code]
		if m.Event != tt.event || m.Mode != tt.mode || strings.Join(m.Context, ";") != tt.ctx {
			t.Errorf("%s: got %q %q %q, want %q %q %q", tt.code, m.Event, m.Mode, m.Context, tt.event, tt.mode, tt.ctx)
		}
	}
}

func TestReadMapping_Errors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"NoColon", "030 AGREE, , x\n", "m.txt:1:1: want CODE: EVENT"},
		{"BadCode", "\n03a: AGREE, , x\n", "m.txt:2:1: want CODE: EVENT"},
		{"Fields", "030: AGREE, x\n", "m.txt:1:1: code 030: want 3 comma-separated fields, got 2"},
		{"NoEvent", "030: , x, y\n", "m.txt:1:1: code 030: empty PLOVER event"},
		{"Conflict", "030: AGREE, , x\n030: AGREE, , y\n", "m.txt:2:1: code 030 mapped again, differently from m.txt:1:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadMapping(strings.NewReader(tt.in), "m.txt")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("input %q: err=%v, want it to contain %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestReadCAMEO_Errors(t *testing.T) {
	in := "code,name,goldstein,root_code\n01,x,0,01\n0a1,x,0,01\n012,x,-11,01\n013,x,1,02\n"
	rows, err := ReadCAMEO(strings.NewReader(in), "c.csv")
	if len(rows) != 1 || rows[0].Code != "01" {
		t.Errorf("rows=%+v, want just 01", rows)
	}
	for _, want := range []string{`c.csv:3:1: bad CAMEO code "0a1"`, `c.csv:4:1: code 012: bad Goldstein value "-11"`, `c.csv:5:1: code 013: bad root "02"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err=%v, want it to contain %q", err, want)
		}
	}
	if _, err := ReadCAMEO(strings.NewReader("code,name\n"), "c.csv"); err == nil {
		t.Error("header without goldstein: no error")
	}
}

func TestNames(t *testing.T) {
	names, err := Names()
	if err != nil {
		t.Fatalf("Names: %v", err)
	}
	if got := names["036"]; got != "intent to meet or negotiate" {
		t.Errorf(`names["036"]=%q`, got)
	}
}

func TestBuild_Errors(t *testing.T) {
	rows := []CAMEORow{{Pos: Pos{"c.csv", 2, 1}, Code: "085", Root: "08"}, {Pos: Pos{"c.csv", 3, 1}, Code: "099", Root: "09"}}
	maps := map[string]Mapping{"085": {Code: "085", Event: "RETREAT", Mode: "other"}}
	_, _, err := Build(rows, maps, map[string]string{"085": "ease sanctions", "77": "x"})
	for _, want := range []string{"c.csv:3:1: code 099 has no name", "name for unknown code 77", `correction 085 mode: want "ease", table has "other"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Build: err=%v, want it to contain %q", err, want)
		}
	}
}

func TestQuadClass(t *testing.T) {
	for root, want := range map[string]int{"01": 1, "05": 1, "06": 2, "08": 2, "09": 3, "13": 3, "14": 4, "20": 4, "00": 0, "21": 0, "1": 0, "x1": 0} {
		if got := QuadClass(root); got != want {
			t.Errorf("QuadClass(%q)=%d, want %d", root, got, want)
		}
	}
}

func FuzzReadMapping(f *testing.F) {
	f.Add("030: AGREE,  , diplomatic # x\n")
	f.Add("03: AGREE\n~~~\n")
	f.Add("1: ,,,;;\n")
	f.Fuzz(func(t *testing.T, in string) {
		maps, err := ReadMapping(strings.NewReader(in), "f.txt")
		for code, m := range maps {
			if code != m.Code || !isCode(code) || m.Event == "" {
				t.Fatalf("input %q: bad mapping %+v (err %v)", in, m, err)
			}
		}
	})
}
