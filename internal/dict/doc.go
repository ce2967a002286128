// Package dict implements dyad's dictionaries: the actors (countries,
// international organisations, groups and people with dated roles), the
// agents (role nouns such as "police" or "foreign minister" that combine
// with a country) and the verb patterns the coder matches.
//
// The format is line-oriented and documented in docs/DICTIONARIES.md. An
// actor entry is a header line at column 1 followed by indented attribute
// lines; agents and verbs take one line each:
//
//	country USA United States
//		name U.S.; US; America; United States of America
//		adj American(s)
//		capital Washington
//	person - Antony Blinken
//		role USAGOV 2021-01-26 2025-01-20 Secretary of State
//	agent COP police; policeman (men)
//	verb 036 meet with
//
// Parse reads one file and reports every malformed line as an *Error with
// its file, line and column, collected in an ErrorList. Default returns the
// dictionaries embedded in the binary, parsed once. Index builds the lookup
// tables the actor matcher uses: every normalised surface form to its
// entries.
package dict
