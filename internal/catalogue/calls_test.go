package catalogue

import "testing"

func TestIsOnce(t *testing.T) {
	for full, want := range map[string]bool{
		"(*sync.Once).Do":    true,
		"sync.OnceFunc":      true,
		"sync.OnceValue":     true,
		"sync.OnceValues":    true,
		"(*sync.Mutex).Lock": false,
		"sync.Do":            false,
	} {
		if got := IsOnce(full); got != want {
			t.Errorf("IsOnce(%q) = %v, want %v", full, got, want)
		}
	}
}

func TestLookupPathOpen(t *testing.T) {
	for full, want := range map[string]PathOpen{
		"os.Open":      {Handle: true, LoopFix: "open it once before the loop"},
		"os.Create":    {Handle: true, LoopFix: "open it once before the loop"},
		"os.ReadFile":  {LoopFix: "read it once before the loop"},
		"os.WriteFile": {LoopFix: "build the content in the loop and write it once after the loop"},
	} {
		if got, ok := LookupPathOpen(full); !ok || got != want {
			t.Errorf("LookupPathOpen(%q) = %+v, %v; want %+v, true", full, got, ok, want)
		}
	}
	for _, full := range []string{"os.Stat", "(*os.Root).Open", "io/ioutil.ReadFile"} {
		if got, ok := LookupPathOpen(full); ok {
			t.Errorf("LookupPathOpen(%q) = %+v, true; want a miss", full, got)
		}
	}
}
