package linear

import (
	"cmp"
	"math"
	"slices"
	"sync"
	"sync/atomic"
)

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

// Table is Weights ready for scoring. Scores are sums of quantised
// weights: the common scale does not change which class is best.
//
// A large table starts as a copy of the stored runs, keys ascending,
// searched through an index of their top 16 bits, and builds its hash
// table (hashTable) once it has been asked for a quarter as many
// features as it holds (lazyRent): building the parser's, 2 M slots in
// 32 MB written at random, took a fifth of the CPU of coding one
// sentence from start-up, and a command that codes a few sentences never
// needs it. A lookup in the runs costs about twice one in the hash table,
// so a long run pays a fraction of the build again. Both answer every lookup
// with the same run of the same weights: the scores do not depend on
// which one answered.
type Table struct {
	hashed  atomic.Pointer[hashTable]
	sorted  atomic.Pointer[runs] // nil once hashed is set
	asked   atomic.Int64         // features looked up in the runs
	started atomic.Bool          // the hash table is being built
	once    sync.Once
}

// lazyFeatures is the size from which a table starts with its runs:
// smaller ones build their hash table at once.
const lazyFeatures = 1 << 16

// lazyRent is the part of its size a table answers from its runs before
// it builds its hash table: a quarter of the parser's 1.3 M features is
// about a hundred sentences, more than a command coding a story or two
// asks, and bulk coding switches within its first second.
const lazyRent = 4

// NewTable builds the scoring table of m. The table keeps a copy of what
// it needs: m may change afterwards.
func NewTable(m *Weights) *Table {
	r := newRuns(m)
	t := &Table{}
	if len(r.runs) < lazyFeatures {
		t.hashed.Store(newHashTable(r))
		return t
	}
	t.sorted.Store(r)
	return t
}

// build builds the hash table, if it is not built yet, and returns when
// it is.
func (t *Table) build() {
	t.once.Do(func() {
		if t.hashed.Load() == nil {
			t.hashed.Store(newHashTable(t.sorted.Load()))
		}
		t.sorted.Store(nil)
	})
}

// Score adds to scores[c], for each feature, the weight of class c.
// Unknown features add nothing.
func (t *Table) Score(features []uint32, scores []int32) {
	if h := t.hashed.Load(); h != nil {
		h.score(features, scores)
		return
	}
	r := t.sorted.Load()
	if r == nil { // the hash table was stored in between
		t.hashed.Load().score(features, scores)
		return
	}
	r.score(features, scores)
	if t.asked.Add(int64(len(features))) >= int64(len(r.runs))/lazyRent && t.started.CompareAndSwap(false, true) {
		t.build() // other callers go on with the runs meanwhile
	}
}

// runs is the stored weights' runs, keys ascending: the features that
// have weights, each with its run of pairs (class << 16 | uint16(q),
// copied from Weights). A run's key, start and length sit together, and
// so do its pairs: a lookup touches a cache line or two of each.
type runs struct {
	runs  []run
	pairs []uint32
	// top[b] is the first run whose key's top 16 bits are b or more: a
	// lookup searches the few runs between top[b] and top[b+1].
	top []uint32
}

type run struct {
	key   uint32 // key 0 is stored as 1
	start uint32
	count uint16
}

func newRuns(m *Weights) *runs {
	n := min(len(m.Counts), len(m.Deltas))
	np := min(len(m.Q), len(m.Class))
	r := &runs{runs: make([]run, 0, n), pairs: make([]uint32, np)}
	for j := range np {
		r.pairs[j] = uint32(m.Class[j])<<16 | uint32(uint16(m.Q[j]))
	}
	key, pos := uint32(0), 0
	for i := 0; i < n; i++ {
		key += m.Deltas[i]
		cnt := min(int(m.Counts[i]), np-pos)
		if cnt > 0 {
			r.runs = append(r.runs, run{key: max(key, 1), start: uint32(pos), count: uint16(cnt)})
		}
		pos += cnt
	}
	r.top = make([]uint32, 1<<16+1)
	i := 0
	for b := range 1 << 16 {
		for i < len(r.runs) && r.runs[i].key>>16 < uint32(b) {
			i++
		}
		r.top[b] = uint32(i)
	}
	r.top[1<<16] = uint32(len(r.runs))
	return r
}

