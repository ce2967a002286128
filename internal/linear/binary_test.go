package linear_test

import (
	"bytes"
	"encoding/gob"
	"math"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/linear"
)

// randomWeights returns a valid model of n features with weights drawn
// from mags distinct magnitudes (any number when mags is 0).
func randomWeights(rng *rand.Rand, n, mags int) linear.Weights {
	w := linear.Weights{Classes: 103, Scale: 0.004}
	for i := 0; i < n; i++ {
		w.Deltas = append(w.Deltas, uint32(rng.Intn(1<<20)))
		c := 1 + rng.Intn(5)
		w.Counts = append(w.Counts, uint16(c))
		for j := 0; j < c; j++ {
			w.Class = append(w.Class, uint8(rng.Intn(103)))
			v := int16(rng.Intn(65535) - 32767)
			if mags > 0 {
				v = int16(100 * (1 + rng.Intn(mags)))
				if rng.Intn(2) == 0 {
					v = -v
				}
			}
			w.Q = append(w.Q, v)
		}
	}
	return w
}

// TestWeightsRoundTrip stores models whose weights fit a code book and
// models whose weights do not, through gob as the model files do, and
// reads back exactly what was stored.
func TestWeightsRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for _, mags := range []int{0, 1, 127} { // with -32768, 128 magnitudes at most
		w := randomWeights(rng, 2000, mags)
		w.Q[0] = -32768 // the one magnitude int16 cannot negate
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(w); err != nil {
			t.Fatal(err)
		}
		size := buf.Len()
		var got linear.Weights
		if err := gob.NewDecoder(&buf).Decode(&got); err != nil {
			t.Fatalf("%d magnitudes: %v", mags, err)
		}
		if got.Classes != w.Classes || got.Scale != w.Scale || !slices.Equal(got.Deltas, w.Deltas) ||
			!slices.Equal(got.Counts, w.Counts) || !slices.Equal(got.Class, w.Class) || !slices.Equal(got.Q, w.Q) {
			t.Errorf("%d magnitudes: read back differs from what was stored", mags)
		}
		// A code book stores a byte per weight, int16 planes two, beside
		// the class byte and about 1.7 bytes of key and count.
		if perWeight := float64(size) / float64(len(w.Q)); mags > 0 && perWeight > 4 || mags == 0 && perWeight < 4.4 {
			t.Errorf("%d magnitudes: %.2f bytes a weight", mags, perWeight)
		}
	}
}

// TestWeightsCorrupt checks that every truncation and a sample of flipped
// bytes of a stored model give an error or a valid model, never a panic,
// and that inconsistent weights are refused when stored.
func TestWeightsCorrupt(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	w := randomWeights(rng, 50, 20)
	b, err := w.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < len(b); n++ {
		var got linear.Weights
		if err := got.UnmarshalBinary(b[:n]); err == nil {
			t.Fatalf("truncated to %d of %d bytes: no error", n, len(b))
		}
	}
	var got linear.Weights
	if err := got.UnmarshalBinary(append(slices.Clone(b), 0)); err == nil || !strings.Contains(err.Error(), "after the weights") {
		t.Errorf("trailing byte: %v", err)
	}
	for i := 0; i < 2000; i++ {
		c := slices.Clone(b)
		c[rng.Intn(len(c))] ^= byte(1 + rng.Intn(255))
		var got linear.Weights
		if got.UnmarshalBinary(c) == nil {
			checkConsistent(t, got)
		}
	}
	bad := w
	bad.Counts = slices.Clone(w.Counts)
	bad.Counts[0]++
	if _, err := bad.MarshalBinary(); err == nil {
		t.Error("counts that do not add up to the weights were stored")
	}
}

func checkConsistent(t *testing.T, w linear.Weights) {
	t.Helper()
	sum := 0
	for _, c := range w.Counts {
		sum += int(c)
	}
	if len(w.Counts) != len(w.Deltas) || sum != len(w.Q) || len(w.Class) != len(w.Q) {
		t.Fatalf("decoded an inconsistent model: %d keys, %d counts adding to %d, %d weights, %d classes", len(w.Deltas), len(w.Counts), sum, len(w.Q), len(w.Class))
	}
	linear.NewTable(&w) // must not panic
}

func FuzzWeightsUnmarshal(f *testing.F) {
	rng := rand.New(rand.NewSource(9))
	for _, mags := range []int{0, 7} {
		w := randomWeights(rng, 10, mags)
		b, _ := w.MarshalBinary()
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var w linear.Weights
		if w.UnmarshalBinary(b) == nil {
			checkConsistent(t, w)
		}
	})
}

// TestLevels checks that Levels leaves at most the asked number of
// magnitudes, keeps signs and zeros, keeps the extremes, and moves no
// weight by more than half a step of its log scale.
func TestLevels(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	q := make([]int16, 5000)
	for i := range q {
		q[i] = int16(rng.Intn(65535) - 32767)
	}
	q[0], q[1], q[2] = 0, 1, -32767
	orig := slices.Clone(q)
	const n = 128
	linear.Levels(q, n)
	mags := map[int16]bool{}
	step := math.Log(32767) / (n - 1)
	for i, v := range q {
		o := orig[i]
		if (v < 0) != (o < 0) || (v == 0) != (o == 0) {
			t.Fatalf("weight %d: %d became %d", i, o, v)
		}
		if v == 0 {
			continue
		}
		mags[max(v, -v)] = true
		// Rounding to integers adds up to half a unit on top of half a step.
		if r := math.Abs(math.Log(math.Abs(float64(v)) / math.Abs(float64(o)))); r > step/2+0.5/math.Abs(float64(o))+1e-9 {
			t.Errorf("weight %d: %d became %d, %.3f apart in log, step %.3f", i, o, v, r, step)
		}
	}
	if len(mags) > n {
		t.Errorf("%d magnitudes, want at most %d", len(mags), n)
	}
	if q[1] != 1 || q[2] != -32767 {
		t.Errorf("extremes became %d and %d", q[1], q[2])
	}
}
