package linear

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

// Table is Weights ready for scoring: an open-addressing hash table whose
// slots hold a feature key and its run of pairs, each pair packed as class
// << 16 | uint16(weight). Scores are sums of quantised weights: the common
// scale does not change which class is best.
type Table struct {
	mask  uint32
	slots [][2]uint32 // key (0 empty; key 0 is stored as 1), start << 8 | count
	pairs []uint32
}

// NewTable builds the scoring table of m.
func NewTable(m *Weights) *Table {
	n := len(m.Counts)
	size := 1
	for size < 2*n+1 {
		size <<= 1
	}
	t := &Table{mask: uint32(size - 1), slots: make([][2]uint32, size)}
	np := min(len(m.Q), len(m.Class))
	t.pairs = make([]uint32, np)
	for i := range np {
		t.pairs[i] = uint32(m.Class[i])<<16 | uint32(uint16(m.Q[i]))
	}
	key, pos := uint32(0), 0
	for i := 0; i < n && i < len(m.Deltas); i++ {
		key += m.Deltas[i]
		cnt := min(int(m.Counts[i]), np-pos, 255)
		if pos >= 1<<24 {
			break
		}
		k := max(key, 1)
		s := (k * 0x9e3779b1) & t.mask
		for t.slots[s][0] != 0 {
			s = (s + 1) & t.mask
		}
		t.slots[s] = [2]uint32{k, uint32(pos)<<8 | uint32(cnt)}
		pos += int(m.Counts[i])
		if pos > np {
			pos = np
		}
	}
	return t
}

// score adds the weights of features to scores, which has one entry per
// class.
// Score adds to scores[c], for each feature, the weight of class c.
func (t *Table) Score(features []uint32, scores []float32) {
	for _, k := range features {
		k = max(k, 1)
		s := (k * 0x9e3779b1) & t.mask
		for {
			sl := t.slots[s]
			if sl[0] == k {
				start := sl[1] >> 8
				for _, p := range t.pairs[start : start+sl[1]&0xff] {
					if c := int(p >> 16); c < len(scores) {
						scores[c] += float32(int16(p))
					}
				}
				break
			}
			if sl[0] == 0 {
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
