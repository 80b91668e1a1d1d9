package output

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWrite: the exit code of each format, and failed analyses on stderr.
func TestWrite(t *testing.T) {
	root, tree := fixture(t, 0)
	clean := []byte("{}\n")
	for _, format := range Formats {
		for _, tc := range []struct {
			name   string
			tree   []byte
			failed bool
			want   int
		}{
			{"clean", clean, false, 0},
			{"clean, but a package failed to load", clean, true, 1},
			{"findings and a failed analysis", tree, false, 1},
		} {
			var stdout, stderr bytes.Buffer
			if got := Write(&stdout, &stderr, format, parse(t, tc.tree, tc.failed), Options{Root: root}); got != tc.want {
				t.Errorf("%s, %s: exit code %d, want %d", format, tc.name, got, tc.want)
			}
			if strings.Contains(stderr.String(), "example.com/broken") != (tc.name == "findings and a failed analysis") {
				t.Errorf("%s, %s: stderr %q", format, tc.name, &stderr)
			}
			// A run that could not load a package says so where CI reads it.
			broken := tc.want == 1
			switch format {
			case "sarif":
				if got := strings.Contains(stdout.String(), `"executionSuccessful": false`); got != broken {
					t.Errorf("sarif, %s: executionSuccessful false is %v, want %v:\n%s", tc.name, got, broken, &stdout)
				}
			case "github":
				if got := strings.Contains(stdout.String(), "::error "); got != broken {
					t.Errorf("github, %s: an ::error line is %v, want %v:\n%s", tc.name, got, broken, &stdout)
				}
			}
		}
	}
}

// TestWriteFindings: findings and nothing failed is exit code 3, whatever
// the format.
func TestWriteFindings(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "a.go")
	if err := os.WriteFile(file, []byte("package a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tree := []byte(`{"example.com/a": {"iohotpath": [{"category": "hot-io", "posn": "` + file + `:1:1", "end": "` + file + `:1:8", "message": "m"}]}}`)
	for _, format := range Formats {
		if got := Write(new(bytes.Buffer), new(bytes.Buffer), format, parse(t, tree, false), Options{Root: root}); got != 3 {
			t.Errorf("%s: exit code %d, want 3", format, got)
		}
	}
}
