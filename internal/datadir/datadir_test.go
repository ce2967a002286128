package datadir

import (
	"path/filepath"
	"testing"
)

func TestPath(t *testing.T) {
	t.Setenv(Env, "")
	if got := Path("ud"); got != "" {
		t.Errorf("unset: Path(ud) = %q, want \"\"", got)
	}
	t.Setenv(Env, "/data")
	if got, want := Path("gold", "silver"), filepath.Join("/data", "gold", "silver"); got != want {
		t.Errorf("Path(gold, silver) = %q, want %q", got, want)
	}
	if got := Path(); got != "/data" {
		t.Errorf("Path() = %q, want /data", got)
	}
}
