package summary_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/summary"
)

// TestTopPairs checks the threshold algorithm against summing every pair
// of every month, on months of skewed random counts with days at the ends.
func TestTopPairs(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 7))
		months := 2 + r.IntN(6)
		counts := make([]map[[2]string]int, months)
		total := map[[2]string]dyad.DyadCount{}
		for i := range counts {
			counts[i] = map[[2]string]int{}
			for range 20 + r.IntN(200) {
				k := [2]string{fmt.Sprint("S", r.IntN(30)), fmt.Sprint("T", r.IntN(30))}
				counts[i][k] += 1 + r.IntN(1+r.IntN(50))
			}
		}
		part := map[[2]string]dyad.DyadCount{}
		for range r.IntN(20) {
			k := [2]string{fmt.Sprint("S", r.IntN(30)), fmt.Sprint("T", r.IntN(30))}
			part[k] = part[k].Plus(dyad.DyadCount{Source: k[0], Target: k[1], Events: 1 + r.IntN(120)})
		}
		sorted := make([][][2]string, months) // each month's pairs, busiest first
		for i, m := range counts {
			for k, n := range m {
				sorted[i] = append(sorted[i], k)
				x := total[k]
				x.Source, x.Target = k[0], k[1]
				total[k] = x.Plus(dyad.DyadCount{Events: n})
			}
			slices.SortFunc(sorted[i], func(a, b [2]string) int { return m[b] - m[a] })
		}
		for k, x := range part {
			t := total[k]
			t.Source, t.Target = k[0], k[1]
			total[k] = t.Plus(x)
		}
		read := func(_ context.Context, open []int, depth, step int, visit func(int, [2]string, int64)) error {
			for _, i := range open {
				for _, k := range sorted[i][min(depth, len(sorted[i])):min(depth+step, len(sorted[i]))] {
					visit(i, k, int64(counts[i][k]))
				}
			}
			return nil
		}
		sum := func(_ context.Context, pairs [][2]string, sums map[[2]string]dyad.DyadCount) error {
			for _, k := range pairs {
				sums[k] = total[k]
			}
			return nil
		}
		for _, limit := range []int{1, 5, 40} {
			got, ok, err := summary.TopPairs(ctx, months, part, limit, read, sum)
			if err != nil || !ok {
				t.Fatalf("seed %d limit %d: ok %v, err %v", seed, limit, ok, err)
			}
			want := dyad.RankDyads(total)
			want = want[:min(limit, len(want))]
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("seed %d limit %d:\n got %v\nwant %v", seed, limit, got, want)
			}
		}
	}
}
