// Package plugin registers iohotpath as a golangci-lint v2 module plugin
// named "iohotpath".
//
// Build a golangci-lint that includes it with `golangci-lint custom` and a
// .custom-gcl.yml that lists github.com/iohotpath/iohotpath with the import
// path github.com/iohotpath/iohotpath/plugin, or with a wrapper main that
// blank-imports this package (see docs/integrations.md). Then enable it in
// .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable: [iohotpath]
//	  settings:
//	    custom:
//	      iohotpath:
//	        type: module
//	        description: blocking I/O on hot paths
//	        settings:
//	          funcs: ["Handle$"]
//
// The settings are the options of the iohotpath command (the keys of
// .iohotpath.yml: internal/config's options table) and are used exactly:
// no .iohotpath.yml file is looked up. Every option is a list or a bool,
// never a map keyed by function name, because golangci-lint lowercases
// setting keys and splits them at dots.
//
// A transitive finding reaches golangci-lint without its related
// information (see withoutRelated): golangci-lint would turn each hop of
// the call chain into an issue of its own, while the message already
// names the chain.
package plugin

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/iohotpath/iohotpath/analyzer"
	"github.com/iohotpath/iohotpath/internal/config"
)

func init() { register.Plugin("iohotpath", New) }

// New decodes golangci-lint's settings for iohotpath, which must hold only
// the known options, and validates them. Errors start with "iohotpath:" and
// name the offending key or value.
func New(settings any) (register.LinterPlugin, error) {
	cfg, err := register.DecodeSettings[analyzer.Config](settings)
	if err != nil {
		return nil, fmt.Errorf("iohotpath: %s", settingsError(err))
	}
	a, err := analyzer.New(cfg) // its errors already start with "iohotpath: "
	if err != nil {
		return nil, err
	}
	return &plugin{analyzer: withoutRelated(a), original: a}, nil
}

// withoutRelated returns a copy of a whose diagnostics carry no related
// information. golangci-lint reports each piece of related information as
// an issue of its own, "iohotpath(related information): X calls Y", on a
// line of a helper that is not hot, in a file that may not even be part of
// the run; a //nolint:iohotpath on the reported line does not silence
// those, and they count against max-same-issues. The message of a
// transitive finding already names the chain ("store.Save performs
// blocking file I/O (os.WriteFile via store.write) ..."), so one issue per
// finding loses nothing there; the command, go vet and SARIF's code flows
// keep the hops.
func withoutRelated(a *analysis.Analyzer) *analysis.Analyzer {
	wrapped := *a
	wrapped.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			pass.Report(d)
		}
		return a.Run(&p)
	}
	return &wrapped
}

// plugin is the register.LinterPlugin of one configuration.
type plugin struct {
	analyzer *analysis.Analyzer // what golangci-lint runs
	original *analysis.Analyzer // as configured, with related information
}

// BuildAnalyzers returns the iohotpath analyzer built from the settings.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{p.analyzer}, nil
}

// GetLoadMode asks for type information: the analyzer resolves callees by
// type and exports facts.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// settingsError rewords a decoding error from register.DecodeSettings in
// terms of setting keys: "unknown key "funcz" (known keys: ...)" or
// "funcs: want a list of strings, got string".
func settingsError(err error) string {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Field != "" {
		key, _, _ := strings.Cut(typeErr.Field, ".")
		return fmt.Sprintf("%s: want %s, got %s", key, config.ValueShape(key), typeErr.Value)
	}
	msg := err.Error()
	if _, field, ok := strings.Cut(msg, "json: unknown field "); ok {
		return fmt.Sprintf("unknown key %s (known keys: %s)", field, strings.Join(config.Keys(), ", "))
	}
	return msg
}
