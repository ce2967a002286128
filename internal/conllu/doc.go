// Package conllu implements reading and writing of CoNLL-U, the file
// format of Universal Dependencies treebanks.
//
// Read returns sentences with their comments, words and multiword token
// ranges; empty nodes (enhanced-graph IDs such as 8.1) are skipped. Bad
// lines are collected with their file:line positions and reported together
// as an ErrorList. Write renders a parsed dyad.Sentence as CoNLL-U with
// "# text" and span comments.
package conllu
