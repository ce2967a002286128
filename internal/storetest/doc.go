// Package storetest implements the conformance suite that every dyad store
// (internal/sqlite, internal/postgres) must pass: the same documents, the
// same filters and the same answers, whatever the engine.
//
// A store's own test calls Run with a function that opens a fresh, empty
// store for each subtest.
package storetest
