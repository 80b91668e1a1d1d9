package directives

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
	"unicode"
)

// scan parses src and returns its index and the messages of its malformed
// directives.
func scan(t *testing.T, src string) (*Index, *ast.File, []string) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	ix, diags := Scan(fset, []*ast.File{f})
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.Message)
	}
	return ix, f, msgs
}

// TestMisspeltMarkers: a comment meant as a marker or a directive but
// spelt otherwise is reported, once, with what to write; prose that
// starts with the word is not.
func TestMisspeltMarkers(t *testing.T) {
	for _, tc := range []struct{ comment, want string }{
		{"//hotpath:foo", "is not a hot marker: //hotpath takes no argument"},
		{"//hotpath foo", "is not a hot marker: //hotpath takes no argument"},
		{"//iohotpath", "//iohotpath is not a directive: write //iohotpath:<name>"},
		{"//iohotpath hot", "is not a directive: write //iohotpath:<name>"},
		{"//Hotpath", "//Hotpath is not a hot marker: write //hotpath"},
		{"// HOTPATH", "// HOTPATH is not a hot marker: write //hotpath"},
		{"//IOHOTPATH:hot", "is not a hot marker"},
		{"//IoHotPath:ignore x", "directives are lowercase"},
		{"// iohotpath:hot", "directives take no space after //: write //iohotpath:hot"},
		{"//iohotpath:hott", "unknown directive //iohotpath:hott; use"},
		{"// hotpath code must not block", ""},
		{"// Hotpaths are per request.", ""},
		{"// iohotpath finds blocking I/O", ""},
		{"// iohotpath: prose that mentions the tool", ""},
		{"// IOHOTPATH: prose too", ""},
		{"//hotpath", ""},
		{"// hotpath", ""},
		{"//iohotpath:hot // see ADR 12", ""},
	} {
		_, _, msgs := scan(t, "package p\n\n"+tc.comment+"\nfunc F() {}\n")
		switch {
		case tc.want == "" && len(msgs) > 0:
			t.Errorf("%s: %q, want silence", tc.comment, msgs)
		case tc.want != "" && (len(msgs) != 1 || !strings.Contains(msgs[0], tc.want)):
			t.Errorf("%s: %q, want one message containing %q", tc.comment, msgs, tc.want)
		}
	}
}

// TestIgnoreAnyBlank: the reason may follow a tab; a message never holds
// a raw control character, nor more than a bounded prefix of a comment.
func TestIgnoreAnyBlank(t *testing.T) {
	ix, _, msgs := scan(t, "package p\n\nfunc F() {\n\t_ = 1 //iohotpath:ignore\tfine here\n}\n")
	if len(msgs) > 0 || len(ix.all) != 1 || ix.all[0].Kind != Ignore || ix.all[0].Reason != "fine here" {
		t.Errorf("//iohotpath:ignore<TAB>reason: %q, directives %v; want an ignore with its reason", msgs, ix.all)
	}
	long := strings.Repeat("x", 1<<20)
	for _, comment := range []string{"//iohotpath:hot\u0007", "//iohotpath:" + long, "//iohotpath:blocking " + long, "// iohotpath:hot " + long, "//hotpath:" + long} {
		_, _, msgs := scan(t, "package p\n\n"+comment+"\nfunc F() {}\n")
		if len(msgs) != 1 {
			t.Errorf("%.30q: %d messages, want 1", comment, len(msgs))
			continue
		}
		if len(msgs[0]) > 400 || strings.ContainsFunc(msgs[0], func(r rune) bool { return !unicode.IsPrint(r) }) {
			t.Errorf("%.30q: message of %d bytes with control characters or beyond the bound: %.200q", comment, len(msgs[0]), msgs[0])
		}
	}
}

// TestIgnoreInDocCommentIsNotADeclaration: an //iohotpath:ignore in a
// function's doc comment is not one of its declarations, so one that
// suppresses nothing is reported as stale.
func TestIgnoreInDocCommentIsNotADeclaration(t *testing.T) {
	ix, f, msgs := scan(t, "package p\n\n// F does nothing.\n//\n//iohotpath:ignore nothing to suppress\n//iohotpath:hot\nfunc F() {}\n")
	if len(msgs) > 0 {
		t.Fatalf("malformed: %q", msgs)
	}
	used := Used{}
	ds := ix.ForFunc(f.Decls[0].(*ast.FuncDecl))
	if len(ds) != 1 || ds[0].Kind != Hot {
		t.Fatalf("ForFunc: %v, want the hot marker alone", ds)
	}
	used.Add(ds...) // as the hot-io rule does with what applied
	var stale []string
	for _, d := range ix.Misuse(used, func(token.Pos) bool { return true }) {
		stale = append(stale, d.Message)
	}
	if len(stale) != 1 || !strings.Contains(stale[0], "//iohotpath:ignore suppresses nothing") {
		t.Errorf("Misuse: %q, want the stale ignore", stale)
	}
}

// FuzzScan: whatever a comment holds, Scan does not panic, and every
// message is one bounded line of printable text.
func FuzzScan(f *testing.F) {
	for _, seed := range []string{"//hotpath", "//iohotpath:ignore\treason", "//iohotpath:blocking disks", "// HOTPATH", "//hotpath:x", "//iohotpath:\x00"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, comment string) {
		if strings.ContainsAny(comment, "\n\r") || !strings.HasPrefix(comment, "//") {
			return
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "p.go", "package p\n\n"+comment+"\nfunc F() {}\n", parser.ParseComments)
		if err != nil {
			return
		}
		_, diags := Scan(fset, []*ast.File{file})
		for _, d := range diags {
			if len(d.Message) > 400 || strings.ContainsFunc(d.Message, func(r rune) bool { return !unicode.IsPrint(r) }) {
				t.Errorf("%q: message %q", comment, d.Message)
			}
		}
	})
}
