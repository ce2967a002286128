// Package dyad holds the vocabulary of the dyad political event-data engine:
// documents, sentences, tokens, actors and events. It imports only the
// standard library; every stage and adapter speaks in these types.
//
// A story flows through the pipeline in this order:
//
//	text ─► segment ─► tokenize ─► postag ─► depparse ─► actor ─► coder ─► extract ─► Events
//	        sentences   tokens      UPOS,       heads,     Mentions   dictionary learned  CAMEO,
//	        with spans  with spans  XPOS,lemma  relations  with codes patterns'   models'  PLOVER,
//	                                                                  events     decisions evidence
//
// The dictionary coder (internal/coder) matches verb and noun patterns; the
// learned extractor (internal/extract) reads its events as evidence and
// decides which words carry events, who did them to whom and in what
// modality (--rules skips it).
//
// internal/pipeline composes the stages; cmd/dyad wires the pipeline to
// readers (internal/ingest) and writers (internal/export).
//
// Glossary:
//
//   - Span: a half-open byte range [Start, End) in a Document's Text.
//   - Actor code: a CAMEO-style actor code such as USAGOV (country USA,
//     sector GOV) or IGOUNO (the United Nations).
//   - Dyad: an ordered pair of actors, source and target, of an event.
//   - Modality: whether an event is asserted, negated, future (intent),
//     hypothetical or historical.
package dyad
