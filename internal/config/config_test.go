package config

import (
	"reflect"
	"strings"
	"testing"

	"github.com/iohotpath/iohotpath/internal/catalogue"
)

// TestConfigFileErrors: a bad file is an error naming the file, the line
// and the key.
func TestConfigFileErrors(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"unknown key", "funcs: [a]\nfuncz: [b]\n", "x.yml:2: funcz: unknown key (known keys: funcs, hot, blocking, nonblocking, disable, error-paths, include-tests, show-offpath, profiles, profile-only, contended-only)"},
		{"bad regexp", "funcs:\n  - ok\n  - \"(\"\n", "x.yml:3: funcs: bad regular expression \"(\": missing closing ): `(`"},
		{"malformed name", "blocking:\n  - os..Open\n", "x.yml:2: blocking: malformed function name \"os..Open\""},
		{"malformed method", "nonblocking: [\"(*os.File.Write\"]\n", "x.yml:1: nonblocking: malformed function name \"(*os.File.Write\": no closing parenthesis"},
		{"bad category", "blocking: [os.Open=disk]\n", "x.yml:1: blocking: unknown category \"disk\" in \"os.Open=disk\""},
		{"bad disable", "disable: [logs]\n", "x.yml:1: disable: unknown category or rule \"logs\" (want one of file, sync, stat, log, stdout, encode, network, database, process, io-under-lock, defer-in-loop, reopen-in-loop)"},
		{"wrong type", "funcs: 3\n", "x.yml:1: funcs: want a list of strings"},
		{"wrong bool", "error-paths: maybe\n", "x.yml:1: error-paths: want true or false"},
		{"not a mapping", "- funcs\n", "x.yml:1: want a mapping of option names to values"},
		{"bad yaml", "funcs: [a\n", "x.yml: not valid YAML"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.yml", []byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse(%q) error = %v, want it to contain %q", tc.yaml, err, tc.want)
			}
			if !IsError(err) {
				t.Errorf("IsError(%v) = false", err)
			}
		})
	}
}

// TestConfigFileHostile: what a decoder into Config would accept silently
// (a key given twice, a second document, numbers or mappings for strings)
// is an error naming the file and the line, with this exact message, and
// every one in a file is reported at once.
func TestConfigFileHostile(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"duplicate key", "funcs: [Handle]\nerror-paths: true\nfuncs: [Evaluate]\n",
			"x.yml:3: funcs: duplicate key (first at line 1): give each option once"},
		{"duplicate bool", "error-paths: true\nerror-paths: false\n",
			"x.yml:2: error-paths: duplicate key (first at line 1): give each option once"},
		{"second document", "funcs: [Handle]\n---\nfuncs: [Evaluate]\n",
			"x.yml:2: a second YAML document: put every option in one document"},
		{"second document after an empty first", "---\n---\nfuncs: [Evaluate]\n",
			"x.yml:2: a second YAML document: put every option in one document"},
		{"invalid second document", "funcs: [Handle]\n---\nfuncs: [\n",
			"x.yml: not valid YAML: line 3: did not find expected node content"},
		{"numbers", "funcs: [1, 2]\n",
			"x.yml:1: funcs: item 1 is a number, want a string (quote it: \"1\")\n" +
				"x.yml:1: funcs: item 2 is a number, want a string (quote it: \"2\")"},
		{"boolean item", "nonblocking:\n  - log.Printf\n  - true\n",
			"x.yml:3: nonblocking: item 2 is a boolean, want a string (quote it: \"true\")"},
		{"date item", "disable: [2024-01-02]\n",
			"x.yml:1: disable: item 1 is a date, want a string (quote it: \"2024-01-02\")"},
		{"mapping item", "blocking:\n  - example.com/a.F: log\n",
			"x.yml:2: blocking: item 1 is a mapping, want a string (an item holding \": \" is read as a mapping: quote it)"},
		{"list item", "funcs: [[a]]\n",
			"x.yml:1: funcs: item 1 is a list, want a string"},
		{"null items", "funcs:\n  - Handle\n  -\n  - ~\n",
			"x.yml:3: funcs: item 2 is empty, want a string\n" +
				"x.yml:4: funcs: item 3 is empty, want a string"},
		{"a string for a list", "funcs: Handle\n",
			"x.yml:1: funcs: want a list of strings, got a string"},
		{"a mapping for a list", "funcs: {a: b}\n",
			"x.yml:1: funcs: want a list of strings, got a mapping"},
		{"a list for a bool", "error-paths: [true]\n",
			"x.yml:1: error-paths: want true or false, got a list"},
		{"a quoted bool", "error-paths: \"true\"\n",
			"x.yml:1: error-paths: want true or false, got a string"},
		{"everything at once, by line", "funcs: [1]\nfuncz: [x]\nfuncs: [\"(\"]\nblocking: [\"(\"]\n",
			"x.yml:1: funcs: item 1 is a number, want a string (quote it: \"1\")\n" +
				"x.yml:2: funcz: unknown key (known keys: funcs, hot, blocking, nonblocking, disable, error-paths, include-tests, show-offpath, profiles, profile-only, contended-only)\n" +
				"x.yml:3: funcs: duplicate key (first at line 1): give each option once\n" +
				"x.yml:4: blocking: malformed function name \"(\": no closing parenthesis before the method (want example.com/pkg.Func or example.com/pkg.(*Type).Method)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.yml", []byte(tc.yaml))
			if err == nil || err.Error() != tc.want {
				t.Errorf("Parse(%q) error =\n%v\nwant\n%s", tc.yaml, err, tc.want)
			}
			if !IsError(err) {
				t.Errorf("IsError(%v) = false", err)
			}
		})
	}
}

