package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/dyad-events/dyad"
)

// ReadCoded reads events that dyad coded from the stories of a silver
// file and wrote as JSONL, one event a line ("dyad train events -folds N
// -events FILE"; "dyad code --format jsonl" over the same stories), and
// returns them by story: out[i] are the events of stories[i], found by
// their document ID. Events of other documents are skipped and counted
// (a file of several silver files' events scores each); a line that is
// no event is an error naming the file and line, and so is a file whose
// every event is another document's.
func ReadCoded(path string, stories []SilverStory) (out [][]dyad.Event, skipped int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	at := make(map[string]int, len(stories))
	for i, s := range stories {
		at[s.Doc.ID] = i
	}
	out = make([][]dyad.Event, len(stories))
	r := bufio.NewReader(f)
	firstOther := ""
	for line := 1; ; line++ {
		b, err := r.ReadBytes('\n')
		if len(b) > 0 && len(bytes.TrimSpace(b)) > 0 {
			var e dyad.Event
			if jerr := json.Unmarshal(b, &e); jerr != nil {
				return nil, 0, fmt.Errorf("%s:%d: not an event: %v", path, line, jerr)
			}
			switch i, ok := at[e.DocID]; {
			case ok:
				out[i] = append(out[i], e)
			case skipped == 0:
				firstOther = fmt.Sprintf("line %d's doc_id %q", line, e.DocID)
				fallthrough
			default:
				skipped++
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, fmt.Errorf("%s:%d: %v", path, line, err)
		}
	}
	for _, evs := range out {
		if len(evs) > 0 {
			return out, skipped, nil
		}
	}
	if skipped > 0 {
		return nil, 0, fmt.Errorf("%s: none of its %d events is of the silver file's stories (%s is none of them)", path, skipped, firstOther)
	}
	return out, 0, nil
}

// WriteCoded writes the events of each story as JSONL, one event a
// line, for ReadCoded.
func WriteCoded(w io.Writer, events [][]dyad.Event) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	for _, evs := range events {
		for i := range evs {
			if err := enc.Encode(&evs[i]); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}
