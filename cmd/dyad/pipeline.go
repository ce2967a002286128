package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/depparse"
	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/dict/petrarch"
	"github.com/dyad-events/dyad/internal/extract"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// pipelineFlags are the flags of every command that codes text.
type pipelineFlags struct {
	dicts     stringList
	noDefault bool
	wordOrder bool
	beam      beamWidth
	rules     bool
	recognise bool
	model     string
	warn      io.Writer // the flag set's output, for warnings about --dict files
}

// register adds the flags to fs.
func (pf *pipelineFlags) register(fs *flag.FlagSet) {
	pf.warn = fs.Output()
	fs.Var(&pf.dicts, "dict", "dictionary `FILE` or directory loaded on top of the defaults (repeatable)")
	fs.BoolVar(&pf.noDefault, "no-default-dict", false, "use only the --dict dictionaries, not dyad's defaults, and code with them alone (the learned extractor reads dyad's own) unless --event-model is given")
	fs.BoolVar(&pf.wordOrder, "word-order", false, "skip tagging and parsing; code on word order (faster, less accurate)")
	pf.beam.register(fs)
	fs.BoolVar(&pf.rules, "rules", false, "code with the dictionaries alone, without the learned event extractor")
	fs.BoolVar(&pf.recognise, "recognise", false, "also find the actors the dictionaries miss with the learned mention recogniser (more actors; on news, fewer events right with the embedded event model)")
	fs.StringVar(&pf.model, "event-model", "", "event extractor model `FILE` to use instead of the embedded one (dyad train events writes one)")
}

// pipeline builds the pipeline the flags describe.
func (pf *pipelineFlags) pipeline() (*pipeline.Pipeline, error) {
	opts, err := pf.options()
	if err != nil {
		return nil, err
	}
	return newPipeline(opts)
}

// options reads the dictionaries the flags name into the pipeline's
// options: a command that builds its pipeline only when a document comes
// (decoding the models costs most of start-up) still reports a bad --dict
// at once.
func (pf *pipelineFlags) options() (pipeline.Options, error) {
	opts := pipeline.DefaultOptions()
	opts.WordOrder = pf.wordOrder
	// The embedded extractor learned with dyad's dictionaries as
	// evidence: a user who replaces them wants theirs to code.
	opts.Rules = pf.rules || pf.noDefault && pf.model == ""
	opts.Recognise = pf.recognise
	if pf.model != "" && !pf.rules {
		f, err := os.Open(pf.model)
		if err != nil {
			return opts, dyad.Errorf(dyad.EINVALID, "--event-model: %v", err)
		}
		m, err := extract.Decode(f)
		f.Close()
		if err != nil {
			return opts, dyad.Errorf(dyad.EINVALID, "--event-model %s: %v", pf.model, err)
		}
		opts.Extractor = extract.New(m)
	}
	if pf.beam.width() > 1 {
		p, err := depparse.ForBeam(pf.beam.width())
		if err != nil {
			return opts, err
		}
		opts.Parser = p
	}
	if len(pf.dicts) > 0 || pf.noDefault {
		// Large dictionaries take longer to read than the models take to
		// decode: decode them meanwhile.
		pipeline.Preload(opts)
		d := &dict.Dictionary{}
		if !pf.noDefault {
			def, err := dict.Default()
			if err != nil {
				return opts, err
			}
			d.Merge(def)
		}
		for _, path := range pf.dicts {
			extra, err := loadDict(pf.warn, path)
			if err != nil {
				return opts, dyad.Errorf(dyad.EINVALID, "--dict %s: %v", path, err)
			}
			d.Merge(extra)
		}
		opts.Dict = d
		opts.Coder.OwnCodes = true // a user's dictionary may code events of its own
	}
	return opts, nil
}

// loadDict reads a dictionary file or directory in dyad's format or, when
// recognised by name or content, in PETRARCH's. PETRARCH files are
// third-party: their bad lines are skipped with a warning written to w.
func loadDict(w io.Writer, path string) (*dict.Dictionary, error) {
	if !petrarch.Recognize(path) {
		return dict.LoadFile(path)
	}
	d, err := petrarch.LoadFile(path)
	var bad dict.ErrorList
	if errors.As(err, &bad) {
		fmt.Fprintf(w, "dyad: --dict %s: %d bad PETRARCH lines skipped, first: %v\n", path, len(bad), bad[0])
		err = nil
	}
	return d, err
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return "" }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

// unwrapPath drops the path from a *fs.PathError, whose message the caller
// already starts with the file name.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
