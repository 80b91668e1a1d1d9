package catalogue

import (
	"math"
	"strings"
)

// Logger is everything the catalogue knows of one logging library, as one
// literal of the loggers list (log.go): the calls that write a record and
// at which level, the calls that bind a level to the logger or event they
// return, the calls that check a level, and what its level type's
// constants mean. The log rows, the debug and alarm sets, the no-return
// log calls, the level calls and the path aliases of loggers are derived
// from the list (loggerTables), so adding a library is one literal.
type Logger struct {
	Pkg     string   // import path of the library's main package
	Aliases []string // other import paths of the same API, matched as Pkg (an old spelling)
	Does    string   // what a logging call does, in words; "" for the category's ("writes a log record")

	// Levels are the level words of the library's method names, each with
	// what it means: Recvs join them to forms (Debug + "f" is Debugf),
	// Binders are named by them (zerolog's Warn()).
	Levels []Level
	Recvs  []Recv   // the functions and methods that write a record
	Binds  []Binder // the calls that return a logger or event bound to a level
	Checks []Check  // the calls that take a level as an argument, or report one on
	Type   *LevelType

	// Field is the type of a structured field, as "path.Name": a function
	// of Pkg returning one (zap.Int, slog.String) makes a small value the
	// logger encodes only when it logs.
	Field string

	// Rows are the library's other blocking calls, as they are: a flush,
	// a sync. A row's Pkg is the Logger's when empty.
	Rows []Row
}

// Level is one level word of a library's method names and its severity.
type Level struct {
	Word string // "Debug", "Warning", "DPanic"
	Sev  Severity
}

// Severity is what a level means to the analysis.
type Severity uint8

// The severities, least first.
const (
	debugLevel Severity = iota // debug and trace: off in production
	infoLevel                  // info, print
	warnLevel                  // warning: an alarm
	errorLevel                 // error: an alarm
	fatalLevel                 // fatal, panic, exit: an alarm, and the call does not return
)

// isAlarm reports whether s is warning level or above.
func (s Severity) isAlarm() bool { return s >= warnLevel }

// Recv is one receiver of a library (or its package functions) and the
// methods of it that write a record: every level word (or those of Only)
// joined to every form, and Names, which carry no level (Log(level, …),
// zerolog's Msg).
type Recv struct {
	Pkg    string   // the receiver's package when not the Logger's (zapcore)
	Name   string   // as types.Func.FullName writes it: "*Logger", "Verbose"; "" for functions
	Only   []string // the level words of this receiver; nil for every one of the Logger's
	Forms  []string // suffixes after the level word: "", "f", "ln", "Depth", "Context"; nil for none
	Names  []string // more methods that write a record, at no level of their name
	Fields bool     // the arguments of its debug calls are zap fields
	Guard  string   // the check that skips a debug call, for messages; {Level} stands for its level word
}

// Binder is a receiver (or package) whose methods named by the level
// words, one each, return a logger or event bound to that level:
// zerolog's Debug() and Warn(), go-kit's level.Error(l).
type Binder struct {
	Pkg  string // when not the Logger's
	Recv string // "" for functions
}

// Check is a call that takes a level as an argument (logger.Enabled(ctx,
// slog.LevelDebug), logr's V(2)) or reports the level its receiver is
// bound to (log.V(2).Enabled()).
type Check struct {
	Pkg       string // when not the Logger's
	Recv      string // "" for a function
	Name      string
	Arg       int  // the level argument; -1 when the level is on the receiver
	Verbosity bool // the level is a verbosity (logr, klog, glog): 1 and more is debug
	Binds     bool // it returns a logger bound to the level (V(2), WithLevel) rather than reporting whether it is on
}

// LevelType is a library's level type and which of its constant values
// mean debug (or trace) and warning or above.
type LevelType struct {
	Pkg   string // when not the Logger's (zapcore)
	Name  string
	Debug Span
	Alarm Span
}

// Span is a range of level values, both ends included.
type Span struct{ Lo, Hi int64 }

func atMost(n int64) Span       { return Span{math.MinInt64, n} }
func atLeast(n int64) Span      { return Span{n, math.MaxInt64} }
func between(lo, hi int64) Span { return Span{lo, hi} }
func (s Span) has(n int64) bool { return s.Lo <= n && n <= s.Hi }

