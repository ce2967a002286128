package pipeline

import (
	"fmt"
	"io"
	"sync/atomic"
	"time"
)

// Progress reports a corpus run: documents, events, rate and, when the
// input size is known, time left. On a terminal it redraws one line;
// otherwise it writes a log line every Every.
type Progress struct {
	Out   io.Writer
	TTY   bool
	Every time.Duration // between log lines; 0: 10s (terminal: 250ms)
	Total int64         // input bytes, 0 when unknown
	Read  *atomic.Int64 // input bytes read so far, may be nil
	Now   func() time.Time

	Docs, Sentences, Events, Skipped, Failed int

	start, last time.Time
}

// Tick prints the current state if it is time to.
func (p *Progress) Tick() {
	now := p.now()
	if p.start.IsZero() {
		p.start, p.last = now, now
	}
	every := p.Every
	if every == 0 {
		every = 10 * time.Second
		if p.TTY {
			every = 250 * time.Millisecond
		}
	}
	if now.Sub(p.last) < every {
		return
	}
	p.last = now
	p.print(now, false)
}

// Done prints the final state.
func (p *Progress) Done() {
	if p.start.IsZero() {
		p.start = p.now()
	}
	p.print(p.now(), true)
}

// Elapsed returns the time since the first Tick.
func (p *Progress) Elapsed() time.Duration { return p.now().Sub(p.start) }

func (p *Progress) print(now time.Time, done bool) {
	el := now.Sub(p.start)
	rate := 0.0
	if el > 0 {
		rate = float64(p.Docs) / el.Seconds()
	}
	s := fmt.Sprintf("%d documents (%d skipped, %d failed), %d sentences, %d events, %.1f docs/s, %s",
		p.Docs, p.Skipped, p.Failed, p.Sentences, p.Events, rate, el.Round(time.Second))
	if !done && p.Total > 0 && p.Read != nil {
		if r := p.Read.Load(); r > 0 && r <= p.Total {
			left := time.Duration(float64(el) * float64(p.Total-r) / float64(r))
			s += fmt.Sprintf(", %d%% read, about %s left", 100*r/p.Total, left.Round(time.Second))
		}
	}
	switch {
	case p.TTY && done:
		fmt.Fprintf(p.Out, "\r\033[K%s\n", s)
	case p.TTY:
		fmt.Fprintf(p.Out, "\r\033[K%s", s)
	default:
		fmt.Fprintln(p.Out, s)
	}
}

func (p *Progress) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}
