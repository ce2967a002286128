package postag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/linear"
)

// Context holds what feature extraction needs of one sentence. Reuse it
// across sentences to avoid allocation.
type Context struct {
	Forms []string // as in the text
	Lower []string // lower case, digits as 0
	Shape []string // "Xx", "d.d", …
	Amb   []string // the word's ambiguity class in the training data, or ""
	Auto  []string // the tags the word took in unlabelled text, or ""
}

// Reset fills c for the words forms; amb maps a lower-case word to its
// ambiguity class, auto to its class in unlabelled text.
func (c *Context) Reset(forms []string, amb, auto map[string]string) {
	c.Forms = forms
	c.Lower = c.Lower[:0]
	c.Shape = c.Shape[:0]
	c.Amb = c.Amb[:0]
	c.Auto = c.Auto[:0]
	for _, f := range forms {
		l := Normalize(f)
		c.Lower = append(c.Lower, l)
		c.Shape = append(c.Shape, shape(f))
		c.Amb = append(c.Amb, amb[l])
		c.Auto = append(c.Auto, auto[l])
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

func (c *Context) auto(i int) string {
	if i < 0 || i >= len(c.Auto) {
		return "<>"
	}
	return c.Auto[i]
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
// tags of every word, and asks for the second pass's features. They are
// WordFeatures followed by TagFeatures.
func Features(dst []uint32, c *Context, i int, left, right []int) []uint32 {
	return TagFeatures(WordFeatures(dst, c, i), c, i, left, right)
}

// WordFeatures appends to dst the features of word i that read no tags,
// the same in both passes, so the tagger computes them once.
func WordFeatures(dst []uint32, c *Context, i int) []uint32 {
	w := c.Lower[i]
	return append(dst,
		linear.Template(0),
		linear.Str(linear.Template(1), w),
		linear.Str(linear.Template(2), suffix(w, 1)),
		linear.Str(linear.Template(3), suffix(w, 2)),
		linear.Str(linear.Template(4), suffix(w, 3)),
		linear.Str(linear.Template(5), suffix(w, 4)),
		linear.Str(linear.Template(6), prefix(w, 1)),
		linear.Str(linear.Template(7), prefix(w, 2)),
		linear.Str(linear.Template(8), prefix(w, 3)),
		linear.Str(linear.Template(9), c.Shape[i]),
		linear.Str(linear.Template(10), c.Amb[i]),
		linear.Str(linear.Template(11), c.lower(i-1)),
		linear.Str(linear.Template(12), c.lower(i+1)),
		linear.Str(linear.Template(13), c.lower(i-2)),
		linear.Str(linear.Template(14), c.lower(i+2)),
		linear.Str(linear.Template(15), suffix(c.lower(i-1), 3)),
		linear.Str(linear.Template(16), suffix(c.lower(i+1), 3)),
		linear.Str(linear.Str(linear.Template(21), c.lower(i-1)), w),
		linear.Str(linear.Str(linear.Template(22), w), c.lower(i+1)),
		linear.Str(linear.Template(23), c.amb(i+1)),
		linear.Str(linear.Template(24), c.amb(i-1)),
		linear.Str(linear.Template(25), c.Forms[i]),
		linear.Str(linear.Int(linear.Template(26), min(i, 1)), c.Shape[i]),
		linear.Str(linear.Str(linear.Str(linear.Template(28), c.shape(i-1)), c.Shape[i]), c.shape(i+1)),
		linear.Str(linear.Str(linear.Template(29), c.Amb[i]), c.amb(i+1)),
		// what unlabelled news says of the word, apart for words the
		// treebank knows (Amb set) and words it does not
		linear.Str(linear.Str(linear.Template(30), c.Auto[i]), c.Amb[i]),
		linear.Str(linear.Str(linear.Template(31), c.Auto[i]), suffix(w, 2)),
		// and of its neighbours
		linear.Str(linear.Str(linear.Template(32), c.auto(i-1)), c.Auto[i]),
		linear.Str(linear.Str(linear.Template(33), c.Auto[i]), c.auto(i+1)),
		linear.Str(linear.Str(linear.Template(34), c.Auto[i]), w),
	)
}

// TagFeatures appends to dst the features of word i that read the tags
// on its left and, when right is not nil, the first pass's tags.
func TagFeatures(dst []uint32, c *Context, i int, left, right []int) []uint32 {
	w := c.Lower[i]
	t1, t2 := tagAt(left, i-1), tagAt(left, i-2)
	dst = append(dst,
		linear.Int(linear.Template(17), t1),
		linear.Int(linear.Template(18), t2),
		linear.Int(linear.Int(linear.Template(19), t1), t2),
		linear.Str(linear.Int(linear.Template(20), t1), w),
		linear.Str(linear.Int(linear.Template(27), t1), c.Amb[i]),
	)
	if right == nil {
		return dst
	}
	r1, r2 := tagAt(right, i+1), tagAt(right, i+2)
	return append(dst,
		linear.Int(linear.Template(40), r1),
		linear.Int(linear.Template(41), r2),
		linear.Int(linear.Int(linear.Template(42), r1), r2),
		linear.Int(linear.Int(linear.Template(43), t1), r1),
		linear.Str(linear.Int(linear.Template(44), r1), w),
		linear.Str(linear.Int(linear.Template(45), r1), c.Amb[i]),
		linear.Int(linear.Template(46), tagAt(right, i)),
		linear.Str(linear.Int(linear.Template(47), tagAt(right, i)), w),
	)
}
