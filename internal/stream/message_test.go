package stream

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

func TestEncodeDecode(t *testing.T) {
	for _, doc := range []*dyad.Document{
		{ID: "a", Text: "Russia condemned the strike.", Title: "T", Source: "VOA", URL: "https://x/a",
			Date: time.Date(2024, 5, 1, 12, 30, 0, 0, time.UTC)},
		{ID: "b", Text: "No date."},
	} {
		msg, err := encode("dyad.docs", doc)
		if err != nil {
			t.Fatal(err)
		}
		if got := msg.Header.Get("Nats-Msg-Id"); got != dyad.ContentHash(doc) {
			t.Fatalf("message id %q, want the content hash", got)
		}
		got, err := decode(msg.Data)
		if err != nil || *got != *doc {
			t.Fatalf("decode(encode(%+v)) = %+v, %v", doc, got, err)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`{"id": "x"}`, "no id or no text"},
		{`{"text": "t"}`, "no id or no text"},
		{`{"id": "x", "text": "t", "date": "May 1"}`, `bad date "May 1"`},
		{`[1, 2]`, "decode document"},
		{``, "decode document"},
	} {
		if _, err := decode([]byte(tt.in)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("decode(%q) err=%v, want %q", tt.in, err, tt.want)
		}
	}
	doc, err := decode([]byte(`{"id": "x", "text": "t", "date": "2024-05-01"}`))
	if err != nil || doc.Date != time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC) {
		t.Fatalf("decode with a plain date: %+v, %v", doc, err)
	}
}

// FuzzDecode feeds arbitrary messages to the worker's decoder: it must
// return a document with an id and text, or an error, never panic.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"id": "x", "text": "Russia condemned the strike.", "date": "2024-05-01T12:00:00Z"}`))
	f.Add([]byte(`{"id": "", "text": ""}`))
	f.Add([]byte(`{"id": "x", "text": "t", "date": "2024-13-45"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := decode(data)
		if err == nil && (doc.ID == "" || doc.Text == "") {
			t.Fatalf("decode(%q) = %+v without an error", data, doc)
		}
	})
}
