package pipeline_test

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/pipeline"
)

//go:embed testdata/*.test
var scripts embed.FS

// A .test file is a list of cases in a small language:
//
//	date 2016-10-27                      publication date for what follows
//	sentence "Japan met China on Monday."
//	    expect 040 JPN CHN               CODE SOURCE TARGET [modality]
//	    expect 040 CHN JPN
//	sentence "The minister said nothing."
//	    expect none
//
// The events of a sentence must be exactly the expected ones (code, source,
// target, and modality when given); "-" stands for no target.
type scriptCase struct {
	pos      string
	date     time.Time
	sentence string
	expect   []string
}

// TestScripts runs every testdata/*.test file through the whole pipeline.
func TestScripts(t *testing.T) {
	p := newPipeline(t)
	files, _ := fs.Glob(scripts, "testdata/*.test")
	for _, f := range files {
		cases, err := parseScript(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(strings.TrimSuffix(strings.TrimPrefix(f, "testdata/"), ".test"), func(t *testing.T) {
			for _, c := range cases {
				runCase(t, p, c)
			}
		})
	}
}

func newPipeline(tb testing.TB) *pipeline.Pipeline {
	tb.Helper()
	p, err := pipeline.New(pipeline.DefaultOptions())
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func runCase(t *testing.T, p *pipeline.Pipeline, c scriptCase) {
	t.Helper()
	r := p.Code(&dyad.Document{ID: "t", Text: c.sentence, Date: c.date})
	got := []string{}
	for _, ev := range r.Events {
		got = append(got, describe(ev, true))
	}
	sort.Strings(got)
	want := []string{}
	for _, e := range c.expect {
		want = append(want, e)
	}
	sort.Strings(want)
	if !sameEvents(got, want) {
		var b strings.Builder
		_ = r.Explain(&b)
		t.Errorf("%s: %q\n got: %q\nwant: %q\n%s", c.pos, c.sentence, got, want, b.String())
	}
}

// describe renders an event as "CODE SOURCE TARGET modality".
func describe(ev dyad.Event, withModality bool) string {
	tgt := ev.Target.Code
	if tgt == "" {
		tgt = "-"
	}
	s := fmt.Sprintf("%s %s %s", ev.CAMEO.Code, ev.Source.Code, tgt)
	if withModality {
		s += " " + string(ev.Modality)
	}
	return s
}

// sameEvents compares sorted lists; a wanted event without a modality
// matches any modality.
func sameEvents(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	used := make([]bool, len(got))
	for _, w := range want {
		found := false
		for i, g := range got {
			if !used[i] && (g == w || strings.Count(w, " ") == 2 && strings.HasPrefix(g, w+" ")) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func parseScript(name string) ([]scriptCase, error) {
	f, err := scripts.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cases []scriptCase
	var date time.Time
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		pos := fmt.Sprintf("%s:%d", name, n)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "date "):
			if date, err = time.Parse("2006-01-02", strings.TrimSpace(line[5:])); err != nil {
				return nil, fmt.Errorf("%s: %v", pos, err)
			}
		case strings.HasPrefix(line, "sentence "):
			s := strings.TrimSpace(line[9:])
			if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
				return nil, fmt.Errorf("%s: sentence must be quoted", pos)
			}
			cases = append(cases, scriptCase{pos: pos, date: date, sentence: s[1 : len(s)-1]})
		case strings.HasPrefix(line, "expect "):
			if len(cases) == 0 {
				return nil, fmt.Errorf("%s: expect before any sentence", pos)
			}
			c := &cases[len(cases)-1]
			if e := strings.TrimSpace(line[7:]); e != "none" {
				if k := len(strings.Fields(e)); k < 3 || k > 4 {
					return nil, fmt.Errorf("%s: want expect CODE SOURCE TARGET [modality]", pos)
				}
				c.expect = append(c.expect, strings.Join(strings.Fields(e), " "))
			}
		default:
			return nil, fmt.Errorf("%s: unknown line %q", pos, line)
		}
	}
	return cases, sc.Err()
}
