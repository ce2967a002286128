package storetest

import (
	"context"
	"sync"
	"testing"

	"github.com/dyad-events/dyad"
)

// testConcurrentCreate stores the same documents from several writers at
// once, as workers sharing a queue do after a redelivery: each document
// must be stored exactly once.
func testConcurrentCreate(t *testing.T, open Opener) {
	s := open(t)
	const writers, n = 4, 40
	var wg sync.WaitGroup
	stored := make([]int, writers)
	errs := make([]error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			docs := Fixture(n)
			for i := w; i < n+w; i += 5 { // overlapping batches in another order per writer
				var batch []*dyad.CodedDocument
				for k := i; k < i+5 && k < n; k++ {
					batch = append(batch, docs[k])
				}
				k, err := s.CreateDocuments(context.Background(), batch)
				if err != nil {
					errs[w] = err
					return
				}
				stored[w] += k
			}
		}()
	}
	wg.Wait()
	total := 0
	for w := range writers {
		if errs[w] != nil {
			t.Fatalf("writer %d: %v", w, errs[w])
		}
		total += stored[w]
	}
	if total != n {
		t.Fatalf("writers stored %v documents, %d in all, want %d", stored, total, n)
	}
	if got := mustCount(t, s, dyad.EventFilter{}); got != n {
		t.Fatalf("CountEvents()=%d, want %d", got, n)
	}
}

func testFindDocuments(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	MustCreate(t, s, Fixture(12))
	for _, tt := range []struct {
		name string
		f    dyad.DocumentFilter
		want int
	}{
		{"All", dyad.DocumentFilter{}, 12},
		{"Source", dyad.DocumentFilter{Source: ptr("VOA")}, 6},
		{"Dates", dyad.DocumentFilter{From: ptr("2020-01-03"), To: ptr("2020-01-05")}, 3},
		{"NoErrors", dyad.DocumentFilter{HasError: ptr(false)}, 12},
		{"Errors", dyad.DocumentFilter{HasError: ptr(true)}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.f
			f.Limit = 5
			var ids []string
			for {
				docs, next, err := s.FindDocuments(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				for _, d := range docs {
					ids = append(ids, d.ID)
				}
				if next == "" {
					break
				}
				f.After = next
			}
			if len(ids) != tt.want {
				t.Fatalf("paging FindDocuments(%+v) gave %v, want %d documents", tt.f, ids, tt.want)
			}
			for i := 1; i < len(ids); i++ {
				if ids[i-1] >= ids[i] {
					t.Fatalf("FindDocuments(%+v) out of id order: %v", tt.f, ids)
				}
			}
		})
	}
	if _, err := s.FindDocumentByID(ctx, "nope"); dyad.ErrorCode(err) != dyad.ENOTFOUND {
		t.Fatalf("FindDocumentByID(nope) err=%v, want not_found", err)
	}
}
