package plugin

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/iohotpath/iohotpath/analyzer"
	"github.com/iohotpath/iohotpath/internal/config"
)

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("iohotpath")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatalf("no settings: %v", err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
}

func TestNewValid(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
	}{
		{"nil", nil},
		{"empty", map[string]any{}},
		// What golangci-lint passes: viper's map with lowercased keys,
		// lists as []any, bools as bool.
		{"all options", map[string]any{
			"funcs":         []any{"Handle$", `\.Serve$`},
			"blocking":      []any{"example.com/audit.(*Log).Write=log"},
			"nonblocking":   []any{"example.com/fastlog.Printf"},
			"disable":       []any{"stdout", "defer-in-loop"},
			"error-paths":   true,
			"include-tests": false,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.settings)
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			as, err := p.BuildAnalyzers()
			if err != nil {
				t.Fatalf("BuildAnalyzers: %v", err)
			}
			if len(as) != 1 || as[0].Name != "iohotpath" {
				t.Fatalf("BuildAnalyzers() = %v, want the one iohotpath analyzer", as)
			}
		})
	}
}

// TestDecode checks that golangci-lint's map form reaches every field of
// analyzer.Config.
func TestDecode(t *testing.T) {
	got, err := register.DecodeSettings[analyzer.Config](map[string]any{
		"funcs":         []any{"Handle$"},
		"hot":           []any{"http", "grpc"},
		"blocking":      []any{"example.com/audit.(*Log).Write=log"},
		"nonblocking":   []any{"example.com/fastlog.Printf"},
		"disable":       []any{"stdout"},
		"error-paths":   true,
		"include-tests": true,
		"show-offpath":  true,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := analyzer.Config{
		Funcs:        []string{"Handle$"},
		Hot:          []string{"http", "grpc"},
		Blocking:     []string{"example.com/audit.(*Log).Write=log"},
		NonBlocking:  []string{"example.com/fastlog.Printf"},
		Disable:      []string{"stdout"},
		ErrorPaths:   true,
		IncludeTests: true,
		ShowOffPath:  true,
	}
	if !equalConfig(got, want) {
		t.Errorf("decoded %+v, want %+v", got, want)
	}
	if keys := strings.Join(config.Keys(), ","); keys != "funcs,hot,blocking,nonblocking,disable,error-paths,include-tests,show-offpath,profiles,profile-only,contended-only" {
		t.Errorf("config.Keys() = %s", keys)
	}
}

func equalConfig(a, b analyzer.Config) bool {
	eq := func(x, y []string) bool { return strings.Join(x, "\x00") == strings.Join(y, "\x00") }
	return eq(a.Funcs, b.Funcs) && eq(a.Hot, b.Hot) && eq(a.Blocking, b.Blocking) && eq(a.NonBlocking, b.NonBlocking) &&
		eq(a.Disable, b.Disable) && a.ErrorPaths == b.ErrorPaths && a.IncludeTests == b.IncludeTests && a.ShowOffPath == b.ShowOffPath
}

func TestNewErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings map[string]any
		want     []string // substrings of the error
	}{
		{"unknown key", map[string]any{"funcz": []any{"x"}},
			[]string{`iohotpath: unknown key "funcz"`, "known keys: funcs, hot, blocking"}},
		// A map keyed by function name is what a dotted key becomes.
		{"split dotted key", map[string]any{"example": map[string]any{"com/p": "log"}},
			[]string{`iohotpath: unknown key "example"`}},
		{"bad regexp", map[string]any{"funcs": []any{"("}},
			[]string{"iohotpath: funcs: bad regular expression", `"("`}},
		{"string for list", map[string]any{"funcs": "Handle$"},
			[]string{"iohotpath: funcs: want a list of strings, got string"}},
		{"string for bool", map[string]any{"error-paths": "yes"},
			[]string{"iohotpath: error-paths: want true or false, got string"}},
		{"bad category", map[string]any{"disable": []any{"files"}},
			[]string{"iohotpath: disable:", `"files"`}},
		{"bad function name", map[string]any{"blocking": []any{"Write"}},
			[]string{"iohotpath: blocking:", `"Write"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.settings)
			if err == nil {
				t.Fatalf("New(%v) = %v, want an error", tc.settings, p)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}
