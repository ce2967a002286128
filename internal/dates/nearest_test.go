package dates_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dates"
)

func TestNearest(t *testing.T) {
	tests := []struct {
		name, text, verb string
		want             string // Text of the chosen mention, "" for none
	}{
		{"Single", "Rebels attacked the town on Tuesday.", "attacked", "Tuesday"},
		{"Nearest", "After talks in 2008 failed, rebels attacked on Tuesday.", "attacked", "Tuesday"},
		{"Before", "On Tuesday rebels attacked the town.", "attacked", "Tuesday"},
		{"ReportedSaying", "Rebels shelled the town, officials said on Thursday.", "shelled", ""},
		{"SayingItself", "Rebels shelled the town, officials said on Thursday.", "said", "Thursday"},
		{"OtherClause", "Troops withdrew; talks resumed on Monday.", "withdrew", ""},
		{"SubordinateClause", "Troops withdrew on Friday, after talks failed on Monday.", "withdrew", "Friday"},
		{"None", "Troops withdrew.", "withdrew", ""},
		{"NounsOwn", "Two soldiers stand accused of the 2004 bombing of the base.", "bombing", "2004"},
		{"NotTheVerbs", "Two soldiers stand accused of the 2004 bombing of the base.", "accused", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := strings.Index(tt.text, tt.verb)
			ms := dates.Find(tt.text, thu)
			m, ok := dates.Nearest(tt.text, ms, dyad.Span{Start: v, End: v + len(tt.verb)})
			got := ""
			if ok {
				got = m.Text
			}
			if got != tt.want {
				t.Errorf("Nearest(%q, verb %q) among %s = %q, want %q", tt.text, tt.verb, show(ms), got, tt.want)
			}
		})
	}
}
