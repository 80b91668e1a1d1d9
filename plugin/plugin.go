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
// The settings are the options of the iohotpath command (funcs, blocking,
// nonblocking, disable, error-paths, include-tests) and are used exactly:
// no .iohotpath.yml file is looked up. Every option is a list or a bool,
// never a map keyed by function name, because golangci-lint lowercases
// setting keys and splits them at dots.
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
	return &plugin{analyzer: a}, nil
}

// plugin is the register.LinterPlugin of one configuration.
type plugin struct{ analyzer *analysis.Analyzer }

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
