// Package train implements the learning of dyad's models: the tagger and
// parser from Universal Dependencies treebanks (tagger.go, parser.go),
// the event extractor and the mention recogniser from the silver coded
// news (events.go, mentions.go), the word classes from unlabelled news
// (clusters.go), and the extractor's cross-validation (crossval.go).
//
// The supervised learners are averaged perceptrons over the hashed features that
// the run-time packages (postag, depparse, extract, actor) extract, so
// training and coding can never disagree about a feature. Training is
// seeded and deterministic: the same files, options and seed give the
// same model bytes. Only "dyad train" imports this package.
package train
