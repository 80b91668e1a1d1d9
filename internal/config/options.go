package config

import (
	"slices"
	"strings"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/rules"
)

// Kind is the shape of an option's value.
type Kind int

const (
	List Kind = iota // a list of strings: comma-separated and repeatable as a flag
	Bool             // true or false: a boolean flag
)

// Shape says what values of kind k look like, for error messages.
func (k Kind) Shape() string {
	if k == Bool {
		return "true or false"
	}
	return "a list of strings"
}

// Option is one row of the options table.
type Option struct {
	Key   string // .iohotpath.yml key, golangci-lint setting, Config tags, and the flag name unless Flag says
	Flag  string // the flag name when it is not Key ("profile" for "profiles": one file per flag)
	Arg   string // the flag's argument as README.md shows it ("RE,RE"); none for a Bool
	Usage string // the flag's usage, shown by -help
	Doc   string // what it does, Markdown, for README.md and (plain) YAML comments
	Kind  Kind

	Short       string   // a few words, the comment in the README's .iohotpath.yml example
	DefaultNote string   // what the default means, when "[]" or "false" does not say
	Example     []string // values of the documented examples (one "true"/"false" for a Bool)

	paths bool                                 // List: file names, relative to the configuration file holding them
	split func(string) []string                // List: cuts a flag's value into items; nil: at every comma
	list  func(*Config) *[]string              // List: the field
	add   func(s *Settings, item string) error // List: validate one item, record it in s
	flag  func(*Config) *bool                  // Bool: the field
	apply func(s *Settings, v bool)            // Bool: record the value in s
}

// FlagName is the name of o's flag.
func (o *Option) FlagName() string {
	if o.Flag != "" {
		return o.Flag
	}
	return o.Key
}

// Value returns a pointer to o's field of c: *[]string or *bool.
func (o *Option) Value(c *Config) any {
	if o.Kind == Bool {
		return o.flag(c)
	}
	return o.list(c)
}

// set copies o's field from src to dst.
func (o *Option) set(dst, src *Config) {
	if o.Kind == Bool {
		*o.flag(dst) = *o.flag(src)
	} else {
		*o.list(dst) = *o.list(src)
	}
}

// merge adds o's field of src to dst, as a nearer configuration file does
// to its parents': a list is appended to, a bool replaced.
func (o *Option) merge(dst, src *Config) {
	if o.Kind == Bool {
		*o.flag(dst) = *o.flag(src)
	} else {
		*o.list(dst) = slices.Concat(*o.list(dst), *o.list(src))
	}
}