// pkgOr is p, or the Logger's package when p is empty.
func (l *Logger) pkgOr(p string) string {
	if p == "" {
		return l.Pkg
	}
	return p
}

// sev returns the severity of the level word w of l.
func (l *Logger) sev(w string) (Severity, bool) {
	for _, lv := range l.Levels {
		if lv.Word == w {
			return lv.Sev, true
		}
	}
	return 0, false
}

// levels returns the levels of l that only names (all when nil).
func (l *Logger) levels(only []string) []Level {
	if only == nil {
		return l.Levels
	}
	var out []Level
	for _, w := range only {
		if s, ok := l.sev(w); ok {
			out = append(out, Level{w, s})
		} else {
			out = append(out, Level{w, infoLevel}) // not a level of l: TestLoggersWellFormed says so
		}
	}
	return out
}

// logCall is one logging method or function derived from a Logger, or
// one binder.
type logCall struct {
	name, key string
	level     *Level // nil for a call at no level of its name
	recv      *Recv  // nil for a binder
}

// recvCalls lists the methods of receiver r of l that write a record:
// each level word joined to each form, then the names at no level.
func (l *Logger) recvCalls(r *Recv) []logCall {
	row := Row{Pkg: l.pkgOr(r.Pkg), Recv: r.Name}
	var out []logCall
	for _, lv := range l.levels(r.Only) {
		for _, f := range r.Forms {
			out = append(out, logCall{name: lv.Word + f, key: row.key(lv.Word + f), level: &lv, recv: r})
		}
	}
	for _, n := range r.Names {
		out = append(out, logCall{name: n, key: row.key(n), recv: r})
	}
	return out
}

// rows returns the blocking rows of l: one per receiver, and its Rows.
func (l *Logger) rows() []Row {
	var out []Row
	for i := range l.Recvs {
		r := &l.Recvs[i]
		row := Row{Pkg: l.pkgOr(r.Pkg), Recv: r.Name, Cat: Log, Does: l.Does}
		for _, c := range l.recvCalls(r) {
			row.Names = append(row.Names, c.name)
		}
		out = append(out, row)
	}
	for _, r := range l.Rows {
		r.Pkg = l.pkgOr(r.Pkg)
		out = append(out, r)
	}
	return out
}

// binders lists the level-binding calls of l, each with its level.
func (l *Logger) binders() []logCall {
	var out []logCall
	for _, b := range l.Binds {
		row := Row{Pkg: l.pkgOr(b.Pkg), Recv: b.Recv}
		for _, lv := range l.Levels {
			out = append(out, logCall{name: lv.Word, key: row.key(lv.Word), level: &lv})
		}
	}
	return out
}

// loggerTables are the tables derived from the loggers list, each as a
// list of keys in the order the literals give them (so that a test sees a
// key derived twice) and as the map the lookups read.
type loggerTables struct {
	rows         []Row
	debug        []string // calls at debug level
	alarm        []string // calls at warning level or above
	noReturn     []string // calls at fatal level: they do not return
	binders      []string // calls binding debug level to what they return
	alarmBinders []string // calls binding warning level or above
	checks       []string // calls taking or reporting a level (Checks)

	debugLogs   map[string]DebugLog
	alarmLogs   map[string]bool
	levelCalls  map[string]LevelCall
	alarmBinder map[string]bool
}

