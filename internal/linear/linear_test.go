package linear_test

import (
	"math"
	"math/rand"
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
	scores := make([]int32, 3)
	tab.Score([]uint32{f1, f2, linear.Str(linear.Template(3), "unseen")}, scores)
	if want := []int32{3, 5, -1}; scores[0] != want[0] || scores[1] != want[1] || scores[2] != want[2] {
		t.Fatalf("scores = %v, want %v", scores, want)
	}
}

// TestTableMatchesWeights scores random models, with runs of every length
// (inline and in the side array), weights that fit a code book and
// weights that do not, and a key 0, against a direct reading of the
// stored weights.
func TestTableMatchesWeights(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for round := range 20 {
		const classes = 40
		w := &linear.Weights{Classes: classes, Scale: 1}
		want := map[uint32][]int32{}
		var keys []uint32
		key := uint32(0)
		for i := range 500 + round*100 {
			if i > 0 {
				key += 1 + uint32(rng.Intn(1<<20))
			}
			n := 1 + rng.Intn(6)
			if rng.Intn(3) == 0 {
				n = 1 + rng.Intn(classes)
			}
			w.Deltas = append(w.Deltas, key-lastKey(keys))
			w.Counts = append(w.Counts, uint16(n))
			row := make([]int32, classes)
			for _, c := range rng.Perm(classes)[:n] {
				// Even rounds take 200 values (two-byte pairs and a
				// code book), odd rounds 2,001 (the wide side array).
				q := int16(rng.Intn(2001) - 1000)
				if round%2 == 0 {
					q = int16(10 * (rng.Intn(200) - 100))
				}
				w.Class = append(w.Class, uint8(c))
				w.Q = append(w.Q, q)
				row[c] = int32(q)
			}
			want[key] = row
			keys = append(keys, key)
		}
		tab := linear.NewTable(w)
		feats := make([]uint32, 0, 300)
		for range 300 {
			if rng.Intn(4) == 0 {
				feats = append(feats, rng.Uint32()) // almost surely unknown
			} else {
				feats = append(feats, keys[rng.Intn(len(keys))])
			}
		}
		got := make([]int32, classes)
		tab.Score(feats, got)
		exp := make([]int32, classes)
		for _, f := range feats {
			for c, v := range want[f] {
				exp[c] += v
			}
		}
		for c := range exp {
			if got[c] != exp[c] {
				t.Fatalf("round %d class %d: score %v, want %v", round, c, got[c], exp[c])
			}
		}
	}
}

func lastKey(keys []uint32) uint32 {
	if len(keys) == 0 {
		return 0
	}
	return keys[len(keys)-1]
}

// TestMixSpreads checks what feature keys need of Mix: different ids give
// different keys under one prefix, and keys built from small integers
// (distances, labels) spread over the table's low bits, which pick the slot.
func TestMixSpreads(t *testing.T) {
	h := linear.Template(7)
	keys := map[uint32]bool{}
	low := map[uint32]bool{}
	for x := uint32(0); x < 1<<16; x++ {
		k := linear.Mix(h, x)
		if keys[k] {
			t.Fatalf("Mix(h, %d) repeats an earlier key", x)
		}
		keys[k] = true
		low[k*0x9e3779b1&0xfff] = true
	}
	// 65,536 keys into 4,096 slots: a good spread fills nearly all.
	if len(low) < 4000 {
		t.Errorf("keys of 65,536 ids fill %d of 4,096 slots", len(low))
	}
	if linear.Mix(linear.Mix(h, 1), 2) == linear.Mix(linear.Mix(h, 2), 1) {
		t.Error("Mix ignores the order of its parts")
	}
}
