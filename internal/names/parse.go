package names

import (
	"fmt"
	"go/token"
	"strings"
)

// ParseUser checks a function name written by a user in an option and
// returns its UserKey. Accepted: example.com/p.F, example.com/p.T.M,
// example.com/p.(*T).M, (example.com/p.T).M and (*example.com/p.T).M.
func ParseUser(name string) (string, error) {
	bad := func(why string) (string, error) {
		return "", fmt.Errorf("malformed function name %q: %s (want example.com/pkg.Func or example.com/pkg.(*Type).Method)", name, why)
	}
	if name == "" {
		return bad("empty")
	}
	var pkg, recv, fn string
	switch {
	case strings.HasPrefix(name, "("):
		inner, method, ok := strings.Cut(name[1:], ").")
		if !ok {
			return bad("no closing parenthesis before the method")
		}
		inner = strings.TrimPrefix(inner, "*")
		dot := strings.LastIndex(inner, ".")
		if dot <= strings.LastIndex(inner, "/") {
			return bad("receiver has no package")
		}
		pkg, recv, fn = inner[:dot], inner[dot+1:], method
	case strings.Contains(name, ".(*"):
		i := strings.Index(name, ".(*")
		rest, method, ok := strings.Cut(name[i+3:], ").")
		if !ok {
			return bad("no closing parenthesis before the method")
		}
		pkg, recv, fn = name[:i], rest, method
	default:
		slash := strings.LastIndex(name, "/")
		parts := strings.Split(name[slash+1:], ".")
		switch len(parts) {
		case 2:
			pkg, fn = name[:slash+1]+parts[0], parts[1]
		case 3:
			pkg, recv, fn = name[:slash+1]+parts[0], parts[1], parts[2]
		default:
			return bad("want a package path, a dot and a name")
		}
	}
	if pkg == "" || strings.ContainsAny(pkg, " ()*") {
		return bad("bad package path")
	}
	if strings.Count(name, ".") > 0 && (strings.Contains(name, "..") || strings.HasSuffix(name, ".")) {
		return bad("empty name between dots")
	}
	if recv != "" && !token.IsIdentifier(recv) {
		return bad("bad type name " + recv)
	}
	if !token.IsIdentifier(fn) {
		return bad("bad function name " + fn)
	}
	if recv != "" {
		return pkg + "." + recv + "." + fn, nil
	}
	return pkg + "." + fn, nil
}
