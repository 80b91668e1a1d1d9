// Package directives reads iohotpath's comment directives: hot markers on
// functions and loops, //iohotpath:blocking and //iohotpath:nonblocking on
// declarations, and //iohotpath:ignore on lines. Scan builds an Index once
// per package; the rules query it without changing it, say which
// directives they used, and Misuse reports the rest.
package directives

import (
	"fmt"
	"go/ast"
	"go/token"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/iohotpath/iohotpath/internal/catalogue"
	"github.com/iohotpath/iohotpath/internal/rules"
)

// Kind is what a directive says.
type Kind uint8

// The kinds of directive.
const (
	Hot         Kind = iota + 1 // //hotpath, // hotpath, //iohotpath:hot
	Blocking                    // //iohotpath:blocking [category]
	NonBlocking                 // //iohotpath:nonblocking
	Ignore                      // //iohotpath:ignore <reason>
)

// Directive spellings.
const (
	prefix     = "//iohotpath:"
	accepted   = "//hotpath, //iohotpath:hot, //iohotpath:blocking [category], //iohotpath:nonblocking or //iohotpath:ignore <reason>"
	nameHot    = "hot"
	nameBlock  = "blocking"
	nameNonBlk = "nonblocking"
	nameIgnore = "ignore"
)

var kindNames = map[Kind]string{Hot: nameHot, Blocking: nameBlock, NonBlocking: nameNonBlk, Ignore: nameIgnore}

// Directive is one recognised comment line.
type Directive struct {
	Comment *ast.Comment
	Kind    Kind
	Cat     catalogue.Category // Blocking: the declared category (File when none is given)
	Reason  string             // Ignore
}

// Used is the set of directives that applied to something: markers placed
// on a function or loop, ignores that suppressed a finding.
type Used map[*Directive]bool

// Add marks ds used.
func (u Used) Add(ds ...*Directive) {
	for _, d := range ds {
		u[d] = true
	}
}

// line locates a line of a file.
type line struct {
	file string
	line int
}

// Index holds the directives of a package.
type Index struct {
	fset    *token.FileSet
	all     []*Directive
	byGroup map[*ast.CommentGroup][]*Directive
	ignores map[line]*Directive
	// markers maps the last line of a comment group to its hot markers:
	// a loop on the next line is hot.
	markers map[line][]*Directive
}

// Scan collects the directives of files and returns the diagnostics of the
// malformed ones (which are not in the index).
func Scan(fset *token.FileSet, files []*ast.File) (*Index, []analysis.Diagnostic) {
	ix := &Index{fset: fset, byGroup: map[*ast.CommentGroup][]*Directive{}, ignores: map[line]*Directive{}, markers: map[line][]*Directive{}}
	var diags []analysis.Diagnostic
	for _, f := range files {
		var codeCols map[int]int // line -> first column holding code, built on demand
		for _, g := range f.Comments {
			for _, cm := range g.List {
				d, problem := parse(cm)
				if problem != "" {
					diags = append(diags, diagnostic(cm.Pos(), problem))
				}
				if d == nil {
					continue
				}
				if d.Kind == Ignore && d.Reason == "" {
					diags = append(diags, diagnostic(cm.Pos(), "//iohotpath:ignore needs a reason: write //iohotpath:ignore <why this is fine>"))
					continue
				}
				ix.all = append(ix.all, d)
				ix.byGroup[g] = append(ix.byGroup[g], d)
				switch d.Kind {
				case Ignore:
					if codeCols == nil {
						codeCols = codeColumns(fset, f)
					}
					posn := fset.PositionFor(cm.Pos(), false)
					l := posn.Line
					if col, ok := codeCols[l]; !ok || col > posn.Column {
						l++ // alone on its line: applies to the next line
					}
					ix.ignores[line{posn.Filename, l}] = d
				case Hot:
					end := fset.PositionFor(g.End(), false)
					k := line{end.Filename, end.Line}
					ix.markers[k] = append(ix.markers[k], d)
				}
			}
		}
	}
	return ix, diags
}

func diagnostic(pos token.Pos, msg string) analysis.Diagnostic {
	return analysis.Diagnostic{Pos: pos, Category: rules.Directive, Message: msg}
}

// isHotMarker reports whether a comment line marks hot code.
func isHotMarker(text string) bool {
	t := stripTrailingComment(text)
	return t == "//hotpath" || t == "// hotpath" || t == prefix+nameHot
}

// stripTrailingComment drops a second comment after a directive
// ("//iohotpath:hot // see ADR 12") and trailing blanks.
func stripTrailingComment(text string) string {
	if i := strings.Index(text[2:], "//"); i >= 0 {
		text = text[:i+2]
	}
	return strings.TrimRight(text, " \t")
}

