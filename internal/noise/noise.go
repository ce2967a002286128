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
		"grammy", "oscars", "eurovision", "test match", "rugby", "cricket", "grand prix", "world series"}
	weak = []string{"match", "goal", "goals", "striker", "midfielder", "goalkeeper", "coach", "tournament",
		"qualifier", "final", "semifinal", "semi-final", "championship", "season", "league", "cup", "stadium",
		"fans", "squad", "innings", "wicket", "medal", "athlete", "club", "kickoff", "penalty", "scored",
		"album", "film", "concert", "actor", "actress", "singer", "beat", "defeated", "thrashed", "drew"}
)

// Sports reports whether text reads as a sports or entertainment report:
// one strong cue and another cue, or three weak cues, or a match score
// ("2-1") with a sports cue.
func Sports(text string) bool {
	low := strings.ToLower(text)
	s, w := 0, 0
	for _, c := range strong {
		s += countWord(low, c)
	}
	for _, c := range weak {
		w += countWord(low, c)
	}
	if hasScore(text) {
		w += 2
	}
	return s >= 1 && s+w >= 2 || w >= 3
}

// countWord counts the occurrences of phrase in low at word boundaries.
func countWord(low, phrase string) int {
	n := 0
	for i := 0; ; {
		j := strings.Index(low[i:], phrase)
		if j < 0 {
			return n
		}
		a, b := i+j, i+j+len(phrase)
		if (a == 0 || !isWordByte(low[a-1])) && (b == len(low) || !isWordByte(low[b])) {
			n++
		}
		i = b
	}
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' }

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
		"writing by", "additional reporting"}
	boilerPhrases = []string{"share this article", "share on facebook", "share on twitter", "all rights reserved",
		"click here", "sign up for", "subscribe to our", "follow us on", "(reuters)", "(ap)", "(afp)", "getty images",
		"cookie policy", "terms of use"}
)

// Boilerplate reports whether a sentence is a caption, byline, credit or
// share-button text. A dateline with an agency name ("SEOUL (AP) —") at the
// start of a real sentence is not boilerplate: it counts only at the end.
func Boilerplate(sentence string) bool {
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
