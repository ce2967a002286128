package server_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/mock"
	"github.com/dyad-events/dyad/internal/server"
)

func TestCode(t *testing.T) {
	s := newFixtureServer(t)
	story := "Seoul, Monday. Washington accused Pyongyang of firing missiles. Beijing met US envoys to discuss trade."
	tests := []struct {
		name, ctype, target, body string
		status                    int
		want                      string // events as "code source target", or the error message
	}{
		{"JSON", "application/json", "/api/code", `{"text": "` + story + `", "date": "2016-10-27"}`, 200, "[112 USAGOV PRKGOV 2016-10-27 040 CHNGOV USAGOV 2016-10-27]"},
		{"PlainText", "text/plain; charset=utf-8", "/api/code?date=2016-10-27", story, 200, "[112 USAGOV PRKGOV 2016-10-27 040 CHNGOV USAGOV 2016-10-27]"},
		{"NoEvents", "text/plain", "/api/code", "Nothing happened today.", 200, "[]"},
		{"ErrEmpty", "application/json", "/api/code", `{"text": "  "}`, 400, "text: empty"},
		{"ErrBadDate", "application/json", "/api/code", `{"text": "x", "date": "27/10/2016"}`, 400, "date: want YYYY-MM-DD"},
		{"ErrUnknownField", "application/json", "/api/code", `{"txt": "x"}`, 400, "unknown field"},
		{"ErrBadJSON", "application/json", "/api/code", `{"text": `, 400, "body:"},
		{"ErrContentType", "application/xml", "/api/code", `<text/>`, 400, "content type"},
		{"ErrNotUTF8", "text/plain", "/api/code", "caf\xe9 attack", 400, "not UTF-8"},
		{"ErrTooLarge", "text/plain", "/api/code", strings.Repeat("word ", 300000), 413, "request body too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body, _ := do(t, s, "POST", tt.target, tt.ctype, tt.body)
			if code != tt.status {
				t.Fatalf("POST %s (%s): status %d, want %d; body:\n%.500s", tt.target, tt.name, code, tt.status, body)
			}
			var got string
			if code == 200 {
				var ans struct {
					Events []struct {
						Date   string
						CAMEO  struct{ Code string } `json:"cameo"`
						Source struct{ Code string }
						Target struct{ Code string }
					}
					Explanation string
				}
				if err := json.Unmarshal([]byte(body), &ans); err != nil {
					t.Fatal(err)
				}
				var evs []string
				for _, e := range ans.Events {
					evs = append(evs, e.CAMEO.Code+" "+e.Source.Code+" "+e.Target.Code+" "+e.Date)
				}
				got = "[" + strings.Join(evs, " ") + "]"
				if !strings.HasPrefix(ans.Explanation, "== pasted") {
					t.Errorf("explanation %q, want the coder's", ans.Explanation)
				}
			} else {
				var e apiError
				_ = json.Unmarshal([]byte(body), &e)
				got = e.Error.Message
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("POST %s: got %s, want %s", tt.name, got, tt.want)
			}
		})
	}
}

func TestCodeWithoutCoder(t *testing.T) {
	s, err := server.New(&mock.EventStore{}, server.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	code, body, _ := do(t, s, "POST", "/api/code", "text/plain", "Washington accused Pyongyang.")
	if code != 501 || !strings.Contains(body, "no coder") {
		t.Fatalf("status %d body %s, want 501 naming the missing coder", code, body)
	}
}
