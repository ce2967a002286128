// Package tokenize implements dyad's tokenizer for English news text.
//
// It splits text into the words of Universal Dependencies English: words,
// numbers and punctuation, with possessive 's, n't and the other
// contractions as words of their own ("don't" is "do" + "n't"), hyphenated
// compounds split around the hyphen except after common prefixes ("e-mail",
// "non-profit"), and abbreviations ("U.S.", "Dr.", "Jan."), numbers
// ("1,200.50", "10:30", "9/11"), URLs and e-mail addresses kept whole.
// Every token keeps the byte span of its form in the input, so
// text[t.Span.Start:t.Span.End] == t.Text for every token t.
//
// Invalid UTF-8 bytes and control characters separate tokens and never
// appear inside one. The tokenizer runs in time linear in the input.
package tokenize
