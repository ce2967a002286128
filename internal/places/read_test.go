package places_test

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/places"
)

func gz(t *testing.T, s string) *bytes.Reader {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatalf("gzip: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("gzip: %v", err)
	}
	return bytes.NewReader(b.Bytes())
}

func TestRead(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		g, err := places.Read(gz(t, "c\t0\tFreedonia\tFredonia\tFRE\t\t0\t1.5\t2.5\np\t7\tSylvania\t\tFRE\tFR.01\t20000\t1\t2\n"))
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		if got := g.Lookup("fredonia"); len(got) != 1 || got[0].Name != "Freedonia" || got[0].Lat != 1.5 {
			t.Errorf("Lookup(fredonia) = %+v, want Freedonia at 1.5", got)
		}
		if got := g.Lookup("Sylvania"); len(got) != 1 || got[0].GeoNamesID != 7 {
			t.Errorf("Lookup(Sylvania) = %+v, want id 7", got)
		}
	})
	t.Run("ErrBadLines", func(t *testing.T) {
		_, err := places.Read(gz(t, "c\t0\tOK\t\tOKK\t\t0\t1\t2\nbroken line\np\tx\tBad\t\tBAD\t\t1\t1\t2\n"))
		if dyad.ErrorCode(err) != dyad.EINVALID {
			t.Fatalf("Read: error %v (code %q), want code %q", err, dyad.ErrorCode(err), dyad.EINVALID)
		}
		for _, want := range []string{"gazetteer:2:1:", "gazetteer:3:1:"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("Read: error %q, want it to mention %q", err, want)
			}
		}
	})
	t.Run("ErrNotGzip", func(t *testing.T) {
		if _, err := places.Read(strings.NewReader("plain text")); err == nil {
			t.Errorf("Read(plain text): no error, want one")
		}
	})
}
