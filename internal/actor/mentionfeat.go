package actor

import (
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/linear"
)

// Mention tags: the learned recogniser labels each token outside,
// beginning or inside an actor's words.
const (
	TagO      = iota // outside any actor
	TagB             // first word of an actor
	TagI             // a later word of the same actor
	NumTags          // number of tags
	tagBefore = NumTags
)

// MentionFeatures returns the hashed features of each token of s for the
// learned recogniser, given the mentions ms the dictionary and the name
// shapes found: the words around it, their tags and tree, and what the
// dictionary knows of them. The previous token's tag is added at decoding
// (WithTag).
func (m *Matcher) MentionFeatures(s *dyad.Sentence, ms []dyad.Mention) [][]uint32 {
	toks := s.Tokens
	n := len(toks)
	lower, kind := make([]string, n), make([]string, n)
	for i, t := range toks {
		lower[i] = strings.ToLower(t.Text)
	}
	for _, mn := range ms {
		k := mentionKind(mn)
		for x := max(mn.First, 0); x <= mn.Last && x < n; x++ {
			kind[x] = k + "-I"
			if x == mn.First {
				kind[x] = k + "-B"
			}
		}
	}
	word := func(i int) string {
		if i < 0 || i >= n {
			return "<s>"
		}
		return lower[i]
	}
	upos := func(i int) string {
		if i < 0 || i >= n {
			return "<s>"
		}
		return toks[i].UPOS
	}
	kindAt := func(i int) string {
		if i < 0 || i >= n {
			return "<s>"
		}
		return kind[i]
	}
	out := make([][]uint32, n)
	for i, t := range toks {
		f := make([]uint32, 0, 28)
		add := func(tpl int, parts ...string) {
			h := linear.Template(tpl)
			for _, p := range parts {
				h = linear.Str(h, p)
			}
			f = append(f, h)
		}
		add(0)
		add(1, lower[i])
		add(2, word(i-1))
		add(3, word(i+1))
		add(4, word(i-2))
		add(5, word(i+2))
		add(6, suffix(lower[i], 3))
		add(7, shape(t.Text))
		add(8, t.UPOS)
		add(9, upos(i-1), t.UPOS)
		add(10, t.UPOS, upos(i+1))
		add(11, lower[i], t.UPOS)
		add(12, word(i-1), lower[i])
		add(13, kindAt(i))
		add(14, kindAt(i-1), kindAt(i))
		add(15, kindAt(i), kindAt(i+1))
		add(16, m.agentSector(lower[i]))
		add(17, m.formKind(t.Text))
		add(18, m.formKind(t.Text), word(i+1))
		add(19, shape(t.Text), boolString(i == 0))
		if h := t.Head - 1; t.Head > 0 && h < n {
			add(20, t.Rel)
			add(21, t.Rel, lower[h])
			add(22, t.Rel, toks[h].UPOS, t.UPOS)
			add(23, lower[i], t.Rel)
			add(24, kind[h], t.Rel)
		} else {
			add(20, t.Rel)
		}
		add(25, suffix(lower[i], 2), t.UPOS)
		add(26, upos(i-1), t.UPOS, upos(i+1))
		out[i] = f
	}
	return out
}

// WithTag returns feats with the features of the previous token's tag
// prev added, into buf.
func WithTag(buf, feats []uint32, prev int, upos string) []uint32 {
	buf = append(buf[:0], feats...)
	h := linear.Int(linear.Template(40), prev)
	buf = append(buf, h, linear.Str(linear.Int(linear.Template(41), prev), upos))
	if len(feats) > 1 {
		buf = append(buf, linear.Mix(linear.Int(linear.Template(42), prev), feats[1]))
	}
	return buf
}

// mentionKind names what sort of mention mn is, for the features.
func mentionKind(mn dyad.Mention) string {
	switch {
	case mn.Place:
		return "place"
	case len(mn.Members) > 0:
		return "compound"
	case mn.Person:
		return "person"
	case mn.Unknown:
		return "shape"
	case mn.Code != "" && mn.Code == mn.Country:
		return "country"
	case mn.Country == "":
		return "sector"
	}
	return "actor"
}

// agentSector returns the sector of the agent word w ("police" → COP), or "".
func (m *Matcher) agentSector(w string) string {
	if !m.firsts[w] {
		return ""
	}
	if ags := m.ix.Agents(w); len(ags) > 0 {
		return ags[0].Code
	}
	return ""
}

// formKind says how the dictionary knows the single word w: as a name,
// an adjective ("Iraqi") or a capital, or "".
func (m *Matcher) formKind(w string) string {
	if !m.firsts[strings.ToLower(w)] {
		return ""
	}
	for _, e := range m.ix.Actors(w) {
		switch e.Form {
		case dict.FormAdjective:
			return "adj"
		case dict.FormCapital:
			return "capital"
		}
		return "name"
	}
	return ""
}

func suffix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	return w[len(w)-n:]
}

// shape maps a word to its letter classes: "Kabul" → "Xx", "U.N." → "X.",
// "2021" → "d".
func shape(w string) string {
	var b []byte
	for i := 0; i < len(w) && len(b) < 4; i++ {
		c := w[i]
		var k byte
		switch {
		case c >= 'A' && c <= 'Z':
			k = 'X'
		case c >= 'a' && c <= 'z':
			k = 'x'
		case c >= '0' && c <= '9':
			k = 'd'
		case c >= 0x80:
			k = 'u'
		default:
			k = c
		}
		if len(b) == 0 || b[len(b)-1] != k {
			b = append(b, k)
		}
	}
	return string(b)
}

func boolString(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
