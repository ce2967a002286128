package depparse

// Feature hashing: FNV-1a over a template number and the feature's parts.

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func hstr(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

func hint(h uint32, v int) uint32 {
	h = (h ^ uint32(v&0xff)) * fnvPrime
	h = (h ^ uint32((v>>8)&0xff)) * fnvPrime
	return h
}

func tmpl(t int) uint32 { return hint(fnvOffset, t) }
