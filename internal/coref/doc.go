// Package coref implements coreference inside one story: it adds actor
// mentions for words that refer back to actors named earlier.
//
//   - surnames: "Blinken" after "Antony Blinken" (family name first for
//     Chinese, Korean and Vietnamese names: "Lim" after "Lim Sung-nam");
//   - counted descriptions: "the three governments", "the two countries",
//     "both sides" for the latest compound actor of that size;
//   - truncated names: "the North", "the South" when the story names North
//     or South Korea (Sudan, …);
//   - bare sectors: "police", "the government", "gunmen" take the one
//     country their sentence names as a place, else the story's (its
//     dateline's, or the country it names most, the first named of equals);
//   - pronouns: "he", "she" for the nearest person in this or the previous
//     sentence; "I", "we" inside a quotation for its speaker.
//
// Every added mention says how it was resolved (dyad.Mention.Resolved).
package coref
