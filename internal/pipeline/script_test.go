package pipeline_test

import (
	"bufio"
	"embed"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/ontology"
)

//go:embed testdata/*.test
var scripts embed.FS

var report = flag.String("report", "", "write the failing cases of threshold scripts to this `file` (Markdown)")

// A .test file is a list of cases in a small language:
//
//	threshold 0.90                       at least this share of cases must pass (default: all)
//	date 2016-10-27                      publication date for what follows
//	sentence "Japan met China in Tokyo on Monday."
//	    expect 040 JPN CHN asserted date=2016-10-24/day place=Tokyo
//	    expect 040 CHN JPN
//	sentence "The minister said nothing."
//	    expect none
//
// An expectation is CODE SOURCE TARGET, then optionally the modality and
// key=value checks: date=YYYY-MM-DD[/precision], from=text|publication,
// place=Name (or place=- for none). A CODE ending in '*' matches any code
// that starts with the rest ("19*"); "-" as TARGET means no target. The
// events of a case must be exactly the expected ones.
type scriptCase struct {
	pos      string
	date     time.Time
	sentence string
	expect   []expectation
}

type expectation struct {
	code, src, tgt, modality string
	checks                   map[string]string
	text                     string
}

// TestScripts runs every testdata/*.test file through the whole pipeline:
// with the embedded tagger and parser and the dictionary coder alone
// (--rules), on word order alone, and with the learned event extractor.
// The scripts are the dictionary coder's specification, so they hold it
// to their thresholds; the extractor learned the silver coders' practice
// from news, which differs in places (a refusal to meet is the refusal;
// "will visit" is a visit, future), and is held to extractorFloor of each
// script, its failures logged.
func TestScripts(t *testing.T) {
	for _, mode := range []struct {
		name             string
		wordOrder, rules bool
	}{{"models", false, true}, {"wordorder", true, true}, {"extractor", false, false}} {
		opts := pipeline.DefaultOptions()
		opts.WordOrder, opts.Rules = mode.wordOrder, mode.rules
		p, err := pipeline.New(opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(mode.name, func(t *testing.T) { runScripts(t, p, mode.name) })
	}
}

// extractorFloor is the share of each script's cases the learned
// extractor must pass.
const extractorFloor = 0.6

func runScripts(t *testing.T, p *pipeline.Pipeline, mode string) {
	files, _ := fs.Glob(scripts, "testdata/*.test")
	var failures []string
	for _, f := range files {
		cases, threshold, err := parseScript(f)
		if err != nil {
			t.Fatal(err)
		}
		if mode == "extractor" {
			threshold = extractorFloor
		}
		name := strings.TrimSuffix(strings.TrimPrefix(f, "testdata/"), ".test")
		t.Run(name, func(t *testing.T) {
			pass := 0
			for _, c := range cases {
				msg := runCase(p, c)
				switch {
				case msg == "":
					pass++
				case threshold == 1:
					t.Error(msg)
				default:
					failures = append(failures, msg)
					t.Log(msg)
				}
			}
			share := float64(pass) / float64(max(len(cases), 1))
			t.Logf("%s: %d of %d cases pass (%.1f%%)", name, pass, len(cases), 100*share)
			if share < threshold {
				t.Errorf("%s: %d of %d cases pass (%.1f%%), below the threshold of %.0f%%", name, pass, len(cases), 100*share, 100*threshold)
			}
		})
	}
	if *report != "" {
		writeReport(t, strings.Replace(*report, ".md", "-"+mode+".md", 1), failures)
	}
}

// runCase returns "" when the case passes, else a report of the difference.
func runCase(p *pipeline.Pipeline, c scriptCase) string {
	r := p.Code(&dyad.Document{ID: "t", Text: c.sentence, Date: c.date})
	used := make([]bool, len(r.Events))
	ok := true
	for _, e := range c.expect {
		found := false
		for i := range r.Events {
			if !used[i] && e.matches(&r.Events[i]) {
				used[i], found = true, true
				break
			}
		}
		ok = ok && found
	}
	// The other side of an expected meeting or agreement is the same
	// event seen from there (ontology.Reciprocal): the learned extractor
	// codes "A met B" both ways, as the silver coders do.
	for i, ev := range r.Events {
		if used[i] || !ontology.Reciprocal(ev.CAMEO.Code) {
			continue
		}
		for j, o := range r.Events {
			if used[j] && j != i && o.CAMEO.Code == ev.CAMEO.Code && o.Source.Code == ev.Target.Code && o.Target.Code == ev.Source.Code && o.Modality == ev.Modality {
				used[i] = true
				break
			}
		}
	}
	ok = ok && !slices.Contains(used, false)
	if ok {
		return ""
	}
	var got, want []string
	for _, ev := range r.Events {
		got = append(got, describe(ev))
	}
	for _, e := range c.expect {
		want = append(want, e.text)
	}
	var b strings.Builder
	_ = r.Explain(&b)
	return fmt.Sprintf("%s: %q\n got: %q\nwant: %q\n%s", c.pos, c.sentence, got, want, b.String())
}

// describe renders an event in the expectation language.
func describe(ev dyad.Event) string {
	tgt := ev.Target.Code
	if tgt == "" {
		tgt = "-"
	}
	place := "-"
	if ev.Location != nil {
		place = ev.Location.Name
	}
	return fmt.Sprintf("%s %s %s %s date=%s/%s from=%s place=%s", ev.CAMEO.Code, ev.Source.Code, tgt, ev.Modality,
		ev.Date, ev.DatePrecision, ev.DateSource, place)
}

func (e expectation) matches(ev *dyad.Event) bool {
	tgt := ev.Target.Code
	if tgt == "" {
		tgt = "-"
	}
	code := ev.CAMEO.Code
	switch {
	case strings.HasSuffix(e.code, "*") && !strings.HasPrefix(code, strings.TrimSuffix(e.code, "*")):
		return false
	case !strings.HasSuffix(e.code, "*") && e.code != code:
		return false
	case e.src != ev.Source.Code || e.tgt != tgt:
		return false
	case e.modality != "" && e.modality != string(ev.Modality):
		return false
	}
	for k, v := range e.checks {
		switch k {
		case "date":
			d, prec, _ := strings.Cut(v, "/")
			if d != ev.Date || prec != "" && prec != string(ev.DatePrecision) {
				return false
			}
		case "from":
			if v != string(ev.DateSource) {
				return false
			}
		case "place":
			if v == "-" && ev.Location != nil || v != "-" && (ev.Location == nil || ev.Location.Name != v) {
				return false
			}
		}
	}
	return true
}

func parseScript(name string) (cases []scriptCase, threshold float64, err error) {
	f, err := scripts.Open(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	threshold = 1
	var date time.Time
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		pos := fmt.Sprintf("%s:%d", name, n)
		word, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case word == "threshold":
			if threshold, err = strconv.ParseFloat(rest, 64); err != nil {
				return nil, 0, fmt.Errorf("%s: %v", pos, err)
			}
		case word == "date":
			if date, err = time.Parse("2006-01-02", rest); err != nil {
				return nil, 0, fmt.Errorf("%s: %v", pos, err)
			}
		case word == "sentence":
			if len(rest) < 2 || rest[0] != '"' || rest[len(rest)-1] != '"' {
				return nil, 0, fmt.Errorf("%s: sentence must be quoted", pos)
			}
			cases = append(cases, scriptCase{pos: pos, date: date, sentence: rest[1 : len(rest)-1]})
		case word == "expect":
			if len(cases) == 0 {
				return nil, 0, fmt.Errorf("%s: expect before any sentence", pos)
			}
			if rest == "none" {
				continue
			}
			e, err := parseExpect(rest)
			if err != nil {
				return nil, 0, fmt.Errorf("%s: %v", pos, err)
			}
			cases[len(cases)-1].expect = append(cases[len(cases)-1].expect, e)
		default:
			return nil, 0, fmt.Errorf("%s: unknown line %q", pos, line)
		}
	}
	return cases, threshold, sc.Err()
}

func parseExpect(s string) (expectation, error) {
	f := strings.Fields(s)
	if len(f) < 3 {
		return expectation{}, fmt.Errorf("want expect CODE SOURCE TARGET [modality] [key=value…]")
	}
	e := expectation{code: f[0], src: f[1], tgt: f[2], checks: map[string]string{}, text: s}
	for _, w := range f[3:] {
		k, v, ok := strings.Cut(w, "=")
		switch {
		case !ok && e.modality == "":
			e.modality = w
		case ok && (k == "date" || k == "from" || k == "place"):
			e.checks[k] = strings.ReplaceAll(v, "_", " ")
		default:
			return expectation{}, fmt.Errorf("unknown check %q", w)
		}
	}
	return e, nil
}

// writeReport writes the failing cases as Markdown for docs/.
func writeReport(t *testing.T, path string, failures []string) {
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- written by: go test ./internal/pipeline -run TestScripts -report %s -->\n\n", path)
	for _, f := range failures {
		b.WriteString("```\n" + strings.TrimSpace(f) + "\n```\n\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