// score is Table.Score through the runs. Of two runs with one key (a
// stored key 0 and a key 1), the first is found, as in the hash table,
// which holds them in key order along one probe sequence.
func (r *runs) score(features []uint32, scores []int32) {
	for _, k := range features {
		k = max(k, 1)
		lo, hi := int(r.top[k>>16]), int(r.top[k>>16+1])
		i, ok := slices.BinarySearchFunc(r.runs[lo:hi], k, func(x run, k uint32) int { return cmp.Compare(x.key, k) })
		if !ok {
			continue
		}
		x := r.runs[lo+i]
		for _, p := range r.pairs[x.start : x.start+uint32(x.count)] {
			if c := int(p >> 16); c < len(scores) {
				scores[c] += int32(int16(p))
			}
		}
	}
}

// hashTable is an open-addressing hash table of 16-byte slots, four to a
// cache line. A slot holds a feature key, its pair count and, when the
// feature has at most five pairs (most do), the pairs themselves; longer
// runs live in a side array. A pair is two bytes, class << 8 | code, and
// value maps the code to its weight: the stored weights take at most 128
// magnitudes (Levels), so at most 256 values. Weights that take more (a
// model in training, before Levels) are kept exactly instead, every run
// in the side array wide, as class << 16 | uint16(weight).
type hashTable struct {
	mask  uint32
	slots []slot
	pairs []uint16
	wide  []uint32 // the side array when the weights take more than 256 values
	value [256]int32
}

// inline is the number of pairs a slot holds itself.
const inline = 5

// slot is one table entry: key (0 empty; key 0 is stored as 1), count and
// either the pairs or, for longer runs (and all runs of wide weights),
// the start of the run in the side array (in p[0] and p[1]).
type slot struct {
	key   uint32
	count uint16
	p     [inline]uint16
}

func (s *slot) start() uint32 { return uint32(s.p[0]) | uint32(s.p[1])<<16 }

// newHashTable builds the hash table of r.
func newHashTable(r *runs) *hashTable {
	n := len(r.runs)
	size := 1
	for size < n+n/2+1 { // at most two-thirds full: four slots share a cache line, so probes stay short
		size <<= 1
	}
	t := &hashTable{mask: uint32(size - 1), slots: make([]slot, size)}
	// code[uint16(q)] is 1 + the code of weight q, 0 when q does not occur
	// (a table indexed by the weight's bits: a map would double the load).
	code := make([]uint16, 1<<16)
	distinct := 0
	for _, p := range r.pairs {
		if q := uint16(p); code[q] == 0 {
			code[q] = 1
			distinct++
		}
	}
	compact := distinct <= len(t.value)
	if compact {
		c := uint16(0)
		for v := math.MinInt16; v <= math.MaxInt16; v++ {
			if code[uint16(v)] != 0 {
				t.value[c] = int32(v)
				c++
				code[uint16(v)] = c
			}
		}
	}
	pair := func(j int) uint16 { return uint16(r.pairs[j]>>16)<<8 | (code[uint16(r.pairs[j])] - 1) }
	for _, x := range r.runs {
		pos, cnt := int(x.start), int(x.count)
		sl := slot{key: x.key, count: uint16(cnt)}
		switch {
		case !compact:
			at := uint32(len(t.wide))
			sl.p[0], sl.p[1] = uint16(at), uint16(at>>16)
			t.wide = append(t.wide, r.pairs[pos:pos+cnt]...)
		case cnt > inline:
			at := uint32(len(t.pairs))
			sl.p[0], sl.p[1] = uint16(at), uint16(at>>16)
			for j := pos; j < pos+cnt; j++ {
				t.pairs = append(t.pairs, pair(j))
			}
		default:
			for j := pos; j < pos+cnt; j++ {
				sl.p[j-pos] = pair(j)
			}
		}
		s := hashSlot(sl.key, t.mask)
		for t.slots[s].key != 0 {
			s = (s + 1) & t.mask
		}
		t.slots[s] = sl
	}
	return t
}

