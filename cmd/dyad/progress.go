package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dyad-events/dyad"
)

// progressDelay is how long a command runs before its progress shows, so
// that short runs print nothing.
const progressDelay = time.Second

// progress redraws one counter line ("1,204 stories coded, 38/s, 31s") on
// a terminal. Anywhere else (a pipe, a file, a test) it prints nothing, so
// logs and scripts see only the command's own output.
type progress struct {
	out         io.Writer // nil: not a terminal
	what        string
	n           int
	start, last time.Time
	shown       bool
	now         func() time.Time
}

// newProgress returns the progress of a command writing its messages to
// stderr; what names the unit counted.
func newProgress(stderr io.Writer, what string) *progress {
	p := &progress{what: what, now: time.Now}
	if isTerminal(stderr) {
		p.out = stderr
	}
	p.start = p.now()
	return p
}

// Add counts n more and redraws the line at most four times a second.
func (p *progress) Add(n int) {
	p.n += n
	if p.out == nil {
		return
	}
	now := p.now()
	if now.Sub(p.start) < progressDelay || now.Sub(p.last) < 250*time.Millisecond {
		return
	}
	p.last, p.shown = now, true
	fmt.Fprintf(p.out, "\r\033[K%s", p.line(now))
}

// Done ends the line with the final count, if the line was shown.
func (p *progress) Done() {
	if p.shown {
		fmt.Fprintf(p.out, "\r\033[K%s\n", p.line(p.now()))
		p.shown = false
	}
}

func (p *progress) line(now time.Time) string {
	el := now.Sub(p.start)
	return fmt.Sprintf("%d %s, %.0f/s, %s", p.n, p.what, float64(p.n)/el.Seconds(), el.Round(time.Second))
}

// createOutput opens the -o file, or returns stdout when name is empty.
// Callers defer close and also check its error after their last write
// (closing twice is harmless).
func createOutput(name string, stdout io.Writer) (w io.Writer, close func() error, err error) {
	if name == "" || name == "-" {
		return stdout, func() error { return nil }, nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, nil, dyad.Errorf(dyad.EINVALID, "-o %s: %v", name, unwrapPath(err))
	}
	return f, f.Close, nil
}
