package depparse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/linear"
)

// Sentence holds what feature extraction reads of the words, each
// string hashed once to a 32-bit id; index 0 is the root.
type Sentence struct {
	W, T, U, E []uint32 // ids of the normalised form, XPOS, UPOS and the form's last three bytes
}

// Ids of the strings that stand for the root and for a missing word.
var (
	rootW, rootT, rootU, rootE = wordIDs("<root>", "<root>", "<root>")
	noneW, noneT, noneU, noneE = wordIDs("<none>", "<none>", "<none>")
)

const (
	seedW = 0x5bd1e995
	seedT = 0x27d4eb2f
	seedU = 0x165667b1
	seedE = 0x9e3779b9
)

func wordIDs(form, xpos, upos string) (w, t, u, e uint32) {
	return linear.Str(seedW, form), linear.Str(seedT, xpos), linear.Str(seedU, upos), linear.Str(seedE, ending(form))
}

// Reset fills s from the forms and tags of n words.
func (s *Sentence) Reset(forms, xpos, upos []string) {
	s.W = append(s.W[:0], rootW)
	s.T = append(s.T[:0], rootT)
	s.U = append(s.U[:0], rootU)
	s.E = append(s.E[:0], rootE)
	for i, f := range forms {
		w, t, u, e := wordIDs(normalize(f), xpos[i], upos[i])
		s.W = append(s.W, w)
		s.T = append(s.T, t)
		s.U = append(s.U, u)
		s.E = append(s.E, e)
	}
}

// normalize is postag.Normalize: lower case, digits as 0, at most 30
// bytes.
func normalize(f string) string {
	plain := true
	for i := 0; i < len(f); i++ {
		if c := f[i]; c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 {
			plain = false
			break
		}
	}
	if plain && len(f) <= 30 {
		return f
	}
	f = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '0'
		}
		return unicode.ToLower(r)
	}, f)
	if len(f) > 30 {
		cut := 30
		for cut > 0 && !utf8.RuneStart(f[cut]) {
			cut--
		}
		f = f[:cut]
	}
	return f
}

// id returns ids[i], or none for a position with no word (i < 0).
func id(ids []uint32, i int, none uint32) uint32 {
	if i < 0 {
		return none
	}
	return ids[i]
}

func (s *Sentence) w(i int) uint32 { return id(s.W, i, noneW) }
func (s *Sentence) t(i int) uint32 { return id(s.T, i, noneT) }
func (s *Sentence) u(i int) uint32 { return id(s.U, i, noneU) }
func (s *Sentence) e(i int) uint32 { return id(s.E, i, noneE) }

// ending returns the last three bytes of w, or w when it is shorter.
func ending(w string) string {
	if len(w) > 3 {
		return w[len(w)-3:]
	}
	return w
}

func at(xs []int, i int) int {
	if i < 0 {
		return -1
	}
	return xs[i]
}

func label(c *Config, i int) int {
	if i < 0 {
		return -2
	}
	return c.Label[i]
}

func dist(a, b int) int {
	if a < 0 || b < 0 {
		return -1
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return d
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	}
	return 7
}

// templates holds the starting hash of each template number.
var templates = func() (h [140]uint32) {
	for t := range h {
		h[t] = linear.Template(t)
	}
	return
}()

func tmpl(t int) uint32         { return templates[t] }
func h1(t int, a uint32) uint32 { return linear.Mix(tmpl(t), a) }
func h2(t int, a, b uint32) uint32 {
	return linear.Mix(linear.Mix(tmpl(t), a), b)
}
func h3(t int, a, b, c uint32) uint32 {
	return linear.Mix(linear.Mix(linear.Mix(tmpl(t), a), b), c)
}
func h4(t int, a, b, c, d uint32) uint32 {
	return linear.Mix(linear.Mix(linear.Mix(linear.Mix(tmpl(t), a), b), c), d)
}

