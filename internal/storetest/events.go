package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
)

func testFindEvents(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	MustCreate(t, s, Fixture(20))
	for _, tt := range []struct {
		name string
		f    dyad.EventFilter
		want int
	}{
		{"All", dyad.EventFilter{}, 20},
		{"Dates", dyad.EventFilter{From: ptr("2020-01-05"), To: ptr("2020-01-09")}, 5},
		{"SourceRoot", dyad.EventFilter{Source: ptr("USA")}, 10},
		{"SourceCode", dyad.EventFilter{Source: ptr("USAGOV")}, 10},
		{"SourceShort", dyad.EventFilter{Source: ptr("US")}, 10},
		{"SourceLower", dyad.EventFilter{Source: ptr("usagov")}, 10},
		{"Dyad", dyad.EventFilter{Source: ptr("RUS"), Target: ptr("UKR")}, 10},
		{"DyadReversed", dyad.EventFilter{Source: ptr("UKR"), Target: ptr("RUS")}, 0},
		{"Undirected", dyad.EventFilter{Source: ptr("UKR"), Target: ptr("RUS"), Undirected: true}, 10},
		{"Actor", dyad.EventFilter{Actor: ptr("CHN")}, 10},
		{"Country", dyad.EventFilter{Country: ptr("UKR")}, 10},
		{"SourceCountry", dyad.EventFilter{SourceCountry: ptr("USA")}, 10},
		{"TargetCountry", dyad.EventFilter{TargetCountry: ptr("USA")}, 0},
		{"CAMEORoot", dyad.EventFilter{CAMEO: ptr("19")}, 10},
		{"CAMEOCode", dyad.EventFilter{CAMEO: ptr("036")}, 10},
		{"PLOVER", dyad.EventFilter{PLOVER: ptr("consult")}, 10},
		{"Quad", dyad.EventFilter{QuadClass: ptr(4)}, 10},
		{"Modality", dyad.EventFilter{Modality: ptr(dyad.Negated)}, 0},
		{"MinConfidence", dyad.EventFilter{MinConfidence: ptr(0.7)}, 10},
		{"Text", dyad.EventFilter{Text: ptr("story 7")}, 1},
		{"TextSyntax", dyad.EventFilter{Text: ptr(`"AND( NEAR`)}, 0},
		{"TextControl", dyad.EventFilter{Text: ptr("story\x00 7\x01")}, 1}, // NUL made FTS5 fail
		{"DocID", dyad.EventFilter{DocID: ptr("doc004")}, 1},
		{"DocSource", dyad.EventFilter{DocSource: ptr("VOA")}, 10},
		{"DateSourceText", dyad.EventFilter{DateSource: ptr(dyad.DateFromText)}, 7},
		{"DateSourcePublication", dyad.EventFilter{DateSource: ptr(dyad.DateFromPublication)}, 13},
		{"DateSourceDyad", dyad.EventFilter{Source: ptr("RUS"), Target: ptr("UKR"), DateSource: ptr(dyad.DateFromText)}, 3},
		{"Desc", dyad.EventFilter{Desc: true}, 20},
		{"DescActor", dyad.EventFilter{Actor: ptr("UKR"), Desc: true}, 10},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if n := mustCount(t, s, tt.f); n != tt.want {
				t.Fatalf("CountEvents(%+v)=%d, want %d", tt.f, n, tt.want)
			}
			f := tt.f
			f.Limit = 3
			var got []*dyad.Event
			for {
				evs, next, err := s.FindEvents(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, evs...)
				if next == "" {
					break
				}
				f.After = next
			}
			if len(got) != tt.want {
				t.Fatalf("paging through FindEvents(%+v) saw %d events, want %d", tt.f, len(got), tt.want)
			}
			for i := 1; i < len(got); i++ {
				if a, b := got[i-1].Date, got[i].Date; a > b && !tt.f.Desc || a < b && tt.f.Desc {
					t.Fatalf("FindEvents(%+v) out of date order at %d: %s after %s", tt.f, i, b, a)
				}
			}
		})
	}
	t.Run("ErrBadDate", func(t *testing.T) {
		if _, _, err := s.FindEvents(ctx, dyad.EventFilter{From: ptr("2020-13-01")}); dyad.ErrorCode(err) != dyad.EINVALID {
			t.Fatalf("err=%v, want invalid", err)
		}
	})
	t.Run("ErrBadQuad", func(t *testing.T) {
		if _, err := s.CountEvents(ctx, dyad.EventFilter{QuadClass: ptr(5)}); dyad.ErrorCode(err) != dyad.EINVALID {
			t.Fatalf("err=%v, want invalid", err)
		}
	})
	t.Run("ErrBadDateSource", func(t *testing.T) {
		if _, _, err := s.FindEvents(ctx, dyad.EventFilter{DateSource: ptr(dyad.DateSource("guess"))}); dyad.ErrorCode(err) != dyad.EINVALID {
			t.Fatalf("err=%v, want invalid", err)
		}
	})
	t.Run("ErrBadCursor", func(t *testing.T) {
		if _, _, err := s.FindEvents(ctx, dyad.EventFilter{After: "garbage"}); dyad.ErrorCode(err) != dyad.EINVALID {
			t.Fatalf("err=%v, want invalid", err)
		}
	})
	t.Run("ByID", func(t *testing.T) {
		ev, err := s.FindEventByID(ctx, "doc001:0:0")
		if err != nil || ev.Text != "Story 1 happened." || ev.Location == nil || ev.Location.Name != "Kyiv" ||
			ev.CAMEO.Code != "190" || ev.Source.Text != "Russian troops" || ev.Date != "2020-01-02" {
			t.Fatalf("FindEventByID=%+v, %v", ev, err)
		}
		if _, err := s.FindEventByID(ctx, "nope"); dyad.ErrorCode(err) != dyad.ENOTFOUND {
			t.Fatalf("missing id: err=%v, want not_found", err)
		}
	})
}

