// Package coder implements event coding: from a sentence whose actors are
// known to events with CAMEO and PLOVER codes and the evidence for each.
//
// The coder reads the verb lexicon (internal/dict: "verb 040 meet",
// "noun 163 sanction against") and, for each pattern found in a sentence,
// takes the nearest actor before it as the source and the first actor after
// it as the target. Verbs of intent and refusal ("agreed to", "vowed to",
// "refused to") hand their modality to the verb they govern instead of
// being coded themselves; reciprocal verbs ("met", "held talks") with a
// compound subject and no object code every pair of its members.
//
// This is the first, linear coder. When sentences carry dependency parses
// the coder uses subjects and objects instead of word order (see tree.go).
//
// Entries converted from PETRARCH dictionaries say more (see dict.Verb):
// words that must stand before the verb, words joined with nothing
// between, where the source and target stand, a compound actor that is
// both, the reverse event of a paired code, further heads. A head's
// patterns are tried most specific first (match.go); the first that
// matches, with its actors where it wants them, is coded.
package coder
