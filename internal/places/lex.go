package places

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word of a text as Find sees it.
type word struct {
	start, end int    // bytes of the text, without a possessive "'s"
	text       string // text[start:end]
	upper      bool   // starts with an upper-case letter
	sentStart  bool   // first word of the text or after . ! ? or a line break
	joined     bool   // only spaces separate it from the previous word, which has no possessive
}

// words splits text into words: runs of letters and digits with the
// apostrophes, hyphens and periods inside them ("Sana'a", "Port-au-Prince",
// "U.S."). A final period is kept only in abbreviations with another period
// or of one or two letters ("U.S.", "St."); a possessive "'s" is dropped.
func words(text string) []word {
	var out []word
	sentStart, joined := true, false
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			switch {
			case r == '.' || r == '!' || r == '?' || r == '\n':
				sentStart = true
				joined = false
			case r == ' ' || r == '\t' || r == '\u00a0':
			default:
				joined = false
			}
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) || (isInner(r2) && j+n2 < len(text) && startsWord(text[j+n2:])) {
				j += n2
				continue
			}
			break
		}
		end := j
		if j < len(text) && text[j] == '.' && (strings.Contains(text[i:j], ".") || j-i <= 2) && j-i >= 1 && isUpperStart(text[i:j]) {
			end = j + 1
		}
		w := trimPossessive(text[i:end])
		out = append(out, word{start: i, end: i + len(w), text: w, upper: isUpperStart(w), sentStart: sentStart, joined: joined && len(out) > 0})
		// A possessive ends a name: "California's Riverside County" is two.
		sentStart, joined = false, len(w) == end-i
		if end > j && end == len(text) || end > j && end < len(text) && text[end] == ' ' && isSentenceEnd(text[end:]) {
			sentStart = true
		}
		i = end
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isInner reports whether r may stand inside a word.
func isInner(r rune) bool { return r == '\'' || r == '’' || r == '-' || r == '.' || r == '‐' }

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isSentenceEnd guesses whether an abbreviation's period also ends a
// sentence: the next word starts with a capital after two spaces or a line
// break. One space is read as inside the sentence ("the U.S. Army").
func isSentenceEnd(rest string) bool {
	return strings.HasPrefix(rest, "  ") || strings.HasPrefix(rest, " \n")
}

func trimPossessive(w string) string {
	for _, s := range []string{"'s", "’s", "'", "’"} {
		if t, ok := strings.CutSuffix(w, s); ok && t != "" {
			return t
		}
	}
	return w
}
