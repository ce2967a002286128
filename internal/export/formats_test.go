package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/export"
)

func sampleEvents() []*dyad.Event {
	return []*dyad.Event{
		{Schema: 1, ID: "voa-1:0:0", DocID: "voa-1", Sentence: 0, Text: "Russian forces shelled Kharkiv, \"officials\" said.",
			Source: dyad.Actor{Code: "RUSMIL", Country: "RUS", Sectors: []string{"MIL"}, Name: "Russia", Text: "Russian forces"},
			Target: dyad.Actor{Code: "UKR", Country: "UKR", Text: "Kharkiv"},
			CAMEO:  dyad.CAMEO{Code: "195", Root: "19", Name: "employ aerial weapons", Goldstein: -10, QuadClass: 4},
			PLOVER: dyad.PLOVER{Event: "ASSAULT", Mode: "aerial", Context: []string{"military"}},
			Date:   "2022-03-01", Modality: dyad.Asserted, Confidence: 0.8,
			Location: &dyad.Place{Name: "Kharkiv", Country: "UKR", Lat: 49.99, Lon: 36.23, GeoNamesID: 706483}},
		{Schema: 1, ID: "voa-1:3:0", DocID: "voa-1", Sentence: 3, Text: "Tabs\tand\nnewlines.",
			Source: dyad.Actor{Code: "IGOUNO", Text: "the UN"}, Target: dyad.Actor{Code: "RUSGOV", Country: "RUS", Sectors: []string{"GOV"}},
			CAMEO: dyad.CAMEO{Code: "1121", Root: "11", Goldstein: -2, QuadClass: 3}, Modality: dyad.Negated},
	}
}

var sampleMeta = &export.Meta{ClusterID: 7, Mentions: 3, Sources: 2, Documents: 2, URL: "https://example.org/a", Outlet: "VOA",
	Ingested: time.Date(2022, 3, 2, 10, 0, 0, 0, time.UTC)}

func write(t *testing.T, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := export.NewWriter(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range sampleEvents() {
		if mw, ok := w.(export.MetaWriter); ok {
			err = mw.WriteMeta(ev, sampleMeta)
		} else {
			err = w.Write(ev)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGDELT checks the column count and the type of every column against
// the GDELT 2.0 event codebook: integers, decimals, or text.
func TestGDELT(t *testing.T) {
	out := write(t, "gdelt")
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2:\n%s", len(lines), out)
	}
	ints := map[int]bool{0: true, 1: true, 2: true, 3: true, 25: true, 29: true, 31: true, 32: true, 33: true,
		35: true, 42: true, 43: true, 50: true, 51: true, 58: true, 59: true}
	floats := map[int]bool{4: true, 30: true, 34: true, 40: true, 41: true, 48: true, 49: true, 56: true, 57: true}
	for n, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 61 || len(export.GDELTColumns) != 61 {
			t.Fatalf("line %d has %d columns (names: %d), want 61:\n%q", n+1, len(f), len(export.GDELTColumns), line)
		}
		for i, v := range f {
			if v == "" {
				continue
			}
			if _, err := strconv.ParseInt(v, 10, 64); ints[i] && err != nil {
				t.Errorf("line %d column %d %s=%q, want an integer", n+1, i+1, export.GDELTColumns[i], v)
			}
			if _, err := strconv.ParseFloat(v, 64); floats[i] && err != nil {
				t.Errorf("line %d column %d %s=%q, want a number", n+1, i+1, export.GDELTColumns[i], v)
			}
		}
	}
	f := strings.Split(lines[0], "\t")
	for i, want := range map[int]string{1: "20220301", 5: "RUSMIL", 12: "MIL", 26: "195", 27: "195", 28: "19", 29: "4",
		31: "3", 32: "2", 33: "2", 51: "4", 52: "Kharkiv", 58: "706483", 59: "20220302100000", 60: "https://example.org/a"} {
		if f[i] != want {
			t.Errorf("column %d %s=%q, want %q", i+1, export.GDELTColumns[i], f[i], want)
		}
	}
	if f := strings.Split(lines[1], "\t"); f[27] != "112" || f[8] != "UNO" || f[18] != "" || f[1] != "" {
		t.Errorf("second row: base code %q (want 112), known group %q (want UNO), dates %q (want none)", f[27], f[8], f[1])
	}
}

func TestCSV(t *testing.T) {
	recs, err := csv.NewReader(bytes.NewReader(write(t, "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || len(recs[0]) != len(export.CSVColumns) {
		t.Fatalf("got %d records of %d fields, want 3 of %d", len(recs), len(recs[0]), len(export.CSVColumns))
	}
	if got := recs[2][len(recs[2])-1]; got != "Tabs\tand\nnewlines." {
		t.Fatalf("text=%q, want the sentence unchanged", got)
	}
}

func TestPhoenix(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(string(write(t, "phoenix")), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want header and 2 rows", len(lines))
	}
	for i, l := range lines {
		if n := len(strings.Split(l, "\t")); n != len(export.PhoenixColumns) {
			t.Fatalf("line %d has %d columns, want %d: %q", i+1, n, len(export.PhoenixColumns), l)
		}
	}
	if f := strings.Split(lines[1], "\t"); f[1] != "20220301" || f[6] != "RUS" || f[7] != "MIL" || f[13] != "195" {
		t.Fatalf("row 1=%q", f)
	}
}

func TestPLOVER(t *testing.T) {
	out := write(t, "plover")
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 1 { // the second event has no PLOVER category
		t.Fatalf("got %d lines, want 1:\n%s", len(lines), out)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	if rec["event_type"] != "ASSAULT" || rec["source_actor"] != "RUS" || rec["event_mode"] != "aerial" {
		t.Fatalf("record=%v", rec)
	}
}

// TestParquet reads the file back as DuckDB or Spark would.
func TestParquet(t *testing.T) {
	out := write(t, "parquet")
	rows, err := parquet.Read[export.ParquetRow](bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	if len(rows) != 2 {
		t.Fatalf("read %d rows, want 2", len(rows))
	}
	r := rows[0]
	if r.ID != "voa-1:0:0" || r.CAMEO != "195" || r.Goldstein != -10 || r.Lat == nil || *r.Lat != 49.99 || r.Mentions != 3 {
		t.Fatalf("row 0=%+v", r)
	}
	if rows[1].Lat != nil || rows[1].Modality != "negated" {
		t.Fatalf("row 1=%+v, want no coordinates and negated", rows[1])
	}
	f, err := parquet.OpenFile(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(f.Schema().Fields()); got != 30 {
		t.Fatalf("schema has %d columns, want 30", got)
	}
}
