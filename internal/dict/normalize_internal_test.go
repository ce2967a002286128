package dict

import (
	"math/rand"
	"strings"
	"testing"
)

// TestNormalizeASCII checks the byte-wise path of Normalize against the
// rune-wise one on every ASCII byte in every place of a form, and on
// random ASCII strings heavy in spaces, capitals and the backquote.
func TestNormalizeASCII(t *testing.T) {
	check := func(s string) {
		t.Helper()
		got, ok := normalizeASCII(s)
		if want := normalizeRunes(s); !ok || got != want {
			t.Fatalf("normalizeASCII(%q) = %q, %v; normalizeRunes gives %q", s, got, ok, want)
		}
	}
	for c := 0; c < 0x80; c++ {
		for _, f := range []string{"%c", "a%cb", " %c ", "%c%cZ", "X\t%c"} {
			check(strings.ReplaceAll(f, "%c", string(rune(c))))
		}
	}
	rng := rand.New(rand.NewSource(1))
	const alphabet = "aZ `'\t\n\v\f\r-.Q9_"
	for range 20000 {
		b := make([]byte, rng.Intn(90))
		for i := range b {
			b[i] = alphabet[rng.Intn(len(alphabet))]
		}
		check(string(b))
	}
	if _, ok := normalizeASCII("Côte"); ok {
		t.Error("normalizeASCII took a string with a non-ASCII rune")
	}
}
