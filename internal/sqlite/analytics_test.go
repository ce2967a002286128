package sqlite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlite"
)

// TestTopRootDyads checks the root-level ranking against a count made here
// from the stored events: sectors fold into their root, a root's pairs
// with itself and events without an actor on a side are left out.
func TestTopRootDyads(t *testing.T) {
	ctx := context.Background()
	db, evs := randomStore(t)
	root := func(c string) string { return c[:min(3, len(c))] }
	from, to, quad, text := "2020-02-01", "2020-03-15", 3, dyad.DateFromText
	for _, c := range []struct {
		name  string
		f     dyad.EventFilter
		keep  func(dyad.Event) bool
		limit int
	}{
		{"All", dyad.EventFilter{}, func(dyad.Event) bool { return true }, 100},
		{"Top3", dyad.EventFilter{}, func(dyad.Event) bool { return true }, 3},
		{"PeriodQuad", dyad.EventFilter{From: &from, To: &to, QuadClass: &quad},
			func(e dyad.Event) bool { return e.Date >= from && e.Date <= to && e.CAMEO.QuadClass == quad }, 100},
		{"PeriodText", dyad.EventFilter{From: &from, To: &to, DateSource: &text}, // the alerts' ranking
			func(e dyad.Event) bool { return e.Date >= from && e.Date <= to && e.DateSource == text }, 100},
	} {
		t.Run(c.name, func(t *testing.T) {
			n := map[[2]string]int{}
			for _, e := range evs {
				s, g := root(e.Source.Code), root(e.Target.Code)
				if c.keep(e) && s != "" && g != "" && s != g {
					n[[2]string{s, g}]++
				}
			}
			var want []dyad.DyadCount
			for k, v := range n {
				want = append(want, dyad.DyadCount{Source: k[0], Target: k[1], Events: v})
			}
			slices.SortFunc(want, func(a, b dyad.DyadCount) int {
				if a.Events != b.Events {
					return b.Events - a.Events
				}
				return strings.Compare(a.Source+">"+a.Target, b.Source+">"+b.Target)
			})
			want = want[:min(c.limit, len(want))]
			got, err := db.TopRootDyads(ctx, c.f, c.limit)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) < 3 || !slices.Equal(got, want) {
				t.Errorf("TopRootDyads(%s):\n got %v\nwant %v", c.name, got, want)
			}
		})
	}
	if _, err := db.TopRootDyads(ctx, dyad.EventFilter{From: new(string)}, 5); dyad.ErrorCode(err) != dyad.EINVALID {
		t.Errorf("empty from date: %v, want EINVALID", err)
	}
}

// randomStore stores 600 one-event documents over 120 days of 2020 with
// actors drawn from roots, sectors, a two-letter code and none, and all
// quad classes with varied Goldstein scores, and returns it with the
// events. Every third event is dated by its sentence, the others by
// publication.
func randomStore(t *testing.T) (*sqlite.DB, []dyad.Event) {
	db := MustOpenDB(t)
	r := rand.New(rand.NewPCG(7, 7))
	codes := []string{"USA", "USAGOV", "USAMIL", "RUS", "RUSGOV", "CHN", "CHNMIL", "UKR", "IGO", "", "EU"}
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	var docs []*dyad.CodedDocument
	var evs []dyad.Event
	for i := range 600 {
		id := fmt.Sprintf("d%d", i)
		date := start.AddDate(0, 0, r.IntN(120))
		text := fmt.Sprintf("Story %d.", i)
		q := 1 + r.IntN(4)
		ev := dyad.Event{Schema: 1, ID: id + ":0:0", DocID: id, Text: text, Date: date.Format(time.DateOnly),
			Source: dyad.Actor{Code: codes[r.IntN(len(codes))]}, Target: dyad.Actor{Code: codes[r.IntN(len(codes))]},
			CAMEO:      dyad.CAMEO{Code: "0" + fmt.Sprint(q) + "0", Root: "0" + fmt.Sprint(q), QuadClass: q, Goldstein: float64(r.IntN(21)-10) / 2},
			DateSource: dyad.DateFromPublication}
		if i%3 == 0 {
			ev.DateSource = dyad.DateFromText
		}
		evs = append(evs, ev)
		docs = append(docs, &dyad.CodedDocument{Doc: &dyad.Document{ID: id, Text: text, Date: date},
			Sentences: []dyad.Sentence{{Span: dyad.Span{End: len(text)}, Text: text}}, Events: []dyad.Event{ev}})
	}
	MustCreate(t, db, docs)
	return db, evs
}

// TestQuadSeries checks that the one-scan series by quad class gives what
// Series gives for each quad class.
func TestQuadSeries(t *testing.T) {
	ctx := context.Background()
	db, _ := randomStore(t)
	usa, rus, usagov, from, to, q, text := "USA", "RUS", "USAGOV", "2020-01-20", "2020-03-31", 2, dyad.DateFromText
	for _, c := range []struct {
		name string
		f    dyad.EventFilter
		by   dyad.Interval
	}{
		{"AllDays", dyad.EventFilter{}, dyad.Day},
		{"DyadWeeks", dyad.EventFilter{Source: &usa, Target: &rus, From: &from, To: &to}, dyad.Week},
		{"SectorMonthsQuadIgnored", dyad.EventFilter{Source: &usagov, QuadClass: &q}, dyad.Month},
		{"UndirectedWeeks", dyad.EventFilter{Source: &usa, Target: &rus, Undirected: true}, dyad.Week},
		{"TextDatedWeeks", dyad.EventFilter{Source: &usa, Target: &rus, DateSource: &text}, dyad.Week}, // the alerts' series
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := db.QuadSeries(ctx, c.f, c.by)
			if err != nil {
				t.Fatal(err)
			}
			points := 0
			for k := range 4 {
				f := c.f
				quad := k + 1
				f.QuadClass = &quad
				want, err := db.Series(ctx, f, c.by)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got[k], want) {
					t.Errorf("quad %d:\n got %v\nwant %v", quad, got[k], want)
				}
				points += len(want)
			}
			if points < 8 {
				t.Errorf("only %d points: the test compares too little", points)
			}
		})
	}
	if _, err := db.QuadSeries(ctx, dyad.EventFilter{}, "year"); dyad.ErrorCode(err) != dyad.EINVALID {
		t.Errorf("interval year: %v, want EINVALID", err)
	}
}
