package places_test

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/places"
)

func ExampleGazetteer_EventPlace() {
	g, err := places.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := "SEOUL — Officials in Tokyo said the two leaders met in Busan on Monday."
	prior := g.Prior(g.Find(doc))
	dateline, _ := g.DatelinePlace(doc, prior)
	at := strings.Index(doc, "met")
	verb := dyad.Span{Start: at, End: at + len("met")}
	p, ok := g.EventPlace(places.EventContext{Sentence: doc, Verb: verb, Dateline: &dateline, Prior: prior})
	fmt.Println(doc[verb.Start:verb.End], p.Name, p.Country, p.Source, ok)
	// Output:
	// met Busan KOR clause true
}
