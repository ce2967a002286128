package dyad

import "testing"

func TestIsCountry(t *testing.T) {
	for c, want := range map[string]bool{
		"USA": true, "PRK": true, "IGO": false, "IGOUNO": false, "IMG": false, "NGO": false, "": false, "US": false, "USAGOV": false,
	} {
		if got := IsCountry(c); got != want {
			t.Errorf("IsCountry(%q) = %v, want %v", c, got, want)
		}
	}
}
