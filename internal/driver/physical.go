package driver

import (
	"go/ast"
	"go/token"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// physicalEdits returns run with the suggested fixes it reports moved to
// positions that name the file they edit. go vet's -json writes an edit's
// file as fset.Position gives it, which is the file a //line directive
// names (a .y file, /tmp/x.txt): the command's -fix would then edit that
// file at offsets of the Go file. An edit in a file with such a directive
// is moved, at the same offset, into a copy of the file's range that has
// no line directives, so every writer of positions sees its real name.
//
// A fix that edits a generated file is dropped: the engines' own -fix
// skips those (by their *token.File, which the copy is not), and the
// generator would undo it.
func physicalEdits(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		fset, report := pass.Fset, pass.Report
		generated := map[*token.File]bool{}
		for _, f := range pass.Files {
			if ast.IsGenerated(f) {
				generated[fset.File(f.Package)] = true
			}
		}
		var mu sync.Mutex
		plain := map[*token.File]*token.File{} // a file with line directives -> its copy without
		move := func(e analysis.TextEdit) analysis.TextEdit {
			tf := fset.File(e.Pos)
			if tf == nil || fset.Position(e.Pos).Filename == tf.Name() && fset.Position(e.End).Filename == tf.Name() {
				return e
			}
			mu.Lock()
			defer mu.Unlock()
			c, ok := plain[tf]
			if !ok {
				c = fset.AddFile(tf.Name(), -1, tf.Size())
				plain[tf] = c
			}
			return analysis.TextEdit{Pos: c.Pos(tf.Offset(e.Pos)), End: c.Pos(tf.Offset(e.End)), NewText: e.NewText}
		}
		pass.Report = func(d analysis.Diagnostic) {
			var fixes []analysis.SuggestedFix
		fixes:
			for _, f := range d.SuggestedFixes {
				edits := make([]analysis.TextEdit, len(f.TextEdits))
				for i, e := range f.TextEdits {
					if generated[fset.File(e.Pos)] {
						continue fixes
					}
					edits[i] = move(e)
				}
				fixes = append(fixes, analysis.SuggestedFix{Message: f.Message, TextEdits: edits})
			}
			d.SuggestedFixes = fixes
			report(d)
		}
		return run(pass)
	}
}
