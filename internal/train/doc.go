// Package train implements the learning of dyad's tagger and parser
// models from Universal Dependencies treebanks.
//
// Both learners are averaged perceptrons over the hashed features that
// packages postag and depparse extract at run time, so training and
// tagging can never disagree about a feature. Training is seeded and
// deterministic: the same treebank files, options and seed give the same
// model bytes. Only "dyad train" imports this package.
package train
