package summary

import (
	"context"

	"github.com/dyad-events/dyad"
)

// MaxPairs bounds TopPairs: once it has met this many pairs it gives up,
// and the store sums the whole range instead.
const MaxPairs = 50_000

// ReadMonths reads, for each month (an index into the range's months) of
// open, the pairs from offset depth to depth+step of that month, busiest
// first, and calls visit for each in that order with its count.
type ReadMonths func(ctx context.Context, open []int, depth, step int, visit func(month int, pair [2]string, n int64)) error

// SumPairs sets sums[k], for each pair k of pairs, to its counts over the
// whole range: its months and the days at either end.
type SumPairs func(ctx context.Context, pairs [][2]string, sums map[[2]string]dyad.DyadCount) error

// TopPairs finds the limit busiest pairs of a range of months (plus the
// days at either end, whose pairs part holds) without summing every pair
// of every month: a year of a ten-million-event store is millions of
// summary rows, grouped and sorted, seconds. It reads each month's pairs
// busiest first, a slice of every month a round, and sums the range for
// each pair it meets. A pair not met yet has at most, in each month, the
// count of the last pair read there, so at most their sum over the months
// plus the most any pair has in the days at either end: once the
// limit-th sum found exceeds that bound, no pair not met can be among the
// limit busiest (the threshold algorithm). Each round reads twice as deep
// as the last. ok is false when too many pairs come near the top for
// this to pay (MaxPairs).
func TopPairs(ctx context.Context, months int, part map[[2]string]dyad.DyadCount, limit int, read ReadMonths, sum SumPairs) (out []dyad.DyadCount, ok bool, err error) {
	maxPart := 0
	sums := map[[2]string]dyad.DyadCount{} // by pair met: its sum, once summed
	var fresh [][2]string                  // pairs met and not summed yet
	for k, x := range part {
		maxPart = max(maxPart, x.Events)
		sums[k] = dyad.DyadCount{}
		fresh = append(fresh, k)
	}
	depth, step := 0, max(limit, 16)
	last := make([]int64, months) // the count of the last pair read in each month
	done := make([]bool, months)
	for {
		var open []int
		for i := range months {
			if !done[i] {
				open = append(open, i)
			}
		}
		got := make([]int, months)
		if len(open) > 0 {
			err := read(ctx, open, depth, step, func(i int, k [2]string, n int64) {
				got[i]++
				last[i] = n
				if _, ok := sums[k]; !ok {
					sums[k] = dyad.DyadCount{}
					fresh = append(fresh, k)
				}
			})
			if err != nil {
				return nil, false, err
			}
		}
		for _, i := range open {
			if got[i] < step { // every pair of the month read
				done[i], last[i] = true, 0
			}
		}
		if len(sums) > MaxPairs {
			return nil, false, nil
		}
		if len(fresh) > 0 {
			if err := sum(ctx, fresh, sums); err != nil {
				return nil, false, err
			}
		}
		fresh = fresh[:0]
		bound := int64(maxPart)
		all := true
		for i := range months {
			bound += last[i]
			all = all && done[i]
		}
		out = dyad.RankDyads(sums)
		if all || len(out) >= limit && int64(out[limit-1].Events) > bound {
			return out[:min(limit, len(out))], true, nil
		}
		depth += step
		step *= 2
	}
}