// num hashes the small integer v (a distance, a count, a label) into h.
func num(h uint32, v int) uint32 { return linear.Mix(h, uint32(v)) }

// Features appends to dst the features of configuration c of sentence s:
// StackFeatures, then BufferFeatures.
func Features(dst []uint32, s *Sentence, c *Config) []uint32 {
	return BufferFeatures(StackFeatures(dst, s, c), s, c)
}

// BufferFeatures appends to dst the features that read only the front of
// the buffer (b0, b1, b2, their words, tags and endings) and the bias.
// Only SHIFT moves the front, about every second action, so the greedy
// parser scores these once per front and adds the cached sums after.
func BufferFeatures(dst []uint32, s *Sentence, c *Config) []uint32 {
	b0, b1, b2 := -1, -1, -1
	if c.B <= c.N {
		b0 = c.B
	}
	if c.B+1 <= c.N {
		b1 = c.B + 1
	}
	if c.B+2 <= c.N {
		b2 = c.B + 2
	}
	b0w, b0t, b1w, b1t, b2w, b2t := s.w(b0), s.t(b0), s.w(b1), s.t(b1), s.w(b2), s.t(b2)
	return append(dst,
		tmpl(0),
		h2(4, b0w, b0t), h1(5, b0w), h1(6, b0t),
		h2(7, b1w, b1t), h1(8, b1w), h1(9, b1t),
		h2(10, b2w, b2t), h1(11, b2w), h1(12, b2t),
		h2(27, b0t, b1t), h3(40, b0t, b1t, b2t),
		h2(130, b0w, b1w), h2(132, s.e(b0), b0t), h3(134, s.u(b0), s.u(b1), s.u(b2)),
	)
}

