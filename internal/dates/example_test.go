package dates_test

import (
	"fmt"
	"time"

	"github.com/dyad-events/dyad/internal/dates"
)

func ExampleFind() {
	pub := time.Date(2016, 9, 15, 0, 0, 0, 0, time.UTC) // a Thursday
	text := "Rebels attacked on Tuesday; talks will resume on Sept. 20, years after the 2008 ceasefire signed in 2008."
	for _, m := range dates.Find(text, pub) {
		fmt.Println(m.Text, m.Date.Format(time.DateOnly), m.End.Format(time.DateOnly), m.Precision, m.Relative)
	}
	// Output:
	// Tuesday 2016-09-13 2016-09-13 day true
	// Sept. 20 2016-09-20 2016-09-20 day true
	// 2008 2008-01-01 2008-12-31 year false
	// 2008 2008-01-01 2008-12-31 year false
}
