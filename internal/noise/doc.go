// Package noise implements dyad's discards: the stories and sentences that
// look like political events but are not — sports reports ("Brazil beat
// Argentina"), photo captions, bylines and share-button boilerplate.
package noise
