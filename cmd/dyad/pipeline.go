package main

import (
	"errors"
	"io/fs"

	"github.com/dyad-events/dyad/internal/pipeline"
)

// newPipeline builds the pipeline with the embedded dictionaries and the
// models that are available.
func newPipeline() (*pipeline.Pipeline, error) {
	return pipeline.New(pipeline.DefaultOptions())
}

// unwrapPath drops the path from a *fs.PathError, whose message the caller
// already starts with the file name.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
