// Package petrarch implements readers for the dictionary formats of
// TABARI, PETRARCH and PETRARCH-2, the coders dyad's users come from, and
// converts what they read into dyad's own dictionary types (package dict).
//
// Five kinds of file are read:
//
//   - actors: a name, "+" synonyms and "[CODE]" blocks, optionally dated
//     ("[USAGOV 20090120-20170120]", "[HOB <950601]", "[ELI >20070101]");
//   - agents: role nouns with their plurals and a sector code that attaches
//     after ("[~GOV]") or before ("[NGO~]") a country, and "!X! = A, B"
//     substitution lists;
//   - discards: words that drop a sentence, or with "+" the whole story;
//   - issues: phrases coding the issues a story raises;
//   - verbs: "--- VERB [CODE] ---" blocks of verb forms and patterns, in
//     the PETRARCH-1 style ("- SAID * TO + [082]") and the PETRARCH-2 style
//     with prepositional "(…)" and noun-phrase "{…}" groups, "&SYNSET"
//     word lists and "~ a (b . ATTACK) SAY = a b 112" transformations.
//
// Every reader collects every malformed line as a *dict.Error with file,
// line and column, and returns what it could read together with the
// dict.ErrorList. Set.Dictionary converts what dict's types can hold and
// counts, in a Report, what they cannot (words before the verb, actor
// positions, paired codes, prefix agents, …). LoadFile reads one file or a
// directory, recognising each file's kind by name or content.
//
// The readers only read: the Phoenix dictionaries they are tested on are
// not part of dyad.
package petrarch
