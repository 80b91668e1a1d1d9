package hotio

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestOffPathRulesListed fails for an off-path rule that is not listed,
// has no entry in docs/rules/hot-io.md, or no case in
// testdata/src/offpath/why that shows it.
func TestOffPathRulesListed(t *testing.T) {
	var ids []string
	for _, r := range exitRules {
		ids = append(ids, r.id)
	}
	for b := plain; b <= never; b++ {
		if id := b.rule(); id != "" {
			ids = append(ids, id)
		}
	}
	for _, id := range ids {
		if !slices.Contains(OffPathRules, id) {
			t.Errorf("rule %s is not in OffPathRules", id)
		}
	}
	doc := read(t, "../../docs/rules/hot-io.md")
	why := read(t, "../../testdata/src/offpath/why/why.go")
	seen := map[string]bool{}
	for _, id := range OffPathRules {
		if seen[id] {
			t.Errorf("rule %s is listed twice", id)
		}
		seen[id] = true
		if !strings.Contains(doc, "<a id=\"off-"+id+"\"></a>") {
			t.Errorf("docs/rules/hot-io.md has no entry <a id=\"off-%s\"></a>", id)
		}
		if !strings.Contains(why, "left out by "+id+":") {
			t.Errorf("testdata/src/offpath/why shows no call left out by %s", id)
		}
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.FromSlash(path))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
