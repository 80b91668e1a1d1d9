package catalogue

import "strconv"

// Fails says when a function returns a non-nil error: always (a
// constructor), or when one of its arguments is a non-nil error (a
// wrapper, which returns nil for nil). The functions of analysed packages
// get the same meaning from their bodies, as facts; these rows describe
// the standard library and the errors packages a driver may not analyse.
type Fails struct {
	Always bool
	IfArg  int  // 1 + the argument that must be a non-nil error; 0 when Always
	AnyArg bool // errors.Join: when any argument is a non-nil error
	IfRecv bool // a method returning its receiver, an error (e.WithDescription(…)): when that is one
}

// errorRows are the functions whose result is a non-nil error, by when.
var errorRows = []struct {
	Fails
	Rows []Row
}{
	{Fails{Always: true}, []Row{
		{Pkg: "errors", Names: []string{"New"}},
		{Pkg: "fmt", Names: []string{"Errorf"}},
		{Pkg: "github.com/pkg/errors", Names: []string{"New", "Errorf"}},
		{Pkg: "github.com/go-errors/errors", Names: []string{"New", "Errorf"}},
		{Pkg: "github.com/cockroachdb/errors", Names: []string{"New", "Newf", "Errorf", "AssertionFailedf", "Handled"}},
		{Pkg: "golang.org/x/xerrors", Names: []string{"New", "Errorf"}},
		{Pkg: "google.golang.org/grpc/status", Names: []string{"Error", "Errorf"}},
		{Pkg: "connectrpc.com/connect", Names: []string{"NewError"}},
	}},
	{Fails{IfArg: 1}, []Row{
		{Pkg: "github.com/pkg/errors", Names: []string{"Wrap", "Wrapf", "WithMessage", "WithMessagef", "WithStack"}},
		{Pkg: "github.com/go-errors/errors", Names: []string{"Wrap", "WrapPrefix"}},
		{Pkg: "github.com/cockroachdb/errors", Names: []string{"Wrap", "Wrapf", "WithStack", "WithMessage", "WithMessagef"}},
	}},
	{Fails{AnyArg: true}, []Row{{Pkg: "errors", Names: []string{"Join"}}}},
}

// errorMakers is errorRows by key.
var errorMakers = func() map[string]Fails {
	m := map[string]Fails{}
	for _, g := range errorRows {
		for _, r := range g.Rows {
			for _, k := range r.keys() {
				m[k] = g.Fails
			}
		}
	}
	return m
}()

// LookupFails returns when the function of full name full
// (types.Func.FullName) returns a non-nil error, if the catalogue knows:
// errors.New and fmt.Errorf always, errors.Wrap when its first argument
// is not nil.
func LookupFails(full string) (Fails, bool) {
	f, ok := errorMakers[canonicalFull(full)]
	return f, ok
}

// String is f as facts show it: "fails", "fails if arg 1", "fails if any
// arg", or "" when it says nothing.
func (f Fails) String() string {
	switch {
	case f.Always:
		return "fails"
	case f.IfArg > 0:
		return "fails if arg " + strconv.Itoa(f.IfArg)
	case f.AnyArg:
		return "fails if any arg"
	case f.IfRecv:
		return "fails if receiver"
	}
	return ""
}
