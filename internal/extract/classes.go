package extract

import (
	"slices"
	"strconv"
	"strings"
)

// Classes groups words by the company they keep in parsed news (see
// train.WordClusters): each lemma has a coarse and a fine class, so that
// the models can learn from "killed" what they see in "eliminated". A
// nil *Classes has no classes, and models trained without them read none.
type Classes struct {
	coarse, fine map[string]string
}

// NewClasses reads the lines of Model.Classes, "lemma coarse fine".
func NewClasses(lines []string) *Classes {
	if len(lines) == 0 {
		return nil
	}
	c := &Classes{coarse: make(map[string]string, len(lines)), fine: make(map[string]string, len(lines))}
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) != 3 {
			continue
		}
		c.coarse[f[0]], c.fine[f[0]] = f[1], f[2]
	}
	return c
}

// ClassLines is NewClasses' inverse for a table of lemmas and their class
// in each granularity (coarse first), sorted.
func ClassLines(table map[string][]int) []string {
	out := make([]string, 0, len(table))
	for w, cs := range table {
		if len(cs) < 2 || strings.ContainsAny(w, " \t\n") {
			continue
		}
		out = append(out, w+" "+strconv.Itoa(cs[0])+" "+strconv.Itoa(cs[1]))
	}
	slices.Sort(out)
	return out
}

// ClassLines returns the word classes of e's model, as Model.Classes
// lists them (none for a model trained without).
func (e *Extractor) ClassLines() []string { return e.m.Classes }

// UseClasses gives x the word classes its features read (nil: none).
// The extractor sets its model's; training sets the ones it learns with.
func (x *Sentence) UseClasses(c *Classes) {
	if c == x.classes && (c == nil || x.fine != nil) {
		return
	}
	x.classes = c
	x.fine, x.coarse = nil, nil
	if c == nil {
		return
	}
	n := len(x.lemma)
	x.fine, x.coarse = make([]string, n), make([]string, n)
	for i, l := range x.lemma {
		x.fine[i], x.coarse[i] = c.fine[l], c.coarse[l]
	}
}

// fineOf returns token i's fine class, "" for none.
func (x *Sentence) fineOf(i int) string {
	if x.fine == nil {
		return ""
	}
	return x.fine[i]
}
