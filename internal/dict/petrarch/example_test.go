package petrarch_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/dict/petrarch"
)

// An actor with dated codes becomes a dict person whose code depends on
// the day; bad lines are reported with their positions and skipped.
func ExampleParseActors() {
	src := `GOLLUM
+SMEAGOL
	[HOB <950601]
	[HOBGOV 19950601-19990815]
GONDOR [GON 19951301-]
`
	actors, err := petrarch.ParseActors("mine.actors.txt", strings.NewReader(src))
	fmt.Println(err)
	d, _ := (&petrarch.Set{Actors: actors}).Dictionary()
	for _, on := range []string{"1994-12-31", "1997-06-01", "2001-01-01"} {
		t, _ := time.Parse("2006-01-02", on)
		code, _ := d.Actors[0].CodeOn(t)
		fmt.Printf("%s on %s: %q\n", d.Actors[0].Names[1], on, code)
	}
	// Output:
	// mine.actors.txt:5:8: no such day "19951301"
	// SMEAGOL on 1994-12-31: "HOB"
	// SMEAGOL on 1997-06-01: "HOBGOV"
	// SMEAGOL on 2001-01-01: ""
}

// Verb patterns keep everything PETRARCH wrote; Dictionary converts them
// into dict.Verbs, with paired codes, words before the verb and actor
// positions, and counts what dict.Verb cannot hold.
func ExampleParseVerbs() {
	src := `--- ARRIVE [032:033] ---
ARRIVE
- * (IN {CAPITAL CITY}) [042]
- NOT * [---]
- + WAS_* BY $ [112]
`
	v, _ := petrarch.ParseVerbs("mine.verbs.txt", strings.NewReader(src))
	p := v.Blocks[0].Patterns[0]
	fmt.Println(p.Post[0].Kind, len(p.Post[0].Sub), p.Code)
	d, rep := (&petrarch.Set{Verbs: []*petrarch.Verbs{v}}).Dictionary()
	for _, e := range d.Verbs {
		fmt.Printf("%s:%s %s\n", e.Code, e.Reverse, e.Pattern())
	}
	fmt.Println(rep.Lost)
	// Output:
	// phrase 2 042
	// 032:033 arrive
	// 042: arrive in capital city
	// 112: + was_arrive by $
	// map[]
}
