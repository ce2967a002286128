// Package depparse implements dyad's dependency parser: it gives every
// token of a tagged sentence its head and Universal Dependencies relation.
//
// The parser is a greedy arc-hybrid transition parser (Kuhlmann et al.
// 2011) with a single root, scored by an averaged perceptron over 114
// hashed feature templates in the style of Zhang and Nivre (2011): words,
// tags, labels, valencies, distances and label sets of the stack, the
// buffer and their children. It was trained with the dynamic oracle of
// Goldberg and Nivre (2013), exploring its own mistakes, on tags predicted
// by package postag. Parsing takes time linear in the sentence length.
//
// The accurate mode (ForBeam, beam.go) keeps several partial parses and
// scores them with a second model, trained for the beam, that corrects
// the greedy one.
//
// The models are trained by "dyad train parser [-beam 8]" (package train)
// and embedded zstd-compressed in the binary; Default and ForBeam load
// them once and a Parser is safe for concurrent use.
package depparse
