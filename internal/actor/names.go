package actor

import (
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dict"
)

// names adds the actors a dictionary cannot know but news names by shape:
// a person after a title ("Speaker Nancy Pelosi", "Iraq's prime minister
// Ali Rahim"), which takes the title's code; and a run of two or more
// capitalised words standing alone, a person ("Kyle Rittenhouse",
// uncoded until coreference gives the story's country) or, with a word
// such as "Party" or "Council", an organisation coded by that word's
// sector. Every such mention is marked Unknown and keeps its words as
// Name. Place names after "in", "at" or "near" are not actors and are left.
func (m *Matcher) names(text string, toks []dyad.Token, ms []dyad.Mention, date time.Time) []dyad.Mention {
	sh := &shapes{m: m, text: text, toks: toks, covered: make([]bool, len(toks)), date: date}
	for _, mn := range ms {
		for k := mn.First; k <= mn.Last && k < len(toks); k++ {
			sh.covered[k] = true
		}
	}
	sh.titled(ms)
	ms, out := sh.alone(ms)
	if len(out) == 0 {
		return ms
	}
	ms = append(ms, out...)
	sortMentions(ms)
	return ms
}

// shapes finds the names of one sentence that no dictionary form covers.
type shapes struct {
	m       *Matcher
	text    string
	toks    []dyad.Token
	covered []bool // tokens inside a mention already
	date    time.Time
}

// run returns the last token of the name starting at token i, or -1.
func (sh *shapes) run(i int) int {
	toks := sh.toks
	if i >= len(toks) || sh.covered[i] || !nameStart(toks[i]) {
		return -1
	}
	j := i
	for j+1 < len(toks) && !sh.covered[j+1] && (nameWord(toks[j+1]) && !calendar[strings.ToLower(toks[j+1].Text)] || joiner(toks, j+1) || surnameNoun(toks, j+1)) {
		j++
	}
	for j > i && !nameWord(toks[j]) && !surnameNoun(toks, j) {
		j--
	}
	return j
}

// titled extends each title mention of ms with the name after it.
func (sh *shapes) titled(ms []dyad.Mention) {
	toks := sh.toks
	for k := range ms {
		t := &ms[k]
		if t.Person || t.Place || len(t.Members) > 0 || len(t.Sectors) == 0 || t.Last+1 >= len(toks) || !titles[strings.ToLower(toks[t.Last].Text)] {
			continue
		}
		j := sh.run(t.Last + 1)
		if j < 0 || orgHead(toks, t.Last+1, j) != "" {
			continue
		}
		j = beforeJoiner(toks, t.Last+1, j)
		for x := t.Last + 1; x <= j; x++ {
			sh.covered[x] = true
		}
		t.Name = sh.text[toks[t.Last+1].Span.Start:toks[j].Span.End]
		t.Last, t.Span.End = j, toks[j].Span.End
		t.Text = sh.text[t.Span.Start:t.Span.End]
		t.Person, t.Unknown = true, true
	}
}

// alone returns the names standing alone, with ms less any agent that
// turned out to head one ("Freedom Alliance Party").
func (sh *shapes) alone(ms []dyad.Mention) ([]dyad.Mention, []dyad.Mention) {
	toks := sh.toks
	var out []dyad.Mention
	for i := 0; i < len(toks); i++ {
		j := sh.run(i)
		if j < 0 || afterLocative(toks, i) || strings.EqualFold(prevWord(toks, i), "of") {
			continue
		}
		known := sh.m.knownPart(toks, i, j)
		if !known && j+1 < len(toks) && sh.covered[j+1] && isUpper(toks[j+1].Text[0]) && orgWords[strings.ToLower(toks[j+1].Text)] != "" {
			if k := mentionAt(ms, j+1); k >= 0 && ms[k].First == j+1 && ms[k].Last == j+1 && ms[k].Country == "" {
				ms = append(ms[:k], ms[k+1:]...) // the agent is the name's head
				j++
			}
		}
		if i == j {
			if e, ok := sh.m.inOffice(toks, i, sh.date); ok { // "Mitsotakis said"
				a := codeOf(e, sh.date)
				a.Text, a.Span = toks[i].Text, toks[i].Span
				out = append(out, dyad.Mention{Actor: a, First: i, Last: i, Person: true, Resolved: dyad.SurnameInOffice})
				continue
			}
		}
		sec := orgHead(toks, i, j)
		if sec == "" {
			j = beforeJoiner(toks, i, j) // "Ross Spano of Florida": the person is Ross Spano
		}
		switch {
		case sec == "-" || known:
			i = j
			continue // a building, a street, a document, "U.S.-Japan": no actor
		case j-i < 1:
			continue // one word alone: a surname coreference may know, or anything
		case sec == "" && nameWords(toks, i, j) > 4:
			i = j
			continue // too long for a person's name
		}
		out = append(out, sh.unknown(i, j, sec))
		i = j
	}
	return ms, out
}

