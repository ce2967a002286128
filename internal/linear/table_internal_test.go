package linear

import (
	"math/rand"
	"slices"
	"testing"
)

// randomWeights makes n features over classes classes, keys spread by up
// to spread apart, with runs of every
// length, keys 0 and 1 both present (stored alike), a repeated key, a
// feature with no weights, and weights of few values (codes) or of many
// (wide), the last feature's run cut short (counts adding up to more than
// the weights, as a damaged model's may).
func randomWeights(rng *rand.Rand, n, classes int, wide bool, spread int) *Weights {
	w := &Weights{Classes: classes, Scale: 1}
	key := uint32(0)
	for i := range n {
		var d uint32
		switch {
		case i == 0 || i == 1: // keys 0 and 1
			d = uint32(i)
		case i == 5: // a repeated key
		default:
			d = 1 + uint32(rng.Intn(spread))
		}
		key += d
		w.Deltas = append(w.Deltas, d)
		cnt := 1 + rng.Intn(4)
		switch {
		case rng.Intn(10) == 0:
			cnt = 6 + rng.Intn(classes-6)
		case i == 7:
			cnt = 0
		}
		w.Counts = append(w.Counts, uint16(cnt))
		for _, c := range rng.Perm(classes)[:cnt] {
			q := int16(10 * (rng.Intn(100) - 50))
			if wide {
				q = int16(rng.Intn(4001) - 2000)
			}
			w.Class = append(w.Class, uint8(c))
			w.Q = append(w.Q, q)
		}
	}
	w.Counts[n-1] += 3 // more than there are
	return w
}

// TestRunsMatchHashTable scores random features, known and not, with the
// runs a large table starts with and with its hash table: the two must
// add the same weights.
func TestRunsMatchHashTable(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for round := range 8 {
		const classes = 30
		w := randomWeights(rng, 3000+round*500, classes, round%2 == 1, 1<<(12+round)) // keys up to all 32 bits
		r := newRuns(w)
		h := newHashTable(r)
		var known []uint32
		key := uint32(0)
		for _, d := range w.Deltas {
			key += d
			known = append(known, key)
		}
		for range 200 {
			feats := make([]uint32, 0, 300)
			for range 300 {
				if rng.Intn(3) == 0 {
					feats = append(feats, rng.Uint32())
				} else {
					feats = append(feats, known[rng.Intn(len(known))])
				}
			}
			feats = append(feats, 0, 1)
			a, b := make([]int32, classes-2), make([]int32, classes-2) // some classes out of range
			r.score(feats, a)
			h.score(feats, b)
			if !slices.Equal(a, b) {
				t.Fatalf("round %d: runs score %v, hash table %v", round, a, b)
			}
		}
	}
}

// TestTableGoesHashed checks that a large table answers from its runs
// first, builds its hash table once asked for a quarter as many features
// as it holds, and scores alike before and after; and that it keeps its own
// copy of the weights, which may change after NewTable.
func TestTableGoesHashed(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	const classes = 12
	w := randomWeights(rng, lazyFeatures+10, classes, false, 1<<15)
	tab := NewTable(w)
	if tab.hashed.Load() != nil || tab.sorted.Load() == nil {
		t.Fatal("a large table built its hash table at once")
	}
	feats := make([]uint32, 0, 1000)
	key := uint32(0)
	for i, d := range w.Deltas {
		if key += d; i%70 == 0 {
			feats = append(feats, key, key^0x5bd1e995)
		}
	}
	before := make([]int32, classes)
	tab.Score(feats, before)
	for i := range w.Q { // the caller's weights change; the table's do not
		w.Q[i] = -w.Q[i]
	}
	for tab.hashed.Load() == nil {
		if tab.asked.Load() > int64(2*len(w.Deltas)) {
			t.Fatalf("no hash table after %d lookups", tab.asked.Load())
		}
		tab.Score(feats, make([]int32, classes))
	}
	if tab.sorted.Load() != nil || tab.asked.Load() < int64(len(w.Deltas))/lazyRent-int64(len(feats)) {
		t.Fatalf("hash table built after %d lookups, runs kept: %v", tab.asked.Load(), tab.sorted.Load() != nil)
	}
	after := make([]int32, classes)
	tab.Score(feats, after)
	if !slices.Equal(before, after) {
		t.Fatalf("scores by bisection %v, by the hash table %v", before, after)
	}
}
