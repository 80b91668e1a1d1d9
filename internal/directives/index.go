package directives

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// ForFunc returns the declaration directives in the doc comment of fd:
// hot markers, blocking and nonblocking. An //iohotpath:ignore there is
// not one: it applies to the line below it, and is used only if it
// suppresses something there.
func (ix *Index) ForFunc(fd *ast.FuncDecl) []*Directive {
	if fd.Doc == nil {
		return nil
	}
	var ds []*Directive
	for _, d := range ix.byGroup[fd.Doc] {
		if d.Kind != Ignore {
			ds = append(ds, d)
		}
	}
	return ds
}

// LoopMarkers returns the hot markers on the line directly above pos, the
// start of a loop or of the label of a labelled loop.
func (ix *Index) LoopMarkers(pos token.Pos) []*Directive {
	posn := ix.fset.PositionFor(pos, false)
	return ix.markers[line{posn.Filename, posn.Line - 1}]
}

// HasMarkers reports whether the package has any hot marker, in a doc
// comment or above a statement.
func (ix *Index) HasMarkers() bool { return len(ix.markers) > 0 }

// IgnoreAt returns the //iohotpath:ignore that covers the line of pos, or
// nil.
func (ix *Index) IgnoreAt(pos token.Pos) *Directive {
	posn := ix.fset.PositionFor(pos, false)
	return ix.ignores[line{posn.Filename, posn.Line}]
}

// Suppress drops the diagnostics on lines covered by an ignore and marks
// those ignores used.
func (ix *Index) Suppress(diags []analysis.Diagnostic, used Used) []analysis.Diagnostic {
	kept := diags[:0:0]
	for _, d := range diags {
		if ig := ix.IgnoreAt(d.Pos); ig != nil {
			used.Add(ig)
			continue
		}
		kept = append(kept, d)
	}
	return kept
}

// Misuse reports the markers placed where they apply to nothing and the
// ignores that suppressed nothing. An unused ignore is stale only where
// every rule ran (stale reports whether that holds at a position): else it
// may be meant for a rule turned off here.
func (ix *Index) Misuse(used Used, everyRuleRan func(token.Pos) bool) []analysis.Diagnostic {
	var diags []analysis.Diagnostic
	for _, d := range ix.all {
		if used[d] {
			continue
		}
		pos := d.Comment.Pos()
		switch d.Kind {
		case Ignore:
			if everyRuleRan(pos) {
				diags = append(diags, diagnostic(pos, "//iohotpath:ignore suppresses nothing; remove it"))
			}
		case Hot:
			diags = append(diags, diagnostic(pos, shown(stripTrailingComment(d.Comment.Text))+" applies to nothing: put it in the doc comment of a function or on the line directly above a for or range statement"))
		default:
			diags = append(diags, diagnostic(pos, "//iohotpath:"+kindNames[d.Kind]+" applies to nothing: put it in the doc comment of a function declaration"))
		}
	}
	return diags
}

// codeColumns maps each line of f holding code to the first column where a
// node starts or ends on it, so that a comment can tell whether it trails
// code or stands alone.
func codeColumns(fset *token.FileSet, f *ast.File) map[int]int {
	cols := map[int]int{}
	note := func(p token.Pos) {
		if !p.IsValid() {
			return
		}
		posn := fset.PositionFor(p, false)
		if c, ok := cols[posn.Line]; !ok || posn.Column < c {
			cols[posn.Line] = posn.Column
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.Comment, *ast.CommentGroup:
			return false
		}
		note(n.Pos())
		note(n.End() - 1)
		return true
	})
	return cols
}