func hashSlot(k, mask uint32) uint32 { return (k * 0x9e3779b1) & mask }

// score is Table.Score through the hash table.
func (t *hashTable) score(features []uint32, scores []int32) {
	// The table is much larger than the caches, so scoring waits on
	// memory. A first pass loads the home slot of every feature with no
	// branch between the loads, so the processor fetches the cache lines
	// in parallel; the second pass then finds them cached.
	var at [128]uint32
	for len(features) > 0 {
		fs := features[:min(len(features), len(at))]
		features = features[len(fs):]
		var touch uint32
		for i, k := range fs {
			s := hashSlot(max(k, 1), t.mask)
			at[i] = s
			touch |= t.slots[s].key
		}
		// Then the first cache line of every long run found at home, the
		// same way: those runs live apart from their slots.
		for i, k := range fs {
			if sl := &t.slots[at[i]]; sl.key == max(k, 1) && sl.count > inline && t.wide == nil {
				touch |= uint32(t.pairs[sl.start()])
			}
		}
		if touch == 0 && len(t.slots) == 0 {
			return // never: keeps the loads above from being discarded
		}
		for i, k := range fs {
			t.add(max(k, 1), at[i], scores)
		}
	}
}

func (t *hashTable) add(k, s uint32, scores []int32) {
	for {
		sl := &t.slots[s]
		if sl.key == k {
			n := uint32(sl.count)
			switch {
			case t.wide != nil:
				for _, p := range t.wide[sl.start() : sl.start()+n] {
					if c := int(p >> 16); c < len(scores) {
						scores[c] += int32(int16(p))
					}
				}
			case n > inline:
				for _, p := range t.pairs[sl.start() : sl.start()+n] {
					t.addPair(p, scores)
				}
			default:
				for _, p := range sl.p[:n] {
					t.addPair(p, scores)
				}
			}
			return
		}
		if sl.key == 0 {
			return
		}
		s = (s + 1) & t.mask
	}
}

func (t *hashTable) addPair(p uint16, scores []int32) {
	if c := int(p >> 8); c < len(scores) {
		scores[c] += t.value[p&0xff]
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

// StoredLevels is the number of magnitudes the embedded models' weights
// take (Levels).
const StoredLevels = maxBook

// Levels rounds each weight of q to the nearest, by ratio, of n
// magnitudes spaced evenly on a log scale between the smallest and the
// largest non-zero magnitude of q (n at most 128), keeping its sign. The
// weights then take at most n magnitudes, and the stored form spends a
// byte on each instead of two. A perceptron's weights span about two
// orders of magnitude and their ratios are what decide, so n = 128 (a
// step of under 4%) leaves the tagger's and parser's scores on EWT dev
// within a few hundredths (docs/NLP.md).
func Levels(q []int16, n int) {
	n = min(max(n, 2), maxBook)
	lo, hi := math.Inf(1), 0.0
	for _, v := range q {
		if a := float64(absQ(v)); a > 0 {
			lo, hi = math.Min(lo, a), math.Max(hi, a)
		}
	}
	if hi == 0 {
		return
	}
	ll, step := math.Log(lo), (math.Log(hi)-math.Log(lo))/float64(n-1)
	for i, v := range q {
		a := float64(absQ(v))
		if a == 0 {
			continue
		}
		k := 0.0
		if step > 0 {
			k = math.Round((math.Log(a) - ll) / step)
		}
		m := math.Min(math.Round(math.Exp(ll+k*step)), math.MaxInt16)
		if v < 0 {
			m = -m
		}
		q[i] = int16(m)
	}
}
