package hygiene

import (
	"bytes"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// hoistEdits moves the lines of open and check before the loop and the
// line of close after it, re-indented. It returns nil when these
// statements share their lines with other code.
func (c *checker) hoistEdits(l *loop, open, check, close ast.Stmt, first, last bool, f string) []analysis.TextEdit {
	tf := c.pass.Fset.File(open.Pos())
	if tf == nil || c.pass.ReadFile == nil {
		return nil
	}
	src, err := c.pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return nil
	}
	off := func(p token.Pos) int { return tf.Offset(p) }
	loopStart, openStart := off(l.outer.Pos()), off(open.Pos())
	loopIndent, ok1 := indentAt(src, off(l.stmt.Pos())) // gofmt outdents a label
	bodyIndent, ok2 := indentAt(src, openStart)
	checkEnd, closeStart, loopEnd := off(check.End()), off(close.Pos()), off(l.outer.End())
	_, ok3 := indentAt(src, closeStart)
	_, ok4 := indentAt(src, loopStart)
	if !ok1 || !ok2 || !ok3 || !ok4 || !restBlank(src, checkEnd) || !restBlank(src, off(close.End())) || !restBlank(src, loopEnd) ||
		!strings.HasPrefix(bodyIndent, loopIndent) || len(bodyIndent) == len(loopIndent) {
		return nil
	}
	// Cut whole lines; drop a blank line the cut would leave at the start
	// or the end of the body.
	cutFrom, cutTo := lineStart(src, openStart), lineEnd(src, checkEnd)+1
	moved := src[cutFrom:cutTo]
	if first && isBlankLine(src, cutTo) {
		cutTo = lineEnd(src, cutTo) + 1
	}
	closeFrom, closeTo := lineStart(src, closeStart), lineEnd(src, closeStart)+1
	if last && closeFrom > 0 && isBlankLine(src, lineStart(src, closeFrom-1)) {
		closeFrom = lineStart(src, closeFrom-1)
	}
	closeFrom = max(closeFrom, cutTo)
	if spansLines(open) || spansLines(check) {
		return nil // re-indenting would change a raw string
	}
	var hoisted bytes.Buffer
	for _, line := range strings.SplitAfter(string(moved), "\n") {
		switch {
		case line == "" || line == "\n":
			hoisted.WriteString(line)
		case strings.HasPrefix(line, bodyIndent):
			hoisted.WriteString(loopIndent + line[len(bodyIndent):])
		default:
			return nil
		}
	}
	pos := func(o int) token.Pos { return tf.Pos(o) }
	insertAt := aboveComments(src, lineStart(src, loopStart))
	return []analysis.TextEdit{
		{Pos: pos(insertAt), End: pos(insertAt), NewText: hoisted.Bytes()},
		{Pos: pos(cutFrom), End: pos(cutTo)},
		{Pos: pos(closeFrom), End: pos(closeTo)},
		{Pos: pos(lineEnd(src, loopEnd)), End: pos(lineEnd(src, loopEnd)), NewText: []byte("\n" + loopIndent + f + ".Close()")},
	}
}

// aboveComments returns the start of the comment lines directly above the
// line starting at start (or start itself): the hoisted open goes above a
// //hotpath marker and any comment on the loop, so that they stay on it.
func aboveComments(src []byte, start int) int {
	for start > 0 {
		prev := lineStart(src, start-1)
		if !strings.HasPrefix(strings.TrimSpace(string(src[prev:start])), "//") {
			break
		}
		start = prev
	}
	return start
}

// spansLines reports whether n holds a raw string literal of several lines.
func spansLines(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(lit.Value, "\n") && lit.Value[0] == '`' {
			found = true
		}
		return !found
	})
	return found
}

// indentAt returns the blanks between the start of the line of offset o
// and o, and whether there is nothing else.
func indentAt(src []byte, o int) (string, bool) {
	s := string(src[lineStart(src, o):o])
	return s, strings.Trim(s, " \t") == ""
}

// restBlank reports whether only blanks or a line comment follow offset o
// on its line.
func restBlank(src []byte, o int) bool {
	rest := strings.TrimLeft(string(src[o:lineEnd(src, o)]), " \t")
	return rest == "" || strings.HasPrefix(rest, "//")
}

func isBlankLine(src []byte, o int) bool {
	return o < len(src) && strings.TrimSpace(string(src[o:lineEnd(src, o)])) == ""
}

func lineStart(src []byte, o int) int { return bytes.LastIndexByte(src[:o], '\n') + 1 }

// lineEnd is the offset of the newline ending the line of o (len(src) on
// the last line).
func lineEnd(src []byte, o int) int {
	if i := bytes.IndexByte(src[o:], '\n'); i >= 0 {
		return o + i
	}
	return len(src)
}
