package profiles

import (
	"cmp"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestListHot prints what the profiles IOHOTPATH_LIST_PROFILES names
// (comma separated) say of the functions whose key starts with
// IOHOTPATH_LIST_PREFIX (all by default): each function with samples, its
// share and whether it is hot, heaviest first, and the waiting of each
// function a contention profile names, for docs/profiles.md's end-to-end
// case. Without IOHOTPATH_LIST_PROFILES it is skipped.
func TestListHot(t *testing.T) {
	files := os.Getenv("IOHOTPATH_LIST_PROFILES")
	if files == "" {
		t.Skip("set IOHOTPATH_LIST_PROFILES=FILE,... to list what the profiles say")
	}
	prefix := os.Getenv("IOHOTPATH_LIST_PREFIX")
	x, err := Read(strings.Split(files, ","))
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		key string
		f   *Func
	}
	var rows []row
	for _, m := range []map[string]*Func{x.funcs, x.lits} {
		for k, f := range m {
			if strings.HasPrefix(k, prefix) {
				rows = append(rows, row{k, f})
			}
		}
	}
	slices.SortFunc(rows, func(a, b row) int { return cmp.Or(cmp.Compare(b.f.Cum, a.f.Cum), cmp.Compare(a.key, b.key)) })
	for _, r := range rows {
		hot := "cold"
		if r.f.Hot {
			hot = "HOT "
		}
		t.Logf("%s %5.1f %% %s", hot, 100*r.f.Share, r.key)
	}
	var waits []string
	for k := range x.waits {
		if strings.HasPrefix(k, prefix) {
			waits = append(waits, k)
		}
	}
	slices.SortFunc(waits, func(a, b string) int { return cmp.Or(cmp.Compare(x.waits[b], x.waits[a]), cmp.Compare(a, b)) })
	for _, k := range waits {
		t.Logf("waited %s in %s", formatWait(x.Waited(k)), k)
	}
}
