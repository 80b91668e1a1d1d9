package names_test

import (
	"fmt"
	"testing"

	"github.com/iohotpath/iohotpath/internal/names"
)

func TestParseUserAccepts(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"example.com/p.F", "example.com/p.F"},
		{"example.com/p.T.M", "example.com/p.T.M"},
		{"example.com/p.(*T).M", "example.com/p.T.M"},
		{"(example.com/p.T).M", "example.com/p.T.M"},
		{"(*example.com/p.T).M", "example.com/p.T.M"},
		{"github.com/a.b/c.F", "github.com/a.b/c.F"},
		{"github.com/a.b/c.d/e.T.M", "github.com/a.b/c.d/e.T.M"},
		{"(*github.com/a.b/c.T).M", "github.com/a.b/c.T.M"},
		{"os.Open", "os.Open"},
		{"os.File.Close", "os.File.Close"},
		{"os.(*File).Close", "os.File.Close"},
	} {
		got, err := names.ParseUser(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseUser(%q) = %q, %v; want %q, nil", tt.in, got, err, tt.want)
		}
	}
}

func TestParseUserRejects(t *testing.T) {
	for _, tt := range []struct{ in, why string }{
		{"", "empty"},
		{"(example.com/p.T.M", "no closing parenthesis before the method"},
		{"(*example.com/p.T)M", "no closing parenthesis before the method"},
		{"example.com/p.(*T.M", "no closing parenthesis before the method"},
		{"(T).M", "receiver has no package"},
		{"(*example.com/p).M", "receiver has no package"},
		{"F", "want a package path, a dot and a name"},
		{"example.com/p", "want a package path, a dot and a name"},
		{"example.com/p.T.M.X", "want a package path, a dot and a name"},
		{".F", "bad package path"},
		{"example com/p.F", "bad package path"},
		{"(**example.com/p.T).M", "bad package path"},
		{"example.com/p..F", "empty name between dots"},
		{"example.com/p.F.", "empty name between dots"},
		{"(example.com/p.T).", "empty name between dots"},
		{"example.com/p.(*1T).M", "bad type name 1T"},
		{"example.com/p.T-x.M", "bad type name T-x"},
		{"example.com/p.F-x", "bad function name F-x"},
		{"(example.com/p.T).M()", "bad function name M()"},
	} {
		want := fmt.Sprintf("malformed function name %q: %s (want example.com/pkg.Func or example.com/pkg.(*Type).Method)", tt.in, tt.why)
		got, err := names.ParseUser(tt.in)
		if err == nil || err.Error() != want || got != "" {
			t.Errorf("ParseUser(%q) = %q, %v;\nwant error %s", tt.in, got, err, want)
		}
	}
}