// unknown makes the mention of the name over tokens [i, j]: a person, or
// an organisation of sector sec.
func (sh *shapes) unknown(i, j int, sec string) dyad.Mention {
	words := sh.text[sh.toks[i].Span.Start:sh.toks[j].Span.End]
	a := dyad.Actor{Name: words, Text: words, Span: dyad.Span{Start: sh.toks[i].Span.Start, End: sh.toks[j].Span.End}}
	if sec != "" {
		a.Code, a.Sectors = sec, []string{sec}
	}
	return dyad.Mention{Actor: a, First: i, Last: j, Person: sec == "", Unknown: true}
}

// inOffice returns the one person in office on date whose surname is the
// word at token i, as "President Bush" finds him without the title.
func (m *Matcher) inOffice(toks []dyad.Token, i int, date time.Time) (dict.Entry, bool) {
	if date.IsZero() || toks[i].UPOS != "" && toks[i].UPOS != "PROPN" {
		return dict.Entry{}, false
	}
	var found *dict.Actor
	for _, a := range m.surnames[strings.ToLower(toks[i].Text)] {
		if _, role := a.CodeOn(date); role == nil {
			continue
		}
		if found != nil && found != a {
			return dict.Entry{}, false
		}
		found = a
	}
	if found == nil {
		return dict.Entry{}, false
	}
	return dict.Entry{Actor: found, Form: dict.FormName}, true
}

// mentionAt returns the index of the mention of ms over token k, or -1.
func mentionAt(ms []dyad.Mention, k int) int {
	for i, m := range ms {
		if m.First <= k && k <= m.Last {
			return i
		}
	}
	return -1
}

// beforeJoiner cuts the name [i, j] before a joining "of".
func beforeJoiner(toks []dyad.Token, i, j int) int {
	for k := i + 1; k < j; k++ {
		if toks[k].Text == "of" {
			return k - 1
		}
	}
	return j
}

// knownPart reports whether a word of the name [i, j] is one the
// dictionary knows: "U.S.-Japan" is two countries, not a person.
func (m *Matcher) knownPart(toks []dyad.Token, i, j int) bool {
	for k := i; k <= j; k++ {
		if len(toks[k].Text) > 1 && m.known(toks[k].Text) {
			return true
		}
	}
	return false
}

// nameWords counts the words of the name over tokens [i, j], leaving out
// its hyphens and particles: "Abu Mahdi al-Muhandis" has three.
func nameWords(toks []dyad.Token, i, j int) int {
	n := 0
	for k := i; k <= j; k++ {
		if t := toks[k].Text; t != "-" && !joiner(toks, k) {
			n++
		}
	}
	return n
}

// sortMentions orders mentions by their first token.
func sortMentions(ms []dyad.Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].First < ms[j-1].First; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// titles are the last words of titles that a person's name follows:
// "Prime Minister", "police chief", "Judge". Plurals name no one person.
var titles = map[string]bool{
	"president": true, "minister": true, "secretary": true, "speaker": true, "judge": true, "justice": true,
	"senator": true, "sen.": true, "governor": true, "gov.": true, "mayor": true, "general": true, "gen.": true,
	"commander": true, "ambassador": true, "envoy": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "chief": true, "leader": true, "chairman": true, "chairwoman": true, "director": true,
	"prosecutor": true, "king": true, "queen": true, "prince": true, "emir": true, "premier": true,
	"chancellor": true, "representative": true, "rep.": true, "colonel": true, "col.": true, "captain": true,
	"sheikh": true, "cardinal": true, "bishop": true, "archbishop": true, "imam": true, "cleric": true,
	"official": true, "adviser": true, "advisor": true, "lawmaker": true, "legislator": true, "diplomat": true,
	"activist": true, "journalist": true, "reporter": true, "officer": true, "candidate": true, "negotiator": true,
	"deputy": true, "vice-president": true, "attorney": true, "lawyer": true, "student": true, "dissident": true,
	// descriptions news sets before a name ("Ohio man James Alex Fields",
	// "blogger Mira Lane"): the person takes their sector (each of these
	// words has one in the agents dictionary).
	"man": true, "woman": true, "resident": true, "citizen": true, "teenager": true, "businessman": true,
	"businesswoman": true, "blogger": true, "editor": true, "professor": true, "teacher": true,
	"doctor": true, "farmer": true, "worker": true, "suspect": true, "gunman": true,
	"refugee": true, "migrant": true, "politician": true,
}

