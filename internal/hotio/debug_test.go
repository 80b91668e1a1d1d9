package hotio

import "testing"

func TestSaysDebug(t *testing.T) {
	for name, want := range map[string]bool{
		"debug": true, "ShouldDebug": true, "X_DEBUG": true, "isVerbose": true, "trace-level": true,
		"parserATNSimulatorDFADebug": true, "DFADebug": true, "HTTPTrace": true, "dbg2": true,
		"debugger": false, "Debugf": false, "retrace": false, "ATN": false, "": false, "DEBUGGER": false,
		"tracer": false, "x": false,
	} {
		if got := saysDebug(name); got != want {
			t.Errorf("saysDebug(%q) = %v, want %v", name, got, want)
		}
	}
}
