package driver

import (
	"strings"
	"testing"

	"github.com/iohotpath/iohotpath/internal/output"
)

// TestPrintCauses: a text report ends with the helper three findings
// reach their I/O through.
func TestPrintCauses(t *testing.T) {
	var diags []output.Diagnostic
	for _, f := range []string{"a", "b", "c"} {
		diags = append(diags, output.Diagnostic{Category: "hot-io",
			Pos: output.Position{File: "/x/" + f + ".go", Line: 1, Column: 1}, End: output.Position{File: "/x/" + f + ".go", Line: 1, Column: 2},
			Message: "errs.Bugf performs blocking file I/O",
			Related: []output.Related{{
				Pos: output.Position{File: "/x/errs/errs.go", Line: 9, Column: 2}, End: output.Position{File: "/x/errs/errs.go", Line: 9, Column: 3},
				Message: "errs.Bugf calls os.ReadFile"}}})
	}
	tr := tree{}
	tr.add("x", "iohotpath", diags, "")
	var out strings.Builder
	printCauses((&result{tree: tr}).report(), &out)
	if want := "iohotpath: 3 findings reach blocking I/O through errs.Bugf (/x/errs/errs.go:9:2); review it once"; !strings.HasPrefix(out.String(), want) {
		t.Errorf("printCauses printed %q, want it to start with %q", out.String(), want)
	}
	out.Reset()
	tr = tree{}
	tr.add("x", "iohotpath", diags[:2], "")
	if printCauses((&result{tree: tr}).report(), &out); out.Len() != 0 {
		t.Errorf("two findings printed %q, want nothing", out.String())
	}
}
