package coder_test

import (
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/coder"
)

// TestPatternLengthFeature checks that the pattern-length feature counts
// the words besides the head, on either side, and not actor marks.
func TestPatternLengthFeature(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		want    float64
	}{
		{"verb 040 meet", 0},
		{"noun 163 sanction against", 1},
		{"verb 071 + accept money $", 1},
		{"verb 125 did_not snub", 2},
		{"verb 042:043 + hosting mark feast ^ $", 2},
		{"verb 050 a b c d e", 3},
	} {
		ev := dyad.Event{Evidence: dyad.Evidence{Pattern: tc.pattern}}
		if got := coder.Features(&ev)[3]; got != tc.want {
			t.Errorf("%q: feature 3 = %v, want %v", tc.pattern, got, tc.want)
		}
	}
}
