package include

import (
	"os"
	"testing"
)

// Checked with include-tests.
func TestFiles(t *testing.T) {
	for _, p := range Paths() {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()                    // want `defer f\.Close\(\) in a loop keeps every file open until TestFiles returns`
		os.ReadFile("testdata/golden.txt") // want `os\.ReadFile opens the same file on every iteration of the loop in TestFiles`
	}
}