func testReplaceEvents(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	docs := Fixture(2)
	MustCreate(t, s, docs)
	ev := docs[0].Events[0]
	recoded := ev
	recoded.CAMEO = dyad.CAMEO{Code: "040", Root: "04", Goldstein: 1, QuadClass: 1}
	added := ev
	added.ID = "doc000:0:1"
	added.Target = dyad.Actor{Code: "JPNGOV"}
	diff, err := s.ReplaceEvents(ctx, "doc000", []dyad.Event{recoded, added})
	if err != nil {
		t.Fatal(err)
	}
	if len(diff.Recoded) != 1 || len(diff.Added) != 1 || len(diff.Removed) != 0 {
		t.Fatalf("diff=%+v, want 1 recoded and 1 added", diff)
	}
	if got, err := s.FindEventByID(ctx, "doc000:0:0"); err != nil || got.CAMEO.Code != "040" || got.Text == "" {
		t.Fatalf("recoded event=%+v, %v, want code 040 with its sentence", got, err)
	}
	if doc, _ := s.FindDocumentByID(ctx, "doc000"); doc == nil || doc.Events != 2 {
		t.Fatalf("doc000 after ReplaceEvents=%+v, want 2 events", doc)
	}
	diff, err = s.ReplaceEvents(ctx, "doc000", nil)
	if err != nil || len(diff.Removed) != 2 {
		t.Fatalf("diff=%+v, %v, want 2 removed", diff, err)
	}
	if n := mustCount(t, s, dyad.EventFilter{DocID: ptr("doc000")}); n != 0 {
		t.Fatalf("doc000 has %d events after removal", n)
	}
	if _, err := s.ReplaceEvents(ctx, "nope", nil); dyad.ErrorCode(err) != dyad.ENOTFOUND {
		t.Fatalf("unknown doc: err=%v, want not_found", err)
	}
}

// testEventOrder pages through events in both orders, a few at a time,
// over events that share dates and one undated event. The contract: dates
// ascending (undated first), ties in one fixed order (the store's row id,
// which need not follow the event ids), every page continuing where the
// last stopped whatever its size, and Desc the exact reverse.
func testEventOrder(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	docs := Fixture(13)
	for i, cd := range docs {
		date := "" // document 0's event is undated
		if i > 0 {
			date = fmt.Sprintf("2020-02-%02d", 1+(i-1)/3) // three events a day
		}
		cd.Events[0].Date = date
	}
	MustCreate(t, s, docs)
	page := func(name string, f dyad.EventFilter) ([]string, []string) {
		var ids, dates []string
		for pages := 0; ; pages++ {
			if pages > len(docs) {
				t.Fatalf("%s: more pages than events (cursor loops?)", name)
			}
			evs, next, err := s.FindEvents(ctx, f)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if len(evs) > f.Limit {
				t.Fatalf("%s: page of %d events", name, len(evs))
			}
			for _, ev := range evs {
				ids, dates = append(ids, ev.ID), append(dates, ev.Date)
			}
			if next == "" {
				return ids, dates
			}
			f.After = next
		}
	}
	for _, tt := range []struct {
		name string
		f    dyad.EventFilter
		keep func(i int) bool // which fixture documents match f
	}{
		{"All", dyad.EventFilter{}, func(int) bool { return true }},
		{"Dyad", dyad.EventFilter{Source: ptr("RUS"), Target: ptr("UKR")}, func(i int) bool { return i%2 == 1 }},
		{"Actor", dyad.EventFilter{Actor: ptr("UKR")}, func(i int) bool { return i%2 == 1 }}, // either side: merged branches
		{"DateSource", dyad.EventFilter{DateSource: ptr(dyad.DateFromText)}, func(i int) bool { return i%3 == 0 }},
		{"FromTo", dyad.EventFilter{From: ptr("2020-02-02"), To: ptr("2020-02-03")}, func(i int) bool { return i >= 4 && i <= 9 }},
	} {
		var want []string
		for i := range docs {
			if tt.keep(i) {
				want = append(want, docs[i].Events[0].ID)
			}
		}
		f := tt.f
		f.Limit = 100
		asc, dates := page(tt.name+"/asc/limit=100", f)
		if got := slices.Sorted(slices.Values(asc)); !slices.Equal(got, want) {
			t.Errorf("%s: events %v, want %v", tt.name, got, want)
		}
		if !slices.IsSorted(dates) {
			t.Errorf("%s: dates not ascending: %q", tt.name, dates)
		}
		desc := slices.Clone(asc)
		slices.Reverse(desc)
		for _, c := range []struct {
			desc bool
			want []string
		}{{false, asc}, {true, desc}} {
			for _, limit := range []int{1, 2, 100} {
				name := fmt.Sprintf("%s/desc=%v/limit=%d", tt.name, c.desc, limit)
				f := tt.f
				f.Desc, f.Limit = c.desc, limit
				if got, _ := page(name, f); !slices.Equal(got, c.want) {
					t.Errorf("%s: got %v\nwant %v", name, got, c.want)
				}
			}
		}
	}
}
