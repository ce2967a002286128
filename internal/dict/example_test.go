package dict_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/dict"
)

func ExampleParse() {
	src := `
person - Antony Blinken
	role USAGOV 2015-01-09 2017-01-20 Deputy Secretary of State
	role USAGOV 2021-01-26 2025-01-20 Secretary of State
country JPN Japan
	adj Japanese
agent COP police; riot police
verb 036 meet with
`
	d, err := dict.Parse("example.txt", strings.NewReader(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	blinken := d.Actors[0]
	for _, day := range []string{"2016-03-01", "2019-06-01", "2024-03-01"} {
		t, _ := time.Parse("2006-01-02", day)
		code, role := blinken.CodeOn(t)
		if role == nil {
			fmt.Printf("%s: %q (no role)\n", day, code)
			continue
		}
		fmt.Printf("%s: %s as %s\n", day, code, role.Title)
	}
	x := d.Index()
	fmt.Println(x.Actors("japanese")[0].Actor.Code, x.Agents("Riot Police")[0].Code)
	// Output:
	// 2016-03-01: USAGOV as Deputy Secretary of State
	// 2019-06-01: "" (no role)
	// 2024-03-01: USAGOV as Secretary of State
	// JPN COP
}

func ExampleErrorList() {
	src := "country usa United States\n\tname U.S.;; US\nverb 36x meet\n"
	_, err := dict.Parse("bad.txt", strings.NewReader(src))
	fmt.Println(err)
	// Output:
	// bad.txt:1:9: bad country code "usa" (want ISO alpha-3, then sectors: USA, USAGOV)
	// bad.txt:2:12: empty item in list
	// bad.txt:3:6: bad CAMEO code "36x" (want 2 to 4 digits)
}
