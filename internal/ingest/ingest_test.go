package ingest_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/ingest"
)

var pub = time.Date(2016, 10, 27, 0, 0, 0, 0, time.UTC)

func TestReadText(t *testing.T) {
	t.Run("OK/Headline", func(t *testing.T) {
		doc, err := ingest.ReadText("dir/story.txt", strings.NewReader("Head line\n\nBody one. Body two.\n"), pub, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := doc.ID, "story.txt"; got != want {
			t.Errorf("ID=%q, want %q", got, want)
		}
		if got, want := doc.Title, "Head line"; got != want {
			t.Errorf("Title=%q, want %q", got, want)
		}
		if got, want := doc.Text, "Body one. Body two.\n"; got != want {
			t.Errorf("Text=%q, want %q", got, want)
		}
	})
	t.Run("OK/NoHeadline", func(t *testing.T) {
		doc, err := ingest.ReadText("s", strings.NewReader("One line.\nAnother line.\n"), pub, 0)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Title != "" || doc.Text != "One line.\nAnother line.\n" {
			t.Errorf("Title=%q Text=%q, want no title and the whole text", doc.Title, doc.Text)
		}
	})
	for _, tt := range []struct {
		name, input, want string
		max               int
	}{
		{"ErrEmpty", "", "s.txt: empty document", 0},
		{"ErrBlank", " \n\n\t\n", "s.txt: empty document", 0},
		{"ErrBinary", "abc\x00def", "s.txt: binary data (NUL byte at offset 3)", 0},
		{"ErrUTF8", "ok \xff\xfe bad", "s.txt: not valid UTF-8 (first bad byte at offset 3)", 0},
		{"ErrTooLarge", strings.Repeat("a", 3<<20), "larger than the 2 MiB limit", 2 << 20},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ingest.ReadText("s.txt", strings.NewReader(tt.input), pub, tt.max)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err=%v, want it to contain %q", err, tt.want)
			}
			if code := dyad.ErrorCode(err); code != dyad.EINVALID {
				t.Errorf("code=%q, want %q", code, dyad.EINVALID)
			}
		})
	}
}

func TestReadJSONL(t *testing.T) {
	input := strings.Join([]string{
		`{"id":"a","text":"First story.","date":"2016-10-27","source":"X"}`,
		``,
		`{"id":"b","text":`,
		`{"id":"c","text":"Third.","date":"27/10/2016"}`,
		`{"id":"d"}`,
		`{"id":"e","text":42}`,
		`{"text":"no id"}`,
		`{"id":"f","text":"Last, no newline."}`,
	}, "\n")
	type result struct{ id, err string }
	var got []result
	for doc, err := range ingest.ReadJSONL("in.jsonl", strings.NewReader(input), pub, 0) {
		switch {
		case err != nil:
			got = append(got, result{err: err.Error()})
		default:
			got = append(got, result{id: doc.ID})
		}
	}
	want := []result{
		{id: "a"},
		{err: "in.jsonl:3: malformed JSON"},
		{err: `in.jsonl:4: field "date": bad date "27/10/2016"`},
		{err: `in.jsonl:5: field "text": missing`},
		{err: `in.jsonl:6: field "text": want string`},
		{err: `in.jsonl:7: field "id": missing or empty`},
		{id: "f"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d results %v, want %d %v", len(got), got, len(want), want)
	}
	for i := range want {
		if got[i].id != want[i].id || !strings.HasPrefix(got[i].err, want[i].err) {
			t.Errorf("result %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestReadJSONLLongLine(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`{"id":"a","text":"before"}` + "\n")
	b.WriteString(`{"id":"big","text":"` + strings.Repeat("x", 50<<20) + `"}` + "\n")
	b.WriteString(`{"id":"c","text":"after"}` + "\n")
	var ids, errs []string
	for doc, err := range ingest.ReadJSONL("big.jsonl", &b, pub, 0) {
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		ids = append(ids, doc.ID)
	}
	if got, want := strings.Join(ids, ","), "a,c"; got != want {
		t.Errorf("ids=%s, want %s", got, want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "big.jsonl:2: line longer than the 16 MiB limit") {
		t.Errorf("errs=%q, want one error for line 2", errs)
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x"}` + "\n" + `{"id":1}`))
	f.Add([]byte("\xff\n{\n\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		n := 0
		for doc, err := range ingest.ReadJSONL("f", bytes.NewReader(b), pub, 1<<10) {
			n++
			if err == nil && (doc == nil || doc.ID == "" || strings.TrimSpace(doc.Text) == "") {
				t.Fatalf("record %d: nil error with bad document %+v", n, doc)
			}
			if n > len(b)+1 {
				t.Fatalf("more records (%d) than bytes (%d)", n, len(b))
			}
		}
	})
}

// failingReader returns some bytes, then fails forever.
type failingReader struct{ sent bool }

func (f *failingReader) Read(p []byte) (int, error) {
	if !f.sent {
		f.sent = true
		return copy(p, "{\"id\":\"a\",\"text\":\"ok\"}\n"), nil
	}
	return 0, errors.New("disk gone")
}

func TestReadersStopOnReadError(t *testing.T) {
	for name, seq := range map[string]func() int{
		"jsonl": func() int {
			n := 0
			for _, err := range ingest.ReadJSONL("f", &failingReader{}, pub, 0) {
				if n++; n > 5 || err != nil && !strings.Contains(err.Error(), "f:2: read: disk gone") {
					break
				}
			}
			return n
		},
		"records": func() int {
			n := 0
			for _, err := range ingest.ReadRecords("f", &failingReader{}, ingest.DefaultColumns(), pub, 0) {
				if n++; n > 5 || err != nil && !strings.Contains(err.Error(), "f:2: read: disk gone") {
					break
				}
			}
			return n
		},
	} {
		if got := seq(); got != 2 {
			t.Errorf("%s: %d results from a reader that fails after one line, want 2 (the line, then the error)", name, got)
		}
	}
}
