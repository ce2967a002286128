package dyad

import "time"

// Span is a half-open byte range [Start, End) in a Document's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Document is one news story as read from the input.
type Document struct {
	ID     string    // the story's id; for a plain text file, its name
	Title  string    // headline, if known
	Text   string    // body; every Span refers to bytes of Text
	Date   time.Time // publication date; zero when unknown
	Source string    // outlet, e.g. "VOA"
	URL    string
}

// Sentence is one sentence of a Document with its tokens. When the parser
// has run, each token carries its head and relation.
type Sentence struct {
	Index  int     // 0-based position in the document
	Span   Span    // bytes of Document.Text
	Text   string  // Document.Text[Span.Start:Span.End]
	Tokens []Token // in order; Tokens[i].ID == i+1
}

// Token is one word of a sentence, in Universal Dependencies terms.
type Token struct {
	ID    int    // 1-based index in the sentence, as in CoNLL-U
	Text  string // form as it appears in the text
	Span  Span   // bytes of Document.Text
	Lemma string // lower-case dictionary form
	UPOS  string // universal part of speech, e.g. NOUN
	XPOS  string // Penn Treebank tag, e.g. NNS
	Head  int    // ID of the head token; 0 for the root; -1 when unparsed
	Rel   string // dependency relation to the head, e.g. nsubj
	// SpaceAfter is false when the next token follows with no space.
	SpaceAfter bool
}
