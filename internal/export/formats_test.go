package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/export"
)

func sampleEvents() []*dyad.Event {
	return []*dyad.Event{
		{Schema: 1, ID: "voa-1:0:0", DocID: "voa-1", Sentence: 0, Text: "Russian forces shelled Kharkiv, \"officials\" said.",
			Source: dyad.Actor{Code: "RUSMIL", Country: "RUS", Sectors: []string{"MIL"}, Name: "Russia", Text: "Russian forces"},
			Target: dyad.Actor{Code: "UKR", Country: "UKR", Text: "Kharkiv", Span: dyad.Span{Start: 23, End: 30}},
			CAMEO:  dyad.CAMEO{Code: "195", Root: "19", Name: "employ aerial weapons", Goldstein: -10, QuadClass: 4},
			PLOVER: dyad.PLOVER{Event: "ASSAULT", Mode: "aerial", Context: []string{"military"}},
			Date:   "2022-03-01", DatePrecision: dyad.PrecisionDay, Modality: dyad.Asserted, Confidence: 0.8,
			Evidence: dyad.Evidence{Verb: "shelled", VerbSpan: dyad.Span{Start: 15, End: 22}},
			Location: &dyad.Place{Name: "Kharkiv", Country: "UKR", Lat: 49.99, Lon: 36.23, GeoNamesID: 706483, Text: "Kharkiv"}},
		{Schema: 1, ID: "voa-1:3:0", DocID: "voa-1", Sentence: 3, Text: "Tabs\tand\nnewlines.",
			Source: dyad.Actor{Code: "IGOUNO", Name: "United\tNations", Text: "the UN"}, Target: dyad.Actor{Code: "RUSGOV", Country: "RUS", Sectors: []string{"GOV"}},
			CAMEO: dyad.CAMEO{Code: "045", Root: "04", Goldstein: 5, QuadClass: 1}, Date: "2018-12-31", Modality: dyad.Negated},
		{Schema: 1, ID: "voa-2:5:0", DocID: "voa-2", Sentence: 5, Text: "Russian forces shelled the city again.",
			Source: dyad.Actor{Code: "RUSMIL", Country: "RUS", Sectors: []string{"MIL"}, Text: "Russian forces", Resolved: "coref"},
			Target: dyad.Actor{Code: "UKR", Country: "UKR", Text: "the city"},
			CAMEO:  dyad.CAMEO{Code: "195", Root: "19", Goldstein: -10, QuadClass: 4}, PLOVER: dyad.PLOVER{Event: "ASSAULT"},
			Date: "2022-03-01", Modality: dyad.Asserted, Confidence: 0.6},
	}
}

// sampleMetas are the store's metadata of sampleEvents: the first and the
// third are mentions of one real-world event (cluster 7) in two stories;
// the second stands alone.
func sampleMetas() []*export.Meta {
	return []*export.Meta{
		{ClusterID: 7, Mentions: 2, Sources: 1, Documents: 2, URL: "https://www.voanews.com/a", Outlet: "VOA", Title: "Kharkiv shelled",
			Published: time.Date(2022, 3, 1, 9, 30, 0, 0, time.UTC), Ingested: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC), Lead: true},
		{Mentions: 1, Sources: 1, Documents: 1, Ingested: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)},
		{ClusterID: 7, Mentions: 2, Sources: 1, Documents: 2, URL: "https://www.voanews.com/b", Outlet: "VOA",
			Published: time.Date(2022, 3, 2, 7, 0, 0, 0, time.UTC), Ingested: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)},
	}
}

