// Package server implements dyad's HTTP JSON API and web dashboard over a
// dyad.EventStore.
//
// The API lives under /api (documented by the OpenAPI file it serves at
// /api/openapi.json); the dashboard pages are server-rendered Go templates
// with hand-written SVG charts and a little vanilla JavaScript, all
// embedded in the binary. The server is read-only: the one POST endpoint,
// /api/code, codes pasted text with the Coder it is given and stores
// nothing.
//
// Every request runs under a timeout, request bodies and result sizes are
// bounded, store errors map to HTTP statuses by their dyad.Error code, and
// cross-origin requests are refused unless Options.CORSOrigins allows them.
package server
