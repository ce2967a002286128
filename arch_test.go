package dyad_test

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/dyad-events/dyad"

// stages may import dyad, ontology and dict, and never each other.
var stages = map[string]bool{
	"internal/tokenize": true, "internal/segment": true, "internal/postag": true,
	"internal/depparse": true, "internal/actor": true, "internal/coder": true,
	"internal/dates": true, "internal/places": true, "internal/coref": true, "internal/quotes": true,
	"internal/noise": true,
}

// adapters never import stages.
var adapters = map[string]bool{
	"internal/ingest": true, "internal/export": true, "internal/sqlite": true, "internal/postgres": true,
	"internal/stream": true, "internal/server": true,
}

// TestImportDirection holds the dependency rules of docs/ARCHITECTURE.md.
func TestImportDirection(t *testing.T) {
	out, err := exec.Command("go", "list", "-json=ImportPath,Imports", "./...").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkg := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, module) {
				continue
			}
			dep := strings.TrimPrefix(strings.TrimPrefix(imp, module), "/")
			if msg := violation(pkg, dep); msg != "" {
				t.Errorf("%s imports %s: %s", pkg, dep, msg)
			}
		}
	}
}

func violation(pkg, dep string) string {
	switch {
	case pkg == "":
		return "the root package imports only the standard library"
	case pkg == "ontology" && dep != "":
		return "ontology imports only dyad"
	case stages[pkg] && stages[dep] && !strings.HasPrefix(dep, pkg+"/"):
		return "stages never import each other; internal/pipeline composes them"
	case adapters[pkg] && stages[dep]:
		return "adapters never import stages"
	}
	return ""
}
