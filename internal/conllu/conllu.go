package conllu

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Sentence is one sentence of a CoNLL-U file.
type Sentence struct {
	Comments []string // comment lines without the leading "# "
	Words    []Word   // syntactic words; Words[i].ID == i+1
	Tokens   []Range  // multiword tokens ("don't" = words 3-4)
	Line     int      // line of the sentence's first line in the file
}

// Word is one syntactic word: a line of CoNLL-U with an integer ID.
type Word struct {
	ID                             int
	Form, Lemma, UPOS, XPOS, Feats string
	Head                           int // 0 for the root, -1 when "_"
	Rel, Deps, Misc                string
}

// Range is a multiword token covering words First..Last.
type Range struct {
	First, Last int
	Form, Misc  string
}

// Comment returns the value of the comment "# key = value", and whether
// it is present.
func (s *Sentence) Comment(key string) (string, bool) {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v), true
		}
		if !ok && strings.TrimSpace(c) == key {
			return "", true
		}
	}
	return "", false
}

// SpaceAfter reports whether word i (0-based) is followed by a space,
// reading SpaceAfter=No from the word or the multiword token ending at it.
func (s *Sentence) SpaceAfter(i int) bool {
	for _, r := range s.Tokens {
		if r.Last == i+1 {
			return !strings.Contains(r.Misc, "SpaceAfter=No")
		}
		if r.First <= i+1 && i+1 < r.Last {
			return false
		}
	}
	return !strings.Contains(s.Words[i].Misc, "SpaceAfter=No")
}

// Error is a problem at a line of a CoNLL-U file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ErrorList is every problem found in a file, in line order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// maxErrors bounds how many problems Read collects before it stops.
const maxErrors = 20

// Read reads every sentence of r, a CoNLL-U file called name. It returns
// the sentences it could read and, if any line was bad, an ErrorList.
func Read(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	var (
		out  []Sentence
		cur  Sentence
		errs ErrorList
		n    int
	)
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() && len(errs) < maxErrors {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case line == "":
			flush()
			continue
		case strings.HasPrefix(line, "#"):
			if len(cur.Words) > 0 {
				flush()
			}
			if cur.Line == 0 {
				cur.Line = n
			}
			cur.Comments = append(cur.Comments, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			continue
		}
		if cur.Line == 0 {
			cur.Line = n
		}
		if msg := cur.addLine(line); msg != "" {
			errs = append(errs, &Error{File: name, Line: n, Msg: msg})
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &Error{File: name, Line: n + 1, Msg: err.Error()})
	}
	flush()
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
		return out, errs
	}
	return out, nil
}

// addLine adds one word or token line to s and returns a problem, if any.
func (s *Sentence) addLine(line string) string {
	f := strings.Split(line, "\t")
	if len(f) != 10 {
		return fmt.Sprintf("%d fields, want 10", len(f))
	}
	id := f[0]
	if strings.Contains(id, ".") {
		return "" // empty node of the enhanced graph
	}
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, err1 := strconv.Atoi(a)
		last, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || first < 1 || last < first {
			return fmt.Sprintf("bad token range %q", id)
		}
		s.Tokens = append(s.Tokens, Range{First: first, Last: last, Form: f[1], Misc: f[9]})
		return ""
	}
	n, err := strconv.Atoi(id)
	if err != nil || n != len(s.Words)+1 {
		return fmt.Sprintf("word ID %q, want %d", id, len(s.Words)+1)
	}
	head := -1
	if f[6] != "_" {
		h, err := strconv.Atoi(f[6])
		if err != nil || h < 0 {
			return fmt.Sprintf("bad head %q", f[6])
		}
		head = h
	}
	s.Words = append(s.Words, Word{ID: n, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4],
		Feats: f[5], Head: head, Rel: f[7], Deps: f[8], Misc: f[9]})
	return ""
}
