package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// FileName is the file looked up from each package's directory up to its
// module root.
const FileName = ".iohotpath.yml"

// Parse reads a .iohotpath.yml document. name is used in errors. Unknown
// keys, values of the wrong type and invalid entries are errors that name
// the file, the line and the key.
func Parse(name string, data []byte) (Config, error) {
	var c Config
	_, err := parse(name, data, &c)
	return c, err
}

// parse decodes data into c by hand, node by node, to know the line of
// every key and list item, and compiles it.
func parse(name string, data []byte, c *Config) (*Settings, error) {
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return c.compile(name, nil) // an empty file is the default configuration
		}
		return nil, &Error{File: name, Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
			return c.compile(name, nil) // only comments
		}
		return nil, &Error{File: name, Line: root.Line, Msg: "want a mapping of option names to values"}
	}
	lines := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		lines[k.Value] = k.Line
		o, ok := lookup(k.Value)
		if !ok {
			return nil, &Error{File: name, Line: k.Line, Key: k.Value,
				Msg: fmt.Sprintf("unknown key (known keys: %s)", strings.Join(Keys(), ", "))}
		}
		if err := v.Decode(o.Value(c)); err != nil {
			return nil, &Error{File: name, Line: v.Line, Key: k.Value, Msg: "want " + o.Kind.Shape()}
		}
		if v.Kind == yaml.SequenceNode {
			for j, item := range v.Content {
				lines[fmt.Sprintf("%s[%d]", k.Value, j)] = item.Line
			}
		}
	}
	return c.compile(name, lines)
}

// loadFile reads and validates one configuration file.
func loadFile(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is already the Error's File
		}
		return Config{}, &Error{File: path, Msg: "cannot read configuration: " + err.Error()}
	}
	return Parse(path, data)
}
