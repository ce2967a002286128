// Package actor implements actor recognition: it finds the political actors
// of a tokenised sentence and codes them from a dictionary.
//
// A mention is built from dictionary matches in a few shapes:
//
//	Japan | the United Nations | Antony Blinken     a name (persons by dated role)
//	Japanese officials | South Korean police        adjective + agent   → JPNGOV, KORCOP
//	US Deputy Secretary of State Antony Blinken     name + agent + person
//	China's foreign ministry                        name + 's + agent
//	diplomats from the US, Japan and South Korea    agent + of/from + names
//	Tokyo said                                      capital as metonym  → JPNGOV
//
// Mentions joined by commas and "and" become one compound mention whose
// Members are the single actors.
package actor