// Options lists the options in Config's field order.
var Options = []Option{
	{
		Key: "funcs", Arg: "RE,RE", Kind: List,
		Usage: "regular expressions separated by commas outside (), {} and []; matching functions are hot (full name example.com/p.(*T).M or short T.M)",
		Doc: "regular expressions; a function whose full name (`example.com/p.(*T).M`, `example.com/p.F`) or " +
			"short name (`T.M`, `F`) matches one is hot, as if its doc comment had a `// hotpath` line. " +
			"The flag splits at commas outside `()`, `{}` and `[]` only (`^Hand(le){1,2}$` is one pattern); " +
			"for a comma elsewhere, write `\\x2c` or repeat the flag. An empty pattern (`''` in the file) is an error",
		Short:       "hot functions, by regular expression",
		DefaultNote: "(only comments make code hot)",
		Example:     []string{`^example\.com/shop/api\.\(\*Server\)\.Handle`, `Evaluate$`},
		split:       splitRegexps,
		list:        func(c *Config) *[]string { return &c.Funcs },
		add:         addFunc,
	},
	{
		Key: "hot", Arg: "PRESET,…", Kind: List,
		Usage: "comma-separated presets (" + strings.Join(PresetNames, ",") + ") that make functions hot by their kind",
		Doc: "presets that make functions hot without markers: `http` (methods and functions " +
			"`func(http.ResponseWriter, *http.Request)`, literals included), `grpc` (the service methods of a type that " +
			"embeds a generated `Unimplemented…Server` or is passed to `Register…Server`). In a function hot only " +
			"by a preset, network and database calls are reported only inside its loops: one query per request " +
			"is a handler's job, one per item is not",
		Short:       "hot by kind: HTTP handlers, gRPC methods",
		DefaultNote: "(none)",
		Example:     []string{PresetHTTP, PresetGRPC},
		list:        func(c *Config) *[]string { return &c.Hot },
		add:         addPreset,
	},
	{
		Key: "blocking", Arg: "NAME[=CAT],…", Kind: List,
		Usage: "comma-separated extra blocking functions, each NAME or NAME=CATEGORY",
		Doc: "extra blocking functions of your code or your dependencies, each a name optionally followed by `=CATEGORY` (" +
			codeList(catalogue.Names()) + "; default `file`), e.g. `example.com/audit.(*Log).Write=log`",
		Short:   "teach it your blocking calls (category optional)",
		Example: []string{"example.com/shop/audit.(*Log).Write=log", "example.com/shop/cgo.Poll=network"},
		list:    func(c *Config) *[]string { return &c.Blocking },
		add:     addBlocking,
	},
	{
		Key: "nonblocking", Arg: "NAME,…", Kind: List,
		Usage: "comma-separated functions trusted not to block",
		Doc: "functions trusted not to block, built-in ones included (e.g. `log.Printf`, " +
			"or an asynchronous logger whose rare fallback writes)",
		Short:   "trust calls that do not block in practice",
		Example: []string{"example.com/shop/logx.(*Async).Printf"},
		list:    func(c *Config) *[]string { return &c.NonBlocking },
		add:     addNonBlocking,
	},
	{
		Key: "disable", Arg: "X,…", Kind: List,
		Usage: "comma-separated categories (" + strings.Join(catalogue.Names(), ",") + ") or rules (" +
			strings.Join(rules.Switchable, ",") + ") to turn off",
		Doc: "categories (" + codeList(catalogue.Names()) + ") or rules that hold in all code (" +
			codeList(rules.Switchable) + ") to turn off",
		Short:       "categories or rules to turn off",
		DefaultNote: "(everything on)",
		Example:     []string{"stdout"},
		list:        func(c *Config) *[]string { return &c.Disable },
		add:         addDisable,
	},
	{
		Key: "error-paths", Kind: Bool,
		Usage: "also report blocking I/O in error-exit blocks",
		Doc: "also report blocking I/O in error-exit blocks (a block ending in `return err`, `panic`, " +
			"`os.Exit`, `log.Fatal`, or leaving the hot loop), which run at most once per failure",
		Short:   "report error-exit blocks too",
		Example: []string{"false"},
		flag:    func(c *Config) *bool { return &c.ErrorPaths },
		apply:   func(s *Settings, v bool) { s.ErrorPaths = v },
	},
	{
		Key: "include-tests", Kind: Bool,
		Usage:   "also run io-under-lock and the loop-hygiene rules on _test.go files",
		Doc:     "also run the rules that hold in all code (" + codeList(rules.Switchable) + ") on `_test.go` files",
		Short:   "all-code rules on _test.go files too",
		Example: []string{"false"},
		flag:    func(c *Config) *bool { return &c.IncludeTests },
		apply:   func(s *Settings, v bool) { s.IncludeTests = v },
	},
	{
		Key: "show-offpath", Kind: Bool,
		Usage: "also report the blocking calls of hot code that off-path rules leave out, each naming its rule",
		Doc: "also report, as `off-path` findings, the blocking calls of hot code that an off-path rule leaves out " +
			"(a failure exit, debug logging, a rejected request…), each naming the rule: to review what iohotpath judged " +
			"off the path (docs/rules/hot-io.md lists the rules); the notes count as findings for the exit code",
		Short:   "show what off-path rules leave out",
		Example: []string{"false"},
		flag:    func(c *Config) *bool { return &c.ShowOffPath },
		apply:   func(s *Settings, v bool) { s.ShowOffPath = v },
	},
	{
		Key: "profiles", Flag: "profile", Arg: "FILE", Kind: List,
		Usage: "pprof profile (repeatable): a CPU profile makes the functions that run per unit of work hot, a mutex or block profile ranks io-under-lock findings; off: none (default: each main package's default.pgo)",
		Doc: "pprof profiles (the flag is `-profile`, once per file; in the file, relative to it). A CPU profile makes hot " +
			"the functions that run per unit of work by its samples (the callees of the call edges that carry 99 % " +
			"of the weight, as PGO picks them, with at least 1 % of the samples; the share is in the message); a mutex or block " +
			"profile says how long goroutines waited for the lock of each `io-under-lock` finding, and orders them by it. " +
			"By default the `default.pgo` beside each main package of the main module is read, as `go build -pgo=auto` does; " +
			"`off` reads none (docs/profiles.md)",
		Short:       "pprof profiles: CPU makes code hot, mutex ranks locks",
		DefaultNote: "(each main package's `default.pgo`)",
		Example:     []string{"prof/cpu.pprof", "prof/mutex.pprof"},
		split:       func(s string) []string { return []string{s} },
		paths:       true,
		list:        func(c *Config) *[]string { return &c.Profiles },
		add:         addProfile,
	},
	{
		Key: "profile-only", Kind: Bool,
		Usage:   "report hot-io findings only in functions a CPU profile has samples of",
		Doc:     "report `hot-io` findings only in functions a CPU profile has samples of: what production ran",
		Short:   "only code the CPU profile saw",
		Example: []string{"false"},
		flag:    func(c *Config) *bool { return &c.ProfileOnly },
		apply:   func(s *Settings, v bool) { s.ProfileOnly = v },
	},
	{
		Key: "contended-only", Kind: Bool,
		Usage:   "report io-under-lock findings only for locks a mutex or block profile shows goroutines waiting for",
		Doc:     "report `io-under-lock` findings only for locks a mutex or block profile shows goroutines waiting for",
		Short:   "only locks the mutex profile shows contended",
		Example: []string{"false"},
		flag:    func(c *Config) *bool { return &c.ContendedOnly },
		apply:   func(s *Settings, v bool) { s.ContendedOnly = v },
	},
}

