package main_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestProgramFlag: on testdata/program, whose main wires a SQL store, a
// file saver and net.Dial into hot handlers through interfaces and func
// fields, the plain run finds nothing and -program finds each of them at
// the hot call site, naming the implementation, and the calls through
// interfaces and func fields made while a lock is held (package locked),
// also where the callee blocks only through such a call of its own (the
// journal's writer, klog's flushAll); the JSON carries the
// dispatch hop as the first related information; -engine=vet refuses.
// (The program is what the patterns load: ./handler alone has no main to
// wire it, and -program adds nothing there.)
func TestProgramFlag(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command with -program on a real module, on both engines: skipped in -short mode")
	}
	bin := binary(t)
	mod := testdataDir(t, "program")
	out, code := run(t, mod, bin, "./...")
	if code != 0 || len(findings(mod, out)) > 0 {
		t.Errorf("iohotpath ./...: exit code %d, findings\n%s\nwant none: the modular run cannot see through interfaces", code, out)
	}
	out, code = run(t, mod, bin, "-program", "./...")
	want := []string{
		"fanout/fanout.go:28:3: s.Put (implemented by fanout.File0.Put, 9 other implementations) performs blocking file I/O",
		"handler/handler.go:146:2: (*handler.Server).keep performs blocking file I/O ((*os.File).Write via s.Journal.Save",
		"handler/handler.go:160:12: s.Dial (implemented by net.Dial) dials a connection",
		"handler/handler.go:51:11: s.Store.Get (implemented by (*sqlstore.S).Get) performs blocking database I/O",
		"handler/handler.go:56:11: s.Backup.Get (implemented by (*sqlstore.S).Get, 1 other implementation) performs blocking database I/O",
		"handler/handler.go:58:3: s.Hook (implemented by main.main.func2) performs blocking file I/O",
		"handler/handler.go:73:9: s.Config.Save (implemented by (*filesaver.F).Save) performs blocking file I/O",
		"handler/handler.go:81:2: s.Journal.Save (implemented by (*filesaver.Journal).Save) performs blocking file I/O ((*os.File).Write via j.Out.Write",
		"handler/handler.go:91:2: (*handler.Server).journal performs blocking file I/O ((*os.File).Write via s.Journal.Save",
		"leveled/leveled.go:57:2: s.Log.Print (implemented by (*leveled.Std).Print) performs blocking log I/O ((*log.Logger).Println via s.print",
		"locked/locked.go:105:2: s.Disk.Write (implemented by (*os.File).Write) writes a file while s.Mu is held",
		"locked/locked.go:38:2: l.Out.Sync (implemented by (*os.File).Sync) syncs a file to disk while l.mu is held",
		"locked/locked.go:48:2: (*locked.Log).syncAll performs blocking sync I/O ((*os.File).Sync via f.Sync",
		"locked/locked.go:69:12: l.Dial (implemented by net.Dial) dials a connection while l.mu is held",
	}
	got := findings(mod, out)
	if code != 3 || len(got) != len(want) {
		t.Fatalf("iohotpath -program ./...: exit code %d, findings\n%s\nwant 3 and %d findings", code, strings.Join(got, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("finding %d:\n%s\nwant it to start with\n%s", i, got[i], want[i])
		}
	}

	stdout, _, _ := runEnv(t, mod, nil, bin, "-program", "-json", "./...")
	var tree map[string]map[string][]struct {
		Message string
		Related []struct{ Message string }
	}
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("-json: %v\n%s", err, stdout)
	}
	diags := tree["example.com/program/handler"]["iohotpath"]
	if len(diags) != 8 || len(diags[0].Related) == 0 || diags[0].Related[0].Message != "s.Store.Get dispatches to (*sqlstore.S).Get" {
		t.Errorf("-program -json ./...: %+v\nwant 8 findings in package handler, the first with the dispatch hop first", diags)
	}

	if out, _ := run(t, mod, bin, "-program", "./handler"); len(findings(mod, out)) > 0 {
		t.Errorf("-program ./handler: %s\nwant nothing: no main wires the handler", out)
	}

	out, code = run(t, mod, bin, "-program", "-engine=vet", "./...")
	if code != 1 || !strings.Contains(out, "-program") || !strings.Contains(out, "-engine=vet") {
		t.Errorf("-program -engine=vet: exit code %d\n%s\nwant 1 and an error naming both flags", code, out)
	}
}

// TestProgramServedFake: a package that starts httptest's server is test
// support, and presets make nothing of it hot; under -program, one that a
// main package of the program links is served in production (a fake whose
// product is serving tests, as fake-gcs-server's fakestorage), and its
// handlers are. A mock no main links stays test support.
func TestProgramServedFake(t *testing.T) {
	bin := binary(t)
	const server = `package %s

import (
	"net/http"
	"net/http/httptest"
	"os"
)

// NewTest starts the server on a loopback port.
func NewTest() *httptest.Server { return httptest.NewServer(http.HandlerFunc(Serve)) }

// Serve answers with the file the path names.
func Serve(w http.ResponseWriter, r *http.Request) {
	b, _ := os.ReadFile("/data" + r.URL.Path)
	w.Write(b)
}
`
	mod := tempModule(t, map[string]string{
		"fake/fake.go":        fmt.Sprintf(server, "fake"),
		"mock/mock.go":        fmt.Sprintf(server, "mock"),
		"cmd/fakesrv/main.go": "package main\n\nimport \"example.com/tmp/fake\"\n\nfunc main() { fake.NewTest(); select {} }\n",
	})
	out, code := run(t, mod, bin, "-engine=inprocess", "-hot=http", "./...")
	if code != 0 || len(findings(mod, out)) > 0 {
		t.Errorf("-hot=http ./...: exit code %d\n%s\nwant none: both packages start a test server", code, out)
	}
	out, code = run(t, mod, bin, "-hot=http", "-program", "./...")
	got := findings(mod, out)
	if code != 3 || len(got) != 1 || !strings.HasPrefix(got[0], "fake/fake.go:14:10: os.ReadFile reads a file on every call of HTTP handler Serve") {
		t.Errorf("-hot=http -program ./...: exit code %d, findings %q\nwant 3 and the fake's handler alone: main links it, nothing links the mock", code, got)
	}
}
