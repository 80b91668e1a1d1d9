package driver

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// TestProgress: the steps of a -program run are printed, with the time
// since the start, only on a terminal; a file or a buffer (logs, CI,
// tests) sees none.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	progress(&buf, time.Now())("SSA built")
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	progress(f, time.Now())("SSA built")
	if b, _ := os.ReadFile(f.Name()); buf.Len() > 0 || len(b) > 0 {
		t.Errorf("progress printed %q and %q off a terminal", buf.String(), b)
	}
	steps(&buf, time.Now())("SSA built")
	if re := regexp.MustCompile(`^iohotpath: -program: SSA built \(\d+\.\ds\)\n$`); !re.MatchString(buf.String()) {
		t.Errorf("on a terminal: %q, want %s", buf.String(), re)
	}
}
