package pipeline_test

import (
	"context"
	"runtime"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// liveHeap returns the bytes of heap objects still reachable after a
// full collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestCodeAllReleasesParts codes a story of three parts, dense with
// events and quotations, through CodeAll and checks what its result keeps
// alive once coded: the text, the sentences and the events, not the
// tokens, mentions and quotations of every part (nor, as before, each
// part's copy of the whole story's quotations). It measures the live heap
// after a collection, which does not depend on the machine's speed or
// load: for 640 KiB in parts of 256 KiB, 5.4 MB when written and 14.4 MB
// before results were lean, against a limit of 11.4 MB.
func TestCodeAllReleasesParts(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 2.5 parts of a long story")
	}
	p, err := pipeline.New(pipeline.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	para := "Russian forces attacked Ukrainian troops on Monday. Chinese officials met with Japanese diplomats. \"We will talk again,\" the Chinese minister said.\n\n"
	text := strings.Repeat(para, (pipeline.LongStory*5/2)/len(para))
	docs := func(yield func(*dyad.Document, error) bool) {
		yield(&dyad.Document{ID: "long", Text: text}, nil)
	}
	base := liveHeap()
	var kept uint64
	var res *pipeline.Result
	err = p.CodeAll(context.Background(), docs, 1, func(r *pipeline.Result, err error) error {
		res, kept = r, liveHeap()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) < 2*len(text)/len(para) {
		t.Fatalf("%d events from %d paragraphs: the story was not coded", len(res.Events), len(text)/len(para))
	}
	live := kept - min(base, kept)
	limit := uint64(len(text) + 1024*len(res.Events) + 128*len(res.Sentences))
	t.Logf("%d bytes of text, %d sentences, %d events: %.1f MB live after coding, limit %.1f MB", len(text), len(res.Sentences), len(res.Events), float64(live)/1e6, float64(limit)/1e6)
	if live > limit {
		t.Fatalf("%.1f MB live after coding, want at most %.1f MB: the text, 1 KiB an event and 128 bytes a sentence", float64(live)/1e6, float64(limit)/1e6)
	}
	for i, s := range res.Sentences {
		if s.Tokens != nil {
			t.Fatalf("sentence %d keeps its %d tokens", i, len(s.Tokens))
		}
	}
	if res.Actors != nil || res.Quotes != nil {
		t.Fatalf("result keeps %d sentences' mentions and %d quotations", len(res.Actors), len(res.Quotes))
	}
	runtime.KeepAlive(res)
}
