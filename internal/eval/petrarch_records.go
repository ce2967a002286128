package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/conllu"
)

// Record is one validation record of a PETRARCH XML file: a sentence and
// the events a coder should find in it.
type Record struct {
	ID       string
	Category string // "category" attribute, or "source" in the UD files
	Date     time.Time
	Text     string   // the raw text, white space collapsed
	Parse    string   // the <Parse> as written: a Penn tree or CoNLL-U lines
	Expect   []Coding // expected events
	NoEvents bool     // <EventCoding noevents="True">: no event expected
	Error    string   // <EventCoding error="…">: an expected refusal, e.g. "sentencediscard"
	Line     int      // line of the <Sentence> tag
}

// Coding is one event in CAMEO terms: source and target actor codes and
// the event code.
type Coding struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
}

// String returns "SOURCE TARGET CODE".
func (c Coding) String() string { return c.Source + " " + c.Target + " " + c.Code }

// Environment is the <Environment> of a records file: the dictionaries its
// records are coded with, as paths relative to the file's directory.
type Environment struct {
	Verbs, Actors, Agents, Discards, Issues []string
}

// RecordFile is a PETRARCH validation file.
type RecordFile struct {
	Path    string
	Env     Environment
	Records []Record
}

// ReadRecords reads a PETRARCH validation file (PETR.UnitTest.records.xml,
// PETR2_GSR_validation.xml and their UD variants). The files are not
// well-formed XML (self-closed <Sentence/> tags, '#' banners), so the
// reader scans for the tags it needs. Environment paths are made relative
// to the file's directory.
func ReadRecords(path string) (*RecordFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read records: %w", err)
	}
	rf, err := ParseRecords(path, string(b))
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	for _, l := range []*[]string{&rf.Env.Verbs, &rf.Env.Actors, &rf.Env.Agents, &rf.Env.Discards, &rf.Env.Issues} {
		for i, p := range *l {
			if !filepath.IsAbs(p) {
				(*l)[i] = filepath.Join(dir, p)
			}
		}
	}
	return rf, nil
}

