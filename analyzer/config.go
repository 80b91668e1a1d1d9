package analyzer

import (
	"bytes"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Config is the one shape of iohotpath's options. Flags, a .iohotpath.yml
// file and golangci-lint settings all fill it; the key of each field is the
// flag name. The zero value is the default configuration.
type Config struct {
	// Funcs are regular expressions; a function whose full name
	// (example.com/p.(*T).M, example.com/p.F) or short name (T.M, F)
	// matches one is hot.
	Funcs []string `json:"funcs" yaml:"funcs"`
	// Blocking names extra blocking functions, each optionally followed by
	// "=category" (default file): "example.com/audit.(*Log).Write=log".
	Blocking []string `json:"blocking" yaml:"blocking"`
	// NonBlocking names functions trusted not to block, built-in ones
	// included.
	NonBlocking []string `json:"nonblocking" yaml:"nonblocking"`
	// Disable turns off categories (file, sync, stat, log, stdout, encode,
	// network, database, process) and the loop-hygiene rules
	// (defer-in-loop, reopen-in-loop).
	Disable []string `json:"disable" yaml:"disable"`
	// ErrorPaths reports blocking I/O in error-exit blocks too.
	ErrorPaths bool `json:"error-paths" yaml:"error-paths"`
	// IncludeTests runs the loop-hygiene rules on _test.go files too.
	IncludeTests bool `json:"include-tests" yaml:"include-tests"`
}

// Rule ids, carried in Diagnostic.Category. Each has a page in docs/rules.
const (
	RuleHotIO        = "hot-io"
	RuleDeferInLoop  = "defer-in-loop"
	RuleReopenInLoop = "reopen-in-loop"
	RuleDirective    = "directive"
)

// ConfigFileName is the file looked up from each package's directory up to
// its module root.
const ConfigFileName = ".iohotpath.yml"

// settings is a validated, compiled Config.
type settings struct {
	hot         []*regexp.Regexp
	blocking    map[string]Category // userKey -> category
	nonblocking map[string]bool     // userKey
	disabled    [numCategories]bool
	noDefer     bool
	noReopen    bool
	errorPaths  bool
	tests       bool
}

// configError is a problem with one option, located in a file when it came
// from one.
type configError struct {
	file string
	line int
	key  string
	msg  string
}

func (e *configError) Error() string {
	var b strings.Builder
	if e.file != "" {
		b.WriteString(e.file)
		if e.line > 0 {
			fmt.Fprintf(&b, ":%d", e.line)
		}
		b.WriteString(": ")
	}
	if e.key != "" {
		b.WriteString(e.key + ": ")
	}
	b.WriteString(e.msg)
	return b.String()
}

// IsConfigError reports whether err, returned by the analyzer's Run, comes
// from an invalid option or configuration file: every package of the run
// would fail with it, so a driver may stop at the first.
func IsConfigError(err error) bool {
	var ce *configError
	return errors.As(err, &ce)
}

// compile validates c. lines, when not nil, gives the line of each list item
// ("funcs[2]") and key, for error messages.
func (c *Config) compile(file string, lines map[string]int) (*settings, error) {
	s := &settings{blocking: map[string]Category{}, nonblocking: map[string]bool{},
		errorPaths: c.ErrorPaths, tests: c.IncludeTests}
	var errs []error
	fail := func(key string, i int, format string, args ...any) {
		item := key
		if i >= 0 {
			item = fmt.Sprintf("%s[%d]", key, i)
		}
		errs = append(errs, &configError{file: file, line: lines[item], key: key, msg: fmt.Sprintf(format, args...)})
	}
	for i, p := range c.Funcs {
		re, err := regexp.Compile(p)
		if err != nil {
			fail("funcs", i, "bad regular expression %q: %v", p, unwrapRegexpError(err))
			continue
		}
		s.hot = append(s.hot, re)
	}
	for i, b := range c.Blocking {
		name, catName, hasCat := strings.Cut(b, "=")
		cat := CatFile
		if hasCat {
			var ok bool
			if cat, ok = parseCategory(strings.TrimSpace(catName)); !ok {
				fail("blocking", i, "unknown category %q in %q (want one of %s)", catName, b, strings.Join(CategoryNames(), ", "))
				continue
			}
		}
		key, err := parseFuncName(strings.TrimSpace(name))
		if err != nil {
			fail("blocking", i, "%v", err)
			continue
		}
		s.blocking[key] = cat
	}
	for i, n := range c.NonBlocking {
		key, err := parseFuncName(strings.TrimSpace(n))
		if err != nil {
			fail("nonblocking", i, "%v", err)
			continue
		}
		s.nonblocking[key] = true
	}
	for i, d := range c.Disable {
		d = strings.TrimSpace(d)
		switch d {
		case RuleDeferInLoop:
			s.noDefer = true
		case RuleReopenInLoop:
			s.noReopen = true
		default:
			cat, ok := parseCategory(d)
			if !ok {
				fail("disable", i, "unknown category or rule %q (want one of %s, %s, %s)", d,
					strings.Join(CategoryNames(), ", "), RuleDeferInLoop, RuleReopenInLoop)
				continue
			}
			s.disabled[cat] = true
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return s, nil
}

func unwrapRegexpError(err error) string {
	return strings.TrimPrefix(err.Error(), "error parsing regexp: ")
}

// parseFuncName checks a function name written by a user and returns its
// userKey. Accepted: example.com/p.F, example.com/p.T.M,
// example.com/p.(*T).M, (example.com/p.T).M and (*example.com/p.T).M.
func parseFuncName(name string) (string, error) {
	bad := func(why string) (string, error) {
		return "", fmt.Errorf("malformed function name %q: %s (want example.com/pkg.Func or example.com/pkg.(*Type).Method)", name, why)
	}
	if name == "" {
		return bad("empty")
	}
	var pkg, recv, fn string
	switch {
	case strings.HasPrefix(name, "("):
		inner, method, ok := strings.Cut(name[1:], ").")
		if !ok {
			return bad("no closing parenthesis before the method")
		}
		inner = strings.TrimPrefix(inner, "*")
		dot := strings.LastIndex(inner, ".")
		if dot <= strings.LastIndex(inner, "/") {
			return bad("receiver has no package")
		}
		pkg, recv, fn = inner[:dot], inner[dot+1:], method
	case strings.Contains(name, ".(*"):
		i := strings.Index(name, ".(*")
		rest, method, ok := strings.Cut(name[i+3:], ").")
		if !ok {
			return bad("no closing parenthesis before the method")
		}
		pkg, recv, fn = name[:i], rest, method
	default:
		slash := strings.LastIndex(name, "/")
		parts := strings.Split(name[slash+1:], ".")
		switch len(parts) {
		case 2:
			pkg, fn = name[:slash+1]+parts[0], parts[1]
		case 3:
			pkg, recv, fn = name[:slash+1]+parts[0], parts[1], parts[2]
		default:
			return bad("want a package path, a dot and a name")
		}
	}
	if pkg == "" || strings.ContainsAny(pkg, " ()*") {
		return bad("bad package path")
	}
	if strings.Count(name, ".") > 0 && (strings.Contains(name, "..") || strings.HasSuffix(name, ".")) {
		return bad("empty name between dots")
	}
	if recv != "" && !token.IsIdentifier(recv) {
		return bad("bad type name " + recv)
	}
	if !token.IsIdentifier(fn) {
		return bad("bad function name " + fn)
	}
	if recv != "" {
		return pkg + "." + recv + "." + fn, nil
	}
	return pkg + "." + fn, nil
}

// ConfigKeys returns the option names, the keys of .iohotpath.yml and of
// golangci-lint's settings, in declaration order: Config's field tags.
func ConfigKeys() []string {
	var keys []string
	for f := range reflect.TypeFor[Config]().Fields() {
		keys = append(keys, f.Tag.Get("yaml"))
	}
	return keys
}

// configField returns the field of c whose key is key, and what its
// values look like in words.
func configField(c *Config, key string) (ptr any, want string, ok bool) {
	v := reflect.ValueOf(c).Elem()
	for i, f := range reflect.VisibleFields(v.Type()) {
		if f.Tag.Get("yaml") != key {
			continue
		}
		want = "a list of strings"
		if f.Type.Kind() == reflect.Bool {
			want = "true or false"
		}
		return v.Field(i).Addr().Interface(), want, true
	}
	return nil, "", false
}

// ValueShape says what the values of option key look like ("a list of
// strings", "true or false"), for error messages.
func ValueShape(key string) string {
	_, want, _ := configField(new(Config), key)
	return want
}

// ParseConfig reads a .iohotpath.yml document. name is used in errors.
// Unknown keys, values of the wrong type and invalid entries are errors that
// name the file, the line and the key.
func ParseConfig(name string, data []byte) (Config, error) {
	var c Config
	_, err := parseConfig(name, data, &c)
	return c, err
}

func parseConfig(name string, data []byte, c *Config) (*settings, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return c.compile(name, nil) // an empty file is the default configuration
		}
		return nil, &configError{file: name, msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
			return c.compile(name, nil)
		}
		return nil, &configError{file: name, line: root.Line, msg: "want a mapping of option names to values"}
	}
	lines := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		lines[k.Value] = k.Line
		dst, want, ok := configField(c, k.Value)
		if !ok {
			return nil, &configError{file: name, line: k.Line, key: k.Value,
				msg: fmt.Sprintf("unknown key (known keys: %s)", strings.Join(ConfigKeys(), ", "))}
		}
		if err := v.Decode(dst); err != nil {
			return nil, &configError{file: name, line: v.Line, key: k.Value, msg: "want " + want}
		}
		if v.Kind == yaml.SequenceNode {
			for j, item := range v.Content {
				lines[fmt.Sprintf("%s[%d]", k.Value, j)] = item.Line
			}
		}
	}
	return c.compile(name, lines)
}

