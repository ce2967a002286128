package postag

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Context holds what feature extraction needs of one sentence. Reuse it
// across sentences to avoid allocation.
type Context struct {
	Forms []string // as in the text
	Lower []string // lower case, digits as 0
	Shape []string // "Xx", "d.d", …
	Amb   []string // the word's ambiguity class in the training data, or ""
}

// Reset fills c for the words forms; amb maps a lower-case word to its
// ambiguity class.
func (c *Context) Reset(forms []string, amb map[string]string) {
	c.Forms = forms
	c.Lower = c.Lower[:0]
	c.Shape = c.Shape[:0]
	c.Amb = c.Amb[:0]
	for _, f := range forms {
		l := Normalize(f)
		c.Lower = append(c.Lower, l)
		c.Shape = append(c.Shape, shape(f))
		c.Amb = append(c.Amb, amb[l])
	}
}

// Normalize returns the form under which a word is looked up: lower case,
// with every digit written 0, and at most 30 bytes.
func Normalize(f string) string {
	lower := true
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 {
			lower = false
			break
		}
	}
	if !lower {
		f = strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '0'
			}
			return unicode.ToLower(r)
		}, f)
	}
	if len(f) > 30 {
		cut := 30
		for cut > 0 && !utf8.RuneStart(f[cut]) {
			cut--
		}
		f = f[:cut]
	}
	return f
}

// shape maps upper-case letters to X, lower-case to x, digits to d, keeps
// other characters, and shortens runs to two.
func shape(f string) string {
	var b [16]byte
	n := 0
	var prev byte
	run := 0
	for _, r := range f {
		var c byte
		switch {
		case r >= 'A' && r <= 'Z' || r > 0x7f && unicode.IsUpper(r):
			c = 'X'
		case r >= 'a' && r <= 'z' || r > 0x7f && unicode.IsLetter(r):
			c = 'x'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < 0x80:
			c = byte(r)
		default:
			c = '*'
		}
		if c == prev {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
		}
		prev = c
		if n == len(b) {
			break
		}
		b[n] = c
		n++
	}
	return string(b[:n])
}

func (c *Context) lower(i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(c.Lower):
		return "</s>"
	}
	return c.Lower[i]
}

func (c *Context) amb(i int) string {
	if i < 0 || i >= len(c.Amb) {
		return "<>"
	}
	return c.Amb[i]
}

func (c *Context) shape(i int) string {
	if i < 0 || i >= len(c.Shape) {
		return "<>"
	}
	return c.Shape[i]
}

func tagAt(tags []int, i int) int {
	if i < 0 {
		return 1000
	}
	if i >= len(tags) {
		return 1001
	}
	return tags[i]
}

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// Features appends to dst the features of word i. left holds the tags
// already chosen for words before i; right, when not nil, the first pass's
// tags of every word, and asks for the second pass's features.
func Features(dst []uint32, c *Context, i int, left, right []int) []uint32 {
	w := c.Lower[i]
	t1, t2 := tagAt(left, i-1), tagAt(left, i-2)
	dst = append(dst,
		tmpl(0),
		hstr(tmpl(1), w),
		hstr(tmpl(2), suffix(w, 1)),
		hstr(tmpl(3), suffix(w, 2)),
		hstr(tmpl(4), suffix(w, 3)),
		hstr(tmpl(5), suffix(w, 4)),
		hstr(tmpl(6), prefix(w, 1)),
		hstr(tmpl(7), prefix(w, 2)),
		hstr(tmpl(8), prefix(w, 3)),
		hstr(tmpl(9), c.Shape[i]),
		hstr(tmpl(10), c.Amb[i]),
		hstr(tmpl(11), c.lower(i-1)),
		hstr(tmpl(12), c.lower(i+1)),
		hstr(tmpl(13), c.lower(i-2)),
		hstr(tmpl(14), c.lower(i+2)),
		hstr(tmpl(15), suffix(c.lower(i-1), 3)),
		hstr(tmpl(16), suffix(c.lower(i+1), 3)),
		hint(tmpl(17), t1),
		hint(tmpl(18), t2),
		hint(hint(tmpl(19), t1), t2),
		hstr(hint(tmpl(20), t1), w),
		hstr(hstr(tmpl(21), c.lower(i-1)), w),
		hstr(hstr(tmpl(22), w), c.lower(i+1)),
		hstr(tmpl(23), c.amb(i+1)),
		hstr(tmpl(24), c.amb(i-1)),
		hstr(tmpl(25), c.Forms[i]),
		hstr(hint(tmpl(26), min(i, 1)), c.Shape[i]),
		hstr(hint(tmpl(27), t1), c.Amb[i]),
		hstr(hstr(hstr(tmpl(28), c.shape(i-1)), c.Shape[i]), c.shape(i+1)),
		hstr(hstr(tmpl(29), c.Amb[i]), c.amb(i+1)),
	)
	if right == nil {
		return dst
	}
	r1, r2 := tagAt(right, i+1), tagAt(right, i+2)
	return append(dst,
		hint(tmpl(40), r1),
		hint(tmpl(41), r2),
		hint(hint(tmpl(42), r1), r2),
		hint(hint(tmpl(43), t1), r1),
		hstr(hint(tmpl(44), r1), w),
		hstr(hint(tmpl(45), r1), c.Amb[i]),
		hint(tmpl(46), tagAt(right, i)),
		hstr(hint(tmpl(47), tagAt(right, i)), w),
	)
}
