package plugin

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// customGCL is what `golangci-lint custom` reads of a .custom-gcl.yml.
type customGCL struct {
	Version     string `yaml:"version"`
	Name        string `yaml:"name"`
	Destination string `yaml:"destination"`
	Plugins     []struct {
		Module  string `yaml:"module"`
		Import  string `yaml:"import"`
		Version string `yaml:"version"`
		Path    string `yaml:"path"`
	} `yaml:"plugins"`
}

// TestCustomGCL: docs/custom-gcl.yml builds what it says. Its iohotpath
// plugin gives exactly one of `version` and `path` (golangci-lint custom
// rejects both or neither), a `version` is a release tag of this
// repository (the module proxy serves nothing else; none is published
// yet, so the file uses `path`), and `import` names the plugin package,
// which is not the module root. docs/integrations.md shows the same file.
func TestCustomGCL(t *testing.T) {
	root := filepath.Join("..")
	data, err := os.ReadFile(filepath.Join(root, "docs", "custom-gcl.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var file customGCL
	if err := yaml.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^v2\.\d+\.\d+$`).MatchString(file.Version) {
		t.Errorf("docs/custom-gcl.yml: version %q, want a golangci-lint v2 release", file.Version)
	}
	if len(file.Plugins) != 1 {
		t.Fatalf("docs/custom-gcl.yml: %d plugins, want the one of iohotpath", len(file.Plugins))
	}
	p := file.Plugins[0]
	if p.Module != "github.com/iohotpath/iohotpath" || p.Import != "github.com/iohotpath/iohotpath/plugin" {
		t.Errorf("docs/custom-gcl.yml: module %q, import %q; want github.com/iohotpath/iohotpath and its plugin package", p.Module, p.Import)
	}
	switch {
	case (p.Version == "") == (p.Path == ""):
		t.Errorf("docs/custom-gcl.yml: version %q, path %q: golangci-lint custom wants exactly one", p.Version, p.Path)
	case p.Version != "":
		out, err := exec.Command("git", "-C", root, "tag", "--list", p.Version).Output()
		if err != nil || strings.TrimSpace(string(out)) != p.Version {
			t.Errorf("docs/custom-gcl.yml: plugin version %s is not a tag of this repository (git tag: %q, %v): the module proxy cannot serve it; use `path:` until it is released", p.Version, out, err)
		}
	}

	// docs/integrations.md shows the file without its comments.
	doc, err := os.ReadFile(filepath.Join(root, "docs", "integrations.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(doc), "### With `golangci-lint custom`\n")
	_, block, ok := strings.Cut(section, "```yaml\n")
	block, _, ok2 := strings.Cut(block, "```\n")
	if !ok || !ok2 {
		t.Fatal("docs/integrations.md: no yaml block under \"With `golangci-lint custom`\"")
	}
	var shown customGCL
	if err := yaml.Unmarshal([]byte(block), &shown); err != nil {
		t.Fatalf("docs/integrations.md's .custom-gcl.yml: %v", err)
	}
	if a, b := mustMarshal(t, shown), mustMarshal(t, file); a != b {
		t.Errorf("docs/integrations.md shows\n%s\nwhile docs/custom-gcl.yml holds\n%s", a, b)
	}
}

func mustMarshal(t *testing.T, v any) string {
	data, err := yaml.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestChainLines: the plugin drops a finding's related information
// (withoutRelated), so golangci-lint shows a call chain in the message
// only, never as issues of their own; no golangci-lint document says
// otherwise, and both keep uniq-by-line off for the findings that share a
// line.
func TestChainLines(t *testing.T) {
	claim := regexp.MustCompile(`(?is)(chain|related information|hop)[^.]*\b(as|into) (a|an) (second|separate|other|own)? ?issue`)
	for _, name := range []string{".golangci.example.yml", "docs/integrations.md", "docs/custom-gcl.yml"} {
		data, err := os.ReadFile(filepath.Join("..", name))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if name == "docs/integrations.md" { // it explains what the plugin prevents
			text = strings.ReplaceAll(text, "golangci-lint\n  turns each piece of a diagnostic's related information into an issue of\n  its own", "")
		}
		if m := claim.FindString(text); m != "" {
			t.Errorf("%s says golangci-lint shows a call chain as issues: %q; the plugin drops related information (withoutRelated)", name, m)
		}
		if name != "docs/custom-gcl.yml" && !strings.Contains(text, "uniq-by-line: false") {
			t.Errorf("%s: want uniq-by-line: false, so that findings on one line all show", name)
		}
	}
}
