package places

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize returns the lookup key of a name: lower case, diacritics
// folded, periods, commas and apostrophes dropped, hyphens and runs of
// space made one space. "Sana'a", "SANAA" and "Sanaa" share a key, as do
// "Bogotá" and "Bogota", "U.S." and "US", "Port-au-Prince" and "Port au
// Prince".
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		switch {
		case r == '.' || r == ',' || r == '\'' || r == '’' || r == 'ʼ' || r == 'ʻ' || r == '`' || r == '‘':
			continue
		case r == '-' || r == '‐' || r == '–' || unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		switch {
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		default:
			if f, ok := foldTable[r]; ok {
				b.WriteString(f)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
		}
	}
	return b.String()
}
