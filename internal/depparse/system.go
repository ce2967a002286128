package depparse

// The arc-hybrid transition system. Word 0 is the root and sits at the
// bottom of the stack; the buffer holds words b..n. An action is SHIFT
// (0), LEFT with label l (1+2l: the top of the stack becomes a dependent of
// the buffer's front) or RIGHT with label l (2+2l: the top becomes a
// dependent of the word under it). The root takes a dependent only when
// the buffer is empty, so every parse has exactly one root word.

// Shift is the SHIFT action.
const Shift = 0

// Left returns the LEFT action with label l.
func Left(l int) int { return 1 + 2*l }

// Right returns the RIGHT action with label l.
func Right(l int) int { return 2 + 2*l }

// Config is a parser configuration for a sentence of N words.
type Config struct {
	N      int
	Stack  []int
	B      int   // front of the buffer; N+1 when it is empty
	Head   []int // per word 0..N; -1 while unattached
	Label  []int
	l1, l2 []int // leftmost and second leftmost child, -1 for none
	r1, r2 []int // rightmost and second rightmost
	nl, nr []int // number of left and right children
	sl, sr []uint64
}

// Reset prepares c for a sentence of n words.
func (c *Config) Reset(n int) {
	c.N = n
	c.Stack = append(c.Stack[:0], 0)
	c.B = 1
	c.Head = fill(c.Head, n+1, -1)
	c.Label = fill(c.Label, n+1, -1)
	c.l1, c.l2 = fill(c.l1, n+1, -1), fill(c.l2, n+1, -1)
	c.r1, c.r2 = fill(c.r1, n+1, -1), fill(c.r2, n+1, -1)
	c.nl, c.nr = fill(c.nl, n+1, 0), fill(c.nr, n+1, 0)
	if cap(c.sl) < n+1 {
		c.sl, c.sr = make([]uint64, n+1), make([]uint64, n+1)
	}
	c.sl, c.sr = c.sl[:n+1], c.sr[:n+1]
	clear(c.sl)
	clear(c.sr)
}

func fill(s []int, n, v int) []int {
	if cap(s) < n {
		s = make([]int, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = v
	}
	return s
}

// Terminal reports whether parsing is finished.
func (c *Config) Terminal() bool { return c.B > c.N && len(c.Stack) == 1 }

// CanShift, CanLeft and CanRight report which actions are valid.
func (c *Config) CanShift() bool { return c.B <= c.N }

// CanLeft reports whether LEFT is valid.
func (c *Config) CanLeft() bool { return c.B <= c.N && len(c.Stack) > 1 }

// CanRight reports whether RIGHT is valid.
func (c *Config) CanRight() bool {
	return len(c.Stack) > 2 || len(c.Stack) == 2 && c.B > c.N
}

// Valid says which kinds of action a configuration allows.
type Valid struct{ Shift, Left, Right bool }

// Valid returns the kinds of action c allows.
func (c *Config) Valid() Valid { return Valid{c.CanShift(), c.CanLeft(), c.CanRight()} }

// Allows reports whether action a is of an allowed kind.
func (v Valid) Allows(a int) bool {
	switch {
	case a == Shift:
		return v.Shift
	case a%2 == 1:
		return v.Left
	}
	return v.Right
}

// TopActions appends to dst the allowed actions with the width highest
// values, best first, the lower action first among equals. A small
// sorted buffer finds them without sorting every action.
func TopActions[T int32 | float64](dst []int, vals []T, v Valid, width int) []int {
	start := len(dst)
	for a, x := range vals {
		n := len(dst) - start
		if !v.Allows(a) || n == width && x <= vals[dst[len(dst)-1]] {
			continue
		}
		k := len(dst)
		if n < width {
			dst = append(dst, a)
		} else {
			k--
		}
		for k > start && vals[dst[k-1]] < x {
			dst[k] = dst[k-1]
			k--
		}
		dst[k] = a
	}
	return dst
}

// Apply performs action a, which must be valid.
func (c *Config) Apply(a int) {
	switch {
	case a == Shift:
		c.Stack = append(c.Stack, c.B)
		c.B++
	case a%2 == 1:
		s0 := c.pop()
		c.attach(c.B, s0, (a-1)/2)
	default:
		s0 := c.pop()
		c.attach(c.Stack[len(c.Stack)-1], s0, (a-2)/2)
	}
}

func (c *Config) pop() int {
	s0 := c.Stack[len(c.Stack)-1]
	c.Stack = c.Stack[:len(c.Stack)-1]
	return s0
}

func (c *Config) attach(h, d, l int) {
	c.Head[d], c.Label[d] = h, l
	bit := uint64(1) << uint(l&63)
	if d < h {
		c.nl[h]++
		c.sl[h] |= bit
		switch {
		case c.l1[h] < 0 || d < c.l1[h]:
			c.l2[h], c.l1[h] = c.l1[h], d
		case c.l2[h] < 0 || d < c.l2[h]:
			c.l2[h] = d
		}
		return
	}
	c.nr[h]++
	c.sr[h] |= bit
	switch {
	case c.r1[h] < 0 || d > c.r1[h]:
		c.r2[h], c.r1[h] = c.r1[h], d
	case c.r2[h] < 0 || d > c.r2[h]:
		c.r2[h] = d
	}
}

// Costs returns the number of gold arcs that SHIFT, LEFT and RIGHT would
// make unreachable (the dynamic oracle of Goldberg and Nivre 2013), or -1
// for an invalid action. head holds the gold head of each word.
func (c *Config) Costs(head []int) (shift, left, right int) {
	shift, left, right = -1, -1, -1
	st := c.Stack
	top := len(st) - 1
	if c.CanShift() {
		b0 := c.B
		shift = 0
		for i, s := range st {
			if head[s] == b0 {
				shift++
			}
			if i < top && head[b0] == s {
				shift++
			}
		}
	}
	if len(st) < 2 {
		return
	}
	s0 := st[top]
	deps := 0
	headInBuffer := false
	for b := c.B; b <= c.N; b++ {
		if head[b] == s0 {
			deps++
		}
	}
	if head[s0] >= c.B {
		headInBuffer = true
	}
	if c.CanLeft() {
		left = deps
		if top >= 2 && head[s0] == st[top-1] || head[s0] > c.B {
			left++
		}
		if top == 1 && head[s0] == 0 {
			left++
		}
	}
	if c.CanRight() {
		right = deps
		if headInBuffer {
			right++
		}
	}
	return
}
