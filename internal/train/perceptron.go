package train

import (
	"math"
	"sort"
)

// perceptron is an averaged multi-class perceptron over hashed sparse
// features, stored as a short list of (class, weight) entries per feature.
type perceptron struct {
	classes int
	index   map[uint32]int32
	rows    [][]entry
	c       int64 // instances seen, for averaging
}

// entry is one class's weight for a feature. u accumulates c·Δ so that the
// averaged weight is w - u/c.
type entry struct {
	class uint16
	w     int32
	u     int64
}

func newPerceptron(classes int) *perceptron {
	return &perceptron{classes: classes, index: make(map[uint32]int32, 1<<20), c: 1}
}

// score adds the current weights of feats to scores.
func (p *perceptron) score(feats []uint32, scores []int32) {
	for _, f := range feats {
		if r, ok := p.index[f]; ok {
			for _, e := range p.rows[r] {
				scores[e.class] += e.w
			}
		}
	}
}

// update moves weight from class bad to class good for every feature.
func (p *perceptron) update(feats []uint32, good, bad int, step int32) {
	if good == bad {
		return
	}
	for _, f := range feats {
		r := p.row(f)
		p.add(r, good, step)
		p.add(r, bad, -step)
	}
}

// updateKnown is update restricted to features that already have a row.
func (p *perceptron) updateKnown(feats []uint32, good, bad int, step int32) {
	if good == bad {
		return
	}
	for _, f := range feats {
		if r, ok := p.index[f]; ok {
			p.add(r, good, step)
			p.add(r, bad, -step)
		}
	}
}

// row returns the row of feature f, adding an empty one if it has none.
func (p *perceptron) row(f uint32) int32 {
	r, ok := p.index[f]
	if !ok {
		r = int32(len(p.rows))
		p.index[f] = r
		p.rows = append(p.rows, nil)
	}
	return r
}

func (p *perceptron) add(r int32, class int, d int32) {
	row := p.rows[r]
	for i := range row {
		if int(row[i].class) == class {
			row[i].w += d
			row[i].u += p.c * int64(d)
			return
		}
	}
	p.rows[r] = append(row, entry{class: uint16(class), w: d, u: p.c * int64(d)})
}

// tick counts one training instance.
func (p *perceptron) tick() { p.c++ }

// frozen is an averaged, pruned model: ascending feature keys, each with a
// run of (class, weight) pairs.
type frozen struct {
	keys   []uint32
	counts []uint16
	class  []uint8
	w      []float32
}

// freeze averages the weights and drops those smaller than prune in
// magnitude, and features left with none.
func (p *perceptron) freeze(prune float64) frozen {
	keys := make([]uint32, 0, len(p.index))
	for k := range p.index {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var fz frozen
	c := float64(p.c)
	for _, k := range keys {
		row := p.rows[p.index[k]]
		sort.Slice(row, func(i, j int) bool { return row[i].class < row[j].class })
		n := 0
		for _, e := range row {
			avg := float64(e.w) - float64(e.u)/c
			if math.Abs(avg) < prune || e.class > 255 {
				continue
			}
			fz.class = append(fz.class, uint8(e.class))
			fz.w = append(fz.w, float32(avg))
			n++
		}
		if n > 0 {
			fz.keys = append(fz.keys, k)
			fz.counts = append(fz.counts, uint16(n))
		}
	}
	return fz
}

// deltas returns keys as differences from the previous key.
func deltas(keys []uint32) []uint32 {
	d := make([]uint32, len(keys))
	prev := uint32(0)
	for i, k := range keys {
		d[i] = k - prev
		prev = k
	}
	return d
}

// addAll moves the weight of class for every feature by d.
func (p *perceptron) addAll(feats []uint32, class int, d int32) {
	for _, f := range feats {
		p.add(p.row(f), class, d)
	}
}

// meanFrozen returns the mean of models: each feature's weight for each
// class summed over the models that keep it and divided by their number.
// With one model it returns that model.
func meanFrozen(models []frozen) frozen {
	if len(models) == 1 {
		return models[0]
	}
	type kc struct {
		key   uint32
		class uint8
	}
	sum := map[kc]float64{}
	for _, m := range models {
		i := 0
		for k, key := range m.keys {
			for range m.counts[k] {
				sum[kc{key, m.class[i]}] += float64(m.w[i])
				i++
			}
		}
	}
	all := make([]kc, 0, len(sum))
	for e := range sum {
		all = append(all, e)
	}
	sort.Slice(all, func(i, j int) bool {
		return all[i].key < all[j].key || all[i].key == all[j].key && all[i].class < all[j].class
	})
	var out frozen
	n := float64(len(models))
	for _, e := range all {
		if k := len(out.keys) - 1; k >= 0 && out.keys[k] == e.key {
			out.counts[k]++
		} else {
			out.keys = append(out.keys, e.key)
			out.counts = append(out.counts, 1)
		}
		out.class = append(out.class, e.class)
		out.w = append(out.w, float32(sum[e]/n))
	}
	return out
}

// prune returns fz without the weights smaller than min in magnitude, and
// without features left with none: a mean keeps, at a fraction of their
// size, weights that only some of its models kept.
func (fz frozen) prune(min float64) frozen {
	var out frozen
	i := 0
	for k, key := range fz.keys {
		n := uint16(0)
		for range fz.counts[k] {
			if math.Abs(float64(fz.w[i])) >= min {
				out.class = append(out.class, fz.class[i])
				out.w = append(out.w, fz.w[i])
				n++
			}
			i++
		}
		if n > 0 {
			out.keys = append(out.keys, key)
			out.counts = append(out.counts, n)
		}
	}
	return out
}
