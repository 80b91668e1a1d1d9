package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// FileName is the file looked up from each package's directory up to its
// module root.
const FileName = ".iohotpath.yml"

// Parse reads a .iohotpath.yml document. name is used in errors. Unknown
// or duplicated keys, a second document, values and list items of the
// wrong type and invalid entries are errors that name the file, the line
// and the key; all of them are reported at once.
func Parse(name string, data []byte) (Config, error) {
	f, err := parse(name, data)
	if err != nil {
		return Config{}, err
	}
	return f.cfg, nil
}

// fileConfig is one parsed and validated configuration file.
type fileConfig struct {
	cfg   Config
	set   map[string]bool // the keys the file gives a value (not null)
	lines map[string]int  // "funcs[2]" -> the line of that item
}

// parse decodes data by hand, node by node, to know the line of every key
// and list item and to refuse what a decoder into Config would accept
// silently (a duplicated key, numbers for strings), and validates it.
func parse(name string, data []byte) (*fileConfig, error) {
	f := &fileConfig{set: map[string]bool{}}
	root, errs := document(name, data)
	switch {
	case len(errs) > 0 && root == nil:
		return nil, join(errs) // not YAML, or a second document after an empty one
	case root == nil:
		return f, nil // empty, or only comments: the defaults
	}
	if root.Kind != yaml.MappingNode {
		return nil, &Error{File: name, Line: root.Line, Msg: "want a mapping of option names to values"}
	}
	lines := map[string]int{} // "funcs[2]" -> line, for compile's errors and Entries
	f.lines = lines
	first := map[string]int{} // key -> line of its first occurrence
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		o, ok := lookup(k.Value)
		switch at, dup := first[k.Value]; {
		case !ok:
			errs = append(errs, &Error{File: name, Line: k.Line, Key: k.Value,
				Msg: fmt.Sprintf("unknown key (known keys: %s)", strings.Join(Keys(), ", "))})
		case dup:
			errs = append(errs, &Error{File: name, Line: k.Line, Key: k.Value,
				Msg: fmt.Sprintf("duplicate key (first at line %d): give each option once", at)})
		default:
			first[k.Value] = k.Line
			errs = append(errs, f.decode(name, o, v, lines)...)
		}
	}
	if _, cerrs := f.cfg.compile(name, lines); len(cerrs) > 0 {
		errs = append(errs, cerrs...)
	}
	if len(errs) > 0 {
		return nil, join(errs)
	}
	return f, nil
}

// document returns the content of the one YAML document in data, nil when
// there is none (an empty file, only comments), and the problems found: not
// YAML, or a second document, whose options would otherwise be ignored.
func document(name string, data []byte) (*yaml.Node, []*Error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, []*Error{notYAML(name, err)}
	}
	var errs []*Error
	for {
		var next yaml.Node
		err := dec.Decode(&next)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, []*Error{notYAML(name, err)}
		}
		if !isNull(content(&next)) && len(errs) == 0 { // a trailing "---" alone loses nothing
			errs = append(errs, &Error{File: name, Line: next.Line,
				Msg: "a second YAML document: put every option in one document"})
		}
	}
	root := content(&doc)
	if isNull(root) {
		return nil, errs
	}
	return root, errs
}

func notYAML(name string, err error) *Error {
	return &Error{File: name, Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
}

// content is the node a document node holds.
func content(doc *yaml.Node) *yaml.Node {
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		return doc.Content[0]
	}
	return doc
}

// decode records v, the value of option o, in f; a null value ("funcs:"
// with nothing after it) leaves the option unset.
func (f *fileConfig) decode(name string, o *Option, v *yaml.Node, lines map[string]int) []*Error {
	at := v.Line
	v = deref(v)
	if isNull(v) {
		return nil
	}
	bad := func(line int, msg string) []*Error {
		return []*Error{{File: name, Line: line, Key: o.Key, Msg: msg}}
	}
	if o.Kind == Bool {
		if v.Kind != yaml.ScalarNode || v.Decode(o.flag(&f.cfg)) != nil {
			return bad(at, "want true or false, got "+describe(v))
		}
		f.set[o.Key] = true
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		return bad(at, "want a list of strings, got "+describe(v))
	}
	var errs []*Error
	list := o.list(&f.cfg)
	for j, item := range v.Content {
		line := item.Line
		if item = deref(item); item.Kind != yaml.ScalarNode || item.ShortTag() != "!!str" {
			errs = append(errs, bad(line, fmt.Sprintf("item %d is %s, want a string%s", j+1, describe(item), quoteHint(item)))...)
			continue
		}
		lines[fmt.Sprintf("%s[%d]", o.Key, len(*list))] = line
		value := item.Value
		if o.paths && value != ProfilesOff && !filepath.IsAbs(value) {
			value = filepath.Join(filepath.Dir(name), value) // relative to the file, not to each package's directory
		}
		*list = append(*list, value)
	}
	f.set[o.Key] = true
	return errs
}

// deref is the node an alias (*name) stands for.
func deref(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names what n is, for "got ..." in messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.ShortTag() {
	case "!!str":
		return "a string"
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "a boolean"
	case "!!null":
		return "empty"
	case "!!timestamp":
		return "a date"
	}
	return "a value tagged " + n.Tag
}

// quoteHint says how to write item as the string it was probably meant
// to be.
func quoteHint(item *yaml.Node) string {
	switch {
	case item.Kind == yaml.MappingNode:
		return ` (an item holding ": " is read as a mapping: quote it)`
	case item.Kind == yaml.ScalarNode && !isNull(item):
		return " (quote it: " + strconv.Quote(item.Value) + ")"
	}
	return ""
}

// loadFile reads and validates one configuration file.
func loadFile(path string) (*fileConfig, error) {
	if why := unreadable(path); why != "" {
		return nil, &Error{File: path, Msg: "cannot read configuration: " + why}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot read configuration: " + pathless(err)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	switch {
	case err != nil:
		return nil, &Error{File: path, Msg: "cannot read configuration: " + pathless(err)}
	case len(data) > MaxFileSize:
		return nil, &Error{File: path, Msg: fmt.Sprintf("configuration larger than %d KiB: a file that size is not a configuration (list patterns, not every function)", MaxFileSize>>10)}
	}
	return parse(path, data)
}

// MaxFileSize bounds a configuration file: parsing and compiling one is
// then a matter of milliseconds, where a 50 MB file of generated names
// took minutes and gigabytes.
const MaxFileSize = 1 << 20

// unreadable says why path cannot be a configuration file, or "". It looks
// at the file before it is opened: reading a named pipe would wait for a
// writer forever, and a dangling link is not "no file".
func unreadable(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		if target, lerr := os.Readlink(path); lerr == nil && errors.Is(err, fs.ErrNotExist) {
			return fmt.Sprintf("dangling symbolic link to %q", target)
		}
		return pathless(err)
	}
	if mode := fi.Mode(); !mode.IsRegular() {
		return "not a regular file (" + modeName(mode) + ")"
	}
	return ""
}

// modeName names the type of a file that is not a regular one.
func modeName(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "a directory"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + mode.String()
}

// pathless is err without the path an *fs.PathError repeats: the path is
// already the Error's File.
func pathless(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
