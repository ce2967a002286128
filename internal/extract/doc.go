// Package extract is dyad's learned event extractor: it reads a tagged,
// parsed sentence with its actor mentions and the events the dictionary
// coder found in it, and decides which words carry events, of which
// CAMEO root and code, who is source and who target, and in what
// modality.
//
// Three linear models, trained by "dyad train events" (package train) on
// real news coded by people (the silver set), make the decisions:
//
//   - triggers: every verb and noun is no event or one of the twenty CAMEO
//     roots, from its words, its place in the tree, the actors around it
//     and what the dictionaries say of it (the pattern that matched and
//     its code are features, strong ones, not the only way in);
//   - arguments: every (trigger, mention) pair is source, target or
//     neither, from the dependency path between them, voice, position and
//     the kind of mention; decoding keeps at most a few sources and
//     targets and never the same actor on both sides;
//   - modality: asserted, negated, future, hypothetical or historical.
//
// The code within a root comes from the dictionary pattern when it agrees
// with the root, else from what the training news coded that word as.
// Every event says why: Evidence.Rule names the model and its margin, and
// Evidence.Pattern the dictionary entry that agreed, if one did.
package extract
