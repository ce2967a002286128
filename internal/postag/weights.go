package postag

import "math"

// Weights is a sparse linear model in its stored form: for each feature
// (a 32-bit hash, ascending, stored as deltas) a run of (class, weight)
// pairs. Weights are quantised to int16 steps of Scale.
type Weights struct {
	Classes int
	Deltas  []uint32 // feature keys as differences from the previous key
	Counts  []uint16 // pairs per feature
	Class   []uint8  // class of each pair
	Q       []int16  // weight of each pair, in units of Scale
	Scale   float32
}

// table is Weights ready for scoring: an open-addressing hash table from
// feature key to its run of pairs.
type table struct {
	classes int
	mask    uint32
	keys    []uint32 // 0 marks an empty slot; key 0 is stored as 1
	start   []uint32 // per slot: first pair
	end     []uint32
	class   []uint8
	w       []float32
}

func newTable(m *Weights) *table {
	n := len(m.Counts)
	size := 1
	for size < 2*n+1 {
		size <<= 1
	}
	t := &table{classes: m.Classes, mask: uint32(size - 1), keys: make([]uint32, size),
		start: make([]uint32, size), end: make([]uint32, size),
		class: m.Class, w: make([]float32, len(m.Q))}
	for i, q := range m.Q {
		t.w[i] = float32(q) * m.Scale
	}
	key, pos := uint32(0), uint32(0)
	for i := 0; i < n && i < len(m.Deltas); i++ {
		key += m.Deltas[i]
		k := key
		if k == 0 {
			k = 1
		}
		s := (k * 0x9e3779b1) & t.mask
		for t.keys[s] != 0 {
			s = (s + 1) & t.mask
		}
		t.keys[s] = k
		t.start[s] = pos
		pos += uint32(m.Counts[i])
		if int(pos) > len(t.w) || int(pos) > len(t.class) {
			pos = uint32(min(len(t.w), len(t.class)))
		}
		t.end[s] = pos
	}
	return t
}

// score adds the weights of features to scores, which has one entry per
// class.
func (t *table) score(features []uint32, scores []float32) {
	for _, k := range features {
		if k == 0 {
			k = 1
		}
		s := (k * 0x9e3779b1) & t.mask
		for {
			kk := t.keys[s]
			if kk == k {
				for p := t.start[s]; p < t.end[s]; p++ {
					if c := int(t.class[p]); c < len(scores) {
						scores[c] += t.w[p]
					}
				}
				break
			}
			if kk == 0 {
				break
			}
			s = (s + 1) & t.mask
		}
	}
}

// Quantize returns the int16 steps and scale that represent ws.
func Quantize(ws []float32) ([]int16, float32) {
	var mx float64
	for _, w := range ws {
		mx = math.Max(mx, math.Abs(float64(w)))
	}
	if mx == 0 {
		return make([]int16, len(ws)), 1
	}
	scale := mx / 32767
	q := make([]int16, len(ws))
	for i, w := range ws {
		q[i] = int16(math.Round(float64(w) / scale))
	}
	return q, float32(scale)
}
