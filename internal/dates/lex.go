package dates

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a lexical token.
type tokKind uint8

const (
	tWord  tokKind = iota // a run of letters
	tNum                  // a run of ASCII digits
	tPunct                // any other single non-space rune
)

// token is one lexical unit of the text given to Find.
type token struct {
	kind       tokKind
	start, end int    // bytes of the text
	text       string // text[start:end]
	lower      string // lower-case text, for words
	space      bool   // white space (or the start of text) precedes the token
}

// lex splits text into words, digit runs and single punctuation runes.
func lex(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	space := true
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			space = true
			i++
			continue
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			toks = append(toks, token{kind: tNum, start: i, end: j, text: text[i:j], space: space})
			i = j
		case c < utf8.RuneSelf && !isASCIILetter(c):
			toks = append(toks, token{kind: tPunct, start: i, end: i + 1, text: text[i : i+1], space: space})
			i++
		default:
			j := i
			for j < len(text) {
				r, n := rune(text[j]), 1
				if r >= utf8.RuneSelf {
					r, n = utf8.DecodeRuneInString(text[j:])
				}
				if !unicode.IsLetter(r) {
					break
				}
				j += n
			}
			if j == i { // a non-letter rune outside ASCII: space or punctuation
				r, n := utf8.DecodeRuneInString(text[i:])
				if unicode.IsSpace(r) {
					space = true
					i += n
					continue
				}
				toks = append(toks, token{kind: tPunct, start: i, end: i + n, text: text[i : i+n], space: space})
				i += n
				break
			}
			w := text[i:j]
			toks = append(toks, token{kind: tWord, start: i, end: j, text: w, lower: lowerWord(w), space: space})
			i = j
		}
		space = false
	}
	return toks
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// lowerWord returns w in lower case, without allocating when it already is.
func lowerWord(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}

// capitalised reports whether w starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
