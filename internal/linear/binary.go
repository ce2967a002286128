package linear

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// The stored form of Weights, inside the model's gob. Each field is laid
// out so that the compressor around it finds what little regularity there
// is: the feature keys' deltas as four byte planes (the high bytes are
// nearly all zero), the counts as varints, the classes as bytes, and the
// weights either as a code book of at most 128 magnitudes with a byte per
// weight (sign and code), or, when they take more values, as two byte
// planes of int16.
const (
	weightsFormat = 1
	planesQ       = 0
	bookQ         = 1
	maxBook       = 128
)

// MarshalBinary encodes m in its stored form.
func (m Weights) MarshalBinary() ([]byte, error) {
	n, np := len(m.Deltas), len(m.Q)
	if len(m.Counts) != n || len(m.Class) != np {
		return nil, fmt.Errorf("weights: %d keys with %d counts, %d weights with %d classes", n, len(m.Counts), np, len(m.Class))
	}
	sum := 0
	for _, c := range m.Counts {
		sum += int(c)
	}
	if sum != np {
		return nil, fmt.Errorf("weights: counts add up to %d, want %d weights", sum, np)
	}
	b := make([]byte, 0, 16+4*n+2*n+3*np)
	b = append(b, weightsFormat)
	b = binary.AppendUvarint(b, uint64(m.Classes))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.Scale))
	b = binary.AppendUvarint(b, uint64(n))
	b = binary.AppendUvarint(b, uint64(np))
	for shift := 0; shift < 32; shift += 8 {
		for _, d := range m.Deltas {
			b = append(b, byte(d>>shift))
		}
	}
	for _, c := range m.Counts {
		b = binary.AppendUvarint(b, uint64(c))
	}
	b = append(b, m.Class...)
	if book := magnitudes(m.Q); book != nil {
		b = append(b, bookQ, byte(len(book)))
		for _, v := range book {
			b = binary.LittleEndian.AppendUint16(b, v)
		}
		for _, q := range m.Q {
			code, _ := slices.BinarySearch(book, absQ(q))
			if q < 0 {
				code |= 0x80
			}
			b = append(b, byte(code))
		}
		return b, nil
	}
	b = append(b, planesQ)
	for shift := 0; shift < 16; shift += 8 {
		for _, q := range m.Q {
			b = append(b, byte(uint16(q)>>shift))
		}
	}
	return b, nil
}

// absQ is |q| as a uint16 (|-32768| fits).
func absQ(q int16) uint16 {
	if q < 0 {
		return uint16(-int32(q))
	}
	return uint16(q)
}

// magnitudes returns the sorted distinct |q| when there are at most
// maxBook of them, and nil otherwise.
func magnitudes(q []int16) []uint16 {
	seen := map[uint16]bool{}
	for _, v := range q {
		seen[absQ(v)] = true
		if len(seen) > maxBook {
			return nil
		}
	}
	book := make([]uint16, 0, len(seen))
	for v := range seen {
		book = append(book, v)
	}
	slices.Sort(book)
	return book
}

var errShort = errors.New("truncated")

// UnmarshalBinary decodes the stored form MarshalBinary wrote.
func (m *Weights) UnmarshalBinary(b []byte) error {
	r := reader{b: b}
	if f := r.byte(); f != weightsFormat {
		return fmt.Errorf("weights: stored form %d, this dyad reads %d", f, weightsFormat)
	}
	classes := r.uvarint()
	scale := math.Float32frombits(r.uint32())
	n, np := r.uvarint(), r.uvarint()
	if r.err != nil || n > uint64(len(b)) || np > uint64(len(b)) || classes > 1<<16 {
		return fmt.Errorf("weights: header: %v", cmpErr(r.err, "implausible sizes"))
	}
	w := Weights{Classes: int(classes), Scale: scale, Deltas: make([]uint32, n), Counts: make([]uint16, n)}
	for shift := 0; shift < 32; shift += 8 {
		for i, v := range r.bytes(int(n)) {
			w.Deltas[i] |= uint32(v) << shift
		}
	}
	sum := uint64(0)
	for i := range w.Counts {
		c := r.uvarint()
		if c > math.MaxUint16 {
			return fmt.Errorf("weights: feature %d has %d weights", i, c)
		}
		w.Counts[i] = uint16(c)
		sum += c
	}
	if r.err == nil && sum != np {
		return fmt.Errorf("weights: counts add up to %d, want %d weights", sum, np)
	}
	w.Class = slices.Clone(r.bytes(int(np)))
	w.Q = make([]int16, np)
	switch r.byte() {
	case bookQ:
		book := make([]uint16, r.byte())
		for i := range book {
			book[i] = r.uint16()
		}
		for i, c := range r.bytes(int(np)) {
			if int(c&0x7f) >= len(book) {
				return fmt.Errorf("weights: weight %d has code %d of %d", i, c&0x7f, len(book))
			}
			v := int32(book[c&0x7f])
			if c&0x80 != 0 {
				v = -v
			}
			w.Q[i] = int16(v)
		}
	case planesQ:
		for shift := 0; shift < 16; shift += 8 {
			for i, v := range r.bytes(int(np)) {
				w.Q[i] |= int16(uint16(v) << shift)
			}
		}
	default:
		if r.err == nil {
			return fmt.Errorf("weights: unknown weight encoding")
		}
	}
	if r.err != nil {
		return fmt.Errorf("weights: %v", r.err)
	}
	if len(r.b) != 0 {
		return fmt.Errorf("weights: %d bytes after the weights", len(r.b))
	}
	*m = w
	return nil
}

func cmpErr(err error, otherwise string) string {
	if err != nil {
		return err.Error()
	}
	return otherwise
}

// reader consumes b; the first read past its end sets err, and later
// reads return zeros.
type reader struct {
	b   []byte
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n > len(r.b) {
		r.err = errShort
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) byte() byte {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) uint16() uint16 {
	if b := r.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *reader) uint32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.err = errShort
		return 0
	}
	r.b = r.b[k:]
	return v
}
