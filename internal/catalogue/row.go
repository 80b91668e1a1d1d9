package catalogue

// Row is one line of a table: functions of a package, or methods of one
// receiver type, that share a category and a wording.
type Row struct {
	Pkg   string   // import path: "database/sql"
	Recv  string   // receiver as types.Func.FullName writes it ("*DB", "Conn"); "" for functions
	Names []string // function or method names; "*" alone: every method of Recv
	Cat   Category
	Does  string // what the call does, in words; "" for the category's wording

	// NoRoundTrip marks network I/O that waits for no answer from a peer:
	// reading or writing a connection already open, opening a listener. A
	// lock around a connection's writes is how its stream is kept whole,
	// as a file's records are, so io-under-lock does not report it.
	NoRoundTrip bool
}

// keys returns the types.Func.FullName of each name of r:
// "database/sql.Open", "(*database/sql.DB).QueryRow", "(T).*".
func (r Row) keys() []string {
	out := make([]string, len(r.Names))
	for i, n := range r.Names {
		out[i] = r.key(n)
	}
	return out
}

// key returns the types.Func.FullName of the function or method n of r's
// package and receiver.
func (r Row) key(n string) string {
	if r.Recv == "" {
		return r.Pkg + "." + n
	}
	recv := r.Recv
	star := ""
	if recv[0] == '*' {
		star, recv = "*", recv[1:]
	}
	return "(" + star + r.Pkg + "." + recv + ")." + n
}
