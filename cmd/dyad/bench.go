package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/depparse"
	"github.com/dyad-events/dyad/internal/postag"
	"github.com/dyad-events/dyad/internal/segment"
	"github.com/dyad-events/dyad/internal/tokenize"
)

// BenchCommand measures dyad's speed. Its subcommands: nlp, pipeline,
// store (builds a synthetic store) and api (load-tests one).
type BenchCommand struct {
	Env Env
}

// Run runs "dyad bench <what> [flags]".
func (c *BenchCommand) Run(ctx context.Context, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "pipeline":
			return (&BenchPipelineCommand{Env: c.Env}).Run(ctx, args[1:])
		case "store":
			return (&BenchStoreCommand{Env: c.Env}).Run(ctx, args[1:])
		case "api":
			return (&BenchAPICommand{Env: c.Env}).Run(ctx, args[1:])
		}
	}
	if len(args) == 0 || args[0] != "nlp" {
		fmt.Fprintln(c.Env.Stderr, "usage: dyad bench nlp|pipeline|store|api [flags] ...")
		return dyad.Errorf(dyad.EINVALID, "bench: want nlp, pipeline, store or api")
	}
	return c.nlp(ctx, args[1:])
}

// NLPBench is the report of "dyad bench nlp".
type NLPBench struct {
	Parser         string  `json:"parser"` // depparse.Parser.Mode
	Documents      int     `json:"documents"`
	Sentences      int     `json:"sentences"`
	Tokens         int     `json:"tokens"`
	LoadSeconds    float64 `json:"load_seconds"`
	LoadCPUSeconds float64 `json:"load_cpu_seconds"`
	WallSeconds    float64 `json:"wall_seconds"`
	CPUSeconds     float64 `json:"cpu_seconds"`
	PerCPUSecond   float64 `json:"all_stages_sentences_per_cpu_second"`
	SplitPerSec    float64 `json:"tokenize_split_sentences_per_sec"`
	TagPerSec      float64 `json:"tag_sentences_per_sec"`
	ParsePerSec    float64 `json:"parse_sentences_per_sec"`
	TagParsePerSec float64 `json:"tag_parse_sentences_per_sec"`
	AllPerSec      float64 `json:"all_stages_sentences_per_sec"`
	PeakRSSMB      float64 `json:"peak_rss_mb"`
	HeapMB         float64 `json:"heap_mb"`
	LiveHeapMB     float64 `json:"live_heap_mb"` // after a collection: what the models and tables hold
}

func (c *BenchCommand) nlp(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench nlp", flag.ContinueOnError)
	fs.SetOutput(c.Env.Stderr)
	repeat := fs.Int("repeat", 1, "times to process the corpus")
	profile := fs.String("cpuprofile", "", "write a CPU profile of tagging and parsing to `FILE` (go tool pprof)")
	var beam beamWidth
	beam.register(fs)
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return dyad.Errorf(dyad.EINVALID, "bench nlp: name a corpus file (.jsonl with \"text\", .csv with a text column, or plain text)")
	}
	var texts []string
	for _, name := range fs.Args() {
		t, err := readCorpus(name)
		if err != nil {
			return err
		}
		texts = append(texts, t...)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1)) // a per-core figure
	start, cpu0 := time.Now(), cpuSeconds()
	tg, err := postag.Default()
	if err != nil {
		return err
	}
	ps, err := depparse.ForBeam(beam.width())
	if err != nil {
		return err
	}
	r := NLPBench{Parser: ps.Mode(), Documents: len(texts), LoadSeconds: time.Since(start).Seconds(), LoadCPUSeconds: cpuSeconds() - cpu0}
	var tSplit, tTag, tParse time.Duration
	if *profile != "" {
		stop, err := startProfile(*profile)
		if err != nil {
			return err
		}
		defer stop()
	}
	w0, c0 := time.Now(), cpuSeconds()
	for k := 0; k < max(*repeat, 1); k++ {
		for _, text := range texts {
			if err := ctx.Err(); err != nil {
				return err
			}
			t0 := time.Now()
			ss := segment.Sentences(text, tokenize.Text(text))
			t1 := time.Now()
			for i := range ss {
				tg.Tag(&ss[i])
			}
			t2 := time.Now()
			for i := range ss {
				ps.Parse(&ss[i])
			}
			t3 := time.Now()
			tSplit, tTag, tParse = tSplit+t1.Sub(t0), tTag+t2.Sub(t1), tParse+t3.Sub(t2)
			r.Sentences += len(ss)
			for _, s := range ss {
				r.Tokens += len(s.Tokens)
			}
		}
	}
	r.WallSeconds, r.CPUSeconds = time.Since(w0).Seconds(), cpuSeconds()-c0
	r.PerCPUSecond = float64(int(float64(r.Sentences) / max(r.CPUSeconds, 1e-9)))
	rate := func(d time.Duration) float64 { return float64(int(float64(r.Sentences) / d.Seconds())) }
	r.SplitPerSec, r.TagPerSec, r.ParsePerSec = rate(tSplit), rate(tTag), rate(tParse)
	r.TagParsePerSec, r.AllPerSec = rate(tTag+tParse), rate(tSplit+tTag+tParse)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	r.HeapMB = float64(ms.HeapInuse) / 1e6
	r.PeakRSSMB = peakRSS()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	r.LiveHeapMB = float64(ms.HeapAlloc) / 1e6
	runtime.KeepAlive(tg)
	runtime.KeepAlive(ps)
	enc := json.NewEncoder(c.Env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// cpuSeconds returns the user and system CPU time of all the process's
// threads, from /proc/self/stat (Linux, 100 ticks a second); 0 where that
// is unavailable. On a shared machine it is a fairer per-core measure than
// wall time.
func cpuSeconds() float64 {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	i := strings.LastIndexByte(string(b), ')')
	f := strings.Fields(string(b[i+1:]))
	if i < 0 || len(f) < 13 {
		return 0
	}
	var user, sys float64
	fmt.Sscan(f[11], &user)
	fmt.Sscan(f[12], &sys)
	return (user + sys) / 100
}

// peakRSS returns the process's peak resident set in MB, from
// /proc/self/status; 0 where that is unavailable.
func peakRSS() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			var kb float64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
			return kb / 1024
		}
	}
	return 0
}

// readCorpus returns the texts of a corpus file: the "text" field of each
// JSONL record, the "text" column of a CSV file, or a whole plain file.
func readCorpus(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "%v", err)
	}
	defer f.Close()
	switch {
	case strings.HasSuffix(name, ".jsonl"):
		var out []string
		dec := json.NewDecoder(f)
		for line := 1; ; line++ {
			var rec struct {
				Text string `json:"text"`
			}
			if err := dec.Decode(&rec); err == io.EOF {
				return out, nil
			} else if err != nil {
				return nil, dyad.Errorf(dyad.EINVALID, "%s: record %d: %v", name, line, err)
			}
			out = append(out, rec.Text)
		}
	case strings.HasSuffix(name, ".csv"):
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil || len(rows) == 0 {
			return nil, dyad.Errorf(dyad.EINVALID, "%s: %v", name, err)
		}
		col := -1
		for i, h := range rows[0] {
			if strings.EqualFold(h, "text") {
				col = i
			}
		}
		if col < 0 {
			return nil, dyad.Errorf(dyad.EINVALID, "%s:1: no text column", name)
		}
		var out []string
		for _, r := range rows[1:] {
			if col < len(r) {
				out = append(out, r[col])
			}
		}
		return out, nil
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return []string{string(b)}, nil
}
