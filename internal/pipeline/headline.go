package pipeline

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/coref"
	"github.com/dyad-events/dyad/internal/extract"
	"github.com/dyad-events/dyad/internal/segment"
	"github.com/dyad-events/dyad/internal/tokenize"
)

// headline codes the document's Title as sentences of its own when the
// body does not open with it, and returns the events that the body's
// events do not already tell: a headline event whose root and source and
// target countries a body event shares is dropped. Headline events have
// Sentence -1, Headline set, and spans into the Title. body holds the
// body's mentions, from which the headline's bare sectors take the
// story's country.
func (p *Pipeline) headline(doc *dyad.Document, events []dyad.Event, body [][]dyad.Mention) []dyad.Event {
	title := doc.Title
	if p.opts.Bare || strings.TrimSpace(title) == "" || strings.HasPrefix(strings.TrimSpace(doc.Text), strings.TrimSpace(title)) {
		return nil
	}
	hd := &dyad.Document{ID: doc.ID, Text: title, Date: doc.Date, Source: doc.Source, URL: doc.URL}
	seen := map[string]bool{}
	for _, ev := range events {
		seen[dedupKey(ev)] = true
	}
	ss := segment.Sentences(title, tokenize.Text(title))
	ms := make([][]dyad.Mention, len(ss))
	for i := range ss {
		if len(ss[i].Tokens) > p.opts.MaxTokens {
			continue
		}
		if p.opts.Tagger != nil {
			p.opts.Tagger.Tag(&ss[i])
		}
		if p.opts.Parser != nil {
			p.opts.Parser.Parse(&ss[i])
		}
		ms[i] = p.actors.Find(title, &ss[i], doc.Date)
	}
	coref.ResolveHeadline(title, ss, ms, body) // "Gunmen attack hotel in Somalia": Somali gunmen
	var out []dyad.Event
	for i := range ss {
		for _, ev := range p.codeHeadline(hd, &ss[i], ms[i]) {
			if k := dedupKey(ev); !seen[k] {
				seen[k] = true
				ev.Sentence, ev.Headline = -1, true
				ev.ID = fmt.Sprintf("%s:-1:%d", doc.ID, len(out))
				out = append(out, ev)
			}
		}
	}
	return out
}

// codeHeadline codes one sentence of the headline as the body's are
// coded: by the learned extractor when there is one, with the rule
// coder's events as its evidence.
func (p *Pipeline) codeHeadline(hd *dyad.Document, s *dyad.Sentence, ms []dyad.Mention) []dyad.Event {
	evs := p.coder.Code(hd, s, ms)
	if p.extract != nil {
		evs = p.extract.Code(hd, extract.NewSentence(s, ms, evs, p.coder))
	}
	return evs
}

// dedupKey is what makes two events one report: root and the countries of
// source and target ("USA" for USAGOV).
func dedupKey(ev dyad.Event) string {
	return ev.CAMEO.Root + "|" + country(ev.Source) + "|" + country(ev.Target)
}

func country(a dyad.Actor) string {
	if a.Country != "" {
		return a.Country
	}
	return a.Code
}
