// Package datadir says where the project's data lie for rebuilding what is
// committed: the treebanks, the silver event set, the news corpora and the
// reference tables the models, dictionaries, gazetteer and CAMEO table are
// made from. Only those rebuilds read it; dyad never does when it codes.
// The folder is the one the DYAD_DATA environment variable names, with
// ud/, gold/silver/, corpora/, reference/, cameo/ and plover/ inside.
package datadir

import (
	"os"
	"path/filepath"
)

// Env names the environment variable that holds the data folder.
const Env = "DYAD_DATA"

// Path returns the path that parts name inside the data folder, or ""
// when DYAD_DATA is unset.
func Path(parts ...string) string {
	d := os.Getenv(Env)
	if d == "" {
		return ""
	}
	return filepath.Join(append([]string{d}, parts...)...)
}
