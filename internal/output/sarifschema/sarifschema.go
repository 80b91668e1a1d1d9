// Package sarifschema validates SARIF logs against the SARIF 2.1.0 JSON
// schema, for tests. The schema is the OASIS one (errata 01) that the module
// github.com/owenrumney/go-sarif/v3 ships as the constant "schema" of its
// package pkg/report/v210/sarif, which iohotpath's SARIF output is built
// with; it is read from that module's source in the module cache, so the
// schema and the library always come at the same version.
package sarifschema

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"
)

// module is the module that ships the schema.
const module = "github.com/owenrumney/go-sarif/v3"

var load = sync.OnceValues(func() (*gojsonschema.Schema, error) {
	text, err := Text()
	if err != nil {
		return nil, err
	}
	return gojsonschema.NewSchema(gojsonschema.NewStringLoader(text))
})

// Validate reports the ways in which log breaks the schema, all of them.
func Validate(log []byte) error {
	schema, err := load()
	if err != nil {
		return fmt.Errorf("loading the SARIF schema: %v", err)
	}
	res, err := schema.Validate(gojsonschema.NewBytesLoader(log))
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range res.Errors() {
		errs = append(errs, errors.New(e.String()))
	}
	return errors.Join(errs...)
}

// Text returns the schema: the value of the constant "schema" in
// pkg/report/v210/sarif/schema.go of the module's version in go.mod.
func Text() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-json", module).Output()
	if err != nil {
		return "", fmt.Errorf("go list -m %s: %v", module, err)
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
		return "", fmt.Errorf("go list -m %s: no directory in the module cache (%s)", module, out)
	}
	file := filepath.Join(mod.Dir, "pkg", "report", "v210", "sarif", "schema.go")
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		return "", err
	}
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if i >= len(vs.Values) || name.Name != "schema" {
					continue
				}
				if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					text, err := strconv.Unquote(lit.Value)
					if err == nil && !strings.Contains(text, `"version"`) {
						err = errors.New("not a SARIF schema")
					}
					return text, err
				}
			}
		}
	}
	return "", fmt.Errorf("%s: no constant schema", file)
}
