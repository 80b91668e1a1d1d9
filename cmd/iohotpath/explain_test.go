package main_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/iohotpath/iohotpath/internal/rules"
)

// TestExplain: -explain RULE prints docs/rules/RULE.md as it is in the
// repository, for every rule, and exits 0 without loading packages; an
// unknown rule is a usage error (exit code 1) naming the known ones.
func TestExplain(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir() // no module: -explain needs none
	for _, r := range rules.All {
		want, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules", r.ID+".md"))
		if err != nil {
			t.Fatal(err)
		}
		stdout, stderr, code := runEnv(t, dir, nil, bin, "-explain="+r.ID)
		if code != 0 || stdout != string(want) || stderr != "" {
			t.Errorf("-explain=%s: exit code %d, stderr %q, stdout %.60q; want 0 and docs/rules/%s.md", r.ID, code, stderr, stdout, r.ID)
		}
	}
	stdout, stderr, code := runEnv(t, dir, nil, bin, "-explain", "nosuch")
	const want = "iohotpath: invalid flag: -explain=nosuch: unknown rule (known rules: hot-io, io-under-lock, defer-in-loop, reopen-in-loop, directive)\n"
	if code != 1 || stdout != "" || stderr != want {
		t.Errorf("-explain nosuch: exit code %d, stdout %q, stderr %q; want 1 and %q", code, stdout, stderr, want)
	}
}
