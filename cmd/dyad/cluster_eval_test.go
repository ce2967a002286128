package main

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/cluster"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// storyPair is two short reports, written for this test, that either
// describe the same real-world event (from two outlets) or two different
// ones.
type storyPair struct {
	name  string
	same  bool
	dateA string
	a     string
	dateB string
	b     string
}

var storyPairs = []storyPair{
	{"SameMeeting", true,
		"2023-05-10", "Japanese Prime Minister met South Korean President in Seoul on Tuesday to discuss trade.",
		"2023-05-10", "The leaders of Japan and South Korea held talks in Seoul, officials said."},
	{"SameAttack", true,
		"2022-03-01", "Russian forces attacked Ukrainian troops near Kharkiv on Monday.",
		"2022-03-02", "Ukrainian soldiers came under attack from Russian troops outside Kharkiv, the army said."},
	{"SameCriticism", true,
		"2021-06-14", "China criticized the United States over its new sanctions.",
		"2021-06-15", "Beijing denounced Washington for imposing the sanctions, a spokesman said."},
	{"SameAid", true,
		"2020-08-05", "France sent humanitarian aid to Lebanon after the explosion in Beirut.",
		"2020-08-06", "French relief supplies arrived in Lebanon on Thursday."},
	{"SameProtest", true,
		"2019-11-20", "Iranian police clashed with protesters in Tehran.",
		"2019-11-21", "Police in Iran fought demonstrators in the capital Tehran on Wednesday."},
	{"SameThreat", true,
		"2017-08-09", "North Korea threatened the United States with military action.",
		"2017-08-09", "Pyongyang warned Washington it would strike the United States."},
	{"DiffAction", false,
		"2023-05-10", "Japan met with South Korea in Seoul on trade.",
		"2023-05-11", "Japan criticized South Korea over a fishing dispute."},
	{"DiffMonthApart", false,
		"2022-03-01", "Russian forces attacked Ukrainian troops near Kharkiv.",
		"2022-04-15", "Russian forces attacked Ukrainian troops near Kharkiv."},
	{"DiffDyad", false,
		"2021-06-14", "China criticized the United States over sanctions.",
		"2021-06-14", "Germany criticized Russia over the poisoning of an opposition leader."},
	{"DiffDirection", false,
		"2020-01-03", "The United States accused Iran of planning attacks.",
		"2020-01-04", "Iran accused the United States of murder."},
	{"DiffYear", false,
		"2019-11-20", "Iranian police clashed with protesters in Tehran.",
		"2020-11-20", "Iranian police clashed with protesters in Tehran."},
	{"DiffAidTarget", false,
		"2020-08-05", "France sent humanitarian aid to Lebanon.",
		"2020-08-05", "France sent humanitarian aid to Syria."},
}

// TestClusterStoryPairs codes each pair, clusters the mentions and counts
// a pair as linked when one cluster holds events of both stories. It
// reports precision and recall of "same event" and holds a floor.
func TestClusterStoryPairs(t *testing.T) {
	var pf pipelineFlags
	p, err := pf.pipeline()
	if err != nil {
		t.Fatal(err)
	}
	tp, fp, fn, tn := 0, 0, 0, 0
	for _, sp := range storyPairs {
		linked, na, nb := linkPair(t, p, sp)
		switch {
		case sp.same && linked:
			tp++
		case sp.same:
			fn++
		case linked:
			fp++
		default:
			tn++
		}
		t.Logf("%-16s same=%-5v linked=%-5v events %d+%d", sp.name, sp.same, linked, na, nb)
	}
	prec := float64(tp) / max(float64(tp+fp), 1)
	rec := float64(tp) / max(float64(tp+fn), 1)
	t.Logf("story pairs: %d same, %d different; precision %.2f, recall %.2f (tp %d fp %d fn %d tn %d)",
		tp+fn, fp+tn, prec, rec, tp, fp, fn, tn)
	if fp > 0 {
		t.Errorf("%d different-event pairs were merged; the clusterer must not merge across dyads, roots or windows", fp)
	}
}

// linkPair codes both stories of a pair and reports whether a cluster
// holds mentions of both, with the event counts.
func linkPair(t *testing.T, p *pipeline.Pipeline, sp storyPair) (bool, int, int) {
	t.Helper()
	var ms []cluster.Mention
	counts := [2]int{}
	for i, s := range []struct{ date, text, outlet string }{{sp.dateA, sp.a, "OutletA"}, {sp.dateB, sp.b, "OutletB"}} {
		d, _ := time.Parse("2006-01-02", s.date)
		doc := &dyad.Document{ID: sp.name + []string{"-a", "-b"}[i], Text: s.text, Date: d, Source: s.outlet}
		r := p.Code(doc)
		counts[i] = len(r.Events)
		for j := range r.Events {
			ms = append(ms, cluster.Mention{Event: &r.Events[j], Outlet: s.outlet})
		}
	}
	for _, c := range cluster.Group(ms, cluster.DefaultOptions()) {
		if c.Documents == 2 {
			return true, counts[0], counts[1]
		}
	}
	return false, counts[0], counts[1]
}
