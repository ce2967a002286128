package ontology_test

import (
	"fmt"

	"github.com/dyad-events/dyad/ontology"
)

func Example() {
	c, _ := ontology.Lookup("0311")
	fmt.Println(c.Code, c.Root, c.Name, c.Goldstein, ontology.QuadClassName(c.QuadClass))
	fmt.Println(c.PLOVER.Event, c.PLOVER.Context)

	p, _ := ontology.PLOVER("042")
	fmt.Println(p.Event, p.Mode)

	if _, ok := ontology.PLOVER("012"); !ok {
		fmt.Println("012 has no PLOVER category")
	}
	_, err := ontology.CAMEO("0999")
	fmt.Println(err)
	// Output:
	// 0311 03 intent to cooperate economically 5.2 verbal cooperation
	// AGREE [economic]
	// CONSULT visit
	// 012 has no PLOVER category
	// unknown CAMEO code "0999"
}

func ExampleCategories() {
	for _, c := range ontology.Categories()[:3] {
		fmt.Println(c.Name, c.QuadClass, c.Modes)
	}
	// Output:
	// AGREE 1 []
	// CONSULT 1 [visit third-party multilateral phone]
	// SUPPORT 1 []
}
