// Command golangci-lint is golangci-lint v2 with the iohotpath module plugin
// compiled in. It is what `golangci-lint custom` generates, written by hand
// so that it builds offline from the module cache:
//
//	cd testdata/gcl && go build -o /tmp/golangci-lint .
//
// plugin/integration_test.go builds and runs it.
package main

import (
	"cmp"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/iohotpath/iohotpath/plugin" // registers the "iohotpath" module plugin
)

func main() {
	if err := commands.Execute(buildInfo()); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

// buildInfo describes this binary for `golangci-lint version`: the version
// is golangci-lint's, since the main module here is only a wrapper.
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{Version: "unknown", Commit: "?", Date: "(unknown)", GoVersion: "unknown"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	info.GoVersion = bi.GoVersion
	for _, dep := range bi.Deps {
		if dep.Path == "github.com/golangci/golangci-lint/v2" {
			info.Version = strings.TrimPrefix(dep.Version, "v")
		}
	}
	info.Commit = "iohotpath plugin wrapper " + cmp.Or(bi.Main.Version, "(devel)")
	return info
}
