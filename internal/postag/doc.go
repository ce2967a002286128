// Package postag implements dyad's part-of-speech tagger and lemmatiser for
// English.
//
// The tagger is a two-pass averaged perceptron over hashed sparse
// features: the first pass tags left to right using the tags it has already
// chosen, the second pass revisits every word knowing the first pass's tags
// on both sides. Each tag is a Universal Dependencies UPOS paired with a
// Penn Treebank XPOS ("PROPN NNP"), so one decision fills both. Lemmas come
// from a table of the training treebank's (form, XPOS) pairs and, for
// unseen words, from suffix rules learned from the same treebank.
//
// The model is trained by "dyad train tagger" (package train) and embedded
// zstd-compressed in the binary; Default loads it once and the Tagger is
// safe for concurrent use.
package postag
