package eval_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/eval"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// benchRecords reads a records file of the shared data.
func benchRecords(b *testing.B, rel string) []eval.Record {
	rf, err := eval.ReadRecords(filepath.Join(petrarchData(b), rel))
	if err != nil {
		b.Fatal(err)
	}
	return rf.Records
}

// BenchmarkCodeParsed codes sentences that are already parsed (the UD
// parses of the PETRARCH unit tests and the GSR records), so that tagging
// and parsing cost nothing: segmenting, actor matching, coding and the
// rest of the pipeline. Reports sentences per second on one goroutine.
func BenchmarkCodeParsed(b *testing.B) {
	for _, rel := range []string{
		"universalpetrarch/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml",
		"universalpetrarch/PETR2_GSR_validation.xml",
	} {
		recs := benchRecords(b, rel)
		b.Run(filepath.Base(rel), func(b *testing.B) {
			code, err := eval.NewCoder(nil, nil, eval.PetrarchOptions{GoldParse: true})
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
	start := time.Now()
	for b.Loop() {
		for i := range recs {
			r := &recs[i]
			p.Code(&dyad.Document{ID: r.ID, Text: r.Text, Date: r.Date})
			n++
		}
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "sentences/s")
}

func benchCoder(b *testing.B, recs []eval.Record, code eval.RecordCoder) {
	b.ReportAllocs()
	n := 0
	start := time.Now()
	for b.Loop() {
		for i := range recs {
			code(&recs[i])
			n++
		}
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "sentences/s")
}

// BenchmarkLoadDefaults reads dyad's default dictionaries from their
// source files and builds a pipeline on them, as a fresh process does.
func BenchmarkLoadDefaults(b *testing.B) {
	b.Run("dict", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := dict.LoadFile("../dict/data"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("pipeline", func(b *testing.B) {
		b.ReportAllocs()
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
