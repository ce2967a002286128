// Package synth implements a generator of synthetic coded documents for
// benchmark stores (dyad bench store): actors, dyads, CAMEO codes,
// modalities and dates drawn from the distributions of coded news, not
// uniformly, so that a query's selectivity on a synthetic store is what it
// would be on a real one.
//
// The distributions are counts taken from the 8,383 events of the silver
// event set (the project's coded news, gold/silver/ in its data folder,
// package datadir: CAMEO roots and codes, actor
// countries and roles, modalities, the share of domestic dyads); the
// countries past its top sixty follow a Zipf tail. Dates grow linearly
// over the period (a growing archive) with fewer events at weekends.
// Sentences are made of words drawn from a Zipf vocabulary, so that word
// searches range from very common to rare. No text is taken from a corpus.
package synth
