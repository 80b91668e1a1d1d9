package config

import (
	"fmt"
	"go/types"
	"iter"
	"regexp"
	"strings"

	"github.com/iohotpath/iohotpath/internal/names"
)

// Entry is one item of an option that names functions (funcs, blocking,
// nonblocking) and where it came from, so that a driver that sees every
// package can say which ones name nothing (a typo).
type Entry struct {
	Key   string // the option: funcs, blocking or nonblocking
	Value string // the item as written
	From  string // "-funcs", "path/.iohotpath.yml:3", or "the configuration" (New's Config)
}

func (e Entry) String() string {
	return fmt.Sprintf("%s: %s entry %q", e.From, e.Key, e.Value)
}

// namingKeys are the options whose items name functions.
var namingKeys = []string{"funcs", "blocking", "nonblocking"}

// Entries returns the items of funcs, blocking and nonblocking that the
// package in dir gets (std as for For), as For compiles them: a flag set explicitly in
// place of the files' items, the files' in place of the base
// configuration's. Call it after For has succeeded for dir: a file that
// does not parse gives no entries.
func (l *Loader) Entries(dir string, std bool) []Entry {
	files, err := l.filesOf(dir, std)
	if err != nil {
		return nil
	}
	var parsed []*fileConfig
	for _, name := range files {
		f, err := get(&l.files, name, func() (*fileConfig, error) { return loadFile(name) })
		if err != nil {
			return nil
		}
		parsed = append(parsed, f)
	}
	var out []Entry
	for _, key := range namingKeys {
		o, _ := lookup(key)
		switch {
		case l.flags != nil && l.flags.set[key]:
			for _, v := range *o.list(&l.flags.values) {
				out = append(out, Entry{key, v, "-" + o.FlagName()})
			}
		case len(files) > 0:
			for i, f := range parsed {
				for j, v := range *o.list(&f.cfg) {
					out = append(out, Entry{key, v, fmt.Sprintf("%s:%d", files[i], f.lines[fmt.Sprintf("%s[%d]", key, j)])})
				}
			}
		default:
			for _, v := range *o.list(&l.base) {
				out = append(out, Entry{key, v, "the configuration"})
			}
		}
	}
	return out
}

// Unmatched returns the entries that name none of the functions funcs
// yields: a funcs pattern matches a full or short name (names.Hot), a
// blocking or nonblocking item is a function's UserKey. It goes through
// funcs once, and stops when every entry has matched.
func Unmatched(entries []Entry, funcs iter.Seq[*types.Func]) []Entry {
	matched := make([]bool, len(entries))
	res := make([]*regexp.Regexp, len(entries))
	byKey := map[string][]int{} // UserKey -> the blocking and nonblocking entries naming it
	left := 0
	for i, e := range entries {
		if e.Key == "funcs" {
			re, err := regexp.Compile(e.Value)
			if err != nil {
				matched[i] = true // For has reported it
				continue
			}
			res[i] = re
		} else {
			name, _, _ := strings.Cut(e.Value, "=")
			key, err := names.ParseUser(strings.TrimSpace(name))
			if err != nil {
				matched[i] = true
				continue
			}
			byKey[key] = append(byKey[key], i)
		}
		left++
	}
	for fn := range funcs {
		if left == 0 {
			break
		}
		for _, i := range byKey[names.UserKey(fn)] {
			if !matched[i] {
				matched[i], left = true, left-1
			}
		}
		full, short := names.Hot(fn)
		for i, re := range res {
			if re != nil && !matched[i] && (re.MatchString(full) || re.MatchString(short)) {
				matched[i], left = true, left-1
			}
		}
	}
	var out []Entry
	for i, e := range entries {
		if !matched[i] {
			out = append(out, e)
		}
	}
	return out
}
