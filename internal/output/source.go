package output

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf16"
)

// FindRoot returns the directory that reported file names are relative
// to, for dir (the working directory): the module root, the directory of
// the nearest go.mod at or above dir (dir itself without one); but in
// GitHub Actions, where workspace is $GITHUB_WORKSPACE and holds the
// module, the workspace, since GitHub resolves names against the
// repository's root and the module may be in a subdirectory.
func FindRoot(dir, workspace string) string {
	root := dir
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			root = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if workspace != "" && filepath.IsAbs(workspace) && within(filepath.Clean(workspace), root) {
		return filepath.Clean(workspace)
	}
	return root
}

// within reports whether path is dir or inside it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// relFile returns file relative to root, with slashes, and whether it is
// inside root; a file outside root is returned unchanged.
func relFile(root, file string) (string, bool) {
	if root == "" || !filepath.IsAbs(file) || !within(root, file) {
		return file, false
	}
	rel, _ := filepath.Rel(root, file)
	return filepath.ToSlash(rel), true
}

// relPosition is p with its file relative to root.
func relPosition(root string, p Position) Position {
	p.File, _ = relFile(root, p.File)
	return p
}

// sources reads the reported files once each, for the text of lines and
// for converting positions.
type sources struct {
	files map[string]*source
}

type source struct {
	data  []byte
	lines []int // offset of the start of each line
}

func newSources() *sources { return &sources{files: make(map[string]*source)} }

// get returns the file, or nil when it cannot be read.
func (s *sources) get(file string) *source {
	src, ok := s.files[file]
	if !ok {
		if data, err := os.ReadFile(file); err == nil {
			src = &source{data: data, lines: []int{0}}
			for i, c := range data {
				if c == '\n' {
					src.lines = append(src.lines, i+1)
				}
			}
		}
		s.files[file] = src
	}
	return src
}

// line returns line n (from 1) of file without its line ending, and
// whether it exists.
func (s *sources) line(file string, n int) (string, bool) {
	src := s.get(file)
	if src == nil || n < 1 || n > len(src.lines) {
		return "", false
	}
	start, end := src.lines[n-1], len(src.data)
	if n < len(src.lines) {
		end = src.lines[n]
	}
	return strings.TrimRight(string(src.data[start:end]), "\r\n"), true
}

// utf16Column converts col, a column in bytes from 1 on line, to UTF-16
// code units from 1, SARIF's default column kind (the same for ASCII).
// It returns col when the file cannot be read.
func (s *sources) utf16Column(file string, line, col int) int {
	text, ok := s.line(file, line)
	if !ok || col < 1 {
		return col
	}
	prefix := text[:min(col-1, len(text))]
	return utf16Len(prefix) + 1 + max(0, col-1-len(text))
}

// position converts a byte offset in file to a line and a UTF-16 column,
// both from 1; ok is false when the file cannot be read or is shorter.
func (s *sources) position(file string, offset int) (line, col int, ok bool) {
	src := s.get(file)
	if src == nil || offset < 0 || offset > len(src.data) {
		return 0, 0, false
	}
	i, found := slices.BinarySearch(src.lines, offset) // lines[i-1] < offset < lines[i]
	if line = i; found {
		line = i + 1
	}
	return line, utf16Len(string(src.data[src.lines[line-1]:offset])) + 1, true
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += max(1, utf16.RuneLen(r))
	}
	return n
}
