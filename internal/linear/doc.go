// Package linear implements what dyad's tagger and parser share: sparse
// linear weights in their stored, quantised form, the table that scores
// hashed features against them, and the feature hashing itself.
package linear
