package dict

import "strings"

// field is a piece of a line and the 1-based byte column where it starts.
type field struct {
	text string
	col  int
}

// isSpace reports whether c separates fields.
func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// stripComment removes a '#' comment that starts the line or follows
// whitespace, then trailing whitespace.
func stripComment(line string) string {
	for i := 0; i < len(line); i++ {
		if line[i] == '#' && (i == 0 || isSpace(line[i-1])) {
			line = line[:i]
			break
		}
	}
	return strings.TrimRight(line, " \t\r")
}

// fields splits s (starting at column col) into at most n whitespace
// separated fields; the last one holds the rest of s, spaces collapsed.
func fields(s string, col, n int) []field {
	var out []field
	i := 0
	for i < len(s) && len(out) < n {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		start := i
		if len(out) == n-1 {
			out = append(out, field{collapse(s[start:]), col + start})
			break
		}
		for i < len(s) && !isSpace(s[i]) {
			i++
		}
		out = append(out, field{s[start:i], col + start})
	}
	return out
}

// split cuts f at each ';' into trimmed items with their columns; empty
// items are kept so that the caller can report them.
func split(f field) []field {
	var out []field
	start := 0
	for i := 0; i <= len(f.text); i++ {
		if i < len(f.text) && f.text[i] != ';' {
			continue
		}
		item := f.text[start:i]
		lead := len(item) - len(strings.TrimLeft(item, " \t"))
		out = append(out, field{collapse(item), f.col + start + lead})
		start = i + 1
	}
	return out
}

// collapse trims s and turns every run of spaces and tabs into one space.
func collapse(s string) string {
	s = strings.Trim(s, " \t")
	if !strings.ContainsAny(s, "\t") && !strings.Contains(s, "  ") {
		return s
	}
	// Split on the same spaces as fields: strings.Fields also splits on
	// \v and \f, and made "\v  \v" an empty field.
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' }), " ")
}

// expand returns the forms a list item stands for: "minister(s)" is
// "minister" and "ministers". ok is false when parentheses are malformed.
func expand(item string) (forms []string, ok bool) {
	open := strings.IndexByte(item, '(')
	if open < 0 {
		return []string{item}, !strings.Contains(item, ")")
	}
	suffix := item[open+1:]
	if open == 0 || isSpace(item[open-1]) || !strings.HasSuffix(suffix, ")") {
		return nil, false
	}
	suffix = suffix[:len(suffix)-1]
	if suffix == "" || strings.ContainsAny(suffix, "() \t") {
		return nil, false
	}
	return []string{item[:open], item[:open] + suffix}, true
}

// isCode reports whether s is n groups of three upper-case ASCII letters,
// n ≥ 1.
func isCode(s string) bool {
	if s == "" || len(s)%3 != 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// chunks splits a code into its three-letter parts.
func chunks(code string) []string {
	var out []string
	for i := 0; i+3 <= len(code); i += 3 {
		out = append(out, code[i:i+3])
	}
	return out
}
