package places_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/places"
)

// story is a made-up wire story with places mentioned and places of events.
const story = `SEOUL — North Korea fired two missiles into the sea off its east coast on
Thursday, South Korea's military said, days after talks in Geneva collapsed.
Officials in Tokyo and Washington condemned the launch. The U.S. envoy, who
visited Beijing and Moscow last month, will fly to Seoul on Friday. Most
analysts said the mobile launchers were moved from Pyongyang to the border
near Sinuiju, where troops were seen in the 1990s.
`

func BenchmarkFind(b *testing.B) {
	g := mustDefault(b)
	for _, n := range []int{1, 16, 256} {
		text := strings.Repeat(story, n)
		b.Run(itoa(len(text))+"B", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				g.Find(text)
			}
		})
	}
}

func BenchmarkLoad(b *testing.B) {
	data, err := os.ReadFile("gazetteer.tsv.gz")
	if err != nil {
		b.Fatalf("read embedded file: %v", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := places.Read(bytes.NewReader(data)); err != nil {
			b.Fatalf("Read: %v", err)
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}
