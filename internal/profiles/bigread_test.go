package profiles

import (
	"os"
	"testing"
)

// BenchmarkReadBig: Read of the profile IOHOTPATH_BIG_PROFILE names (the
// 11 MB one TestWriteBigProfile writes); skipped without it.
func BenchmarkReadBig(b *testing.B) {
	file := os.Getenv("IOHOTPATH_BIG_PROFILE")
	if file == "" {
		b.Skip("set IOHOTPATH_BIG_PROFILE=FILE")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read([]string{file}); err != nil {
			b.Fatal(err)
		}
	}
}