// write writes the sample in format and checks the summary counts.
func write(t *testing.T, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := export.NewWriter(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	metas := sampleMetas()
	for i, ev := range sampleEvents() {
		if mw, ok := w.(export.MetaWriter); ok {
			err = mw.WriteMeta(ev, metas[i])
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

// gdeltTypes checks every field of a GDELT table's rows against its
// codebook type: integers, decimals, or text; and the column count.
func gdeltTypes(t *testing.T, lines []string, names []string, ints, floats map[int]bool) [][]string {
	t.Helper()
	var rows [][]string
	for n, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != len(names) {
			t.Fatalf("line %d has %d columns, want %d:\n%q", n+1, len(f), len(names), line)
		}
		for i, v := range f {
			if v == "" {
				continue
			}
			if _, err := strconv.ParseInt(v, 10, 64); ints[i] && err != nil {
				t.Errorf("line %d column %d %s=%q, want an integer", n+1, i+1, names[i], v)
			}
			if _, err := strconv.ParseFloat(v, 64); floats[i] && err != nil {
				t.Errorf("line %d column %d %s=%q, want a number", n+1, i+1, names[i], v)
			}
		}
		rows = append(rows, f)
	}
	return rows
}

// TestGDELT checks the event table: one row per real-world event, the
// types of the GDELT 2.0 codebook, and the fields of the first mention.
func TestGDELT(t *testing.T) {
	out := write(t, "gdelt")
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 2 || len(export.GDELTColumns) != 61 {
		t.Fatalf("got %d lines, want 2 (three mentions of two real-world events):\n%s", len(lines), out)
	}
	ints := map[int]bool{0: true, 1: true, 2: true, 3: true, 25: true, 29: true, 31: true, 32: true, 33: true,
		35: true, 42: true, 43: true, 50: true, 51: true, 58: true, 59: true}
	floats := map[int]bool{4: true, 30: true, 34: true, 40: true, 41: true, 48: true, 49: true, 56: true, 57: true}
	rows := gdeltTypes(t, lines, export.GDELTColumns, ints, floats)
	// Rows come in date order: the 2018 event first.
	old, f := rows[0], rows[1]
	for i, want := range map[int]string{0: "7", 1: "20220301", 4: "2022.1616", 5: "RUSMIL", 12: "MIL", 25: "1", 26: "195", 27: "195",
		28: "19", 29: "4", 31: "2", 32: "1", 33: "2", 34: "", 51: "4", 52: "Kharkiv", 58: "706483",
		59: "20220301093000", 60: "https://www.voanews.com/a"} {
		if f[i] != want {
			t.Errorf("cluster row: column %d %s=%q, want %q", i+1, export.GDELTColumns[i], f[i], want)
		}
	}
	for i, want := range map[int]string{0: strconv.FormatInt(export.NumericID("voa-1:3:0"), 10), 1: "20181231",
		4: "2018.9973", 6: "UNITED NATIONS", 8: "UNO", 25: "0", 26: "045", 27: "045", 28: "04", 31: "1",
		59: "20261201100000", 60: "voa-1"} {
		if old[i] != want {
			t.Errorf("lone row: column %d %s=%q, want %q", i+1, export.GDELTColumns[i], old[i], want)
		}
	}
}

func TestFractionDate(t *testing.T) {
	for _, tt := range []struct {
		date string
		want string
	}{{"2018-01-01", "2018.0000"}, {"2013-04-01", "2013.2466"}, {"2018-12-31", "2018.9973"}, {"2016-12-31", "2016.9973"}} {
		d, _ := time.Parse(time.DateOnly, tt.date)
		if got := strconv.FormatFloat(export.FractionDate(d), 'f', 4, 64); got != tt.want {
			t.Errorf("FractionDate(%s)=%s, want %s", tt.date, got, tt.want)
		}
	}
}

// TestGDELTMentions checks the mentions table and its join to the events.
func TestGDELTMentions(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(string(write(t, "gdelt-mentions")), "\n"), "\n")
	ints := map[int]bool{0: true, 1: true, 2: true, 3: true, 6: true, 7: true, 8: true, 9: true, 10: true, 11: true, 12: true}
	rows := gdeltTypes(t, lines, export.GDELTMentionColumns, ints, map[int]bool{13: true})
	if len(rows) != 3 {
		t.Fatalf("got %d mention rows, want 3", len(rows))
	}
	events := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(string(write(t, "gdelt"))), "\n") {
		events[strings.SplitN(l, "\t", 2)[0]] = true
	}
	for i, r := range rows {
		if !events[r[0]] {
			t.Errorf("mention %d: GLOBALEVENTID %s is not in the event table", i+1, r[0])
		}
	}
	// Cluster 7's mentions: both share the event's time, each has its own.
	a, b := rows[1], rows[2]
	if a[0] != "7" || b[0] != "7" || a[1] != "20220301093000" || b[1] != a[1] || b[2] != "20220302070000" {
		t.Errorf("cluster mentions: %q / %q", a[:3], b[:3])
	}
	if a[4] != "VOA" || a[5] != "https://www.voanews.com/a" || a[6] != "1" || a[8] != "23" || a[9] != "15" || a[10] != "1" || a[11] != "80" {
		t.Errorf("first mention=%q", a)
	}
	if b[10] != "0" || b[6] != "6" {
		t.Errorf("coreferent mention: InRawText=%s SentenceID=%s, want 0 and 6", b[10], b[6])
	}
	if r := rows[0]; r[3] != "6" || r[5] != "voa-1" || r[8] != "0" {
		t.Errorf("mention without URL: %q", r)
	}
}

func TestCSV(t *testing.T) {
	recs, err := csv.NewReader(bytes.NewReader(write(t, "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 || len(recs[0]) != len(export.CSVColumns) {
		t.Fatalf("got %d records of %d fields, want 4 of %d", len(recs), len(recs[0]), len(export.CSVColumns))
	}
	if got := recs[2][len(recs[2])-1]; got != "Tabs\tand\nnewlines." {
		t.Fatalf("text=%q, want the sentence unchanged", got)
	}
}

func TestPhoenix(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(string(write(t, "phoenix")), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d lines, want header and 3 rows", len(lines))
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

// TestPLOVER checks the field names and types of the PLOVER manual's
// JSON chapter.
func TestPLOVER(t *testing.T) {
	var buf bytes.Buffer
	w := export.NewPLOVER(&buf)
	metas := sampleMetas()
	for i, ev := range sampleEvents() {
		if err := w.WriteMeta(ev, metas[i]); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if n, _ := w.Written(); len(lines) != 2 || n != 2 { // the second event has no PLOVER category
		t.Fatalf("got %d lines, Written %d, want 2:\n%s", len(lines), n, buf.String())
	}
	var rec struct {
		ID        string   `json:"id"`
		Date      *string  `json:"date"`
		Event     []string `json:"event"`
		Mode      []string `json:"mode"`
		Context   []string `json:"context"`
		QuadCode  int      `json:"quad_code"`
		Actor     []map[string]string
		Recipient []map[string]string
		EventLoc  struct {
			ResolvedPlace string  `json:"resolved_place"`
			GeonameID     int     `json:"geonameid"`
			Lat           float64 `json:"lat"`
			CountryCode   string  `json:"country_code"`
		} `json:"event_loc"`
		TextInfo struct{ Sequence, Start, End int }       `json:"text_info"`
		CiteInfo struct{ URL, Title, Publication string } `json:"cite_info"`
	}
	dec := json.NewDecoder(strings.NewReader(lines[0]))
	if err := dec.Decode(&rec); err != nil {
		t.Fatal(err)
	}
	if rec.ID != "voa-1:0:0" || rec.Date == nil || *rec.Date != "2022-03-01" || !slices.Equal(rec.Event, []string{"ASSAULT"}) ||
		!slices.Equal(rec.Mode, []string{"aerial"}) || !slices.Equal(rec.Context, []string{"military"}) || rec.QuadCode != 4 {
		t.Errorf("core fields: %+v", rec)
	}
	if len(rec.Actor) != 1 || rec.Actor[0]["code"] != "RUS" || rec.Actor[0]["sector"] != "MIL" || rec.Actor[0]["entity_text"] != "Russian forces" ||
		len(rec.Recipient) != 1 || rec.Recipient[0]["code"] != "UKR" {
		t.Errorf("actor=%v recipient=%v", rec.Actor, rec.Recipient)
	}
	if rec.EventLoc.ResolvedPlace != "Kharkiv" || rec.EventLoc.GeonameID != 706483 || rec.EventLoc.CountryCode != "UKR" {
		t.Errorf("event_loc=%+v", rec.EventLoc)
	}
	if rec.TextInfo.Start != 15 || rec.CiteInfo.URL != "https://www.voanews.com/a" || rec.CiteInfo.Title != "Kharkiv shelled" || rec.CiteInfo.Publication != "VOA" {
		t.Errorf("text_info=%+v cite_info=%+v", rec.TextInfo, rec.CiteInfo)
	}
	var any map[string]any
	json.Unmarshal([]byte(lines[0]), &any)
	for _, old := range []string{"event_type", "source_actor", "event_mode", "event_id", "event_date"} {
		if _, ok := any[old]; ok {
			t.Errorf("record has dyad's old field %q", old)
		}
	}
}

// TestParquet reads the file back with Apache Arrow's Parquet reader (not
// the library that wrote it), as pandas, R's arrow or DuckDB would, and
// checks the logical types, NULLs, lists, counts and column docs.
func TestParquet(t *testing.T) {
	out := write(t, "parquet")
	rdr, err := file.NewParquetReader(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	docs := rdr.MetaData().KeyValueMetadata().FindValue("dyad.columns")
	var cols map[string]string
	if docs == nil || json.Unmarshal([]byte(*docs), &cols) != nil || cols["cameo"] == "" {
		t.Errorf("dyad.columns metadata missing or unreadable: %v", docs)
	}
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatalf("read table: %v", err)
	}
	defer tbl.Release()
	if tbl.NumRows() != 3 {
		t.Fatalf("read %d rows, want 3", tbl.NumRows())
	}
	sc := tbl.Schema()
	if got, want := len(sc.Fields()), len(export.ParquetDocs); got != want {
		t.Errorf("%d columns, %d documented", got, want)
	}
	for _, f := range sc.Fields() {
		if cols[f.Name] == "" {
			t.Errorf("column %s has no doc", f.Name)
		}
	}
	for _, c := range export.CSVColumns {
		if len(sc.FieldIndices(c)) == 0 {
			t.Errorf("CSV column %s is not in the Parquet file", c)
		}
	}
	col := func(name string) arrow.Array {
		t.Helper()
		idx := sc.FieldIndices(name)
		if len(idx) != 1 {
			t.Fatalf("no column %s", name)
		}
		return tbl.Column(idx[0]).Data().Chunk(0)
	}
	types := map[string]arrow.Type{"date": arrow.DATE32, "published": arrow.TIMESTAMP, "source_sectors": arrow.LIST,
		"plover_context": arrow.LIST, "sentence": arrow.INT32, "goldstein": arrow.FLOAT64, "cluster_id": arrow.INT64,
		"cameo": arrow.STRING, "lat": arrow.FLOAT64}
	for name, want := range types {
		if got := col(name).DataType().ID(); got != want {
			t.Errorf("column %s is %s, want %s", name, col(name).DataType(), arrow.Type(want))
		}
	}
	date := col("date").(*array.Date32)
	if got := date.Value(1).FormattedString(); got != "2018-12-31" {
		t.Errorf("date[1]=%s, want 2018-12-31", got)
	}
	if cameo := col("cameo").(*array.String); cameo.Value(1) != "045" {
		t.Errorf("cameo[1]=%q, want 045 as text", cameo.Value(1))
	}
	// Unknown is NULL, not "" or 0.
	for name, row := range map[string]int{"plover": 1, "cluster_id": 1, "url": 1, "lat": 1, "published": 1, "target_name": 0} {
		if !col(name).IsNull(row) {
			t.Errorf("%s[%d] is not NULL", name, row)
		}
	}
	if col("cluster_id").IsNull(0) || col("date").IsNull(0) {
		t.Errorf("known values read as NULL")
	}
	sectors := col("source_sectors").(*array.List)
	if s, e := sectors.ValueOffsets(0); e-s != 1 || sectors.ListValues().(*array.String).Value(int(s)) != "MIL" {
		t.Errorf("source_sectors[0] is not [MIL]")
	}
}
