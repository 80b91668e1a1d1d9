package config

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
)

// Flags holds the values of the command-line flags: one per option, and
// -config.
//
// The values record that they were set, because drivers copy
// Analyzer.Flags into their own flag set, so FlagSet.Visit cannot tell.
// Set validates, so a bad flag fails before anything loads; since some
// drivers ignore Set's error, the first one is also kept for Err.
type Flags struct {
	values Config
	set    map[string]bool // option key -> set explicitly
	config string          // -config
	digest string          // -profile-digest: only part of go vet's cache key
	err    error           // the first error of a Set
}

// Register registers every option and -config on fs.
func (f *Flags) Register(fs *flag.FlagSet) {
	if f.set == nil {
		f.set = map[string]bool{}
	}
	for i := range Options {
		fs.Var(&value{f, &Options[i]}, Options[i].FlagName(), Options[i].Usage)
	}
	fs.Var(&value{f, &configFlag}, configFlag.Key, configFlag.Usage)
	fs.Var(&value{f, &digestFlag}, digestFlag.Key, digestFlag.Usage)
}

// Err returns the first error of a flag's Set, as "invalid flag: ...", or
// nil.
func (f *Flags) Err() error {
	if f == nil || f.err == nil {
		return nil
	}
	return fmt.Errorf("invalid flag: %w", f.err)
}

// override copies the options whose flags were set from f into c.
func (f *Flags) override(c *Config) {
	if f == nil {
		return
	}
	for i := range Options {
		if f.set[Options[i].Key] {
			Options[i].set(c, &f.values)
		}
	}
}

// value is the flag.Value of one option, or of -config.
type value struct {
	f *Flags
	o *Option
}

func (v *value) String() string {
	switch {
	case v.f == nil: // the zero value that package flag makes to print defaults
		return ""
	case v.o == &configFlag:
		return v.f.config
	case v.o == &digestFlag:
		return v.f.digest
	case v.o.Kind == Bool:
		return strconv.FormatBool(*v.o.flag(&v.f.values))
	}
	return strings.Join(*v.o.list(&v.f.values), ",")
}

// IsBoolFlag lets a Bool option be given as -name alone.
func (v *value) IsBoolFlag() bool { return v.o != nil && v.o.Kind == Bool }

// Set validates s and records it: a List flag takes comma-separated items
// and accumulates when repeated.
func (v *value) Set(s string) error {
	if err := v.set(s); err != nil {
		if v.f.err == nil {
			v.f.err = err
		}
		return err
	}
	return nil
}

func (v *value) set(s string) error {
	switch {
	case v.o == &configFlag:
		v.f.config = s
		return nil
	case v.o == &digestFlag:
		v.f.digest = s
		return nil
	case v.o.Kind == Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return &Error{Key: v.o.Key, Msg: fmt.Sprintf("want true or false, got %q", s)}
		}
		*v.o.flag(&v.f.values) = b
		v.f.set[v.o.Key] = true
		return nil
	}
	var items []string
	check := newSettings() // validation only: the items are compiled again with the file's
	split := v.o.split
	if split == nil {
		split = func(s string) []string { return strings.Split(s, ",") }
	}
	for _, item := range split(s) {
		if item = strings.TrimSpace(item); item == "" {
			continue // a stray comma: never an empty pattern, which would match everything
		}
		if err := v.o.add(check, item); err != nil {
			return &Error{Key: v.o.Key, Msg: err.Error()}
		}
		items = append(items, item)
	}
	list := v.o.list(&v.f.values)
	*list = append(*list, items...)
	v.f.set[v.o.Key] = true
	return nil
}
