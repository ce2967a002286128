package source

import (
	"bufio"
	_ "embed"
	"strings"
)

//go:embed names.tsv
var namesTSV string

// NamesFile is the name under which Names reports positions.
const NamesFile = "ontology/internal/source/names.tsv"

// Names returns dyad's own short names for the CAMEO codes, read from the
// embedded names.tsv (code, a tab, the name; '#' starts a comment line).
func Names() (map[string]string, error) {
	names := map[string]string{}
	var errs ErrorList
	sc := bufio.NewScanner(strings.NewReader(namesTSV))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		pos := Pos{File: NamesFile, Line: n, Col: 1}
		code, name, ok := strings.Cut(line, "\t")
		name = strings.TrimSpace(name)
		switch {
		case !ok || !isCode(code) || name == "":
			errs.Add(pos, "want CODE<tab>NAME, got %q", line)
		case names[code] != "":
			errs.Add(pos, "code %s named twice", code)
		default:
			names[code] = name
		}
	}
	return names, errs.Err()
}