// deriveLoggers builds the logger tables from ls.
func deriveLoggers(ls []Logger) *loggerTables {
	t := &loggerTables{
		debugLogs:   map[string]DebugLog{},
		alarmLogs:   map[string]bool{},
		levelCalls:  map[string]LevelCall{},
		alarmBinder: map[string]bool{},
	}
	for i := range ls {
		l := &ls[i]
		t.rows = append(t.rows, l.rows()...)
		var calls []logCall
		for j := range l.Recvs {
			calls = append(calls, l.recvCalls(&l.Recvs[j])...)
		}
		for _, c := range calls {
			switch {
			case c.level == nil:
			case c.level.Sev == debugLevel:
				t.debug = append(t.debug, c.key)
				t.debugLogs[c.key] = DebugLog{Fields: c.recv.Fields, Guard: strings.ReplaceAll(c.recv.Guard, "{Level}", c.level.Word)}
			case c.level.Sev.isAlarm():
				t.alarm = append(t.alarm, c.key)
				t.alarmLogs[c.key] = true
				if c.level.Sev == fatalLevel {
					t.noReturn = append(t.noReturn, c.key)
				}
			}
		}
		for _, b := range l.binders() {
			switch {
			case b.level.Sev == debugLevel:
				t.binders = append(t.binders, b.key)
				t.levelCalls[b.key] = LevelCall{Arg: -1, Implied: true, Quiet: true}
			case b.level.Sev.isAlarm():
				t.alarmBinders = append(t.alarmBinders, b.key)
				t.alarmBinder[b.key] = true
			}
		}
		for _, c := range l.Checks {
			k := Row{Pkg: l.pkgOr(c.Pkg), Recv: c.Recv}.key(c.Name)
			t.checks = append(t.checks, k)
			t.levelCalls[k] = LevelCall{Arg: c.Arg, Verbosity: c.Verbosity, Check: !c.Binds, Quiet: c.Binds}
		}
	}
	return t
}

// loggerAliases are the path aliases the loggers declare.
func loggerAliases(ls []Logger) []pathAlias {
	var out []pathAlias
	for _, l := range ls {
		for _, a := range l.Aliases {
			out = append(out, pathAlias{From: a, To: l.Pkg})
		}
	}
	return out
}

// LoggerLines describes the loggers for documentation, one line of cells
// per library: its path (and aliases), its level words at debug level, at
// info level, at warning level or above, and at fatal level, the
// receivers that write records with their forms (W stands for each level
// word of the receiver: "W, Wf, Wln"),
// the binders and the level checks.
func LoggerLines() [][]string {
	var out [][]string
	for i := range loggers {
		l := &loggers[i]
		path := "`" + l.Pkg + "`"
		for _, a := range l.Aliases {
			path += " (also `" + a + "`)"
		}
		words := [fatalLevel + 1][]string{}
		for _, lv := range l.Levels {
			words[lv.Sev] = append(words[lv.Sev], lv.Word)
		}
		var recvs, binds, checks []string
		for _, r := range l.Recvs {
			var parts []string
			if r.Only != nil {
				parts = append(parts, strings.Join(r.Only, ", "))
			}
			if len(r.Forms) > 0 {
				forms := make([]string, len(r.Forms))
				for i, f := range r.Forms {
					forms[i] = "W" + f
				}
				parts = append(parts, strings.Join(forms, ", "))
			}
			if len(r.Names) > 0 {
				parts = append(parts, strings.Join(r.Names, ", "))
			}
			recvs = append(recvs, recvName(l.pkgOr(r.Pkg), l.Pkg, r.Name)+": "+strings.Join(parts, "; "))
		}
		for _, b := range l.Binds {
			binds = append(binds, recvName(l.pkgOr(b.Pkg), l.Pkg, b.Recv))
		}
		for _, c := range l.Checks {
			checks = append(checks, checkName(l.pkgOr(c.Pkg), l.Pkg, c))
		}
		join := func(s []string) string { return strings.Join(s, ", ") }
		out = append(out, []string{path, join(words[debugLevel]), join(words[infoLevel]),
			join(append(append([]string(nil), words[warnLevel]...), words[errorLevel]...)), join(words[fatalLevel]),
			strings.Join(recvs, "<br>"), join(binds), join(checks)})
	}
	return out
}

// recvName is a receiver as the docs show it, after the last element of
// its package when that is not the logger's own: "*Logger", "zapcore.Core";
// "functions" (or "level functions") for a package's functions.
func recvName(pkg, own, recv string) string {
	prefix := ""
	if pkg != own {
		prefix = pkg[strings.LastIndex(pkg, "/")+1:] + "."
	}
	if recv == "" {
		return strings.TrimSuffix(prefix, ".") + strings.Repeat(" ", min(len(prefix), 1)) + "functions"
	}
	return prefix + recv
}

// checkName is a level check as the docs show it: "V", "(*Logger).Check",
// "log.WithLevel".
func checkName(pkg, own string, c Check) string {
	if c.Recv == "" {
		if pkg != own {
			return pkg[strings.LastIndex(pkg, "/")+1:] + "." + c.Name
		}
		return c.Name
	}
	return "(" + recvName(pkg, own, c.Recv) + ")." + c.Name
}
