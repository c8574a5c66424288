package evalset

import "math/rand/v2"

// Sample keeps a uniform random sample of at most n of the items offered to it (reservoir sampling), the
// same for the same seed, so a corpus survey prints a reproducible sample to check by hand.
type Sample[T any] struct {
	Items []T
	n     int
	seen  int
	rng   *rand.Rand
}

// NewSample returns an empty sample of at most n items.
func NewSample[T any](n int, seed uint64) *Sample[T] {
	return &Sample[T]{n: n, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// Offer offers one more item; build makes it only when the sample keeps it.
func (s *Sample[T]) Offer(build func() T) {
	s.seen++
	if len(s.Items) < s.n {
		s.Items = append(s.Items, build())
	} else if k := s.rng.IntN(s.seen); k < s.n {
		s.Items[k] = build()
	}
}
