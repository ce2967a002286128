package server_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/mock"
	"github.com/dyad-events/dyad/internal/server"
)

// fixtureStart is the Monday of the fixture's first week; breakWeek is
// the week USA→PRK conflict jumps.
var fixtureStart = time.Date(2016, 1, 4, 0, 0, 0, 0, time.UTC)

const (
	fixtureWeeks = 40
	breakWeek    = 30
)

// kind is one kind of event the fixture repeats.
type kind struct {
	src, srcName, srcText string
	verb                  string
	tgt, tgtName, tgtText string
	code, root, name      string
	plover                string
	quad                  int
	goldstein             float64
	rest                  string
}

var (
	accuse  = kind{"USAGOV", "United States", "Washington", "accused", "PRKGOV", "North Korea", "Pyongyang", "112", "11", "accuse", "ACCUSE", 3, -2, " of destabilising the region."}
	attack  = kind{"USAMIL", "United States", "US forces", "fired on", "PRKMIL", "North Korea", "North Korean boats", "190", "19", "use conventional military force", "ASSAULT", 4, -10, " near the maritime border."}
	threat  = kind{"PRKGOV", "North Korea", "Pyongyang", "threatened", "USAGOV", "United States", "Washington", "138", "13", "threaten with military force", "THREATEN", 3, -7, " with a nuclear strike."}
	consult = kind{"CHNGOV", "China", "Beijing", "met", "USAGOV", "United States", "US envoys", "040", "04", "consult", "CONSULT", 1, 1, " to discuss trade."}
	aid     = kind{"JPNGOV", "Japan", "Tokyo", "sent aid to", "KORGOV", "South Korea", "Seoul", "070", "07", "provide aid", "AID", 2, 7, " after the floods."}
)

// fixture returns the events the API and browser tests run on: five
// dyads over forty weeks of 2016, USA→PRK escalating at breakWeek.
func fixture() []dyad.Event {
	var evs []dyad.Event
	add := func(week, day int, k kind, mod dyad.Modality) {
		date := fixtureStart.AddDate(0, 0, 7*week+day).Format(time.DateOnly)
		doc := fmt.Sprintf("story-%s-%d", date, len(evs))
		evs = append(evs, event(doc, date, k, mod))
	}
	for w := range fixtureWeeks {
		add(w, 0, accuse, dyad.Asserted)
		if w%3 == 0 {
			add(w, 2, threat, dyad.Future)
		}
		add(w, 1, consult, dyad.Asserted)
		if w%2 == 0 {
			add(w, 3, aid, dyad.Asserted)
		}
		if w >= breakWeek {
			for d := range 3 {
				add(w, 2+d, attack, dyad.Asserted)
			}
		}
	}
	return evs
}

// event builds one event whose spans place it at byte 40 of its story.
func event(doc, date string, k kind, mod dyad.Modality) dyad.Event {
	const off = 40
	text := k.srcText + " " + k.verb + " " + k.tgtText + k.rest
	vs := off + len(k.srcText) + 1
	ts := vs + len(k.verb) + 1
	return dyad.Event{
		Schema: dyad.SchemaVersion, ID: doc + ":0:0", DocID: doc, Text: text,
		Source: dyad.Actor{Code: k.src, Country: k.src[:3], Name: k.srcName, Text: k.srcText, Span: dyad.Span{Start: off, End: off + len(k.srcText)}},
		Target: dyad.Actor{Code: k.tgt, Country: k.tgt[:3], Name: k.tgtName, Text: k.tgtText, Span: dyad.Span{Start: ts, End: ts + len(k.tgtText)}},
		CAMEO:  dyad.CAMEO{Code: k.code, Root: k.root, Name: k.name, Goldstein: k.goldstein, QuadClass: k.quad},
		PLOVER: dyad.PLOVER{Event: k.plover},
		Date:   date, DatePrecision: dyad.PrecisionDay, DateSource: dyad.DateFromText,
		Modality: mod, Confidence: 0.8,
		Location: &dyad.Place{Name: "Pyongyang", Country: "PRK", Lat: 39.03, Lon: 125.75},
		Evidence: dyad.Evidence{Rule: "verb:" + strings.Fields(k.verb)[0], Verb: k.verb, VerbSpan: dyad.Span{Start: vs, End: vs + len(k.verb)}},
	}
}

// fakeCoder codes a story by finding the fixture's verbs in it.
type fakeCoder struct{}

func (fakeCoder) Code(ctx context.Context, doc *dyad.Document) (*server.Coded, error) {
	c := &server.Coded{Explanation: "== " + doc.ID + "\n"}
	for _, k := range []kind{accuse, attack, threat, consult, aid} {
		i := strings.Index(doc.Text, k.srcText+" "+k.verb+" "+k.tgtText)
		if i < 0 {
			continue
		}
		ev := event(doc.ID, doc.Date.Format(time.DateOnly), k, dyad.Asserted)
		ev.Text = doc.Text
		shift := i - 40
		ev.Source.Span.Start += shift
		ev.Source.Span.End += shift
		ev.Target.Span.Start += shift
		ev.Target.Span.End += shift
		ev.Evidence.VerbSpan.Start += shift
		ev.Evidence.VerbSpan.End += shift
		c.Events = append(c.Events, ev)
		c.Explanation += fmt.Sprintf("    event  %s %s -> %s %q\n", k.code, k.src, k.tgt, k.verb)
	}
	return c, nil
}

// newFixtureServer returns a server over the fixture with a fake coder.
func newFixtureServer(tb interface{ Fatal(...any) }) *server.Server {
	opts := server.DefaultOptions()
	opts.Coder = fakeCoder{}
	s, err := server.New(mock.NewMemory(fixture()), opts)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}
