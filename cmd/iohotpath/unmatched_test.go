package main_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// unmatchedSrc has a function to make hot, one to declare blocking and a
// method to trust.
const unmatchedSrc = `package p

import "log"

func slow() {}

type T struct{}

func (*T) Flush() { log.Print("flush") }

func Handle(t *T) {
	slow()
	t.Flush()
	log.Print("x")
}
`

// TestUnmatchedEntriesWarn: a funcs, blocking or nonblocking entry that
// names no function of the packages analysed is warned of on stderr,
// naming the entry and its file and line or its flag; the findings and
// the exit code are those of the same run without the typos; a run whose
// entries all match says nothing more. In process only: under go vet each
// unit sees only itself.
func TestUnmatchedEntriesWarn(t *testing.T) {
	bin := binary(t)
	const good = "funcs: ['^Handle$']\nblocking: ['example.com/tmp.slow=network']\nnonblocking: ['log.Print', '(*example.com/tmp.T).Flush']\n"
	const typos = "funcs: ['^Handle$', 'Handel$']\nblocking: ['example.com/tmp.slow=network', 'example.com/tmp.slwo']\nnonblocking: ['log.Print', 'log.Prnit', '(*example.com/tmp.T).Flush']\n"
	clean := tempModule(t, map[string]string{"a.go": unmatchedSrc, ".iohotpath.yml": good})
	typo := tempModule(t, map[string]string{"a.go": unmatchedSrc, ".iohotpath.yml": typos})

	_, cleanErr, cleanCode := runEnv(t, clean, nil, bin, "-engine=inprocess", "./...")
	if cleanCode != 3 || !strings.Contains(cleanErr, "a.go:12:2: p.slow makes a network round trip") || strings.Contains(cleanErr, "warning") {
		t.Errorf("every entry matches: exit code %d, want 3, the finding on slow and no warning\n%s", cleanCode, cleanErr)
	}

	_, errOut, code := runEnv(t, typo, nil, bin, "-engine=inprocess", "./...")
	yml := filepath.Join(typo, ".iohotpath.yml")
	for _, want := range []string{
		yml + `:1: funcs entry "Handel$" matches no function in the packages analysed`,
		yml + `:2: blocking entry "example.com/tmp.slwo" matches no function in the packages analysed`,
		yml + `:3: nonblocking entry "log.Prnit" matches no function in the packages analysed`,
	} {
		if !strings.Contains(errOut, "iohotpath: warning: "+want+"\n") {
			t.Errorf("no warning %q in\n%s", want, errOut)
		}
	}
	if n := strings.Count(errOut, "warning:"); n != 3 {
		t.Errorf("%d warnings, want 3 (the entries that match are not warned of)\n%s", n, errOut)
	}
	if code != cleanCode || !equalFindings(clean, cleanErr, typo, errOut) {
		t.Errorf("the warnings changed the run: exit code %d (want %d)\n%s", code, cleanCode, errOut)
	}

	_, errOut, code = runEnv(t, clean, nil, bin, "-engine=inprocess", "-funcs=Handel", "-nonblocking=log.Print,log.Prnit", "./...")
	for _, want := range []string{`-funcs: funcs entry "Handel"`, `-nonblocking: nonblocking entry "log.Prnit"`} {
		if !strings.Contains(errOut, "iohotpath: warning: "+want+" matches no function") {
			t.Errorf("flags: no warning %q (exit code %d) in\n%s", want, code, errOut)
		}
	}
	if strings.Contains(errOut, `"^Handle$"`) || strings.Contains(errOut, `"log.Print"`) {
		t.Errorf("a flag replaces the file's items, and a matching item is not warned of:\n%s", errOut)
	}

	_, errOut, _ = runEnv(t, typo, nil, bin, "-engine=vet", "./...")
	if strings.Contains(errOut, "warning") {
		t.Errorf("under go vet's engine each unit sees only itself, yet it warned:\n%s", errOut)
	}
}

// equalFindings reports whether two runs in two directories report the
// same findings.
func equalFindings(dirA, outA, dirB, outB string) bool {
	a, b := findings(dirA, outA), findings(dirB, outB)
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}
