package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The option docs of README.md and .golangci.example.yml are rendered here
// from Options; a test fails when the files hold something else.

// FlagTable renders README.md's table of flags, in Markdown.
func FlagTable() string {
	var b strings.Builder
	b.WriteString("| flag | meaning |\n|---|---|\n")
	for _, o := range slices.Concat(Options, []Option{configFlag}) {
		flag := "-" + o.FlagName()
		if o.Arg != "" {
			flag += " " + o.Arg
		}
		fmt.Fprintf(&b, "| `%s` | %s |\n", flag, o.Doc)
	}
	return b.String()
}

// ExampleFile renders a complete .iohotpath.yml that sets every option to
// its example values, with a short comment on each.
func ExampleFile() string {
	var b strings.Builder
	b.WriteString("# " + FileName + "\n")
	for _, o := range Options {
		head := o.Key + ":"
		if o.Kind == Bool {
			head += " " + o.Example[0]
		}
		fmt.Fprintf(&b, "%-28s# %s\n", head, o.Short)
		if o.Kind == List {
			for _, item := range o.Example {
				b.WriteString("  - " + yamlString(item) + "\n")
			}
		}
	}
	return b.String()
}

// GolangciSettings renders the settings of iohotpath in a .golangci.yml,
// each line indented by indent: every option, with its doc and default as
// comments, set to its example values.
func GolangciSettings(indent string) string {
	var b strings.Builder
	for i, o := range Options {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, line := range wrap(plain(o.Doc), 78-len(indent)-2) {
			b.WriteString(indent + "# " + line + "\n")
		}
		def := "[]"
		if o.Kind == Bool {
			def = "false"
		}
		b.WriteString(strings.TrimRight(indent+"# Default: "+def+" "+o.DefaultNote, " ") + "\n")
		if o.Kind == Bool {
			b.WriteString(indent + o.Key + ": " + o.Example[0] + "\n")
			continue
		}
		b.WriteString(indent + o.Key + ":\n")
		for _, item := range o.Example {
			b.WriteString(indent + "  - " + yamlString(item) + "\n")
		}
	}
	return b.String()
}

var codeSpan = regexp.MustCompile("`([^`]*)`")

// plain turns Markdown prose into a sentence for a YAML comment: code
// spans lose their backquotes, and are quoted when they hold a space.
func plain(md string) string {
	s := codeSpan.ReplaceAllStringFunc(md, func(span string) string {
		code := span[1 : len(span)-1]
		if strings.Contains(code, " ") {
			return `"` + code + `"`
		}
		return code
	})
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:] + "."
}

// wrap splits s into lines of at most width characters, at spaces.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}

var plainScalar = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_./()*=-]*$`)

// yamlString writes s as a YAML string: plain when it cannot be read as
// anything else, else single-quoted.
func yamlString(s string) string {
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "y", "n":
	default:
		if plainScalar.MatchString(s) {
			return s
		}
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
