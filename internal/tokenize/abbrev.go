package tokenize

import "strings"

// abbreviations are words that keep a final period, written lower case
// without it. Single letters ("J.") and dotted initialisms ("U.S.", "a.m.")
// are recognised by shape and need no entry.
var abbreviations = set(
	// titles and ranks
	"mr", "mrs", "ms", "dr", "prof", "rev", "gen", "sen", "rep", "gov",
	"lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "brig", "pres",
	"amb", "hon", "supt", "insp", "cpl", "pvt", "messrs", "mme", "mlle", "fr",
	"sr", "jr", "st", "ft", "mt",
	// months and days
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	"sat", "sun",
	// companies and places
	"inc", "corp", "ltd", "co", "bros", "dept", "univ", "assn", "ave", "blvd",
	"rd", "hwy", "ariz", "calif", "colo", "conn", "fla", "ga", "ill", "ind",
	"kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont",
	"neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt",
	"wash", "wis", "wyo",
	// others
	"etc", "vs", "al", "no", "nos", "vol", "vols", "approx", "est", "fig",
	"op", "cf", "ca", "viz", "pp", "ed", "eds", "mln", "bln",
)

// capitalOnly abbreviations are also common words, so they are
// abbreviations only when capitalised ("No. 2" but "said no.").
var capitalOnly = set("no", "nos", "co", "ill", "miss", "mass", "wash", "sun",
	"sat", "ore", "pa", "la", "ind", "mo", "est", "ed", "op", "fig",
	"sep", "mar", "jun", "dec", "mon", "wed", "fri", "penn", "vol", "col",
	"gen", "rep", "gov", "rev", "con", "pres", "hon", "amb")

// prefixes keep their hyphen: "e-mail", "non-profit", "co-founder".
var prefixes = set("e", "non", "re", "anti", "pre", "co", "pro", "mid",
	"cross", "post", "semi", "sub", "pan", "multi", "ex", "counter", "mini",
	"un", "socio", "psycho", "neo", "inter", "intra", "bi", "tri", "micro",
	"macro", "ultra", "mega", "quasi", "vice", "x")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// isAbbreviation reports whether w, a word ending in a period such as
// "Dr." or "U.S.", is an abbreviation that keeps its period.
func isAbbreviation(w string) bool {
	if len(w) < 2 || w[len(w)-1] != '.' {
		return false
	}
	core := w[:len(w)-1]
	if lc := strings.ToLower(core); abbreviations[lc] {
		return !capitalOnly[lc] || (core[0] >= 'A' && core[0] <= 'Z')
	}
	return isInitialism(core)
}

// isInitialism reports whether core (a word without its final period) is a
// single letter ("J") or letters joined by periods ("U.S", "a.m", "Ph.D").
func isInitialism(core string) bool {
	if core == "" {
		return false
	}
	if len(core) == 1 {
		return isLetter(core[0])
	}
	dots := 0
	run := 0
	for i := 0; i < len(core); i++ {
		switch c := core[i]; {
		case c == '.':
			if run == 0 {
				return false
			}
			dots++
			run = 0
		case isLetter(c):
			run++
			if run > 2 {
				return false
			}
		default:
			return false
		}
	}
	return dots > 0 && run > 0
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
