package catalogue

import "testing"

func TestSet(t *testing.T) {
	s := SetOf(File, Sync, None)
	if !s.Has(File) || !s.Has(Sync) || s.Has(Network) || s.Has(None) {
		t.Errorf("SetOf(File, Sync, None) = %v", s)
	}
	if got := s.String(); got != "file,sync" {
		t.Errorf("String() = %q, want file,sync", got)
	}
	var off [NumCategories]bool
	off[File] = true
	if got := s.Without(off); got != SetOf(Sync) {
		t.Errorf("Without(file) = %v, want sync", got)
	}
	if got := s.With(Network).With(NumCategories); got != SetOf(File, Sync, Network) {
		t.Errorf("With = %v", got)
	}
	for c := File; c < NumCategories; c++ {
		want := c == Network || c == Database || c == Process || c == Sync
		if c.Unbounded() != want {
			t.Errorf("%v.Unbounded() = %v, want %v", c, c.Unbounded(), want)
		}
		if c.Waits() == "" {
			t.Errorf("%v.Waits() is empty", c)
		}
	}
}
