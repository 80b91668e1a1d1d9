package skip

import (
	"os"
	"testing"
)

// Skipped by default: no diagnostics expected.
func TestFiles(t *testing.T) {
	for _, p := range Paths() {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		os.ReadFile("testdata/golden.txt")
	}
}
