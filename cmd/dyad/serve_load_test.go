package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// longStory returns a made-up story of about n bytes, sentences of known
// actors and verbs, so that every sentence is tagged, parsed and coded.
func longStory(n int) string {
	actors := []string{"Russian forces", "Ukrainian troops", "Chinese officials", "Japanese diplomats", "Iranian police", "Israeli soldiers"}
	verbs := []string{"attacked", "met with", "criticized", "praised", "accused", "threatened", "visited", "condemned"}
	var b strings.Builder
	for i := 0; b.Len() < n-200; i++ {
		fmt.Fprintf(&b, "%s %s %s on Monday, officials said in statement %d. ", actors[i%len(actors)], verbs[(i/3)%len(verbs)], actors[(i+2)%len(actors)], i)
		if i%7 == 6 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// TestServeCodeLoad sends 16 stories of 1 MB at once to POST /api/code
// on a real server on loopback, with a 3 s request timeout and 2 coding
// slots, while probing /healthz: every request must get an answer (200,
// or 503 for a full coder or a story over the time budget), never a
// dropped connection, and /healthz must keep answering.
func TestServeCodeLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 1 MB stories; skipped with -short")
	}
	path := MustStore(t, 1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addrc := make(chan string, 1)
	var stderr bytes.Buffer
	cmd := &ServeCommand{Env: Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &lockedWriter{w: &stderr}},
		Listening: func(addr string) { addrc <- addr }}
	errc := make(chan error, 1)
	go func() {
		errc <- cmd.Run(ctx, []string{"--db", path, "--addr", "127.0.0.1:0", "--timeout", "3s", "--max-coding", "2"})
	}()
	var base string
	select {
	case addr := <-addrc:
		base = "http://" + addr
	case err := <-errc:
		t.Fatalf("serve stopped before listening: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start listening within a minute")
	}
	story := longStory(1_000_000)
	const n = 16
	statuses := make([]string, n)
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 60 * time.Second}
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := client.Post(base+"/api/code", "text/plain", strings.NewReader(story))
			if err != nil {
				statuses[i] = "error: " + err.Error()
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			statuses[i] = res.Status
			if res.StatusCode == 503 && res.Header.Get("Retry-After") != "" {
				statuses[i] += " retry"
			}
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	probes, slowest := 0, time.Duration(0)
	for running := true; running; {
		select {
		case <-done:
			running = false
		case <-time.After(100 * time.Millisecond):
		}
		start := time.Now()
		res, err := client.Get(base + "/healthz")
		if err != nil {
			t.Fatalf("GET /healthz under load: %v", err)
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Fatalf("GET /healthz under load: %s", res.Status)
		}
		probes++
		slowest = max(slowest, time.Since(start))
	}
	counts := map[string]int{}
	for _, s := range statuses {
		counts[s]++
	}
	t.Logf("%d stories of 1 MB: %v; /healthz probed %d times, slowest %s", n, counts, probes, slowest)
	for _, s := range statuses {
		switch s {
		case "200 OK", "503 Service Unavailable", "503 Service Unavailable retry":
		default:
			t.Errorf("a story got %q, want 200 or 503", s)
		}
	}
	if counts["503 Service Unavailable retry"] == 0 {
		t.Errorf("no story got 503 with Retry-After with 16 sent to 2 slots: %v", counts)
	}
}

// lockedWriter serialises writes from the server's goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
