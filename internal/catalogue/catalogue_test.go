package catalogue

import (
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		full string
		want Entry
	}{
		{"(*database/sql.DB).QueryRow", Entry{Cat: Database, Does: "queries the database"}},
		{"os.Open", Entry{Cat: File, Does: "opens a file"}},
		{"(*os.File).Close", Entry{Cat: File, Does: "does file I/O"}}, // no wording of its own: the category's
		{"(*os.File).Sync", Entry{Cat: Sync, Does: "syncs a file to disk"}},
		{"(net.Conn).Write", Entry{Cat: Network, Does: "uses a network connection", NoRoundTrip: true}},
		{"(*crypto/tls.Conn).Handshake", Entry{Cat: Network, Does: "performs a TLS handshake"}},
		{"(*go.uber.org/zap.Logger).Sync", Entry{Cat: Sync, Does: "flushes the log to disk"}},
		{"(*go.uber.org/zap.SugaredLogger).Infow", Entry{Cat: Log, Does: "writes a log record"}},
		{"log.Printf", Entry{Cat: Log, Does: "writes a log line"}},
		{"(github.com/redis/go-redis/v9.cmdable).*", Entry{Cat: Network, Does: "makes a Redis round trip"}},
		{"(*github.com/jackc/pgx/v5/pgxpool.Pool).Acquire", Entry{Cat: Database, Does: "acquires a connection, dialling when none is idle"}},
		{"io/ioutil.ReadFile", Entry{Cat: File, Does: "does file I/O"}},
		{"os.StartProcess", Entry{Cat: Process, Does: "starts a process"}},
		{"(github.com/go-kit/log.Logger).Log", Entry{Cat: Log, Does: "writes a log record"}},
		// vendored copies and aliases match their original's rows
		{"(*example.com/vendor/github.com/sirupsen/logrus.Entry).Info", Entry{Cat: Log, Does: "writes a log record"}},
		{"github.com/Sirupsen/logrus.Info", Entry{Cat: Log, Does: "writes a log record"}},
		{"(github.com/go-kit/kit/log.Logger).Log", Entry{Cat: Log, Does: "writes a log record"}},
		{"(*github.com/jackc/pgx/v4.Conn).Exec", Entry{Cat: Database, Does: "queries the database"}},
		{"(*github.com/jackc/pgx/v4/pgxpool.Pool).Acquire", Entry{Cat: Database, Does: "acquires a connection, dialling when none is idle"}},
		{"github.com/jackc/pgx/v4.Connect", Entry{Cat: Database, Does: "connects to the database"}},
		{"(github.com/go-redis/redis/v8.cmdable).*", Entry{Cat: Network, Does: "makes a Redis round trip"}},
		{"(*go.mongodb.org/mongo-driver/mongo.Collection).Find", Entry{Cat: Database, Does: "queries the database"}},
	} {
		got, ok := Lookup(tc.full)
		if !ok || got != tc.want {
			t.Errorf("Lookup(%q) = %+v, %v; want %+v, true", tc.full, got, ok, tc.want)
		}
	}
	for _, full := range []string{
		"fmt.Sprintf",
		"os.Getpid",
		"(*os.File).Name",
		"fmt.Fprintf",                     // writer-dependent: LookupWriterFunc
		"(*bufio.Writer).Flush",           // writer-dependent: LookupWriterMethod
		"database/sql.(*DB).QueryRow",     // not a FullName
		"(*database/sql.DB).QueryRow|foo", // no wording in keys
		"(*net.TCPConn).Close",            // closing a connection does not wait for the peer
		"(*net.TCPConn).CloseWrite",
		"(net.Conn).Close",
		"(*crypto/tls.Conn).Close",
		"(*example.com/sirupsen/logrus.Entry).Info", // not vendored: another package
	} {
		if e, ok := Lookup(full); ok {
			t.Errorf("Lookup(%q) = %+v, true; want a miss", full, e)
		}
	}
}

func TestRowsComplete(t *testing.T) {
	for _, list := range rows {
		for _, r := range list {
			if r.Pkg == "" || len(r.Names) == 0 || r.Cat == None || r.Cat >= NumCategories {
				t.Errorf("incomplete row %+v", r)
			}
			for _, n := range r.Names {
				if n == "" || strings.ContainsAny(n, "|. ") || (n == "*" && r.Recv == "") {
					t.Errorf("row %+v: bad name %q", r, n)
				}
			}
		}
	}
}

func TestEveryEntryHasWording(t *testing.T) {
	for k, e := range table() {
		if e.Does == "" {
			t.Errorf("%s: no wording", k)
		}
	}
}

func TestLines(t *testing.T) {
	lines := Lines()
	if len(lines) != Size() {
		t.Errorf("Lines() has %d lines, Size() = %d", len(lines), Size())
	}
	want := map[string]bool{
		"(*database/sql.DB).QueryRow database":                                             true,
		"fmt.Fprintf stdout (when the writer is a file or connection)":                     true,
		"(*encoding/json.Encoder).Encode encode (when the writer is a file or connection)": true,
		"(*bufio.Writer).Flush encode (when the writer is a file or connection)":           true,
	}
	for _, l := range lines {
		delete(want, l)
	}
	for l := range want {
		t.Errorf("Lines() lacks %q", l)
	}
}
