package cluster_test

import (
	"fmt"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/cluster"
)

func mention(id, doc, outlet, date, src, tgt, code string, place *dyad.Place) cluster.Mention {
	return cluster.Mention{Outlet: outlet, Event: &dyad.Event{ID: id, DocID: doc, Date: date,
		Source: dyad.Actor{Code: src}, Target: dyad.Actor{Code: tgt},
		CAMEO: dyad.CAMEO{Code: code, Root: code[:2]}, Location: place}}
}

var (
	kyiv    = &dyad.Place{Name: "Kyiv", Country: "UKR", Lat: 50.45, Lon: 30.52, GeoNamesID: 703448}
	kharkiv = &dyad.Place{Name: "Kharkiv", Country: "UKR", Lat: 49.99, Lon: 36.23, GeoNamesID: 706483}
)

func TestGroup(t *testing.T) {
	ms := []cluster.Mention{
		mention("a:0:0", "a", "VOA", "2022-03-01", "RUSMIL", "UKRMIL", "190", kyiv),
		mention("b:1:0", "b", "Wire", "2022-03-02", "RUSMIL", "UKRMIL", "193", kyiv),    // same event, another code of the root
		mention("c:0:0", "c", "Wire", "2022-03-02", "RUSMIL", "UKRMIL", "190", kharkiv), // 400 km away: another event
		mention("d:0:0", "d", "VOA", "2022-03-09", "RUSMIL", "UKRMIL", "190", kyiv),     // a week later
		mention("e:0:0", "e", "VOA", "2022-03-01", "USAGOV", "UKRGOV", "036", nil),
		mention("f:0:0", "f", "VOA", "2022-03-02", "USAGOV", "UKRGOV", "036", nil),
		mention("g:0:0", "g", "VOA", "", "USAGOV", "UKRGOV", "036", nil), // undated: left out
	}
	cs := cluster.Group(ms, cluster.DefaultOptions())
	got := ""
	for _, c := range cs {
		got += fmt.Sprintf("%s %s-%s %s m=%d d=%d s=%d %v\n", c.Date, c.Source, c.Target, c.CAMEO, c.Mentions, c.Documents, c.Sources, c.EventIDs)
	}
	want := `2022-03-01 RUSMIL-UKRMIL 190 m=2 d=2 s=2 [a:0:0 b:1:0]
2022-03-01 USAGOV-UKRGOV 036 m=2 d=2 s=1 [e:0:0 f:0:0]
2022-03-02 RUSMIL-UKRMIL 190 m=1 d=1 s=1 [c:0:0]
2022-03-09 RUSMIL-UKRMIL 190 m=1 d=1 s=1 [d:0:0]
`
	if got != want {
		t.Fatalf("Group:\ngot\n%s\nwant\n%s", got, want)
	}
}

func TestOneADay(t *testing.T) {
	ms := []cluster.Mention{
		mention("a", "a", "", "2022-03-01", "RUSMIL", "UKRMIL", "190", nil),
		mention("b", "b", "", "2022-03-01", "RUSMIL", "UKRMIL", "190", nil),
		mention("c", "c", "", "2022-03-01", "RUSMIL", "UKRMIL", "193", nil),
		mention("d", "d", "", "2022-03-02", "RUSMIL", "UKRMIL", "190", nil),
	}
	var evs []*dyad.Event
	for _, m := range ms {
		evs = append(evs, m.Event)
	}
	var got []string
	for _, e := range cluster.OneADay(evs) {
		got = append(got, e.ID)
	}
	if fmt.Sprint(got) != "[a c d]" {
		t.Fatalf("OneADay kept %v, want [a c d]", got)
	}
}

func TestKm(t *testing.T) {
	if d := cluster.Km(kyiv.Lat, kyiv.Lon, kharkiv.Lat, kharkiv.Lon); d < 400 || d > 430 {
		t.Fatalf("Km(Kyiv, Kharkiv)=%.0f, want about 410", d)
	}
}
