package hotio

import (
	"fmt"
	"strings"

	"github.com/iohotpath/iohotpath/internal/catalogue"
)

// Fact is exported for a function of the analysed package that performs
// blocking I/O (directly, or through static calls), or that the user
// declared non-blocking. It is small and deterministic: a category and the
// witness chain down to the first blocking call, every category the
// function reaches, and, when the witness is of a bounded category, a
// second chain down to the first call whose latency has no bound.
type Fact struct {
	NonBlocking bool               // //iohotpath:nonblocking: calls to it are trusted
	Cat         catalogue.Category // category of the witness
	Cats        catalogue.Set      // every category the function reaches, Cat included
	Hot         bool               // the function is hot itself: its I/O is reported in its body
	Declared    bool               // //iohotpath:blocking
	Chain       []Hop              // calls from this function down to the blocking call

	// Unbounded and UnboundedChain witness the first call of a category
	// whose latency has no bound (Category.Unbounded) that the function
	// makes whenever it runs: through calls none of which is on a branch
	// (an if, a case). A function that writes a file and then fsyncs has
	// Cat file and Unbounded sync; one that fsyncs only `if w.syncAlways`
	// has no Unbounded. UnboundedChain is nil when it would be Chain.
	Unbounded      catalogue.Category
	UnboundedChain []Hop

	// Local and LocalChain witness the first call of a category other than
	// network and database (a file, a log, stdout…): in a handler hot only
	// by a preset its one query is its job, and this is what is reported
	// instead. LocalChain is nil when it would be Chain.
	Local      catalogue.Category
	LocalChain []Hop

	// Fails says when the function returns a non-nil error (always, or
	// when an argument is one): a block that returns its result ends the
	// call on a failure. Set also for functions that do not block.
	Fails catalogue.Fails
	// Answer says how the function answers a request with an error status
	// (always, or with the status an argument gives): a block that does and
	// returns has rejected the request.
	Answer catalogue.Answer
	// DebugBound: the function returns a logger, event or entry bound to
	// debug or trace level; calls on its result are debug logging.
	DebugBound bool
	// Alarm: the function logs at warning level or above whenever it runs
	// (a project's Warnf): a block that calls it and returns ends on a
	// failure it states itself.
	Alarm bool
	// AlarmBound: the function returns a logger, event or entry bound to
	// warning level or above (a project's `logging.Warn()` returning
	// zerolog's Warn()); calls on its result log an alarm.
	AlarmBound bool
}

// meaning reports whether f says anything besides blocking: how the
// function fails, answers or logs.
func (f *Fact) meaning() bool {
	return f.Fails != (catalogue.Fails{}) || f.Answer != (catalogue.Answer{}) || f.DebugBound || f.Alarm || f.AlarmBound
}

// blocks reports whether f says its function performs blocking I/O.
func (f *Fact) blocks() bool {
	return f != nil && !f.NonBlocking && (f.Cat != catalogue.None || f.Declared)
}

func debugText(bound bool) string {
	if bound {
		return "debug-bound"
	}
	return ""
}

func alarmText(alarm bool) string {
	if alarm {
		return "logs alarm"
	}
	return ""
}

func alarmBoundText(bound bool) string {
	if bound {
		return "alarm-bound"
	}
	return ""
}

// Hop is one call of a witness chain: the function called and where.
type Hop struct {
	Name string // as shown in messages: store.writeAll, os.WriteFile
	File string // the call's position
	Line int
	Col  int
}

func (h Hop) posn() string { return fmt.Sprintf("%s:%d:%d", h.File, h.Line, h.Col) }

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String is the fact as analysistest's F:"..." expectations see it.
func (f *Fact) String() string {
	var b strings.Builder
	if f.NonBlocking {
		b.WriteString("nonblocking")
	}
	if f.blocks() {
		if f.Hot {
			b.WriteString("hot ")
		}
		fmt.Fprintf(&b, "blocking(%s)", f.Cat)
		if f.Declared {
			b.WriteString(" declared")
		}
		writeChain(&b, f.Chain)
		if more := f.Cats &^ catalogue.SetOf(f.Cat); more != 0 {
			b.WriteString("; also " + more.String())
		}
		if f.Unbounded != catalogue.None {
			fmt.Fprintf(&b, "; always %s", f.Unbounded)
			writeChain(&b, f.UnboundedChain)
		}
		if f.LocalChain != nil {
			fmt.Fprintf(&b, "; first local %s", f.Local)
			writeChain(&b, f.LocalChain)
		}
	}
	for _, m := range []string{f.Fails.String(), f.Answer.String(), debugText(f.DebugBound), alarmText(f.Alarm), alarmBoundText(f.AlarmBound)} {
		if m == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(m)
	}
	return b.String()
}

// writeChain writes ": a -> b -> c", the names of the hops of chain.
func writeChain(b *strings.Builder, chain []Hop) {
	for i, h := range chain {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString(" -> ")
		}
		b.WriteString(h.Name)
	}
}

// maxHops bounds a witness chain so that facts stay small; the middle of a
// longer chain is replaced by an elided hop (the first hops and the
// blocking call remain).
const maxHops = 5

// elided stands for the hops dropped from the middle of a long chain.
const elided = "..."

// extend returns the chain of a caller that reaches callee's chain through
// the call h.
func extend(h Hop, chain []Hop) []Hop {
	out := make([]Hop, 0, min(len(chain)+1, maxHops))
	out = append(out, h)
	if len(chain)+1 <= maxHops {
		return append(out, chain...)
	}
	out = append(out, chain[:maxHops-3]...)
	out = append(out, Hop{Name: elided})
	return append(out, chain[len(chain)-1])
}

// witnessText is the parenthesis of a transitive message: the blocking call
// and the functions it is reached through.
func witnessText(f *Fact) string {
	if f.Declared && len(f.Chain) == 0 {
		return "declared //iohotpath:blocking"
	}
	if len(f.Chain) == 0 {
		return ""
	}
	last := f.Chain[len(f.Chain)-1].Name
	if f.Declared {
		last += ", declared //iohotpath:blocking"
	}
	if len(f.Chain) == 1 {
		return last
	}
	var via []string
	for _, h := range f.Chain[:len(f.Chain)-1] {
		via = append(via, h.Name)
	}
	return last + " via " + strings.Join(via, " -> ")
}
