package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// MaxTokens is the longest sentence Sentences returns; a longer run of
// tokens without a sentence end is cut into pieces of at most this size.
const MaxTokens = 250

// Sentences groups toks, the tokens of text in order, into sentences.
// Each sentence has its Index, its Span from its first token's start to its
// last token's end, Text sliced from text, and copies of its tokens with IDs
// 1..n. Tokens whose spans fall outside text are dropped.
func Sentences(text string, toks []dyad.Token) []dyad.Sentence {
	var out []dyad.Sentence
	start := 0
	for i := range toks {
		n := i + 1 - start
		paraStart := start == i && (i == 0 || blankLine(text, toks[i-1].Span.End, toks[i].Span.Start))
		if d := dateline(toks[i:]); paraStart && d > 0 {
			out = appendSentence(out, text, toks[i:i+d])
			start = i + d
		}
		if i < start {
			continue
		}
		end := i+1 == len(toks) || n >= MaxTokens || endsAt(text, toks, i)
		if !end {
			continue
		}
		if n >= MaxTokens && i+1 < len(toks) {
			i = cutPoint(toks, start, i)
		}
		out = appendSentence(out, text, toks[start:i+1])
		start = i + 1
	}
	if start < len(toks) {
		out = appendSentence(out, text, toks[start:])
	}
	return out
}

// dateline returns the number of tokens of a news dateline at the start
// of toks ("TOKYO (AP) —", "WASHINGTON, D.C. --"), or 0: upper-case words
// and commas, an optional bracketed agency, then a dash before a word that
// can open a sentence.
func dateline(toks []dyad.Token) int {
	i := 0
	for i < len(toks) && i < 8 && (isUpperWord(toks[i].Text) || i > 0 && toks[i].Text == ",") {
		i++
	}
	if i == 0 || i == len(toks) {
		return 0
	}
	if toks[i].Text == "(" {
		k := i + 1
		for k < len(toks) && k < i+6 && toks[k].Text != ")" {
			k++
		}
		if k == len(toks) || toks[k].Text != ")" {
			return 0
		}
		i = k + 1
	}
	if i < len(toks) && i+1 < len(toks) {
		switch toks[i].Text {
		case "—", "--", "–", "-", "―":
			if opensSentence(toks[i+1].Text) {
				return i + 1
			}
		}
	}
	return 0
}

// isUpperWord reports whether w has letters and no lower-case ones.
func isUpperWord(w string) bool {
	letters := false
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			letters = true
		case r != '.' && r != '-' && r != '\'':
			return false
		}
	}
	return letters
}

// cutPoint returns the token after which to cut an over-long run
// toks[start:i+1]: the last semicolon, colon or comma in its second half,
// or i itself.
func cutPoint(toks []dyad.Token, start, i int) int {
	for k := i; k > start+(i-start)/2; k-- {
		switch toks[k].Text {
		case ";", ":", ",", "—", "--":
			return k
		}
	}
	return i
}

func appendSentence(out []dyad.Sentence, text string, toks []dyad.Token) []dyad.Sentence {
	ts := make([]dyad.Token, 0, len(toks))
	for _, t := range toks {
		if t.Span.Start < 0 || t.Span.End > len(text) || t.Span.Start > t.Span.End {
			continue
		}
		t.ID = len(ts) + 1
		ts = append(ts, t)
	}
	if len(ts) == 0 {
		return out
	}
	sp := dyad.Span{Start: ts[0].Span.Start, End: ts[len(ts)-1].Span.End}
	if sp.End < sp.Start {
		sp.End = sp.Start
	}
	return append(out, dyad.Sentence{Index: len(out), Span: sp, Text: text[sp.Start:sp.End], Tokens: ts})
}

// endsAt reports whether a sentence ends after toks[i].
func endsAt(text string, toks []dyad.Token, i int) bool {
	next := toks[i+1]
	if blankLine(text, toks[i].Span.End, next.Span.Start) {
		return true
	}
	w := toks[i].Text
	switch {
	case isFinal(w):
		// a closing quote or bracket attached to the final mark goes with it
		if !toks[i].SpaceAfter && closes(toks, i+1) {
			return false
		}
		return opensSentence(next.Text)
	case closes(toks, i) && afterFinal(toks, i):
		// a second closer goes with the first ("this?'\" says")
		if !toks[i].SpaceAfter && closes(toks, i+1) {
			return false
		}
		return opensSentence(next.Text)
	case strings.HasSuffix(w, ".") && len(w) > 1:
		if titles[strings.ToLower(strings.TrimSuffix(w, "."))] || len(w) == 2 { // "Dr.", an initial "J."
			return false
		}
		// only a capitalised opener: "U.S. officials said" goes on
		return next.Text != "" && next.Text[0] >= 'A' && next.Text[0] <= 'Z' && starters[strings.ToLower(next.Text)]
	}
	return false
}

// blankLine reports whether text[a:b], the gap between two tokens, holds
// two line breaks.
func blankLine(text string, a, b int) bool {
	if a < 0 || b > len(text) || a >= b {
		return false
	}
	return strings.Count(text[a:b], "\n") >= 2
}

func isFinal(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			return false
		}
	}
	return true
}

// afterFinal reports whether toks[i] follows a final mark with nothing
// between them but closers written without spaces ("?'" and "?'\"").
func afterFinal(toks []dyad.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3 && !toks[k].SpaceAfter; k-- {
		if isFinal(toks[k].Text) {
			return true
		}
		if !closes(toks, k) {
			return false
		}
	}
	return false
}

// closes reports whether toks[i] closes what comes before it: a closing
// quote or bracket, or an opening-shaped quote mark written with no space
// before it and a space after ("decision.“ However"), which is a
// closing quote typed with the wrong key.
func closes(toks []dyad.Token, i int) bool {
	w := toks[i].Text
	if isCloser(w) {
		return true
	}
	return (w == "“" || w == "‘") && toks[i].SpaceAfter && i+1 < len(toks) && i > 0 && !toks[i-1].SpaceAfter
}

func isCloser(w string) bool {
	switch w {
	case `"`, "”", "’", "'", ")", "]", "»", "''":
		return true
	}
	return false
}

// opensSentence reports whether a word can begin a sentence: it starts
// with an upper-case letter, a digit, an opening quote or bracket, or a
// letter of a script without case.
func opensSentence(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsUpper(r) || unicode.IsDigit(r):
		return true
	case strings.ContainsRune("\"“‘'([«-—–$€£*•", r):
		return true
	case unicode.IsLetter(r) && !unicode.IsLower(r):
		return true
	}
	return false
}

// starters are words that typically open a sentence; after an abbreviation
// such as "U.S." or "Inc." they signal that the sentence ended there.
var starters = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an he she it they we i you this that
		these those there his her its their our my in on at for but and
		however meanwhile mr. mrs. ms. dr. officials police some many
		no one after before when while if as last earlier later also since
		despite although though during according`) {
		starters[w] = true
	}
}

// titles are abbreviations a name follows, so they never end a sentence.
var titles = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mr mrs ms dr prof rev gen sen rep gov lt col
		maj capt cpt sgt adm cmdr brig pres amb hon st ft mt messrs mme mlle fr
		supt insp cpl pvt`) {
		titles[w] = true
	}
}
