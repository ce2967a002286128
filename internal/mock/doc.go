// Package mock implements test doubles of dyad's root interfaces.
//
// EventStore and DocumentStore are Fn-field mocks: a test sets only the
// functions it expects to be called, and a call to an unset one returns an
// EINTERNAL error naming the method, so a test fails loudly instead of
// panicking. Memory is an in-memory EventStore over a slice of events, for
// tests and demos that need filters, series and rankings to behave like a
// real store without a database.
package mock
