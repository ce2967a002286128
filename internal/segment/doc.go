// Package segment implements dyad's sentence splitter for English news.
//
// Sentences groups the tokens of a text (from package tokenize) into
// sentences. A sentence ends at a final ".", "!", "?" or "…" (with any
// closing quotes and brackets that follow it) when the next word could start
// a sentence, after an abbreviation such as "U.S." only when a typical
// sentence opener follows ("… in the U.S. The …"), and always at a blank
// line. A sentence never exceeds MaxTokens tokens: longer runs are cut,
// preferably after a semicolon, colon or comma, so later stages stay
// bounded in time and memory.
package segment
