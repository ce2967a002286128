package cluster_test

import (
	"fmt"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/cluster"
)

// Two outlets report the same meeting a day apart, coding Japan's
// government at different depths; a third report a week later is another
// meeting.
func ExampleGroup() {
	ev := func(id, date, src string, country string) cluster.Mention {
		return cluster.Mention{Outlet: id[:1], Event: &dyad.Event{ID: id, DocID: id[:1], Date: date,
			Source: dyad.Actor{Code: src, Country: country}, Target: dyad.Actor{Code: "KORGOV", Country: "KOR"},
			CAMEO: dyad.CAMEO{Code: "040", Root: "04"}}}
	}
	ms := []cluster.Mention{ev("a:0:0", "2023-05-10", "JPNGOV", "JPN"), ev("b:2:0", "2023-05-11", "JPN", "JPN"), ev("c:0:0", "2023-05-18", "JPNGOV", "JPN")}
	for _, c := range cluster.Group(ms, cluster.DefaultOptions()) {
		fmt.Println(c.Date, c.Source, c.Target, c.CAMEO, "mentions", c.Mentions, "sources", c.Sources)
	}
	// Output:
	// 2023-05-10 JPNGOV KORGOV 040 mentions 2 sources 2
	// 2023-05-18 JPNGOV KORGOV 040 mentions 1 sources 1
}
