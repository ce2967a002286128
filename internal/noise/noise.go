package noise

import (
	"strings"
	"unicode"
)

// strong are cues that make a text a sports or entertainment report on
// their own; weak ones count only together.
var (
	strong = []string{"world cup", "champions league", "premier league", "europa league", "davis cup",
		"grand slam", "super bowl", "olympic games", "olympics", "wimbledon", "formula one", "tour de france",
		"fifa", "uefa", "nba", "nfl", "la liga", "serie a", "bundesliga", "copa america", "box office",
		"grammy", "oscars", "eurovision", "test match", "rugby", "cricket", "grand prix", "world series", "world championships"}
	// Words common in political and crime news ("death penalty",
	// "firing squad", "final vote", "policy goals", "defeated the bill",
	// "drew criticism", "political actor") are no cues: on the silver
	// training stories they made 34 stories with coded events read as
	// sports.
	weak = []string{"match", "striker", "midfielder", "goalkeeper", "coach", "tournament", "qualifier",
		"semifinal", "semi-final", "championship", "championships", "season", "league", "cup", "stadium",
		"fans", "innings", "wicket", "medal", "athlete", "kickoff", "scored", "album", "film", "concert",
		"actress", "singer"}
)

// hard are words of violence and justice: a story that has one is news
// even when it happens at a match ("bomb blasts kill dozens watching
// the World Cup final").
var hard = map[string]bool{"killed": true, "kill": true, "bomb": true, "bombing": true, "blast": true, "blasts": true,
	"explosion": true, "explosives": true, "attack": true, "attacked": true, "shooting": true, "gunmen": true,
	"arrested": true, "sentenced": true, "murdered": true, "terrorist": true, "terror": true, "riot": true}

// sportsWindow bounds the bytes Sports reads.
const sportsWindow = 2048

// cues maps each cue phrase, lower case, to whether it is strong.
var cues, maxCueWords = func() (map[string]bool, int) {
	m, n := map[string]bool{}, 1
	for _, c := range weak {
		m[c] = false
	}
	for _, c := range strong {
		m[c] = true
		n = max(n, strings.Count(c, " ")+1)
		if first, _, ok := strings.Cut(c, " "); ok {
			openers[first] = true
		}
	}
	return m, n
}()

// openers are the first words of multiword cues.
var openers = map[string]bool{}

// Sports reports whether text reads as a sports or entertainment report:
// one strong cue and another cue, or three distinct weak cues, a match
// score ("2-1") counting as one; never when it tells of violence or
// justice (hard). It reads the text once.
func Sports(text string) bool {
	if len(text) > sportsWindow {
		text = text[:sportsWindow] // a sports story shows itself early
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
	// Each cue counts once: a crime story says "penalty" or "stadium"
	// many times over.
	seen := map[string]bool{}
	s, w := 0, 0
	for i := range words {
		if hard[words[i]] {
			return false
		}
		phrase := words[i]
		longest := 1
		if openers[phrase] {
			longest = maxCueWords
		}
		for n := 1; n <= longest && i+n <= len(words); n++ {
			if n > 1 {
				phrase += " " + words[i+n-1]
			}
			if isStrong, ok := cues[phrase]; ok && !seen[phrase] {
				seen[phrase] = true
				if isStrong {
					s++
				} else {
					w++
				}
			}
		}
	}
	if hasScore(text) {
		w++ // a score ("2-1") is a vote too ("passed 13-0")
	}
	return s >= 1 && s+w >= 2 || w >= 3
}

// hasScore reports whether text has a match score such as "2-1" or "3–0":
// two small numbers joined by a hyphen or en dash, standing alone.
func hasScore(text string) bool {
	for _, f := range strings.Fields(text) {
		f = strings.TrimRight(f, ".,;:)")
		a, b, ok := strings.Cut(strings.ReplaceAll(f, "\u2013", "-"), "-")
		if ok && small(a) && small(b) {
			return true
		}
	}
	return false
}

func small(s string) bool {
	if len(s) == 0 || len(s) > 2 {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// boilerplate starts and phrases mark sentences that are page furniture,
// not reporting.
var (
	boilerStarts = []string{"photo:", "photo credit", "file photo", "image:", "picture:", "caption:", "video:",
		"watch:", "listen:", "read more", "related:", "advertisement", "subscribe", "sign up", "click here",
		"follow us", "share this", "copyright", "all rights reserved", "by ", "reporting by", "editing by",
		"writing by", "additional reporting", "shared on", "share on", "share:", "file -", "file \u2013", "file \u2014",
		"photo by", "photos by", "image by", "credit:"}
	boilerPhrases = []string{"share this article", "share on facebook", "share on twitter", "all rights reserved",
		"click here", "sign up for", "subscribe to our", "follow us on", "(reuters)", "(ap)", "(afp)", "getty images",
		"cookie policy", "terms of use", "ap photo", "afp photo", "reuters photo", "(photo", "photo credit"}
)

// boilerMax is the longest sentence Boilerplate considers.
const boilerMax = 400

// Boilerplate reports whether a sentence is a caption, byline, credit or
// share-button text. A dateline with an agency name ("SEOUL (AP) —") at the
// start of a real sentence is not boilerplate: it counts only at the end.
func Boilerplate(sentence string) bool {
	if len(sentence) > boilerMax {
		return false // page furniture is short
	}
	low := strings.ToLower(strings.TrimSpace(sentence))
	for _, p := range boilerStarts {
		if strings.HasPrefix(low, p) && !(p == "by " && len(strings.Fields(low)) > 6) {
			return true
		}
	}
	for _, p := range boilerPhrases {
		i := strings.Index(low, p)
		if i < 0 {
			continue
		}
		if strings.HasPrefix(p, "(") && i < len(low)-len(p)-2 {
			continue // an agency in a dateline, not a credit at the end
		}
		return true
	}
	return false
}
