// Package source implements the reading of the third-party CAMEO and PLOVER
// tables from which dyad's ontology table is generated: the CAMEO code list
// (code, name, Goldstein value, root), the CAMEO→PLOVER conversion table,
// dyad's own names for the codes (names.tsv, embedded) and the corrections
// dyad applies to the conversion table.
//
// Only the generator (ontology/internal/gen) and the ontology tests import
// it; the dyad binary never reads these files.
package source
