package analyzer

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"
)

// Directive spellings.
const (
	dirPrefix      = "//iohotpath:"
	dirHot         = "hot"
	dirBlocking    = "blocking"
	dirNonBlocking = "nonblocking"
	dirIgnore      = "ignore"
	acceptedDirs   = "//hotpath, //iohotpath:hot, //iohotpath:blocking [category], //iohotpath:nonblocking or //iohotpath:ignore <reason>"
)

// directive is one recognised comment line.
type directive struct {
	c    *ast.Comment
	kind string // dirHot (also for //hotpath), dirBlocking, dirNonBlocking, dirIgnore
	arg  string // category or reason
	used bool   // placed where it applies (markers) or suppressed something (ignores)
}

// ignoreKey locates the line an ignore applies to.
type ignoreKey struct {
	file string
	line int
}

// directives holds the directives of a package.
type directives struct {
	all     []*directive
	byGroup map[*ast.CommentGroup][]*directive
	ignores map[ignoreKey]*directive
	// loopMarkers maps file and line of the last line of a comment group to
	// its hot markers: a loop on the next line is hot.
	loopMarkers map[ignoreKey][]*directive
}

// isHotMarker reports whether a comment line marks hot code.
func isHotMarker(text string) bool {
	t := stripTrailingComment(text)
	return t == "//hotpath" || t == "// hotpath" || t == dirPrefix+dirHot
}

// stripTrailingComment drops a second comment after a directive
// ("//iohotpath:hot // see ADR 12") and trailing blanks.
func stripTrailingComment(text string) string {
	if i := strings.Index(text[2:], "//"); i >= 0 {
		text = text[:i+2]
	}
	return strings.TrimRight(text, " \t")
}

// scanDirectives collects the directives of every file and reports the
// malformed ones.
func (c *checker) scanDirectives() {
	d := &directives{byGroup: map[*ast.CommentGroup][]*directive{}, ignores: map[ignoreKey]*directive{},
		loopMarkers: map[ignoreKey][]*directive{}}
	c.dirs = d
	for _, f := range c.pass.Files {
		var codeCols map[int]int // line -> first column holding code, built on demand
		for _, g := range f.Comments {
			for _, cm := range g.List {
				dir := c.parseDirective(cm)
				if dir == nil {
					continue
				}
				d.all = append(d.all, dir)
				d.byGroup[g] = append(d.byGroup[g], dir)
				posn := c.pass.Fset.PositionFor(cm.Pos(), false)
				switch dir.kind {
				case dirIgnore:
					if dir.arg == "" {
						dir.used = true // reported now, not again as unused
						c.reportf(cm.Pos(), RuleDirective, "//iohotpath:ignore needs a reason: write //iohotpath:ignore <why this is fine>")
						continue
					}
					if codeCols == nil {
						codeCols = codeColumns(c.pass.Fset, f)
					}
					line := posn.Line
					if col, ok := codeCols[line]; !ok || col > posn.Column {
						line++ // alone on its line: applies to the next line
					}
					d.ignores[ignoreKey{posn.Filename, line}] = dir
				case dirHot:
					end := c.pass.Fset.PositionFor(g.End(), false)
					k := ignoreKey{end.Filename, end.Line}
					d.loopMarkers[k] = append(d.loopMarkers[k], dir)
				}
			}
		}
	}
}

// parseDirective recognises the iohotpath comment lines, reporting the ones
// that look like a directive but are not one.
func (c *checker) parseDirective(cm *ast.Comment) *directive {
	text := cm.Text
	if !strings.HasPrefix(text, "//") {
		return nil // a /* */ comment is never a directive
	}
	if isHotMarker(text) {
		return &directive{c: cm, kind: dirHot}
	}
	if rest, ok := strings.CutPrefix(stripTrailingComment(text), dirPrefix); ok {
		name, arg, _ := strings.Cut(rest, " ")
		arg = strings.TrimSpace(arg)
		switch name {
		case dirHot, dirNonBlocking:
			if arg != "" {
				c.reportf(cm.Pos(), RuleDirective, "//iohotpath:%s takes no argument", name)
				return nil
			}
			return &directive{c: cm, kind: name}
		case dirBlocking:
			if arg != "" {
				if _, ok := parseCategory(arg); !ok {
					c.reportf(cm.Pos(), RuleDirective, "unknown category %q in //iohotpath:blocking; use one of %s", arg, strings.Join(CategoryNames(), ", "))
					return nil
				}
			}
			return &directive{c: cm, kind: name, arg: arg}
		case dirIgnore:
			return &directive{c: cm, kind: name, arg: arg}
		}
		c.reportf(cm.Pos(), RuleDirective, "unknown directive //iohotpath:%s; use %s", name, acceptedDirs)
		return nil
	}
	// Near misses: a space after the slashes, or a misspelt prefix.
	body := strings.TrimLeft(strings.TrimPrefix(text, "//"), " \t")
	if after, ok := strings.CutPrefix(body, "iohotpath:"); ok && body != text[2:] && after != "" && isLetter(after[0]) {
		c.reportf(cm.Pos(), RuleDirective, "directives take no space after //: write //%s", strings.TrimRight(body, " "))
	}
	return nil
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

// funcDirectives returns the directives in the doc comment of fd.
func (c *checker) funcDirectives(fd *ast.FuncDecl) []*directive {
	if fd.Doc == nil {
		return nil
	}
	return c.dirs.byGroup[fd.Doc]
}

// loopMarker returns the hot markers directly above a loop (or the label of
// a labelled loop) starting at pos.
func (c *checker) loopMarker(pos token.Pos) []*directive {
	posn := c.pass.Fset.PositionFor(pos, false)
	return c.dirs.loopMarkers[ignoreKey{posn.Filename, posn.Line - 1}]
}

// ignored reports whether the line of pos carries a valid
// //iohotpath:ignore, and marks it used.
func (c *checker) ignored(pos token.Pos) bool {
	posn := c.pass.Fset.PositionFor(pos, false)
	if d := c.dirs.ignores[ignoreKey{posn.Filename, posn.Line}]; d != nil {
		d.used = true
		return true
	}
	return false
}

// reportDirectiveMisuse reports markers placed where they apply to nothing
// and ignores that suppressed nothing. It runs last.
func (c *checker) reportDirectiveMisuse() {
	for _, d := range c.dirs.all {
		if d.used {
			continue
		}
		switch d.kind {
		case dirIgnore:
			if c.runsEveryRule(d.c.Pos()) {
				c.reportf(d.c.Pos(), RuleDirective, "//iohotpath:ignore suppresses nothing; remove it")
			}
		case dirHot:
			c.reportf(d.c.Pos(), RuleDirective, "%s applies to nothing: put it in the doc comment of a function or on the line directly above a for or range statement", strings.TrimSpace(d.c.Text))
		default:
			c.reportf(d.c.Pos(), RuleDirective, "//iohotpath:%s applies to nothing: put it in the doc comment of a function declaration", d.kind)
		}
	}
}

func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// runsEveryRule reports whether the configuration checks the file of pos
// with every category and rule: only then is an ignore that suppressed
// nothing surely stale, and not meant for a rule turned off here.
func (c *checker) runsEveryRule(pos token.Pos) bool {
	if c.s.noDefer || c.s.noReopen || slices.Contains(c.s.disabled[:], true) {
		return false
	}
	return c.s.tests || !strings.HasSuffix(c.pass.Fset.PositionFor(pos, false).Filename, "_test.go")
}
