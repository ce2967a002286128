package petrarch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/dyad-events/dyad/internal/dict"
)

// FileKind is the kind of a PETRARCH dictionary file.
type FileKind int

// File kinds.
const (
	Unknown     FileKind = iota // not a PETRARCH file (or a dyad one)
	ActorFile                   // actors: names, synonyms, dated codes
	AgentFile                   // agents: role nouns and sector codes
	VerbFile                    // verbs: blocks, patterns, synsets, transformations
	DiscardFile                 // discards: sentence and story discard phrases
	IssueFile                   // issues: issue phrases and codes
)

var kindNames = [...]string{"unknown", "actors", "agents", "verbs", "discards", "issues"}

// String names k.
func (k FileKind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "FileKind(?)"
	}
	return kindNames[k]
}

// dyadKeywords start the entries of dyad's own format.
var dyadKeywords = []string{"country ", "igo ", "group ", "person ", "agent ", "verb ", "noun "}

// Sniff returns the kind of the file called name whose first bytes are
// head: a file in dyad's own format is Unknown; otherwise the name decides
// ("Phoenix.agents.txt", "CAMEO.2.0.txt"), then the first entry.
func Sniff(name string, head []byte) FileKind {
	first := firstEntry(head)
	for _, k := range dyadKeywords {
		if strings.HasPrefix(first, k) {
			return Unknown
		}
	}
	base := strings.ToLower(filepath.Base(name))
	switch {
	case strings.Contains(base, "verb"), strings.HasPrefix(base, "cameo"):
		return VerbFile
	case strings.Contains(base, "actor"):
		return ActorFile
	case strings.Contains(base, "agent"):
		return AgentFile
	case strings.Contains(base, "discard"):
		return DiscardFile
	case strings.Contains(base, "issue"):
		return IssueFile
	}
	switch {
	case first == "":
		return Unknown
	case strings.HasPrefix(first, "---"), strings.HasPrefix(first, "&"):
		return VerbFile
	case strings.HasPrefix(strings.ToLower(first), "<issue"):
		return IssueFile
	case strings.HasPrefix(first, "!"), strings.Contains(first, "[~"), strings.Contains(first, "~]"):
		return AgentFile
	case strings.Contains(first, "["):
		return ActorFile
	}
	return Unknown
}

// firstEntry returns the first line of head that is not blank or a
// comment.
func firstEntry(head []byte) string {
	lines, _ := readLines(strings.NewReader(string(head)))
	for _, l := range lines {
		if !l.blank() {
			return strings.TrimSpace(l.text)
		}
	}
	return ""
}

// sniffFile reads the start of path and sniffs it.
func sniffFile(path string) (FileKind, error) {
	f, err := os.Open(path)
	if err != nil {
		return Unknown, err
	}
	defer f.Close()
	head := make([]byte, 16*1024)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return Unknown, err
	}
	return Sniff(path, head[:n]), nil
}

// Recognize reports whether path is a PETRARCH file, or a directory
// holding at least one.
func Recognize(path string) bool {
	files, err := files(path)
	return err == nil && len(files) > 0
}

// files returns the PETRARCH files path names (itself, or the files of a
// directory in name order) with their kinds.
func files(path string) (map[string]FileKind, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	names := []string{path}
	if fi.IsDir() {
		ents, err := os.ReadDir(path)
		if err != nil {
			return nil, err
		}
		names = names[:0]
		for _, e := range ents {
			if e.Type().IsRegular() {
				names = append(names, filepath.Join(path, e.Name()))
			}
		}
	}
	out := map[string]FileKind{}
	for _, n := range names {
		k, err := sniffFile(n)
		if err != nil {
			return nil, err
		}
		if k != Unknown {
			out[n] = k
		}
	}
	return out, nil
}

// Read reads one file of the given kind. Bad lines are reported in a
// dict.ErrorList returned with what could be read.
func Read(path string, kind FileKind) (*Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s dictionary: %w", kind, err)
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 256*1024)
	s := &Set{}
	switch kind {
	case ActorFile:
		s.Actors, err = ParseActors(path, r)
	case AgentFile:
		s.Agents, err = ParseAgents(path, r)
	case VerbFile:
		var v *Verbs
		if v, err = ParseVerbs(path, r); v != nil {
			s.Verbs = []*Verbs{v}
		}
	case DiscardFile:
		s.Discards, err = ParseDiscards(path, r)
	case IssueFile:
		s.Issues, err = ParseIssues(path, r)
	default:
		return nil, fmt.Errorf("read %s: not a PETRARCH dictionary", path)
	}
	return s, err
}

// Load reads a PETRARCH file, or every PETRARCH file of a directory (not
// its subdirectories) in name order. Bad lines of every file are reported
// together in one dict.ErrorList, returned with everything read.
func Load(path string) (*Set, error) {
	fs, err := files(path)
	if err != nil {
		return nil, fmt.Errorf("load PETRARCH dictionary: %w", err)
	}
	if len(fs) == 0 {
		return nil, fmt.Errorf("load PETRARCH dictionary %s: no PETRARCH files", path)
	}
	names := make([]string, 0, len(fs))
	for n := range fs {
		names = append(names, n)
	}
	sort.Strings(names)
	return readAll(names, func(n string) FileKind { return fs[n] })
}

// readAll reads the named files, each of kind(name), into one Set. The
// files are read at once, one goroutine each (Phoenix's seven take a
// fifth of loading it), and added in the order of names.
func readAll(names []string, kind func(string) FileKind) (*Set, error) {
	sets := make([]*Set, len(names))
	errs1 := make([]error, len(names))
	var wg sync.WaitGroup
	wg.Add(len(names))
	for i, n := range names {
		go func() {
			defer wg.Done()
			sets[i], errs1[i] = Read(n, kind(n))
		}()
	}
	wg.Wait()
	all := &Set{}
	var errs dict.ErrorList
	for i := range names {
		s, err := sets[i], errs1[i]
		var list dict.ErrorList
		switch {
		case errors.As(err, &list):
			errs = append(errs, list...)
		case err != nil:
			return nil, err
		}
		all.Add(s)
	}
	return all, errs.Err()
}

// LoadFile reads what path names, as Load does, and converts it into
// dyad's types. Bad lines are reported in a dict.ErrorList returned with
// the dictionary of everything else, so that a caller may warn and go on.
func LoadFile(path string) (*dict.Dictionary, error) {
	s, err := Load(path)
	if s == nil {
		return nil, err
	}
	d, _ := s.Dictionary()
	return d, err
}
