// Command gen implements the generator of dyad's country and leader
// dictionaries. It reads the project's reference tables (-ref DIR, by
// default the data folder's reference/ beside the module root; never
// needed at run time) and writes internal/dict/data/countries.txt
// and internal/dict/data/leaders.txt, which are committed:
//
//	cd internal/dict && go run ./internal/gen
//
// Facts the tables lack or get wrong for news text ("Britain", "U.S.",
// "Kyiv", which capitals are too ambiguous to be metonyms) are in
// extras.go.
package main
