package mock_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/mock"
)

func TestUnsetMethod(t *testing.T) {
	var s mock.EventStore
	_, _, err := s.FindEvents(context.Background(), dyad.EventFilter{})
	if dyad.ErrorCode(err) != dyad.EINTERNAL || !strings.Contains(err.Error(), "FindEvents") {
		t.Fatalf("unset FindEvents: err %v, want an internal error naming the method", err)
	}
}

func TestMemory(t *testing.T) {
	ev := func(id, date, src, tgt, code string, quad int, g float64) dyad.Event {
		return dyad.Event{ID: id, Date: date, Source: dyad.Actor{Code: src}, Target: dyad.Actor{Code: tgt},
			CAMEO: dyad.CAMEO{Code: code, QuadClass: quad, Goldstein: g}, Text: "words of " + id,
			DateSource: dyad.DateFromPublication}
	}
	b := ev("b", "2020-01-06", "CHNGOV", "USAGOV", "042", 1, 2)
	b.DateSource = dyad.DateFromText // the others are dated by publication
	m := mock.NewMemory([]dyad.Event{
		ev("c", "2020-01-08", "USAGOV", "CHNGOV", "190", 4, -10),
		ev("a", "2020-01-06", "USAGOV", "CHNGOV", "040", 1, 1),
		b,
	})

	ctx := context.Background()
	ptr := func(s string) *string { return &s }
	t.Run("OrderAndPaging", func(t *testing.T) {
		evs, next, err := m.FindEvents(ctx, dyad.EventFilter{Limit: 2})
		if err != nil || len(evs) != 2 || evs[0].ID != "a" || evs[1].ID != "b" || next == "" {
			t.Fatalf("first page %v %q %v, want a, b and a cursor", evs, next, err)
		}
		evs, next, _ = m.FindEvents(ctx, dyad.EventFilter{Limit: 2, After: next})
		if len(evs) != 1 || evs[0].ID != "c" || next != "" {
			t.Fatalf("second page %v %q, want c and no cursor", evs, next)
		}
	})
	t.Run("NewestFirst", func(t *testing.T) {
		var got []string
		f := dyad.EventFilter{Limit: 2, Desc: true}
		for range 3 {
			evs, next, err := m.FindEvents(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, ev := range evs {
				got = append(got, ev.ID)
			}
			if next == "" {
				break
			}
			f.After = next
		}
		if strings.Join(got, ",") != "c,b,a" {
			t.Fatalf("newest first, pages of 2: %v, want c, b, a", got)
		}
	})
	t.Run("DateSource", func(t *testing.T) {
		text := dyad.DateFromText
		evs, _, err := m.FindEvents(ctx, dyad.EventFilter{DateSource: &text})
		if err != nil || len(evs) != 1 || evs[0].ID != "b" {
			t.Fatalf("text-dated events %v %v, want b alone", evs, err)
		}
		bad := dyad.DateSource("guess")
		if _, _, err := m.FindEvents(ctx, dyad.EventFilter{DateSource: &bad}); dyad.ErrorCode(err) != dyad.EINVALID {
			t.Fatalf("bad date source: %v, want EINVALID", err)
		}
	})
	t.Run("Undirected", func(t *testing.T) {
		n, _ := m.CountEvents(ctx, dyad.EventFilter{Source: ptr("USA"), Target: ptr("CHN"), Undirected: true})
		if n != 3 {
			t.Fatalf("undirected USA-CHN: %d events, want 3", n)
		}
	})
	t.Run("Series", func(t *testing.T) {
		pts, err := m.Series(ctx, dyad.EventFilter{Source: ptr("USA")}, dyad.Week)
		if err != nil || len(pts) != 1 || pts[0].Period != "2020-01-06" || pts[0].Events != 2 || pts[0].GoldsteinMean != -4.5 {
			t.Fatalf("weekly series %+v %v, want one week of 2020-01-06, 2 events, mean -4.5", pts, err)
		}
	})
	t.Run("ErrBadCursor", func(t *testing.T) {
		if _, _, err := m.FindEvents(ctx, dyad.EventFilter{After: "x"}); dyad.ErrorCode(err) != dyad.EINVALID {
			t.Fatalf("bad cursor: %v, want EINVALID", err)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		if _, err := m.FindEventByID(ctx, "zz"); dyad.ErrorCode(err) != dyad.ENOTFOUND {
			t.Fatalf("missing id: %v, want ENOTFOUND", err)
		}
	})
}