// TestConfigFileValid: null values leave options unset, a trailing empty
// document loses nothing, aliases stand for their anchors, and YAML 1.1
// booleans are booleans.
func TestConfigFileValid(t *testing.T) {
	for _, tc := range []struct {
		yaml string
		want Config
	}{
		{"", Config{}},
		{"# nothing\n", Config{}},
		{"funcs:\nerror-paths:\n", Config{}},
		{"funcs: [a]\n---\n", Config{Funcs: []string{"a"}}},
		{"---\nfuncs: [a]\n...\n", Config{Funcs: []string{"a"}}},
		{"funcs: [&h Handle, *h]\nerror-paths: yes\n", Config{Funcs: []string{"Handle", "Handle"}, ErrorPaths: true}},
		{"funcs: ['1', !!str 2]\n", Config{Funcs: []string{"1", "2"}}},
		{"funcs: [Handle]\nerror-paths: true\ninclude-tests: false\ndisable: [defer-in-loop, reopen-in-loop, log]\n" +
			"blocking: [\"example.com/a.(*T).M=network\", \"(example.com/a.T).M\", example.com/a.F]\nnonblocking: [example.com/a.T.M]\n",
			Config{Funcs: []string{"Handle"}, ErrorPaths: true, Disable: []string{"defer-in-loop", "reopen-in-loop", "log"},
				Blocking:    []string{"example.com/a.(*T).M=network", "(example.com/a.T).M", "example.com/a.F"},
				NonBlocking: []string{"example.com/a.T.M"}}},
	} {
		got, err := Parse("x.yml", []byte(tc.yaml))
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", tc.yaml, got, err, tc.want)
		}
	}
}

// TestConfigTags: golangci-lint settings decode through the json tags and
// .iohotpath.yml through the yaml tags; they must name the same keys, the
// keys of Options, in the same order.
func TestConfigTags(t *testing.T) {
	var tags []string
	for f := range reflect.TypeFor[Config]().Fields() {
		j, y := f.Tag.Get("json"), f.Tag.Get("yaml")
		if j != y || j == "" {
			t.Errorf("Config.%s: json tag %q, yaml tag %q: want the same non-empty key", f.Name, j, y)
		}
		tags = append(tags, y)
	}
	if !reflect.DeepEqual(tags, Keys()) {
		t.Errorf("Config's tags %v, Options' keys %v: want the same", tags, Keys())
	}
	// Each row's accessor is the field its key names.
	for i, o := range Options {
		var c Config
		field := reflect.ValueOf(&c).Elem().Field(i).Addr().Interface()
		if o.Value(&c) != field {
			t.Errorf("Options[%d] (%s) points at another field than Config's field %d", i, o.Key, i)
		}
	}
}

// TestCompile: every invalid option is reported at once, and valid ones
// reach Settings.
func TestCompile(t *testing.T) {
	_, err := Config{Funcs: []string{"("}, NonBlocking: []string{"nodot"}, Disable: []string{"x"}}.Compile()
	for _, want := range []string{"funcs: bad regular expression", `nonblocking: malformed function name "nodot"`, `disable: unknown category or rule "x"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Compile error %v does not contain %q", err, want)
		}
	}

	s, err := Config{
		Funcs: []string{"^Handle$"}, Blocking: []string{"example.com/a.(*T).M=network", "example.com/a.F"},
		NonBlocking: []string{"log.Printf"}, Disable: []string{"stat", "reopen-in-loop"}, ErrorPaths: true, IncludeTests: true,
	}.Compile()
	if err != nil {
		t.Fatal(err)
	}
	want := &Settings{
		Funcs:       s.Funcs,
		Blocking:    map[string]catalogue.Category{"example.com/a.T.M": catalogue.Network, "example.com/a.F": catalogue.File},
		NonBlocking: map[string]bool{"log.Printf": true},
		NoReopen:    true, ErrorPaths: true, IncludeTests: true,
	}
	want.Disabled[catalogue.Stat] = true
	if len(s.Funcs) != 1 || s.Funcs[0].String() != "^Handle$" || !reflect.DeepEqual(s, want) {
		t.Errorf("Compile = %+v, want %+v", s, want)
	}
	if !s.DisablesAnything() {
		t.Error("DisablesAnything = false with stat and reopen-in-loop off")
	}
	if s, _ := (Config{}).Compile(); s.DisablesAnything() {
		t.Error("DisablesAnything = true for the default configuration")
	}
	if s, _ := (Config{Disable: []string{"defer-in-loop"}}).Compile(); !s.DisablesAnything() || !s.NoDefer {
		t.Error("defer-in-loop off: DisablesAnything or NoDefer false")
	}
}

func TestValueShape(t *testing.T) {
	for key, want := range map[string]string{"funcs": "a list of strings", "error-paths": "true or false", "funcz": ""} {
		if got := ValueShape(key); got != want {
			t.Errorf("ValueShape(%q) = %q, want %q", key, got, want)
		}
	}
}

// FuzzParse: whatever a .iohotpath.yml holds, Parse and Compile do not
// panic, and an error is bounded text naming the file.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"funcs: [Handle$]\n", "funcs: ['']\n", "blocking: [a.B=disk]\n", "nonblocking: [nodot]\n",
		"disable: [log, stat]\n", "hot: [http]\n", "unknown: 1\n", "funcs: {a: b}\n", "\t- x\n", "profiles: [x.pgo]\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(".iohotpath.yml", data)
		if err == nil {
			_, err = c.Compile()
		}
		if err != nil && (len(err.Error()) > 64<<10 || !strings.Contains(err.Error(), ".iohotpath.yml") && !strings.Contains(err.Error(), "iohotpath")) {
			t.Errorf("%q: error %.200q", data, err)
		}
	})
}