var (
	xmlComment   = regexp.MustCompile(`(?s)<!--.*?-->`)
	envRx        = regexp.MustCompile(`(?s)<Environment>(.*?)</Environment>`)
	sentenceTag  = regexp.MustCompile(`<Sentence\b([^>]*?)/?>`)
	sentencesEnd = regexp.MustCompile(`</Sentences>`)
	codingTag    = regexp.MustCompile(`<EventCoding\b([^>]*?)/?>`)
	textRx       = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)
	parseRx      = regexp.MustCompile(`(?s)<Parse>(.*?)</Parse>`)
	attrRx       = regexp.MustCompile(`(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
)

// ParseRecords reads the text of a validation file called name.
func ParseRecords(name, src string) (*RecordFile, error) {
	// Blank comments out line for line, so that line numbers stay true.
	src = xmlComment.ReplaceAllStringFunc(src, func(c string) string {
		return strings.Repeat("\n", strings.Count(c, "\n"))
	})
	rf := &RecordFile{Path: name}
	if m := envRx.FindStringSubmatch(src); m != nil {
		rf.Env = parseEnv(m[1])
	}
	end := len(src)
	if loc := sentencesEnd.FindStringIndex(src); loc != nil {
		end = loc[0]
	}
	tags := sentenceTag.FindAllStringSubmatchIndex(src[:end], -1)
	for i, t := range tags {
		stop := end
		if i+1 < len(tags) {
			stop = tags[i+1][0]
		}
		rec, err := parseRecord(src[t[2]:t[3]], src[t[1]:stop])
		if err != nil {
			line := 1 + strings.Count(src[:t[0]], "\n")
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		rec.Line = 1 + strings.Count(src[:t[0]], "\n")
		rf.Records = append(rf.Records, rec)
	}
	if len(rf.Records) == 0 {
		return nil, fmt.Errorf("%s: no <Sentence> records", name)
	}
	return rf, nil
}

// parseEnv reads the file names of an <Environment>.
func parseEnv(s string) Environment {
	list := func(tag string) []string {
		m := regexp.MustCompile(`(?s)<` + tag + `>(.*?)</` + tag + `>`).FindStringSubmatch(s)
		if m == nil {
			return nil
		}
		var out []string
		for _, p := range strings.Split(m[1], ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	return Environment{Verbs: list("Verbfile"), Actors: list("Actorfile"), Agents: list("Agentfile"),
		Discards: list("Discardfile"), Issues: list("Issuefile")}
}

// attrs returns the attributes of a tag's inside.
func attrs(s string) map[string]string {
	out := map[string]string{}
	for _, m := range attrRx.FindAllStringSubmatch(s, -1) {
		v := m[2]
		if v == "" {
			v = m[3]
		}
		out[strings.ToLower(m[1])] = unescape.Replace(v)
	}
	return out
}

var unescape = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")

// parseRecord reads one record: the <Sentence> tag's attributes and what
// follows it up to the next record.
func parseRecord(tag, body string) (Record, error) {
	a := attrs(tag)
	r := Record{ID: a["id"], Category: a["category"]}
	if r.Category == "" {
		r.Category = a["source"]
	}
	if d := a["date"]; d != "" {
		t, err := time.Parse("20060102", d)
		if err != nil && len(d) == 6 {
			t, err = time.Parse("060102", d) // TABARI's YYMMDD
		}
		if err != nil {
			return r, fmt.Errorf("record %s: bad date %q", r.ID, d)
		}
		r.Date = t
	}
	for _, m := range codingTag.FindAllStringSubmatch(body, -1) {
		c := attrs(m[1])
		switch {
		case strings.EqualFold(c["noevents"], "true"):
			r.NoEvents = true
		case c["error"] != "":
			r.Error = c["error"]
		default:
			r.Expect = append(r.Expect, Coding{Source: c["sourcecode"], Target: c["targetcode"], Code: c["eventcode"]})
		}
	}
	if m := textRx.FindStringSubmatch(body); m != nil {
		r.Text = strings.Join(strings.Fields(unescape.Replace(m[1])), " ")
	}
	if m := parseRx.FindStringSubmatch(body); m != nil {
		r.Parse = strings.Trim(m[1], "\n ")
	}
	if r.Text == "" {
		r.Text = textOfParse(r.Parse)
	}
	if r.Text == "" {
		return r, fmt.Errorf("record %s has no <Text>", r.ID)
	}
	return r, nil
}

// Locate replaces each file of e that does not exist by the file of the
// same name in the first of dirs that has one. Files found nowhere are
// left as they are, for the reader to report.
func (e *Environment) Locate(dirs []string) {
	for _, l := range []*[]string{&e.Verbs, &e.Actors, &e.Agents, &e.Discards, &e.Issues} {
		for i, p := range *l {
			if _, err := os.Stat(p); err == nil {
				continue
			}
			for _, d := range dirs {
				q := filepath.Join(d, filepath.Base(p))
				if _, err := os.Stat(q); err == nil {
					(*l)[i] = q
					break
				}
			}
		}
	}
}

// textOfParse rebuilds a sentence from the forms of a CoNLL-U parse, for
// records whose <Text> is empty; "" when the parse is not CoNLL-U.
func textOfParse(parse string) string {
	sents, err := conllu.Read(strings.NewReader(parse+"\n\n"), "parse")
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, s := range sents {
		for i, w := range s.Words {
			if b.Len() > 0 && (i == 0 || s.SpaceAfter(i-1)) {
				b.WriteByte(' ')
			}
			b.WriteString(w.Form)
		}
	}
	return b.String()
}

// HasUDParses reports whether the records carry CoNLL-U parses (the UD
// variants) rather than Penn Treebank trees or none.
func (rf *RecordFile) HasUDParses() bool {
	for _, r := range rf.Records {
		p := strings.TrimSpace(r.Parse)
		if p != "" && !strings.HasPrefix(p, "(") {
			return true
		}
	}
	return false
}

// Only keeps the records whose id or category rx matches.
func (rf *RecordFile) Only(rx *regexp.Regexp) {
	kept := rf.Records[:0]
	for _, r := range rf.Records {
		if rx.MatchString(r.ID) || rx.MatchString(r.Category) {
			kept = append(kept, r)
		}
	}
	rf.Records = kept
}
