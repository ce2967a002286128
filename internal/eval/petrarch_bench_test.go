package eval_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/eval"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/testingutil"
)

// benchRecords reads a records file of the shared data.
func benchRecords(b *testing.B, rel string) []eval.Record {
	rf, err := eval.ReadRecords(filepath.Join(petrarchData(b), rel))
	if err != nil {
		b.Fatal(err)
	}
	return rf.Records
}

// BenchmarkCodeParsed codes sentences that are already tagged and parsed
// (the UD parses of the PETRARCH unit tests and the GSR records, tags and
// lemmas included), so that tagging and parsing cost nothing: segmenting,
// tokenizing, actor matching, coreference, quotes, places and coding.
// Reports sentences per second on one goroutine.
func BenchmarkCodeParsed(b *testing.B) {
	for _, rel := range []string{
		"universalpetrarch/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml",
		"universalpetrarch/PETR2_GSR_validation.xml",
	} {
		recs := benchRecords(b, rel)
		b.Run(filepath.Base(rel), func(b *testing.B) {
			code, err := eval.NewCoder(nil, eval.PetrarchOptions{GoldParse: true, GoldTags: true})
			if err != nil {
				b.Fatal(err)
			}
			benchCoder(b, recs, code)
		})
	}
}

// BenchmarkEndToEnd codes the records' raw text with dyad's own tagger and
// parser (or on word order when the binary has no models) and its
// default dictionaries.
func BenchmarkEndToEnd(b *testing.B) {
	recs := benchRecords(b, "universalpetrarch/PETR2_GSR_validation.xml")
	p, err := pipeline.New(pipeline.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	n := 0
	start, cpu := time.Now(), testingutil.CPUTime()
	for b.Loop() {
		for i := range recs {
			r := &recs[i]
			p.Code(&dyad.Document{ID: r.ID, Text: r.Text, Date: r.Date})
			n++
		}
	}
	rates(b, n, start, cpu)
}

// rates reports sentences per wall-clock second and per CPU second (the
// figure that holds on a busy shared machine; it counts the garbage
// collector's work too).
func rates(b *testing.B, n int, start time.Time, cpu time.Duration) {
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "sentences/s")
	if used := testingutil.CPUTime() - cpu; used > 0 {
		b.ReportMetric(float64(n)/used.Seconds(), "sentences/cpu-s")
	}
}

func benchCoder(b *testing.B, recs []eval.Record, code eval.RecordCoder) {
	b.ReportAllocs()
	n := 0
	start, cpu := time.Now(), testingutil.CPUTime()
	for b.Loop() {
		for i := range recs {
			code(&recs[i])
			n++
		}
	}
	rates(b, n, start, cpu)
}

// BenchmarkLoadDefaults reads dyad's default dictionaries from their
// source files and builds a pipeline on them, as a fresh process does.
func BenchmarkLoadDefaults(b *testing.B) {
	b.Run("dict", func(b *testing.B) {
		b.ReportAllocs()
		cpu := testingutil.CPUTime()
		for b.Loop() {
			if _, err := dict.LoadFile("../dict/data"); err != nil {
				b.Fatal(err)
			}
		}
		cpuPerOp(b, cpu)
	})
	b.Run("pipeline", func(b *testing.B) {
		b.ReportAllocs()
		cpu := testingutil.CPUTime()
		defer cpuPerOp(b, cpu)
		for b.Loop() {
			d, err := dict.LoadFile("../dict/data")
			if err != nil {
				b.Fatal(err)
			}
			opts := pipeline.DefaultOptions()
			opts.Dict = d
			if _, err := pipeline.New(opts); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkLoadPhoenix reads the Phoenix dictionaries the GSR file names
// and builds a pipeline on them.
func BenchmarkLoadPhoenix(b *testing.B) {
	data := petrarchData(b)
	rf, err := eval.ReadRecords(filepath.Join(data, "universalpetrarch/PETR2_GSR_validation.xml"))
	if err != nil {
		b.Fatal(err)
	}
	rf.Env.Locate([]string{filepath.Join(data, "petrarch/phoenix")})
	b.ReportAllocs()
	cpu := testingutil.CPUTime()
	defer cpuPerOp(b, cpu)
	for b.Loop() {
		env, err := eval.LoadEnvironment(rf.Env)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := eval.NewPetrarchCoder(env, eval.PetrarchOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuPerOp reports the CPU milliseconds one iteration took since cpu.
func cpuPerOp(b *testing.B, cpu time.Duration) {
	if used := testingutil.CPUTime() - cpu; used > 0 && b.N > 0 {
		b.ReportMetric(float64(used.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}
