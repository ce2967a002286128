package eval

import (
	"errors"
	"fmt"

	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/dict/petrarch"
)

// EnvDict is what an <Environment> names, read and converted.
type EnvDict struct {
	Dict     *dict.Dictionary // discards included
	Report   petrarch.Report
	Problems dict.ErrorList // bad lines of the dictionary files; they are skipped
}

// LoadEnvironment reads the dictionaries env names with the PETRARCH
// readers. Bad lines are collected in Problems, not returned as an error:
// the files are third-party and the rest of them is usable.
func LoadEnvironment(env Environment) (*EnvDict, error) {
	set := &petrarch.Set{}
	var probs dict.ErrorList
	for _, g := range []struct {
		kind  petrarch.FileKind
		paths []string
	}{
		{petrarch.VerbFile, env.Verbs}, {petrarch.ActorFile, env.Actors}, {petrarch.AgentFile, env.Agents},
		{petrarch.DiscardFile, env.Discards}, {petrarch.IssueFile, env.Issues},
	} {
		for _, p := range g.paths {
			s, err := petrarch.Read(p, g.kind)
			var list dict.ErrorList
			switch {
			case errors.As(err, &list):
				probs = append(probs, list...)
			case err != nil:
				return nil, fmt.Errorf("environment: %w", err)
			}
			set.Add(s)
		}
	}
	d, rep := set.Dictionary()
	return &EnvDict{Dict: d, Report: rep, Problems: probs}, nil
}
