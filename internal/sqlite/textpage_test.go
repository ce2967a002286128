package sqlite

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/synth"
)

// TestTextPages pages through filters with words, newest first and
// oldest, with a word's pages read from events_fts and from the other
// filters' indexes, and checks every page sequence against the events
// that the words' plain IN condition selects, sorted by (date, id). Some
// events are undated, some share a date.
func TestTextPages(t *testing.T) {
	ctx := context.Background()
	d, err := Open(ctx, filepath.Join(t.TempDir(), "text.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	opts := synth.DefaultOptions()
	opts.Events, opts.Days = 3000, 60
	g := synth.New(opts)
	if _, err := d.CreateDocuments(ctx, g.Next(3000)); err != nil {
		t.Fatal(err)
	}
	if _, err := d.db.ExecContext(ctx, "UPDATE events SET date = '' WHERE id % 17 = 0"); err != nil {
		t.Fatal(err)
	}
	doc := ""
	if err := d.db.QueryRowContext(ctx, "SELECT doc_id FROM events GROUP BY doc_id ORDER BY count(*) DESC LIMIT 1").Scan(&doc); err != nil {
		t.Fatal(err)
	}
	rare := "" // a word of a few events
	if _, err := d.db.ExecContext(ctx, "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, events_fts, 'row')"); err != nil {
		t.Fatal(err)
	}
	if err := d.db.QueryRowContext(ctx, "SELECT term FROM temp.vocab WHERE doc BETWEEN 2 AND 5 LIMIT 1").Scan(&rare); err != nil {
		t.Fatal(err)
	}
	cases := []dyad.EventFilter{
		{Text: ptr("government")},
		{Text: &rare},
		{Text: ptr("government talks")},
		{Text: ptr("government"), Actor: ptr("USA")},
		{Text: ptr("government"), Source: ptr("USA"), Target: ptr("IRN"), Undirected: true},
		{Text: ptr("government"), From: ptr("2015-01-10"), To: ptr("2015-01-31")},
		{Text: ptr("government"), Actor: ptr("USAGOV"), From: ptr("2015-01-10")},
		{Text: ptr("government"), CAMEO: ptr("04"), To: ptr("2015-02-10")},
		{Text: ptr("government"), DocID: &doc},
		{Text: ptr("nosuchword")},
	}
	for _, f := range cases {
		c, err := eventCond(f)
		if err != nil {
			t.Fatal(err)
		}
		want := idsOf(t, d, "SELECT e.id FROM events e"+c.String()+" ORDER BY e.date, e.id", c.args)
		if len(want) == 0 && *f.Text != "nosuchword" {
			t.Fatalf("%+v: no events to page through", f)
		}
		for _, side := range []int{1, -1, 0} {
			for _, desc := range []bool{false, true} {
				d.textSide = side
				g := f
				g.Limit, g.Desc = 37, desc
				var got []int64
				for page := 0; ; page++ {
					evs, next, err := d.FindEvents(ctx, g)
					if err != nil {
						t.Fatal(err)
					}
					for _, ev := range evs {
						got = append(got, eventRowID(t, d, ev.ID))
					}
					if next == "" || page > len(want)/37+2 {
						break
					}
					g.After = next
				}
				w := slices.Clone(want)
				if desc {
					slices.Reverse(w)
				}
				if !slices.Equal(got, w) {
					t.Errorf("text %q %+v side %d desc %v: %d events, want %d (first %v, want %v)",
						*f.Text, f, side, desc, len(got), len(w), head(got), head(w))
				}
			}
		}
	}
	d.textSide = 0
}

func head(ids []int64) []int64 { return ids[:min(5, len(ids))] }

func idsOf(t *testing.T, d *DB, q string, args []any) []int64 {
	t.Helper()
	rows, err := d.db.Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		out = append(out, id)
	}
	return out
}

func eventRowID(t *testing.T, d *DB, eventID string) int64 {
	t.Helper()
	var id int64
	if err := d.db.QueryRow("SELECT id FROM events WHERE event_id = ?", eventID).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestKeyOf checks that the bulk load's keys (keyOf) are eventKey's.
func TestKeyOf(t *testing.T) {
	d, err := Open(context.Background(), filepath.Join(t.TempDir(), "key.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, date := range []string{"", "2015-01-01", "2016-02-29", "2015-02-29", "2015-02-30", "2015-13-01", "0000-01-01", "0001-01-01",
		"1969-12-31", "1970-01-01", "9999-12-31", "2015-1-01", "2015-01-01T00:00", "2015-01-01 ", "2015", "garbage", "+2015-01-01"} {
		for _, id := range []int64{1, 7, keyIDMask} {
			var want int64
			if err := d.db.QueryRow("SELECT "+eventKey("?", "?"), date, date, date, id).Scan(&want); err != nil {
				t.Fatal(err)
			}
			if got := keyOf(date, id); got != want {
				t.Errorf("keyOf(%q, %d) = %d, eventKey gives %d", date, id, got, want)
			}
		}
	}
}
