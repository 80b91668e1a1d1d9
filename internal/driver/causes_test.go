package driver

import (
	"strings"
	"testing"
)

// TestPrintCauses: a text report ends with the helper three findings
// reach their I/O through.
func TestPrintCauses(t *testing.T) {
	var diags []diagnostic
	for _, f := range []string{"a", "b", "c"} {
		diags = append(diags, diagnostic{Category: "hot-io", Posn: "/x/" + f + ".go:1:1", End: "/x/" + f + ".go:1:2",
			Message: "errs.Bugf performs blocking file I/O",
			Related: []related{{Posn: "/x/errs/errs.go:9:2", End: "/x/errs/errs.go:9:3", Message: "errs.Bugf calls os.ReadFile"}}})
	}
	tr := tree{}
	tr.add("x", "iohotpath", diags, "")
	var out strings.Builder
	printCauses(tr, &out)
	if want := "iohotpath: 3 findings reach blocking I/O through errs.Bugf (/x/errs/errs.go:9:2); review it once"; !strings.HasPrefix(out.String(), want) {
		t.Errorf("printCauses printed %q, want it to start with %q", out.String(), want)
	}
	out.Reset()
	tr = tree{}
	tr.add("x", "iohotpath", diags[:2], "")
	if printCauses(tr, &out); out.Len() != 0 {
		t.Errorf("two findings printed %q, want nothing", out.String())
	}
}
