// Package pipeline composes dyad's stages in order and is the one place
// that knows that order:
//
//	tokenize.Text → segment.Sentences → Tagger.Tag → Parser.Parse →
//	actor.Matcher.Find → coder.Coder.Code
//
// A Pipeline is built once (dictionaries and models loaded) and is safe for
// concurrent use; Code turns one Document into a Result. Problems with one
// sentence are recorded as notes and never stop the document.
package pipeline