// configFlag is the flag that is not an option: it names the file holding
// the options.
var configFlag = Option{
	Key: "config", Arg: "FILE",
	Usage: "configuration file to use instead of looking up " + FileName,
	Doc: "use FILE instead of looking up `" + FileName + "` (with `go vet`, give an absolute path: " +
		"`-config=$PWD/lint/iohotpath.yml`)",
}

// digestFlag is the other flag that is not an option: the command sets it
// for go vet to the digest of the -profile files' contents, because go vet
// keys its cache by the tool's flags and not by the files they name, so
// that an edited profile is never answered from the cache.
var digestFlag = Option{
	Key: "profile-digest", Arg: "HEX",
	Usage: "set by iohotpath for go vet: the digest of the -profile files, so that go vet's cache key changes with them",
}

// splitRegexps cuts s at the commas that are outside parentheses, braces
// and brackets and not escaped, so that a pattern with a repetition
// ({1,2}) or a class ([,;]) stays whole.
func splitRegexps(s string) []string {
	var items []string
	depth, class, start := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			i++ // an escaped character is never a separator
		case class:
			class = c != ']' || i > 0 && (s[i-1] == '[' || s[i-1] == '^' && i > 1 && s[i-2] == '[')
		case c == '[':
			class = true
		case c == '(' || c == '{':
			depth++
		case (c == ')' || c == '}') && depth > 0:
			depth--
		case c == ',' && depth == 0:
			items = append(items, s[start:i])
			start = i + 1
		}
	}
	return append(items, s[start:])
}

// codeList is names as Markdown code, comma-separated.
func codeList(names []string) string {
	return "`" + strings.Join(names, "`, `") + "`"
}

// lookup returns the option whose key is key.
func lookup(key string) (*Option, bool) {
	for i := range Options {
		if Options[i].Key == key {
			return &Options[i], true
		}
	}
	return nil, false
}

// Keys returns the option names, the keys of .iohotpath.yml and of
// golangci-lint's settings, in Config's field order.
func Keys() []string {
	keys := make([]string, len(Options))
	for i, o := range Options {
		keys[i] = o.Key
	}
	return keys
}

// ValueShape says what the values of option key look like ("a list of
// strings", "true or false"), for error messages; "" for an unknown key.
func ValueShape(key string) string {
	if o, ok := lookup(key); ok {
		return o.Kind.Shape()
	}
	return ""
}
