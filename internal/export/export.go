package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
)

// Writer writes events in one format. Call Flush when done.
type Writer interface {
	Write(ev *dyad.Event) error
	Flush() error
}

// Formats lists the formats NewWriter knows.
var Formats = []string{"jsonl", "tsv", "csv", "gdelt", "gdelt-mentions", "phoenix", "plover", "parquet"}

// NewWriter returns the writer for a format of Formats.
func NewWriter(format string, w io.Writer) (Writer, error) {
	switch format {
	case "jsonl", "json":
		return NewJSONL(w), nil
	case "tsv":
		return NewTSV(w), nil
	case "csv":
		return NewCSV(w), nil
	case "gdelt":
		return NewGDELT(w), nil
	case "gdelt-mentions":
		return NewGDELTMentions(w), nil
	case "phoenix":
		return NewPhoenix(w), nil
	case "plover":
		return NewPLOVER(w), nil
	case "parquet":
		return NewParquet(w), nil
	}
	return nil, dyad.Errorf(dyad.EINVALID, "unknown output format %q (want %s)", format, strings.Join(Formats, ", "))
}

// JSONL writes one event record per line.
type JSONL struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

// NewJSONL returns a JSONL writer on w.
func NewJSONL(w io.Writer) *JSONL {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONL{bw: bw, enc: enc}
}

// Write writes ev as one line.
func (j *JSONL) Write(ev *dyad.Event) error { return j.enc.Encode(ev) }

// Flush writes buffered output.
func (j *JSONL) Flush() error { return j.bw.Flush() }

// TSVColumns are the columns of the TSV table, in order.
var TSVColumns = []string{"doc_id", "sentence", "date", "source", "target", "cameo", "name",
	"goldstein", "quad", "plover", "modality", "confidence", "verb"}

// TSV writes a tab-separated table with a header line.
type TSV struct {
	bw     *bufio.Writer
	header bool
}

// NewTSV returns a TSV writer on w.
func NewTSV(w io.Writer) *TSV { return &TSV{bw: bufio.NewWriter(w)} }

// Write writes ev as one row, after the header on the first call.
func (t *TSV) Write(ev *dyad.Event) error {
	if err := t.writeHeader(); err != nil {
		return err
	}
	row := []string{ev.DocID, strconv.Itoa(ev.Sentence), ev.Date, ActorCode(ev.Source), ActorCode(ev.Target),
		ev.CAMEO.Code, ev.CAMEO.Name, strconv.FormatFloat(ev.CAMEO.Goldstein, 'f', -1, 64),
		strconv.Itoa(ev.CAMEO.QuadClass), ev.PLOVER.Event, string(ev.Modality),
		strconv.FormatFloat(ev.Confidence, 'f', 2, 64), ev.Evidence.Verb}
	for i, f := range row {
		row[i] = clean(f)
	}
	_, err := fmt.Fprintln(t.bw, strings.Join(row, "\t"))
	return err
}

// Flush writes buffered output; the header alone when there were no events.
func (t *TSV) Flush() error {
	if err := t.writeHeader(); err != nil {
		return err
	}
	return t.bw.Flush()
}

func (t *TSV) writeHeader() error {
	if t.header {
		return nil
	}
	t.header = true
	_, err := fmt.Fprintln(t.bw, strings.Join(TSVColumns, "\t"))
	return err
}

// ActorCode returns the code of a, "-" when there is none.
func ActorCode(a dyad.Actor) string {
	if a.Code == "" {
		return "-"
	}
	return a.Code
}

// clean keeps a TSV field on one line and in one column.
func clean(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}