// parse recognises an iohotpath comment line. A line that looks like a
// directive but is not one gives a problem instead.
func parse(cm *ast.Comment) (d *Directive, problem string) {
	text := cm.Text
	if !strings.HasPrefix(text, "//") {
		return nil, "" // a /* */ comment is never a directive
	}
	if isHotMarker(text) {
		return &Directive{Comment: cm, Kind: Hot}, ""
	}
	if rest, ok := strings.CutPrefix(stripTrailingComment(text), prefix); ok {
		name, arg := rest, ""
		if i := strings.IndexFunc(rest, unicode.IsSpace); i >= 0 {
			name, arg = rest[:i], strings.TrimSpace(rest[i:]) // any blank, a tab included
		}
		switch name {
		case nameHot, nameNonBlk:
			if arg != "" {
				return nil, "//iohotpath:" + name + " takes no argument"
			}
			kind := Hot
			if name == nameNonBlk {
				kind = NonBlocking
			}
			return &Directive{Comment: cm, Kind: kind}, ""
		case nameBlock:
			cat := catalogue.File
			if arg != "" {
				var ok bool
				if cat, ok = catalogue.Parse(arg); !ok {
					return nil, fmt.Sprintf("unknown category %s in //iohotpath:blocking; use one of %s", quoted(arg), strings.Join(catalogue.Names(), ", "))
				}
			}
			return &Directive{Comment: cm, Kind: Blocking, Cat: cat}, ""
		case nameIgnore:
			return &Directive{Comment: cm, Kind: Ignore, Reason: arg}, ""
		}
		return nil, "unknown directive " + shown(prefix+name) + "; use " + accepted
	}
	return nil, nearMiss(text)
}

// nearMiss says what is wrong with a comment line that was meant as a
// directive but is none, or "": a space after the slashes
// (// iohotpath:ignore), another case (//Hotpath, // HOTPATH,
// //IOHOTPATH:hot), the prefix without its colon (//iohotpath), or an
// argument to the marker (//hotpath:foo, //hotpath foo). Prose is left
// alone: a line that only starts with the word ("// hotpath code must ...")
// after a space.
func nearMiss(text string) string {
	t := stripTrailingComment(text)[2:]
	body := strings.TrimLeftFunc(t, unicode.IsSpace)
	spaced := body != t
	lower := strings.ToLower(body)
	switch {
	case strings.HasPrefix(body, "iohotpath:") && spaced && len(body) > len("iohotpath:") && isLetter(body[len("iohotpath:")]):
		return "directives take no space after //: write " + shown("//"+body)
	case lower == "hotpath" || lower == "iohotpath:hot":
		return shown(strings.TrimSpace(text)) + " is not a hot marker: write //hotpath (or // hotpath in a doc comment) or //iohotpath:hot"
	case strings.HasPrefix(lower, "iohotpath:") && !strings.HasPrefix(body, "iohotpath:") &&
		len(body) > len("iohotpath:") && isLetter(body[len("iohotpath:")]):
		return "directives are lowercase: " + shown(strings.TrimSpace(text)) + " is not one; use " + accepted
	case lower == "iohotpath" || !spaced && strings.HasPrefix(lower, "iohotpath") && startsBlank(body[len("iohotpath"):]):
		return shown(strings.TrimSpace(text)) + " is not a directive: write //iohotpath:<name>; use " + accepted
	case !spaced && strings.HasPrefix(lower, "hotpath") && (strings.HasPrefix(body[len("hotpath"):], ":") || startsBlank(body[len("hotpath"):])):
		return shown(strings.TrimSpace(text)) + " is not a hot marker: //hotpath takes no argument; use //hotpath or //iohotpath:hot"
	}
	return ""
}

// startsBlank reports whether s starts with a space or a tab.
func startsBlank(s string) bool {
	return s != "" && (s[0] == ' ' || s[0] == '\t')
}

// maxShown is how much of a comment a message quotes.
const maxShown = 60

// shown is s as a message may show it: as written when it is short and
// printable, else quoted (%q) and cut to maxShown bytes, so that a tab
// or a megabyte-long comment never reaches the output raw.
func shown(s string) string {
	if len(s) <= maxShown && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) || r == utf8.RuneError }) < 0 {
		return s
	}
	return quoted(s)
}

// quoted is s quoted, cut to maxShown bytes (at a rune boundary) with the
// length of the rest.
func quoted(s string) string {
	if len(s) <= maxShown {
		return strconv.Quote(s)
	}
	cut := maxShown
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%q… (%d more bytes)", s[:cut], len(s)-cut)
}

func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }
