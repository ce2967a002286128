package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// The silver event set (gold/silver in the project's reference data): real news coded
// sentence by sentence, one JSON record a line. Its README gives the
// format; SilverEvent keeps the fields dyad scores.

// SilverActor is a source or target as the coders wrote it.
type SilverActor struct {
	Text     string `json:"text"`
	Country  string `json:"country"`
	Role     string `json:"role"`
	Group    string `json:"group,omitempty"`
	Resolved string `json:"resolved,omitempty"`
}

// SilverEvent is one coded event of a silver sentence.
type SilverEvent struct {
	Source   *SilverActor `json:"source"`
	Target   *SilverActor `json:"target"`
	CAMEO    string       `json:"cameo"`
	Trigger  string       `json:"trigger"`
	Modality string       `json:"modality"`
	Date     string       `json:"date"`
	Place    string       `json:"place"`
}

// SilverSentence is one record: a sentence of a story and its events.
type SilverSentence struct {
	ID     string        `json:"id"`
	Story  string        `json:"story"`
	Date   string        `json:"date"`
	Title  string        `json:"title"`
	Start  int           `json:"start"`
	End    int           `json:"end"`
	Text   string        `json:"text"`
	Events []SilverEvent `json:"events"`

	Line int       `json:"-"` // line of the file, from 1
	Span dyad.Span `json:"-"` // bytes of the story's Document.Text
}

// SilverStory is a story rebuilt from its coded sentences: the sentences
// stand at their places, each on a line of its own, so that dyad's
// sentences fall within the coders'.
type SilverStory struct {
	Doc       *dyad.Document
	Sentences []SilverSentence
}

// ReadSilver reads a silver JSONL file into stories, in the order their
// first sentences appear. A malformed line is an error naming the file
// and line; nothing is coded from a file that has one.
func ReadSilver(path string) ([]SilverStory, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readSilver(f, path)
}

func readSilver(r io.Reader, name string) ([]SilverStory, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	byStory := map[string]int{}
	var stories []SilverStory
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var s SilverSentence
		if err := json.Unmarshal(b, &s); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		if s.Story == "" || s.Text == "" {
			return nil, fmt.Errorf("%s:%d: record without story or text", name, line)
		}
		s.Line = line
		i, ok := byStory[s.Story]
		if !ok {
			i = len(stories)
			byStory[s.Story] = i
			stories = append(stories, SilverStory{})
		}
		stories[i].Sentences = append(stories[i].Sentences, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	for i := range stories {
		stories[i].build()
	}
	return stories, nil
}

// build lays the story's sentences out as one text.
func (st *SilverStory) build() {
	ss := st.Sentences
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].Start < ss[j].Start })
	var b strings.Builder
	for i := range ss {
		if i > 0 {
			b.WriteString("\n")
		}
		start := b.Len()
		b.WriteString(ss[i].Text)
		ss[i].Span = dyad.Span{Start: start, End: b.Len()}
	}
	doc := &dyad.Document{ID: ss[0].Story, Title: ss[0].Title, Text: b.String()}
	if t, err := time.Parse("2006-01-02", ss[0].Date); err == nil {
		doc.Date = t
	}
	st.Doc = doc
}

// At returns the index of the sentence whose bytes hold offset b, or -1.
func (st *SilverStory) At(b int) int {
	ss := st.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].Span.End > b })
	if i < len(ss) && ss[i].Span.Start <= b {
		return i
	}
	return -1
}

// SilverActorKey is the identity an actor is scored by: its country (ISO
// alpha-3), "IGO" for an intergovernmental organisation, "-" for a group
// with no country, "" for no actor. Roles and which IGO are not part of
// it: the silver coders and dyad's dictionaries draw sector lines
// differently, and the README's agreement figures compare countries.
func SilverActorKey(a *SilverActor) string {
	switch {
	case a == nil:
		return ""
	case strings.EqualFold(a.Country, "IGO"):
		return "IGO"
	case a.Country != "":
		return strings.ToUpper(a.Country)
	}
	return "-"
}

// DyadActorKey is SilverActorKey for an actor dyad coded.
func DyadActorKey(a dyad.Actor) string {
	switch {
	case a.IsZero() && a.Text == "":
		return ""
	case a.IsZero():
		return "-" // words no dictionary codes ("Security analysts"), as the coders' actors with no country
	}
	if c := ActorCountry(a); c != "" {
		return c
	}
	return "-" // a group across borders ("IMGREBISI"), an NGO, a bare sector: the coders' ""
}
