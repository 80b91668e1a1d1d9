package catalogue

// errorConstructors make a new error value: a block that returns one,
// with nothing else that may block, is an error exit.
var errorConstructors = set(
	Row{Pkg: "errors", Names: []string{"New", "Join"}},
	Row{Pkg: "fmt", Names: []string{"Errorf"}},
	Row{Pkg: "github.com/pkg/errors", Names: []string{"New", "Errorf", "Wrap", "Wrapf", "WithMessage", "WithMessagef", "WithStack"}},
	Row{Pkg: "google.golang.org/grpc/status", Names: []string{"Error", "Errorf"}},
)

// IsErrorConstructor reports whether the function of full name full
// (types.Func.FullName) makes a new error: errors.New, fmt.Errorf,
// errors.Wrap and kin.
func IsErrorConstructor(full string) bool { return errorConstructors[canonicalFull(full)] }