// StackFeatures appends to dst the features of c that read the stack or
// the children found so far (all but BufferFeatures).
func StackFeatures(dst []uint32, s *Sentence, c *Config) []uint32 {
	st := c.Stack
	n := len(st)
	s0, s1, s2 := -1, -1, -1
	if n > 0 {
		s0 = st[n-1]
	}
	if n > 1 {
		s1 = st[n-2]
	}
	if n > 2 {
		s2 = st[n-3]
	}
	b0, b1 := -1, -1
	if c.B <= c.N {
		b0 = c.B
	}
	if c.B+1 <= c.N {
		b1 = c.B + 1
	}
	s0w, s0t, s1w, s1t, s2t := s.w(s0), s.t(s0), s.w(s1), s.t(s1), s.t(s2)
	b0w, b0t, b1w, b1t := s.w(b0), s.t(b0), s.w(b1), s.t(b1)
	s0l1, s0l2, s0r1, s0r2 := at(c.l1, s0), at(c.l2, s0), at(c.r1, s0), at(c.r2, s0)
	s1l1, s1r1, s1r2 := at(c.l1, s1), at(c.r1, s1), at(c.r2, s1)
	b0l1, b0l2 := at(c.l1, b0), at(c.l2, b0)
	d := dist(s0, b0)
	ds := dist(s1, s0)
	dst = append(dst,
		// single words
		h2(1, s0w, s0t), h1(2, s0w), h1(3, s0t),
		h2(13, s1w, s1t), h1(14, s1w), h1(15, s1t),
		h1(16, s2t), h1(17, s.w(s2)),
		// pairs
		h4(20, s0w, s0t, b0w, b0t), h3(21, s0w, s0t, b0w), h3(22, s0w, b0w, b0t),
		h3(23, s0w, s0t, b0t), h3(24, s0t, b0w, b0t), h2(25, s0w, b0w), h2(26, s0t, b0t),
		h4(28, s1w, s1t, s0w, s0t), h3(29, s1w, s0w, s0t), h3(30, s1w, s1t, s0w),
		h2(31, s1w, s0w), h2(32, s1t, s0t), h3(33, s1t, s0t, b0w), h3(34, s1w, s0t, b0t),
		// triples
		h3(41, s0t, b0t, b1t), h3(42, s1t, s0t, b0t),
		h3(43, s0t, s.t(s0l1), b0t), h3(44, s0t, s.t(s0r1), b0t), h3(45, s0t, b0t, s.t(b0l1)),
		h3(46, s2t, s1t, s0t), h3(47, s1t, s0t, s.t(s0l1)), h3(48, s1t, s0t, s.t(s0r1)),
		h3(49, s1t, s.t(s1r1), s0t),
		// distance
		num(h1(50, s0w), d), num(h1(51, s0t), d), num(h1(52, b0w), d), num(h1(53, b0t), d),
		num(h2(54, s0w, b0w), d), num(h2(55, s0t, b0t), d),
		num(h2(56, s1t, s0t), ds), num(h2(57, s1w, s0w), ds),
		// valency
		num(h1(60, s0w), at(c.nr, s0)), num(h1(61, s0t), at(c.nr, s0)),
		num(h1(62, s0w), at(c.nl, s0)), num(h1(63, s0t), at(c.nl, s0)),
		num(h1(64, b0w), at(c.nl, b0)), num(h1(65, b0t), at(c.nl, b0)),
		num(h1(66, s1t), at(c.nr, s1)), num(h1(67, s1w), at(c.nr, s1)),
		// children
		h1(70, s.w(s0l1)), h1(71, s.t(s0l1)), num(tmpl(72), label(c, s0l1)),
		h1(73, s.w(s0r1)), h1(74, s.t(s0r1)), num(tmpl(75), label(c, s0r1)),
		h1(76, s.w(b0l1)), h1(77, s.t(b0l1)), num(tmpl(78), label(c, b0l1)),
		h1(79, s.w(s1r1)), h1(80, s.t(s1r1)), num(tmpl(81), label(c, s1r1)),
		h1(82, s.t(s1l1)), num(tmpl(83), label(c, s1l1)),
		// second children
		h1(90, s.w(s0l2)), h1(91, s.t(s0l2)), num(tmpl(92), label(c, s0l2)),
		h1(93, s.w(s0r2)), h1(94, s.t(s0r2)), num(tmpl(95), label(c, s0r2)),
		h1(96, s.w(b0l2)), h1(97, s.t(b0l2)), num(tmpl(98), label(c, b0l2)),
		h3(99, s0t, s.t(s0l1), s.t(s0l2)), h3(100, s0t, s.t(s0r1), s.t(s0r2)),
		h3(101, b0t, s.t(b0l1), s.t(b0l2)), h3(102, s1t, s.t(s1r1), s.t(s1r2)),
		num(num(h2(103, s0t, b0t), label(c, s0l1)), label(c, s0r1)),
		// label sets
		hlab(h1(110, s0w), c.sr, s0), hlab(h1(111, s0t), c.sr, s0),
		hlab(h1(112, s0w), c.sl, s0), hlab(h1(113, s0t), c.sl, s0),
		hlab(h1(114, b0w), c.sl, b0), hlab(h1(115, b0t), c.sl, b0),
		hlab(h1(116, s1t), c.sr, s1),
		// universal tags
		h3(120, s.U[max(s0, 0)], s.U[max(b0, 0)], s.U[max(s1, 0)]),
		h2(121, s0w, b1t), h2(122, s0t, b1w), h3(123, s0t, b0w, b1t),
		// look-ahead words and endings, for words seen too rarely to have
		// weights of their own
		h3(131, s0w, b0t, b1t), h2(133, s.e(s0), s0t),
		num(h2(135, s.u(s0), s.u(b0)), d), h2(137, s1w, b0w),
	)
	return dst
}

func hlab(h uint32, set []uint64, i int) uint32 {
	if i < 0 {
		return num(h, -1)
	}
	return linear.Mix(linear.Mix(h, uint32(set[i])), uint32(set[i]>>32))
}
