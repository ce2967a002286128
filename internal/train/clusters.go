package train

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/internal/conllu"
)

// ClusterOptions sets how words are grouped by the company they keep.
type ClusterOptions struct {
	// Classes lists the granularities: each gives a separate grouping of
	// the words into that many classes ("64, 512": a coarse one and a
	// fine one).
	Classes []int
	// MinCount is how often a lemma must occur to be grouped.
	MinCount int
	// Contexts is how many of the most frequent contexts are kept.
	Contexts int
	// Passes is the number of passes over the words.
	Passes int
}

// DefaultClusterOptions are the settings the committed table was made
// with.
func DefaultClusterOptions() ClusterOptions {
	return ClusterOptions{Classes: []int{64, 512}, MinCount: 5, Contexts: 30000, Passes: 12}
}

// WordClusters groups lemmas by their dependency and neighbour contexts in
// parsed news (a word's head with the relation, its dependents with
// theirs, the lemmas beside it), so that a trigger word the coded news
// never showed ("eliminated") shares its class with ones it did
// ("killed"). Each granularity is an exchange clustering: words move one
// at a time to the class that most raises the mutual information
// between classes and contexts, until a pass moves none or the passes
// run out. The result maps each lemma to its class in each granularity.
// Deterministic: words are taken in frequency order.
func WordClusters(sents []conllu.Sentence, opt ClusterOptions, log io.Writer) map[string][]int {
	words, ctxs, pairs := clusterCounts(sents, opt)
	if log != nil {
		fmt.Fprintf(log, "clusters: %d lemmas, %d contexts, %d word-context pairs\n", len(words), len(ctxs), len(pairs.x))
	}
	out := make(map[string][]int, len(words))
	for _, w := range words {
		out[w] = make([]int, len(opt.Classes))
	}
	for g, k := range opt.Classes {
		class := exchange(pairs, len(words), len(ctxs), k, opt.Passes, log)
		for i, w := range words {
			out[w][g] = class[i]
		}
	}
	return out
}

// wordContexts holds each word's context counts: word i's contexts are
// x[start[i]:start[i+1]] with counts n[...].
type wordContexts struct {
	start []int
	x     []int32
	n     []int32
}

func clusterCounts(sents []conllu.Sentence, opt ClusterOptions) ([]string, []string, wordContexts) {
	lemma := func(w *conllu.Word) string {
		l := strings.ToLower(w.Lemma)
		if l == "" || l == "_" {
			l = strings.ToLower(w.Form)
		}
		return l
	}
	type pair struct{ w, c string }
	wc := map[string]int{}
	cc := map[string]int{}
	pc := map[pair]int{}
	var ctx []string
	var kids [][]int
	for si := range sents {
		s := &sents[si]
		ws := s.Words
		kids = slices.Grow(kids[:0], len(ws))[:len(ws)]
		for k := range kids {
			kids[k] = kids[k][:0]
		}
		for k := range ws {
			if h := ws[k].Head - 1; h >= 0 && h < len(ws) {
				kids[h] = append(kids[h], k)
			}
		}
		for i := range ws {
			w := &ws[i]
			if w.UPOS == "PUNCT" || w.UPOS == "NUM" || w.UPOS == "SYM" {
				continue
			}
			l := lemma(w)
			ctx = ctx[:0]
			rel := w.Rel
			if h := w.Head - 1; h >= 0 && h < len(ws) {
				ctx = append(ctx, "h:"+rel+":"+lemma(&ws[h]))
			} else {
				ctx = append(ctx, "h:root")
			}
			for _, k := range kids[i] {
				if ws[k].UPOS == "PUNCT" {
					continue
				}
				r := ws[k].Rel
				switch base, _, _ := strings.Cut(r, ":"); base {
				case "det", "cc", "punct", "mark":
					continue
				case "case", "aux", "cop":
					ctx = append(ctx, "d:"+r+":"+lemma(&ws[k]))
					continue
				}
				// "fired on protesters": obl:on, the case folded in.
				for _, m := range kids[k] {
					if ws[m].Rel == "case" {
						r += ":" + lemma(&ws[m])
						break
					}
				}
				ctx = append(ctx, "d:"+r+":"+lemma(&ws[k]))
			}
			if i > 0 {
				ctx = append(ctx, "L:"+lemma(&ws[i-1]))
			}
			if i+1 < len(ws) {
				ctx = append(ctx, "R:"+lemma(&ws[i+1]))
			}
			wc[l]++
			for _, c := range ctx {
				cc[c]++
				pc[pair{l, c}]++
			}
		}
	}
	words := make([]string, 0, len(wc))
	for w, n := range wc {
		if n >= opt.MinCount {
			words = append(words, w)
		}
	}
	byCount := func(m map[string]int, xs []string) {
		sort.Slice(xs, func(i, j int) bool {
			a, b := m[xs[i]], m[xs[j]]
			return a > b || a == b && xs[i] < xs[j]
		})
	}
	byCount(wc, words)
	ctxs := make([]string, 0, len(cc))
	for c, n := range cc {
		if n >= 2 {
			ctxs = append(ctxs, c)
		}
	}
	byCount(cc, ctxs)
	if len(ctxs) > opt.Contexts {
		ctxs = ctxs[:opt.Contexts]
	}
	wi := make(map[string]int, len(words))
	for i, w := range words {
		wi[w] = i
	}
	ci := make(map[string]int32, len(ctxs))
	for i, c := range ctxs {
		ci[c] = int32(i)
	}
	lists := make([][][2]int32, len(words))
	for p, n := range pc {
		i, ok := wi[p.w]
		c, ok2 := ci[p.c]
		if ok && ok2 {
			lists[i] = append(lists[i], [2]int32{c, int32(n)})
		}
	}
	var out wordContexts
	for _, l := range lists {
		slices.SortFunc(l, func(a, b [2]int32) int { return int(a[0] - b[0]) })
		out.start = append(out.start, len(out.x))
		for _, p := range l {
			out.x = append(out.x, p[0])
			out.n = append(out.n, p[1])
		}
	}
	out.start = append(out.start, len(out.x))
	return words, ctxs, out
}

