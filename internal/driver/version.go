package driver

import (
	"fmt"
	"runtime/debug"
)

// Version is what -version prints: the module's version (a tag when
// installed with go install …@version, "(devel)" when built from a
// clone), the VCS revision and time when the build recorded them, and
// the Go version, all from the executable's build information.
func Version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "iohotpath (no build information)"
	}
	s := "iohotpath " + ModuleVersion()
	var rev, at, dirty string
	for _, b := range info.Settings {
		switch b.Key {
		case "vcs.revision":
			rev = b.Value
		case "vcs.time":
			at = b.Value
		case "vcs.modified":
			if b.Value == "true" {
				dirty = ", modified"
			}
		}
	}
	if rev != "" {
		s += fmt.Sprintf(" (revision %s, %s%s)", rev, at, dirty)
	}
	return s + " " + info.GoVersion
}

// ModuleVersion is the iohotpath module's version as the build recorded
// it: a tag such as v1.2.0, a pseudo-version, or "(devel)" for a build
// from a clone. It is what a SARIF log's semanticVersion can hold.
func ModuleVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" {
		return "(devel)"
	}
	return info.Main.Version
}
