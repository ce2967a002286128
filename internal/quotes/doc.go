// Package quotes implements the finding of quotations and their speakers.
//
// Direct quotations are the words between quotation marks, attributed to
// the actor next to a verb of saying in the same sentence: "…," Blinken
// told reporters; Sugiyama said: "…"; "…," said the minister. Indirect
// quotations are the clause after a verb of saying whose subject is an
// actor: Sugiyama said [Japan would coordinate closely with Seoul].
package quotes
