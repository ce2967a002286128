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
//
// Beyond the dictionary, news names actors by shape, and these are found
// too, marked dyad.Mention.Unknown with their words as Name:
//
//	Judge Joan Quell                                a title and a name      → JUD
//	Palestinians | thousands of Swedes              a demonym plural        → PSECVL, SWECVL
//	Kyle Vosh                                       a capitalised run       → a person, uncoded
//	the Freedom Alliance Party | Thames Valley Police  a run with a head    → PTY, COP
//	Mitsotakis said                                 the one person of that surname in office
//
// Any actor with dated roles is coded by the role in force (the Taliban
// are AFGGOV from 2021-08-15); a person the dictionary knows, outside all
// roles, is their country's elite (ELI) after office, the bare country
// before. Repair completes, from the whole story, a direction standing
// where a name should ("the US, Japan and South agreed" → South Korea when
// the story names it), marking the actor Repaired.
package actor