// surnameNoun reports whether token k, capitalised inside a sentence
// and tagged a common noun, ends the name of the word before it: "James
// Alex Fields", "Kevin Rivers", whose surnames are also words.
func surnameNoun(toks []dyad.Token, k int) bool {
	t := toks[k]
	return k > 0 && t.UPOS == "NOUN" && t.Text != "" && isUpper(t.Text[0]) && strings.ToUpper(t.Text) != t.Text &&
		toks[k-1].UPOS == "PROPN" && (k+1 == len(toks) || !nameWord(toks[k+1]))
}

// nameStart reports whether t may open a name: a name word that is not a
// month, a weekday or a function word.
func nameStart(t dyad.Token) bool {
	low := strings.ToLower(t.Text)
	return nameWord(t) && !calendar[low] && !function[low] && !notNames[low]
}

// notNames are capitalised words that open sentences or headings but
// begin no name.
var notNames = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "according": true, "despite": true,
	"although": true, "while": true, "since": true, "during": true, "following": true, "under": true,
	"there": true, "what": true, "who": true, "why": true, "how": true, "some": true, "many": true,
}

func prevWord(toks []dyad.Token, i int) string {
	if i == 0 {
		return ""
	}
	if strings.EqualFold(toks[i-1].Text, "the") && i > 1 {
		return toks[i-2].Text
	}
	return toks[i-1].Text
}

// orgHead returns the sector the head word of the name gives it ("Thames
// Valley Police" → COP: the last such word before any "of"), "-" when
// that word makes it a thing or a place, "" for neither.
func orgHead(toks []dyad.Token, i, j int) string {
	sec := ""
	for k := i; k <= j; k++ {
		w := strings.ToLower(toks[k].Text)
		if w == "of" && sec != "" {
			break
		}
		if s, ok := orgWords[w]; ok {
			sec = s
		}
	}
	return sec
}

// orgWords are the words that make a capitalised run an organisation of
// a sector, or a place or thing ("-") that is no actor.
var orgWords = map[string]string{
	"party": "PTY", "parties": "PTY",
	"army": "MIL", "forces": "MIL", "force": "MIL", "brigade": "MIL", "brigades": "MIL", "battalion": "MIL", "corps": "MIL", "navy": "MIL",
	"court": "JUD", "tribunal": "JUD",
	"police": "COP", "guard": "COP", "gendarmerie": "COP",
	"ministry": "GOV", "department": "GOV", "agency": "GOV", "authority": "GOV", "administration": "GOV", "commission": "GOV", "government": "GOV", "cabinet": "GOV", "council": "GOV", "directorate": "GOV", "office": "GOV",
	"assembly": "LEG", "congress": "LEG", "parliament": "LEG", "senate": "LEG",
	"front": "OPP", "movement": "OPP", "alliance": "OPP", "coalition": "OPP", "league": "OPP",
	"union": "LAB", "federation": "LAB",
	"university": "EDU", "school": "EDU", "institute": "EDU", "college": "EDU",
	"bank": "BUS", "company": "BUS", "corporation": "BUS", "inc": "BUS", "ltd": "BUS", "group": "BUS",
	"church": "REL", "diocese": "REL",
	"news": "MED", "times": "MED", "post": "MED", "tv": "MED", "television": "MED", "radio": "MED", "press": "MED", "journal": "MED",
	"foundation": "NGO", "fund": "NGO", "association": "NGO", "organization": "NGO", "organisation": "NGO", "society": "NGO", "network": "NGO", "centre": "NGO", "center": "NGO", "watch": "NGO",
	"committee": "GOV", "daily": "MED", "hotel": "-", "tower": "-", "lodge": "-", "area": "-", "express": "-", "typhoon": "-", "hurricane": "-", "cyclone": "-", "storm": "-", "cathedral": "-", "mosque": "-", "street": "-", "square": "-", "airport": "-", "stadium": "-", "station": "-",
	"hospital": "-", "palace": "-", "house": "LEG", "complex": "-", "bridge": "-", "road": "-", "avenue": "-", "province": "-",
	"district": "-", "county": "-", "city": "-", "state": "-", "region": "-", "island": "-", "islands": "-", "river": "-",
	"lake": "-", "mountain": "-", "mountains": "-", "valley": "-", "desert": "-", "sea": "-", "ocean": "-", "gulf": "-",
	"article": "-", "act": "-", "bill": "-", "treaty": "-", "accord": "-", "agreement": "-", "declaration": "-", "day": "-",
	"prize": "-", "award": "-", "cup": "-", "games": "-", "festival": "-", "summit": "-", "conference": "-", "forum": "-",
	"week": "-", "month": "-", "law": "-", "constitution": "-", "initiative": "-", "museum": "-", "park": "-",
	"war": "-", "operation": "-", "covid": "-", "coronavirus": "-", "christmas": "-", "ramadan": "-", "easter": "-",
	"twitter": "-", "facebook": "-", "x": "-", "instagram": "-", "tiktok": "-", "youtube": "-", "whatsapp": "-", "telegram": "-",
}
