package plugin

import (
	"reflect"
	"slices"
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
		// lists as []any, bools as bool; every option of the table.
		{"all options", allSettings()},
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

// allSettings is golangci-lint's map form of a configuration that sets
// every option of the options table (config.Options) to a value other
// than its default: a list option to its documented examples, a boolean
// to true. An option added to the table is in it without a change here.
func allSettings() map[string]any {
	settings := map[string]any{}
	for _, o := range config.Options {
		switch o.Kind {
		case config.Bool:
			settings[o.Key] = true
		case config.List:
			var items []any
			for _, e := range o.Example {
				items = append(items, e)
			}
			settings[o.Key] = items
		}
	}
	return settings
}

// TestDecode checks that golangci-lint's map form reaches every field of
// analyzer.Config: every option of the table, each to its own field.
func TestDecode(t *testing.T) {
	settings := allSettings()
	got, err := register.DecodeSettings[analyzer.Config](settings)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range config.Options {
		switch v := o.Value(&got).(type) {
		case *bool:
			if !*v {
				t.Errorf("%s: decoded false from %v", o.Key, settings[o.Key])
			}
		case *[]string:
			if len(o.Example) == 0 {
				t.Errorf("%s: the table gives no example value to set it to", o.Key)
			}
			if !slices.Equal(*v, o.Example) {
				t.Errorf("%s: decoded %q from %v", o.Key, *v, settings[o.Key])
			}
		}
	}
	// Every field of Config is an option of the table: a field the table
	// misses would be decoded by DecodeSettings but never validated.
	if n := reflect.TypeFor[analyzer.Config]().NumField(); n != len(config.Options) {
		t.Errorf("analyzer.Config has %d fields, the options table %d options", n, len(config.Options))
	}
	if keys := strings.Join(config.Keys(), ","); keys != "funcs,hot,blocking,nonblocking,disable,error-paths,include-tests,show-offpath,profiles,profile-only,contended-only" {
		t.Errorf("config.Keys() = %s", keys)
	}
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
