package catalogue

import (
	"sort"
	"strconv"
	"strings"
)

// keyKind says what the keys of a table name.
type keyKind uint8

const (
	funcKeys keyKind = iota // a function or method as types.Func.FullName spells it; "(T).*" for every method of T
	typeKeys                // a named type, or a pointer to one: "os.File", "*database/sql.Rows"
	pathKeys                // an import path
)

// catalogueTable is one table of the catalogue as the registry lists it.
type catalogueTable struct {
	name string
	kind keyKind
	// question is what the table answers of a call; tables that answer
	// the same question share no key, or the call would have two answers
	// and the lookup order would pick one. "" for a question of its own.
	question string
	// keys lists the table's keys as its rows give them, duplicates
	// included, so that a test sees a key listed twice.
	keys func() []string
	// embedded: Match also finds a key by the types along the embedding
	// path of the call's receiver (matchEmbedded), so "(*net.TCPConn).Read"
	// names the Read that *net.TCPConn has from the net.conn it embeds.
	embedded bool
}

// registry lists every table of the catalogue once. The registry tests
// walk it: every key is written under a canonical path, listed once in
// its table and its question, and names a real function, method, type or
// package of the library (registry_test.go loads them). A table missing
// here is a table nothing checks.
var registry = []catalogueTable{
	{name: "standard library rows (std.go)", kind: funcKeys, question: "blocks", embedded: true, keys: func() []string { return rowKeys(stdRows) }},
	{name: "logging rows (log.go)", kind: funcKeys, question: "blocks", embedded: true, keys: func() []string { return rowKeys(logs.rows) }},
	{name: "network rows (net.go)", kind: funcKeys, question: "blocks", embedded: true, keys: func() []string { return rowKeys(netRows) }},
	{name: "database rows (db.go)", kind: funcKeys, question: "blocks", embedded: true, keys: func() []string { return rowKeys(dbRows) }},
	{name: "writer-dependent functions", kind: funcKeys, question: "blocks", keys: func() []string { return mapKeys(writerFuncs) }},
	{name: "writer-dependent methods", kind: funcKeys, question: "blocks", keys: func() []string { return mapKeys(writerMethods) }},
	{name: "writer constructors", kind: funcKeys, keys: func() []string { return mapKeys(writerCtors) }},
	{name: "writes to a standard stream", kind: funcKeys, keys: func() []string {
		var out []string
		for n := range streamWrites {
			out = append(out, "(*os.File)."+n)
		}
		sort.Strings(out)
		return out
	}},
	{name: "no-return calls", kind: funcKeys, question: "ends the block", keys: func() []string { return rowKeys(exitRows) }},
	{name: "no-return logging calls", kind: funcKeys, question: "ends the block", keys: func() []string { return logs.noReturn }},
	{name: "run-once calls", kind: funcKeys, question: "ends the block", keys: func() []string { return mapKeys(once) }},
	{name: "path opens", kind: funcKeys, keys: func() []string { return mapKeys(pathOpens) }},
	{name: "error makers", kind: funcKeys, keys: func() []string {
		var out []string
		for _, g := range errorRows {
			out = append(out, rowKeys(g.Rows)...)
		}
		return out
	}},
	{name: "error-status answers", kind: funcKeys, keys: func() []string {
		var out []string
		for _, g := range answerRows {
			out = append(out, rowKeys(g.Rows)...)
		}
		return out
	}},
	{name: "debug logging calls", kind: funcKeys, question: "log level", keys: func() []string { return logs.debug }},
	{name: "alarm logging calls", kind: funcKeys, question: "log level", keys: func() []string { return logs.alarm }},
	{name: "debug-level binders", kind: funcKeys, question: "bound level", keys: func() []string { return logs.binders }},
	{name: "alarm-level binders", kind: funcKeys, question: "bound level", keys: func() []string { return logs.alarmBinders }},
	{name: "level checks", kind: funcKeys, question: "bound level", keys: func() []string { return logs.checks }},
	{name: "level types", kind: typeKeys, keys: func() []string {
		var out []string
		for i := range loggers {
			if l := &loggers[i]; l.Type != nil {
				out = append(out, l.pkgOr(l.Type.Pkg)+"."+l.Type.Name)
			}
		}
		return out
	}},
	{name: "field types", kind: typeKeys, keys: func() []string {
		var out []string
		for _, l := range loggers {
			if l.Field != "" {
				out = append(out, l.Field)
			}
		}
		return out
	}},
	{name: "reader and writer classes", kind: typeKeys, keys: func() []string {
		var out []string
		for nt := range typeClasses {
			out = append(out, nt.pkg+"."+nt.name)
		}
		sort.Strings(out)
		return out
	}},
	{name: "interface results", kind: typeKeys, keys: func() []string {
		var out []string
		for _, r := range resultRows {
			out = append(out, r.Type)
		}
		return out
	}},
	{name: "library copies", kind: pathKeys, keys: func() []string {
		var out []string
		for _, c := range copies {
			out = append(out, c.path)
		}
		return out
	}},
	{name: "path alias targets", kind: pathKeys, keys: func() []string {
		var out []string
		for _, a := range pathAliases {
			out = append(out, a.To)
		}
		return out
	}},
}

// rowKeys lists the keys of rows, in their order.
func rowKeys(rows []Row) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.keys()...)
	}
	return out
}

// mapKeys lists the keys of m, sorted.
func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// keyPkg returns the import path of the package a key of kind k names:
// "os" of "(*os.File).Close", "database/sql" of "*database/sql.Rows".
func keyPkg(k keyKind, key string) string {
	switch k {
	case pathKeys:
		return key
	case typeKeys:
		key = strings.TrimPrefix(key, "*")
	case funcKeys:
		if recv, _, ok := strings.Cut(key, ")."); ok {
			key = strings.TrimPrefix(strings.TrimPrefix(recv, "("), "*")
		}
	}
	if i := strings.LastIndex(key, "."); i >= 0 {
		return key[:i]
	}
	return key
}

// TableLines describes the registry for documentation: one line of cells
// (name, number of keys, the question it shares with others) per table.
func TableLines() [][]string {
	out := make([][]string, 0, len(registry))
	for _, tab := range registry {
		out = append(out, []string{tab.name, strconv.Itoa(len(tab.keys())), tab.question})
	}
	return out
}
