package ingest_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/ingest"
)

func ExampleReadCSV() {
	const input = "link,published,headline,body\n" +
		"https://news.example/1,2024-02-01,Talks,Envoys met in Doha.\n" +
		"https://news.example/2,someday,Bad,The date is wrong.\n"
	cols := ingest.DefaultColumns() // link, published and headline are among its candidates
	cols.Text = "body"
	for doc, err := range ingest.ReadCSV("news.csv", strings.NewReader(input), cols, time.Time{}, 0) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(doc.ID, doc.Date.Format("2006-01-02"), doc.URL, doc.Title)
	}
	// Output:
	// news.csv:2 2024-02-01 https://news.example/1 Talks
	// error: news.csv:3: field "published": bad date "someday"
}
