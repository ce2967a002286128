package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/eval"
)

// actors runs "dyad eval actors --gold FILE [-v] [--json]": codes each
// story of a silver event file whole and reports, for every gold event's
// source and target, whether dyad found a mention over its words and with
// the coders' country and role.
func (c *EvalCommand) actors(args []string) error {
	fs := flag.NewFlagSet("eval actors", flag.ContinueOnError)
	fs.SetOutput(c.Env.Stderr)
	gold := fs.String("gold", "", "silver event `FILE` (JSONL)")
	verbose := fs.Bool("v", false, "list the gold actors missed and those found with another country")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	var pf pipelineFlags
	pf.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *gold == "" {
		return dyad.Errorf(dyad.EINVALID, "eval actors: --gold is required")
	}
	stories, err := readActorGold(*gold)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "eval actors: %v", err)
	}
	p, err := pf.pipeline()
	if err != nil {
		return err
	}
	var sc eval.ActorScore
	for _, st := range stories {
		var ms []dyad.Mention
		for _, sm := range p.Code(st.doc).Actors {
			ms = append(ms, sm...)
		}
		sc.ScoreActors(st.actors, ms)
	}
	if *asJSON {
		enc := json.NewEncoder(c.Env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(&sc)
	}
	if err := sc.Write(c.Env.Stdout); err != nil {
		return err
	}
	if *verbose {
		sc.WriteMisses(c.Env.Stdout)
	}
	return nil
}

// actorStory is a silver story rebuilt as a document, with its gold actors.
type actorStory struct {
	doc    *dyad.Document
	actors []eval.GoldActor
}

// silverLine is what eval actors reads of a silver record.
type silverLine struct {
	Story, Date, Title, Text string
	Start                    int
	Events                   []struct {
		Source, Target *struct{ Text, Country, Role string }
	}
}

// readActorGold reads a silver JSONL file into stories: each story's
// sentences in order, one a line, and every event's source and target
// placed on the first occurrence of its words in its sentence. A bad
// line is an error naming the file and line.
func readActorGold(path string) ([]actorStory, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var order []string
	byStory := map[string][]silverLine{}
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var l silverLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		if _, ok := byStory[l.Story]; !ok {
			order = append(order, l.Story)
		}
		byStory[l.Story] = append(byStory[l.Story], l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	out := make([]actorStory, 0, len(order))
	for _, id := range order {
		out = append(out, buildActorStory(id, byStory[id]))
	}
	return out, nil
}

// buildActorStory lays a story's sentences out as one text and places
// their gold actors in it.
func buildActorStory(id string, ls []silverLine) actorStory {
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].Start < ls[j].Start })
	var b strings.Builder
	var st actorStory
	for i, l := range ls {
		if i > 0 {
			b.WriteString("\n")
		}
		off := b.Len()
		b.WriteString(l.Text)
		for _, ev := range l.Events {
			for _, a := range []*struct{ Text, Country, Role string }{ev.Source, ev.Target} {
				if a == nil {
					continue
				}
				g := eval.GoldActor{Text: a.Text, Country: a.Country, Role: a.Role, Sentence: l.Text}
				if k := strings.Index(l.Text, a.Text); a.Text != "" && k >= 0 {
					g.Span = dyad.Span{Start: off + k, End: off + k + len(a.Text)}
				}
				st.actors = append(st.actors, g)
			}
		}
	}
	st.doc = &dyad.Document{ID: id, Title: ls[0].Title, Text: b.String()}
	if t, err := time.Parse("2006-01-02", ls[0].Date); err == nil {
		st.doc.Date = t
	}
	return st
}