// loadConfigFile reads and compiles one configuration file.
func loadConfigFile(path string) (*settings, Config, error) {
	var c Config
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, c, &configError{file: path, msg: "cannot read configuration: " + unwrapPathError(err)}
	}
	s, err := parseConfig(path, data, &c)
	return s, c, err
}

func unwrapPathError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// findConfigFile walks up from dir to the module root (the first directory
// holding go.mod) and returns the nearest .iohotpath.yml, or "".
func findConfigFile(dir string) string {
	for {
		candidate := filepath.Join(dir, ConfigFileName)
		if _, err := os.Stat(candidate); err == nil {
			return candidate
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// configCache memoises file discovery and compilation, which every package
// of a run would otherwise repeat.
type configCache struct {
	dirs  sync.Map // package dir -> config file path ("" when none)
	files sync.Map // config file path -> *loaded
}

type loaded struct {
	once sync.Once
	cfg  Config
	err  error
}

func (cc *configCache) fileFor(dir string) string {
	if v, ok := cc.dirs.Load(dir); ok {
		return v.(string)
	}
	f := findConfigFile(dir)
	cc.dirs.Store(dir, f)
	return f
}

func (cc *configCache) load(path string) (Config, error) {
	v, _ := cc.files.LoadOrStore(path, &loaded{})
	l := v.(*loaded)
	l.once.Do(func() { _, l.cfg, l.err = loadConfigFile(path) })
	return l.cfg, l.err
}
