package linear

// Feature hashing: FNV-1a over a template number and the feature's parts,
// or Mix over a template and parts already hashed to 32-bit ids.

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// Str hashes s into h.
func Str(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

// Int hashes the low 16 bits of v into h.
func Int(h uint32, v int) uint32 {
	h = (h ^ uint32(v&0xff)) * fnvPrime
	h = (h ^ uint32((v>>8)&0xff)) * fnvPrime
	return h
}

// Template starts the hash of a feature of template t.
func Template(t int) uint32 { return Int(fnvOffset, t) }

// Byte hashes one byte into h.
func Byte(h uint32, b byte) uint32 { return (h ^ uint32(b)) * fnvPrime }

// Mix hashes the 32-bit id x into h with one multiply: the caller hashes
// each word's strings to ids once per sentence, so a feature over three
// words costs three multiplies, not one per byte. For a fixed h, distinct
// x give distinct results.
func Mix(h, x uint32) uint32 {
	h = (h ^ x) * 0x9e3779b1
	return h ^ h>>15
}
