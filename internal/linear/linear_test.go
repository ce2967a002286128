package linear_test

import (
	"math"
	"testing"

	"github.com/dyad-events/dyad/internal/linear"
)

func TestQuantize(t *testing.T) {
	ws := []float32{0.5, -2, 0, 1.25}
	q, scale := linear.Quantize(ws)
	for i, w := range ws {
		if got := float32(q[i]) * scale; math.Abs(float64(got-w)) > float64(scale) {
			t.Errorf("weight %d: %v quantised to %v (scale %v)", i, w, got, scale)
		}
	}
	if q[1] != -32767 {
		t.Errorf("largest weight quantised to %d, want -32767", q[1])
	}
}

// TestTableScore builds two features over three classes and checks that
// scoring adds each feature's weights to its classes and ignores unknown
// features.
func TestTableScore(t *testing.T) {
	f1, f2 := linear.Str(linear.Template(1), "minister"), linear.Str(linear.Template(2), "said")
	if f2 < f1 {
		f1, f2 = f2, f1
	}
	w := &linear.Weights{Classes: 3, Deltas: []uint32{f1, f2 - f1}, Counts: []uint16{2, 1},
		Class: []uint8{0, 2, 1}, Q: []int16{3, -1, 5}, Scale: 1}
	tab := linear.NewTable(w)
	scores := make([]float32, 3)
	tab.Score([]uint32{f1, f2, linear.Str(linear.Template(3), "unseen")}, scores)
	if want := []float32{3, 5, -1}; scores[0] != want[0] || scores[1] != want[1] || scores[2] != want[2] {
		t.Fatalf("scores = %v, want %v", scores, want)
	}
}