// exchange clusters nw words into k classes by their contexts and returns
// each word's class.
func exchange(wcx wordContexts, nw, nc, k, passes int, log io.Writer) []int {
	class := make([]int, nw)
	for i := range class {
		class[i] = i % k
	}
	// n[c*nc+x]: how often class c's words have context x; tot[c]: all of
	// class c's contexts.
	n := make([]int32, k*nc)
	tot := make([]int64, k)
	wtot := make([]int64, nw)
	for i := 0; i < nw; i++ {
		c := class[i]
		for j := wcx.start[i]; j < wcx.start[i+1]; j++ {
			n[c*nc+int(wcx.x[j])] += wcx.n[j]
			wtot[i] += int64(wcx.n[j])
		}
		tot[c] += wtot[i]
	}
	// The mutual information between classes and contexts is, up to
	// terms no move changes, the sum of n log n over the class-context
	// counts less that over the classes' totals; f tabulates n log n.
	flog := func(m int64) float64 {
		if m <= 0 {
			return 0
		}
		return float64(m) * math.Log(float64(m))
	}
	tab := make([]float64, 0, 1<<20)
	f := func(m int32) float64 {
		if int(m) < len(tab) {
			return tab[m]
		}
		return flog(int64(m))
	}
	for m := 0; m < cap(tab); m++ {
		tab = append(tab, flog(int64(m)))
	}
	for pass := 0; pass < passes; pass++ {
		moved := 0
		for i := 0; i < nw; i++ {
			a := class[i]
			lo, hi := wcx.start[i], wcx.start[i+1]
			for j := lo; j < hi; j++ {
				n[a*nc+int(wcx.x[j])] -= wcx.n[j]
			}
			tot[a] -= wtot[i]
			best, bestGain := a, math.Inf(-1)
			for c := 0; c < k; c++ {
				row := n[c*nc : (c+1)*nc]
				g := 0.0
				for j := lo; j < hi; j++ {
					v := row[wcx.x[j]]
					if v == 0 {
						g += f(wcx.n[j])
						continue
					}
					g += f(v+wcx.n[j]) - f(v)
				}
				g -= flog(tot[c]+wtot[i]) - flog(tot[c])
				if g > bestGain+1e-9 || g > bestGain-1e-9 && c == a {
					best, bestGain = c, g
				}
			}
			for j := lo; j < hi; j++ {
				n[best*nc+int(wcx.x[j])] += wcx.n[j]
			}
			tot[best] += wtot[i]
			if best != a {
				class[i] = best
				moved++
			}
		}
		if log != nil {
			fmt.Fprintf(log, "clusters: k=%d pass %d moved %d\n", k, pass+1, moved)
		}
		if moved == 0 {
			break
		}
	}
	return class
}
