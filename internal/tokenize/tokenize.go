package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// span is a half-open byte range of the input.
type span struct{ start, end int }

// Text returns the tokens of text in order. Each token's Span slices text
// to its Text; Head is -1 and ID 0 (segment numbers tokens per sentence);
// SpaceAfter is false when the next token follows with no space between.
func Text(text string) []dyad.Token {
	toks := make([]dyad.Token, 0, len(text)/5+1)
	var c chunker
	c.text = text
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isSeparator(r, n) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n = utf8.DecodeRuneInString(text[j:])
			if isSeparator(r, n) {
				break
			}
			j += n
		}
		c.out = c.out[:0]
		c.split(i, j)
		for _, s := range c.out {
			toks = append(toks, dyad.Token{
				Text:       text[s.start:s.end],
				Span:       dyad.Span{Start: s.start, End: s.end},
				Head:       -1,
				SpaceAfter: true,
			})
		}
		i = j
	}
	for k := 0; k+1 < len(toks); k++ {
		if toks[k+1].Span.Start == toks[k].Span.End {
			toks[k].SpaceAfter = false
		}
	}
	return toks
}

// isSeparator reports whether the rune r of encoded length n separates
// tokens: white space, control characters, invalid bytes, zero-width space
// and byte-order marks.
func isSeparator(r rune, n int) bool {
	switch {
	case r < 0x80:
		return r <= ' ' || r == 0x7f
	case r == utf8.RuneError && n == 1:
		return true
	case r == 0x200b || r == 0xfeff || r == 0x2028 || r == 0x2029:
		return true
	}
	return unicode.IsSpace(r) || unicode.IsControl(r)
}

// chunker splits one run of non-space text into tokens.
type chunker struct {
	text string
	out  []span
	tail []span // trailing tokens, in reverse order
}

func (c *chunker) emit(start, end int) {
	if start < end {
		c.out = append(c.out, span{start, end})
	}
}

// split tokenizes text[s:e], a run without separators.
func (c *chunker) split(s, e int) {
	s = c.leading(s, e)
	c.tail = c.tail[:0]
	if isURL(c.text[s:e]) {
		e = c.trailing(s, e, true)
		c.emit(s, e)
	} else {
		e = c.trailing(s, e, false)
		cs, ce := c.clitic(s, e)
		if cs >= 0 {
			c.inner(s, cs)
			c.emit(cs, ce)
		} else {
			c.inner(s, e)
		}
	}
	for k := len(c.tail) - 1; k >= 0; k-- {
		c.emit(c.tail[k].start, c.tail[k].end)
	}
}

// leading splits opening quotes, brackets and currency signs off the
// front of text[s:e] and returns where the rest starts.
func (c *chunker) leading(s, e int) int {
	t := c.text
	for s < e {
		r, n := utf8.DecodeRuneInString(t[s:e])
		switch {
		case r == '\'' || r == '‘' || r == '’':
			if clitics[strings.ToLower(t[s:e])] || (s+n < e && isDigit(t[s+n])) {
				return s
			}
		case r == '`' && s+1 < e && t[s+1] == '`':
			c.emit(s, s+2)
			s += 2
			continue
		case isOpener(r):
		case isCurrency(r) && s+n < e:
		case r == '-' && s+1 < e && t[s+1] == '-':
			j := s
			for j < e && t[j] == '-' {
				j++
			}
			c.emit(s, j)
			s = j
			continue
		default:
			return s
		}
		c.emit(s, s+n)
		s += n
	}
	return s
}

// trailing pushes closing punctuation of text[s:e] onto c.tail and returns
// where the rest ends. For URLs only plain sentence punctuation is split.
func (c *chunker) trailing(s, e int, url bool) int {
	t := c.text
	for e > s {
		r, n := utf8.DecodeLastRuneInString(t[s:e])
		k := e - n
		switch {
		case r == '.':
			for k > s && t[k-1] == '.' {
				k--
			}
			if e-k == 1 && k > s && !url && isAbbreviation(t[s:e]) {
				return e
			}
		case r == '!' || r == '?':
			for k > s && (t[k-1] == '!' || t[k-1] == '?') {
				k--
			}
		case r == '-':
			for k > s && t[k-1] == '-' {
				k--
			}
			if url || (e-k == 1 && k > s) { // "pre-" stays a word
				return e
			}
		case r == '%' || r == '‰':
			if k == s || url {
				return e
			}
		case r == ',' || r == ';' || r == ':' || isCloser(r) || (r == '“' || r == '‘') && k > s:
			// an opening-shaped quote at the end of a word closes it
			// ("decision.“ However"): the wrong key for ” or ’
			if url && r != ',' && r != ';' && r != ':' && r != ')' && r != '"' && r != '\'' && r != '>' {
				return e
			}
		case r == '…' || r == '—' || r == '–':
			if url {
				return e
			}
		default:
			return e
		}
		c.tail = append(c.tail, span{k, e})
		e = k
	}
	return e
}

// inner splits text[s:e] at hyphens, slashes, dashes, commas and brackets
// inside it, keeping numbers, dates and prefixed compounds whole.
func (c *chunker) inner(s, e int) {
	t := c.text
	start := s
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(t[i:e])
		split := false
		switch {
		case r == '-':
			j := i
			for j < e && t[j] == '-' {
				j++
			}
			n = j - i
			if n == 1 && i > start && j < e {
				p, q := t[i-1], t[j]
				if isDigit(p) && isDigit(q) {
					break
				}
				if isAlnum(p) && isAlnum(q) && i-start <= 7 && prefixes[strings.ToLower(t[start:i])] {
					break
				}
			}
			if n == 1 && i == start && j < e && isDigit(t[j]) {
				break // a negative number
			}
			if n == 1 && i > start && j == e {
				break // "pre-" in "pre- and post-war"
			}
			split = true
		case r == '/' || r == ',' || r == ':':
			if i > start && i+1 < e && isDigit(t[i-1]) && isDigit(t[i+1]) {
				break
			}
			split = true
		case isInnerPunct(r):
			split = true
		}
		if split {
			c.emit(start, i)
			c.emit(i, i+n)
			start = i + n
		}
		i += n
	}
	c.emit(start, e)
}

func isAlnum(b byte) bool { return isLetter(b) || isDigit(b) || b >= 0x80 }

// isInnerPunct reports whether r is split off even inside a word.
func isInnerPunct(r rune) bool {
	switch r {
	case '—', '–', '―', ';', '!', '?', '…', '"', '(', ')', '[', ']', '{', '}',
		'“', '”', '«', '»', '‹', '›', '„', '<', '>':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '<', '“', '‘', '«', '‹', '„', '¿', '¡', '*', '`', '#':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '>', '”', '’', '»', '›', '*':
		return true
	}
	return false
}

func isCurrency(r rune) bool {
	return r == '$' || r == '€' || r == '£' || r == '¥' || r == '₹' || r == '₽' || r == '₩'
}

// isURL reports whether w looks like a URL or an e-mail address.
func isURL(w string) bool {
	if strings.Contains(w, "://") || strings.HasPrefix(w, "www.") || strings.HasPrefix(w, "WWW.") {
		return true
	}
	at := strings.IndexByte(w, '@')
	if at <= 0 {
		return false
	}
	dot := strings.LastIndexByte(w, '.')
	return dot > at+1 && dot < len(w)-1 && isLetter(w[dot+1])
}
